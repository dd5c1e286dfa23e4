"""`core` must import without Qt, so the CLI and the tests run where Qt is not installed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

# Modules the brief names; the optional ones may not exist yet in this checkout.
REQUIRED = [
    "core", "core.errors", "core.servers", "core.windows", "core.reports", "core.bodies",
    "core.client", "core.writers", "core.summaries", "core.credentials", "core.export",
    "core.resources",
]
OPTIONAL = ["core.cli", "core.demo", "core.demo_session"]

PROBE = r"""
import importlib, json, pkgutil, sys

required, optional = json.loads(sys.argv[1]), json.loads(sys.argv[2])
imported, skipped = [], {}
for name in required:
    importlib.import_module(name)
    imported.append(name)
for name in optional:
    try:
        importlib.import_module(name)
        imported.append(name)
    except ImportError as exc:
        skipped[name] = repr(exc)

# Every other module under core/ as well (new files are covered without editing this test).
import core
for info in pkgutil.walk_packages(core.__path__, "core."):
    if info.name in imported or info.name in skipped or info.name.endswith(".__main__"):
        continue  # __main__ modules run a program when imported
    try:
        importlib.import_module(info.name)
        imported.append(info.name)
    except ImportError as exc:
        skipped[info.name] = repr(exc)

qt = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6"))
print(json.dumps({"imported": imported, "skipped": skipped, "qt": qt}))
"""


def run_probe() -> dict[str, object]:
    proc = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(REQUIRED), json.dumps(OPTIONAL)],
        cwd=REPO, capture_output=True, text=True, timeout=60, check=False,
    )
    assert proc.returncode == 0, proc.stderr
    result: dict[str, object] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def test_core_imports_no_qt() -> None:
    result = run_probe()
    assert result["qt"] == [], f"Qt modules loaded by core: {result['qt']}"
    imported = result["imported"]
    assert isinstance(imported, list)
    assert set(REQUIRED) <= set(imported)
    skipped = result["skipped"]
    assert isinstance(skipped, dict)
    # A module that could not be imported only because Qt is missing is not Qt-free either.
    assert not [n for n, why in skipped.items() if "PySide6" in why or "shiboken6" in why]


def test_the_probe_would_notice_qt() -> None:
    """The check is not vacuous: a process that does import Qt is reported."""
    code = (
        "import sys, json\n"
        "try:\n    import PySide6.QtCore\n"
        "except ImportError:\n    print('null'); raise SystemExit\n"
        "qt = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "print(json.dumps(qt))"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60, check=True)
    found = json.loads(proc.stdout)
    if found is not None:  # PySide6 installed: the same test finds it
        assert "PySide6.QtCore" in found
