"""Start the window: `clockify-exporter [--demo] [--smoke-test] [--version]`."""

from __future__ import annotations

import argparse
import atexit
import gc
import logging
import sys
import threading
import traceback
from datetime import date, timedelta
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, TextIO

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Slot
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from core import APP_ID, APP_NAME, __version__
from core.credentials import CredentialStore
from core.errors import ExporterError
from core.reports import ExportFormat, ReportKind
from core.resources import resource_path
from gui import dialogs
from gui.date_panel import CUSTOM
from gui.i18n import install_translators, language_for
from gui.main_window import MainWindow, suggested_file_name
from gui.platform_check import xcb_problem
from gui.settings import ORGANIZATION, AppSettings

if TYPE_CHECKING:  # core.planning loads once signed in (gui.main_window)
    from core.planning import ExportResult

log = logging.getLogger(__name__)

SMOKE_TIMEOUT_MS = 60_000


# The window's options: each one is off unless given.
_FLAGS = (
    ("--demo", "use the built-in demo server and its sample data"),
    ("--smoke-test", "with --demo: export once through the window, print the file, quit"),
    ("--version", "print the version and quit"),
)


def parse_args(argv: list[str]) -> tuple[argparse.Namespace, list[str]]:
    if not argv:  # from the desktop, no arguments: no parser (argparse's gettext lookup, ~2 ms)
        return argparse.Namespace(**{flag[2:].replace("-", "_"): False for flag, _ in _FLAGS}), []
    parser = argparse.ArgumentParser(prog="clockify-exporter", description=APP_NAME)
    for flag, text in _FLAGS:
        parser.add_argument(flag, action="store_true", help=text)
    return parser.parse_known_args(argv)


class _EarlyRecords(logging.Handler):
    """Keeps what is logged before the log file opens, to be written there first."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


class LogFile:
    """A rotating log file in the user's log folder; never holds the API key.

    `open()` runs once the window is on screen: logging.handlers (with socket, pickle, …) and
    platformdirs would cost its start-up ~20 ms. Until then records wait in memory, and at
    exit at the latest they are written (so a failed start is logged too).
    """

    def __init__(self) -> None:
        self.path: Path | None = None
        self._early: _EarlyRecords | None = _EarlyRecords()
        logging.getLogger().addHandler(self._early)
        atexit.register(self.open)

    def open(self) -> Path | None:
        """Open the file and write what waited (once; later calls return the path)."""
        if self._early is None:
            return self.path
        import logging.handlers

        import platformdirs

        root = logging.getLogger()
        early, self._early = self._early, None
        root.removeHandler(early)
        try:
            folder = Path(platformdirs.user_log_dir(APP_ID, appauthor=False))
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / "clockify-exporter.log"
            handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000,
                                                           backupCount=3, encoding="utf-8")
        except OSError as exc:
            log.warning("no log file: %s", exc)
            return None
        handler.setFormatter(logging.Formatter(
            "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"))
        root.addHandler(handler)
        for record in early.records:
            handler.handle(record)
        self.path = path
        return path


def setup_logging() -> LogFile:
    """Warnings to the console now, everything to the log file once it opens."""
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    if sys.stderr is not None:  # None in a windowed (no console) frozen app
        console = logging.StreamHandler(sys.stderr)
        console.setLevel(logging.WARNING)
        root.addHandler(console)
    logging.getLogger("urllib3").setLevel(logging.WARNING)
    return LogFile()


def install_excepthook() -> None:
    """Log anything unhandled and tell the user, instead of vanishing."""

    def hook(kind: type[BaseException], exc: BaseException,
             tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        details = "".join(traceback.format_exception(kind, exc, tb))
        log.critical("unhandled exception\n%s", details)
        app = QApplication.instance()
        if app is not None and threading.current_thread() is threading.main_thread():
            dialogs.show_unexpected_error(
                QApplication.activeWindow(),
                QCoreApplication.translate("app", "Something unexpected went wrong: {error}")
                .format(error=exc), details)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        details = "".join(traceback.format_exception(args.exc_type, args.exc_value,
                                                     args.exc_traceback))
        log.critical("unhandled exception in thread %s\n%s", args.thread, details)

    sys.excepthook = hook
    threading.excepthook = thread_hook


def app_icon() -> QIcon:
    """The app's icon from resources/ (frozen or from the source tree), when it is there.

    The PNG, not the SVG: on X11 the window's icon is drawn at several sizes inside show(),
    and SVG would load Qt's SVG module there (with the eye icons, ~5 ms of the first paint).
    """
    path = resource_path("icon-256.png")
    return QIcon(str(path)) if path.is_file() else QIcon()


class SmokeTest(QObject):
    """Drives the real window: sign in to the demo, export 30 days of JSON, report, quit."""

    def __init__(self, window: MainWindow, folder: Path) -> None:
        super().__init__(window)
        self.window = window
        self.folder = folder
        self.exit_code = 1
        self._started = False
        window.account_panel.workspace_changed.connect(self.on_account_panel_workspace_changed)
        window.account_panel.sign_in_failed.connect(self.on_account_panel_sign_in_failed)
        window.export_finished.connect(self.on_window_export_finished)
        window.export_failed.connect(self.on_window_export_failed)
        window.export_cancelled.connect(self.on_timeout)
        QTimer.singleShot(SMOKE_TIMEOUT_MS, self.on_timeout)

    @Slot(object)
    def on_account_panel_workspace_changed(self, workspace: object) -> None:
        if workspace is None or self._started:
            return
        self._started = True
        window = self.window
        window.report_tabs.set_kind(ReportKind.DETAILED)
        window.export_panel.set_fmt(ExportFormat.JSON)
        today = date.today()
        window.date_panel.set_preset(CUSTOM)
        window.date_panel.set_range(today - timedelta(days=29), today)
        problem = window.export_problem()
        if problem:
            self._fail(problem)
            return
        name = suggested_file_name(ReportKind.DETAILED, (today - timedelta(days=29)).isoformat(),
                                   today.isoformat(), ExportFormat.JSON)
        window.start_export(self.folder / name)

    @Slot(object)
    def on_account_panel_sign_in_failed(self, error: ExporterError) -> None:
        self._fail(f"sign-in failed: {error}")

    @Slot(object)
    def on_window_export_finished(self, result: ExportResult) -> None:
        path = result.files[0] if result.files else None
        if path is None or not path.is_file():
            self._fail("the export reported success but wrote no file")
            return
        log.info("smoke test saved %s", path)
        _say(str(path), sys.stdout)
        self.exit_code = 0
        self.window.export_done.connect(self.window.close)

    @Slot(object)
    def on_window_export_failed(self, error: ExporterError) -> None:
        self._fail(f"export failed: {error}\n{error.details}".rstrip())

    @Slot()
    def on_timeout(self) -> None:
        if self.exit_code != 0:
            self._fail("the smoke test did not finish in time")

    def _fail(self, message: str) -> None:
        log.error("smoke test failed: %s", message)
        _say(f"smoke test failed: {message}", sys.stderr)
        self.exit_code = 1
        self.window.shutdown()
        QApplication.exit(1)


def calm_garbage_collector() -> None:
    """Keep Python's garbage collector from stalling the window while an export runs.

    A full collection stops every thread, the GUI thread too, and scans every object:
    Qt's wrappers and the modules loaded at start-up make that 60-110 ms, several times
    per 100,000-entry export (benchmarks/bench_gui_stall.py). Objects that exist once the
    window is up live as long as the app, so they are frozen out of the scans; the export's
    short-lived page objects are collected in larger, rarer batches. The frozen app starts
    with collection off (build_scripts/entry_gui.py) until this runs.
    """
    gc.collect()
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)
    gc.enable()


def after_first_paint(window: MainWindow, log_file: LogFile) -> None:
    """What the window's first frame doesn't need, once that frame is on screen.

    Reading the keyring (loading and probing its backends: ~50 ms frozen, ~70 ms from
    source), the log file (~15 ms) and the garbage collector's first full pass (see
    calm_garbage_collector) ran before the first paint; a user saw an empty screen for as
    long. The key and the sign-in status now appear a moment after the window does.
    Ctrl+C in the terminal works from here on (the signal module is not needed before).
    """
    window.log_file = log_file.open()
    window.start()
    stop_on_interrupt(window)
    calm_garbage_collector()


def stop_on_interrupt(window: MainWindow) -> None:
    """Ctrl+C in the terminal quits as closing the window does (a running export is
    cancelled first). Qt's event loop never runs Python code on its own, so a timer hands
    control to Python regularly to let it notice the signal."""
    import signal

    signal.signal(signal.SIGINT, lambda _signum, _frame: window.quit_without_asking())
    timer = QTimer(window)
    timer.timeout.connect(lambda: None)
    timer.start(250)


def _say(text: str, stream: TextIO | None) -> None:
    """Print for scripts and packaging checks; a windowed frozen app may have no stream."""
    if stream is not None:
        print(text, file=stream, flush=True)


def main(argv: list[str] | None = None) -> int:
    args, qt_args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.version:
        _say(f"{APP_NAME} {__version__}", sys.stdout)
        return 0
    if args.smoke_test and not args.demo:
        _say("--smoke-test needs --demo", sys.stderr)
        return 2
    problem = None if getattr(sys, "frozen", False) else xcb_problem()
    if problem:  # from source on Linux: say what to install instead of Qt's abort
        _say(problem, sys.stderr)
        return 1
    log_file = setup_logging()
    install_excepthook()
    log.info("%s %s starting (demo=%s)", APP_NAME, __version__, args.demo)

    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    app = QApplication.instance() or QApplication([sys.argv[0], *qt_args])
    assert isinstance(app, QApplication)
    icon = app_icon()  # one icon for the app and its window
    app.setWindowIcon(icon)
    # Wayland and GNOME match the window to resources/clockify-report-exporter.desktop.
    QGuiApplication.setDesktopFileName(APP_ID)

    import tempfile  # the demo and the smoke test only

    demo = None
    temp: tempfile.TemporaryDirectory[str] | None = None
    if args.demo:
        from core.demo_session import start_demo  # the emulator loads only in demo mode

        demo = start_demo()
        log.info("demo server at %s", demo.server.api_base)
    try:
        if args.smoke_test:
            temp = tempfile.TemporaryDirectory(prefix="clockify-smoke-settings-")
            settings = AppSettings.in_file(Path(temp.name) / "settings.ini")
        elif demo is not None:  # the demo keeps its own settings, apart from the real ones
            settings = AppSettings.for_demo(APP_NAME)
        else:
            settings = AppSettings()
        install_translators(app, language_for(settings.text("language")))
        window = MainWindow(settings, None if demo else CredentialStore(),
                            (demo.server, demo.api_key) if demo else None, icon)
        smoke = None
        if args.smoke_test:  # the exported file stays, for whoever checks it
            smoke = SmokeTest(window, Path(tempfile.mkdtemp(prefix="clockify-smoke-")))
        window.first_painted.connect(lambda: after_first_paint(window, log_file))
        window.show()
        code = app.exec()
        window.shutdown()
        if smoke is not None:
            code = smoke.exit_code if code == 0 else code
        return code
    finally:
        if demo is not None:
            demo.stop()
        if temp is not None:
            temp.cleanup()


if __name__ == "__main__":
    sys.exit(main())
