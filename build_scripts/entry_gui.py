"""Frozen entry point of the windowed app: the same target as the ``clockify-exporter`` script.

The same executable is also the window's export process (core.export_process): started
with only CHILD_FLAG, it runs that and never loads Qt.
"""

import gc
import sys

from core import CHILD_FLAG

if __name__ == "__main__":
    if sys.argv[1:] == [CHILD_FLAG]:
        from core.export_process import child_main  # the window never loads it at start

        sys.exit(child_main())
    # No garbage collection while the window's modules load and it builds: ~20 passes over
    # a growing heap before its first paint (~3 ms frozen). Its objects live as long as the
    # app; gui.app.calm_garbage_collector turns collection back on once the window is up.
    gc.disable()
    from gui.app import main

    sys.exit(main())
