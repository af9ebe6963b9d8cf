#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: telephony.pbx contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: yeastar_outbound_route
short_description: Manage outbound routes on a Yeastar P-Series PBX
version_added: 0.1.0
author: telephony.pbx maintainers (@telephony-pbx)
description:
  - Creates, updates and deletes outbound routes through the Yeastar P-Series OpenAPI v1.0, with their dial patterns,
    the trunks calls go out through (in failover order), who may use the route and PIN protection.
  - The route is identified by O(name). Only the options given are compared and sent; O(dial_patterns) and
    O(trunks) are compared in order, O(extensions) and O(departments) as sets.
  - The same options make the C(outbound_routes) section of M(telephony.pbx.yeastar_config).
extends_documentation_fragment:
  - telephony.pbx.attributes
  - telephony.pbx.attributes.yeastar
notes:
  - The OpenAPI reports a route's place in the list but cannot change it; a new route goes last. O(position)
    checks it.
  - Deleting a route an extension or an IVR still uses is refused by the PBX; the task fails and nothing is deleted.
  - C(docs/connectivity.md) in the collection says which lists are compared in order and which as sets.
seealso:
  - module: telephony.pbx.yeastar_trunk
  - module: telephony.pbx.yeastar_pin_list
  - module: telephony.pbx.yeastar_config
options:
  name:
    description:
      - Outbound route name; identifies the route (extensions and IVRs refer to it by it).
    type: str
    required: true
  outbound_cid:
    description:
      - Outbound caller ID of the route; empty leaves it to the trunk.
    type: str
  dial_patterns:
    description:
      - Dial patterns, compared in order; the complete list.
    type: list
    elements: dict
    suboptions:
      pattern:
        description:
          - The pattern dialled numbers match, such as C(9X.) or C(NXXNXXXXXX).
        type: str
        required: true
      strip:
        description:
          - How many leading digits to strip (default 0).
        type: int
        default: 0
      prepend:
        description:
          - Digits to put in front of the number after stripping.
        type: str
  trunks:
    description:
      - 'Names of the trunks calls go out through, in failover order: compared in order.'
    type: list
    elements: str
  extensions:
    description:
      - Extension numbers that may use the route; the complete list, compared as a set. Extension groups in the PBX's list
        are kept as they are.
    type: list
    elements: str
  departments:
    description:
      - Departments (by name, or by path such as C(Sales/EU)) whose extensions may use the route; the complete list, compared
        as a set.
    type: list
    elements: str
  pin_protect:
    description:
      - 'Ask callers for a PIN: C(disable) no, C(single_pin) O(pin), C(pin_list) one of the PINs of O(pin_list). When the
        route is created without it, C(disable).'
    type: str
    choices:
      - disable
      - single_pin
      - pin_list
  pin:
    description:
      - The PIN for O(pin_protect=single_pin). The PBX reveals it, so with O(update_password=always) it is compared without
        being shown and sent only when it differs; with the default O(update_password=on_create) it is sent only when the
        route is created or starts asking for a single PIN (the PBX requires it then).
    type: str
  pin_list:
    description:
      - Name of the PIN list for O(pin_protect=pin_list) (see M(telephony.pbx.yeastar_pin_list)).
    type: str
  position:
    description:
      - 'The route''s place in the PBX''s list of outbound routes (1 is matched first). The OpenAPI reports it but cannot
        set it: a new route goes last, so declare routes in order (a O(telephony.pbx.yeastar_config#module:config) section
        creates them in the order given). Given, it is checked: a route elsewhere fails the task before any write, naming
        where it is; move it in the web interface.'
    type: int
  state:
    description:
      - C(present) creates the object or updates the options given; C(absent) deletes it.
    type: str
    default: present
    choices:
      - present
      - absent
  update_password:
    description:
      - C(on_create) sends secrets only when the object is created, so later runs leave them alone.
      - 'C(always) also manages them on existing objects: secrets the PBX reveals are compared without being shown and sent
        only when they differ; secrets it never reveals are sent on every run.'
    type: str
    default: on_create
    choices:
      - on_create
      - always
"""

EXAMPLES = r"""
- name: Carrier trunk the routes use
  telephony.pbx.yeastar_trunk:
    name: Carrier
    type: register
    hostname: sip.carrier.example.com
    port: 5060
    username: "5503300"
    password: "{{ vault_carrier_password }}"
    auth_name: "5503300"

- name: National calls with a 9 in front, through the carrier
  telephony.pbx.yeastar_outbound_route:
    name: National
    dial_patterns:
      - pattern: 9NXXNXXXXXX
        strip: 1
      - pattern: 91NXXNXXXXXX
        strip: 1
    trunks: [Carrier]
    departments: [Yeastar]

- name: International calls ask for a PIN
  telephony.pbx.yeastar_outbound_route:
    name: International
    dial_patterns:
      - pattern: "9011."
        strip: 1
    trunks: [Carrier]
    pin_protect: single_pin
    pin: "{{ vault_international_pin }}"

- name: Remove the international route
  telephony.pbx.yeastar_outbound_route:
    name: International
    state: absent
"""

RETURN = r"""
outbound_route:
  description: The outbound route after the task, as the API holds it, the PIN masked; empty after deletion.
  returned: always
  type: dict
  sample:
    id: 4
    name: National
    pos: 1
    dial_pattern_list: [{pattern: 9NXXNXXXXXX, strip: 1}]
    trunk_list: [{id: 8, name: Carrier, type: register}]
    pin_protect: disable
operation:
  description: What the task did or, in check mode, would do.
  returned: changed
  type: str
  choices: [create, update, delete]
  sample: update
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
"""

from ansible_collections.telephony.pbx.plugins.module_utils.module import module_fields, run_resource_module
from ansible_collections.telephony.pbx.plugins.module_utils.yeastar import YeastarClient
from ansible_collections.telephony.pbx.plugins.module_utils.yeastar_connectivity import OutboundRouteAdapter

FIELDS = module_fields(OutboundRouteAdapter.spec)


def main():
    run_resource_module(OutboundRouteAdapter, YeastarClient)


if __name__ == "__main__":
    main()
