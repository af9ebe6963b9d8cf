"""aiohttp application: instance routing, envelope, auth and fault pipeline.

Every path is routed by one catch-all handler so that named instances
(``/pbx/NAME/...``) share the code of the default instance (``/...``).
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
from typing import Any

from aiohttp import web

from . import (auth, control, directory, extension, hotel, inbound_route, ivr, organization, outbound_route, pin_list,
               queue, ring_group, system, trunk)
from .api import Call, Endpoint, is_write
from .errors import (ACCESS_DENIED, ACCOUNT_IP_BLOCKED, API_VERSION_UNSUPPORTED,
                     INTERFACE_NOT_EXISTED, INTERNAL_SERVER_ERROR, OVERLOAD_TASK_RUNNING,
                     PARAMETER_SYNTAX_ERROR, TOKEN_EXPIRED, ApiError, envelope)
from .limits import MAX_BODY, TooLarge, read_request
from .state import INSTANCE_NAME, Config, Fault, Instance, Session

LOG = logging.getLogger("pbx_emulator")
API_VERSION = "v1.0"
DEFAULT_INSTANCE = ""
# Extra slashes are tolerated: the manual itself prints "//openapi/v1.0/..." (L1498).
PATH = re.compile(r"^(?:/+pbx/(?P<instance>[^/]+))?/+(?P<area>openapi|_emulator)"
                  r"(?:/+(?P<rest>.*))?$")

ENDPOINTS: dict[str, Endpoint] = {
    **auth.ENDPOINTS,
    **system.ENDPOINTS,
    **extension.ENDPOINTS,
    **organization.ENDPOINTS,
    **outbound_route.ENDPOINTS,
    **ring_group.ENDPOINTS,
    **queue.ENDPOINTS,
    **ivr.ENDPOINTS,
    **pin_list.ENDPOINTS,
    **trunk.ENDPOINTS,
    **inbound_route.ENDPOINTS,
    **directory.ENDPOINTS,
    **hotel.ENDPOINTS,
}

REGISTRY = web.AppKey("registry", dict)
# Faults that let the request through: it is applied and only its answer is affected.
APPLIED_FAULTS = frozenset({"slow", "lost_answer"})


class Registry(dict):
    """name -> Instance; the default instance has the empty name."""

    def __init__(self, config: Config, names: list[str]) -> None:
        super().__init__()
        self.config = config
        self.add(DEFAULT_INSTANCE)
        for name in names:
            self.add(name)

    def add(self, name: str) -> Instance:
        if name not in self:
            self[name] = Instance(name, self.config)
        return self[name]


def create_app(instances: list[str] | tuple[str, ...] = (), **config: Any) -> web.Application:
    """Build the emulator application.

    ``config`` takes the Config field names (client_id, client_secret,
    access_token_ttl, refresh_token_ttl, department_management, max_tokens,
    max_page_size, extension_capacity); environment variables supply defaults.
    """
    for name in instances:
        if not INSTANCE_NAME.fullmatch(name):
            raise ValueError(f"invalid instance name: {name!r}")
    app = web.Application(client_max_size=MAX_BODY)
    app[REGISTRY] = Registry(Config.from_env(**config), list(instances))
    app.router.add_route("*", "/{tail:.*}", dispatch)
    return app


def json_response(body: Any, status: int = 200) -> web.Response:
    return web.json_response(body, status=status, dumps=lambda o: json.dumps(o, ensure_ascii=False))


async def dispatch(request: web.Request) -> web.StreamResponse:
    match = PATH.match(request.path)
    if not match:
        return json_response({"error": "not found"}, status=404)
    registry: Registry = request.app[REGISTRY]
    pbx = registry.get(match["instance"] or DEFAULT_INSTANCE)
    if pbx is None:
        return json_response({"error": f"unknown instance {match['instance']!r}"}, status=404)
    rest = match["rest"] or ""
    if match["area"] == "_emulator":
        return await control.handle(request, registry, pbx, rest)
    return await handle_api(request, pbx, rest)


async def handle_api(request: web.Request, pbx: Instance, rest: str) -> web.StreamResponse:
    version, _, endpoint = rest.partition("/")
    pbx.counters.record(request.method, endpoint, is_write(endpoint))
    fault = None
    try:
        raw = await read_request(request)
        spec, session = admit(request, pbx, version, endpoint)
        fault = pbx.take_fault(endpoint)
        if fault is not None and fault.kind not in APPLIED_FAULTS:
            return inject(request, fault)
        if fault is not None and fault.kind == "slow":
            await asyncio.sleep(fault.seconds)
        call = Call(pbx=pbx, endpoint=endpoint, params=read_params(request, raw),
                    session=session, remote=request.remote or "")
        response = json_response(envelope(**spec.handler(call)))
    except TooLarge as error:
        response = json_response(envelope(PARAMETER_SYNTAX_ERROR, submsg=str(error)),
                                 status=error.status)
    except ApiError as error:
        response = json_response(error.body())
    except Exception:
        # An emulator bug must still look like a PBX answer, and be visible.
        LOG.exception("internal error on %s", endpoint)
        response = json_response(envelope(INTERNAL_SERVER_ERROR))
    if fault is not None and fault.kind == "lost_answer":
        return hang_up(request)
    return response


def admit(request: web.Request, pbx: Instance, version: str,
          endpoint: str) -> tuple[Endpoint, Session | None]:
    """The checks that come before faults: blocklist, User-Agent, endpoint, token."""
    if (request.remote or "") in pbx.guard.blocked:
        raise ApiError(ACCOUNT_IP_BLOCKED)
    if not request.headers.get("User-Agent", "").strip():
        raise ApiError(ACCESS_DENIED, submsg="User-Agent header is required")
    if version != API_VERSION:
        raise ApiError(API_VERSION_UNSUPPORTED)
    spec = ENDPOINTS.get(endpoint)
    # A known endpoint called with the other HTTP method does not exist either:
    # the manual defines each endpoint as one method + path.
    if spec is None or request.method != spec.method:
        raise ApiError(INTERFACE_NOT_EXISTED)
    session = None
    if spec.auth:
        session = pbx.tokens.valid_access(request.query.get("access_token"))
        if session is None:
            raise ApiError(TOKEN_EXPIRED)
    return spec, session


def read_params(request: web.Request, raw: bytes) -> dict[str, Any]:
    if request.method == "GET":
        return {k: v for k, v in request.query.items() if k != "access_token"}
    if not raw.strip():
        return {}
    try:
        body = json.loads(raw)
    except (ValueError, RecursionError):
        # ValueError also covers bad UTF-8 and over-long integers; RecursionError
        # is nesting deeper than the decoder allows.
        raise ApiError(PARAMETER_SYNTAX_ERROR) from None
    if not isinstance(body, dict):
        raise ApiError(PARAMETER_SYNTAX_ERROR, submsg="request body must be a JSON object")
    return body


# Headers that promise more body than follows: the client sees an incomplete read.
TRUNCATED_ANSWER = (b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                    b"Content-Length: 1024\r\nConnection: close\r\n\r\n"
                    b'{"errcode": 0, "errmsg": "SUC')
GARBAGE_ANSWER = b"garbage\r\n\r\n"


def inject(request: web.Request, fault: Fault) -> web.StreamResponse:
    """The answer of a fault that replaces the request, which is not applied."""
    if fault.kind == "overloaded":
        return json_response(envelope(OVERLOAD_TASK_RUNNING))
    if fault.kind == "reset":
        return hang_up(request)
    if fault.kind == "truncated":
        return hang_up(request, TRUNCATED_ANSWER)
    if fault.kind == "garbage":
        return hang_up(request, GARBAGE_ANSWER)
    status = int(fault.kind.removeprefix("http_"))
    return web.Response(status=status, text=f"{status} injected fault\n")


def hang_up(request: web.Request, data: bytes = b"") -> web.StreamResponse:
    """Close the connection after sending ``data`` (nothing at all if empty), behind aiohttp's back.

    Without data the socket is aborted, as with a crashing or restarting PBX.
    """
    transport = request.transport
    if transport is not None:
        if data:
            transport.write(data)
            transport.close()  # unlike abort(), close() still flushes what was written
        else:
            transport.abort()
    # Never sent: aiohttp refuses to write to a closing transport.
    return web.Response(status=500)
