"""The packaged `meeting-server` program's entry point, and the children it starts."""

import sys

from server.child import run_module_if_asked

run_module_if_asked(sys.argv)  # (a child: the upload check, text extraction)

from server.cli import main  # noqa: E402

sys.exit(main())
