"""Fixtures of the server tests: a server with the people of an approval route."""

from __future__ import annotations

import shutil

import pytest

from tests.helpers.approval import add_route_people


@pytest.fixture(scope="session")
def approval_template(tmp_path_factory, seeded_template):
    """The seeded server plus the people of a route (scrypt once for the session)."""
    template, _ = seeded_template
    folder = tmp_path_factory.mktemp("approval") / "server"
    shutil.copytree(template, folder)
    add_route_people(folder)
    return folder
