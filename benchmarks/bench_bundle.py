"""Bundle size and start time of the frozen app against a bare PySide6 window frozen alike.

    python benchmarks/bench_bundle.py [--runs 5] [--rebuild] [--apps ours bare]

Builds (or reuses) onedir bundles with the same spec rules (build_scripts/trim.py):

* ours: ``dist/ClockifyExporter`` from ``build_scripts/build.py --skip-archive``
* bare: ``build/bench/dist/bare`` from ``benchmarks/bench_bundle_baseline.spec``
  (QMainWindow + label: the goal's baseline)
* form: ``build/bench/dist/form``, the same spec with benchmarks/bench_bundle_form_app.py:
  the widgets of our first screen in plain PySide6. ``--apps ours form`` prices our Python
  on top of Qt's widgets; ``--apps form bare`` prices those widgets.

and compares the two ``--apps`` (default: ours against bare), printing, as medians of
``--runs`` runs after one warm-up run (the two apps take turns, so a load swing on a shared
machine hits both alike):

* size: apparent bytes of the onedir (what a user downloads unpacked);
* ``--version`` wall time: process start → exit after every top-level import (both entry
  points import QtCore/QtGui/QtWidgets at module level and exit before the QApplication);
* X window mapped, X11: process start → the app's window is mapped on an Xvfb screen
  (needs ``xvfb`` and ``x11-utils``; skipped otherwise). Qt maps it inside ``show()``, before
  the event loop runs, so this is not yet what a user sees;
* first paint, X11 — the goal's measure: process start → the window's pixels are on the
  screen. Xvfb keeps its screen in a file (``-fbdir``) with a black root (``-br``); Qt's X
  windows have no background of their own, so the window's area stays black until the app
  has painted it. Polled by reading a grid of pixels of the window's area from that file.
  Whatever the app runs between ``show()`` and its first paint (before the event loop
  starts, or in the loop ahead of the paint) counts here, as it does for a user.

The window is found without taking CPU from the app: one ``xev`` process, started before
the runs, reports the X server's window events (created, configured, mapped) as they happen,
and a thread here reads them while blocked. (Until issue 11 the window was found by running
``xwininfo -tree`` again and again, a new process every ~3 ms: on a 2-core machine that
took a core from the app it measured, and added 43 ms to our first paint and 18 ms to the
bare one, benchmarks/RESULTS.md.) After the run, ``xwininfo -id`` checks the window's title.

Both apps are measured from the outside in the same way; the app carries no benchmark hook.

Goals: ours ≤ 1.3x bare in size and ≤ 1.3x bare in start time. Run by hand; not a test.
"""

from __future__ import annotations

import argparse
import contextlib
import mmap
import os
import re
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from build_scripts import appinfo  # noqa: E402

BENCH_DIR = REPO_ROOT / "build" / "bench"
BASELINE_SPEC = REPO_ROOT / "benchmarks" / "bench_bundle_baseline.spec"
BASELINES = {"bare": "bench-bare-window", "form": "bench-form-window"}  # name: window title
OURS_TITLE = appinfo.app_info().name
SIZE_GOAL = 1.3
TIME_GOAL = 1.3  # issue 11 (the first packaging issue asked 1.2)
TIMEOUT_S = 30.0


def exe(directory: Path, name: str) -> Path:
    return directory / (f"{name}.exe" if sys.platform == "win32" else name)


def app_exe(app: str) -> Path:
    if app == "ours":
        return exe(appinfo.DIST_DIR / appinfo.DIST_NAME, appinfo.GUI_EXE_NAME)
    return exe(BENCH_DIR / "dist" / app, app)


def app_title(app: str) -> str:
    return OURS_TITLE if app == "ours" else BASELINES[app]


def build(app: str) -> float:
    started = time.monotonic()
    if app == "ours":
        subprocess.run([sys.executable, str(REPO_ROOT / "build_scripts" / "build.py"),
                        "--skip-archive"], check=True, cwd=REPO_ROOT)
    else:
        subprocess.run(
            [sys.executable, "-m", "PyInstaller", str(BASELINE_SPEC), "--noconfirm",
             "--log-level", "WARN", "--distpath", str(BENCH_DIR / "dist"),
             "--workpath", str(BENCH_DIR / "work" / app)],
            check=True, cwd=REPO_ROOT, env={**os.environ, "BENCH_BASELINE": app},
        )
    return time.monotonic() - started


def apparent_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def app_env(home: Path, **extra: str) -> dict[str, str]:
    """A clean first start: empty HOME (no settings), no keyring (null backend), no proxy."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "XDG_"))}
    env.update(HOME=str(home), PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring")
    env.update(extra)
    return env


Samples = list[tuple[float, ...]]  # per run: one figure per measure of that run


def interleaved_samples(
    runs: int, first: Callable[[], tuple[float, ...] | None],
    second: Callable[[], tuple[float, ...] | None],
) -> tuple[Samples, Samples] | None:
    """Samples of both apps, taken in turn (first, second, first, …) after one warm-up
    each: on a shared machine a swing of load then hits both alike, where two blocks of
    runs one after the other would give one app the quiet minute and the other the busy
    one. A run yields a tuple when one process gives several figures (window created, then
    painted); None (not measurable) ends the measurement."""
    # warm-up (page cache, fontconfig cache)
    if first() is None or second() is None:
        return None
    samples: tuple[Samples, Samples] = ([], [])
    for _ in range(runs):
        for measure, taken in zip((first, second), samples, strict=True):
            value = measure()
            if value is None:
                return None
            taken.append(value)
    return samples


def time_version(executable: Path, home: Path) -> tuple[float] | None:
    started = time.perf_counter()
    result = subprocess.run([str(executable), "--version"], capture_output=True,
                            env=app_env(home), timeout=TIMEOUT_S, check=False)
    elapsed = time.perf_counter() - started
    return (elapsed,) if result.returncode == 0 else None


@dataclass(frozen=True)
class Screen:
    """An Xvfb display and the file that holds its screen's pixels (XWD format)."""

    display: str
    framebuffer: Path
    events: WindowEvents


@contextmanager
def xvfb() -> Iterator[Screen | None]:
    if not all(shutil.which(tool) for tool in ("Xvfb", "xwininfo", "xev", "xprop", "stdbuf")):
        yield None
        return
    # A display no other (or dying) X server holds: a lingering one from an earlier run
    # would answer the probe and then vanish under the measurement.
    number = next(n for n in range(97, 200) if not Path(f"/tmp/.X{n}-lock").exists())
    display = f":{number}"
    with tempfile.TemporaryDirectory(prefix="bench-xvfb-") as fbdir:
        # -noreset: without it the server resets whenever its last client (a probe) leaves,
        # and an app connecting during the reset fails. -br: a black root, which no app
        # window's background is. -fbdir: the screen's pixels in a file (Xvfb_screen0).
        server = subprocess.Popen(["Xvfb", display, "-screen", "0", "1280x1024x24", "-br",
                                   "-fbdir", fbdir, "-noreset", "-nolisten", "tcp"],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline and server.poll() is None:
                probe = subprocess.run(["xwininfo", "-root", "-display", display],
                                       capture_output=True, check=False)
                if probe.returncode == 0:
                    break
                time.sleep(0.05)
            if server.poll() is not None:
                raise RuntimeError(f"Xvfb could not start on {display}")
            events = WindowEvents(display)
            try:
                yield Screen(display, Path(fbdir) / "Xvfb_screen0", events)
            finally:
                events.close()
        finally:
            server.terminate()
            server.wait(timeout=10)


class Framebuffer:
    """Pixels of an Xvfb screen, read straight from its -fbdir file (a 32-bit ZPixmap)."""

    def __init__(self, path: Path) -> None:
        self._file = path.open("rb")
        self._map = mmap.mmap(self._file.fileno(), 0, access=mmap.ACCESS_READ)
        # XWD header: 25 big-endian CARD32 fields, then the colour map, then the pixels.
        fields = struct.unpack(">25I", self._map[:100])
        header_size, bits_per_pixel, self.bytes_per_line, ncolors = (
            fields[0], fields[11], fields[12], fields[19])
        self.width, self.height = fields[4], fields[5]
        if bits_per_pixel != 32:
            raise RuntimeError(f"unexpected Xvfb pixel size: {bits_per_pixel} bits")
        self._offset = header_size + ncolors * 12  # an XWDColor is 12 bytes

    def close(self) -> None:
        self._map.close()
        self._file.close()

    def painted_share(self, x: int, y: int, width: int, height: int, grid: int = 16) -> float:
        """How much of a grid of points in the rectangle is not the black root."""
        points = [(x + (2 * i + 1) * width // (2 * grid), y + (2 * j + 1) * height // (2 * grid))
                  for i in range(grid) for j in range(grid)]
        inside = [(px, py) for px, py in points if 0 <= px < self.width and 0 <= py < self.height]
        if not inside:
            return 0.0
        lit = sum(1 for px, py in inside
                  if self._map[self._pixel(px, py):self._pixel(px, py) + 3] != b"\0\0\0")
        return lit / len(inside)

    def _pixel(self, x: int, y: int) -> int:
        return self._offset + y * self.bytes_per_line + 4 * x


PAINTED_SHARE = 0.9  # of the window's area: Qt flushes its first frame in one go
MIN_WINDOW_SIDE = 16  # px: Qt's client-leader and helper windows are 1x1 or 3x3, never mapped

# xev's report of one event: a header line ("MapNotify event, serial 18, …"), then details.
_GEOMETRY = re.compile(r"window (?P<id>0x[0-9a-f]+), \((?P<x>-?\d+),(?P<y>-?\d+)\), "
                       r"width (?P<w>\d+), height (?P<h>\d+)")
_MAPPED = re.compile(r"event 0x[0-9a-f]+, window (?P<id>0x[0-9a-f]+)")


class WindowEvents:
    """The X server's top-level window events, read from ``xev -root`` as they happen.

    The thread that reads them waits on xev's output, so watching costs the measured app
    no CPU (a poll with a new xwininfo process every few milliseconds did).
    """

    def __init__(self, display: str) -> None:
        self._xev = subprocess.Popen(
            ["stdbuf", "-oL", "xev", "-display", display, "-root", "-event", "substructure",
             "-event", "property"],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        self._changed = threading.Condition()
        self._ready = threading.Event()
        self._geometry: dict[str, tuple[int, int, int, int]] = {}
        self._mapped: list[tuple[float, str]] = []  # (perf_counter when reported, window)
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        # Ready once xev reports a change of the root's properties: from then on it sees
        # every window an app maps.
        deadline = time.monotonic() + 10
        while not self._ready.wait(0.1):
            if time.monotonic() > deadline or self._xev.poll() is not None:
                raise RuntimeError(f"xev does not report events of {display}")
            subprocess.run(["xprop", "-display", display, "-root", "-f", "_BENCH_PROBE", "8s",
                            "-set", "_BENCH_PROBE", "ready"], check=False,
                           capture_output=True)

    def close(self) -> None:
        self._xev.terminate()
        self._xev.wait(timeout=10)
        self._reader.join(timeout=10)

    def _read(self) -> None:
        # xev starts each event with a blank line and its header; the window is named in
        # the lines after it. Each event is taken as soon as its window's line arrives.
        assert self._xev.stdout is not None
        kind, seen = "", 0.0
        for line in self._xev.stdout:
            if line.strip() and not line.startswith((" ", "\t")):
                kind, seen = line.split(" ", 1)[0], time.perf_counter()
                if kind == "PropertyNotify":
                    self._ready.set()
            elif line.strip():
                self._record(kind, seen, line)

    def _record(self, kind: str, seen: float, line: str) -> None:
        with self._changed:
            if kind in ("CreateNotify", "ConfigureNotify"):
                match = _GEOMETRY.search(line)
                if match:
                    self._geometry[match["id"]] = (int(match["x"]), int(match["y"]),
                                                   int(match["w"]), int(match["h"]))
            elif kind == "MapNotify":
                match = _MAPPED.search(line)
                if match:
                    self._mapped.append((seen, match["id"]))
            self._changed.notify_all()

    def first_mapped(self, since: float, timeout: float) -> tuple[float, str] | None:
        """When (perf_counter) and which window was mapped first after `since`."""
        deadline = time.perf_counter() + timeout
        with self._changed:
            while True:
                for seen, window in self._mapped:
                    _x, _y, w, h = self._geometry.get(window, (0, 0, 0, 0))
                    if seen >= since and min(w, h) >= MIN_WINDOW_SIDE:
                        return seen, window
                left = deadline - time.perf_counter()
                if left <= 0 or not self._changed.wait(left):
                    return None

    def geometry(self, window: str) -> tuple[int, int, int, int]:
        with self._changed:
            return self._geometry[window]


def window_title(display: str, window: str) -> str:
    out = subprocess.run(["xwininfo", "-display", display, "-id", window], capture_output=True,
                         text=True, check=False).stdout
    match = re.search(r'Window id: 0x[0-9a-f]+ "(?P<title>[^"]*)"', out)
    return match["title"] if match else ""


def time_x11_window(executable: Path, home: Path, screen: Screen, title: str,
                    args: list[str]) -> tuple[float, float] | None:
    """Seconds from process start until its X window is mapped, and until it is painted."""
    env = app_env(home, QT_QPA_PLATFORM="xcb", DISPLAY=screen.display)
    framebuffer = Framebuffer(screen.framebuffer)
    with tempfile.TemporaryFile() as log:
        started = time.perf_counter()
        process = subprocess.Popen([str(executable), *args], env=env, stdout=log, stderr=log,
                                   start_new_session=True)
        window: tuple[int, int, int, int] | None = None
        try:
            mapped = screen.events.first_mapped(started, TIMEOUT_S)
            if mapped is not None:
                seen, window_id = mapped
                window = screen.events.geometry(window_id)
                # The pixels are read without a process per poll: cheap, so polled densely.
                while time.perf_counter() - started < TIMEOUT_S and process.poll() is None:
                    if framebuffer.painted_share(*window) >= PAINTED_SHARE:
                        painted = time.perf_counter() - started
                        shown = window_title(screen.display, window_id)
                        if shown == title:
                            return seen - started, painted
                        print(f"{executable.name}: the window mapped is {shown!r}, not {title!r}",
                              file=sys.stderr)
                        return None
                    time.sleep(0.001)
            log.seek(0)
            print(f"{executable.name}: no painted window (exit {process.poll()}): "
                  f"{log.read().decode(errors='replace')[-2000:]}", file=sys.stderr)
            return None
        finally:
            framebuffer.close()
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=10)
            # The root shows again (black) once the server has dropped the window; the
            # next run must not find this run's pixels.
            if window is not None:
                clear_deadline = time.monotonic() + 5
                with contextlib.closing(Framebuffer(screen.framebuffer)) as after:
                    while (after.painted_share(*window) > 0
                           and time.monotonic() < clear_deadline):
                        time.sleep(0.01)


def paired_ratios(first: list[float], second: list[float]) -> str:
    """Each run of the first app over the second's run next to it: both met the same load,
    so on a shared machine whose speed swings these ratios scatter less than the times do."""
    ratios = sorted(a / b for a, b in zip(first, second, strict=True))
    low, _median, high = statistics.quantiles(ratios, n=4)
    return (f"ratio of each run to the other app's beside it: median "
            f"{statistics.median(ratios):.2f}x, quartiles {low:.2f}x–{high:.2f}x")


def ratio(first: float | None, second: float | None) -> str:
    if first is None or second is None or second == 0:
        return "n/a"
    return f"{first / second:.2f}x"


def seconds(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f} s"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Compare the frozen app with baseline windows.")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per measurement")
    parser.add_argument("--rebuild", action="store_true", help="rebuild both bundles first")
    parser.add_argument("--apps", nargs=2, choices=("ours", *BASELINES), default=["ours", "bare"],
                        metavar=("FIRST", "SECOND"),
                        help="the two bundles to compare (ours, bare, form): FIRST over SECOND")
    args = parser.parse_args(argv)
    first, second = args.apps
    goals = args.apps == ["ours", "bare"]  # the goals are ours against the bare window

    for app in (second, first):
        if args.rebuild or not app_exe(app).is_file():
            print(f"building the {app} bundle … {build(app):.1f} s", flush=True)

    first_dir, second_dir = app_exe(first).parent, app_exe(second).parent
    first_size, second_size = apparent_size(first_dir), apparent_size(second_dir)
    rows: list[tuple[str, str, str, str, str]] = [
        ("bundle size (MiB)", f"{first_size / 2**20:.1f}", f"{second_size / 2**20:.1f}",
         ratio(first_size, second_size), f"<= {SIZE_GOAL}x" if goals else ""),
    ]
    details: list[str] = []
    with tempfile.TemporaryDirectory(prefix="bench-bundle-") as tmp:
        home_first, home_second = Path(tmp) / "first", Path(tmp) / "second"
        home_first.mkdir()
        home_second.mkdir()

        measurements: list[tuple[tuple[str, ...], Callable[[], tuple[float, ...] | None],
                                 Callable[[], tuple[float, ...] | None]]] = [
            (("--version wall",),
             lambda: time_version(app_exe(first), home_first),
             lambda: time_version(app_exe(second), home_second)),
        ]
        with xvfb() as screen:
            if screen is not None:
                measurements.append((
                    ("X window mapped, X11 (Xvfb)", "first paint, X11 (Xvfb)"),
                    lambda: time_x11_window(app_exe(first), home_first, screen,
                                            app_title(first), []),
                    lambda: time_x11_window(app_exe(second), home_second, screen,
                                            app_title(second), []),
                ))
            for labels, measure_first, measure_second in measurements:
                samples = interleaved_samples(args.runs, measure_first, measure_second)
                for index, label in enumerate(labels):
                    first_samples = [run[index] for run in samples[0]] if samples else []
                    second_samples = [run[index] for run in samples[1]] if samples else []
                    first_median = statistics.median(first_samples) if first_samples else None
                    second_median = statistics.median(second_samples) if second_samples else None
                    # The goal is for what a user sees: the first paint (and --version).
                    goal = ("" if label.startswith("X window") or not goals
                            else f"<= {TIME_GOAL}x")
                    rows.append((label, seconds(first_median), seconds(second_median),
                                 ratio(first_median, second_median), goal))
                    details.append(f"{label}: {first} {[round(v, 3) for v in first_samples]}, "
                                   f"{second} {[round(v, 3) for v in second_samples]}")
                    if len(first_samples) >= 4:
                        details.append(f"{label}: {paired_ratios(first_samples, second_samples)}")

    header = ("measure", first, second, "ratio", "goal" if goals else "")
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(5)]
    for row in [header, *rows]:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))
    print(f"\nmedian of {args.runs} runs ({first} and {second} in turn) after one warm-up, "
          f"load average {' '.join(f'{v:.2f}' for v in os.getloadavg())}; samples:")
    for line in details:
        print(f"  {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
