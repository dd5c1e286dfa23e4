"""App identity and per-OS metadata for the packaged app, derived from ONE place.

The version, display name and id come from ``core/__init__.py``. It is parsed with ``ast``
instead of imported so that the spec and the build script never import app code (or Qt)
just to learn a version string.
"""

from __future__ import annotations

import ast
import platform
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
BUILD_SCRIPTS = REPO_ROOT / "build_scripts"
RESOURCES_DIR = REPO_ROOT / "resources"
BUILD_DIR = REPO_ROOT / "build"
DIST_DIR = REPO_ROOT / "dist"
# Files derived at build time (icons, version resource) go here, never into the repo.
GENERATED_DIR = BUILD_DIR / "generated"

# Names of the things we produce.
DIST_NAME = "ClockifyExporter"  # the onedir folder: dist/ClockifyExporter/
GUI_EXE_NAME = "ClockifyExporter"  # ClockifyExporter(.exe)
CLI_EXE_NAME = "clockify-exporter-cli"  # same name as the pip console script
MACOS_APP_NAME = "Clockify Exporter"  # dist/Clockify Exporter.app (short: Finder/Dock label)
MACOS_BUNDLE_ID = "io.github.clockify-report-exporter"
MACOS_MIN_VERSION = "11.0"  # PySide6 6.12 wheels need macOS 11 (Big Sur) or later
PROBE_EXE_NAME = "bundle-probe"  # only in --self-test builds; removed before archiving

# Entry scripts (thin wrappers that call the console-script targets from pyproject.toml).
GUI_ENTRY = BUILD_SCRIPTS / "entry_gui.py"
CLI_ENTRY = BUILD_SCRIPTS / "entry_cli.py"
PROBE_ENTRY = BUILD_SCRIPTS / "bundle_probe.py"

ICON_SVG = RESOURCES_DIR / "icon.svg"
ICON_PNG_256 = RESOURCES_DIR / "icon-256.png"
DESKTOP_FILE = RESOURCES_DIR / "clockify-report-exporter.desktop"
ENTITLEMENTS_PLIST = BUILD_SCRIPTS / "macos" / "entitlements.plist"
INNO_SETUP_SCRIPT = BUILD_SCRIPTS / "windows" / "installer.iss"
LINUX_INSTALL_NOTE = BUILD_SCRIPTS / "linux" / "INSTALL.txt"
LINUX_INSTALL_SCRIPT = BUILD_SCRIPTS / "linux" / "install.sh"
SPEC_FILE = BUILD_SCRIPTS / "clockify_exporter.spec"

# Generated at build time.
ICON_ICO = GENERATED_DIR / "icon.ico"
ICON_ICNS = GENERATED_DIR / "icon.icns"
ICON_PNG_DIR = GENERATED_DIR / "icons"

COMPANY = "Clockify Report Exporter contributors"
COPYRIGHT = "Copyright (c) Clockify Report Exporter contributors. MIT License."
DESCRIPTION = "Export complete Clockify reports as JSON, CSV, XLSX or PDF"


@dataclass(frozen=True)
class AppInfo:
    """What ``core/__init__.py`` says about the app."""

    version: str
    name: str
    app_id: str

    @property
    def version_tuple(self) -> tuple[int, int, int, int]:
        """Four integers for the Windows version resource (pre-release tags dropped)."""
        numbers: list[int] = []
        for part in self.version.split(".")[:4]:
            digits = ""
            for char in part:
                if not char.isdigit():
                    break
                digits += char
            numbers.append(int(digits or 0))
        while len(numbers) < 4:
            numbers.append(0)
        return numbers[0], numbers[1], numbers[2], numbers[3]


def _module_constants(path: Path) -> dict[str, str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant):
            value = node.value.value
            if isinstance(value, str):
                for target in node.targets:
                    if isinstance(target, ast.Name):
                        found[target.id] = value
    return found


@cache
def app_info(core_init: Path = REPO_ROOT / "core" / "__init__.py") -> AppInfo:
    """Parse ``__version__``, ``APP_NAME`` and ``APP_ID`` out of ``core/__init__.py``."""
    constants = _module_constants(core_init)
    missing = [key for key in ("__version__", "APP_NAME", "APP_ID") if key not in constants]
    if missing:
        raise RuntimeError(f"{core_init} does not define {', '.join(missing)} as string literals")
    return AppInfo(constants["__version__"], constants["APP_NAME"], constants["APP_ID"])


def system_tag() -> str:
    """``linux`` / ``macos`` / ``windows`` for file names and per-OS branches."""
    name: str = sys.platform  # a plain str, so mypy checks every branch on every host
    if name.startswith("linux"):
        return "linux"
    if name == "darwin":
        return "macos"
    if name == "win32":
        return "windows"
    raise RuntimeError(f"unsupported build platform: {name}")


def arch_tag() -> str:
    """A normalised CPU architecture for file names (x86_64, arm64; x64 on Windows)."""
    machine = platform.machine().lower()
    if machine in {"amd64", "x86_64", "x64"}:
        return "x64" if sys.platform == "win32" else "x86_64"
    if machine in {"arm64", "aarch64"}:
        return "arm64" if sys.platform != "linux" else "aarch64"
    return machine or "unknown"


def artifact_stem(info: AppInfo | None = None) -> str:
    """``ClockifyExporter-0.1.0-linux-x86_64`` and the like."""
    info = info or app_info()
    return f"{DIST_NAME}-{info.version}-{system_tag()}-{arch_tag()}"


def bundle_data_sources() -> list[tuple[Path, str]]:
    """Data the spec copies into the bundle: (source in the repo, destination folder in the bundle).

    ``resources/`` keeps its name so ``core.resources.resource_path()`` finds it under
    ``sys._MEIPASS`` when frozen. The Python files in there are modules, not data, so the spec
    only takes the non-Python files (see :func:`resource_files`).
    """
    return [(RESOURCES_DIR, "resources")]


def resource_files() -> list[tuple[str, str]]:
    """PyInstaller ``datas`` entries for every non-Python file in ``resources/``."""
    entries: list[tuple[str, str]] = []
    for source_dir, dest in bundle_data_sources():
        for path in sorted(source_dir.rglob("*")):
            if not path.is_file() or "__pycache__" in path.parts:
                continue
            if path.suffix not in {".py", ".pyc"}:
                relative_parent = path.parent.relative_to(source_dir)
                target = Path(dest) / relative_parent
                entries.append((str(path), target.as_posix()))
    return entries


def macos_info_plist(info: AppInfo | None = None) -> dict[str, object]:
    """Keys PyInstaller's BUNDLE merges into ``Info.plist``."""
    info = info or app_info()
    return {
        "CFBundleName": MACOS_APP_NAME,
        "CFBundleDisplayName": info.name,
        "CFBundleIdentifier": MACOS_BUNDLE_ID,
        "CFBundleExecutable": GUI_EXE_NAME,
        "CFBundleShortVersionString": info.version,
        "CFBundleVersion": info.version,
        "CFBundlePackageType": "APPL",
        "CFBundleDevelopmentRegion": "en",
        "NSHighResolutionCapable": True,
        "NSRequiresAquaSystemAppearance": False,  # follow the system's dark mode
        "LSMinimumSystemVersion": MACOS_MIN_VERSION,
        "LSBackgroundOnly": False,
        "LSApplicationCategoryType": "public.app-category.productivity",
        "NSHumanReadableCopyright": COPYRIGHT,
    }


def windows_version_info(info: AppInfo | None = None, *, original_filename: str) -> str:
    """Text of a PyInstaller version-resource file (``EXE(version=...)``) for one executable."""
    info = info or app_info()
    numbers = info.version_tuple
    strings = {
        "CompanyName": COMPANY,
        "FileDescription": info.name,
        "FileVersion": info.version,
        "InternalName": Path(original_filename).stem,
        "LegalCopyright": COPYRIGHT,
        "OriginalFilename": original_filename,
        "ProductName": info.name,
        "ProductVersion": info.version,
        "Comments": DESCRIPTION,
    }
    string_structs = ",\n".join(
        f"          StringStruct({key!r}, {value!r})" for key, value in strings.items()
    )
    return f"""# UTF-8
# Generated by build_scripts/build.py from core/__init__.py; do not edit.
VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={numbers!r},
    prodvers={numbers!r},
    mask=0x3f,
    flags=0x0,
    OS=0x40004,
    fileType=0x1,
    subtype=0x0,
    date=(0, 0)
  ),
  kids=[
    StringFileInfo([
      StringTable(
        '040904B0',
        [
{string_structs}
        ])
    ]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
"""


def windows_version_file(exe_name: str) -> Path:
    """Where the generated version resource for one executable lives."""
    return GENERATED_DIR / f"version_info_{exe_name}.txt"


def hidden_imports(system: str | None = None) -> list[str]:
    """Modules PyInstaller cannot see statically, for the system the bundle is built on.

    PyInstaller's ``hook-keyring`` already collects ``keyring.backends`` and keyring's
    entry-point metadata (backends are found through entry points). The per-OS names below make
    the backend of the build system (and what it imports lazily) explicit, so a hook change can't
    silently ship a bundle that falls back to ``keyring.backends.fail``.
    """
    system = system or system_tag()
    common = [
        "keyring.backends.chainer",
        "keyring.backends.fail",
        "keyring.backends.null",
    ]
    per_system = {
        "linux": [
            "keyring.backends.SecretService",
            "keyring.backends.libsecret",
            "keyring.backends.kwallet",
            "secretstorage",
            "jeepney",
        ],
        "macos": ["keyring.backends.macOS", "keyring.backends.macOS.api"],
        "windows": [
            "keyring.backends.Windows",
            "win32ctypes.core",
            "win32ctypes.pywin32.pywintypes",
            "win32ctypes.pywin32.win32cred",
        ],
    }
    return common + per_system[system]
