"""TelecomX personality (api.telecomx.dk): login tokens carried as query parameter or Bearer header,
machine-to-machine tokens, access levels, extensions and PBX groups with referential integrity.

Written from seed 002 (api:pbx:group:get) and §3 of shared/api/other-vendors-and-yeastar-extras.md;
docs/emulator.md (TelecomX) records what those sources leave open and the choice made.
"""

from __future__ import annotations

from ..personality import Personality, register
from .api import handle, is_api_path
from .control import ROUTES
from .state import TelecomXData

register(Personality(
    name="telecomx",
    handle_api=handle,
    is_api_path=is_api_path,
    new_data=TelecomXData,
    control_routes=ROUTES,
))
