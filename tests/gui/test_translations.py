"""French: every message translated, plurals, the .ts and .qm files current, no mnemonic
twice, and core's errors worded by the window in French."""

from __future__ import annotations

import pickle
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest
from keyring.errors import KeyringError, KeyringLocked, PasswordSetError
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from core.credentials import CredentialStore
from core.demo import DemoServer
from core.errors import (
    CredentialError,
    ErrorKind,
    ExporterError,
    KeyringAction,
    KeyringProblem,
    NetworkError,
    PlanLimitError,
    PlanProblem,
    ServerConfigError,
    ServerProblem,
)
from core.planning import Phase, Progress
from core.render.settings import Renderer
from core.reports import ExportFormat
from core.servers import custom_server, make_server
from gui import wording
from gui.i18n import install_translators, language_for
from gui.main_window import MainWindow
from tests.e2e.wire_server import Handler, WireServer
from tests.gui.conftest import (
    TIMEOUT_MS,
    FakeDialogs,
    WindowFactory,
    choose_workspace,
    run_export,
    sign_in,
)
from tests.gui.test_polish import _assert_unique
from tests.memory_keyring import MemoryKeyring

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "resources" / "translations"


def test_the_catalogues_hold_every_string_and_match_their_compiled_files() -> None:
    # --check brings a copy of each .ts up to date with the code: a string the code has and
    # the .ts lacks would show untranslated, and fails here.
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


# ---- core's errors, worded by the French window -------------------------------------------

def _not_cores(error: ExporterError, shown: str) -> None:
    """The window's text holds none of core's English sentences (they are for the CLI)."""
    assert error.message not in shown and (not error.hint or error.hint not in shown), shown


@pytest.mark.parametrize(("choice", "typed", "words"), [
    ("custom", "clockify.example.com", "« clockify.example.com » n'est pas une adresse"),
    ("custom", "", "Saisissez l'adresse du serveur."),
    ("custom", "https://a b.com", "n'est pas une adresse de serveur utilisable"),
    ("custom", "https://host:70000", "l'hôte ou le port n'est pas valide"),
    ("custom", "https://host:0", "indique le port 0"),
    ("custom", "http://example.com", "HTTP simple refusé vers example.com"),
    ("custom", "https://example.com/?x=1", "contient une requête ou un fragment"),
    ("subdomain", "acme corp", "« acme corp » n'est pas un sous-domaine Clockify valide"),
    ("subdomain", "", "Saisissez le sous-domaine"),
])
def test_a_bad_server_address_is_said_in_french(qtbot: QtBot, french: None,
                                                make_window: WindowFactory, choice: str,
                                                typed: str, words: str) -> None:
    window: MainWindow = make_window()
    panel = window.account_panel
    panel.server_combo.setCurrentIndex(panel.server_combo.findData(choice))
    panel.server_detail_edit.clear()
    qtbot.keyClicks(panel.server_detail_edit, typed)
    panel.key_edit.setText("k" * 48)
    qtbot.mouseClick(panel.sign_in_button, Qt.MouseButton.LeftButton)
    shown = panel.status_label.text()
    assert words in shown
    with pytest.raises(ServerConfigError) as info:
        make_server(choice, typed)
    _not_cores(info.value, shown)


def test_a_server_that_redirects_is_said_in_french(qtbot: QtBot, french: None,
                                                   make_window: WindowFactory) -> None:
    def redirect(h: Handler) -> None:
        h.send(302, b"", {"Location": "https://login.example.net/"})

    window: MainWindow = make_window()
    panel = window.account_panel
    with WireServer(redirect) as srv:
        panel.server_combo.setCurrentIndex(panel.server_combo.findData("custom"))
        panel.server_detail_edit.setText(srv.url)
        panel.key_edit.setText("k" * 48)
        with qtbot.waitSignal(panel.sign_in_failed, timeout=TIMEOUT_MS) as failed:
            qtbot.mouseClick(panel.sign_in_button, Qt.MouseButton.LeftButton)
    shown = panel.status_label.text()
    host = srv.url.removeprefix("http://")
    assert (f"{host} a répondu par une redirection vers login.example.net. L'application ne "
            "suit pas les redirections") in shown
    _not_cores(failed.args[0], shown)


def _raise(error: Exception) -> Callable[..., None]:
    def fail(*_args: object) -> None:
        raise error

    return fail


# The keyring backend's calls, and the CredentialStore calls that make them.
_CORE_CALLS: dict[str, Callable[[CredentialStore], object]] = {
    "get_password": lambda store: store.get("global"),
    "set_password": lambda store: store.set("global", "k"),
    "delete_password": lambda store: store.delete("global"),
}


@pytest.mark.parametrize(("call", "error", "words"), [
    ("get_password", KeyringLocked("locked"), "Le trousseau du système est verrouillé."),
    ("get_password", KeyringError("D-Bus"), "n'a pas pu lire la clé d'API"),
    ("set_password", PasswordSetError("no"), "n'a pas pu enregistrer la clé d'API"),
    ("delete_password", KeyringError("no"), "n'a pas pu supprimer la clé d'API"),
])
def test_a_failing_keyring_is_said_in_french(
        qtbot: QtBot, french: None, make_window: WindowFactory, demo_server: DemoServer,
        memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch, call: str,
        error: KeyringError, words: str) -> None:
    monkeypatch.setattr(memory_keyring, call, _raise(error))
    window: MainWindow = make_window()
    panel = window.account_panel
    if call == "get_password":  # read when the server is chosen, before signing in
        panel.server_combo.setCurrentIndex(panel.server_combo.findData("custom"))
        panel.server_detail_edit.setText(demo_server.root_url)
        panel.server_detail_edit.editingFinished.emit()
    else:
        sign_in(qtbot, window, demo_server, wait_for_lists=False)
        if call == "delete_password":  # the key was stored: Forget deletes it
            qtbot.mouseClick(panel.forget_button, Qt.MouseButton.LeftButton)
    shown = panel.keyring_label.text()
    assert words in shown and "jusqu'à la fermeture" in shown
    with pytest.raises(CredentialError) as info:
        _CORE_CALLS[call](CredentialStore())
    _not_cores(info.value, shown)


def test_no_keyring_is_said_in_french(qtbot: QtBot, french: None, make_window: WindowFactory,
                                      demo_server: DemoServer) -> None:
    keyring.set_keyring(keyring.backends.fail.Keyring())  # the autouse fixture puts it back
    window: MainWindow = make_window()
    sign_in(qtbot, window, demo_server, wait_for_lists=False)
    shown = window.account_panel.keyring_label.text()
    assert "Aucun trousseau système n'est disponible sur cet ordinateur" in shown
    with pytest.raises(CredentialError) as info:
        CredentialStore().set("global", "k")
    _not_cores(info.value, shown)


def test_a_plan_limit_at_export_is_said_in_french(
        qtbot: QtBot, french: None, make_window: WindowFactory, demo_server: DemoServer,
        fake_dialogs: FakeDialogs, tmp_path: Path) -> None:
    # A plan Clockify does not state is tried with Clockify's own CSV, which a Free
    # workspace refuses with 403 only once the export runs.
    demo_server.faults.hide_plan = True
    window: MainWindow = make_window()
    sign_in(qtbot, window, demo_server)
    choose_workspace(qtbot, window, demo_server.free_workspace_id)
    assert window.account_panel.plan_label.text().startswith(
        "Clockify n’indique pas le forfait de cet espace de travail")
    panel = window.export_panel
    panel.set_fmt(ExportFormat.CSV)
    panel.set_renderer(Renderer.CLOCKIFY)
    today = date.today()
    window.date_panel.set_range(today - timedelta(days=6), today)
    with qtbot.waitSignal(window.export_failed, timeout=TIMEOUT_MS) as failed:
        run_export(qtbot, window, fake_dialogs, tmp_path / "free.csv")
    error = failed.args[0]
    assert isinstance(error, PlanLimitError)
    banner = panel.banner
    assert banner.title_label.text() == "Pas avec cet abonnement"
    assert banner.text_label.text() == ("Clockify ne fournit pas de fichiers CSV avec le "
                                        "forfait Free.")
    assert "Choisissez la mise en page de l'application" in banner.hint_label.text()
    _not_cores(error, banner.text_label.text() + banner.hint_label.text())
    assert not (tmp_path / "free.csv").exists()


_EVERY_REASON: list[ExporterError] = [
    *(ServerConfigError("CORE", "CORE HINT", reason=reason, address="https://x", host="h",
                        port=0, server=make_server("region", "eu")) for reason in ServerProblem),
    *(ServerConfigError("CORE", "CORE HINT", reason=reason, server=make_server("region", "eu"))
      for reason in (ServerProblem.REDIRECT, ServerProblem.OTHER_HOST)),  # no host known
    *(CredentialError("CORE", "CORE HINT", reason=reason, action=action)
      for reason in KeyringProblem for action in KeyringAction),
    *(PlanLimitError("CORE", "CORE HINT", reason=reason, export_format=fmt.value)
      for reason in PlanProblem for fmt in ExportFormat),
]


def test_every_reason_has_the_windows_own_sentence_in_french(qapp: QApplication) -> None:
    english = [wording.error_text(error) for error in _EVERY_REASON]
    translators = install_translators(qapp, "fr")
    try:
        for error, in_english in zip(_EVERY_REASON, english, strict=True):
            text, hint = wording.error_text(error)
            assert "CORE" not in text + hint and text and hint
            assert (text, hint) != in_english, in_english  # translated, not passed through
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)


def test_servers_are_named_in_french(qtbot: QtBot, french: None, make_window: WindowFactory,
                                     demo_server: DemoServer) -> None:
    demo = custom_server(demo_server.root_url)
    window: MainWindow = make_window(demo=(demo, demo_server.api_key))
    panel = window.account_panel
    assert panel.server_combo.currentText() == (
        f"Serveur de démonstration ({demo_server.root_url})")
    with qtbot.waitSignal(panel.workspace_changed, timeout=TIMEOUT_MS,
                          check_params_cb=lambda ws: ws is not None):
        window.start()
    assert panel.status_label.text().endswith(
        f" sur Serveur de démonstration ({demo_server.root_url}).")
    assert panel._server_name(make_server("region", "eu")) == "UE (Allemagne) (euc1.clockify.me)"


def test_errors_name_their_server_in_french(french: None) -> None:
    # Errors carry the server itself, not core's English label: a French sentence names
    # it in French, as the server list does.
    eu = make_server("region", "eu")
    text, _hint = wording.error_text(NetworkError("CORE", kind=ErrorKind.TIMEOUT, server=eu))
    assert "UE (Allemagne) (euc1.clockify.me)" in text and "EU (Germany)" not in text
    redirect = ServerConfigError("CORE", reason=ServerProblem.REDIRECT, host="evil.example",
                                 server=eu)
    assert "UE (Allemagne) (euc1.clockify.me)" in wording.error_text(redirect)[0]
    # Across the export process (a pickle), the demo server is still the demo server.
    demo = custom_server("http://127.0.0.1:8080")
    crossed = pickle.loads(pickle.dumps(NetworkError("CORE", server=demo)))
    assert crossed.server is not None
    assert wording.server_name(crossed.server, demo) == (
        "Serveur de démonstration (http://127.0.0.1:8080)")
