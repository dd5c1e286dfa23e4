"""The release workflow stays free of the findings zizmor reports (issue 8 §5)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

WORKFLOWS = Path(__file__).resolve().parent.parent / ".github"
BUILD = WORKFLOWS / "workflows" / "build.yml"


def steps() -> list[dict[str, Any]]:
    workflow = yaml.safe_load(BUILD.read_text(encoding="utf-8"))
    return [step for job in workflow["jobs"].values() for step in job["steps"]]


def test_no_template_expansion_inside_run_scripts() -> None:
    # A ${{ }} in run: is pasted into the script before the shell sees it; values go
    # through env: instead.
    offenders = [step.get("name", step.get("uses")) for step in steps()
                 if "${{" in str(step.get("run", ""))]
    assert offenders == []


def test_no_dependency_cache_in_a_workflow_that_publishes() -> None:
    for step in steps():
        if str(step.get("uses", "")).startswith("actions/setup-python@"):
            assert "cache" not in (step.get("with") or {})


def _tool(name: str) -> str | None:
    beside_python = Path(sys.executable).parent / name
    return str(beside_python) if beside_python.exists() else shutil.which(name)


@pytest.mark.parametrize("command", [["zizmor", "--offline", str(WORKFLOWS)],
                                     ["actionlint", str(BUILD)]])
def test_workflow_linters_find_nothing(command: list[str]) -> None:
    tool = _tool(command[0])
    if tool is None:
        pytest.skip(f"{command[0]} is installed by .ci/run after the tests")
    done = subprocess.run([tool, *command[1:]], capture_output=True, text=True, timeout=120,
                          check=False, cwd=WORKFLOWS.parent)
    assert done.returncode == 0, done.stdout + done.stderr
