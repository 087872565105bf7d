"""`pip install .` (the README's first command) brings no `scale` extra: the demo's server and
`meeting-server` must start without redis and psycopg, which only `--redis` and `--database`
need. A top-level `import redis` once broke the README's first command this way."""

from __future__ import annotations

import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent("""
    import sys, tempfile
    from pathlib import Path
    for name in ("redis", "psycopg", "psycopg_pool"):
        sys.modules[name] = None  # (as if not installed: importing it raises ImportError)
    from meeting.demo import prepare
    from server.app import create_app
    from server.cluster import Cluster, RedisUnavailable
    folder = Path(tempfile.mkdtemp())
    prepare(folder)
    create_app(folder)
    try:
        Cluster("redis://127.0.0.1:1/0")
    except RedisUnavailable as error:
        print("ok:", error)
""")


def test_the_demo_and_the_server_start_without_the_scale_extra(tmp_path):
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                          timeout=120, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "ok: --redis needs the redis package" in done.stdout, done.stdout
