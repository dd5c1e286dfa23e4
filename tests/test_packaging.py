"""Fast checks of the packaging files that need no PyInstaller build (a few seconds in all)."""

from __future__ import annotations

import ast
import configparser
import plistlib
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

import core
from build_scripts import appinfo, trim

REPO = Path(__file__).resolve().parent.parent
WORKFLOW = REPO / ".github" / "workflows" / "build.yml"


def test_spec_compiles_and_uses_the_shared_helpers() -> None:
    source = appinfo.SPEC_FILE.read_text(encoding="utf-8")
    compile(source, str(appinfo.SPEC_FILE), "exec")  # syntax only: running it needs PyInstaller
    for name in ("appinfo.resource_files()", "appinfo.hidden_imports(", "trim.trim(",
                 "trim.EXCLUDED_MODULES", "COLLECT(", "BUNDLE(", "contents_directory"):
        assert name in source, f"the spec no longer uses {name}"


def test_baseline_benchmark_spec_compiles() -> None:
    spec = REPO / "benchmarks" / "bench_bundle_baseline.spec"
    compile(spec.read_text(encoding="utf-8"), str(spec), "exec")


def test_every_path_the_build_references_exists() -> None:
    committed = [
        appinfo.SPEC_FILE, appinfo.GUI_ENTRY, appinfo.CLI_ENTRY, appinfo.PROBE_ENTRY,
        appinfo.ICON_SVG, appinfo.ICON_PNG_256, appinfo.DESKTOP_FILE,
        appinfo.ENTITLEMENTS_PLIST, appinfo.INNO_SETUP_SCRIPT, appinfo.LINUX_INSTALL_NOTE,
        appinfo.LINUX_INSTALL_SCRIPT, REPO / "resources" / "__init__.py",
    ]
    missing = [str(path.relative_to(REPO)) for path in committed if not path.is_file()]
    assert not missing
    for source, dest in appinfo.bundle_data_sources():
        assert source.is_dir(), source
        assert dest == "resources"  # core.resources.resource_path() looks there when frozen
    datas = appinfo.resource_files()
    assert datas, "resources/ has no data files"
    for source_file, _dest in datas:
        assert Path(source_file).is_file()
    assert any(Path(src).name == "icon-256.png" for src, _ in datas)


def test_entry_points_match_pyproject_scripts() -> None:
    text = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert f'{appinfo.CLI_EXE_NAME} = "core.cli:main"' in text
    assert 'clockify-exporter = "gui.app:main"' in text
    assert "from gui.app import main" in appinfo.GUI_ENTRY.read_text(encoding="utf-8")
    assert "from core.cli import main" in appinfo.CLI_ENTRY.read_text(encoding="utf-8")


def test_version_is_parsed_from_core_without_importing() -> None:
    info = appinfo.app_info()
    assert info.version == core.__version__
    assert info.name == core.APP_NAME
    assert info.app_id == core.APP_ID


def test_info_plist_matches_the_version() -> None:
    plist = appinfo.macos_info_plist()
    assert plist["CFBundleShortVersionString"] == core.__version__
    assert plist["CFBundleVersion"] == core.__version__
    assert plist["CFBundleIdentifier"] == appinfo.MACOS_BUNDLE_ID
    assert plist["CFBundleExecutable"] == appinfo.GUI_EXE_NAME
    assert plist["NSHighResolutionCapable"] is True
    assert re.fullmatch(r"\d+\.\d+", str(plist["LSMinimumSystemVersion"]))
    assert plistlib.loads(plistlib.dumps(plist)) == plist  # serialisable as written


def test_windows_version_resource_matches_the_version() -> None:
    text = appinfo.windows_version_info(original_filename="ClockifyExporter.exe")
    numbers = tuple(int(part) for part in re.findall(r"\d+", core.__version__)[:3])
    expected = (*numbers, 0, 0, 0, 0)[:4]
    assert f"filevers={expected!r}" in text
    assert f"prodvers={expected!r}" in text
    assert f"StringStruct('FileVersion', '{core.__version__}')" in text
    assert f"StringStruct('ProductVersion', '{core.__version__}')" in text
    body = "\n".join(line for line in text.splitlines() if not line.startswith("#"))
    ast.parse(body, mode="eval")  # PyInstaller eval()s this text with its versioninfo classes


@pytest.mark.parametrize(("version", "expected"), [
    ("0.1.0", (0, 1, 0, 0)),
    ("1.2.3.4", (1, 2, 3, 4)),
    ("2.0.0rc1", (2, 0, 0, 0)),
    ("3", (3, 0, 0, 0)),
])
def test_version_tuple(version: str, expected: tuple[int, int, int, int]) -> None:
    assert appinfo.AppInfo(version, "x", "x").version_tuple == expected


def test_inno_setup_script_is_driven_by_defines() -> None:
    text = appinfo.INNO_SETUP_SCRIPT.read_text(encoding="utf-8")
    for define in ("AppVersion", "SourceDir", "OutputDir", "OutputBaseFilename", "IconFile"):
        assert f"#ifndef {define}" in text
    assert f'#define AppExeName "{appinfo.GUI_EXE_NAME}.exe"' in text
    assert re.search(r"^AppId=\{\{[0-9A-F-]{36}\}$", text, re.MULTILINE)


def test_entitlements_hold_the_three_pyinstaller_exceptions() -> None:
    entitlements = plistlib.loads(appinfo.ENTITLEMENTS_PLIST.read_bytes())
    assert entitlements == {
        "com.apple.security.cs.allow-jit": True,
        "com.apple.security.cs.allow-unsigned-executable-memory": True,
        "com.apple.security.cs.disable-library-validation": True,
    }


def test_desktop_file_is_valid() -> None:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(appinfo.DESKTOP_FILE, encoding="utf-8")
    assert parser.sections() == ["Desktop Entry"]
    entry = parser["Desktop Entry"]
    for key in ("Type", "Name", "Exec", "Icon", "Categories"):
        assert entry.get(key), f"{key} missing"
    assert entry["Type"] == "Application"
    assert entry["Name"] == core.APP_NAME
    assert entry["Icon"] == core.APP_ID  # install.sh installs the icon under this name
    assert appinfo.DESKTOP_FILE.stem == core.APP_ID
    assert entry["Terminal"] == "false"
    assert entry["Categories"].endswith(";")
    assert entry["Exec"].split()[0] == "clockify-exporter"
    # Values must not use the deprecated/ill-formed forms desktop-file-validate rejects.
    assert all("\\" not in value for value in entry.values())


def test_linux_install_script_matches_the_archive_layout() -> None:
    script = appinfo.LINUX_INSTALL_SCRIPT.read_text(encoding="utf-8")
    assert script.startswith("#!/bin/sh")
    assert f'APP_ID="{core.APP_ID}"' in script
    assert f"/{appinfo.GUI_EXE_NAME}" in script
    assert appinfo.CLI_EXE_NAME in script
    assert appinfo.LINUX_INSTALL_SCRIPT.stat().st_mode & 0o111, "install.sh is not executable"


def test_the_small_icons_have_their_pngs_at_1x_and_2x(qapp: Any) -> None:
    # The window draws PNGs rendered from the SVGs (no SVG module in the first paint):
    # `python build_scripts/icons.py --update-resource` writes them.
    from PySide6.QtGui import QImage

    from build_scripts.icons import small_icon_pngs
    from gui.widgets import shipped_icon

    svgs = sorted((appinfo.RESOURCES_DIR / "icons").glob("*.svg"))
    assert {svg.stem for svg in svgs} == {"view-visible", "view-hidden"}
    for svg in svgs:
        for size, png in small_icon_pngs(svg).items():
            image = QImage(str(png))
            assert (image.width(), image.height()) == (size, size), png
            assert image.hasAlphaChannel() and image.pixelColor(0, 0).alpha() == 0, png
            assert any(image.pixelColor(x, size // 2).alpha() == 255 for x in range(size)), png
        sizes = {(s.width(), s.height()) for s in shipped_icon(svg.stem).availableSizes()}
        assert sizes == {(16, 16), (32, 32)}


def test_icon_svg_renders(qapp: Any) -> None:
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(appinfo.ICON_SVG))
    assert renderer.isValid()
    image = QImage(64, 64, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter, QRectF(0, 0, 64, 64))
    painter.end()
    assert image.pixelColor(32, 4).alpha() == 255  # the tile is drawn …
    assert image.pixelColor(0, 0).alpha() == 0  # … inside a transparent margin


def test_committed_png_is_256_px(qapp: Any) -> None:
    from PySide6.QtGui import QImage

    image = QImage(str(appinfo.ICON_PNG_256))
    assert (image.width(), image.height()) == (256, 256)
    assert image.hasAlphaChannel()


def _uses(node: Any) -> list[str]:
    found: list[str] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "uses" and isinstance(value, str):
                found.append(value)
            else:
                found += _uses(value)
    elif isinstance(node, list):
        for item in node:
            found += _uses(item)
    return found


def test_workflow_parses_and_pins_actions_by_sha() -> None:
    text = WORKFLOW.read_text(encoding="utf-8")
    workflow = yaml.safe_load(text)
    assert workflow["concurrency"]["cancel-in-progress"] is True
    jobs = workflow["jobs"]
    assert jobs, "no jobs"
    uses = _uses(jobs)
    assert uses, "no actions used"
    for action in uses:
        assert re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", action), f"{action} is not SHA-pinned"
    for line in text.splitlines():
        if "uses:" in line:
            assert re.search(r"@[0-9a-f]{40} # v\d", line), f"no version comment: {line.strip()}"
    build = jobs["build"]
    oses = [entry["os"] for entry in build["strategy"]["matrix"]["include"]]
    assert "ubuntu-22.04" in oses  # oldest glibc we support: bundles run on 22.04 and newer
    assert any(os_name.startswith("windows") for os_name in oses)
    assert any(os_name.startswith("macos") for os_name in oses)
    steps = " ".join(str(step.get("run", "")) for step in build["steps"])
    assert "build_scripts/build.py" in steps
    assert "--smoke-test" in steps
    assert "clockify-exporter-cli" in steps


def test_gui_and_core_import_no_trimmed_qt_module() -> None:
    excluded = {name for name in trim.EXCLUDED_MODULES if name.startswith("PySide6.")}
    offenders: list[str] = []
    for folder in ("core", "gui"):
        for path in (REPO / folder).rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            for node in ast.walk(tree):
                names: list[str] = []
                if isinstance(node, ast.ImportFrom) and node.module:
                    names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
                elif isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                offenders += [f"{path.relative_to(REPO)}: {n}" for n in names if n in excluded]
    assert not offenders, "the bundle drops these Qt modules; update build_scripts/trim.py"


@pytest.mark.parametrize(("dest", "kept"), [
    ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
    ("PySide6/Qt/plugins/platforms/libqwayland.so", True),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
    ("PySide6/Qt/plugins/platforms/libqminimal.so", True),
    ("PySide6/Qt/plugins/platforms/libqminimalegl.so", False),
    ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
    ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
    ("PySide6\\plugins\\platforms\\qwindows.dll", True),
    ("PySide6\\plugins\\platforms\\qdirect2d.dll", False),
    ("PySide6\\plugins\\styles\\qmodernwindowsstyle.dll", True),
    ("PySide6/Qt/plugins/platforms/libqcocoa.dylib", True),
    ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
    ("PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so", True),
    ("PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so", True),
    ("PySide6/Qt/plugins/wayland-shell-integration/libivi-shell.so", False),
    ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
    ("PySide6/Qt/plugins/imageformats/libqtiff.so", False),
    ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
    ("PySide6/Qt/plugins/networkinformation/libqnetworkmanager.so", False),
    ("PySide6/Qt/plugins/egldeviceintegrations/libqeglfs-kms-integration.so", False),
    ("PySide6/Qt/lib/libQt6Network.so.6", False),
    ("PySide6/Qt/lib/libQt6Widgets.so.6", True),
    ("PySide6\\opengl32sw.dll", False),
    ("PySide6\\Qt6Network.dll", False),
    ("PySide6\\Qt6Widgets.dll", True),
    ("PySide6/Qt/lib/QtNetwork.framework/Versions/A/QtNetwork", False),
    ("PySide6/Qt/lib/QtWidgets.framework/Versions/A/QtWidgets", True),
    ("PySide6/Qt/lib/QtGui.framework/Versions/A/QtGui", True),
    ("PySide6/Qt/lib/QtDBus.framework/Versions/A/QtDBus", True),
    ("PySide6/Qt/plugins/styles/libqmacstyle.dylib", True),
    ("PySide6/Qt/lib/libQt6DBus.so.6", True),
    ("PySide6/Qt/lib/libQt6OpenGL.so.6", True),
    ("libcrypto.so.3", True),
])
def test_trim_rules(dest: str, kept: bool) -> None:
    assert trim.keep_binary(dest) is kept


def test_trim_drops_qt_translations_and_keeps_other_data() -> None:
    assert not trim.keep_data("PySide6/Qt/translations/qtbase_de.qm")
    assert not trim.keep_data("PySide6/Qt/translations/qt_help_de.qm")
    assert trim.keep_data("resources/icon-256.png")
    assert trim.keep_data("certifi/cacert.pem")
    assert not trim.keep_data("PySide6/Qt/lib/QtNetwork.framework/Resources/Info.plist")
    assert trim.keep_data("PySide6/Qt/lib/QtCore.framework/Resources/Info.plist")


def test_the_website_is_the_one_of_pyproject() -> None:
    import tomllib

    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["urls"]["Homepage"] == core.HOMEPAGE
