"""The bundle carries what locally built files need: the fonts, their licence, fontTools'
dynamically loaded tables; and the frozen self-test builds one file of each format."""

from __future__ import annotations

import tomllib
from pathlib import Path

from build_scripts import appinfo, bundle_probe

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
