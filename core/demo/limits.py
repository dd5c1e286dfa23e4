"""Per-workspace rate limits: paid plans a sliding 1-second window, Free a quota window."""

from __future__ import annotations

import math
import threading
from collections import deque

from core.demo.common import ApiError
from core.demo.config import DemoConfig, Faults
from core.demo.data import Workspace


class RateLimiter:
    """Per workspace: paid plans a sliding 1-second window, Free a fixed quota window."""

    def __init__(self, cfg: DemoConfig) -> None:
        self.cfg = cfg
        self._lock = threading.Lock()
        self._recent: dict[str, deque[float]] = {}
        self._quota: dict[str, tuple[float, int]] = {}  # ws → (window start, used)

    def reset(self) -> None:
        with self._lock:
            self._recent.clear()
            self._quota.clear()

    def check(self, ws: Workspace, faults: Faults) -> ApiError | None:
        cfg = self.cfg
        now = cfg.clock()
        too_many = "Too Many Requests"
        with self._lock:
            if ws.is_free:
                start, used = self._quota.get(ws.id, (now, 0))
                if now - start >= cfg.quota_window_seconds:
                    start, used = now, 0
                if faults.exhaust_quota:
                    faults.exhaust_quota = False
                    used = max(used, cfg.free_quota_per_window)
                if used >= cfg.free_quota_per_window:
                    self._quota[ws.id] = (start, used)
                    left = max(1, math.ceil(cfg.quota_window_seconds - (now - start)))
                    headers = {"Retry-After": str(left)} if cfg.quota_retry_after else {}
                    return ApiError(429, too_many, 429, headers)
                self._quota[ws.id] = (start, used + 1)
                return None
            recent = self._recent.setdefault(ws.id, deque())
            while recent and recent[0] <= now - 1.0:
                recent.popleft()
            if len(recent) >= cfg.paid_rps:
                return ApiError(429, too_many, 429)
            recent.append(now)
            return None
