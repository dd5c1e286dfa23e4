"""Bundle size and start time of the frozen app against a bare PySide6 window frozen alike.

    python benchmarks/bench_bundle.py [--runs 5] [--rebuild]

Builds (or reuses) two onedir bundles with the same spec rules (build_scripts/trim.py):

* ours: ``dist/ClockifyExporter`` from ``build_scripts/build.py --skip-archive``
* bare: ``build/bench/dist/bare`` from ``benchmarks/bench_bundle_bare.spec`` (QMainWindow + label)

and prints, as medians of ``--runs`` runs after one warm-up run (the two apps take turns, so
a load swing on a shared machine hits both alike):

* size: apparent bytes of the onedir (what a user downloads unpacked);
* ``--version`` wall time: process start → exit after every top-level import (both entry
  points import QtCore/QtGui/QtWidgets at module level and exit before the QApplication);
* time to window, X11: process start → the window is mapped on an Xvfb screen, polled with
  ``xwininfo`` every few ms (needs ``xvfb`` and ``x11-utils``; skipped otherwise);

Both apps are measured from the outside in the same way; the app carries no benchmark hook.

Goals: ours ≤ 1.3x bare in size and ≤ 1.3x bare in start time. Run by hand; not a test.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from build_scripts import appinfo  # noqa: E402

BENCH_DIR = REPO_ROOT / "build" / "bench"
BARE_DIST = BENCH_DIR / "dist" / "bare"
BARE_SPEC = REPO_ROOT / "benchmarks" / "bench_bundle_bare.spec"
BARE_TITLE = "bench-bare-window"
OURS_TITLE = appinfo.app_info().name
SIZE_GOAL = 1.3
TIME_GOAL = 1.3  # issue 11 (the first packaging issue asked 1.2)
TIMEOUT_S = 30.0


def exe(directory: Path, name: str) -> Path:
    return directory / (f"{name}.exe" if sys.platform == "win32" else name)


def ours_exe() -> Path:
    return exe(appinfo.DIST_DIR / appinfo.DIST_NAME, appinfo.GUI_EXE_NAME)


def bare_exe() -> Path:
    return exe(BARE_DIST, "bare")


def build_bare() -> float:
    started = time.monotonic()
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", str(BARE_SPEC), "--noconfirm", "--log-level",
         "WARN", "--distpath", str(BENCH_DIR / "dist"), "--workpath", str(BENCH_DIR / "work")],
        check=True, cwd=REPO_ROOT,
    )
    return time.monotonic() - started


def build_ours() -> float:
    started = time.monotonic()
    subprocess.run([sys.executable, str(REPO_ROOT / "build_scripts" / "build.py"),
                    "--skip-archive"], check=True, cwd=REPO_ROOT)
    return time.monotonic() - started


def apparent_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def app_env(home: Path, **extra: str) -> dict[str, str]:
    """A clean first start: empty HOME (no settings), no keyring (null backend), no proxy."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "XDG_"))}
    env.update(HOME=str(home), PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring")
    env.update(extra)
    return env


def interleaved_medians(
    runs: int, first: Callable[[], float | None], second: Callable[[], float | None]
) -> tuple[tuple[float | None, list[float]], tuple[float | None, list[float]]]:
    """Medians of both measurements, taken in turn (first, second, first, …) after one
    warm-up each: on a shared machine a swing of load then hits both alike, where two
    blocks of runs one after the other would give one app the quiet minute and the other
    the busy one."""
    # warm-up (page cache, fontconfig cache); None: not measurable
    if first() is None or second() is None:
        return (None, []), (None, [])
    samples: tuple[list[float], list[float]] = ([], [])
    for _ in range(runs):
        for measure, taken in zip((first, second), samples, strict=True):
            value = measure()
            if value is None:
                return (None, samples[0]), (None, samples[1])
            taken.append(value)
    return ((statistics.median(samples[0]), samples[0]),
            (statistics.median(samples[1]), samples[1]))


def time_version(executable: Path, home: Path) -> float | None:
    started = time.perf_counter()
    result = subprocess.run([str(executable), "--version"], capture_output=True,
                            env=app_env(home), timeout=TIMEOUT_S, check=False)
    elapsed = time.perf_counter() - started
    return elapsed if result.returncode == 0 else None


@contextmanager
def xvfb() -> Iterator[str | None]:
    if not (shutil.which("Xvfb") and shutil.which("xwininfo")):
        yield None
        return
    # A display no other (or dying) X server holds: a lingering one from an earlier run
    # would answer the probe and then vanish under the measurement.
    number = next(n for n in range(97, 200) if not Path(f"/tmp/.X{n}-lock").exists())
    display = f":{number}"
    # -noreset: without it the server resets whenever its last client (a probe) leaves,
    # and an app connecting during the reset fails.
    server = subprocess.Popen(["Xvfb", display, "-screen", "0", "1280x1024x24", "-noreset",
                               "-nolisten", "tcp"],
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
        yield display
    finally:
        server.terminate()
        server.wait(timeout=10)


def time_x11_mapped(executable: Path, home: Path, display: str, title: str,
                    args: list[str]) -> float | None:
    env = app_env(home, QT_QPA_PLATFORM="xcb", DISPLAY=display)
    with tempfile.TemporaryFile() as log:
        started = time.perf_counter()
        process = subprocess.Popen([str(executable), *args], env=env, stdout=log, stderr=log,
                                   start_new_session=True)
        try:
            while time.perf_counter() - started < TIMEOUT_S:
                tree = subprocess.run(["xwininfo", "-root", "-tree", "-display", display],
                                      capture_output=True, text=True, check=False).stdout
                if f'"{title}"' in tree:
                    return time.perf_counter() - started
                if process.poll() is not None:
                    break
            log.seek(0)
            print(f"{executable.name}: no window (exit {process.poll()}): "
                  f"{log.read().decode(errors='replace')[-2000:]}", file=sys.stderr)
            return None
        finally:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=10)


def ratio(ours: float | None, bare: float | None) -> str:
    if ours is None or bare is None or bare == 0:
        return "n/a"
    return f"{ours / bare:.2f}x"


def seconds(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f} s"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Compare the frozen app with a bare window.")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per measurement")
    parser.add_argument("--rebuild", action="store_true", help="rebuild both bundles first")
    args = parser.parse_args(argv)

    if args.rebuild or not bare_exe().is_file():
        print(f"building bare bundle … {build_bare():.1f} s", flush=True)
    if args.rebuild or not ours_exe().is_file():
        print(f"building our bundle … {build_ours():.1f} s", flush=True)

    ours_dir, bare_dir = ours_exe().parent, bare_exe().parent
    ours_size, bare_size = apparent_size(ours_dir), apparent_size(bare_dir)
    rows: list[tuple[str, str, str, str, str]] = [
        ("bundle size (MiB)", f"{ours_size / 2**20:.1f}", f"{bare_size / 2**20:.1f}",
         ratio(ours_size, bare_size), f"<= {SIZE_GOAL}x"),
    ]
    details: list[str] = []
    with tempfile.TemporaryDirectory(prefix="bench-bundle-") as tmp:
        home_ours, home_bare = Path(tmp) / "ours", Path(tmp) / "bare"
        home_ours.mkdir()
        home_bare.mkdir()

        measurements: list[tuple[str, Callable[[], float | None], Callable[[], float | None]]] = [
            ("--version wall",
             lambda: time_version(ours_exe(), home_ours),
             lambda: time_version(bare_exe(), home_bare)),
        ]
        with xvfb() as display:
            if display is not None:
                measurements.append((
                    "to window, X11 (Xvfb)",
                    lambda: time_x11_mapped(ours_exe(), home_ours, display, OURS_TITLE, []),
                    lambda: time_x11_mapped(bare_exe(), home_bare, display, BARE_TITLE, []),
                ))
            for label, measure_ours, measure_bare in measurements:
                (ours_median, ours_samples), (bare_median, bare_samples) = (
                    interleaved_medians(args.runs, measure_ours, measure_bare))
                rows.append((label, seconds(ours_median), seconds(bare_median),
                             ratio(ours_median, bare_median), f"<= {TIME_GOAL}x"))
                details.append(f"{label}: ours {[round(s, 3) for s in ours_samples]}, "
                               f"bare {[round(s, 3) for s in bare_samples]}")

    header = ("measure", "ours", "bare", "ratio", "goal")
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(5)]
    for row in [header, *rows]:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))
    print(f"\nmedian of {args.runs} runs (ours and bare in turn) after one warm-up; samples:")
    for line in details:
        print(f"  {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
