"""Running the application: in the foreground (CLI) or in a thread (pytest)."""

from __future__ import annotations

import asyncio
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aiohttp import web

from .app import create_app
from .limits import PARSER_LINE_LIMIT
from .tls import make_certificate, server_context


@dataclass
class Started:
    runner: web.AppRunner
    host: str
    port: int
    scheme: str
    certificate: Path | None = None

    @property
    def base_url(self) -> str:
        return f"{self.scheme}://{self.host}:{self.port}"


async def start(host: str = "127.0.0.1", port: int = 0, tls: bool = False,
                instances: list[str] | tuple[str, ...] = (), **config: Any) -> Started:
    app = create_app(instances=instances, **config)
    # Quiet access log: the collection's tests read stdout for the ready line.
    runner = web.AppRunner(app, access_log=None, handle_signals=False,
                           max_line_size=PARSER_LINE_LIMIT)
    await runner.setup()
    certificate = context = None
    if tls:
        certificate, key = make_certificate(host)
        context = server_context(certificate, key)
    site = web.TCPSite(runner, host, port, ssl_context=context)
    await site.start()
    bound = site._server.sockets[0].getsockname()[1]  # the real port when port=0
    return Started(runner, host, bound, "https" if tls else "http", certificate)


@dataclass
class EmulatorHandle:
    """A server running in a background thread (for pytest fixtures)."""

    base_url: str
    port: int
    certificate: Path | None
    _loop: asyncio.AbstractEventLoop = field(repr=False)
    _thread: threading.Thread = field(repr=False)
    _stop: asyncio.Event = field(repr=False)

    def url(self, instance: str | None = None) -> str:
        return f"{self.base_url}/pbx/{instance}" if instance else self.base_url

    def stop(self) -> None:
        if self._thread.is_alive():
            self._loop.call_soon_threadsafe(self._stop.set)
            self._thread.join(timeout=10)

    def __enter__(self) -> "EmulatorHandle":
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def run_in_thread(port: int = 0, host: str = "127.0.0.1", **config: Any) -> EmulatorHandle:
    ready = threading.Event()
    box: dict[str, Any] = {}

    async def main() -> None:
        try:
            box["started"] = await start(host=host, port=port, **config)
        except BaseException as error:  # reported to the caller below
            box["error"] = error
            ready.set()
            return
        box["stop"] = asyncio.Event()
        box["loop"] = asyncio.get_running_loop()
        ready.set()
        await box["stop"].wait()
        await box["started"].runner.cleanup()

    thread = threading.Thread(target=asyncio.run, args=(main(),), name="pbx-emulator", daemon=True)
    thread.start()
    ready.wait()
    if "error" in box:
        raise box["error"]
    started: Started = box["started"]
    return EmulatorHandle(started.base_url, started.port, started.certificate,
                          box["loop"], thread, box["stop"])
