"""Qt Linguist workflow: refresh the .ts sources from the code, then compile the .qm files.

    .venv/bin/python scripts/translations.py          # lupdate + lrelease
    .venv/bin/python scripts/translations.py --check  # fail if a .ts or .qm is stale

Translators edit resources/translations/*.ts (with pyside6-linguist or any editor). The
compiled .qm files are committed next to them, so running from source and the bundle
need no Qt tools; tests/gui/test_translations.py checks (with --check) that each .ts holds
every string of the code and each .qm matches its .ts.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "resources" / "translations"
CATALOG = "clockify_exporter"
LANGUAGES = ("en", "fr")
BIN = Path(sys.executable).parent


def tool(name: str) -> str:
    found = shutil.which(name, path=str(BIN)) or shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found (it comes with PySide6)")
    return found


def ts_path(language: str) -> Path:
    return FOLDER / f"{CATALOG}_{language}.ts"


def update(ts: Path, language: str, *, quiet: bool = False) -> None:
    """Bring `ts` up to date with the strings of the code (lupdate)."""
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "gui").glob("*.py"))
    subprocess.run([tool("pyside6-lupdate"), "-tr-function-alias", "tr+=_tr",
                    "-no-obsolete", "-locations", "none", "-source-language", "en",
                    "-target-language", language, *sources, "-ts", str(ts)], cwd=ROOT,
                   check=True, stdout=subprocess.DEVNULL if quiet else None)


def release(ts: Path, qm: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="only check the .qm files")
    args = parser.parse_args()
    if args.check:
        with tempfile.TemporaryDirectory() as temp:
            stale = []
            for language in LANGUAGES:
                # A copy brought up to date differs when the code has strings the .ts lacks
                # (or no longer has), which would show untranslated.
                fresh_ts = Path(temp) / ts_path(language).name
                shutil.copyfile(ts_path(language), fresh_ts)
                update(fresh_ts, language, quiet=True)
                if fresh_ts.read_bytes() != ts_path(language).read_bytes():
                    stale.append(f"{language}.ts")
                fresh = Path(temp) / f"{language}.qm"
                release(ts_path(language), fresh)
                if fresh.read_bytes() != ts_path(language).with_suffix(".qm").read_bytes():
                    stale.append(f"{language}.qm")
        if stale:
            print(f"stale {', '.join(stale)}: run scripts/translations.py")
            return 1
        return 0
    for language in LANGUAGES:
        update(ts_path(language), language)
        release(ts_path(language), ts_path(language).with_suffix(".qm"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
