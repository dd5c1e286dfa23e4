"""Frozen entry point of the windowed app: the same target as the ``clockify-exporter`` script.

The same executable is also the window's export process (core.export_process): started
with only CHILD_FLAG, it runs that and never loads Qt.
"""

import sys

from core.export_process import CHILD_FLAG, child_main

if __name__ == "__main__":
    if sys.argv[1:] == [CHILD_FLAG]:
        sys.exit(child_main())
    from gui.app import main

    sys.exit(main())
