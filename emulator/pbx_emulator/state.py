"""Per-instance state: configuration, tokens, counters, blocklist, faults, data."""

from __future__ import annotations

import os
import re
import secrets
import string
import time
from collections import Counter, deque
from dataclasses import asdict, dataclass, field, fields, replace

TOKEN_ALPHABET = string.ascii_letters + string.digits

# Roles of the get_menuoptions example (menu=role), ids 0-6.
INITIAL_ROLES = {
    0: "None",
    1: "Administrator",
    2: "Supervisor",
    3: "Operator",
    4: "Employee",
    5: "Human Resource",
    6: "Accounting",
}
DEFAULT_PAUSE_REASONS = (
    {"code": "*01", "reason": "Lunch"},
    {"code": "*02", "reason": "Break"},
    {"code": "*03", "reason": "Wrap up"},
)
INSTANCE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")
ROOT_DEPARTMENT_ID = 1
ROOT_DEPARTMENT_NAME = "Yeastar"


@dataclass
class Config:
    client_id: str = "emulator-client-id"
    client_secret: str = "emulator-client-secret"
    access_token_ttl: int = 1800
    refresh_token_ttl: int = 86400
    department_management: bool = True
    max_tokens: int = 8
    max_page_size: int = 10000
    extension_capacity: int = 500
    max_failed_logins: int = 5
    # Simulates a PMS integration: hotel/checkout then answers 70524 (L18556).
    pms_integration: bool = False

    # Types used to check values posted to the control API.
    @classmethod
    def field_types(cls) -> dict[str, type]:
        return {f.name: type(getattr(cls(), f.name)) for f in fields(cls)}

    @classmethod
    def from_env(cls, **overrides) -> "Config":
        env = {
            "client_id": os.environ.get("PBX_EMULATOR_CLIENT_ID"),
            "client_secret": os.environ.get("PBX_EMULATOR_CLIENT_SECRET"),
            "access_token_ttl": os.environ.get("PBX_EMULATOR_ACCESS_TOKEN_TTL"),
            "refresh_token_ttl": os.environ.get("PBX_EMULATOR_REFRESH_TOKEN_TTL"),
        }
        values = {k: v for k, v in env.items() if v not in (None, "")}
        values.update({k: v for k, v in overrides.items() if v is not None})
        types = cls.field_types()
        unknown = set(values) - set(types)
        if unknown:
            raise TypeError(f"unknown config keys: {sorted(unknown)}")
        return cls(**{k: types[k](v) for k, v in values.items()})

    def to_dict(self) -> dict:
        return asdict(self)


def new_token() -> str:
    return "".join(secrets.choice(TOKEN_ALPHABET) for _ in range(32))


@dataclass
class Session:
    """One login: an access token and the refresh token issued with it.

    refresh_token rotates both tokens of the session in place, so the old
    pair stops working the moment the new pair is issued.
    """

    access_token: str
    access_expires: float
    refresh_token: str
    refresh_expires: float

    def access_valid(self, now: float) -> bool:
        return now < self.access_expires

    def refresh_valid(self, now: float) -> bool:
        return now < self.refresh_expires


class TokenStore:
    def __init__(self) -> None:
        self.by_access: dict[str, Session] = {}
        self.by_refresh: dict[str, Session] = {}
        # Every token ever handed out, so tests can prove none of them leaks into logs.
        self.issued: list[str] = []

    @staticmethod
    def now() -> float:
        return time.monotonic()

    def _prune(self) -> None:
        now = self.now()
        for session in list(self.by_access.values()):
            if not session.access_valid(now) and not session.refresh_valid(now):
                self.drop(session)

    def drop(self, session: Session) -> None:
        self.by_access.pop(session.access_token, None)
        self.by_refresh.pop(session.refresh_token, None)

    def active_access_count(self, excluding: Session | None = None) -> int:
        self._prune()
        now = self.now()
        return sum(1 for s in self.by_access.values()
                   if s is not excluding and s.access_valid(now))

    def issue(self, config: Config, session: Session | None = None) -> Session:
        """Create a new session, or rotate both tokens of an existing one."""
        now = self.now()
        if session is not None:
            self.drop(session)
        session = Session(new_token(), now + config.access_token_ttl,
                          new_token(), now + config.refresh_token_ttl)
        self.by_access[session.access_token] = session
        self.by_refresh[session.refresh_token] = session
        self.issued += [session.access_token, session.refresh_token]
        return session

    def valid_access(self, token: str | None) -> Session | None:
        session = self.by_access.get(token or "")
        if session and session.access_valid(self.now()):
            return session
        return None

    def valid_refresh(self, token: str | None) -> Session | None:
        session = self.by_refresh.get(token or "")
        if session and session.refresh_valid(self.now()):
            return session
        return None

    def expire_all(self, refresh_tokens: bool) -> None:
        now = self.now()
        for session in self.by_access.values():
            session.access_expires = min(session.access_expires, now)
            if refresh_tokens:
                session.refresh_expires = min(session.refresh_expires, now)

    def clear(self) -> None:
        self.by_access.clear()
        self.by_refresh.clear()


class Counters:
    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.total = 0
        self.writes = 0
        self.by_endpoint: Counter = Counter()
        self.by_method: Counter = Counter()
        self.by_method_endpoint: Counter = Counter()
        self.tokens_issued = 0
        self.tokens_refreshed = 0
        self.tokens_revoked = 0
        self.failed_logins = 0

    def record(self, method: str, endpoint: str, is_write: bool) -> None:
        self.total += 1
        self.writes += int(is_write)
        self.by_endpoint[endpoint] += 1
        self.by_method[method] += 1
        self.by_method_endpoint[f"{method} {endpoint}"] += 1

    def snapshot(self, active_access_tokens: int) -> dict:
        return {
            "total": self.total,
            "writes": self.writes,
            "by_endpoint": dict(self.by_endpoint),
            "by_method": dict(self.by_method),
            "by_method_endpoint": dict(self.by_method_endpoint),
            "tokens_issued": self.tokens_issued,
            "tokens_refreshed": self.tokens_refreshed,
            "tokens_revoked": self.tokens_revoked,
            "failed_logins": self.failed_logins,
            "active_access_tokens": active_access_tokens,
        }


@dataclass
class Fault:
    kind: str
    remaining: int
    seconds: float | None = None  # the delay of a "slow" fault


class Guard:
    """IP blocklist and consecutive failed-login counters."""

    def __init__(self) -> None:
        self.blocked: set[str] = set()
        self.failures: Counter = Counter()

    def login_failed(self, address: str, limit: int) -> None:
        self.failures[address] += 1
        if self.failures[address] >= limit:
            self.blocked.add(address)

    def login_succeeded(self, address: str) -> None:
        self.failures.pop(address, None)

    def clear(self) -> None:
        self.blocked.clear()
        self.failures.clear()


@dataclass
class Data:
    """The PBX configuration objects. Ids are never reused within a state."""

    extensions: dict[int, dict] = field(default_factory=dict)
    departments: dict[int, dict] = field(default_factory=dict)
    outbound_routes: dict[int, dict] = field(default_factory=dict)
    ring_groups: dict[int, dict] = field(default_factory=dict)
    queues: dict[int, dict] = field(default_factory=dict)
    ivrs: dict[int, dict] = field(default_factory=dict)
    pin_lists: dict[int, dict] = field(default_factory=dict)
    trunks: dict[int, dict] = field(default_factory=dict)
    inbound_routes: dict[int, dict] = field(default_factory=dict)
    company_contacts: dict[int, dict] = field(default_factory=dict)
    phonebooks: dict[int, dict] = field(default_factory=dict)
    # The PBX's default pause reasons (L13177-13181).
    pause_reasons: list[dict] = field(default_factory=lambda: [dict(r) for r in DEFAULT_PAUSE_REASONS])
    # Custom prompt file names and Music on Hold playlists ("default" always exists);
    # the API cannot upload them, the control seed adds them.
    custom_prompts: list[str] = field(default_factory=list)
    moh_playlists: list[str] = field(default_factory=list)
    roles: dict[int, str] = field(default_factory=lambda: dict(INITIAL_ROLES))
    welcome_emails: list[dict] = field(default_factory=list)
    # Hotel: wake-up calls by id; per extension id the number of voicemail
    # messages and call records (the API cannot create either; the seed can).
    wakeup_calls: dict[int, dict] = field(default_factory=dict)
    voicemails: dict[int, int] = field(default_factory=dict)
    call_records: dict[int, int] = field(default_factory=dict)
    next_ids: Counter = field(default_factory=Counter)

    def __post_init__(self) -> None:
        if not self.departments:
            self.departments[ROOT_DEPARTMENT_ID] = {
                "id": ROOT_DEPARTMENT_ID, "name": ROOT_DEPARTMENT_NAME,
                "parent_id": 0, "order": 1,
            }
            self.next_ids["department"] = ROOT_DEPARTMENT_ID

    def allocate(self, kind: str) -> int:
        self.next_ids[kind] += 1
        return self.next_ids[kind]


class Instance:
    """One emulated PBX."""

    def __init__(self, name: str, config: Config) -> None:
        self.name = name
        self.startup_config = config
        self.started = time.time()
        self.reset()

    def reset(self) -> None:
        self.config = replace(self.startup_config)
        self.tokens = TokenStore()
        self.counters = Counters()
        self.guard = Guard()
        self.faults: dict[str, deque[Fault]] = {}
        self.data = Data()

    def take_fault(self, endpoint: str) -> Fault | None:
        queue = self.faults.get(endpoint)
        if not queue:
            return None
        fault = queue[0]
        fault.remaining -= 1
        if fault.remaining <= 0:
            queue.popleft()
        return fault
