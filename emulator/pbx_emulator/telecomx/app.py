"""aiohttp application of the TelecomX personality: routing, token check, access levels, counters."""

from __future__ import annotations

import json
import logging
import re
import time
from typing import Any, Callable

from aiohttp import web

from . import auth, control, extensions, groups
from .errors import ApiError, access_denied
from .request import Call
from .state import READ_LEVELS, WRITE_LEVELS, Config, Instance

LOG = logging.getLogger("pbx_emulator.telecomx")
INSTANCE = web.AppKey("telecomx", Instance)
ID = "([0-9A-Za-z]+)"  # an id segment; handlers refuse the ones that are not 24 hex characters (400)
TOKEN = "([^/]+)"

Handler = Callable[..., dict]
# method, path pattern, counter name, handler, what the caller needs: None (no token), "token" (any valid
# token), "read" or "write" (the access level).
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


def create_app(**config: Any) -> web.Application:
    """The application; `config` takes Config's field names, the environment supplies the login pair."""
    app = web.Application()
    app[INSTANCE] = Instance(Config.from_env(**config))
    app.router.add_route("*", "/{tail:.*}", dispatch)
    return app


def json_response(body: Any, status: int = 200) -> web.Response:
    return web.json_response(body, status=status, dumps=lambda o: json.dumps(o, ensure_ascii=False))


async def dispatch(request: web.Request) -> web.StreamResponse:
    pbx = request.app[INSTANCE]
    path = request.path.strip("/")
    raw = await request.read()
    if path.startswith("_emulator/"):
        return control.handle(pbx, request.method, path.removeprefix("_emulator/"), raw)
    try:
        body = json.loads(raw) if raw.strip() else None
    except ValueError:
        return json_response({"error": "bad_request", "message": "The body is not JSON"}, status=400)
    for method, pattern, name, handler, needs in ROUTES:
        match = pattern.fullmatch(path)
        if match and method == request.method:
            pbx.counters.record(method, name, needs == "write")
            try:
                call = Call(pbx, {**request.query, **(body if isinstance(body, dict) else {})}, body,
                            admit(request, pbx, needs))
                return json_response(handler(call, *match.groups()))
            except ApiError as error:
                return json_response(error.body(), status=error.status)
            except Exception:  # an emulator bug still answers like the API, and is visible
                LOG.exception("internal error on %s %s", method, path)
                return json_response({"error": "internal_error", "message": "Internal error"}, status=500)
    return json_response({"error": "not_found", "message": f"No API function {request.method} /{path}"},
                         status=404)


def admit(request: web.Request, pbx: Instance, needs: str | None):
    """The caller's token, from the query parameter `token` or an `Authorization: Bearer` header."""
    if needs is None:
        return None
    header = request.headers.get("Authorization", "")
    value = request.query.get("token") or (header[7:].strip() if header.lower().startswith("bearer ") else None)
    if not value:
        raise ApiError(401, "credentials_invalid", "An access token must be provided")
    token = pbx.tokens.find(value)
    if token is None:
        raise ApiError(401, "credentials_invalid", "Unknown or revoked token")
    if not token.valid(time.monotonic()):
        raise ApiError(401, "expired", "The token has expired")
    levels = {"read": READ_LEVELS, "write": WRITE_LEVELS}.get(needs)
    if levels is not None and token.employee.access_level not in levels:
        raise access_denied()
    return token
