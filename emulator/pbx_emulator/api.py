"""What an API area module needs: the endpoint declaration and the call context."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from .state import Instance, Session


@dataclass
class Call:
    pbx: Instance
    endpoint: str
    params: dict[str, Any]
    session: Session | None
    remote: str


@dataclass(frozen=True)
class Endpoint:
    method: str
    handler: Callable[[Call], dict]
    auth: bool = True          # False only for get_token / refresh_token


# Endpoint names whose last segment changes PBX configuration or state ("writes"),
# including the agent operations, which are GET requests that change agent state.
WRITE_ACTIONS = frozenset({"create", "update", "delete", "send_welcome_email",
                           "agent_login", "agent_pause", "login", "pause", "checkout"})


def is_write(endpoint: str) -> bool:
    return endpoint.rsplit("/", 1)[-1] in WRITE_ACTIONS
