"""Write the files the spec needs that are derived at build time (into ``build/generated/``).

* icons: ``icon.ico``, ``icon.icns`` and PNG sizes, rendered from ``resources/icon.svg`` in a
  subprocess (Qt stays out of the PyInstaller process);
* Windows version resources, one per executable, from ``core/__init__.py``.

Both ``build.py`` and the spec call :func:`ensure_generated`, so running PyInstaller on the spec
directly works too.
"""

from __future__ import annotations

import subprocess
import sys

from build_scripts import appinfo


def _icons_up_to_date() -> bool:
    outputs = [appinfo.ICON_ICO, appinfo.ICON_ICNS, appinfo.ICON_PNG_DIR / "icon-256.png"]
    if not all(path.is_file() for path in outputs):
        return False
    inputs = [appinfo.ICON_SVG, appinfo.BUILD_SCRIPTS / "icons.py"]
    newest_input = max(path.stat().st_mtime for path in inputs)
    return min(path.stat().st_mtime for path in outputs) >= newest_input


def ensure_icons(force: bool = False) -> None:
    if not force and _icons_up_to_date():
        return
    subprocess.run(
        [sys.executable, str(appinfo.BUILD_SCRIPTS / "icons.py")],
        check=True,
        cwd=appinfo.REPO_ROOT,
    )


def write_version_files() -> list[str]:
    """Write one Windows version resource per executable; returns their paths."""
    appinfo.GENERATED_DIR.mkdir(parents=True, exist_ok=True)
    written: list[str] = []
    for exe in (appinfo.GUI_EXE_NAME, appinfo.CLI_EXE_NAME):
        path = appinfo.windows_version_file(exe)
        text = appinfo.windows_version_info(original_filename=f"{exe}.exe")
        path.write_text(text, encoding="utf-8")
        written.append(str(path))
    return written


def ensure_generated(force_icons: bool = False) -> None:
    ensure_icons(force=force_icons)
    write_version_files()
