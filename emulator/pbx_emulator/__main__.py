"""Command line: python -m pbx_emulator [options]."""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import sys

from .personality import DEFAULT_VENDOR, VENDOR_MODULES, vendor_port
from .server import start


def _env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value else default


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    env = os.environ.get
    parser = argparse.ArgumentParser(prog="pbx-emulator", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--vendor", default=env("PBX_EMULATOR_VENDOR") or DEFAULT_VENDOR,
                        choices=sorted(VENDOR_MODULES), help="the PBX vendor the emulator plays")
    parser.add_argument("--port", type=int, default=_env_int("PBX_EMULATOR_PORT", 0) or None,
                        help="0 picks a free port; default: the vendor's port (yeastar 8088, portsip 8887, telecomx 8089)")
    parser.add_argument("--fleet", action="store_true",
                        help="one server per vendor, each on its vendor's port (--vendor and --port ignored)")
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
    vendors = sorted(VENDOR_MODULES) if args.fleet else [args.vendor]
    servers = []
    for vendor in vendors:
        port = vendor_port(vendor) if args.fleet or args.port is None else args.port
        started = await start(host=args.host, port=port, tls=args.tls, instances=args.instance,
                              vendor=vendor, client_id=args.client_id, client_secret=args.client_secret,
                              access_token_ttl=args.access_token_ttl,
                              refresh_token_ttl=args.refresh_token_ttl)
        servers.append(started)
        # One emulator: exactly the line tools wait for; a fleet names each server's vendor.
        suffix = f" ({vendor})" if args.fleet else ""
        print(f"pbx-emulator listening on {started.base_url}{suffix}", flush=True)
        if started.certificate:
            print(f"pbx-emulator certificate {started.certificate}", flush=True)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    await stop.wait()
    for started in servers:
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
