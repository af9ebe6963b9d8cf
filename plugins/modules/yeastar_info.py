#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: telephony.pbx contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: yeastar_info
short_description: Read system information, capacity and the objects of a Yeastar P-Series PBX
version_added: 0.1.0
author: telephony.pbx maintainers (@telephony-pbx)
description:
  - Gathers what the Yeastar P-Series OpenAPI v1.0 reports about a PBX, reading every page of each list.
  - The roles, departments and outbound routes it lists are the names the other modules accept.
extends_documentation_fragment:
  - telephony.pbx.attributes.info_module
  - telephony.pbx.attributes.yeastar
seealso:
  - module: telephony.pbx.yeastar_extension
  - module: telephony.pbx.yeastar_department
options:
  gather:
    description:
      - What to read.
    type: list
    elements: str
    default:
      - system
      - capacity
      - extensions
      - departments
      - roles
      - outbound_routes
      - ring_groups
      - queues
      - queue_pause_reasons
      - ivrs
      - pin_lists
      - trunks
      - inbound_routes
    choices:
      - system
      - capacity
      - extensions
      - departments
      - roles
      - outbound_routes
      - ring_groups
      - queues
      - queue_pause_reasons
      - ivrs
      - pin_lists
      - trunks
      - inbound_routes
  extension_details:
    description:
      - Also read every extension's full settings with C(extension/query), in batches of 100.
    type: bool
    default: false
"""

EXAMPLES = r"""
- name: Everything the module can gather
  telephony.pbx.yeastar_info:
  register: pbx

- name: Extensions with all their settings, read in batches
  telephony.pbx.yeastar_info:
    gather: [extensions]
    extension_details: true
  register: pbx

- name: Numbers of the extensions in use
  ansible.builtin.debug:
    msg: "{{ pbx.extensions | map(attribute='number') | list }}"
"""

RETURN = r"""
system:
  description: Output of C(system/information).
  returned: when O(gather) contains C(system)
  type: dict
  sample: {device_name: PBX, model_name: P-Series Software Edition, firmware_version: 37.7.0.16, up_time: 241404}
capacity:
  description: Output of C(system/capacity).
  returned: when O(gather) contains C(capacity)
  type: dict
  sample: {extension_capacity: 50, extension_used: 10, cc_capacity: 25, cc_used: 0}
extensions:
  description:
    - Every extension, from all pages of C(extension/list).
    - With O(extension_details=true), the full settings from C(extension/query), secrets masked.
  returned: when O(gather) contains C(extensions)
  type: list
  elements: dict
  sample: [{id: 39, number: "1001", caller_id_name: Front Desk, presence_status: available}]
departments:
  description: Every department, flattened from the tree, with its C(path) from the root.
  returned: when O(gather) contains C(departments)
  type: list
  elements: dict
  sample: [{id: 1, name: Yeastar, parent_id: 0, path: Yeastar}, {id: 5, name: Reception, parent_id: 1, path: Yeastar/Reception}]
roles:
  description: The user roles (IDs and the names O(telephony.pbx.yeastar_extension#module:role) takes).
  returned: when O(gather) contains C(roles)
  type: list
  elements: dict
  sample: [{id: 0, name: None}, {id: 4, name: Employee}]
ring_groups:
  description: Every ring group with its details (members, destinations), read in list pages and query batches of 100.
  returned: when O(gather) contains C(ring_groups)
  type: list
  elements: dict
  sample: [{id: 3, number: "6300", name: Front desk, ring_strategy: sequentially, member_list: []}]
queues:
  description: Every queue with its details (agents, managers, destinations), read in list pages and query batches of 100.
  returned: when O(gather) contains C(queues)
  type: list
  elements: dict
  sample: [{id: 1, number: "6400", name: Support, ring_strategy: linear, static_agent_list: []}]
queue_pause_reasons:
  description: The queue pause reasons (feature code and text).
  returned: when O(gather) contains C(queue_pause_reasons)
  type: list
  elements: dict
  sample: [{code: "*01", reason: Lunch}]
ivrs:
  description:
    - Every IVR with its details (key slots, dial lists), read in list pages and query batches of 100.
    - The prompt password is masked (the PBX masks it too).
  returned: when O(gather) contains C(ivrs)
  type: list
  elements: dict
  sample: [{id: 2, number: "6200", name: Main menu, prompt: default, press1_dest: ring_group, press1_dest_value: "3"}]
pin_lists:
  description: Every PIN list, read in list pages (they hold every field); the PINs masked.
  returned: when O(gather) contains C(pin_lists)
  type: list
  elements: dict
  sample: [{id: 13, name: International, pin_list: "********", enb_record_cdr: 1}]
outbound_routes:
  description:
    - Every outbound route with its details (dial patterns, trunks, members, position), read in list pages and query
      batches of 100; the names are those O(telephony.pbx.yeastar_extension#module:outbound_routes) takes.
    - The single PIN is masked.
  returned: when O(gather) contains C(outbound_routes)
  type: list
  elements: dict
  sample: [{id: 1, name: Local, pos: 1, dial_pattern_list: [{pattern: 9X., strip: 1}], trunk_list: [{id: 8, name: Carrier}]}]
trunks:
  description: Every SIP trunk with its details, read in list pages and query batches of 100; the passwords masked.
  returned: when O(gather) contains C(trunks)
  type: list
  elements: dict
  sample: [{id: 8, name: Carrier, type: register, hostname: sip.carrier.example.com, port: 5060, password: "********"}]
inbound_routes:
  description: Every inbound route with its details (patterns, trunks, default destination, position), read in list pages and
    query batches of 100.
  returned: when O(gather) contains C(inbound_routes)
  type: list
  elements: dict
  sample: [{id: 6, name: Main number, pos: 1, trunk_list: [{id: 8, name: Carrier}], def_dest: extension, def_dest_value: "12"}]
api_requests:
  description: The API requests of this task.
  returned: always
  type: dict
  contains:
    sent:
      description: Requests sent, as C(METHOD endpoint); look-ups the connection answered from its cache are not sent.
      type: list
      elements: str
      returned: always
      sample: [GET extension/search, GET extension/get, POST extension/update]
    planned:
      description: Writes that check mode (or a state that needs no connection) did not send.
      type: list
      elements: str
      returned: always
      sample: []
"""

from ansible_collections.telephony.pbx.plugins.module_utils.engine import mask_secrets
from ansible_collections.telephony.pbx.plugins.module_utils.module import run_module
from ansible_collections.telephony.pbx.plugins.module_utils.spec import Field
from ansible_collections.telephony.pbx.plugins.module_utils.yeastar import YeastarClient
from ansible_collections.telephony.pbx.plugins.module_utils.yeastar_connectivity import (
    InboundRouteAdapter,
    OutboundRouteAdapter,
    TrunkAdapter,
)
from ansible_collections.telephony.pbx.plugins.module_utils.yeastar_ivrs import IVR
from ansible_collections.telephony.pbx.plugins.module_utils.yeastar_pin_lists import PIN_LIST
from ansible_collections.telephony.pbx.plugins.module_utils.yeastar_resources import EXTENSION


def read_extensions(module, client):
    extensions = list(client.pages("extension/list"))
    if module.params["extension_details"]:
        return [mask_secrets(EXTENSION, item) for item in client.query("extension/query", [e["id"] for e in extensions])]
    return extensions


def read_departments(module, client):
    return [dict(id=n["id"], name=n["name"], parent_id=n["parent_id"], path="/".join(n["path"]))
            for n in sorted(client.lookup("department").nodes.values(), key=lambda n: n["path"])]


def every(adapter_class):
    """Every object of a kind as its adapter reads it (list pages, then query batches of 100), secrets masked."""
    return lambda module, client: [mask_secrets(adapter_class.spec, item) for item in adapter_class(client).list()]


def id_name_pairs(table):
    return [dict(id=ident, name=name) for ident, name in sorted(table.by_id.items())]


READERS = {
    "system": lambda module, client: client.read("system/information").get("data", {}),
    "capacity": lambda module, client: client.read("system/capacity").get("data", {}),
    "extensions": read_extensions,
    "departments": read_departments,
    "roles": lambda module, client: id_name_pairs(client.lookup("role")),
    "outbound_routes": every(OutboundRouteAdapter),
    "ring_groups": lambda module, client: client.query(
        "ringgroup/query", [group["id"] for group in client.pages("ringgroup/list")]),
    "queues": lambda module, client: client.query(
        "queue/query", [queue["id"] for queue in client.pages("queue/list", key="queue_list")]),
    "queue_pause_reasons": lambda module, client: list(client.pages("queue_pause_reason/list")),
    "ivrs": lambda module, client: [mask_secrets(IVR, item) for item in client.query(
        "ivr/query", [ivr["id"] for ivr in client.pages("ivr/list")])],
    "pin_lists": lambda module, client: [mask_secrets(PIN_LIST, item) for item in client.pages("pin_list/list")],
    "trunks": every(TrunkAdapter),
    "inbound_routes": every(InboundRouteAdapter),
}
SUBSETS = list(READERS)

FIELDS = [
    Field("gather", "list", elements="str", choices=SUBSETS, default=SUBSETS, doc="What to read."),
    Field("extension_details", "bool", default=False, doc=[
        "Also read every extension's full settings with C(extension/query), in batches of 100."]),
]


def gather(module, client):
    result = dict((subset, READERS[subset](module, client)) for subset in module.params["gather"])
    result.update(changed=False, api_requests=client.report())
    return result


def main():
    run_module(FIELDS, gather, YeastarClient)


if __name__ == "__main__":
    main()
