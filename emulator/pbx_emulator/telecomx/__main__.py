"""Command line: python -m pbx_emulator.telecomx [--port N] (the TelecomX personality alone)."""

from __future__ import annotations

import argparse
import asyncio
import os
import signal

from aiohttp import web

from .app import create_app


async def serve(args: argparse.Namespace) -> None:
    app = create_app(client_id=args.client_id, client_secret=args.client_secret, token_minutes=args.token_minutes)
    runner = web.AppRunner(app, access_log=None, handle_signals=False)
    await runner.setup()
    site = web.TCPSite(runner, args.host, args.port)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # the real port when --port 0
    print(f"pbx-emulator listening on http://{args.host}:{port}", flush=True)
    stop = asyncio.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        asyncio.get_running_loop().add_signal_handler(sig, stop.set)
    await stop.wait()
    await runner.cleanup()


def main() -> None:
    parser = argparse.ArgumentParser(prog="pbx-emulator-telecomx", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=int(os.environ.get("PBX_EMULATOR_PORT") or 8089))
    parser.add_argument("--client-id", default=None, help="the main employee's username (e-mail)")
    parser.add_argument("--client-secret", default=None, help="its password")
    parser.add_argument("--token-minutes", type=int, default=15)
    asyncio.run(serve(parser.parse_args()))


main()
