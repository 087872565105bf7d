"""Whether the server reaches what it stands on: its database, and Redis with `--redis`.

Why: `/health` answered "ok" while PostgreSQL was down or its database gone, so a monitor or a
load balancer kept sending people to a process that could only answer `internal_error`. Each
is asked with a short timeout, off the event loop (the database) or on it without blocking
(Redis), so a server that cannot reach them still answers `/health` at once.
"""

from __future__ import annotations

import asyncio

from server.context import ServerContext
from server.store.repository import Store

PROBE_TIMEOUT_S = 2.0


async def unreachable(context: ServerContext) -> list[str]:
    """What the server cannot reach now, each said for the administrator; empty if nothing."""
    problems = []
    try:
        await asyncio.wait_for(context.read(_answers), PROBE_TIMEOUT_S)
    except TimeoutError:
        problems.append(f"the database did not answer within {PROBE_TIMEOUT_S:g} s")
    except Exception as error:  # (whatever the driver raises: said, not raised)
        problems.append(f"the database cannot be reached ({_said(error)})")
    if context.cluster is not None:
        try:
            await asyncio.wait_for(context.cluster.redis.ping(), PROBE_TIMEOUT_S)
        except TimeoutError:
            problems.append(f"Redis did not answer within {PROBE_TIMEOUT_S:g} s")
        except Exception as error:
            problems.append(f"Redis cannot be reached ({_said(error)})")
    return problems


def _answers(store: Store) -> None:
    store.db.execute("SELECT 1").fetchone()


def _said(error: BaseException) -> str:
    first_line = str(error).strip().splitlines()[0] if str(error).strip() else ""
    return f"{type(error).__name__}: {first_line}" if first_line else type(error).__name__
