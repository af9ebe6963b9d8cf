"""The PortSIP instance's objects, its sign-in accounts and its opaque ids."""

from __future__ import annotations

import base64
from dataclasses import dataclass, field

# Ids look like the vendor's: base64 of a snowflake-sized integer ("NzAwNTUxOTA5NzczMTQ4MTYw" is
# base64 of "700551909773148160"). Clients must treat them as opaque strings.
FIRST_SNOWFLAKE = 700551909773148160
SNOWFLAKE_STEP = 4096


@dataclass
class Account:
    """A sign-in account besides the configured one (client_id / client_secret, the system admin)."""

    username: str
    password: str
    domain: str | None = None
    two_factor: bool = False


@dataclass
class PortsipData:
    users: dict[str, dict] = field(default_factory=dict)
    ring_groups: dict[str, dict] = field(default_factory=dict)
    # ring group id -> [{"extension_number", "skill_level"}], in the order set.
    agents: dict[str, list[dict]] = field(default_factory=dict)
    accounts: list[Account] = field(default_factory=list)
    minted: int = 0

    def new_id(self) -> str:
        self.minted += 1
        number = FIRST_SNOWFLAKE + self.minted * SNOWFLAKE_STEP
        return base64.b64encode(str(number).encode()).decode()

    def number_holder(self, number: str) -> str | None:
        """What already uses an extension number (users and ring groups share the number space)."""
        for user in self.users.values():
            if user["extension_number"] == number:
                return f"user {user['display_name'] or user['name']}"
        for group in self.ring_groups.values():
            if group["extension_number"] == number:
                return f"ring group {group['name']}"
        return None

    def user_by_number(self, number: str) -> dict | None:
        return next((u for u in self.users.values() if u["extension_number"] == number), None)
