"""TelecomX personality of the emulator (api.telecomx.dk): login tokens carried as query parameter or Bearer
header, machine-to-machine tokens, access levels, extensions and PBX groups with referential integrity.

Written from seed 002 (api:pbx:group:get) and the research notes on the TelecomX wiki; docs/emulator.md
(TelecomX section) records what those sources leave open and the choice made.
"""

from .app import create_app

__all__ = ["create_app"]
