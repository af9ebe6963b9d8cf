#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: telephony.pbx contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: yeastar_call
short_description: Place and control calls on a Yeastar P-Series PBX
version_added: 0.1.0
author: telephony.pbx maintainers (@telephony-pbx)
description:
  - Places a call, accepts or refuses an inbound call under Inbound Call Control, hangs up, holds and unholds,
    mutes and unmutes, transfers (blind or attended), parks, starts, pauses and resumes recording, or plays custom
    prompts, through the Yeastar P-Series OpenAPI v1.0 (C(call/*)).
  - The member acted on is named by its number (O(party)) and, where needed, the call's id; the module finds its
    channel with one C(call/query). O(channel_id) from an event may be given instead.
  - An action, not a state; RV(ignore:changed) is C(true) when the PBX accepted it. In check mode nothing is sent
    and RV(request) says what would be.
extends_documentation_fragment:
  - telephony.pbx.attributes.action_module
  - telephony.pbx.attributes.yeastar
notes:
  - A call to an extension without a registered endpoint, or to an outside number without an outbound route the
    caller may use, is accepted by C(call/dial) and then fails on the PBX (event 30015 Call Failed); a caller
    without a registered endpoint is refused.
  - The PBX refuses an action that does not fit the call's state (hold of an unanswered call, unmute of a member
    not muted) with error 70132, and an unknown channel with 70130.
seealso:
  - module: telephony.pbx.yeastar_info
options:
  action:
    description:
      - What to do. C(dial) places a call from O(caller) to O(callee); C(accept) and C(refuse) decide an inbound call waiting
        under Inbound Call Control (event 30016); C(hangup), C(hold), C(unhold), C(mute), C(unmute), C(park), C(transfer),
        C(record_start), C(record_pause) and C(record_unpause) act on the call member O(party) (or O(channel_id)); C(play_prompt)
        plays custom prompts to O(number).
    type: str
    required: true
    choices:
      - accept
      - dial
      - hangup
      - hold
      - mute
      - park
      - play_prompt
      - record_pause
      - record_start
      - record_unpause
      - refuse
      - transfer
      - unhold
      - unmute
  caller:
    description:
      - 'With O(action=dial): the extension that calls; it needs a registered endpoint.'
    type: str
  callee:
    description:
      - 'With O(action=dial): the number called: an extension, ring group, queue, IVR or parking slot number, or an outside
        number with the dial prefix of an outbound route the caller may use.'
    type: str
  party:
    description:
      - 'The call member acted on, by number: an extension, or the outside number of a trunk leg. C(hold) and C(unhold): the
        member who holds; C(mute): the member muted; C(park): the member parked; C(transfer) C(blind): the member transferred,
        C(attended): the member who transfers; C(hangup): the member hung up.'
      - Found with C(call/query); give O(call_id) too when the number is in several calls or is an outside number.
    type: str
  call_id:
    description:
      - Id of the call (C(call/query), M(telephony.pbx.yeastar_info) C(live_calls), or the events). With O(action=accept)
        or O(action=refuse) it alone finds the waiting inbound call.
    type: str
  channel_id:
    description:
      - The member's channel id as an event reported it (30011, 30016), instead of O(party) and O(call_id).
    type: str
  dial_permission:
    description:
      - Extension whose call permissions the PBX applies instead of the caller's (outbound routes, visibility).
    type: str
  auto_answer:
    description:
      - 'With O(action=dial) or O(action=play_prompt): phones that support it answer without ringing.'
    type: bool
  number:
    description:
      - 'With O(action=transfer): the target (blind, or starting an attended transfer). With O(action=play_prompt): the extension
        or outside number the prompts are played to.'
    type: str
  transfer_type:
    description:
      - 'With O(action=transfer): C(blind) sends O(party) to O(number) at once; C(attended) first calls O(number) while the
        other member waits on hold, then O(attended_operate) decides.'
    type: str
    default: blind
    choices:
      - blind
      - attended
  attended_operate:
    description:
      - 'With O(transfer_type=attended), the second step: C(complete) connects the held member with the target and drops O(party);
        C(abort) ends the call to the target; C(threeway) joins all three; C(swap) switches between the held member and the
        target.'
    type: str
    choices:
      - abort
      - complete
      - threeway
      - swap
  parking_slot:
    description:
      - 'With O(action=park): the slot; by default the PBX picks a free one. Dial the slot to retrieve the call.'
    type: str
  prompts:
    description:
      - 'With O(action=play_prompt): names of custom prompts of the PBX, played in order.'
    type: list
    elements: str
  count:
    description:
      - 'With O(action=play_prompt): how many times to play them.'
    type: int
  volume:
    description:
      - 'With O(action=play_prompt): the volume, 0 to 20.'
    type: int
"""

EXAMPLES = r"""
- name: Extension 1001 calls extension 1002
  telephony.pbx.yeastar_call:
    action: dial
    caller: "1001"
    callee: "1002"
  register: placed

- name: Wait until extension 1002 answers
  telephony.pbx.yeastar_info:
    gather: [live_calls]
  register: live
  until: >-
    live.live_calls | selectattr('call_id', 'eq', placed.call_id) | map(attribute='members') | flatten
    | selectattr('extension', 'defined') | map(attribute='extension') | selectattr('number', 'eq', '1002')
    | selectattr('member_status', 'eq', 'ANSWER') | list | length > 0
  retries: 30
  delay: 2

- name: Put extension 1002 on hold (1001 holds)
  telephony.pbx.yeastar_call:
    action: hold
    party: "1001"
    call_id: "{{ placed.call_id }}"

- name: Take it off hold
  telephony.pbx.yeastar_call:
    action: unhold
    party: "1001"
    call_id: "{{ placed.call_id }}"

- name: Blind-transfer extension 1001 to extension 1003
  telephony.pbx.yeastar_call:
    action: transfer
    party: "1001"
    number: "1003"
    call_id: "{{ placed.call_id }}"

- name: Hang up extension 1001's call
  telephony.pbx.yeastar_call:
    action: hangup
    party: "1001"
    call_id: "{{ placed.call_id }}"
"""

RETURN = r"""
call_id:
  description: Id of the call acted on (of the new call for C(dial)); in check mode, as found by C(call/query).
  returned: success
  type: str
  sample: "1650095575.872"
parking_slot:
  description: With O(action=park), the slot the call was parked in.
  returned: success, when parked
  type: str
  sample: "6000"
request:
  description: The request sent, or in check mode the one that would be sent.
  returned: success
  type: dict
  contains:
    endpoint:
      description: The API endpoint.
      type: str
    body:
      description: The JSON body.
      type: dict
  sample:
    endpoint: call/hold
    body: {channel_id: PJSIP/1001-0000001a}
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

from ansible_collections.telephony.pbx.plugins.module_utils.module import run_module
from ansible_collections.telephony.pbx.plugins.module_utils.yeastar import YeastarClient
from ansible_collections.telephony.pbx.plugins.module_utils.yeastar_calls import FIELDS, run_call_action


def main():
    run_module(FIELDS, lambda module, client: run_call_action(client, module.params), YeastarClient)


if __name__ == "__main__":
    main()
