"""The packaged program's entry point: the `meeting` command, and the children it starts."""

import multiprocessing
import sys

from server.child import run_module_if_asked

# The render workers (meeting/pdf/processes.py) start through multiprocessing's fork server:
# in a frozen program that child is this executable again, and freeze_support runs it.
multiprocessing.freeze_support()

run_module_if_asked(sys.argv)  # (a child: the upload check, text extraction)

from meeting.cli import main  # noqa: E402

sys.exit(main())
