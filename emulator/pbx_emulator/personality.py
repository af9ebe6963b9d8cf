"""Vendor personalities: what makes one emulator server a Yeastar, a PortSIP or a TelecomX PBX.

The neutral core (server, instances, counters, faults, the /_emulator/ control API) is the
same for every vendor. A vendor package registers one Personality when it is imported; the
server imports the package named in VENDOR_MODULES for the vendor it is asked to play.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Awaitable, Callable

if TYPE_CHECKING:
    from aiohttp import web

    from .state import Instance

# vendor -> (module that registers it, port it listens on in `make fleet` and by default).
VENDOR_MODULES: dict[str, tuple[str, int]] = {
    "yeastar": ("pbx_emulator.app", 8088),
    "portsip": ("pbx_emulator.portsip", 8887),
    "telecomx": ("pbx_emulator.telecomx", 8089),
}
DEFAULT_VENDOR = "yeastar"


@dataclass(frozen=True)
class Personality:
    """A vendor's API on top of the neutral core.

    handle_api(request, pbx, path) answers every request that is not a control request; `path` is
    the request path with any /pbx/NAME instance prefix removed. It records the request in
    pbx.counters and consumes faults with pbx.take_fault(endpoint) itself, since only the vendor
    knows its endpoint names and which requests write. is_api_path(path) tells a path of the API
    (so /pbx/NAME/<api path> with an unknown NAME is refused as an unknown instance) from a vendor
    path that merely starts with /pbx/. new_data() makes an instance's empty data. control_routes
    override the control API routes whose answer depends on the vendor's data ("seed", "state"),
    keyed like control.ROUTES: ("POST", "seed").
    """

    name: str
    handle_api: Callable[["web.Request", "Instance", str], Awaitable["web.StreamResponse"]]
    is_api_path: Callable[[str], bool]
    new_data: Callable[[], Any]
    control_routes: dict[tuple[str, str], Callable[[Any], Any]] = field(default_factory=dict)


_REGISTERED: dict[str, Personality] = {}


def register(personality: Personality) -> Personality:
    _REGISTERED[personality.name] = personality
    return personality


def vendor_port(name: str) -> int:
    return VENDOR_MODULES[name][1]


def personality(name: str) -> Personality:
    """The personality of a vendor, importing its package on first use."""
    if name not in VENDOR_MODULES:
        raise ValueError(f"unknown vendor {name!r}: choose one of {', '.join(sorted(VENDOR_MODULES))}")
    if name not in _REGISTERED:
        importlib.import_module(VENDOR_MODULES[name][0])
    return _REGISTERED[name]
