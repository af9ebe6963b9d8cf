"""What a PortSIP endpoint handler receives."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..state import Instance, Session


@dataclass
class Request:
    pbx: Instance
    body: dict[str, Any]
    query: dict[str, str]
    ident: str | None
    session: Session | None
