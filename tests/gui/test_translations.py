"""French: every message translated, plurals, the .qm files current, no mnemonic twice."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from core.demo import DemoServer
from core.planning import Phase, Progress
from core.render.settings import Renderer
from core.reports import ExportFormat
from gui import wording
from gui.i18n import install_translators, language_for
from gui.main_window import MainWindow
from tests.gui.conftest import FakeDialogs, WindowFactory, run_export, sign_in
from tests.gui.test_polish import _assert_unique

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "resources" / "translations"


def test_the_compiled_catalogues_match_their_sources() -> None:
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "translations.py"),
                           "--check"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr


def test_every_french_message_is_translated() -> None:
    tree = ET.parse(FOLDER / "clockify_exporter_fr.ts")
    unfinished = [m.findtext("source") for m in tree.getroot().iter("message")
                  if m.find("translation").get("type") == "unfinished"]  # type: ignore[union-attr]
    assert unfinished == []


@pytest.mark.parametrize(("setting", "system", "expected"), [
    ("", "fr_FR", "fr"), ("", "fr_CA", "fr"), ("", "de_DE", "en"), ("en", "fr_FR", "en"),
    ("fr", "en_US", "fr")])
def test_the_setting_overrides_the_system_language(setting: str, system: str,
                                                   expected: str) -> None:
    assert language_for(setting, QLocale(system)) == expected


@pytest.fixture
def french(qapp: QApplication) -> Iterator[None]:
    translators = install_translators(qapp, "fr")
    yield
    for translator in translators:
        qapp.removeTranslator(translator)
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


def test_french_plurals_and_numbers(french: None) -> None:
    one = Progress(Phase.FETCHING, "", requests_done=1, entries_written=1)
    many = Progress(Phase.FETCHING, "", requests_done=3, entries_written=12345)
    assert wording.progress_text(one) == "1 élément écrit, 1 requête envoyée."
    assert wording.progress_text(many) == "12\u202f345 éléments écrits, 3 requêtes envoyées." \
        or wording.progress_text(many) == "12 345 éléments écrits, 3 requêtes envoyées."


def test_the_french_window(qtbot: QtBot, french: None, make_window: WindowFactory,
                           demo_server: DemoServer) -> None:
    window: MainWindow = make_window()
    assert [a.text() for a in window.menuBar().actions()][:2] == ["&Fichier", "A&ide"]
    assert window.export_panel.export_button.text() == "&Exporter…"
    _assert_unique(window, "signed out (fr)")
    sign_in(qtbot, window, demo_server)
    assert window.account_panel.sign_in_button.text() == "Se reconnecter"
    assert window.filters_panel.buttons["projects"].text() == "Pro&jets : tous"
    _assert_unique(window, "signed in (fr)")


def test_the_language_menu_sets_the_language_for_the_next_start(
        qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    with qtbot.waitSignal(window.first_painted):  # the language menu comes with it
        pass
    help_menu = window.menuBar().actions()[1].menu()
    assert isinstance(help_menu, QMenu)
    language = next(a.menu() for a in help_menu.actions() if a.menu() is not None)
    assert isinstance(language, QMenu)
    french = next(a for a in language.actions() if a.text() == "Français")
    french.trigger()
    assert window.settings.text("language") == "fr"
    assert "next time" in window.statusBar().currentMessage()
    assert language_for(window.settings.text("language"), QLocale("en_US")) == "fr"


def test_the_french_export_options_progress_and_verified_result(
        qtbot: QtBot, french: None, make_window: WindowFactory, demo_server: DemoServer,
        fake_dialogs: FakeDialogs, tmp_path: Path) -> None:
    window: MainWindow = make_window()
    sign_in(qtbot, window, demo_server)
    panel = window.export_panel
    panel.set_fmt(ExportFormat.CSV)
    assert panel.layout_label.text() == "Mise en page :"
    assert panel.layout_combo.currentText().startswith("Automatique (recommandé)")
    assert panel.escape_check.text() == "Protéger des formules"
    assert "vérification" in panel.manifest_check.text()
    _assert_unique(window, "CSV options (fr)")
    panel.set_running(True)
    panel.show_progress(Progress(Phase.FETCHING, "", requests_done=1, entries_written=1000,
                                 entries_expected=1828, pages_done=1, pages_planned=2))
    assert panel.progress_label.text().startswith("1") and "sur" in panel.progress_label.text()
    assert "page 1 sur 2" in panel.progress_label.text()
    panel.set_running(False)
    panel.manifest_check.setChecked(True)
    today = date.today()
    window.date_panel.set_range(today - timedelta(days=20), today)
    run_export(qtbot, window, fake_dialogs, tmp_path / "x.csv")
    banner = panel.banner
    assert banner.title_label.text() == "Export terminé"
    text = banner.text_label.text()
    assert "Vérifié :" in text and "comptées par Clockify" in text
    assert "Relevé de vérification : x.manifest.json" in text
    for english in ("Saved", "Verified", "entries", "request", "total time"):
        assert english not in text + banner.hint_label.text()
    panel.set_renderer(Renderer.CLOCKIFY)
    panel.set_fmt(ExportFormat.PDF)
    assert "s'arrêtent à 3" in panel.note_label.text()  # Clockify's PDF cap, in French
