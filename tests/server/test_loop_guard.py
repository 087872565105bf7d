"""The test suite's check that no database call runs on the server's event loop
(server/store/loop_guard.py): a statement there is refused, naming the caller."""

from __future__ import annotations

import asyncio

import pytest

from server.context import ServerContext
from server.store.loop_guard import GuardedConnection, StoreOnLoopError, allowed


def test_a_statement_on_the_loop_is_refused_and_through_call_it_runs(tmp_path):
    context = ServerContext.open(tmp_path)
    try:
        assert isinstance(context.store.db, GuardedConnection)  # (tests/conftest.py)

        async def on_the_loop() -> None:
            with pytest.raises(StoreOnLoopError, match="on_the_loop"):
                context.store.users()
            with pytest.raises(StoreOnLoopError):
                context.reader.users()
            assert await context.call(context.store.users) == []
            assert await context.read(lambda store: store.users()) == []
            with allowed():  # (the server's start)
                assert context.store.users() == []

        asyncio.run(on_the_loop())
        assert context.store.users() == []  # (no loop on this thread: the CLI, the tests)
    finally:
        context.close()


def test_the_reading_store_writes_nothing(tmp_path):
    context = ServerContext.open(tmp_path)
    try:
        with pytest.raises(Exception, match="readonly"):
            asyncio.run(context.read(lambda store: store.create_meeting("never")))
    finally:
        context.close()
