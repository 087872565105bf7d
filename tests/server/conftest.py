"""The server's tests run on both stores: every test that uses the seeded server or asks for
`store_kind` runs once on SQLite and once on PostgreSQL (ids `[sqlite]`, `[postgresql]`)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def store_kind(request) -> str:
    return request.param
