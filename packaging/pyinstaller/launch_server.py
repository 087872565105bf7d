"""The packaged `meeting-server` program's entry point, and the children it starts."""

import multiprocessing
import sys

from server.child import run_module_if_asked

# The server's PDF workers (server/pdf_jobs.py, meeting/pdf/processes.py) start through
# multiprocessing's fork server: in a frozen program that child is this executable again, and
# freeze_support runs it.
multiprocessing.freeze_support()

run_module_if_asked(sys.argv)

from server.cli import main  # noqa: E402

sys.exit(main())
