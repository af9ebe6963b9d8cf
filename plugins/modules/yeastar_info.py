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
      - C(queue_status) (every queue's waiting, ringing and active calls and its agents' state, two requests per queue), C(parked_calls)
        and C(live_calls) are read only when named.
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
      - wakeup_calls
      - company_contacts
      - phonebooks
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
      - queue_status
      - parked_calls
      - live_calls
      - wakeup_calls
      - company_contacts
      - phonebooks
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

- name: Who waits in which queue, which agents are free, and the parked calls
  telephony.pbx.yeastar_info:
    gather: [queue_status, parked_calls]
  register: live

- name: Calls in progress and parked calls
  telephony.pbx.yeastar_info:
    gather: [live_calls, parked_calls]
  register: calls

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
queue_status:
  description:
    - Every queue's calls (C(queue/call_status)) and agents (C(queue/agent_status)) at the time of reading.
    - C(agents[].call_status) is 0 unknown, 1 idle, 2 in a call, 3 ringing, 4 new call while in a call, 5 held.
  returned: when O(gather) contains C(queue_status)
  type: list
  elements: dict
  sample: [{id: 3, number: "6400", name: Support, waiting: [{call_id: "1699424450.42", caller_number: "5505501",
            caller_display_name: Leo Ball, callee_number: "6400", callee_display_name: Support, duration: 5}],
            ringing: [], active: [], agents: [{name: Leo Ball, number: "1000", is_login: 1, is_pause: 0,
            call_status: 1, pause_reason: "", agent_type: dynamic}]}]
parked_calls:
  description: The calls parked now (C(call/park_status)).
  returned: when O(gather) contains C(parked_calls)
  type: list
  elements: dict
  sample: [{parker: "2008", parked_party: "2010", parking_slot: "6000", park_time: 60, channel_id: PJSIP/2010-000000a4}]
wakeup_calls:
  description:
    - The rooms (extensions) that have wake-up calls, each with its extension C(number), its C(ext_id) and its
      C(wakeup_call) list as C(wakeupcall/list) answers it.
    - The extension numbers come from the extensions gathered in the same task, else from one more list read.
  returned: when O(gather) contains C(wakeup_calls)
  type: list
  elements: dict
  sample:
    - ext_id: 39
      number: "101"
      wakeup_call:
        - {id: 19, alarm_time: "07:00", repeat_type: never, number_of_snoozes: 2, snooze_duration: 5, alarm_prompt: ""}
company_contacts:
  description: Every company contact with its details (numbers, phonebooks), read in list pages and query batches of 100.
  returned: when O(gather) contains C(company_contacts)
  type: list
  elements: dict
  sample: [{id: 4, first_name: Jay, last_name: Prichett, company: Closet, number_list: [{num_type: business_number, number: "0015503308"}]}]
phonebooks:
  description: Every phonebook with its contacts, read in list pages and query batches of 100.
  returned: when O(gather) contains C(phonebooks)
  type: list
  elements: dict
  sample: [{id: 5, name: Suppliers, member_select: sel_specific, total: 1, contacts_list: [{id: 4, contact_name: Jay Prichett}]}]
live_calls:
  description:
    - The calls in progress (C(call/query)), each with its C(call_id) and C(members); a member is an C(extension),
      C(inbound) or C(outbound) leg with its C(channel_id) and C(member_status).
    - The call ids and member numbers are what M(telephony.pbx.yeastar_call) takes.
  returned: when O(gather) contains C(live_calls)
  type: list
  elements: dict
  sample:
    - call_id: "1650012665.266"
      members:
        - extension: {number: "2000", channel_id: PJSIP/2000-0000008a, member_status: ANSWERED, call_path: ""}
        - outbound: {from: "2000", to: "5503301", trunk_name: carrier, channel_id: PJSIP/trunk-carrier-endpoint-0000008b,
                     member_status: ANSWER, call_path: ""}
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
  description: Every inbound route with its details (matching options, trunks, default destination, position), read in list
    pages and query batches of 100, with the time-based routing the route list reports (C(time_condition) and the
    business-hours, outside-hours and holiday destinations, as returned; the OpenAPI cannot set them).
  returned: when O(gather) contains C(inbound_routes)
  type: list
  elements: dict
  sample: [{id: 6, name: Main number, pos: 1, trunk_list: [{id: 8, name: Carrier}], def_dest: extension, def_dest_value: "12"}]
error:
  description:
    - The PBX's error when it refused a request, in the same shape for every vendor.
  returned: failure
  type: dict
  contains:
    endpoint:
      description: The API endpoint that refused.
      type: str
    errcode:
      description: The PBX's error code, a number for Yeastar, a word such as C(VALIDATE_FAILED) for PortSIP,
        TelecomX's message token (C(access_denied), C(in_use), or the name of the refused field).
      type: raw
    errmsg:
      description: The PBX's error message.
      type: str
    detail:
      description: The PBX's further detail, if any.
      type: str
    invalid:
      description: Fields the PBX found invalid, named by their options, with the reason and the value.
      type: list
      elements: dict
    duplicates:
      description: Fields whose value another object already holds, and which object (C(holder)).
      type: list
      elements: dict
    http_status:
      description: The HTTP status of the error answer (Yeastar's only when it was not in the API's error format).
      type: int
    answer:
      description: The PBX's error answer as it came.
      type: dict
  sample:
    endpoint: extension/create
    errcode: 40003
    errmsg: DUPLICATE KEY VALUE
    detail: null
    invalid: []
    duplicates:
      - field: email_addr
        value: frontdesk@example.com
        holder: extension 1011
    http_status: null
    answer: {errcode: 40003, errmsg: DUPLICATE KEY VALUE}
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
    client.remember_table("extension", client.numbered_table("extension", extensions))
    if module.params["extension_details"]:
        return [mask_secrets(EXTENSION, item) for item in client.query("extension/query", [e["id"] for e in extensions])]
    return extensions


def read_wakeup_calls(module, client):
    """Rooms with wake-up calls, each with its extension number (from the table extensions just listed)."""
    rooms = list(client.pages("wakeupcall/list"))
    if not rooms:
        return []
    numbers = client.names("extension", [room["ext_id"] for room in rooms])
    return [dict(room, number=number) for room, number in zip(rooms, numbers)]


def read_departments(module, client):
    return [dict(id=n["id"], name=n["name"], parent_id=n["parent_id"], path="/".join(n["path"]))
            for n in sorted(client.lookup("department").nodes.values(), key=lambda n: n["path"])]


def every(adapter_class):
    """Every object of a kind as its adapter reads it (list pages, then query batches of 100), secrets masked."""
    return lambda module, client: [mask_secrets(adapter_class.spec, item) for item in adapter_class(client).list()]


def id_name_pairs(table):
    return [dict(id=ident, name=name) for ident, name in sorted(table.by_id.items())]


def read_queue_status(module, client):
    status = []
    for queue in client.pages("queue/list", key="queue_list"):
        calls = client.read("queue/call_status", id=queue["id"])
        agents = client.read("queue/agent_status", id=queue["id"])
        entry = dict(id=queue["id"], number=queue["number"], name=queue["name"], agents=agents.get("data") or [])
        for kind in ("waiting", "ringing", "active"):
            entry[kind] = calls.get(kind + "_list") or []
        status.append(entry)
    return status


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
    "queue_status": read_queue_status,
    "parked_calls": lambda module, client: client.read("call/park_status").get("data") or [],
    "live_calls": lambda module, client: client.read("call/query").get("data") or [],
    "wakeup_calls": read_wakeup_calls,
    "company_contacts": lambda module, client: client.query(
        "company_contact/query", [contact["id"] for contact in client.pages("company_contact/list")]),
    "phonebooks": lambda module, client: client.query(
        "phonebook/query", [phonebook["id"] for phonebook in client.pages("phonebook/list")]),
    "trunks": every(TrunkAdapter),
    "inbound_routes": every(InboundRouteAdapter),
}
SUBSETS = list(READERS)
# What changes from second to second is read only when asked for.
ON_REQUEST = ("queue_status", "parked_calls", "live_calls")

FIELDS = [
    Field("gather", "list", elements="str", choices=SUBSETS, default=[s for s in SUBSETS if s not in ON_REQUEST], doc=[
        "What to read.",
        "C(queue_status) (every queue's waiting, ringing and active calls and its agents' state, two requests per "
        "queue), C(parked_calls) and C(live_calls) are read only when named."]),
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
