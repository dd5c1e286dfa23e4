"""The layout choice, CSV options, verification record and verified results (issues 8, 9),
progress by entries and every error kind worded (issue 11, defects 8 and 9)."""

from __future__ import annotations

import csv
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from core.connection import RequestStarts
from core.demo import DemoServer
from core.errors import ErrorKind, ExporterError, IncompleteError, NetworkError
from core.notes import Note, NoteKind
from core.planning import ExportResult, Phase, Progress, SavedFile, Verification
from core.render.settings import CsvSettings, Renderer
from core.reports import ExportFormat, ReportKind
from core.servers import make_server
from gui import wording
from gui.main_window import MainWindow
from gui.settings import AppSettings
from gui.widgets import Tone
from tests.gui.conftest import (
    FakeDialogs,
    WindowFactory,
    choose_workspace,
    run_export,
    sign_in,
)
from tests.gui.test_polish import (
    SCREENS,
    _assert_export_row_in_reach,
    _assert_not_clipped,
    _assert_unique,
    _settle,
)

END = date.today()
START = END - timedelta(days=55)


def _choose(window: MainWindow, fmt: ExportFormat, renderer: Renderer = Renderer.AUTO,
            kind: ReportKind = ReportKind.DETAILED) -> None:
    window.report_tabs.set_kind(kind)
    window.export_panel.set_fmt(fmt)
    window.export_panel.set_renderer(renderer)
    window.date_panel.set_range(START, END)


# ---- gap 1: the layout choice and the CSV options ---------------------------------------

def test_layout_shows_for_files_and_csv_options_for_the_apps_csv(
        make_window: WindowFactory) -> None:
    window = make_window()
    panel = window.export_panel
    panel.set_fmt(ExportFormat.JSON)
    assert not panel.layout_combo.isVisibleTo(panel)
    for fmt in (ExportFormat.CSV, ExportFormat.XLSX, ExportFormat.PDF):
        panel.set_fmt(fmt)
        assert panel.layout_combo.isVisibleTo(panel)
        assert panel.delimiter_combo.isVisibleTo(panel) is (fmt is ExportFormat.CSV)
        _assert_unique(window, f"options of {fmt}")
    panel.set_fmt(ExportFormat.CSV)
    panel.set_renderer(Renderer.CLOCKIFY)  # Clockify's CSV has its own separator and BOM
    assert not panel.delimiter_combo.isVisibleTo(panel)
    assert [panel.layout_combo.itemText(i) for i in range(3)] == [
        "Automatic (recommended)",
        "This app's (any plan, one file)", "Clockify's (as in the web app)"]


def test_layout_csv_options_and_manifest_are_remembered(make_window: WindowFactory) -> None:
    panel = make_window().export_panel
    assert (panel.renderer(), panel.csv_settings(), panel.manifest()) == (
        Renderer.AUTO, CsvSettings(), False)
    panel.set_renderer(Renderer.LOCAL)
    panel.delimiter_combo.setCurrentIndex(panel.delimiter_combo.findData(";"))
    panel.escape_check.setChecked(False)
    panel.bom_check.setChecked(False)
    panel.manifest_check.setChecked(True)
    again = make_window().export_panel
    assert again.renderer() is Renderer.LOCAL
    assert again.csv_settings() == CsvSettings(delimiter=";", bom=False, formula_escape=False)
    assert again.manifest()
    assert AppSettings().flag("manifest")


def test_a_free_workspace_gets_csv_and_excel_built_by_the_app(
        qtbot: QtBot, make_window: WindowFactory, demo_server: DemoServer,
        fake_dialogs: FakeDialogs, tmp_path: Path) -> None:
    window = make_window()
    sign_in(qtbot, window, demo_server)
    choose_workspace(qtbot, window, demo_server.free_workspace_id)
    panel = window.export_panel
    model = panel.format_combo.model()
    assert all(model.flags(model.index(i, 0)) & model.flags(model.index(0, 0))
               for i in range(panel.format_combo.count()))  # no format is greyed out
    assert "this app builds them" in window.account_panel.plan_label.text()
    for fmt in (ExportFormat.CSV, ExportFormat.XLSX):
        _choose(window, fmt)
        assert panel.export_button.isEnabled(), panel.reason_label.text()
        assert "builds one" in panel.note_label.text()
        _choose(window, fmt, Renderer.CLOCKIFY)
        assert not panel.export_button.isEnabled()
        assert (f"Clockify makes no {fmt.label} files on the Free plan"
                in panel.reason_label.text())
    _choose(window, ExportFormat.CSV)
    panel.delimiter_combo.setCurrentIndex(panel.delimiter_combo.findData(";"))
    panel.bom_check.setChecked(False)
    out = tmp_path / "free.csv"
    run_export(qtbot, window, fake_dialogs, out)
    assert panel.banner.tone is Tone.SUCCESS, panel.banner.text_label.text()
    raw = out.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8").splitlines(), delimiter=";"))
    assert len(rows[0]) > 5  # the header split by the chosen separator
    ws = demo_server.free_workspace_id
    expected = len(demo_server.data.entry_ids(ws, START, END, "Europe/Berlin"))
    text = panel.banner.text_label.text()
    assert f"Verified: {expected:,} of {expected:,} entries Clockify counted" in text
    assert " h · " in text and "request" in text


# ---- gaps 2 and 3: the verification record and the verified result ---------------------

def test_the_verification_record_is_saved_and_listed(
        qtbot: QtBot, signed_in: MainWindow, fake_dialogs: FakeDialogs,
        tmp_path: Path) -> None:
    _choose(signed_in, ExportFormat.JSON)
    signed_in.export_panel.manifest_check.setChecked(True)
    out = tmp_path / "entries.json"
    run_export(qtbot, signed_in, fake_dialogs, out)
    manifest = tmp_path / "entries.manifest.json"
    assert manifest.is_file()
    banner = signed_in.export_panel.banner
    assert f"Saved {out}." in banner.text_label.text()
    assert "Verification record: entries.manifest.json" in banner.text_label.text()
    assert [b.text() for b in banner.buttons()] == ["Ope&n file", "Show in folde&r"]


def test_clockifys_own_file_is_said_to_be_unchecked(
        qtbot: QtBot, signed_in: MainWindow, fake_dialogs: FakeDialogs,
        tmp_path: Path) -> None:
    signed_in.date_panel.set_range(END - timedelta(days=6), END)
    signed_in.export_panel.set_fmt(ExportFormat.XLSX)
    signed_in.export_panel.set_renderer(Renderer.CLOCKIFY)
    run_export(qtbot, signed_in, fake_dialogs, tmp_path / "clockify.xlsx")
    text = signed_in.export_panel.banner.text_label.text()
    assert "Clockify's own file" in text and "not counted" in text
    assert "Verified" not in text


@pytest.mark.parametrize("screen", list(SCREENS))
def test_the_options_and_a_verified_result_fit_common_screens(
        signed_in: MainWindow, screen: str) -> None:
    signed_in.resize(*SCREENS[screen])
    signed_in.export_panel.set_fmt(ExportFormat.CSV)  # layout and CSV rows shown
    folder = Path("/tmp/a-rather-long-folder-name")
    data, record = folder / "Clockify_Detailed_2025.csv", folder / "Clockify.manifest.json"
    verification = Verification(13470, 13470, {
        "totalTime": 9_000_000, "totalBillableTime": 7_000_000,
        "amountByCurrency": {"EUR": 123_456_789, "USD": 5_000}}, 15, ())
    result = ExportResult((data, record), 13470, 15, 1, (
        Note(NoteKind.PDF_TOO_LONG, "x", rows=13470),), verification, record)
    _settle()
    signed_in.export_panel.show_finished(result, lambda: None, lambda: None)
    _settle()
    assert signed_in.minimumSizeHint().width() <= SCREENS[screen][0]
    _assert_export_row_in_reach(signed_in)
    _assert_not_clipped(signed_in)


def test_verification_is_worded_with_totals_and_currencies() -> None:
    verification = Verification(1828, 1828, {
        "totalTime": 612 * 3600 + 3 * 60, "totalBillableTime": 3600,
        "amountByCurrency": {"EUR": 123456, "USD": 50}}, 11,
        (SavedFile(Path("x.json"), 1, "0" * 64),))
    assert wording.verification_text(verification) == (
        "Verified: 1,828 of 1,828 entries Clockify counted · total 612:03 h · "
        "billable 1:00 h · 1,234.56 EUR, 0.50 USD · 11 requests")
    assert wording.hours(2480 * 3600 + 31 * 60) == "2480:31 h"
    summary = Verification(3, None, {}, 1, ())
    assert wording.verification_text(summary) == "3 items written · 1 request"


def test_core_notes_are_worded_by_kind() -> None:
    for kind in NoteKind:  # every kind of note has its own words
        note = Note(kind, "core's English", rows=5000, days=31)
        assert wording.note_text(note) != "core's English"
    assert "this report has 5,000" in wording.note_text(
        Note(NoteKind.PDF_TOO_LONG, "x", rows=5000))
    assert wording.note_text("a plain note") == "a plain note"


# ---- gap 4: progress by entries and pages, with elapsed time and an estimate ------------

def test_the_bar_follows_entries_once_clockify_counted_them(signed_in: MainWindow) -> None:
    panel = signed_in.export_panel
    panel.set_running(True)
    progress = Progress(Phase.FETCHING, "", requests_done=1, requests_planned=1,
                        entries_written=1000, entries_expected=1828, pages_done=1,
                        pages_planned=2)
    panel.show_progress(progress)
    assert (panel.progress_bar.maximum(), panel.progress_bar.value()) == (1828, 1000)
    assert panel.progress_label.text() == (
        "1,000 of 1,828 entries written, page 1 of 2, 1 request sent.")
    assert wording.progress_fraction(progress) == pytest.approx(1000 / 1828)
    panel.set_running(False)


# ---- gap 5: every kind of error has its own sentence and advice -------------------------

def _error_of(kind: ErrorKind) -> ExporterError:
    if kind is ErrorKind.INCOMPLETE:
        return IncompleteError("core", "hint", expected=3327, received=2327)
    if kind in (ErrorKind.NETWORK, ErrorKind.TIMEOUT, ErrorKind.SERVER,
                ErrorKind.BROKEN_ANSWER):
        return NetworkError("core", "hint", kind=kind, status=503)
    error = ExporterError("core's sentence", "core's hint")
    error.kind = kind
    return error


@pytest.mark.parametrize("kind", list(ErrorKind))
def test_every_error_kind_is_worded(kind: ErrorKind) -> None:
    error = _error_of(kind)
    assert wording.error_title(error)
    text, hint = wording.error_text(error)
    assert text
    assert hint or kind is ErrorKind.CANCELLED


def test_the_wordings_of_kinds_differ() -> None:
    worded = {kind: wording.error_text(_error_of(kind)) for kind in ErrorKind}
    # Core's own sentence is kept only for what core knows best (the user's own choices).
    own = {ErrorKind.USAGE, ErrorKind.PLAN, ErrorKind.SERVER_CONFIG, ErrorKind.CREDENTIAL}
    sentences = [text for kind, (text, _hint) in worded.items() if kind not in own]
    assert len(sentences) == len(set(sentences))
    assert "3,327" in worded[ErrorKind.INCOMPLETE][0]
    assert "2,327" in worded[ErrorKind.INCOMPLETE][0]
    assert "internet" not in " ".join(worded[ErrorKind.SERVER])


# ---- gap 6: the server choice is restored from Server's fields --------------------------

@pytest.mark.parametrize(("kind", "value", "choice", "detail"), [
    ("global", "", "global", ""), ("region", "eu", "eu", ""),
    ("subdomain", "acme", "subdomain", "acme"),
    ("custom", "https://clockify.example.com:8443", "custom",
     "https://clockify.example.com:8443")])
def test_the_server_choice_round_trips(make_window: WindowFactory, kind: str, value: str,
                                       choice: str, detail: str) -> None:
    server = make_server(kind, value)
    AppSettings().set_text("server_key", server.key)
    panel = make_window().account_panel
    assert panel.server_combo.currentData() == choice
    assert panel.server_detail_edit.text() == detail
    assert panel.server_detail_edit.isVisibleTo(panel) is bool(detail)
    assert panel.current_server() == server


def test_the_free_plan_estimate_counts_the_windows_own_pick_list_requests(
        qtbot: QtBot, make_window: WindowFactory, demo_server: DemoServer,
        monkeypatch: pytest.MonkeyPatch) -> None:
    starts = RequestStarts()  # this test's requests only, not the other tests'
    monkeypatch.setattr("core.connection.STARTS", starts)
    window = make_window()
    sign_in(qtbot, window, demo_server)
    choose_workspace(qtbot, window, demo_server.free_workspace_id)  # loads its pick-lists
    listed = len(starts.ages(demo_server.free_workspace_id))
    assert listed >= 5  # projects, clients, users, user groups, tags
    window.export_panel.set_fmt(ExportFormat.JSON)
    window.date_panel.set_preset("custom")
    end = date(2026, 10, 31)
    window.date_panel.set_range(end - timedelta(days=31 * 28 - 10), end)  # 28 windows
    cost = window.export_panel.cost_label.text()
    found = re.search(r"at least (\d+)", cost)
    assert found is not None, cost
    needed = int(found[1])
    assert needed <= 30 < needed + listed  # alone it would fit the hour; with the lists not
    assert "This takes about" in cost and "30 requests an hour" in cost
