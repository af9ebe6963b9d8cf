"""aiohttp application: instance routing, envelope, auth and fault pipeline.

Every path is routed by one catch-all handler so that named instances
(``/pbx/NAME/...``) share the code of the default instance (``/...``).
"""

from __future__ import annotations

import json
import logging
import re
from typing import Any

from aiohttp import web

from . import auth, control, extension, organization, outbound_route, system
from .api import Call, Endpoint, is_write
from .errors import (ACCESS_DENIED, ACCOUNT_IP_BLOCKED, API_VERSION_UNSUPPORTED,
                     INTERFACE_NOT_EXISTED, INTERNAL_SERVER_ERROR, OVERLOAD_TASK_RUNNING,
                     PARAMETER_SYNTAX_ERROR, TOKEN_EXPIRED, ApiError, envelope)
from .state import INSTANCE_NAME, Config, Instance

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
}

REGISTRY = web.AppKey("registry", dict)


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
    app = web.Application(client_max_size=16 * 1024 * 1024)
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
    try:
        payload = await run_endpoint(request, pbx, version, endpoint)
    except ApiError as error:
        return json_response(error.body())
    except InjectedFault as fault:
        return await fault.respond(request)
    except Exception:
        # An emulator bug must still look like a PBX answer, and be visible.
        LOG.exception("internal error on %s", endpoint)
        return json_response(envelope(INTERNAL_SERVER_ERROR))
    return json_response(envelope(**payload))


async def run_endpoint(request: web.Request, pbx: Instance, version: str,
                       endpoint: str) -> dict:
    remote = request.remote or ""
    if remote in pbx.guard.blocked:
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
    kind = pbx.take_fault(endpoint)
    if kind is not None:
        raise InjectedFault(kind)
    params = await read_params(request)
    call = Call(pbx=pbx, endpoint=endpoint, params=params, session=session, remote=remote)
    return spec.handler(call)


async def read_params(request: web.Request) -> dict[str, Any]:
    if request.method == "GET":
        return {k: v for k, v in request.query.items() if k != "access_token"}
    raw = await request.read()
    if not raw.strip():
        return {}
    try:
        body = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        raise ApiError(PARAMETER_SYNTAX_ERROR) from None
    if not isinstance(body, dict):
        raise ApiError(PARAMETER_SYNTAX_ERROR, submsg="request body must be a JSON object")
    return body


class InjectedFault(Exception):
    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind

    async def respond(self, request: web.Request) -> web.StreamResponse:
        if self.kind == "overloaded":
            return json_response(envelope(OVERLOAD_TASK_RUNNING))
        if self.kind == "reset":
            # Abort the socket so the client sees the connection drop with no
            # response at all, as with a crashing or restarting PBX.
            if request.transport is not None:
                request.transport.abort()
            # Nothing reaches the client: the transport is already gone.
            return web.Response(status=500)
        status = int(self.kind.removeprefix("http_"))
        return web.Response(status=status, text=f"{status} injected fault\n")
