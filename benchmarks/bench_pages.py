"""Our own cost per 1,000-entry page: parse, de-duplicate, total, write (run by hand).

    /work/venv/bin/python benchmarks/bench_pages.py [--pages 50] [--profile]

A detailed page as the demo server renders it is processed the way the engine does
(`core.items`, `core.summaries.JsonTotals`, `core.writers.JsonListWriter`): read raw with
msgspec (what JSON exports do), and parsed in full with orjson and, for comparison, with
the standard `json` module (what exports did before msgspec, and what renderers do). Goal:
well under the 20 ms a page may take at Clockify's 50 requests per second, so that our
processing is never the bound. These are one thread's figures; in a concurrent export the
parsed path cost ~24 ms a page and the raw one ~9.5 (benchmarks/bench_export.py speed).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import orjson  # noqa: E402

from core import writers  # noqa: E402
from core.bodies import BodyParams, Page, build_body  # noqa: E402
from core.demo import DemoConfig, DemoServer  # noqa: E402
from core.items import SeenItems, parsed_page, read_raw_page  # noqa: E402
from core.reports import ReportKind  # noqa: E402
from core.summaries import JsonTotals  # noqa: E402
from core.windows import DateWindow  # noqa: E402
from core.writers import AtomicFile, JsonListWriter  # noqa: E402

GOAL_MS = 20.0  # 1 s ÷ 50 requests


def demo_pages(count: int) -> list[bytes]:
    """`count` different 1,000-entry detailed pages, as bytes from the demo server."""
    import requests

    with DemoServer(DemoConfig(seed=1, entries_per_workspace=count * 1000 + 10, months=24,
                               today=date(2026, 11, 28), paid_rps=10_000)) as srv:
        window = DateWindow(date(2024, 11, 1), date(2026, 11, 28))
        url = f"{srv.root_url}/v1/workspaces/{srv.paid_workspace_id}/reports/detailed"
        out = []
        for number in range(1, count + 1):
            body = build_body(BodyParams(ReportKind.DETAILED, window, "UTC",
                                         page=Page(number, 1000), stable_order=True))
            answer = requests.post(url, json=body, headers={"X-Api-Key": srv.api_key},
                                   timeout=60)
            out.append(answer.content)
        return out


def process(pages: list[bytes], loads: Callable[[bytes], Any] | None, folder: Path) -> None:
    """The engine's work on `pages`: read raw when `loads` is None, else parsed with it."""
    out = AtomicFile(folder / "bench.json")
    sink = JsonListWriter(out, "timeentries")
    seen = SeenItems()
    totals = JsonTotals(ReportKind.DETAILED, ("EARNED",))
    for data in pages:
        held = (read_raw_page(data, ReportKind.DETAILED) if loads is None
                else parsed_page(loads(data), ReportKind.DETAILED))
        assert held is not None
        page = held.read()
        seen.next_window()
        _, kept = seen.add_page(page.idents)
        if page.raw is None:
            for index in kept:
                totals.add_item(page.items[index])
                sink.add(page.items[index])
        else:
            for index in kept:
                totals.add_fields(page.items[index])
            sink.add_raw([page.raw[index] for index in kept])
    sink.close(totals.trailer())
    out.abort()


def stdlib_dumps(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=50)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    pages = demo_pages(args.pages)
    print(f"{args.pages} pages of 1,000 entries, {sum(map(len, pages)) / len(pages) / 1e3:.0f} "
          f"kB each")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        variants: dict[str, tuple[Callable[[bytes], Any] | None, Callable[[Any], bytes]]] = {
            "msgspec raw (JSON exports)": (None, orjson.dumps),
            "json parse + json write": (json.loads, stdlib_dumps),
            "json parse + orjson write": (json.loads, orjson.dumps),
            "orjson parse + orjson write": (orjson.loads, orjson.dumps),
        }
        original = writers._dumps
        for name, (loads, dumps) in variants.items():
            writers._dumps = dumps  # type: ignore[assignment]  # the variant under test
            times = []
            for _ in range(args.runs):
                started = time.perf_counter()
                process(pages, loads, folder)
                times.append((time.perf_counter() - started) / len(pages) * 1000)
            print(f"{name:<28} median {statistics.median(times):5.1f} ms per page "
                  f"(goal < {GOAL_MS:.0f} ms)")
        writers._dumps = original
        if args.profile:
            profiler = cProfile.Profile()
            profiler.enable()
            process(pages, None, folder)
            profiler.disable()
            text = io.StringIO()
            pstats.Stats(profiler, stream=text).sort_stats("tottime").print_stats(12)
            print(text.getvalue())


if __name__ == "__main__":
    main()
