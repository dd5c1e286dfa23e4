"""Before Qt starts on Linux: name the system packages the X11 (xcb) plugin is missing.

Without them Qt aborts with a misleading message ("xcb-cursor0 or libxcb-cursor0 is needed")
even when another library is the one missing (ENVIRONMENT.md §2). Loading the same
libraries first lets the app say in one line which Debian/Ubuntu packages to install.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

# The libraries Qt's xcb plugin links beyond a desktop's basics, and their Debian packages.
XCB_LIBRARIES = {
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
}


def _loads(name: str) -> bool:
    import ctypes  # only for a run from source on Linux; the bundle never checks

    try:
        ctypes.CDLL(name)
    except OSError:
        return False
    return True


def uses_xcb(environ: dict[str, str] | os._Environ[str] = os.environ,
             platform: str = sys.platform) -> bool:
    """Whether Qt will pick its X11 plugin (not offscreen, not Wayland, not another OS)."""
    if not platform.startswith("linux"):
        return False
    chosen = environ.get("QT_QPA_PLATFORM", "")
    if chosen:
        return chosen.split(";")[0].startswith("xcb")
    return not environ.get("WAYLAND_DISPLAY")


def missing_xcb_packages(loads: Callable[[str], bool] = _loads) -> list[str]:
    return [package for library, package in XCB_LIBRARIES.items() if not loads(library)]


def xcb_problem(environ: dict[str, str] | os._Environ[str] = os.environ,
                platform: str = sys.platform,
                loads: Callable[[str], bool] = _loads) -> str | None:
    """One line naming what to install, or None when the window can start."""
    if not uses_xcb(environ, platform):
        return None
    missing = missing_xcb_packages(loads)
    if not missing:
        return None
    names = " ".join(missing)
    return (f"The window cannot open: these system packages are missing: {names}. "
            f"On Debian or Ubuntu: sudo apt install {names}")
