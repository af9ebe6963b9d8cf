"""Request size limits the emulator enforces itself, so that it answers them with its own JSON."""

from __future__ import annotations

from aiohttp import web

# What common web servers accept in a request line (nginx 8 KiB, Apache 8190 bytes).
MAX_REQUEST_TARGET = 8192
MAX_BODY = 16 * 1024 * 1024
# aiohttp's own request-line limit, far above MAX_REQUEST_TARGET so that over-long
# targets reach the emulator; beyond it aiohttp answers with its plain-text 400.
PARSER_LINE_LIMIT = 1024 * 1024


class TooLarge(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


async def read_request(request: web.Request) -> bytes:
    """The whole body, once the request target and the body are known to be within the limits."""
    # The parser decoded the target this way, so this is its length on the wire.
    target = len(request.raw_path.encode("utf-8", "surrogateescape"))
    if target > MAX_REQUEST_TARGET:
        raise TooLarge(414, f"request target is {target} bytes, the limit is {MAX_REQUEST_TARGET}")
    try:
        return await request.read()
    except web.HTTPRequestEntityTooLarge:
        raise TooLarge(413, f"request body is larger than the limit of {MAX_BODY} bytes") from None
