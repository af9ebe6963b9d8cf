#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: telephony.pbx contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: yeastar_ring_group
short_description: Manage ring groups on a Yeastar P-Series PBX
version_added: 0.1.0
author: telephony.pbx maintainers (@telephony-pbx)
description:
  - Creates, updates and deletes ring groups through the Yeastar P-Series OpenAPI v1.0.
  - The ring group is identified by O(number). Only the options given are compared and sent;
    everything else keeps its value on the PBX.
  - "Members are extensions by number, in ringing order; destinations name their target by type and number
    (C({type: queue, number: '6400'})), never by internal ID."
  - The same options make the C(ring_groups) section of M(telephony.pbx.yeastar_config), which manages many
    ring groups in one task.
extends_documentation_fragment:
  - telephony.pbx.attributes
  - telephony.pbx.attributes.yeastar
notes:
  - O(members) is compared in order, since the order decides who rings first with C(sequentially) and
    C(memory_hunt); a number listed twice is refused before any request.
  - Deleting a ring group that another object still routes calls to is refused by the PBX;
    M(telephony.pbx.yeastar_config) names the objects that refer to it before sending anything.
seealso:
  - module: telephony.pbx.yeastar_config
  - module: telephony.pbx.yeastar_extension
options:
  number:
    description:
      - Ring group number; identifies the ring group. Extensions, ring groups, queues and IVRs share one number space on the
        PBX.
    type: str
    required: true
  name:
    description:
      - Ring group name, at most 127 characters.
    type: str
  ring_strategy:
    description:
      - C(ring_all) rings every member at once; C(sequentially) rings them one after another in C(members) order; C(memory_hunt)
        rings the first, then adds the next one each C(ring_timeout).
      - The PBX's C(custom) strategy (a ring delay and timeout per member) is not managed yet.
    type: str
    choices:
      - ring_all
      - sequentially
      - memory_hunt
  ring_timeout:
    description:
      - Seconds before the next member rings or the call goes to C(fail_destination). When the ring group is created without
        it, C(30).
    type: int
  members:
    description:
      - 'Extension numbers of the members, in ringing order: the list is compared in order (it decides who rings first with
        C(sequentially) and C(memory_hunt)), and a number may appear once.'
      - 'The complete list: members not listed are removed. Extension groups as members are not managed yet.'
    type: list
    elements: str
  fail_destination:
    description:
      - 'Where calls go that no member answers within C(ring_timeout), for example C({type: queue, number: ''6400''}) or C({type:
        external_num, number: ''5551234'', prefix: ''9''}).'
    type: dict
    suboptions:
      type:
        description:
          - C(end_call) hangs up; C(extension) rings the extension of that C(number); C(ext_vm) goes to its voicemail; C(ivr),
            C(ring_group) and C(queue) go to the object of that C(number); C(external_num) dials C(number) with the dial C(prefix);
            C(play_greeting) plays C(prompt) C(repeat) times and hangs up; C(group_vm) and C(call_flow) take the API ID in
            C(value).
        type: str
        required: true
        choices:
          - end_call
          - extension
          - ext_vm
          - group_vm
          - ivr
          - call_flow
          - ring_group
          - queue
          - external_num
          - play_greeting
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
  no_agent_online_destination:
    description:
      - Where calls go when no member is online; the same types as C(fail_destination).
    type: dict
    suboptions:
      type:
        description:
          - C(end_call) hangs up; C(extension) rings the extension of that C(number); C(ext_vm) goes to its voicemail; C(ivr),
            C(ring_group) and C(queue) go to the object of that C(number); C(external_num) dials C(number) with the dial C(prefix);
            C(play_greeting) plays C(prompt) C(repeat) times and hangs up; C(group_vm) and C(call_flow) take the API ID in
            C(value).
        type: str
        required: true
        choices:
          - end_call
          - extension
          - ext_vm
          - group_vm
          - ivr
          - call_flow
          - ring_group
          - queue
          - external_num
          - play_greeting
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
  alert_info:
    description:
      - Keyword for the Alert-Info header, so phones can ring distinctively.
    type: str
  welcome_prompt:
    description:
      - Custom prompt file (or music on hold playlist) played before a member answers.
    type: str
  moh:
    description:
      - Music on hold playlist while the call is on hold.
    type: str
  join_prompt:
    description:
      - Custom prompt file played once when the call joins the ring group.
    type: str
  play_full_join_prompt:
    description:
      - Ring the members only after the whole join prompt has played.
    type: bool
  client_unique_ringtone:
    description:
      - Ringtone file for the members' Linkus clients.
    type: str
  enb_miss_call:
    description:
      - Record missed calls in the call logs of the extensions in the failover destination.
    type: bool
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
- name: Front desk ring group, overflowing to the operator's voicemail
  telephony.pbx.yeastar_ring_group:
    number: "6300"
    name: Front desk
    ring_strategy: sequentially
    ring_timeout: 20
    members: ["1000", "1001", "1002"]
    fail_destination:
      type: ext_vm
      number: "1000"

- name: After-hours line rings a mobile number
  telephony.pbx.yeastar_ring_group:
    number: "6301"
    name: After hours
    ring_strategy: ring_all
    members: ["1003"]
    fail_destination:
      type: external_num
      number: "5551234"
      prefix: "9"

- name: Remove a ring group
  telephony.pbx.yeastar_ring_group:
    number: "6301"
    state: absent
"""

RETURN = r"""
ring_group:
  description: The ring group after the task, as the API holds it; empty after deletion.
  returned: always
  type: dict
  sample:
    id: 3
    number: "6300"
    name: Front desk
    ring_strategy: sequentially
    ring_timeout: 20
    member_list: [{value: "12", type: extension}]
    fail_dest: ext_vm
    fail_dest_prefix: ""
    fail_dest_value: "12"
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
from ansible_collections.telephony.pbx.plugins.module_utils.yeastar_call_flow import RingGroupAdapter

FIELDS = module_fields(RingGroupAdapter.spec)


def main():
    run_resource_module(RingGroupAdapter, YeastarClient)


if __name__ == "__main__":
    main()
