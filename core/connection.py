"""Where to reach Clockify and with which key: the one factory of clients for a front end."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from core.limits import WaitInfo
from core.servers import Server

if TYPE_CHECKING:
    from core.client import ClockifyClient


@dataclass(frozen=True)
class Connection:
    """A server and an API key; each background job makes its own client from it.

    The key is left out of `repr()` so that logging a Connection never shows it.
    """

    server: Server
    api_key: str = field(repr=False)

    def client(self, cancel: threading.Event | None = None, *,
               on_wait: Callable[[WaitInfo], None] | None = None,
               max_wait: float | None = None) -> ClockifyClient:
        # Imported here: the HTTP stack is not needed to show the window, and loading it
        # later (in the worker thread) makes the window appear sooner.
        from core.client import ClockifyClient
        from core.ratelimit import Pacer

        return ClockifyClient(self.server, self.api_key,
                              pacer=Pacer(cancel, on_wait, max_wait=max_wait))
