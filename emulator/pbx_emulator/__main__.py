"""Command line: python -m pbx_emulator [options]."""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import sys

from .server import start


def _env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value else default


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    env = os.environ.get
    parser = argparse.ArgumentParser(prog="pbx-emulator", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=_env_int("PBX_EMULATOR_PORT", 8088),
                        help="0 picks a free port")
    parser.add_argument("--client-id", default=env("PBX_EMULATOR_CLIENT_ID") or "emulator-client-id")
    parser.add_argument("--client-secret",
                        default=env("PBX_EMULATOR_CLIENT_SECRET") or "emulator-client-secret")
    parser.add_argument("--access-token-ttl", type=int,
                        default=_env_int("PBX_EMULATOR_ACCESS_TOKEN_TTL", 1800))
    parser.add_argument("--refresh-token-ttl", type=int,
                        default=_env_int("PBX_EMULATOR_REFRESH_TOKEN_TTL", 86400))
    parser.add_argument("--tls", action="store_true", help="serve HTTPS with a self-signed certificate")
    parser.add_argument("--instance", action="append", default=[], metavar="NAME",
                        help="also serve a named instance at /pbx/NAME/ (repeatable)")
    return parser.parse_args(argv)


async def serve(args: argparse.Namespace) -> None:
    started = await start(host=args.host, port=args.port, tls=args.tls, instances=args.instance,
                          client_id=args.client_id, client_secret=args.client_secret,
                          access_token_ttl=args.access_token_ttl,
                          refresh_token_ttl=args.refresh_token_ttl)
    print(f"pbx-emulator listening on {started.base_url}", flush=True)
    if started.certificate:
        print(f"pbx-emulator certificate {started.certificate}", flush=True)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    await stop.wait()
    await started.runner.cleanup()


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        asyncio.run(serve(args))
    except (OSError, ValueError, RuntimeError) as error:
        print(f"pbx-emulator: {error}", file=sys.stderr, flush=True)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
