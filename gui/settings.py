"""What the window remembers between runs, through QSettings with declared defaults.

The one owner of QSettings: every settings store the app opens (the real one, the demo's,
the smoke test's throw-away file) is made here. Never the API key: that lives in the OS
keyring (core/credentials.py) or only in memory.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths

log = logging.getLogger(__name__)


ORGANIZATION = "Clockify Report Exporter"


def _default_folder() -> str:
    """Documents when it exists (it may be missing on a fresh Linux), else the home folder;
    never the working folder, which for a desktop app is wherever it happened to start."""
    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return docs if docs and Path(docs).is_dir() else str(Path.home())


# Every key the window stores, with its default. Values are str unless noted.
DEFAULTS: dict[str, Any] = {
    "server_key": "global",
    "workspace_id": "",
    "report_kind": "detailed",
    "format": "json",
    "date_preset": "last-month",  # a core.windows.Preset value, or "custom"
    "custom_start": "",  # ISO dates, used when the preset is "custom"
    "custom_end": "",
    "time_zone": "",  # "" follows the Clockify profile's zone
    "last_folder": "",  # "" means the Documents folder
    "language": "",  # "" follows the system; else a language code such as "fr"
    "report_options": {},  # dict, stored as JSON
    "renderer": "auto",  # a core.render.settings.Renderer value: who lays out CSV/XLSX/PDF
    "csv_options": {},  # core.render.settings.CsvSettings fields, stored as JSON
    "manifest": False,  # bool: also save a verification record beside the export
    "filters": {},  # workspace id -> {"projects": [...], ...}, stored as JSON
    "geometry": QByteArray(),
}

_JSON_KEYS = {"report_options", "filters", "csv_options"}


class AppSettings:
    """A typed view of QSettings; unknown or broken values fall back to the default."""

    def __init__(self, settings: QSettings | None = None) -> None:
        # QSettings() uses the application's organisation/name and the default format,
        # which tests point at a temporary folder.
        self._settings = settings if settings is not None else QSettings()

    @classmethod
    def in_file(cls, path: Path) -> AppSettings:
        """Settings kept in one INI file (the smoke test's, thrown away afterwards)."""
        return cls(QSettings(str(path), QSettings.Format.IniFormat))

    @classmethod
    def for_demo(cls, app_name: str) -> AppSettings:
        """The demo's own settings, apart from the real ones."""
        return cls(QSettings(QSettings.defaultFormat(), QSettings.Scope.UserScope,
                             ORGANIZATION, f"{app_name} demo"))

    def text(self, key: str) -> str:
        default = DEFAULTS[key]
        value = self._settings.value(key, default)
        return value if isinstance(value, str) else str(default)

    def set_text(self, key: str, value: str) -> None:
        if key not in DEFAULTS:
            raise KeyError(key)
        self._settings.setValue(key, value)

    def flag(self, key: str) -> bool:
        default = DEFAULTS[key]
        value = self._settings.value(key, default)
        if isinstance(value, str):  # INI files give "true" / "false" back
            return value.lower() == "true"
        return value if isinstance(value, bool) else bool(default)

    def set_flag(self, key: str, value: bool) -> None:
        if not isinstance(DEFAULTS.get(key), bool):
            raise KeyError(key)
        self._settings.setValue(key, value)

    def data(self, key: str) -> dict[str, Any]:
        raw = self._settings.value(key, "")
        if not isinstance(raw, str) or not raw:
            return dict(DEFAULTS[key])
        import json  # here: a first start has no such setting, and its first paint no json

        try:
            value = json.loads(raw)
        except ValueError:
            log.warning("ignoring a broken %s setting", key)
            return dict(DEFAULTS[key])
        return value if isinstance(value, dict) else dict(DEFAULTS[key])

    def set_data(self, key: str, value: dict[str, Any]) -> None:
        if key not in _JSON_KEYS:
            raise KeyError(key)
        import json

        self._settings.setValue(key, json.dumps(value, sort_keys=True))

    def geometry(self) -> QByteArray:
        value = self._settings.value("geometry", QByteArray())
        return value if isinstance(value, QByteArray) else QByteArray()

    def set_geometry(self, value: QByteArray) -> None:
        self._settings.setValue("geometry", value)

    def last_folder(self) -> Path:
        folder = Path(self.text("last_folder") or _default_folder())
        return folder if folder.is_dir() else Path(_default_folder())

    def sync(self) -> None:
        self._settings.sync()

    def file_name(self) -> str:
        return self._settings.fileName()
