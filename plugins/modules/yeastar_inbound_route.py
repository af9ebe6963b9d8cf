#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: telephony.pbx contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: yeastar_inbound_route
short_description: Manage inbound routes on a Yeastar P-Series PBX
version_added: 0.1.0
author: telephony.pbx maintainers (@telephony-pbx)
description:
  - Creates, updates and deletes inbound routes through the Yeastar P-Series OpenAPI v1.0, with the trunks whose
    calls the route takes, how it matches the called number and the caller, the default destination and the
    distinctive ring.
  - The route is identified by O(name). Only the options given are compared and sent; O(trunks), O(did_patterns),
    O(did_extensions), O(cid_patterns) and O(cid_phonebooks) are compared as sets.
  - The called number matches one of four ways (DID patterns, a pattern naming the extension, a DID range mapped
    onto an extension range, DIDs each mapped to an extension) and the caller one of two (patterns, phonebooks).
    The options given choose the way, and the module sends the API's C(did_option) and C(cid_option) with them.
  - The same options make the C(inbound_routes) section of M(telephony.pbx.yeastar_config).
extends_documentation_fragment:
  - telephony.pbx.attributes
  - telephony.pbx.attributes.yeastar
notes:
  - The OpenAPI reports a route's place in the list but cannot change it; a new route goes last. O(position)
    checks it.
  - Time-based routing (business-hours, outside-hours and holiday destinations) is read only, see
    O(time_based_routing). The OpenAPI reports it in route lists and cannot set it; set it in the web interface.
  - C(docs/connectivity.md) in the collection says which lists are compared in order and which as sets.
seealso:
  - module: telephony.pbx.yeastar_trunk
  - module: telephony.pbx.yeastar_config
options:
  name:
    description:
      - Inbound route name; identifies the route.
    type: str
    required: true
  alert_info:
    description:
      - Alert-Info keyword, so phones ring distinctively for calls of this route.
    type: str
  did_patterns:
    description:
      - 'Called numbers (DID patterns) the route takes, such as C(5503300) or C(55033XX); none: every DID. The complete list,
        compared as a set.'
      - 'One of the four ways to match the called number, with O(did_pattern_to_extension), O(did_range_start) and O(did_range_end),
        and O(did_extensions): give at most one; the route then matches that way (C(did_option) on the wire). A route that
        matches another way keeps it when none is given; it matches by patterns again only with patterns (the PBX requires
        one).'
    type: list
    elements: str
  did_pattern_to_extension:
    description:
      - 'A DID pattern whose digits name the extension to ring, as the web interface writes it (C(did_option) C(pattern_to_ext));
        goes with O(default_destination) C({type: pattern_to_ext}). A pattern with C({{ }}) must be marked C(!unsafe) so Ansible
        does not template it.'
    type: str
  did_range_start:
    description:
      - 'First called number of a DID range mapped one to one onto an extension range (C(did_option) C(range_to_ext)); O(did_range_end)
        goes with it, and O(default_destination) C({type: range_to_ext, range: ''2001-2010''}) names the extensions.'
    type: str
  did_range_end:
    description:
      - Last called number of the DID range of O(did_range_start), not below it.
    type: str
  did_extensions:
    description:
      - 'Called numbers each mapped to an extension (C(did_option) C(pattern_to_ext_list)); goes with O(default_destination)
        C({type: pattern_to_ext_list}). The complete list, compared as a set.'
    type: list
    elements: dict
    suboptions:
      did:
        description:
          - The called number.
        type: str
        required: true
      extension:
        description:
          - Number of the extension it rings.
        type: str
        required: true
  cid_patterns:
    description:
      - 'Caller numbers (patterns) the route takes; none: every caller. The complete list, compared as a set. Not with O(cid_phonebooks).'
    type: list
    elements: str
  cid_phonebooks:
    description:
      - 'Names of phonebooks: the route takes calls from their contacts'' numbers (C(cid_option) C(phonebook)); see M(telephony.pbx.yeastar_phonebook).
        Compared as a set. Not with O(cid_patterns).'
    type: list
    elements: str
  trunks:
    description:
      - Names of the trunks whose calls the route takes; compared as a set. Required when the route is created.
    type: list
    elements: str
  default_destination:
    description:
      - 'Where the route''s calls go, for example C({type: extension, number: ''1001''}), C({type: ring_group, number: ''6300''}),
        C({type: external_num, number: ''5551234'', prefix: ''9''}), C({type: outroute, name: International}) or C({type:
        play_greeting, prompt: Closed.wav, repeat: 2}). Required when the route is created.'
      - 'C(group_vm) and C(conference) take the API ID in C(value) and C(pattern_to_ext) extension groups by API ID: the collection
        manages none of them, and the OpenAPI lists them only in the web interface''s menus.'
    type: dict
    suboptions:
      type:
        description:
          - 'C(disabled) sends no call anywhere; C(end_call) hangs up; C(extension) rings the extension of that C(number);
            C(pattern_to_ext) rings the extension the called number names, among C(extensions) (by number) and C(extension_groups)
            (by API ID: the collection does not manage extension groups); C(range_to_ext) rings the extension of C(range)
            (such as C(2001-2010)) at the place the called number has in the DID range; C(pattern_to_ext_list) rings the extension
            the DID-to-extension list maps the called number to; C(ext_vm) goes to its voicemail; C(ivr), C(ring_group) and
            C(queue) go to the object of that C(number); C(external_num) dials C(number) with the dial C(prefix); C(outroute)
            dials out through the outbound route of that C(name); C(play_greeting) plays C(prompt) C(repeat) times and hangs
            up; C(fax_to_email) takes the call as a fax and mails it; C(group_vm) and C(conference) take the API ID in C(value).'
        type: str
        required: true
        choices:
          - disabled
          - end_call
          - extension
          - pattern_to_ext
          - range_to_ext
          - pattern_to_ext_list
          - ext_vm
          - ivr
          - ring_group
          - queue
          - group_vm
          - conference
          - external_num
          - outroute
          - play_greeting
          - fax_to_email
      number:
        description:
          - Number of the extension, IVR, ring group or queue, or the external number.
        type: str
      prefix:
        description:
          - For C(external_num), the dial prefix (of an outbound route).
        type: str
      prompt:
        description:
          - For C(play_greeting) and C(play_prompt), the file name of the custom prompt.
        type: str
      repeat:
        description:
          - How many times the prompt plays (1 to 5, default 1).
        type: int
      value:
        description:
          - For types known by API ID, that ID.
        type: str
      range:
        description:
          - For C(range_to_ext), the extension range, such as C(2001-2010).
        type: str
      extensions:
        description:
          - For C(pattern_to_ext), the extension numbers calls may ring; compared as a set.
        type: list
        elements: str
      extension_groups:
        description:
          - For C(pattern_to_ext), API IDs of extension groups calls may ring; compared as a set.
        type: list
        elements: str
      name:
        description:
          - For C(outroute), the name of the outbound route.
        type: str
  time_based_routing:
    description:
      - 'Time-based routing as the PBX reports it in its route list: C(time_condition) (C(global), C(route_scope) or C(custom)),
        C(time_condition_value), and the business-hours, outside-hours and holiday destinations with their values, under the
        API''s names. Read only: set it in the web interface; the OpenAPI cannot set it (its create and update take none of
        these fields).'
      - 'Given, it is checked: anything else than what the PBX holds (or, for a new route, anything but C({time_condition:
        disabled})) fails the task before any write. Left out of gathered output while C(time_condition) is C(disabled), so
        gathered output can be declared back unchanged.'
    type: dict
  position:
    description:
      - 'The route''s place in the PBX''s list of inbound routes (1 is matched first). The OpenAPI reports it but cannot set
        it: a new route goes last, so declare routes in order (a O(telephony.pbx.yeastar_config#module:config) section creates
        them in the order given). Given, it is checked: a route elsewhere fails the task before any write, naming where it
        is; move it in the web interface.'
    type: int
  state:
    description:
      - C(present) creates the object or updates the options given; C(absent) deletes it.
    type: str
    default: present
    choices:
      - present
      - absent
"""

EXAMPLES = r"""
- name: Carrier trunk the route takes calls from
  telephony.pbx.yeastar_trunk:
    name: Carrier
    type: register
    hostname: sip.carrier.example.com
    port: 5060
    username: "5503300"
    password: "{{ vault_carrier_password }}"
    auth_name: "5503300"

- name: Reception extension
  telephony.pbx.yeastar_extension:
    number: "1000"
    first_name: Reception
    user_password: "{{ vault_user_password }}"
    reg_password: "{{ vault_sip_password }}"
    departments: [Yeastar]

- name: Calls to the main number ring reception
  telephony.pbx.yeastar_inbound_route:
    name: Main number
    trunks: [Carrier]
    did_patterns: ["5503300"]
    default_destination:
      type: extension
      number: "1000"

- name: Calls to 5503301-5503310 ring extensions 1000-1009, one to one
  telephony.pbx.yeastar_inbound_route:
    name: Direct dial
    trunks: [Carrier]
    did_range_start: "5503301"
    did_range_end: "5503310"
    default_destination:
      type: range_to_ext
      range: 1000-1009

- name: Suppliers' contacts
  telephony.pbx.yeastar_phonebook:
    name: Suppliers

- name: Suppliers calling 5503320 ring reception
  telephony.pbx.yeastar_inbound_route:
    name: Suppliers line
    trunks: [Carrier]
    did_extensions:
      - did: "5503320"
        extension: "1000"
    cid_phonebooks: [Suppliers]
    default_destination:
      type: pattern_to_ext_list

- name: Remove the routes
  telephony.pbx.yeastar_inbound_route:
    name: "{{ item }}"
    state: absent
  loop: [Main number, Direct dial, Suppliers line]
"""

RETURN = r"""
inbound_route:
  description: The inbound route after the task, as the API holds it; empty after deletion.
  returned: always
  type: dict
  sample:
    id: 6
    name: Main number
    pos: 1
    did_option: patterns
    did_pattern_list: [{did_pattern: "5503300"}]
    trunk_list: [{id: 8, name: Carrier, type: register}]
    def_dest: extension
    def_dest_value: "12"
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
from ansible_collections.telephony.pbx.plugins.module_utils.yeastar_connectivity import InboundRouteAdapter

FIELDS = module_fields(InboundRouteAdapter.spec)


def main():
    run_resource_module(InboundRouteAdapter, YeastarClient)


if __name__ == "__main__":
    main()
