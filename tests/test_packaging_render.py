"""The bundle carries what locally built files need: the fonts, their licence, fontTools'
dynamically loaded tables; the frozen self-test builds one file of each format, and the frozen
CLI exports the demo data in every format (build.py --self-test)."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from build_scripts import appinfo, build, bundle_probe

REPO = Path(__file__).resolve().parent.parent


def test_fonts_and_licence_are_bundle_data() -> None:
    datas = {Path(src).name: dest for src, dest in appinfo.resource_files()}
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "LICENSE-DejaVu.txt"):
        assert datas.get(name) == "resources/fonts", name


def test_spec_collects_the_render_modules_and_font_tables() -> None:
    spec = (REPO / "build_scripts" / "clockify_exporter.spec").read_text(encoding="utf-8")
    assert 'collect_submodules("core.render")' in spec
    assert 'collect_submodules("fontTools.ttLib.tables")' in spec


def test_installed_package_has_the_fonts_and_the_libraries() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert "core.render" in project["tool"]["setuptools"]["packages"]
    assert "fonts/*.ttf" in project["tool"]["setuptools"]["package-data"]["resources"]
    names = {d.split(">")[0].split("<")[0].strip().lower() for d in
             project["project"]["dependencies"]}
    assert {"xlsxwriter", "fonttools"} <= names


def test_probe_builds_one_file_of_each_format() -> None:
    result, failures = bundle_probe.check_render()
    assert failures == []
    assert set(result) == {"csv", "xlsx", "pdf"}


def test_probe_finds_the_fonts() -> None:
    result, failures = bundle_probe.check_resources()
    assert failures == [] and result["fonts"] == ["DejaVuSans-Bold.ttf", "DejaVuSans.ttf"]


def test_the_build_self_test_exports_every_format_with_the_frozen_cli() -> None:
    assert set(build.SMOKE_FORMATS) == {"json", "csv", "xlsx", "pdf"}
    assert "--render" in build.SMOKE_EXPORT_ARGS  # built by the app, whatever the plan
    workflow = (REPO / ".github" / "workflows" / "build.yml").read_text(encoding="utf-8")
    assert "python build_scripts/build.py --self-test" in workflow  # on each OS of the matrix


@pytest.mark.parametrize("fmt", build.SMOKE_FORMATS)
def test_the_smoke_check_accepts_real_exports_and_refuses_broken_ones(
        fmt: str, tmp_path: Path) -> None:
    path = tmp_path / f"x.{fmt}"
    done = subprocess.run([sys.executable, "-m", "core.cli", *build.SMOKE_EXPORT_ARGS,
                           "-o", str(path)], cwd=REPO, capture_output=True, text=True,
                          timeout=120, env={**os.environ, "HOME": str(tmp_path)})
    assert done.returncode == 0, done.stderr[-800:]
    assert build._smoke_file_problem(fmt, path) is None
    data = path.read_bytes()
    # What a broken bundle would write: no accented text, no embedded font, a cut file.
    path.write_bytes(data.replace(build.SMOKE_NAME.encode(), b"Zoe Muller")
                     .replace(b"/FontFile2", b"/FontFile0")[: len(data) * 9 // 10])
    assert build._smoke_file_problem(fmt, path) is not None


def test_an_installed_package_has_every_file_of_resources() -> None:
    # The eye icons and the translations were missing from a wheel: package-data named
    # neither folder. Every file the app reads from resources/ must match a pattern.
    import fnmatch

    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = project["tool"]["setuptools"]["package-data"]["resources"]
    resources = REPO / "resources"
    wanted = [p.relative_to(resources).as_posix() for p in resources.rglob("*")
              if p.is_file() and p.suffix not in (".py", ".pyc", ".ts")
              and "__pycache__" not in p.parts]
    assert "icons/view-visible.png" in wanted and "translations/clockify_exporter_fr.qm" in wanted
    missing = [name for name in wanted
               if not any(fnmatch.fnmatchcase(name, pattern) for pattern in patterns)]
    assert missing == []
