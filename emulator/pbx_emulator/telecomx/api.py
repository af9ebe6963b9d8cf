"""Routing and request pipeline of the TelecomX personality: counters, token check (query parameter `token` or
`Authorization: Bearer`), access levels, faults."""

from __future__ import annotations

import asyncio
import json
import re
import time
from typing import Any, Callable

from aiohttp import web

from ..app import APPLIED_FAULTS, LOG, hang_up, inject, json_response
from ..limits import TooLarge, read_request
from . import auth, extensions, groups
from .errors import ApiError, access_denied, bad_request
from .request import Call
from .state import READ_LEVELS, WRITE_LEVELS

ID = "([0-9A-Za-z]+)"  # an id segment; handlers refuse the ones that are not 24 hex characters (400)
TOKEN = "([^/]+)"

Handler = Callable[..., dict]
# method, path pattern, counter and fault key, handler, what the caller needs: None (no token), "token" (any
# valid token), "read" or "write" (the access level).
ROUTES: list[tuple[str, re.Pattern, str, Handler, str | None]] = [
    (method, re.compile(pattern), name, handler, needs)
    for method, pattern, name, handler, needs in (
        ("POST", r"auth/login", "auth/login", auth.login, None),
        ("GET", r"auth/login", "auth/login", auth.login, None),
        ("GET", r"auth/logout", "auth/logout", auth.logout, "token"),
        ("POST", rf"employee/{ID}/token", "employee/{id}/token", auth.create_token, "token"),
        ("DELETE", rf"employee/{ID}/token/{TOKEN}", "employee/{id}/token/{token}", auth.delete_token, "token"),
        ("GET", r"pbx/extension", "pbx/extension", extensions.list_extensions, "read"),
        ("GET", rf"pbx/extension/{ID}", "pbx/extension/{id}", extensions.get_extension, "read"),
        ("GET", r"pbx/group", "pbx/group", groups.list_groups, "read"),
        ("POST", r"pbx/group", "pbx/group", groups.create, "write"),
        ("GET", rf"pbx/group/{ID}", "pbx/group/{id}", groups.get_group, "read"),
        ("POST", rf"pbx/group/{ID}", "pbx/group/{id}", groups.update, "write"),
        ("DELETE", rf"pbx/group/{ID}", "pbx/group/{id}", groups.delete, "write"),
    )
]


def is_api_path(path: str) -> bool:
    return any(pattern.fullmatch(path.strip("/")) for _, pattern, _, _, _ in ROUTES)


def route_of(method: str, path: str):
    for route_method, pattern, name, handler, needs in ROUTES:
        match = pattern.fullmatch(path)
        if match and route_method == method:
            return name, handler, needs, match.groups()
    return None


async def handle(request: web.Request, pbx: Any, path: str) -> web.StreamResponse:
    path = path.strip("/")
    route = route_of(request.method, path)
    if route is None:
        return json_response({"error": "not_found", "message": f"No API function {request.method} /{path}"},
                             status=404)
    name, handler, needs, ids = route
    pbx.counters.record(request.method, name, needs == "write")
    fault = None
    try:
        raw = await read_request(request)
        body = parse_body(raw)
        call = Call(pbx, {**request.query, **(body if isinstance(body, dict) else {})}, body,
                    admit(request, pbx, needs))
        fault = pbx.take_fault(name)
        if fault is not None and fault.kind not in APPLIED_FAULTS:
            return inject(request, fault)
        if fault is not None and fault.kind == "slow":
            await asyncio.sleep(fault.seconds)
        response = json_response(handler(call, *ids))
    except TooLarge as error:
        response = json_response({"error": "bad_request", "message": str(error)}, status=error.status)
    except ApiError as error:
        response = json_response(error.body(), status=error.status)
    except Exception:  # an emulator bug still answers like the API, and is visible
        LOG.exception("internal error on %s %s", request.method, path)
        response = json_response({"error": "internal_error", "message": "Internal error"}, status=500)
    if fault is not None and fault.kind == "lost_answer":
        return hang_up(request)
    return response


def parse_body(raw: bytes) -> Any:
    if not raw.strip():
        return None
    try:
        return json.loads(raw)
    except (ValueError, RecursionError):
        raise bad_request("The body is not JSON") from None


def admit(request: web.Request, pbx: Any, needs: str | None):
    """The caller's token, from the query parameter `token` or an `Authorization: Bearer` header."""
    if needs is None:
        return None
    header = request.headers.get("Authorization", "")
    value = request.query.get("token") or (header[7:].strip() if header.lower().startswith("bearer ") else None)
    if not value:
        raise ApiError(401, "credentials_invalid", "An access token must be provided")
    token = pbx.data.tokens.find(value)
    if token is None:
        raise ApiError(401, "credentials_invalid", "Unknown or revoked token")
    if not token.valid(time.monotonic()):
        raise ApiError(401, "expired", "The token has expired")
    levels = {"read": READ_LEVELS, "write": WRITE_LEVELS}.get(needs)
    if levels is not None and token.employee.access_level not in levels:
        raise access_denied()
    return token
