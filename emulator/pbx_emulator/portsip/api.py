"""Routing and request pipeline of the PortSIP personality, with its endpoints.

Every path is under /api/. Only GET (read) and POST (create, replace, destroy) exist. Requests
are counted and faults keyed by endpoint templates such as "ring_groups/{id}/agents".
"""

from __future__ import annotations

import asyncio
import json
import re
from dataclasses import dataclass
from typing import Any, Callable

from aiohttp import web

from ..app import APPLIED_FAULTS, LOG, hang_up, inject, json_response
from ..limits import TooLarge, read_request
from ..state import Instance, Session
from . import ring_groups, users
from .errors import NOT_FOUND, UNAUTHORIZED, UNKNOWN, VALIDATE_FAILED, PortsipError
from .request import Request

API_PATH = re.compile(r"^/+api(?:/+(?P<rest>.*))?$")
ID_SEGMENT = "{id}"


@dataclass(frozen=True)
class Route:
    handler: Callable[[Request], tuple[int, Any]]
    auth: bool = True


def sign_in(call: Request) -> tuple[int, Any]:
    body = call.body
    config, data = call.pbx.config, call.pbx.data
    username, password, domain = body.get("username"), body.get("password"), body.get("domain") or None
    if username == config.client_id and password == config.client_secret and domain is None:
        two_factor = False
    else:
        account = next((a for a in data.accounts if (a.username, a.password, a.domain) == (username, password, domain)),
                       None)
        if account is None:
            call.pbx.counters.failed_logins += 1
            raise PortsipError(400, UNAUTHORIZED, "Login failed, authentication error")
        two_factor = account.two_factor
    if two_factor:
        # The first step of the two-factor flow: an OTP must follow at /auth/verify_otp (not emulated).
        return 200, {"two_factor_enabled": True, "token": "otp-pending"}
    call.pbx.counters.tokens_issued += 1
    return 200, token_answer(call, call.pbx.tokens.issue(config))


def refresh_token(call: Request) -> tuple[int, Any]:
    session = call.pbx.tokens.valid_refresh(call.body.get("refresh_token"))
    if session is None:
        raise PortsipError(401, UNAUTHORIZED, "The refresh token is invalid or expired")
    call.pbx.counters.tokens_refreshed += 1
    return 200, token_answer(call, call.pbx.tokens.issue(call.pbx.config, session))


def sign_out(call: Request) -> tuple[int, Any]:
    call.pbx.tokens.drop(call.session)
    call.pbx.counters.tokens_revoked += 1
    return 204, None


def token_answer(call: Request, session: Session) -> dict:
    return {"token_type": "Bearer", "access_token": session.access_token, "refresh_token": session.refresh_token,
            "expires_in": call.pbx.config.access_token_ttl}


ROUTES: dict[tuple[str, str], Route] = {
    ("POST", "auth/sign_in"): Route(sign_in, auth=False),
    ("POST", "auth/refresh_token"): Route(refresh_token, auth=False),
    ("POST", "auth/sign_out"): Route(sign_out),
    ("GET", "users"): Route(users.list_users),
    ("POST", "users"): Route(users.create_user_call),
    ("GET", "users/{id}"): Route(users.show_user),
    ("GET", "ring_groups"): Route(ring_groups.list_groups),
    ("POST", "ring_groups"): Route(ring_groups.create_group_call),
    ("GET", "ring_groups/{id}"): Route(ring_groups.show_group),
    ("POST", "ring_groups/{id}"): Route(ring_groups.update_group),
    ("POST", "ring_groups/{id}/destroy"): Route(ring_groups.destroy_group),
    ("GET", "ring_groups/{id}/agents"): Route(ring_groups.list_agents),
    ("POST", "ring_groups/{id}/agents"): Route(ring_groups.set_agents),
}
TEMPLATES = {template for _, template in ROUTES}


def template_of(rest: str) -> tuple[str, str | None]:
    """("ring_groups/{id}/agents", id) for "ring_groups/Nz.../agents"; the path itself when nothing matches."""
    parts = [p for p in rest.split("/") if p]
    if len(parts) >= 2:
        candidate = "/".join([parts[0], ID_SEGMENT, *parts[2:]])
        if candidate in TEMPLATES and "/".join(parts) not in TEMPLATES:
            return candidate, parts[1]
    return "/".join(parts), None


def read_body(request: web.Request, raw: bytes) -> dict:
    if request.method == "GET" or not raw.strip():
        return {}
    try:
        body = json.loads(raw)
    except (ValueError, RecursionError):
        raise PortsipError(400, VALIDATE_FAILED, "The request body is not valid JSON") from None
    if not isinstance(body, dict):
        raise PortsipError(400, VALIDATE_FAILED, "The request body must be a JSON object")
    return body


def bearer_session(request: web.Request, pbx: Instance) -> Session:
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    session = pbx.tokens.valid_access(token.strip()) if scheme.lower() == "bearer" else None
    if session is None:
        raise PortsipError(401, UNAUTHORIZED, "Missing, invalid or expired access token")
    return session


async def handle(request: web.Request, pbx: Instance, path: str) -> web.StreamResponse:
    match = API_PATH.match(path)
    if not match:
        return json_response({"error": "not found"}, status=404)
    endpoint, ident = template_of(match["rest"] or "")
    is_write = request.method == "POST" and not endpoint.startswith("auth/")
    pbx.counters.record(request.method, endpoint, is_write)
    fault = None
    try:
        raw = await read_request(request)
        route = ROUTES.get((request.method, endpoint))
        if route is None:
            raise PortsipError(404, NOT_FOUND, f"No API {request.method} /api/{match['rest'] or ''}")
        session = bearer_session(request, pbx) if route.auth else None
        fault = pbx.take_fault(endpoint)
        if fault is not None and fault.kind not in APPLIED_FAULTS:
            return inject(request, fault)
        if fault is not None and fault.kind == "slow":
            await asyncio.sleep(fault.seconds)
        status, body = route.handler(Request(pbx, read_body(request, raw), dict(request.query), ident, session))
        response = web.Response(status=204) if status == 204 else json_response(body, status=status)
    except TooLarge as error:
        response = json_response(PortsipError(error.status, VALIDATE_FAILED, str(error)).body(), status=error.status)
    except PortsipError as error:
        response = json_response(error.body(), status=error.status)
    except Exception:
        # An emulator bug must still look like a PBX answer, and be visible.
        LOG.exception("internal error on %s", endpoint)
        response = json_response(PortsipError(500, UNKNOWN, "Internal server error").body(), status=500)
    if fault is not None and fault.kind == "lost_answer":
        return hang_up(request)
    return response
