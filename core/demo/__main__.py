"""`python -m core.demo --port N [--entries N] [--seed N]`: run the demo server until Ctrl+C."""

from __future__ import annotations

import argparse
import logging
import threading
from datetime import date

from core.demo.config import DEMO_MANAGER_KEY, DemoConfig
from core.demo.server import DemoServer


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m core.demo",
                                     description="Run the local Clockify demo server.")
    parser.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (0 = any free)")
    parser.add_argument("--entries", type=int, default=3000,
                        help="time entries per workspace (default 3000)")
    parser.add_argument("--seed", type=int, default=7, help="data seed (default 7)")
    parser.add_argument("--months", type=int, default=18, help="months of history")
    parser.add_argument("--today", type=date.fromisoformat, default=None,
                        help="last day of the history, YYYY-MM-DD (default: today)")
    parser.add_argument("--latency", type=float, default=0.0,
                        help="seconds added to every request (default 0)")
    parser.add_argument("--rps", type=int, default=50,
                        help="paid workspaces' requests per second (default 50)")
    parser.add_argument("--page-cache", type=int, default=0,
                        help="JSON report answers to keep and send again (benchmarks)")
    parser.add_argument("--verbose", action="store_true", help="log every request")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    config = DemoConfig(seed=args.seed, entries_per_workspace=args.entries, months=args.months,
                        port=args.port, log_requests=args.verbose, paid_rps=args.rps,
                        page_cache=args.page_cache)
    if args.today is not None:
        config.today = args.today
    server = DemoServer(config).start()
    server.faults.latency = args.latency
    print(f"Clockify demo server: {server.root_url}", flush=True)
    print(f"  main API:    {server.root_url}/api/v1", flush=True)
    print(f"  reports API: {server.root_url}/report/v1", flush=True)
    print(f"API key (admin):   {server.api_key}", flush=True)
    print(f"API key (manager): {DEMO_MANAGER_KEY}", flush=True)
    print("Press Ctrl+C to stop.", flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
