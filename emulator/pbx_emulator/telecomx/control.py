"""/_emulator/ control API of the TelecomX personality: the routes of the Yeastar emulator's control API that
apply (reset, seed, counters, token expiry, config, state), never counted, never authenticated."""

from __future__ import annotations

import copy
import json
from typing import Any

from aiohttp import web

from . import extensions, groups
from .errors import ApiError
from .state import ACCESS_LEVELS, Config, Employee, Instance, new_id


class BadRequest(Exception):
    pass


def _items(body: dict, key: str) -> list[dict]:
    items = body.get(key) or []
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise BadRequest(f"{key} must be a list of objects")
    return items


def _ids_of_numbers(pbx: Instance, numbers: list) -> list[str]:
    by_number = {item.get("number"): key for key, item in pbx.data.dialplan().items()}
    missing = [n for n in numbers if n not in by_number]
    if missing:
        raise BadRequest(f"no dialplan item numbered {missing[0]}")
    return [by_number[n] for n in numbers]


def seed_employee(pbx: Instance, item: dict) -> str:
    level = item.get("accessLevel", "MANAGER")
    if level not in ACCESS_LEVELS or not item.get("username") or not item.get("password"):
        raise BadRequest(f"an employee needs username, password and accessLevel in {ACCESS_LEVELS}")
    employee = Employee(new_id(), item["username"], item["password"], level)
    pbx.data.employees[employee._id] = employee
    return employee._id


def seed_group(pbx: Instance, item: dict) -> str:
    """A group, with members, controllers and timeoutGoto given as numbers."""
    body = dict(item)
    for name in ("members", "controllers"):
        body[name] = _ids_of_numbers(pbx, body.get(name) or [])
    if body.get("timeoutGoto"):
        body["timeoutGoto"] = _ids_of_numbers(pbx, [body["timeoutGoto"]])[0]
    return groups.create_group(pbx, body)


def seed_other_item(pbx: Instance, item: dict) -> str:
    """A dialplan item this emulator does not manage (a MENU, a QUEUE), pointing at others by number."""
    ident = new_id()
    pbx.data.other_items[ident] = {"_id": ident, "type": item.get("type", "MENU"), "name": item.get("name"),
                                   "number": item.get("number"),
                                   "gotos": _ids_of_numbers(pbx, item.get("gotos") or [])}
    return ident


SEED_STEPS = (("employees", seed_employee), ("extensions", extensions.create_extension),
              ("groups", seed_group), ("other_items", seed_other_item))


def seed(pbx: Instance, body: dict) -> dict:
    unknown = set(body) - {key for key, _ in SEED_STEPS}
    if unknown:
        raise BadRequest(f"unknown seed keys: {sorted(unknown)}")
    backup = copy.deepcopy(pbx.data)
    created: dict[str, list[str]] = {}
    try:
        for key, create in SEED_STEPS:
            created[key] = []
            for index, item in enumerate(_items(body, key)):
                try:
                    created[key].append(create(pbx, dict(item)))
                except ApiError as error:
                    raise BadRequest(f"{key}[{index}] rejected: {error.body()}") from None
    except BadRequest:
        pbx.data = backup
        raise
    return created


def set_config(pbx: Instance, body: dict) -> dict:
    types = Config.field_types()
    for name, value in body.items():
        if name not in types or type(value) is not types[name]:
            raise BadRequest(f"config {name}: known keys and types are {({k: t.__name__ for k, t in types.items()})}")
        if name == "access_level" and value not in ACCESS_LEVELS:
            raise BadRequest(f"access_level must be one of {ACCESS_LEVELS}")
        setattr(pbx.config, name, value)
    pbx.main_employee()
    return pbx.config.to_dict()


def state(pbx: Instance, body: dict) -> dict:
    data = pbx.data
    return {"customer": data.customer,
            "employees": [{"_id": e._id, "username": e.username, "accessLevel": e.access_level}
                          for e in data.employees.values()],
            "extensions": [dict(e) for e in data.extensions.values()],
            "groups": [copy.deepcopy(g) for g in data.groups.values()],
            "other_items": [dict(i) for i in data.other_items.values()],
            "issued_tokens": list(pbx.tokens.issued)}


def _ok(action):
    def run(pbx: Instance, body: dict) -> dict:
        action(pbx, body)
        return {"ok": True}
    return run


ROUTES = {
    ("POST", "reset"): _ok(lambda pbx, body: pbx.reset()),
    ("POST", "seed"): seed,
    ("GET", "counters"): lambda pbx, body: pbx.counters.snapshot(pbx.tokens.active()),
    ("POST", "counters/reset"): _ok(lambda pbx, body: pbx.counters.reset()),
    # Login tokens expire now (machine-to-machine tokens never expire).
    ("POST", "expire_tokens"): _ok(lambda pbx, body: pbx.tokens.expire_all()),
    ("POST", "revoke_tokens"): _ok(lambda pbx, body: pbx.tokens.tokens.clear()),
    ("GET", "config"): lambda pbx, body: pbx.config.to_dict(),
    ("POST", "config"): set_config,
    ("GET", "state"): state,
}


def handle(pbx: Instance, method: str, path: str, raw: bytes) -> web.Response:
    route = ROUTES.get((method, path.strip("/")))
    if route is None:
        return web.json_response({"error": f"no control route {method} {path}",
                                  "routes": sorted({p for _, p in ROUTES})}, status=404)
    try:
        body = json.loads(raw) if raw.strip() else {}
        if not isinstance(body, dict):
            raise BadRequest("body must be a JSON object")
        return web.json_response(route(pbx, body))
    except ValueError:
        return web.json_response({"error": "body is not valid JSON"}, status=400)
    except BadRequest as error:
        return web.json_response({"error": str(error)}, status=400)
