"""One TelecomX customer's data: employees and their tokens, extensions, groups and other dialplan items.

The neutral core's Instance holds it as `pbx.data`; the login pair is the core's `client_id` / `client_secret`.
TelecomX tokens belong to employees (a logout ends all of an employee's tokens) and machine-to-machine
tokens never expire, which the core's token store does not model: they live here."""

from __future__ import annotations

import re
import secrets
import time
from dataclasses import dataclass, field
from typing import Any

ACCESS_LEVELS = ("PERSONAL", "VIEWER", "MANAGER", "OWNER", "RESELLER", "RESELLER_ADMIN", "ADMIN")
READ_LEVELS = frozenset(ACCESS_LEVELS) - {"PERSONAL"}
WRITE_LEVELS = frozenset(ACCESS_LEVELS) - {"PERSONAL", "VIEWER"}
OBJECT_ID = re.compile(r"[0-9A-Fa-f]{24}")


def new_id() -> str:
    """A 24-hex-character id, MongoDB ObjectId style, as the API's examples print them (upper case)."""
    return secrets.token_hex(12).upper()


@dataclass
class Employee:
    _id: str
    username: str
    password: str
    access_level: str


@dataclass
class Token:
    value: str
    employee: Employee
    expires: float | None       # monotonic deadline; None never expires (persist, machine-to-machine)
    machine: bool = False       # created with POST /employee/{id}/token

    def valid(self, now: float) -> bool:
        return self.expires is None or now < self.expires


class TokenStore:
    def __init__(self) -> None:
        self.tokens: dict[str, Token] = {}
        self.issued: list[str] = []  # every token handed out, so tests can prove none leaks into logs

    def issue(self, employee: Employee, minutes: int | None, machine: bool = False) -> Token:
        token = Token(secrets.token_hex(24), employee,
                      None if minutes is None else time.monotonic() + minutes * 60, machine)
        self.tokens[token.value] = token
        self.issued.append(token.value)
        return token

    def find(self, value: str | None) -> Token | None:
        return self.tokens.get(value or "")

    def end_sessions_of(self, employee: Employee) -> int:
        """Logout: every login token of the employee goes; machine-to-machine tokens stay."""
        ended = [v for v, t in self.tokens.items() if t.employee is employee and not t.machine]
        for value in ended:
            del self.tokens[value]
        return len(ended)

    def expire_all(self) -> None:
        """Login tokens expire now; machine-to-machine tokens do not expire."""
        now = time.monotonic()
        for token in self.tokens.values():
            if not token.machine:
                token.expires = now

    def active(self) -> int:
        now = time.monotonic()
        return sum(1 for t in self.tokens.values() if t.valid(now))


@dataclass
class TelecomXData:
    customer: str = field(default_factory=new_id)
    employees: dict[str, Employee] = field(default_factory=dict)
    tokens: TokenStore = field(default_factory=TokenStore)
    extensions: dict[str, dict] = field(default_factory=dict)
    groups: dict[str, dict] = field(default_factory=dict)
    # Dialplan items the API here does not manage (menus, queues...), seeded so groups can be referred to.
    other_items: dict[str, dict] = field(default_factory=dict)
    # Settings of the control API's config route: the login pair's access level and the login token lifetime.
    access_level: str = "MANAGER"
    token_minutes: int = 15

    def dialplan(self) -> dict[str, dict]:
        return {**self.extensions, **self.groups, **self.other_items}


def main_employee(pbx: Any) -> Employee:
    """The employee of the configured login pair (client_id, client_secret), kept in line with the configuration."""
    config, data = pbx.config, pbx.data
    employee = next((e for e in data.employees.values() if e.username == config.client_id), None)
    if employee is None:
        employee = Employee(new_id(), config.client_id, config.client_secret, data.access_level)
        data.employees[employee._id] = employee
    employee.password, employee.access_level = config.client_secret, data.access_level
    return employee
