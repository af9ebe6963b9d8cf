"""One emulated TelecomX customer: its employees, tokens, extensions, groups, counters and configuration."""

from __future__ import annotations

import os
import re
import secrets
import time
from collections import Counter
from dataclasses import asdict, dataclass, field, fields, replace

ACCESS_LEVELS = ("PERSONAL", "VIEWER", "MANAGER", "OWNER", "RESELLER", "RESELLER_ADMIN", "ADMIN")
READ_LEVELS = frozenset(ACCESS_LEVELS) - {"PERSONAL"}
WRITE_LEVELS = frozenset(ACCESS_LEVELS) - {"PERSONAL", "VIEWER"}
OBJECT_ID = re.compile(r"[0-9A-Fa-f]{24}")


def new_id() -> str:
    """A 24-hex-character id, MongoDB ObjectId style, as the API's examples print them (upper case)."""
    return secrets.token_hex(12).upper()


@dataclass
class Config:
    client_id: str = "emulator-client-id"         # the e-mail the main employee logs in with
    client_secret: str = "emulator-client-secret"  # its password
    access_level: str = "MANAGER"                   # the main employee's access level
    token_minutes: int = 15                         # expiresInMinutes of a login token
    max_page_size: int = 1000

    @classmethod
    def field_types(cls) -> dict[str, type]:
        return {f.name: type(getattr(cls(), f.name)) for f in fields(cls)}

    @classmethod
    def from_env(cls, **overrides) -> "Config":
        values = {"client_id": os.environ.get("PBX_EMULATOR_CLIENT_ID"),
                  "client_secret": os.environ.get("PBX_EMULATOR_CLIENT_SECRET")}
        values.update(overrides)
        return cls(**{k: v for k, v in values.items() if v not in (None, "")})

    def to_dict(self) -> dict:
        return asdict(self)


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
        now = time.monotonic()
        for token in self.tokens.values():
            if not token.machine:
                token.expires = now

    def active(self) -> int:
        now = time.monotonic()
        return sum(1 for t in self.tokens.values() if t.valid(now))


class Counters:
    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.total = 0
        self.writes = 0
        self.by_method_endpoint: Counter = Counter()
        self.tokens_issued = 0
        self.tokens_revoked = 0
        self.failed_logins = 0
        self.logouts = 0

    def record(self, method: str, endpoint: str, is_write: bool) -> None:
        self.total += 1
        self.writes += int(is_write)
        self.by_method_endpoint[f"{method} {endpoint}"] += 1

    def snapshot(self, active_tokens: int) -> dict:
        by_endpoint: Counter = Counter()
        by_method: Counter = Counter()
        for key, count in self.by_method_endpoint.items():
            method, endpoint = key.split(" ", 1)
            by_endpoint[endpoint] += count
            by_method[method] += count
        return {"total": self.total, "writes": self.writes, "by_endpoint": dict(by_endpoint),
                "by_method": dict(by_method), "by_method_endpoint": dict(self.by_method_endpoint),
                "tokens_issued": self.tokens_issued, "tokens_revoked": self.tokens_revoked,
                "failed_logins": self.failed_logins, "logouts": self.logouts,
                "active_access_tokens": active_tokens}


@dataclass
class Data:
    customer: str = field(default_factory=new_id)
    employees: dict[str, Employee] = field(default_factory=dict)
    extensions: dict[str, dict] = field(default_factory=dict)
    groups: dict[str, dict] = field(default_factory=dict)
    # Dialplan items the API here does not manage (menus, queues...), seeded so groups can be referred to.
    other_items: dict[str, dict] = field(default_factory=dict)

    def dialplan(self) -> dict[str, dict]:
        return {**self.extensions, **self.groups, **self.other_items}


class Instance:
    def __init__(self, config: Config) -> None:
        self.startup_config = config
        self.reset()

    def reset(self) -> None:
        self.config = replace(self.startup_config)
        self.tokens = TokenStore()
        self.counters = Counters()
        self.data = Data()

    def main_employee(self) -> Employee:
        """The employee of the configured login pair, kept in line with the configuration."""
        config = self.config
        employee = next((e for e in self.data.employees.values() if e.username == config.client_id), None)
        if employee is None:
            employee = Employee(new_id(), config.client_id, config.client_secret, config.access_level)
            self.data.employees[employee._id] = employee
        employee.password, employee.access_level = config.client_secret, config.access_level
        return employee
