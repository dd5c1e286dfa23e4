"""Build the distributable of Clockify Report Exporter for the system this runs on.

    python build_scripts/build.py [--clean] [--skip-archive] [--self-test]
    python build_scripts/build.py --smoke-exports PATH/TO/clockify-exporter-cli

Steps: pre-flight checks → icons and version resources (build/generated/) → PyInstaller on
build_scripts/clockify_exporter.spec → checks of the bundle → per-OS packaging into dist/:

* Linux:   ``ClockifyExporter-<v>-linux-<arch>.tar.gz`` (onedir + .desktop + icon + INSTALL.txt
           + install.sh)
* macOS:   ``Clockify Exporter.app`` → codesign (inside-out, hardened runtime) → ``.dmg`` →
           notarise + staple. Signing and notarising run only when their environment variables
           are set (see ``MACOS_*`` below) and are skipped with a message otherwise.
* Windows: ``ClockifyExporter-<v>-windows-x64.zip`` and an Inno Setup installer when ``iscc`` is
           found; signtool sign + verify when a certificate is configured (``WINDOWS_CERT_*``).

``--self-test`` adds ``bundle-probe`` to the bundle, runs it (keyring backends, certifi/requests,
Qt plugins, resources, one CSV/XLSX/PDF from core.render) and removes it again before anything
is archived; then the frozen CLI itself exports the demo data in every format, so a bundle
missing the font, XlsxWriter or fontTools' tables fails the build.
"""

from __future__ import annotations

import argparse
import base64
import fnmatch
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make ``build_scripts`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from build_scripts import appinfo, generate

# Signing configuration comes from the environment only (CI secrets); nothing is stored here.
MACOS_ENV = {
    "identity": "MACOS_CODESIGN_IDENTITY",  # e.g. "Developer ID Application: Name (TEAMID)"
    "keychain_profile": "MACOS_NOTARY_KEYCHAIN_PROFILE",  # xcrun notarytool store-credentials
    "apple_id": "MACOS_NOTARY_APPLE_ID",  # … or these three
    "team_id": "MACOS_NOTARY_TEAM_ID",
    "password": "MACOS_NOTARY_PASSWORD",  # an app-specific password
}
WINDOWS_ENV = {
    "pfx": "WINDOWS_CERT_PFX",  # path to a .pfx file …
    "pfx_base64": "WINDOWS_CERT_PFX_BASE64",  # … or its base64 (CI secret)
    "password": "WINDOWS_CERT_PASSWORD",
    "sha1": "WINDOWS_CERT_SHA1",  # … or the thumbprint of a certificate in the store
    "timestamp_url": "WINDOWS_TIMESTAMP_URL",
}
DEFAULT_TIMESTAMP_URL = "http://timestamp.digicert.com"

# Files every bundle must contain (relative to the contents directory, _internal/).
REQUIRED_FILES = ["resources/icon-256.png", "certifi/cacert.pem"]
REQUIRED_PLATFORM_PLUGINS = {
    "linux": ["*qxcb*", "*qwayland*", "*qoffscreen*", "*qminimal.*"],
    "macos": ["*qcocoa*", "*qoffscreen*", "*qminimal.*"],
    "windows": ["*qwindows*", "*qoffscreen*", "*qminimal.*"],
}
KEYRING_MODULES = {
    "linux": ["keyring.backends.SecretService", "keyring.backends.libsecret",
              "keyring.backends.kwallet"],
    "macos": ["keyring.backends.macOS", "keyring.backends.macOS.api"],
    "windows": ["keyring.backends.Windows"],
}
# The frozen CLI's export of every format (--self-test): the demo's Free workspace, where
# Clockify exports no CSV or XLSX, so the app builds those (and here the PDF) itself.
SMOKE_EXPORT_ARGS = ["--demo", "export", "--workspace", "Side Projects", "--render", "local",
                     "--start", "2026-01-01", "--end", "2026-11-30"]
SMOKE_FORMATS = ("json", "csv", "xlsx", "pdf")
SMOKE_NAME = "Zoë Müller"  # a demo user with entries there: accented text in every file
MACHO_MAGICS = {b"\xfe\xed\xfa\xce", b"\xfe\xed\xfa\xcf", b"\xce\xfa\xed\xfe",
                b"\xcf\xfa\xed\xfe", b"\xca\xfe\xba\xbe"}


class BuildError(RuntimeError):
    """A step failed; the message says what to do."""


def log(message: str) -> None:
    print(f"[build] {message}", flush=True)


def run(
    cmd: Sequence[str | os.PathLike[str]], **kwargs: object
) -> subprocess.CompletedProcess[str]:
    shown = " ".join(str(part) for part in cmd)
    log(f"$ {shown}")
    result: subprocess.CompletedProcess[str] = subprocess.run(
        [str(part) for part in cmd], text=True, **kwargs  # type: ignore[call-overload]
    )
    if result.returncode != 0:
        raise BuildError(f"command failed with exit code {result.returncode}: {shown}")
    return result


def human_size(num_bytes: float) -> str:
    for unit in ("B", "KiB", "MiB", "GiB"):
        if num_bytes < 1024 or unit == "GiB":
            return f"{num_bytes:.1f} {unit}"
        num_bytes /= 1024
    return f"{num_bytes:.1f} GiB"


def tree_size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


# --------------------------------------------------------------------------- layout


def onedir() -> Path:
    return appinfo.DIST_DIR / appinfo.DIST_NAME


def app_bundle() -> Path:
    return appinfo.DIST_DIR / f"{appinfo.MACOS_APP_NAME}.app"


def exe_suffix() -> str:
    return ".exe" if appinfo.system_tag() == "windows" else ""


def contents_dir() -> Path:
    return onedir() / "_internal"


def executables_dirs() -> list[Path]:
    """Where the executables are: the onedir, and on macOS also the .app's Contents/MacOS."""
    dirs = [onedir()]
    if appinfo.system_tag() == "macos" and app_bundle().is_dir():
        dirs.append(app_bundle() / "Contents" / "MacOS")
    return dirs


# --------------------------------------------------------------------------- steps


def preflight() -> None:
    system = appinfo.system_tag()
    if sys.version_info[:2] != (3, 11):
        log(f"warning: building with Python {sys.version.split()[0]}; the app targets 3.11")
    try:
        import PyInstaller
    except ImportError as exc:
        raise BuildError("PyInstaller is missing: pip install -e .[build]") from exc
    log(f"PyInstaller {PyInstaller.__version__}, Python {sys.version.split()[0]}, {system}")
    if system == "linux":
        if shutil.which("objdump") is None:
            raise BuildError("objdump not found: install binutils (apt-get install binutils)")
        missing = [lib for lib in ("libxcb-icccm.so.4", "libxcb-keysyms.so.1")
                   if not _linux_has_library(lib)]
        if missing:
            raise BuildError(
                f"{', '.join(missing)} not installed: the xcb platform plugin needs them and "
                "PyInstaller bundles only what the build host has. Run: apt-get install -y "
                "libxcb-icccm4 libxcb-keysyms1 (then rebuild)"
            )


def _linux_has_library(soname: str) -> bool:
    result = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True, check=False)
    return soname in result.stdout


def clean(everything: bool) -> None:
    targets = [appinfo.BUILD_DIR / "pyinstaller", onedir(), app_bundle()]
    if everything:
        targets.append(appinfo.GENERATED_DIR)
        targets += list(appinfo.DIST_DIR.glob(f"{appinfo.DIST_NAME}-*"))
    for target in targets:
        if target.is_dir():
            shutil.rmtree(target)
        elif target.exists():
            target.unlink()


def run_pyinstaller(*, clean_cache: bool, with_probe: bool) -> None:
    env = dict(os.environ)
    env["CRE_BUNDLE_PROBE"] = "1" if with_probe else "0"
    cmd: list[str | Path] = [
        sys.executable, "-m", "PyInstaller", appinfo.SPEC_FILE, "--noconfirm",
        "--distpath", appinfo.DIST_DIR, "--workpath", appinfo.BUILD_DIR / "pyinstaller",
        "--log-level", "WARN",
    ]
    if clean_cache:
        cmd.append("--clean")
    run(cmd, cwd=appinfo.REPO_ROOT, env=env)


def pyz_modules(executable: Path) -> set[str]:
    """Module names in the PYZ archive embedded in a PyInstaller executable."""
    from PyInstaller.archive.readers import pkg_archive_contents

    return set(pkg_archive_contents(str(executable), recursive=True))


def verify_bundle() -> dict[str, object]:
    """Static checks of dist/ClockifyExporter; raises BuildError listing every problem."""
    system = appinfo.system_tag()
    problems: list[str] = []
    internal = contents_dir()
    for name in (appinfo.GUI_EXE_NAME, appinfo.CLI_EXE_NAME):
        if not (onedir() / f"{name}{exe_suffix()}").is_file():
            problems.append(f"executable {name}{exe_suffix()} missing")
    for relative in REQUIRED_FILES:
        if not (internal / relative).is_file():
            problems.append(f"{relative} missing from _internal/")
    plugins_dir = next(internal.glob("PySide6/**/plugins/platforms"), None)
    platform_plugins = sorted(p.name for p in plugins_dir.iterdir()) if plugins_dir else []
    for pattern in REQUIRED_PLATFORM_PLUGINS[system]:
        if not any(fnmatch.fnmatch(name, pattern) for name in platform_plugins):
            problems.append(f"Qt platform plugin {pattern} missing")
    if not list(internal.glob("keyring-*.dist-info/entry_points.txt")):
        problems.append("keyring's entry_points.txt missing (backends could not be discovered)")
    keyring_found: dict[str, list[str]] = {}
    for name in (appinfo.GUI_EXE_NAME, appinfo.CLI_EXE_NAME):
        exe = onedir() / f"{name}{exe_suffix()}"
        if not exe.is_file():
            continue
        modules = pyz_modules(exe)
        keyring_found[name] = sorted(m for m in modules if m.startswith("keyring.backends."))
        for module in KEYRING_MODULES[system]:
            if module not in modules:
                problems.append(f"{name}: {module} not bundled")
        if name == appinfo.CLI_EXE_NAME and any(m.startswith("PySide6") for m in modules):
            problems.append("the CLI executable pulls in PySide6 (core must stay Qt-free)")
    qt_translations = list(internal.glob("PySide6/**/translations/*.qm"))
    report: dict[str, object] = {
        "platform_plugins": platform_plugins,
        "keyring_backends": keyring_found,
        "qt_translations": len(qt_translations),
    }
    if system == "linux":
        missing_libs = linux_unresolved_libraries(internal)
        if missing_libs:
            problems += [f"unresolved library: {entry}" for entry in missing_libs]
        report["glibc_required"] = linux_required_glibc(internal)
    if problems:
        raise BuildError("bundle check failed:\n  " + "\n  ".join(problems))
    return report


def _elf_files(root: Path) -> Iterable[Path]:
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as handle:
                if handle.read(4) == b"\x7fELF":
                    yield path


def linux_unresolved_libraries(internal: Path) -> list[str]:
    """``ldd`` every bundled ELF file with the bundle's library path; list what is not found.

    Known-optional plugin dependencies that a desktop always has are tolerated (``libwayland-*``
    is never bundled on purpose: it must match the compositor's).
    """
    tolerated = ("libwayland-", "libEGL", "libGL", "libOpenGL", "libvulkan")
    lib_path = os.pathsep.join(
        [str(internal), str(internal / "PySide6" / "Qt" / "lib")]
    )
    env = {**os.environ, "LD_LIBRARY_PATH": lib_path}
    unresolved: list[str] = []
    for path in _elf_files(internal):
        result = subprocess.run(["ldd", str(path)], capture_output=True, text=True, env=env,
                                check=False)
        for line in result.stdout.splitlines():
            if "not found" in line:
                lib = line.split("=>")[0].strip()
                if not lib.startswith(tolerated):
                    unresolved.append(f"{path.relative_to(internal)} needs {lib}")
    return unresolved


def linux_required_glibc(internal: Path) -> str:
    """The highest ``GLIBC_x.y`` symbol version any bundled binary asks for."""
    highest = (0, 0)
    pattern = re.compile(r"GLIBC_(\d+)\.(\d+)")
    for path in _elf_files(internal):
        result = subprocess.run(["objdump", "-T", str(path)], capture_output=True, text=True,
                                check=False)
        for match in pattern.finditer(result.stdout):
            highest = max(highest, (int(match.group(1)), int(match.group(2))))
    return f"{highest[0]}.{highest[1]}"


def self_test(https_url: str | None, keyring_roundtrip: bool) -> dict[str, object]:
    """Run bundle-probe inside the bundle, then delete it (also from the .app on macOS)."""
    probe = onedir() / f"{appinfo.PROBE_EXE_NAME}{exe_suffix()}"
    if not probe.is_file():
        raise BuildError(f"{probe} missing: the spec did not build the probe")
    cmd: list[str | Path] = [probe]
    if https_url:
        cmd += ["--https-url", https_url]
    if keyring_roundtrip:
        cmd.append("--keyring-roundtrip")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([str(c) for c in cmd], capture_output=True, text=True, env=env,
                            check=False)
    sys.stderr.write(result.stderr)
    try:
        report: dict[str, object] = json.loads(result.stdout)
    except json.JSONDecodeError as exc:
        raise BuildError(f"bundle-probe printed no JSON (exit {result.returncode}):\n"
                         f"{result.stdout}") from exc
    print(json.dumps(report, indent=2, ensure_ascii=False))
    for directory in executables_dirs():
        (directory / probe.name).unlink(missing_ok=True)
    if appinfo.system_tag() == "macos" and app_bundle().is_dir():
        # Removing a sealed executable breaks the ad-hoc seal PyInstaller made: re-seal it
        # (non-deep; a real identity re-signs everything inside-out later anyway).
        run(["codesign", "--force", "--sign", "-", app_bundle()])
    if result.returncode != 0:
        raise BuildError(f"bundle-probe failed: {report.get('failures')}")
    return report


def smoke_export_formats(cli: Path | None = None) -> dict[str, int]:
    """The frozen CLI (the onedir's unless given) exports the demo data once per format;
    every file is checked.

    Run with the bundle's own CLI (its own PYZ, not the probe's), so what it misses (a font,
    XlsxWriter, a fontTools table) fails here. Returns each file's size in bytes.
    """
    cli = cli or onedir() / f"{appinfo.CLI_EXE_NAME}{exe_suffix()}"
    if not cli.is_file():
        raise BuildError(f"{cli} missing: build the bundle first")
    sizes: dict[str, int] = {}
    problems: list[str] = []
    with tempfile.TemporaryDirectory(prefix="clockify-smoke-") as folder:
        env = {**os.environ, "HOME": folder, "PYTHONIOENCODING": "utf-8",
               "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"}
        for fmt in SMOKE_FORMATS:
            path = Path(folder) / f"smoke.{fmt}"
            result = subprocess.run([str(cli), *SMOKE_EXPORT_ARGS, "-o", str(path)],
                                    capture_output=True, text=True, encoding="utf-8",
                                    errors="replace", env=env, check=False, timeout=300)
            if result.returncode != 0:
                problems.append(f"{fmt}: exit {result.returncode}: {result.stderr[-800:]}")
                continue
            problem = _smoke_file_problem(fmt, path)
            if problem:
                problems.append(f"{fmt}: {problem}")
            sizes[fmt] = path.stat().st_size
    if problems:
        raise BuildError("frozen CLI export failed:\n  " + "\n  ".join(problems))
    return sizes


def _smoke_file_problem(fmt: str, path: Path) -> str | None:
    """Why `path` is not a complete file of `fmt` holding SMOKE_NAME, or None.

    Structure only, with the standard library: the tests read these formats in depth.
    """
    data = path.read_bytes()
    name = SMOKE_NAME.encode("utf-8")
    if fmt == "json":
        try:
            json.loads(data)
        except ValueError as exc:
            return f"not JSON: {exc}"
        return None if name in data else f"{SMOKE_NAME!r} missing"
    if fmt == "csv":
        if not data.startswith(b"\xef\xbb\xbf"):
            return "no UTF-8 byte-order mark"
        return None if name in data else f"{SMOKE_NAME!r} missing"
    if fmt == "xlsx":
        try:
            with zipfile.ZipFile(path) as archive:
                parts = {n: archive.read(n) for n in archive.namelist() if n.endswith(".xml")}
        except zipfile.BadZipFile as exc:
            return f"not an XLSX (zip): {exc}"
        if "xl/workbook.xml" not in parts or "xl/worksheets/sheet1.xml" not in parts:
            return "workbook or first sheet missing"
        return None if any(name in part for part in parts.values()) else f"{SMOKE_NAME!r} missing"
    # PDF: complete, with the bundled DejaVu font embedded (the only font it can use).
    if not data.startswith(b"%PDF-") or not data.rstrip().endswith(b"%%EOF"):
        return "not a complete PDF"
    if b"/FontFile2" not in data or b"DejaVu" not in data or b"/ToUnicode" not in data:
        return "the DejaVu font is not embedded"
    return None


# --------------------------------------------------------------------------- Linux


def package_linux() -> Path:
    info = appinfo.app_info()
    stem = appinfo.artifact_stem(info)
    archive = appinfo.DIST_DIR / f"{stem}.tar.gz"
    glibc = linux_required_glibc(contents_dir())
    note = (appinfo.LINUX_INSTALL_NOTE.read_text(encoding="utf-8")
            .replace("@VERSION@", info.version).replace("@ARCH@", appinfo.arch_tag())
            .replace("@GLIBC@", glibc))
    with tempfile.TemporaryDirectory() as tmp:
        extras = Path(tmp)
        (extras / "INSTALL.txt").write_text(note, encoding="utf-8")
        with tarfile.open(archive, "w:gz", compresslevel=6) as tar:
            top = stem
            tar.add(onedir(), arcname=f"{top}/{appinfo.DIST_NAME}")
            tar.add(appinfo.DESKTOP_FILE, arcname=f"{top}/{appinfo.DESKTOP_FILE.name}")
            tar.add(appinfo.ICON_PNG_256, arcname=f"{top}/{info.app_id}.png")
            tar.add(extras / "INSTALL.txt", arcname=f"{top}/INSTALL.txt")
            tar.add(appinfo.LINUX_INSTALL_SCRIPT, arcname=f"{top}/install.sh")
    log("AppImage: not built (the tar.gz covers the same systems; see INSTALL.txt)")
    return archive


# --------------------------------------------------------------------------- macOS


def _is_macho(path: Path) -> bool:
    if path.is_symlink() or not path.is_file():
        return False
    with path.open("rb") as handle:
        return handle.read(4) in MACHO_MAGICS


def macos_sign(app: Path, identity: str) -> None:
    """Sign inside-out: nested Mach-O files, then frameworks, then executables, then the app.

    No ``--deep``: every piece of code is signed explicitly, deepest first.
    """
    entitlements = appinfo.ENTITLEMENTS_PLIST
    base = ["codesign", "--force", "--timestamp", "--options", "runtime", "--sign", identity]
    macos_dir = app / "Contents" / "MacOS"
    nested = [p for p in app.rglob("*") if _is_macho(p) and macos_dir not in p.parents]
    for path in sorted(nested, key=lambda p: len(p.parts), reverse=True):
        run([*base, path])
    frameworks = [p for p in app.rglob("*.framework") if p.is_dir() and not p.is_symlink()]
    for framework in sorted(frameworks, key=lambda p: len(p.parts), reverse=True):
        run([*base, framework])
    # The CLI (and any other helper) before the main executable, the main one last.
    main_exe = macos_dir / appinfo.GUI_EXE_NAME
    helpers = [p for p in macos_dir.iterdir() if _is_macho(p) and p != main_exe]
    for path in [*helpers, main_exe]:
        run([*base, "--entitlements", entitlements, path])
    run([*base, "--entitlements", entitlements, app])
    run(["codesign", "--verify", "--strict", "--verbose=2", app])


def macos_notarize(target: Path) -> bool:
    """Submit to Apple's notary service and wait; returns False (with a message) if not set up."""
    profile = os.environ.get(MACOS_ENV["keychain_profile"])
    apple_id = os.environ.get(MACOS_ENV["apple_id"])
    team_id = os.environ.get(MACOS_ENV["team_id"])
    password = os.environ.get(MACOS_ENV["password"])
    if profile:
        auth = ["--keychain-profile", profile]
    elif apple_id and team_id and password:
        auth = ["--apple-id", apple_id, "--team-id", team_id, "--password", password]
    else:
        log(f"notarisation skipped: set {MACOS_ENV['keychain_profile']}, or "
            f"{MACOS_ENV['apple_id']} + {MACOS_ENV['team_id']} + {MACOS_ENV['password']}")
        return False
    run(["xcrun", "notarytool", "submit", target, *auth, "--wait"])
    run(["xcrun", "stapler", "staple", target])
    run(["xcrun", "stapler", "validate", target])
    return True


def package_macos() -> Path:
    app = app_bundle()
    if not app.is_dir():
        raise BuildError(f"{app} missing: PyInstaller's BUNDLE step did not run")
    identity = os.environ.get(MACOS_ENV["identity"])
    if identity:
        macos_sign(app, identity)
    else:
        log(f"code signing skipped: {MACOS_ENV['identity']} is not set (the app keeps "
            "PyInstaller's ad-hoc signature; Gatekeeper will warn on other Macs)")
    dmg = appinfo.DIST_DIR / f"{appinfo.artifact_stem()}.dmg"
    dmg.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        staging = Path(tmp) / "dmg"
        staging.mkdir()
        run(["ditto", app, staging / app.name])
        (staging / "Applications").symlink_to("/Applications")
        run(["hdiutil", "create", "-volname", appinfo.app_info().name, "-srcfolder", staging,
             "-ov", "-format", "UDZO", dmg])
    if identity:
        run(["codesign", "--force", "--timestamp", "--sign", identity, dmg])
        macos_notarize(dmg)
    else:
        log("notarisation skipped: the app is not signed")
    return dmg


# --------------------------------------------------------------------------- Windows


def find_windows_tool(name: str, env_var: str, search: Sequence[str]) -> Path | None:
    explicit = os.environ.get(env_var)
    if explicit and Path(explicit).is_file():
        return Path(explicit)
    on_path = shutil.which(name)
    if on_path:
        return Path(on_path)
    for pattern in search:
        drive, _, rest = pattern.partition(":\\")
        root = Path(f"{drive}:\\")
        matches = sorted(root.glob(rest.replace("\\", "/")), reverse=True)
        if matches:
            return matches[0]
    return None


def windows_signing_args() -> tuple[list[str], Path | None] | None:
    """signtool arguments for the configured certificate, or None when none is configured."""
    timestamp = os.environ.get(WINDOWS_ENV["timestamp_url"], DEFAULT_TIMESTAMP_URL)
    common = ["/fd", "SHA256", "/tr", timestamp, "/td", "SHA256"]
    pfx = os.environ.get(WINDOWS_ENV["pfx"])
    pfx_b64 = os.environ.get(WINDOWS_ENV["pfx_base64"])
    password = os.environ.get(WINDOWS_ENV["password"], "")
    thumbprint = os.environ.get(WINDOWS_ENV["sha1"])
    temp_pfx: Path | None = None
    if not pfx and pfx_b64:
        handle, name = tempfile.mkstemp(suffix=".pfx")
        os.write(handle, base64.b64decode(pfx_b64))
        os.close(handle)
        temp_pfx = Path(name)
        pfx = name
    if pfx:
        args = [*common, "/f", pfx]
        if password:
            args += ["/p", password]
        return args, temp_pfx
    if thumbprint:
        return [*common, "/sha1", thumbprint], None
    return None


def windows_sign(files: Sequence[Path]) -> bool:
    config = windows_signing_args()
    if config is None:
        log(f"code signing skipped: set {WINDOWS_ENV['pfx']} (or {WINDOWS_ENV['pfx_base64']}) "
            f"and {WINDOWS_ENV['password']}, or {WINDOWS_ENV['sha1']}")
        return False
    args, temp_pfx = config
    signtool = find_windows_tool(
        "signtool", "SIGNTOOL",
        [r"C:\Program Files (x86)\Windows Kits\10\bin\*\x64\signtool.exe"],
    )
    try:
        if signtool is None:
            raise BuildError("a certificate is configured but signtool.exe was not found "
                             "(install the Windows SDK or set SIGNTOOL)")
        run([signtool, "sign", *args, *files])
        run([signtool, "verify", "/pa", "/v", *files], stdout=subprocess.DEVNULL)
    finally:
        if temp_pfx is not None:
            temp_pfx.unlink(missing_ok=True)
    return True


def zip_directory(source: Path, archive: Path, arc_root: str) -> None:
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
        for path in sorted(source.rglob("*")):
            if path.is_file():
                zf.write(path, f"{arc_root}/{path.relative_to(source).as_posix()}")


def package_windows() -> list[Path]:
    info = appinfo.app_info()
    exes = [onedir() / f"{name}.exe" for name in (appinfo.GUI_EXE_NAME, appinfo.CLI_EXE_NAME)]
    signed = windows_sign(exes)
    stem = appinfo.artifact_stem(info)
    archive = appinfo.DIST_DIR / f"{stem}.zip"
    zip_directory(onedir(), archive, appinfo.DIST_NAME)
    outputs = [archive]
    iscc = find_windows_tool("iscc", "ISCC", [r"C:\Program Files (x86)\Inno Setup 6\ISCC.exe"])
    if iscc is None:
        log("installer skipped: Inno Setup's iscc was not found on PATH (install Inno Setup 6.3+ "
            "or set ISCC to ISCC.exe)")
        return outputs
    setup_name = f"{stem}-setup"
    run([iscc, "/Q", f"/DAppVersion={info.version}", f"/DSourceDir={onedir()}",
         f"/DOutputDir={appinfo.DIST_DIR}", f"/DOutputBaseFilename={setup_name}",
         f"/DIconFile={appinfo.ICON_ICO}", appinfo.INNO_SETUP_SCRIPT])
    installer = appinfo.DIST_DIR / f"{setup_name}.exe"
    if signed:
        windows_sign([installer])
    outputs.append(installer)
    return outputs


# --------------------------------------------------------------------------- main


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Build the Clockify Report Exporter bundle for this system into dist/.")
    parser.add_argument("--clean", action="store_true",
                        help="delete build/ outputs, dist/ bundle and PyInstaller's cache first")
    parser.add_argument("--skip-archive", action="store_true",
                        help="stop after the onedir (no tar.gz/zip/installer/dmg, no signing)")
    parser.add_argument("--self-test", action="store_true",
                        help="freeze and run bundle-probe inside the bundle (removed afterwards)")
    parser.add_argument("--probe-https-url",
                        help="with --self-test: also GET this HTTPS URL from inside the bundle")
    parser.add_argument("--probe-keyring-roundtrip", action="store_true",
                        help="with --self-test: also store/read/delete a secret in the keyring")
    parser.add_argument("--smoke-exports", metavar="CLI", type=Path,
                        help="only export the demo data in every format with this frozen CLI "
                             "(e.g. the one inside the macOS .app) and check the files")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.smoke_exports:
        try:
            sizes = smoke_export_formats(args.smoke_exports)
        except BuildError as exc:
            log(f"FAILED: {exc}")
            return 1
        log(f"{args.smoke_exports} exported every format: {json.dumps(sizes)}")
        return 0
    started = time.monotonic()
    info = appinfo.app_info()
    log(f"{info.name} {info.version} for {appinfo.system_tag()}-{appinfo.arch_tag()}")
    try:
        preflight()
        clean(everything=args.clean)
        generate.ensure_generated(force_icons=args.clean)
        run_pyinstaller(clean_cache=args.clean, with_probe=args.self_test)
        frozen_at = time.monotonic()
        report = verify_bundle()
        log(f"bundle checks passed: {json.dumps(report)}")
        if args.self_test:
            self_test(args.probe_https_url, args.probe_keyring_roundtrip)
            log("self-test passed; bundle-probe removed")
            sizes = smoke_export_formats()
            log("frozen CLI exported every format: "
                + ", ".join(f"{fmt} {human_size(size)}" for fmt, size in sizes.items()))
        artifacts: list[Path] = [onedir()]
        if appinfo.system_tag() == "macos":
            artifacts.append(app_bundle())
        if not args.skip_archive:
            system = appinfo.system_tag()
            if system == "linux":
                artifacts.append(package_linux())
            elif system == "macos":
                artifacts.append(package_macos())
            else:
                artifacts += package_windows()
    except BuildError as exc:
        log(f"FAILED: {exc}")
        return 1
    log(f"PyInstaller step {frozen_at - started:.1f} s, total {time.monotonic() - started:.1f} s")
    for artifact in artifacts:
        log(f"  {artifact.relative_to(appinfo.REPO_ROOT)}  {human_size(tree_size(artifact))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
