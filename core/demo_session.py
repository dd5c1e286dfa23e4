"""Demo mode for the window and the CLI: the built-in Clockify emulator and its key."""

from __future__ import annotations

from dataclasses import dataclass

from core.demo import DemoConfig, DemoServer
from core.servers import Server, custom_server


@dataclass
class DemoSession:
    """A running demo server with the Server and key to reach it."""

    handle: DemoServer
    server: Server
    api_key: str

    def stop(self) -> None:
        self.handle.stop()


def start_demo(config: DemoConfig | None = None) -> DemoSession:
    handle = DemoServer(config or DemoConfig())
    handle.start()
    server = custom_server(handle.root_url)
    demo = Server(server.key, f"Demo server ({handle.root_url})", server.api_base,
                  server.reports_base)
    return DemoSession(handle, demo, handle.api_key)
