#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: telephony.pbx contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: yeastar_extension
short_description: Manage extensions on a Yeastar P-Series PBX
version_added: 0.1.0
author: telephony.pbx maintainers (@telephony-pbx)
description:
  - Creates, updates and deletes SIP extensions through the Yeastar P-Series OpenAPI v1.0.
  - The extension is identified by O(number). Only the options given are compared and sent;
    everything else keeps its value on the PBX.
  - Option names are the API's field names, except where the module resolves a name to an ID
    (O(role), O(departments), O(outbound_routes)).
extends_documentation_fragment:
  - telephony.pbx.attributes
  - telephony.pbx.attributes.yeastar
seealso:
  - module: telephony.pbx.yeastar_department
  - module: telephony.pbx.yeastar_info
options:
  number:
    description:
      - Extension number; identifies the extension.
    type: str
    required: true
  type:
    description:
      - Extension type; the API offers only SIP.
    type: str
    default: SIP
    choices:
      - SIP
  first_name:
    description:
      - First name.
    type: str
  last_name:
    description:
      - Last name.
    type: str
  email_addr:
    description:
      - Email address; unique on the PBX. An empty string removes it.
    type: str
  mobile_number:
    description:
      - Mobile number.
    type: str
  user_password:
    description:
      - User (web and Linkus) password, 10 to 63 characters with digits, uppercase and lowercase letters.
      - Required when the extension is created. The PBX never reveals it, so with O(update_password=always) it is sent on
        every run and the task reports a change.
    type: str
  role:
    description:
      - Name of the user role, for example C(Employee) or C(Administrator), as listed by the PBX.
    type: str
  departments:
    description:
      - Departments the extension belongs to, by name, or by path such as C(Marketing/Tech Support) where names repeat. The
        list is the complete membership.
      - Required by the PBX when Department Management is enabled.
    type: list
    elements: str
  title:
    description:
      - Job title.
    type: str
  caller_id:
    description:
      - Caller ID number, at most 31 characters.
    type: str
  reg_name:
    description:
      - SIP registration (authentication) name, at most 63 characters; unique on the PBX.
      - When the extension is created without it, the extension number is used.
    type: str
  reg_password:
    description:
      - SIP registration password, 8 to 63 characters. Required when the extension is created.
      - With O(update_password=always) it is compared with the PBX's value without being shown, and sent only when it differs,
        where the PBX reveals it. The manual's answers carry it empty; against such a PBX (and the emulator) it is sent on
        every run and the task reports a change.
    type: str
  concurrent_registrations:
    description:
      - How many SIP endpoints may register at once. When the extension is created without it, C(1).
    type: int
    choices:
      - 1
      - 2
      - 3
  presence_status:
    description:
      - Current presence status. When the extension is created without it, C(available).
    type: str
    choices:
      - available
      - away
      - business_trip
      - do_not_disturb
      - lunch
      - off_work
  presence_list:
    description:
      - Forwarding and ringing rules per presence status. Only the statuses and keys given are managed; the others keep their
        values on the PBX.
    type: list
    elements: dict
    suboptions:
      status:
        description:
          - Presence status these rules apply to.
        type: str
        required: true
        choices:
          - available
          - away
          - business_trip
          - do_not_disturb
          - lunch
          - off_work
      enb_in_always_forward:
        description:
          - Forward internal calls, always.
        type: bool
      in_always_forward_dest:
        description:
          - Destination type when forwarding internal calls, always.
        type: str
        choices:
          - extension
          - ext_vm
          - ivr
          - ring_group
          - queue
          - group_vm
          - mobile_number
          - external_num
          - play_greeting
          - end_call
      in_always_forward_prefix:
        description:
          - For C(mobile_number) and C(external_num), the dial prefix; for C(play_greeting), how many times the greeting plays
            (1 to 5).
        type: str
      in_always_forward_value:
        description:
          - For C(play_greeting), the prompt file name; for C(extension), C(ivr), C(ring_group), C(queue) and C(group_vm),
            the destination's API ID.
        type: str
      in_always_forward_extension:
        description:
          - For C(extension), the number of the extension to forward to; the module looks up its ID for C(in_always_forward_value)
            (one API field).
        type: str
      in_always_forward_num:
        description:
          - For C(external_num), the external number.
        type: str
      enb_in_no_answer_forward:
        description:
          - Forward internal calls the extension does not answer.
        type: bool
      in_no_answer_forward_dest:
        description:
          - Destination type when forwarding internal calls the extension does not answer.
        type: str
        choices:
          - extension
          - ext_vm
          - ivr
          - ring_group
          - queue
          - group_vm
          - mobile_number
          - external_num
          - play_greeting
          - end_call
      in_no_answer_forward_prefix:
        description:
          - For C(mobile_number) and C(external_num), the dial prefix; for C(play_greeting), how many times the greeting plays
            (1 to 5).
        type: str
      in_no_answer_forward_value:
        description:
          - For C(play_greeting), the prompt file name; for C(extension), C(ivr), C(ring_group), C(queue) and C(group_vm),
            the destination's API ID.
        type: str
      in_no_answer_forward_extension:
        description:
          - For C(extension), the number of the extension to forward to; the module looks up its ID for C(in_no_answer_forward_value)
            (one API field).
        type: str
      in_no_answer_forward_num:
        description:
          - For C(external_num), the external number.
        type: str
      enb_in_busy_forward:
        description:
          - Forward internal calls while the extension is busy.
        type: bool
      in_busy_forward_dest:
        description:
          - Destination type when forwarding internal calls while the extension is busy.
        type: str
        choices:
          - extension
          - ext_vm
          - ivr
          - ring_group
          - queue
          - group_vm
          - mobile_number
          - external_num
          - play_greeting
          - end_call
      in_busy_forward_prefix:
        description:
          - For C(mobile_number) and C(external_num), the dial prefix; for C(play_greeting), how many times the greeting plays
            (1 to 5).
        type: str
      in_busy_forward_value:
        description:
          - For C(play_greeting), the prompt file name; for C(extension), C(ivr), C(ring_group), C(queue) and C(group_vm),
            the destination's API ID.
        type: str
      in_busy_forward_extension:
        description:
          - For C(extension), the number of the extension to forward to; the module looks up its ID for C(in_busy_forward_value)
            (one API field).
        type: str
      in_busy_forward_num:
        description:
          - For C(external_num), the external number.
        type: str
      enb_ex_always_forward:
        description:
          - Forward external calls, always.
        type: bool
      ex_always_forward_dest:
        description:
          - Destination type when forwarding external calls, always.
        type: str
        choices:
          - extension
          - ext_vm
          - ivr
          - ring_group
          - queue
          - group_vm
          - mobile_number
          - external_num
          - play_greeting
          - end_call
      ex_always_forward_prefix:
        description:
          - For C(mobile_number) and C(external_num), the dial prefix; for C(play_greeting), how many times the greeting plays
            (1 to 5).
        type: str
      ex_always_forward_value:
        description:
          - For C(play_greeting), the prompt file name; for C(extension), C(ivr), C(ring_group), C(queue) and C(group_vm),
            the destination's API ID.
        type: str
      ex_always_forward_extension:
        description:
          - For C(extension), the number of the extension to forward to; the module looks up its ID for C(ex_always_forward_value)
            (one API field).
        type: str
      ex_always_forward_num:
        description:
          - For C(external_num), the external number.
        type: str
      enb_ex_no_answer_forward:
        description:
          - Forward external calls the extension does not answer.
        type: bool
      ex_no_answer_forward_dest:
        description:
          - Destination type when forwarding external calls the extension does not answer.
        type: str
        choices:
          - extension
          - ext_vm
          - ivr
          - ring_group
          - queue
          - group_vm
          - mobile_number
          - external_num
          - play_greeting
          - end_call
      ex_no_answer_forward_prefix:
        description:
          - For C(mobile_number) and C(external_num), the dial prefix; for C(play_greeting), how many times the greeting plays
            (1 to 5).
        type: str
      ex_no_answer_forward_value:
        description:
          - For C(play_greeting), the prompt file name; for C(extension), C(ivr), C(ring_group), C(queue) and C(group_vm),
            the destination's API ID.
        type: str
      ex_no_answer_forward_extension:
        description:
          - For C(extension), the number of the extension to forward to; the module looks up its ID for C(ex_no_answer_forward_value)
            (one API field).
        type: str
      ex_no_answer_forward_num:
        description:
          - For C(external_num), the external number.
        type: str
      enb_ex_busy_forward:
        description:
          - Forward external calls while the extension is busy.
        type: bool
      ex_busy_forward_dest:
        description:
          - Destination type when forwarding external calls while the extension is busy.
        type: str
        choices:
          - extension
          - ext_vm
          - ivr
          - ring_group
          - queue
          - group_vm
          - mobile_number
          - external_num
          - play_greeting
          - end_call
      ex_busy_forward_prefix:
        description:
          - For C(mobile_number) and C(external_num), the dial prefix; for C(play_greeting), how many times the greeting plays
            (1 to 5).
        type: str
      ex_busy_forward_value:
        description:
          - For C(play_greeting), the prompt file name; for C(extension), C(ivr), C(ring_group), C(queue) and C(group_vm),
            the destination's API ID.
        type: str
      ex_busy_forward_extension:
        description:
          - For C(extension), the number of the extension to forward to; the module looks up its ID for C(ex_busy_forward_value)
            (one API field).
        type: str
      ex_busy_forward_num:
        description:
          - For C(external_num), the external number.
        type: str
      ring_timeout:
        description:
          - Seconds the extension rings before no-answer handling.
        type: int
      enb_ring_mobile:
        description:
          - Ring the extension's mobile number at the same time.
        type: bool
  presence_mobile_prefix:
    description:
      - Dial prefix for ringing the mobile number simultaneously.
    type: str
  agent_id:
    description:
      - Agent ID announced to queue callers; by default the extension number.
    type: str
  enb_vm:
    description:
      - Enable voicemail.
    type: bool
  enb_vm_pin:
    description:
      - Ask for the voicemail PIN.
    type: bool
  vm_pin:
    description:
      - Voicemail PIN. With O(update_password=always) it is compared with the PBX's value without being shown.
    type: str
  new_vm_notification:
    description:
      - 'Email on new voicemail: C(no), C(with_attach) (message attached) or C(without_attach).'
    type: str
    choices:
      - 'no'
      - with_attach
      - without_attach
  vm_after_notification:
    description:
      - 'After the email: keep unread (C(no)), C(mark_read), or C(delete) (only with C(with_attach)).'
    type: str
    choices:
      - 'no'
      - mark_read
      - delete
  enb_all_reject_mode_for_endpoints:
    description:
      - When one registered endpoint rejects a call, stop ringing the others.
    type: bool
  dtmf_mode:
    description:
      - DTMF mode.
    type: str
    choices:
      - rfc4733
      - info
      - inband
      - auto
  transport:
    description:
      - SIP transport.
    type: str
    choices:
      - udp
      - tcp
      - tls
  enb_qualify:
    description:
      - Send SIP OPTIONS (qualify) to the endpoint.
    type: bool
  enb_t38_support:
    description:
      - Support T.38 fax.
    type: bool
  enb_nat:
    description:
      - Endpoint is behind NAT.
    type: bool
  enb_srtp:
    description:
      - Encrypt voice (SRTP).
    type: bool
  allow_reg_remotely:
    description:
      - Allow registration from outside the local network.
    type: bool
  disable_outb_call:
    description:
      - Forbid outbound (external) calls.
    type: bool
  disable_outb_call_outside_business_hours:
    description:
      - Forbid outbound calls outside business hours.
    type: bool
  disable_international_call:
    description:
      - Forbid international calls.
    type: bool
  outbound_routes:
    description:
      - Names of the outbound routes the extension may use; the complete list.
    type: list
    elements: str
  enb_internal_client:
    description:
      - Enable Linkus (mobile, desktop, web and SDK clients).
    type: bool
  linkus_mobile_codec:
    description:
      - Linkus Mobile codec.
    type: str
    choices:
      - ulaw
      - alaw
      - ilbc
      - g722
      - g729
      - opus
  enb_ice:
    description:
      - Enable ICE for Linkus Mobile.
    type: bool
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
- name: Front desk extension in the Reception department
  telephony.pbx.yeastar_extension:
    number: "1001"
    first_name: Front
    last_name: Desk
    email_addr: frontdesk@example.com
    user_password: "{{ vault_ext_user_password }}"
    reg_password: "{{ vault_ext_reg_password }}"
    role: Employee
    departments:
      - Reception
    enb_vm: true
    vm_pin: "{{ vault_vm_pin }}"

- name: Send unanswered internal calls to voicemail while away
  telephony.pbx.yeastar_extension:
    number: "1001"
    presence_status: away
    presence_list:
      - status: away
        enb_in_no_answer_forward: true
        in_no_answer_forward_dest: ext_vm
        ring_timeout: 20

- name: Room phone; unanswered outside calls go to the front desk
  telephony.pbx.yeastar_extension:
    number: "1101"
    user_password: "{{ vault_room_user_password }}"
    reg_password: "{{ vault_room_sip_password }}"
    departments:
      - Rooms
    presence_list:
      - status: available
        enb_ex_no_answer_forward: true
        ex_no_answer_forward_dest: extension
        ex_no_answer_forward_extension: "1001"

- name: Rotate the SIP password of an existing extension
  telephony.pbx.yeastar_extension:
    number: "1001"
    reg_password: "{{ vault_new_reg_password }}"
    update_password: always

- name: Remove the room phone (nothing refers to it; the front desk cannot go while the room forwards to it)
  telephony.pbx.yeastar_extension:
    number: "1101"
    state: absent
"""

RETURN = r"""
extension:
  description:
    - The extension as the PBX holds it after the task, in API field names, secrets masked.
    - For a new extension, the fields sent and the new O(number)'s C(id).
    - Empty after deletion or when the extension does not exist.
  returned: always
  type: dict
  sample:
    id: 39
    number: "1001"
    first_name: Front
    reg_password: "********"
    presence_status: available
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
from ansible_collections.telephony.pbx.plugins.module_utils.yeastar_resources import ExtensionAdapter

FIELDS = module_fields(ExtensionAdapter.spec)


def main():
    run_resource_module(ExtensionAdapter, YeastarClient)


if __name__ == "__main__":
    main()
