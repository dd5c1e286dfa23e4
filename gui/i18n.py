"""The window's language: Qt Linguist translations from resources/translations/.

The system's language is used unless the "language" setting names another ("en", "fr").
English has a translation file too: it holds the English plural forms ("1 file",
"2 files") of the messages that count something.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from core.resources import resource_path

log = logging.getLogger(__name__)

CATALOG = "clockify_exporter"  # resources/translations/clockify_exporter_<lang>.qm
LANGUAGES = {"en": "English", "fr": "Français"}  # each in its own language


def language_for(setting: str, system: QLocale | None = None) -> str:
    """The language to show: the setting, else the system's when translated, else English."""
    if setting in LANGUAGES:
        return setting
    name = (system or QLocale.system()).name().split("_")[0]
    return name if name in LANGUAGES else "en"


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load the app's and Qt's own translations (dialog buttons) for `language`.

    The translators are parented to the app, which keeps them alive; the list is returned
    for callers that want to remove them again.
    """
    QLocale.setDefault(QLocale(language))  # numbers and dates in the same language
    installed = []
    folder = str(resource_path("translations"))
    for name, where in ((f"{CATALOG}_{language}", folder),
                        (f"qtbase_{language}",
                         QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))):
        translator = QTranslator(app)
        if translator.load(name, where):
            app.installTranslator(translator)
            installed.append(translator)
        elif language != "en" or name.startswith(CATALOG):
            log.warning("no translation %s in %s", name, where)
    return installed
