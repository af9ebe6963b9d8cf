"""The context a handler gets."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .state import Token


@dataclass
class Call:
    pbx: Any                 # the core's Instance; pbx.data is a TelecomXData
    params: dict[str, Any]   # query parameters, then the JSON body's keys over them
    body: Any
    token: Token | None


def flag(params: dict, name: str) -> bool:
    return str(params.get(name, "")).lower() in ("true", "1")
