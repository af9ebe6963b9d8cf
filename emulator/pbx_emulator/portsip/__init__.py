"""PortSIP PBX REST API v22 personality: sign-in, users (extensions), ring groups and their agents.

Written from seed 001 (ring groups) and the PortSIP section of
shared/api/other-vendors-and-yeastar-extras.md; choices the sources leave open are in
docs/emulator.md (PortSIP).
"""

from __future__ import annotations

from ..personality import Personality, register
from .api import API_PATH, handle
from .control import seed, state
from .data import PortsipData

register(Personality(
    name="portsip",
    handle_api=handle,
    is_api_path=lambda path: API_PATH.match(path) is not None,
    new_data=PortsipData,
    control_routes={("POST", "seed"): seed, ("GET", "state"): state},
))
