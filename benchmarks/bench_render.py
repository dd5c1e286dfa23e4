"""Render speed and peak memory of the local CSV, XLSX and PDF builders (run by hand).

    /work/venv/bin/python benchmarks/bench_render.py [--rows 100000] [--runs 3]

Each run is a fresh child process that streams synthetic detailed entries (generated one
by one, never held in a list) through the same item sink the export engine uses, into a
real file. Reported: rows per second (median of the runs) and the child's peak RSS
(median), then peak RSS at 20,000 and 200,000 rows to show that memory stays flat.
Speed is given by wall clock and by the process's CPU time: on a shared machine the CPU
figure is what the code does alone.
"""

from __future__ import annotations

import argparse
import itertools
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.render.context import ReportContext  # noqa: E402
from core.render.sinks import RenderItemSink  # noqa: E402
from core.render.table import Formats  # noqa: E402
from core.reports import ExportFormat, ReportKind  # noqa: E402

GOALS = {"csv": 50_000, "xlsx": 10_000, "pdf": 2_000}  # rows per second
RSS_GOAL_MB = 200
_USERS = [("Zoë Müller", "zoe@example.com"), ("Γιώργος Παπαδόπουλος", "giorgos@example.com"),
          ("Наталья Иванова", "natalia@example.com"), ("דנה כהן", "dana@example.com"),
          ("José Álvarez", "jose@example.com")]
_PROJECTS = [("Website Relaunch", "Nordlicht GmbH"), ("ERP Migration, Phase 2", "Müller & Söhne"),
             ("Mobile App", ""), ("Support", "Blue Whale Inc.")]
_WORDS = ("review", "meeting", "bugfix", "planning", "deploy", "docs", "call", "design")


def entries(count: int) -> Iterator[dict[str, Any]]:
    """Synthetic detailed items shaped like Clockify's JSON, each with its own text."""
    start = datetime(2025, 1, 1, 8, tzinfo=UTC)
    for i in range(count):
        name, email = _USERS[i % len(_USERS)]
        project, client = _PROJECTS[i % len(_PROJECTS)]
        begin = start + timedelta(minutes=37 * i)
        duration = 600 + (i * 97) % 20000
        amount = duration / 3600 * 8500.0
        yield {
            "_id": f"{i:024x}", "description": f"{_WORDS[i % 8]} {i} {_WORDS[(i // 8) % 8]}",
            "userId": f"u{i % 5}", "userName": name, "userEmail": email,
            "timeInterval": {"start": begin.isoformat(),
                             "end": (begin + timedelta(seconds=duration)).isoformat(),
                             "duration": duration},
            "billable": i % 3 != 0, "projectName": project, "clientName": client,
            "tags": [{"_id": "t1", "name": "client"}] if i % 4 == 0 else [],
            "approvalRequestId": None, "amount": amount, "rate": 8500.0, "currency": "EUR",
        }


def child(fmt: str, rows: int) -> None:
    ctx = ReportContext(ReportKind.DETAILED, "Benchmark", date(2025, 1, 1), date(2025, 12, 31),
                        "Europe/Berlin", currency="EUR", formats=Formats("DD/MM/YYYY"))
    seconds = billable = cents = elapsed = cpu = 0.0
    source = entries(rows)
    with tempfile.TemporaryDirectory() as tmp, open(Path(tmp) / f"b.{fmt}", "w+b") as out:
        started, cpu_started = time.perf_counter(), time.process_time()
        sink = RenderItemSink(ExportFormat(fmt), out, ctx)
        elapsed += time.perf_counter() - started
        cpu += time.process_time() - cpu_started
        while batch := list(itertools.islice(source, 1000)):
            # Making the items is the engine's work (JSON parsing), so it is not timed.
            for item in batch:
                duration = item["timeInterval"]["duration"]
                seconds += duration
                billable += duration if item["billable"] else 0
                cents += item["amount"]
            started, cpu_started = time.perf_counter(), time.process_time()
            for item in batch:
                sink.add(item)
            elapsed += time.perf_counter() - started
            cpu += time.process_time() - cpu_started
        started, cpu_started = time.perf_counter(), time.process_time()
        sink.close({"totals": [{"entriesCount": rows, "totalTime": seconds,
                                "totalBillableTime": billable, "totalAmount": cents}]})
        elapsed += time.perf_counter() - started
        cpu += time.process_time() - cpu_started
        size = out.tell()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(json.dumps({"seconds": elapsed, "cpu": cpu, "rss_mb": peak_mb, "bytes": size}))


def measure(fmt: str, rows: int) -> dict[str, float]:
    done = subprocess.run([sys.executable, __file__, "--child", fmt, "--rows", str(rows)],
                          cwd=ROOT, capture_output=True, text=True, check=True)
    result: dict[str, float] = json.loads(done.stdout)
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--formats", default="csv,xlsx,pdf")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.rows)
        return
    formats = args.formats.split(",")
    print(f"{args.rows:,} detailed rows, median of {args.runs} runs (fresh process each)")
    for fmt in formats:
        runs = [measure(fmt, args.rows) for _ in range(args.runs)]
        speed = statistics.median(args.rows / r["seconds"] for r in runs)
        cpu_speed = statistics.median(args.rows / r["cpu"] for r in runs)
        rss = statistics.median(r["rss_mb"] for r in runs)
        size = statistics.median(r["bytes"] for r in runs) / 1e6
        print(f"  {fmt:4}  {speed:9,.0f} rows/s wall, {cpu_speed:9,.0f} rows/s CPU "
              f"(goal ≥ {GOALS[fmt]:,})   "
              f"peak RSS {rss:5.0f} MB (goal ≤ {RSS_GOAL_MB})   file {size:6.1f} MB")
    print("peak RSS by row count (flat = streaming):")
    for fmt in formats:
        small, large = measure(fmt, 20_000), measure(fmt, 200_000)
        print(f"  {fmt:4}  20,000 rows: {small['rss_mb']:5.0f} MB   "
              f"200,000 rows: {large['rss_mb']:5.0f} MB   "
              f"growth {large['rss_mb'] - small['rss_mb']:+4.0f} MB")


if __name__ == "__main__":
    main()
