"""The context a handler gets."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .state import Instance, Token


@dataclass
class Call:
    pbx: Instance
    params: dict[str, Any]   # query parameters, then the JSON body's keys over them
    body: Any
    token: Token | None


def flag(params: dict, name: str) -> bool:
    return str(params.get(name, "")).lower() in ("true", "1")
