"""The packaged program's entry point: the `meeting` command, and the children it starts."""

import sys

from server.child import run_module_if_asked

run_module_if_asked(sys.argv)  # (a child: the upload check, text extraction)

from meeting.cli import main  # noqa: E402

sys.exit(main())
