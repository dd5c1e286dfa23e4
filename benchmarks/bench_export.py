"""Export speed and memory of the engine against the demo server (run by hand).

    .venv/bin/python benchmarks/bench_export.py [--entries 200000] [--runs 3]

The demo server runs in its own process, so the numbers are the engine's alone: wall time
(median of the runs), throughput, and the peak of Python memory the engine allocated
(tracemalloc). Goal: a detailed JSON export streams, so its peak memory stays a small
fraction of the file it writes, whatever the number of entries.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.client import ClockifyClient  # noqa: E402
from core.demo import DEMO_API_KEY  # noqa: E402
from core.export import ExportJob  # noqa: E402
from core.planning import ExportRequest, ExportResult  # noqa: E402
from core.reports import BodyParams, ExportFormat, ReportKind, build_body  # noqa: E402
from core.servers import custom_server  # noqa: E402
from core.windows import DateWindow  # noqa: E402

TODAY = date(2026, 11, 28)
START = date(2024, 6, 1)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    server = subprocess.Popen(
        [sys.executable, "-m", "core.demo", "--entries", str(args.entries), "--months", "30",
         "--seed", "1", "--today", TODAY.isoformat()],
        cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert server.stdout is not None
        root = server.stdout.readline().split()[-1]
        srv = custom_server(root)
        client = ClockifyClient(srv, DEMO_API_KEY)
        workspace = next(w for w in client.workspaces() if w["name"] == "Acme Studio")
        started = time.perf_counter()
        body = build_body(BodyParams(ReportKind.SUMMARY, DateWindow(START, TODAY), "UTC"))
        expected = client.report(workspace["id"], "reports/summary", body)["totals"][0][
            "entriesCount"]
        print(f"demo server: {expected:,} entries in range (first request, including data "
              f"generation: {time.perf_counter() - started:.1f} s)")
        with tempfile.TemporaryDirectory() as tmp:
            for fmt in (ExportFormat.JSON, ExportFormat.CSV):
                out = Path(tmp) / f"bench{fmt.extension}"

                def run(fmt: ExportFormat = fmt, out: Path = out) -> ExportResult:
                    request = ExportRequest(workspace["id"], ReportKind.DETAILED, fmt, START,
                                            TODAY, out, time_zone="UTC")
                    job = ExportJob(ClockifyClient(srv, DEMO_API_KEY), request,
                                    workspace=workspace)
                    result = job.run()
                    assert result.entries == expected, (result.entries, expected)
                    return result

                times: list[float] = []
                for _ in range(args.runs):
                    t0 = time.perf_counter()
                    result = run()
                    times.append(time.perf_counter() - t0)
                # Memory in a run of its own: tracemalloc slows allocation-heavy code a lot.
                tracemalloc.start()
                run()
                peak = tracemalloc.get_traced_memory()[1]
                tracemalloc.stop()
                median = statistics.median(times)
                size = out.stat().st_size
                print(f"{fmt.value:>4}: {expected:,} entries, median {median:.2f} s of "
                      f"{args.runs} runs ({expected / median:,.0f} entries/s), "
                      f"{result.requests} requests, file {size / 1e6:.1f} MB, engine peak "
                      f"memory {peak / 1e6:.1f} MB ({peak / size:.1%} of the file)")
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
