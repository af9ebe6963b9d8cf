"""The PortSIP answers of the vendor-dependent control routes: seed and state."""

from __future__ import annotations

import copy

from ..control import BadRequest, ControlCall, all_or_nothing
from .data import Account
from .errors import PortsipError
from .ring_groups import checked_agents, create_group
from .users import create_user

SEED_KEYS = ("accounts", "users", "ring_groups")


def _seed_accounts(c: ControlCall, items: list[dict]) -> list[str]:
    for index, item in enumerate(items):
        try:
            c.pbx.data.accounts.append(Account(**item))
        except TypeError:
            raise BadRequest(f"accounts[{index}] takes username, password, domain and two_factor") from None
    return [item["username"] for item in items]


def _seed_groups(c: ControlCall, items: list[dict]) -> list[str]:
    created = []
    for item in items:
        body = dict(item)
        members = body.pop("agents", [])
        ident = create_group(c.pbx, body)
        c.pbx.data.agents[ident] = checked_agents(c.pbx, {"items": members})
        created.append(ident)
    return created


def seed(c: ControlCall) -> dict:
    """accounts (extra sign-in accounts, e.g. with two_factor), users, ring_groups (with "agents"): all or nothing."""
    unknown = set(c.body) - set(SEED_KEYS)
    if unknown:
        raise BadRequest(f"unknown seed keys: {sorted(unknown)}")
    steps = {"accounts": _seed_accounts,
             "users": lambda c, items: [create_user(c.pbx, dict(i)) for i in items],
             "ring_groups": _seed_groups}

    def work() -> dict:
        created = {}
        for key in SEED_KEYS:
            items = c.body.get(key) or []
            if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
                raise BadRequest(f"{key} must be a list of objects")
            try:
                created[key] = steps[key](c, items)
            except PortsipError as error:
                raise BadRequest(f"{key} rejected", response=error.body()) from None
        return created
    return all_or_nothing(c, work)


def state(c: ControlCall) -> dict:
    data = c.pbx.data
    return {
        "users": copy.deepcopy(list(data.users.values())),
        "ring_groups": [dict(copy.deepcopy(g), agents=copy.deepcopy(data.agents[i]))
                        for i, g in data.ring_groups.items()],
        "issued_tokens": list(c.pbx.tokens.issued),
    }
