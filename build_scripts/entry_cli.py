"""Frozen entry point of the console app: the same target as ``clockify-exporter-cli``."""

from core.cli import main

if __name__ == "__main__":
    main()  # exits through sys.exit() with the CLI's own exit code
