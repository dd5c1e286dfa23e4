"""Export engine benchmarks against the demo server (run by hand; medians of the runs).

    /work/venv/bin/python benchmarks/bench_export.py [speed|memory|free|ratelimit|all]
        [--runs 3] [--entries 100000] [--latency 0.1] [--rps 50]

1. speed: detailed JSON of ~100,000 entries (100 pages) from a demo server adding
   `--latency` per request: the engine against a plain sequential loop written here, and
   against the bound max(pages ÷ 50, pages × latency ÷ in-flight). Goal: ≥ 5× faster than
   the loop, within 1.25× of the bound, the same entries in the same order.
2. memory: peak RSS of the whole export process (the speed export, same latency) at
   20,000, 100,000 and 200,000 entries. Goal: ≤ 150 MB, < 10 % growth from 20,000 to 200,000.
3. free: a one-year detailed export on the demo's Free workspace. Goal: requests used =
   Σ over its 31-day windows of ⌈entries ÷ 1000⌉ = the budget shown before the export.
5. ratelimit: the speed export with the demo enforcing 50 requests/s. Goal: zero 429s.

The demo server runs in a process of its own (except for `free`, which counts requests
in-process) and sends each page again from its cache after a first warm-up run, so the
times are the engine's and the network's, not the demo's rendering of pages.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import requests  # noqa: E402

from core.bodies import BodyParams, Page, build_body  # noqa: E402
from core.client import ClockifyClient  # noqa: E402
from core.demo import DEMO_API_KEY, DemoConfig, DemoServer  # noqa: E402
from core.export import ExportJob  # noqa: E402
from core.planning import DEFAULT_IN_FLIGHT, ExportRequest, ExportResult  # noqa: E402
from core.reports import ExportFormat, ReportKind  # noqa: E402
from core.servers import custom_server  # noqa: E402
from core.windows import PAID_PLAN_MAX_DAYS, DateWindow, split_range  # noqa: E402

TODAY = date(2026, 11, 28)
START = date(2024, 6, 1)  # 30 months: the demo's whole history
MONTHS = 30
RATE = 50  # Clockify's paid limit, requests per second


@contextmanager
def demo_process(entries: int, latency: float = 0.0, rps: int = 10_000,
                 log: Path | None = None) -> Iterator[str]:
    """A demo server in its own process; → its root URL. `log` collects request lines."""
    command = [sys.executable, "-m", "core.demo", "--entries", str(entries), "--months",
               str(MONTHS), "--seed", "1", "--today", TODAY.isoformat(), "--latency",
               str(latency), "--rps", str(rps), "--page-cache", "1000"]
    if log is not None:
        command.append("--verbose")
    err = log.open("w") if log is not None else subprocess.DEVNULL
    server = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=err,
                              text=True)
    try:
        assert server.stdout is not None
        root = server.stdout.readline().split()[-1]
        # The first report builds the data set: do it before anything is timed.
        workspace = paid_workspace(root)
        body = build_body(BodyParams(ReportKind.SUMMARY, DateWindow(START, TODAY), "UTC"))
        requests.post(f"{root}/v1/workspaces/{workspace['id']}/reports/summary", json=body,
                      headers={"X-Api-Key": DEMO_API_KEY}, timeout=600).raise_for_status()
        yield root
    finally:
        server.terminate()
        server.wait(timeout=30)
        if log is not None:
            err.close()  # type: ignore[union-attr]


def paid_workspace(root: str) -> dict[str, Any]:
    answer = requests.get(f"{root}/api/v1/workspaces", headers={"X-Api-Key": DEMO_API_KEY},
                          timeout=60)
    return next(w for w in answer.json() if w["name"] == "Acme Studio")


def engine_export(root: str, out: Path, in_flight: int | None = None) -> ExportResult:
    workspace = paid_workspace(root)
    request = ExportRequest(workspace["id"], ReportKind.DETAILED, ExportFormat.JSON, START,
                            TODAY, out, time_zone="UTC", max_in_flight=in_flight)
    client = ClockifyClient(custom_server(root), DEMO_API_KEY)
    try:
        return ExportJob(client, request, workspace=workspace).run()
    finally:
        client.close()


def sequential_loop(root: str, out: Path) -> int:
    """What a plain exporter does: one page after another until a short page."""
    workspace = paid_workspace(root)
    url = f"{root}/v1/workspaces/{workspace['id']}/reports/detailed"
    session = requests.Session()
    session.headers["X-Api-Key"] = DEMO_API_KEY
    entries = []
    pages = 0
    for window in split_range(START, TODAY, PAID_PLAN_MAX_DAYS):
        number = 1
        while True:
            body = build_body(BodyParams(ReportKind.DETAILED, window, "UTC",
                                         page=Page(number, 1000), stable_order=True))
            items = session.post(url, json=body, timeout=120).json()["timeentries"]
            pages += 1
            entries.extend(items)
            if len(items) < 1000:
                break
            number += 1
    out.write_text(json.dumps({"timeentries": entries}), encoding="utf-8")
    return pages


def timed(runs: int, work: Any, name: str = "") -> tuple[float, Any]:
    times, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - started)
    if name:
        print(f"   {name} runs: " + ", ".join(f"{t:.2f}" for t in times) + " s", flush=True)
    return statistics.median(times), result


def load() -> str:
    return "load average " + " ".join(f"{x:.2f}" for x in os.getloadavg())


def speed(args: argparse.Namespace, rps: int, log: Path | None = None) -> None:
    with demo_process(args.entries, args.latency, rps, log) as root, \
            tempfile.TemporaryDirectory() as tmp:
        ours, loop = Path(tmp) / "engine.json", Path(tmp) / "loop.json"
        sequential_loop(root, loop)  # warms the demo's page cache for both
        print(f"   before: {load()}", flush=True)
        engine_time, result = timed(args.runs, lambda: engine_export(root, ours), "engine")
        digest = hashlib.sha256(ours.read_bytes()).hexdigest()
        loop_time, loop_pages = timed(args.runs, lambda: sequential_loop(root, loop), "loop")
        same = (json.loads(ours.read_bytes())["timeentries"]
                == json.loads(loop.read_bytes())["timeentries"])
        pages = result.requests
        bound = max(pages / RATE, pages * args.latency / DEFAULT_IN_FLIGHT)
        print(f"1. speed: {result.entries:,} entries, {pages} pages, latency "
              f"{args.latency * 1000:.0f} ms, demo limit {rps} requests/s, "
              f"medians of {args.runs} runs")
        print(f"   engine {engine_time:.2f} s; sequential loop {loop_time:.2f} s "
              f"({loop_pages} pages) → {loop_time / engine_time:.1f}× faster (goal ≥ 5×)")
        print(f"   bound max({pages}/{RATE}, {pages}×{args.latency}/{DEFAULT_IN_FLIGHT}) = "
              f"{bound:.2f} s → engine at {engine_time / bound:.2f}× the bound (goal ≤ 1.25×)")
        print(f"   same entries in the same order as the loop: {same} (goal True); "
              f"engine output sha256 {digest[:16]}…; after: {load()}")


def ratelimit(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        log = Path(tmp) / "demo.log"
        speed(args, RATE, log)
        lines = log.read_text(encoding="utf-8").splitlines()
        statuses = [line.rsplit('" ', 1)[-1].split()[0] for line in lines
                    if "/reports/" in line and '" ' in line]
        print(f"5. rate limit: {len(statuses)} report requests with the demo enforcing "
              f"{RATE}/s, {statuses.count('429')} answered 429 (goal 0)")


def memory(args: argparse.Namespace) -> None:
    peaks: dict[int, float] = {}
    for entries in (20_000, 100_000, 200_000):
        with demo_process(entries, args.latency) as root, \
                tempfile.TemporaryDirectory() as tmp:
            runs = []
            for _ in range(args.runs):
                child = subprocess.run(
                    [sys.executable, __file__, "_one", "--root", root, "--out",
                     str(Path(tmp) / "out.json")], capture_output=True, text=True, check=True)
                runs.append(json.loads(child.stdout.splitlines()[-1]))
            peaks[entries] = statistics.median(r["rss_mb"] for r in runs)
            print(f"2. memory: {runs[0]['entries']:,} entries: peak RSS "
                  f"{peaks[entries]:.0f} MB (median of {args.runs}; goal ≤ 150 MB)")
    growth = peaks[200_000] / peaks[20_000] - 1
    print(f"   growth from 20,000 to 200,000 entries: {growth:.1%} (goal < 10 %)")


def one(args: argparse.Namespace) -> None:
    """A single export in this process, for `memory`: prints its figures as JSON."""
    result = engine_export(args.root, Path(args.out))
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(json.dumps({"entries": result.entries, "rss_mb": rss_mb}))


def free(args: argparse.Namespace) -> None:
    start, end = date(2025, 11, 1), date(2026, 10, 31)
    for per_workspace in (9_000, 20_000):
        config = DemoConfig(seed=4, entries_per_workspace=per_workspace, months=13,
                            today=TODAY)
        with DemoServer(config) as srv, tempfile.TemporaryDirectory() as tmp:
            request = ExportRequest(srv.free_workspace_id, ReportKind.DETAILED,
                                    ExportFormat.JSON, start, end, Path(tmp) / "year.json",
                                    time_zone="UTC")
            job = ExportJob(ClockifyClient(custom_server(srv.root_url), srv.api_key), request)
            plan = job.plan()
            counts = [len(srv.data.entry_ids(srv.free_workspace_id, w.start, w.end, "UTC"))
                      for w in plan.windows]
            minimum = sum(max(1, math.ceil(n / 1000)) for n in counts)
            # The window shows "N requests, one more per 1,000 entries beyond the first
            # 1,000 in a window": N is exact when every window fits one page; the rule adds
            # what the counts (known only once page 1 of each window is back) call for.
            shown = plan.min_requests + sum(max(0, math.ceil(n / 1000) - 1) for n in counts)
            first = len(srv.requests)
            result = job.run()
            sent = sum(1 for r in srv.requests[first:] if "/reports/" in r.path)
            met = sent == result.requests == minimum == shown
            print(f"3. free plan, {sum(counts):,} entries in a year, {len(counts)} windows "
                  f"({max(counts):,} in the fullest): {sent} report requests sent (result "
                  f"says {result.requests}); minimum Σ⌈n/1000⌉ = {minimum}; budget shown "
                  f"before: \"{plan.budget_text(ReportKind.DETAILED)}\" = {shown} for these "
                  f"counts (goal: all equal → {'met' if met else 'NOT met'})")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("what", nargs="?", default="all",
                        choices=["speed", "memory", "free", "ratelimit", "all", "_one"])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--latency", type=float, default=0.1)
    parser.add_argument("--rps", type=int, default=RATE,
                        help="the demo's limit for `speed` (ratelimit always uses 50)")
    parser.add_argument("--root")
    parser.add_argument("--out")
    args = parser.parse_args()
    if args.what == "_one":
        one(args)
        return
    if args.what in ("speed", "all"):
        speed(args, args.rps)
    if args.what in ("memory", "all"):
        memory(args)
    if args.what in ("free", "all"):
        free(args)
    if args.what in ("ratelimit", "all"):
        ratelimit(args)


if __name__ == "__main__":
    main()
