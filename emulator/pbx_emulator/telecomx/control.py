"""The TelecomX answers of the control routes that depend on its data: seed, state, counters, token expiry and
revocation (TelecomX tokens live in its data), and config (the core's settings plus TelecomX's)."""

from __future__ import annotations

import copy

from .. import control as core
from ..control import BadRequest, ControlCall
from . import extensions, groups
from .errors import ApiError
from .state import ACCESS_LEVELS, Employee, new_id

TELECOMX_SETTINGS = {"access_level": str, "token_minutes": int}


def _ids_of_numbers(data, numbers: list) -> list[str]:
    by_number = {item.get("number"): key for key, item in data.dialplan().items()}
    missing = [n for n in numbers if n not in by_number]
    if missing:
        raise BadRequest(f"no dialplan item numbered {missing[0]}")
    return [by_number[n] for n in numbers]


def seed_employee(pbx, item: dict) -> str:
    level = item.get("accessLevel", "MANAGER")
    if level not in ACCESS_LEVELS or not item.get("username") or not item.get("password"):
        raise BadRequest(f"an employee needs username, password and accessLevel in {ACCESS_LEVELS}")
    employee = Employee(new_id(), item["username"], item["password"], level)
    pbx.data.employees[employee._id] = employee
    return employee._id


def seed_group(pbx, item: dict) -> str:
    """A group, with members, controllers and timeoutGoto given as numbers."""
    body = dict(item)
    for name in ("members", "controllers"):
        body[name] = _ids_of_numbers(pbx.data, body.get(name) or [])
    if body.get("timeoutGoto"):
        body["timeoutGoto"] = _ids_of_numbers(pbx.data, [body["timeoutGoto"]])[0]
    return groups.create_group(pbx, body)


def seed_other_item(pbx, item: dict) -> str:
    """A dialplan item this emulator does not manage (a MENU, a QUEUE), pointing at others by number."""
    ident = new_id()
    pbx.data.other_items[ident] = {"_id": ident, "type": item.get("type", "MENU"), "name": item.get("name"),
                                   "number": item.get("number"),
                                   "gotos": _ids_of_numbers(pbx.data, item.get("gotos") or [])}
    return ident


SEED_STEPS = (("employees", seed_employee), ("extensions", extensions.create_extension),
              ("groups", seed_group), ("other_items", seed_other_item))


def seed(c: ControlCall) -> dict:
    """employees, extensions, groups, other_items: all or nothing."""
    unknown = set(c.body) - {key for key, _ in SEED_STEPS}
    if unknown:
        raise BadRequest(f"unknown seed keys: {sorted(unknown)}")
    return core.all_or_nothing(c, lambda: core.create_each(c, SEED_STEPS, ApiError))


def state(c: ControlCall) -> dict:
    data = c.pbx.data
    return {"customer": data.customer,
            "employees": [{"_id": e._id, "username": e.username, "accessLevel": e.access_level}
                          for e in data.employees.values()],
            "extensions": [dict(e) for e in data.extensions.values()],
            "groups": [copy.deepcopy(g) for g in data.groups.values()],
            "other_items": [dict(i) for i in data.other_items.values()],
            "issued_tokens": list(data.tokens.issued)}


def counters(c: ControlCall) -> dict:
    return c.pbx.counters.snapshot(c.pbx.data.tokens.active())


def expire_tokens(c: ControlCall) -> dict:
    c.pbx.data.tokens.expire_all()
    return core.ok()


def revoke_tokens(c: ControlCall) -> dict:
    c.pbx.data.tokens.tokens.clear()
    return core.ok()


def get_config(c: ControlCall) -> dict:
    return dict(core.get_config(c), **{name: getattr(c.pbx.data, name) for name in TELECOMX_SETTINGS})


def set_config(c: ControlCall) -> dict:
    """access_level (of the login pair's employee) and token_minutes here; the core's keys to the core."""
    own = {k: v for k, v in c.body.items() if k in TELECOMX_SETTINGS}
    for name, value in own.items():
        if type(value) is not TELECOMX_SETTINGS[name] or (name == "token_minutes" and value < 1):
            raise BadRequest(f"{name} must be a {'positive integer' if name == 'token_minutes' else 'string'}")
        if name == "access_level" and value not in ACCESS_LEVELS:
            raise BadRequest(f"access_level must be one of {', '.join(ACCESS_LEVELS)}")
    core.set_config(ControlCall(c.registry, c.pbx, {k: v for k, v in c.body.items() if k not in own}))
    for name, value in own.items():
        setattr(c.pbx.data, name, value)
    return get_config(c)


ROUTES = {
    ("POST", "seed"): seed,
    ("GET", "state"): state,
    ("GET", "counters"): counters,
    ("POST", "expire_tokens"): expire_tokens,
    ("POST", "revoke_tokens"): revoke_tokens,
    ("GET", "config"): get_config,
    ("POST", "config"): set_config,
}
