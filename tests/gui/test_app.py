"""The entry point: --version, argument checks and the packaged smoke test."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from core import __version__
from gui.app import main

ROOT = Path(__file__).resolve().parents[2]


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert __version__ in capsys.readouterr().out


def test_smoke_test_needs_demo(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--smoke-test"]) == 2
    assert "--demo" in capsys.readouterr().err


def test_demo_smoke_test_exports_through_the_window(tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(home),
           "XDG_CONFIG_HOME": str(home / ".config"), "XDG_STATE_HOME": str(home / ".state"),
           "XDG_CACHE_HOME": str(home / ".cache"), "XDG_DATA_HOME": str(home / ".data"),
           "TMPDIR": str(tmp_path), "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "gui.app", "--demo", "--smoke-test"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=90,
                          check=False)
    assert done.returncode == 0, done.stderr
    path = Path(done.stdout.strip().splitlines()[-1])
    assert path.is_file() and path.is_relative_to(tmp_path)
    assert path.name.startswith("Clockify_Detailed_") and path.suffix == ".json"
    assert json.loads(path.read_text(encoding="utf-8"))["timeentries"]
    # Nothing reached the user's real settings: the smoke test keeps its own.
    assert not (home / ".config" / "Clockify Report Exporter").exists()
    logs = list(home.rglob("*.log"))
    assert logs and all("demo-key" not in p.read_text(encoding="utf-8") for p in logs)


def test_what_is_logged_before_the_log_file_opens_is_written_first(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import logging

    import platformdirs

    from gui.app import LogFile

    monkeypatch.setattr(platformdirs, "user_log_dir", lambda *_a, **_k: str(tmp_path))
    root = logging.getLogger()
    before = list(root.handlers)
    try:
        log_file = LogFile()
        logging.getLogger("gui.test").warning("logged while the window starts")
        path = log_file.open()
        logging.getLogger("gui.test").warning("logged later")
        assert path is not None and log_file.open() == path  # opened once
        text = path.read_text(encoding="utf-8")
        assert text.index("logged while the window starts") < text.index("logged later")
    finally:
        for handler in [h for h in root.handlers if h not in before]:
            root.removeHandler(handler)
            handler.close()
