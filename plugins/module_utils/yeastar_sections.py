# -*- coding: utf-8 -*-
# Copyright: telephony.pbx contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""yeastar_config's sections: every kind of object the collection manages on a Yeastar PBX, in the order
objects are created (deletions run in reverse). A kind added to the collection adds its line here."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.telephony.pbx.plugins.module_utils.yeastar_call_flow import RingGroupAdapter
from ansible_collections.telephony.pbx.plugins.module_utils.yeastar_hotel import WakeupCallAdapter
from ansible_collections.telephony.pbx.plugins.module_utils.yeastar_directory import CompanyContactAdapter, PhonebookAdapter
from ansible_collections.telephony.pbx.plugins.module_utils.yeastar_connectivity import (
    InboundRouteAdapter,
    OutboundRouteAdapter,
    TrunkAdapter,
)
from ansible_collections.telephony.pbx.plugins.module_utils.yeastar_ivrs import IvrAdapter
from ansible_collections.telephony.pbx.plugins.module_utils.yeastar_pin_lists import PinListAdapter
from ansible_collections.telephony.pbx.plugins.module_utils.yeastar_queues import PauseReasonAdapter, QueueAdapter
from ansible_collections.telephony.pbx.plugins.module_utils.yeastar_resources import DepartmentAdapter, ExtensionAdapter

SECTIONS = [
    ("pin_lists", PinListAdapter),
    ("departments", DepartmentAdapter),
    ("extensions", ExtensionAdapter),
    ("wakeup_calls", WakeupCallAdapter),
    ("company_contacts", CompanyContactAdapter),
    ("phonebooks", PhonebookAdapter),
    ("ring_groups", RingGroupAdapter),
    ("queues", QueueAdapter),
    ("queue_pause_reasons", PauseReasonAdapter),
    # Trunks give extensions caller IDs; outbound routes use trunks, extensions, departments and PIN lists, and
    # IVRs dial out through them; inbound routes take calls of trunks to all of the above.
    ("trunks", TrunkAdapter),
    ("outbound_routes", OutboundRouteAdapter),
    ("ivrs", IvrAdapter),
    ("inbound_routes", InboundRouteAdapter),
]
