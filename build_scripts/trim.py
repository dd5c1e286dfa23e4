"""What the frozen app keeps of Qt, and the filters the spec applies to PyInstaller's TOCs.

The PySide6 hooks collect every plugin type a Qt module *might* use (EGLFS, VNC, TLS, network
information, GTK theme, every image format …) and all of Qt's translations. ``excludes`` alone
do not drop those files, so the spec filters ``a.binaries`` and ``a.datas`` with the functions
here. The benchmark (``benchmarks/bench_bundle.py``) uses the same functions, so "bare" and
"ours" are trimmed alike.

TOC entries are ``(dest_name, src_name, typecode)`` tuples; dest names use the host's path
separator, so everything here normalises them to forward slashes first.
"""

from __future__ import annotations

import fnmatch
import re
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import PurePath

TocEntry = tuple[str, str, str]

# Python-level Qt modules the app never imports. Hooks would otherwise pull some of them in
# (PySide6's hooks add QtNetwork and QtDBus as hidden imports on Linux).
# tests/test_packaging.py checks that core/ and gui/ import none of these.
EXCLUDED_MODULES: tuple[str, ...] = (
    "PySide6.QtNetwork",
    "PySide6.QtDBus",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuickControls2",
    "PySide6.QtQuickWidgets",
    "PySide6.QtQuick3D",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "PySide6.QtWebEngineQuick",
    "PySide6.QtWebChannel",
    "PySide6.QtWebSockets",
    "PySide6.QtMultimedia",
    "PySide6.QtMultimediaWidgets",
    "PySide6.QtSpatialAudio",
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtSql",
    "PySide6.QtTest",
    "PySide6.QtUiTools",
    "PySide6.QtDesigner",
    "PySide6.QtHelp",
    "PySide6.QtXml",
    "PySide6.QtConcurrent",
    "PySide6.QtPdf",
    "PySide6.QtPdfWidgets",
    "PySide6.QtCharts",
    "PySide6.QtDataVisualization",
    "PySide6.QtGraphs",
    "PySide6.QtBluetooth",
    "PySide6.QtPositioning",
    "PySide6.QtLocation",
    "PySide6.QtSerialPort",
    "PySide6.QtStateMachine",
    "PySide6.QtTextToSpeech",
    "PySide6.QtRemoteObjects",
    "PySide6.QtAxContainer",
    "PySide6.Qt3DCore",
    # Not Qt, but never needed at run time in the frozen app.
    "tkinter",
    "unittest",
    "pydoc",
    "pytest",
    "pytestqt",
    "responses",
    "jsonschema",
    "PyInstaller",
    "PIL",  # openpyxl imports Pillow only to embed images, which we never do
    # Nothing starts processes (exports use threads). Bundled, it brings PyInstaller's
    # multiprocessing run-time hook, which imports it (with socket, subprocess, …) before
    # every start: ~15 ms of the window's start-up.
    "multiprocessing",
    "setuptools",
    "pip",
)

# Qt plugin folders we keep; every other plugin folder is dropped (eglfs device integrations,
# generic input, networkinformation, tls, sqldrivers, multimedia, qml tooling, …).
KEPT_PLUGIN_DIRS: frozenset[str] = frozenset(
    {
        "platforms",
        "platformthemes",
        "platforminputcontexts",  # compose keys (dead keys) and IBus input methods on Linux
        "styles",  # qmodernwindowsstyle on Windows, qmacstyle on macOS
        "imageformats",
        "iconengines",  # SVG icons through QIcon
        "xcbglintegrations",
        "wayland-shell-integration",
        "wayland-decoration-client",
        "wayland-graphics-integration-client",
    }
)

# Within kept folders, keep only these plugins (glob on the file name, any OS's prefix/suffix).
KEPT_PLUGINS: dict[str, tuple[str, ...]] = {
    # xcb + wayland for real desktops, offscreen + minimal for headless smoke tests,
    # windows and cocoa on the other two systems.
    "platforms": ("*qxcb*", "*qwayland*", "*qoffscreen*", "*qminimal.*", "*qwindows*", "*qcocoa*"),
    # The GTK3 theme pulls in the build host's GTK stack (~40 libraries) and breaks when the
    # user's GTK is newer; the portal theme is small and gives native dialogs under Flatpak/Wayland.
    "platformthemes": ("*qxdgdesktopportal*",),
    "platforminputcontexts": ("*compose*", "*ibus*"),
    "styles": ("*",),
    # Qt reads PNG/BMP/PPM/XPM itself; keep the few formats an icon or a logo might use.
    "imageformats": ("*qsvg*", "*qico*", "*qjpeg*", "*qgif*"),
    "iconengines": ("*qsvgicon*",),
    "xcbglintegrations": ("*",),
    # A desktop toplevel only needs xdg-shell; ivi/fullscreen/wl-shell/qt-shell are for embedded.
    "wayland-shell-integration": ("*xdg-shell*",),
    "wayland-decoration-client": ("*",),
    # Client-side wayland-egl; the *-server plugins are for compositors.
    "wayland-graphics-integration-client": ("*wayland-egl*",),
}

# Qt libraries nothing in a widgets app needs even if a hook collected them. Patterns match a
# file name (libQt6Network.so.6, Qt6Network.dll) or, on macOS, a framework folder
# (QtNetwork.framework/…, whose binary is plainly "QtNetwork").
_UNUSED_QT_COMPONENTS = ("Network", "Qml*", "Quick*", "Pdf*", "VirtualKeyboard*", "EglFS*",
                         "EglFsKms*", "WebEngine*", "Multimedia*")
DROPPED_QT_LIBS: tuple[str, ...] = (
    *(f"*Qt6{name}*" for name in _UNUSED_QT_COMPONENTS),
    *(f"Qt{name}" for name in _UNUSED_QT_COMPONENTS),
    *(f"Qt{name}.framework" for name in _UNUSED_QT_COMPONENTS),
    "opengl32sw.dll",  # Windows software OpenGL (20 MB); QtWidgets paints without OpenGL
)

# Qt translations: the app's UI is English only for now, so Qt's own catalogs are not needed.
# When the app ships translations, list their language codes here (e.g. "de", "fr") so Qt's
# standard dialogs are translated too.
QT_TRANSLATION_LANGUAGES: tuple[str, ...] = ()

# Linux libraries loaded with dlopen() (so invisible to the NEEDED walk) that must stay.
LINUX_KEEP_ALWAYS: tuple[str, ...] = (
    "libdbus-1.so*",
    "libxkbcommon*.so*",
    "libfontconfig.so*",
    "libfreetype.so*",
    "libpython3*.so*",
)

_PLUGIN_RE = re.compile(r"(?:^|/)Qt\d?/plugins/([^/]+)/([^/]+)$|(?:^|/)plugins/([^/]+)/([^/]+)$")


def _norm(dest: str) -> str:
    return dest.replace("\\", "/")


def _in_qt_tree(dest: str) -> bool:
    return dest.startswith(("PySide6/", "shiboken6/"))


def plugin_of(dest: str) -> tuple[str, str] | None:
    """``("platforms", "libqxcb.so")`` for a Qt plugin's bundle path, else ``None``."""
    dest = _norm(dest)
    if not _in_qt_tree(dest):
        return None
    match = _PLUGIN_RE.search(dest)
    if not match:
        return None
    folder = match.group(1) or match.group(3)
    name = match.group(2) or match.group(4)
    return folder, name


def _is_dropped_qt_lib(dest: str) -> bool:
    if not (_in_qt_tree(dest) or "/" not in dest):
        return False
    parts = PurePath(dest).parts
    # The file name everywhere; any folder (a macOS framework) inside the Qt tree.
    candidates = parts if _in_qt_tree(dest) else parts[-1:]
    return any(
        fnmatch.fnmatch(part, pattern) for part in candidates for pattern in DROPPED_QT_LIBS
    )


def keep_binary(dest: str) -> bool:
    """Whether a ``binaries`` entry stays in the bundle (before the Linux dependency pruning)."""
    dest = _norm(dest)
    plugin = plugin_of(dest)
    if plugin is not None:
        folder, name = plugin
        if folder not in KEPT_PLUGIN_DIRS:
            return False
        return any(fnmatch.fnmatch(name, pattern) for pattern in KEPT_PLUGINS.get(folder, ("*",)))
    return not _is_dropped_qt_lib(dest)


def keep_data(dest: str) -> bool:
    """Whether a ``datas`` entry stays in the bundle."""
    dest = _norm(dest)
    if _in_qt_tree(dest) and "/translations/" in dest and dest.endswith(".qm"):
        stem = PurePath(dest).stem  # qtbase_de, qt_help_pt_BR, …
        for language in QT_TRANSLATION_LANGUAGES:
            if stem in (f"qtbase_{language}", f"qt_{language}"):
                return True
        return False
    if _in_qt_tree(dest) and _is_dropped_qt_lib(dest):  # e.g. QtNetwork.framework/Resources/…
        return False
    # Qt's QML/WebEngine resources, if a hook ever collects them.
    return not (_in_qt_tree(dest) and ("/qml/" in dest or "/resources/qtwebengine" in dest))


def _elf_needed(path: str, objdump: str) -> list[str]:
    result = subprocess.run(
        [objdump, "-p", path], capture_output=True, text=True, check=False
    )
    return [
        line.split()[1]
        for line in result.stdout.splitlines()
        if line.strip().startswith("NEEDED") and len(line.split()) >= 2
    ]


def prune_unreachable_linux(binaries: Sequence[TocEntry]) -> tuple[list[TocEntry], list[TocEntry]]:
    """Drop shared libraries that nothing kept links to any more (Linux only).

    PyInstaller resolves the libraries of every collected plugin during Analysis, so dropping a
    plugin (say the GTK theme) leaves its libraries behind. This walks ``DT_NEEDED`` from the
    roots (Python extensions, Qt plugins, libpython, anything inside a package folder that is not
    a Qt library) and keeps only what is reachable. Only top-level libraries and ``PySide6/Qt/lib``
    are candidates for removal. Returns ``(kept, dropped)``.
    """
    if not sys.platform.startswith("linux"):
        return list(binaries), []
    objdump = shutil.which("objdump")
    if objdump is None:  # PyInstaller itself needs objdump on Linux, so this is unexpected
        return list(binaries), []

    def prunable(entry: TocEntry) -> bool:
        dest = _norm(entry[0])
        name = PurePath(dest).name
        if any(fnmatch.fnmatch(name, pattern) for pattern in LINUX_KEEP_ALWAYS):
            return False
        return entry[2] == "BINARY" and ("/" not in dest or dest.startswith("PySide6/Qt/lib/"))

    by_name: dict[str, TocEntry] = {}
    for entry in binaries:
        by_name.setdefault(PurePath(_norm(entry[0])).name, entry)
    reachable: set[str] = set()
    queue = [entry for entry in binaries if not prunable(entry)]
    seen: set[str] = set()
    while queue:
        entry = queue.pop()
        if entry[1] in seen:
            continue
        seen.add(entry[1])
        reachable.add(entry[0])
        for needed in _elf_needed(entry[1], objdump):
            target = by_name.get(needed)
            if target is not None and target[1] not in seen:
                queue.append(target)
    kept = [entry for entry in binaries if entry[0] in reachable]
    dropped = [entry for entry in binaries if entry[0] not in reachable]
    return kept, dropped


def trim(
    binaries: Sequence[TocEntry], datas: Sequence[TocEntry]
) -> tuple[list[TocEntry], list[TocEntry], list[TocEntry]]:
    """Apply every rule: returns ``(binaries, datas, dropped)``."""
    kept_binaries = [entry for entry in binaries if keep_binary(entry[0])]
    dropped = [entry for entry in binaries if not keep_binary(entry[0])]
    kept_binaries, unreachable = prune_unreachable_linux(kept_binaries)
    dropped += unreachable
    kept_datas = [entry for entry in datas if keep_data(entry[0])]
    dropped += [entry for entry in datas if not keep_data(entry[0])]
    return kept_binaries, kept_datas, dropped
