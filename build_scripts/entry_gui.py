"""Frozen entry point of the windowed app: the same target as the ``clockify-exporter`` script."""

import sys

from gui.app import main

if __name__ == "__main__":
    sys.exit(main())
