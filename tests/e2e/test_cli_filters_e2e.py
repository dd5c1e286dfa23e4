"""The window's filters on the CLI, under the same names, end to end against the demo."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from core.demo import DemoServer
from core.errors import EXIT_OK, EXIT_USAGE
from tests.e2e.test_cli_e2e import cli

START, END = date(2026, 1, 1), date(2026, 3, 31)


def _entries(path: Path) -> list[dict[str, object]]:
    rows = json.loads(path.read_text(encoding="utf-8"))["timeentries"]
    assert isinstance(rows, list)
    return rows


def test_task_within_its_project_and_tag_matching(demo: DemoServer, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    ws = demo.data.workspace(demo.paid_workspace_id)
    assert ws is not None
    in_range = demo.data.entry_ids(ws.id, START, END, "UTC")
    used = [e for e in demo.data.entries(ws.id) if e.id in in_range and e.task_id]
    task = next(t for t in ws.tasks if any(e.task_id == t.id for e in used))
    project = next(p for p in ws.projects if p.id == task.project_id)
    tag = next(t for t in ws.tags if any(t.id in e.tag_ids for e in used))
    target = tmp_path / "tasks.json"
    code, _, err = cli(demo, monkeypatch, "--workspace", ws.id, "--start", START.isoformat(),
                       "--end", END.isoformat(), "--time-zone", "UTC", "--project",
                       project.id, "--task", task.name, "--tag", tag.id, "--tag-match",
                       "none", "--approval", "ALL", "--amounts", "COST", "--output",
                       str(target))
    assert code == EXIT_OK, err
    expected = {e.id for e in used if e.task_id == task.id and tag.id not in e.tag_ids}
    assert {row["_id"] for row in _entries(target)} == expected


def test_a_task_needs_its_project(demo: DemoServer, tmp_path: Path,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    code, _, err = cli(demo, monkeypatch, "--start", "2026-01-01", "--end", "2026-01-02",
                       "--task", "Design", "--output", str(tmp_path / "x.json"))
    assert code == EXIT_USAGE
    assert "--project" in err


def test_new_periods_and_options_parse(demo: DemoServer, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "weekly.json"
    code, _, err = cli(demo, monkeypatch, "--report", "weekly", "--period", "past-two-weeks",
                       "--week-start", "SUNDAY", "--rounding", "--duration-format", "DECIMAL",
                       "--output", str(target))
    assert code == EXIT_OK, err
    assert target.is_file()
