"""The /_emulator/ control API: test hooks, never counted, never authenticated."""

from __future__ import annotations

import copy
import json
import re
from collections import deque
from typing import TYPE_CHECKING, Any, Callable

from aiohttp import web

from . import (activity_control, calls, directory, extension, hotel, inbound_route, ivr, organization, outbound_route,
               pin_list, queue, ring_group, trunk, websocket)
from .errors import ApiError
from .limits import TooLarge, read_request
from .state import INSTANCE_NAME, Config, Fault, Instance

if TYPE_CHECKING:
    from .app import Registry

FAULT_KIND = re.compile(r"overloaded|reset|slow|lost_answer|truncated|garbage|http_[45]\d\d")
MAX_SLOW_SECONDS = 120


class BadRequest(Exception):
    def __init__(self, message: str, **detail: Any) -> None:
        super().__init__(message)
        self.detail = {"error": message, **detail}


Handler = Callable[["ControlCall"], Any]


class ControlCall:
    def __init__(self, registry: "Registry", pbx: Instance, body: dict) -> None:
        self.registry = registry
        self.pbx = pbx
        self.body = body


def ok(**extra: Any) -> dict:
    return {"ok": True, **extra}


def reset(c: ControlCall) -> dict:
    c.pbx.reset()
    return ok()


# Dependency order: later kinds may reference earlier ones (a route its PIN
# list, an extension its departments and routes, a ring group its extensions...).
SEED_STEPS: tuple[tuple[str, Callable[[Instance, dict], int]], ...] = (
    ("departments", organization.create_department),
    ("pin_lists", pin_list.create_pin_list),
    ("trunks", trunk.create_trunk),
    ("outbound_routes", outbound_route.create_route),
    ("extensions", extension.create_extension),
    ("ring_groups", ring_group.create_ring_group),
    ("queues", queue.create_queue),
    ("ivrs", ivr.create_ivr),
    ("company_contacts", directory.create_contact),
    ("phonebooks", directory.create_phonebook),
    ("inbound_routes", inbound_route.create_inbound_route),
    ("wakeup_calls", hotel.create_wakeup_call),
)
SEED_NAMES = ("custom_prompts", "moh_playlists")
# Per-extension counts the API cannot create: {"<extension number>": count}.
SEED_COUNTS = ("voicemails", "call_records")


def _seed_counts(c: ControlCall) -> None:
    by_number = {e["number"]: e["id"] for e in c.pbx.data.extensions.values()}
    for key in SEED_COUNTS:
        counts = c.body.get(key) or {}
        if not isinstance(counts, dict):
            raise BadRequest(f"{key} must be an object {{extension number: count}}")
        for number, count in counts.items():
            if number not in by_number:
                raise BadRequest(f"{key}: no extension {number}")
            if not isinstance(count, int) or isinstance(count, bool) or count < 0:
                raise BadRequest(f"{key}: count of {number} must be a non-negative integer")
            getattr(c.pbx.data, key)[by_number[number]] = count


def _seed_names(c: ControlCall) -> None:
    for key in SEED_NAMES:
        names = c.body.get(key) or []
        if not isinstance(names, list) or not all(isinstance(n, str) and n for n in names):
            raise BadRequest(f"{key} must be a list of non-empty strings")
        target = getattr(c.pbx.data, key)
        target.extend(n for n in names if n not in target)


def create_each(c: ControlCall, steps: Any, refusal: type[Exception]) -> dict:
    """Create the seed body's objects in the order of `steps` ((key, create) pairs) through the API's own
    validation; an object the API refuses (`refusal`) is a BadRequest naming it."""
    created: dict[str, list] = {}
    for key, create in steps:
        items = c.body.get(key) or []
        if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
            raise BadRequest(f"{key} must be a list of objects")
        created[key] = []
        for index, item in enumerate(items):
            try:
                created[key].append(create(c.pbx, dict(item)))
            except refusal as error:
                raise BadRequest(f"{key}[{index}] rejected", response=error.body()) from None
    return created


def all_or_nothing(c: ControlCall, work: Callable[[], Any]) -> Any:
    """Run a seed; a BadRequest puts the instance's data back as it was."""
    backup = copy.deepcopy(c.pbx.data)
    try:
        return work()
    except BadRequest:
        c.pbx.data = backup
        raise


def seed(c: ControlCall) -> dict:
    """Create objects through the API's own validation, all or nothing."""
    unknown = set(c.body) - {key for key, _ in SEED_STEPS} - set(SEED_NAMES) - set(SEED_COUNTS)
    if unknown:
        raise BadRequest(f"unknown seed keys: {sorted(unknown)}")

    def work() -> dict:
        _seed_names(c)
        created = create_each(c, SEED_STEPS, ApiError)
        _seed_counts(c)
        return created
    return all_or_nothing(c, work)


def counters(c: ControlCall) -> dict:
    return c.pbx.counters.snapshot(c.pbx.tokens.active_access_count())


def counters_reset(c: ControlCall) -> dict:
    c.pbx.counters.reset()
    return ok()


def expire_tokens(c: ControlCall) -> dict:
    c.pbx.tokens.expire_all(refresh_tokens=bool(c.body.get("refresh_tokens", False)))
    return ok()


def revoke_tokens(c: ControlCall) -> dict:
    c.pbx.tokens.clear()
    return ok()


def unblock(c: ControlCall) -> dict:
    c.pbx.guard.clear()
    return ok()


def get_config(c: ControlCall) -> dict:
    return c.pbx.config.to_dict()


def _config_value(name: str, value: Any, expected: type) -> Any:
    if expected is bool:
        if not isinstance(value, bool):
            raise BadRequest(f"{name} must be a boolean")
    elif expected is int:
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise BadRequest(f"{name} must be a positive integer")
    elif not isinstance(value, str) or not value:
        raise BadRequest(f"{name} must be a non-empty string")
    return value


def set_config(c: ControlCall) -> dict:
    types = Config.field_types()
    unknown = set(c.body) - set(types)
    if unknown:
        raise BadRequest(f"unknown config keys: {sorted(unknown)}")
    values = {k: _config_value(k, v, types[k]) for k, v in c.body.items()}
    for name, value in values.items():
        setattr(c.pbx.config, name, value)
    return c.pbx.config.to_dict()


def add_fault(c: ControlCall) -> dict:
    endpoint, kind, count = c.body.get("endpoint"), c.body.get("kind"), c.body.get("count", 1)
    if not isinstance(endpoint, str) or not endpoint:
        raise BadRequest("endpoint must be a non-empty string such as 'extension/list'")
    if not isinstance(kind, str) or not FAULT_KIND.fullmatch(kind):
        raise BadRequest("kind must be http_500, http_503 (any http_4xx/5xx), overloaded, reset, "
                         "slow, lost_answer, truncated or garbage")
    if not isinstance(count, int) or isinstance(count, bool) or count < 1:
        raise BadRequest("count must be a positive integer")
    seconds = None
    if kind == "slow":
        seconds = c.body.get("seconds", 1)
        if (not isinstance(seconds, (int, float)) or isinstance(seconds, bool)
                or not 0 < seconds <= MAX_SLOW_SECONDS):
            raise BadRequest(f"seconds must be a number above 0 and at most {MAX_SLOW_SECONDS}")
    elif "seconds" in c.body:
        # Refused rather than ignored: a test that sends it expects a delay it would not get.
        raise BadRequest("seconds is only accepted with kind slow")
    c.pbx.faults.setdefault(endpoint, deque()).append(Fault(kind, count, seconds))
    return list_faults(c)


def _fault_view(endpoint: str, fault: Fault) -> dict:
    view = {"endpoint": endpoint, "kind": fault.kind, "count": fault.remaining}
    if fault.seconds is not None:
        view["seconds"] = fault.seconds
    return view


def list_faults(c: ControlCall) -> dict:
    return {"faults": [_fault_view(e, f) for e, queue in c.pbx.faults.items() for f in queue]}


def clear_faults(c: ControlCall) -> dict:
    c.pbx.faults.clear()
    return ok()


def dump_state(c: ControlCall) -> dict:
    data = c.pbx.data
    return {
        "extensions": [copy.deepcopy(e) for _, e in sorted(data.extensions.items())],
        "departments": [dict(d) for _, d in sorted(data.departments.items())],
        "outbound_routes": [outbound_route.detail_view(c.pbx, r)
                            for _, r in sorted(data.outbound_routes.items())],
        "ring_groups": [copy.deepcopy(g) for _, g in sorted(data.ring_groups.items())],
        "queues": [copy.deepcopy(q) for _, q in sorted(data.queues.items())],
        "ivrs": [copy.deepcopy(i) for _, i in sorted(data.ivrs.items())],
        "pin_lists": [copy.deepcopy(p) for _, p in sorted(data.pin_lists.items())],
        "trunks": [trunk.detail_view(c.pbx, t) for _, t in sorted(data.trunks.items())],
        "inbound_routes": [{**inbound_route.detail_view(c.pbx, r), "pos": r["pos"]}
                           for _, r in sorted(data.inbound_routes.items())],
        "company_contacts": [directory.detail_view(c.pbx, k) for _, k in sorted(data.company_contacts.items())],
        "phonebooks": [directory.phonebook_detail(c.pbx, b) for _, b in sorted(data.phonebooks.items())],
        "pause_reasons": copy.deepcopy(data.pause_reasons),
        "custom_prompts": list(data.custom_prompts),
        "moh_playlists": list(data.moh_playlists),
        "roles": [{"id": k, "name": v} for k, v in sorted(data.roles.items())],
        "welcome_emails": list(data.welcome_emails),
        "wakeup_calls": [dict(a) for _, a in sorted(data.wakeup_calls.items())],
        "voicemails": {str(k): v for k, v in sorted(data.voicemails.items())},
        "call_records": {str(k): v for k, v in sorted(data.call_records.items())},
        "blocked_ips": sorted(c.pbx.guard.blocked),
        "failed_login_streaks": dict(c.pbx.guard.failures),
        "issued_tokens": list(c.pbx.tokens.issued),
    }


def _require_default(c: ControlCall) -> None:
    if c.pbx.name != "":
        raise BadRequest("instances are managed on the default instance only")


def list_instances(c: ControlCall) -> dict:
    _require_default(c)
    return {"instances": sorted(name for name in c.registry if name)}


def add_instance(c: ControlCall) -> dict:
    _require_default(c)
    name = c.body.get("name")
    if not isinstance(name, str) or not INSTANCE_NAME.fullmatch(name):
        raise BadRequest("name must match [A-Za-z0-9][A-Za-z0-9_.-]*")
    created = name not in c.registry
    c.registry.add(name)
    return {"name": name, "created": created, "prefix": f"/pbx/{name}"}


ROUTES: dict[tuple[str, str], Handler] = {
    ("POST", "reset"): reset,
    ("POST", "seed"): seed,
    ("GET", "counters"): counters,
    ("POST", "counters/reset"): counters_reset,
    ("POST", "expire_tokens"): expire_tokens,
    ("POST", "revoke_tokens"): revoke_tokens,
    ("POST", "unblock"): unblock,
    ("GET", "config"): get_config,
    ("POST", "config"): set_config,
    ("GET", "faults"): list_faults,
    ("POST", "faults"): add_fault,
    ("DELETE", "faults"): clear_faults,
    ("GET", "state"): dump_state,
    ("GET", "instances"): list_instances,
    ("POST", "instances"): add_instance,
}


def _simulation(step: Callable[[Instance, dict], Any]) -> Handler:
    """A step of what happens on the PBX (activity_control.py, calls.py, websocket.py): its ValueError is a refusal."""
    def handler(c: ControlCall) -> Any:
        try:
            return step(c.pbx, c.body)
        except ValueError as error:
            raise BadRequest(str(error)) from None
    return handler


ROUTES.update({route: _simulation(step) for route, step in
               {**activity_control.ROUTES, **calls.CONTROL_ROUTES, **websocket.CONTROL_ROUTES}.items()})


def _parse_body(raw: bytes) -> dict:
    if not raw.strip():
        return {}
    try:
        body = json.loads(raw)
    except (ValueError, RecursionError):
        raise BadRequest("body is not valid JSON") from None
    if not isinstance(body, dict):
        raise BadRequest("body must be a JSON object")
    return body


async def handle(request: web.Request, registry: "Registry", pbx: Instance,
                 path: str) -> web.Response:
    try:
        raw = await read_request(request)
    except TooLarge as error:
        return web.json_response({"error": str(error)}, status=error.status)
    route = (request.method, path.strip("/"))
    handler = registry.vendor.control_routes.get(route) or ROUTES.get(route)
    if handler is None:
        known = sorted({p for _, p in ROUTES})
        return web.json_response({"error": f"no control route {request.method} {path}",
                                  "routes": known}, status=404)
    try:
        result = handler(ControlCall(registry, pbx, _parse_body(raw)))
    except BadRequest as error:
        return web.json_response(error.detail, status=400)
    return web.json_response(result)

