"""Clockify Report Exporter core: pure Python, never imports Qt.

Everything that talks to Clockify, plans and writes exports, keeps credentials and runs the
command line lives here, so the window, the CLI and the tests share one export path.
"""

__version__ = "0.1.0"
APP_NAME = "Clockify Report Exporter"
APP_ID = "clockify-report-exporter"
# The project's website (pyproject.toml's [project.urls] Homepage; a test keeps them equal).
HOMEPAGE = "https://github.com/clockify-report-exporter/clockify-report-exporter"
# Started with only this argument, the frozen window's executable is its own export process
# (core.export_process). Here, not there: the entry point checks it before loading anything.
CHILD_FLAG = "--export-process"
