#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: telephony.pbx contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: yeastar_hotel_guest
short_description: Check a hotel guest in to or out of a room on a Yeastar P-Series PBX
version_added: 0.1.0
author: telephony.pbx maintainers (@telephony-pbx)
description:
  - The front desk's two operations on a room extension (the manual's hotel scenario), through the Yeastar
    P-Series OpenAPI v1.0.
  - O(state=checked_in) puts the guest on the room's extension (C(extension/update)), that is names, email, mobile,
    presence, voicemail options, the outbound routes the guest may call through, and with O(wakeup_calls) the
    room's whole set of wake-up calls. Only the options given are compared and sent; a second run changes nothing.
  - O(state=checked_out) calls C(hotel/checkout), which clears the room's name, email, mobile number, user
    password, presence status, outbound route permissions, wake-up calls, voicemail messages and call records.
    The options given then describe the vacant room (O(first_name), O(last_name), O(presence_status), voicemail
    options, O(outbound_routes)), set after the checkout where they differ from what it leaves.
  - 'A room counts as vacant, and O(state=checked_out) reports no change and sends no write, when its email and
    mobile number are empty, it has no wake-up call, and its names, presence status and outbound routes are the
    vacant ones: those given, else what C(hotel/checkout) leaves (empty names, C(available), no route).
    The user password, voicemail messages and call records cannot be read through the API and do not count.'
  - The room's extension must exist; M(telephony.pbx.yeastar_config) or the C(telephony.pbx.hotel_rooms) role
    provisions rooms.
extends_documentation_fragment:
  - telephony.pbx.attributes
  - telephony.pbx.attributes.yeastar
notes:
  - A PBX integrated with a hotel PMS (property management system) refuses C(hotel/checkout) with C(70524 CAN'T
    CHECKOUT WHEN PMS CHECKIN); the task fails saying so, having changed nothing. The API offers no way to read
    whether a PMS is integrated, so check mode cannot foresee it.
  - The API has no language setting for an extension (the manual lists none), so the guest's language is not an
    option.
  - Secrets (O(vm_pin)) are compared with what the PBX holds without being shown, and sent only when they differ.
  - In check mode, and with C(--diff), before and after show what the check-in or check-out changes, the wake-up
    calls included.
seealso:
  - module: telephony.pbx.yeastar_wakeup_call
  - module: telephony.pbx.yeastar_extension
options:
  room:
    description:
      - Extension number of the room.
    type: str
    required: true
  state:
    description:
      - C(checked_in) puts the guest's options on the room; C(checked_out) checks the room out unless it is vacant already.
    type: str
    default: checked_in
    choices:
      - checked_in
      - checked_out
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
      - Voicemail PIN. With C(update_password=always) it is compared with the PBX's value without being shown.
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
  outbound_routes:
    description:
      - Names of the outbound routes the extension may use; the complete list.
    type: list
    elements: str
  wakeup_calls:
    description:
      - 'With O(state=checked_in): the room''s whole set of wake-up calls, as O(telephony.pbx.yeastar_wakeup_call#module:alarms)
        takes it; those listed get exactly the options given, the room''s others are deleted. Not given: the wake-up calls
        are left as they are.'
    type: list
    elements: dict
    suboptions:
      alarm_time:
        description:
          - Time the room's phone rings, 24-hour C(HH:MM) (C(7:30) is C(07:30)); with C(extension), identifies the wake-up
            call, so a room has at most one wake-up call at a given time.
        type: str
        required: true
      repeat:
        description:
          - C([never]) rings once (the PBX then deletes the wake-up call), or the days it rings on, such as C([every_monday,
            every_friday]); compared as a set.
          - When the wake-up call is created without it, C([never]).
        type: list
        elements: str
        choices:
          - never
          - every_monday
          - every_tuesday
          - every_wednesday
          - every_thursday
          - every_friday
          - every_saturday
          - every_sunday
      snoozes:
        description:
          - How many times the call rings again when not answered. When the wake-up call is created without it, C(0).
        type: int
        choices:
          - 0
          - 1
          - 2
          - 3
      snooze_interval:
        description:
          - Minutes between the rings again. When the wake-up call is created without it, C(10).
        type: int
      prompt:
        description:
          - Name of the custom prompt played when the guest answers, as listed under PBX Settings > Prompts > Custom Prompts;
            empty plays the hold music (what a new wake-up call gets).
        type: str
"""

EXAMPLES = r"""
- name: Room 102 exists, vacant (a room extension as provisioning leaves it)
  telephony.pbx.yeastar_extension:
    number: "102"
    first_name: Room
    last_name: "102"
    departments: [Yeastar]
    user_password: "{{ vault_room_user_password }}"
    reg_password: "{{ vault_room_sip_password }}"

- name: Ada Lovelace checks in to room 102, with a wake-up call at 07:00
  telephony.pbx.yeastar_hotel_guest:
    room: "102"
    first_name: Ada
    last_name: Lovelace
    email_addr: ada@example.com
    mobile_number: "+441234567890"
    new_vm_notification: with_attach
    wakeup_calls:
      - alarm_time: "07:00"
        snoozes: 2
        snooze_interval: 5

- name: Ada checks out; the room shows as "Room 102" again
  telephony.pbx.yeastar_hotel_guest:
    room: "102"
    state: checked_out
    first_name: Room
    last_name: "102"
    new_vm_notification: "no"
"""

RETURN = r"""
room:
  description: The room's extension after the task, as the API holds it, secrets masked.
  returned: success
  type: dict
  sample:
    id: 7
    number: "102"
    first_name: Ada
    last_name: Lovelace
    email_addr: ada@example.com
    presence_status: available
wakeup_calls:
  description: The room's wake-up calls after the task, as O(wakeup_calls) writes them (options at their default
    left out); empty after a check-out.
  returned: when O(wakeup_calls) is given or O(state=checked_out)
  type: list
  elements: dict
  sample:
    - alarm_time: "07:00"
      snoozes: 2
      snooze_interval: 5
applied:
  description: When a write failed part-way, what was applied before it.
  returned: failure part-way
  type: list
  elements: str
  sample: ["updated extension 102", "created wake-up call 07:00"]
not_applied:
  description: When a write failed part-way, the objects not reached, starting with the one that failed.
  returned: failure part-way
  type: list
  elements: str
  sample: ["wake-up call 07:30"]
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
from ansible_collections.telephony.pbx.plugins.module_utils.spec import Field
from ansible_collections.telephony.pbx.plugins.module_utils.yeastar import YeastarClient
from ansible_collections.telephony.pbx.plugins.module_utils.yeastar_hotel import (
    GUEST_STATES,
    alarm_fields,
    ensure_guest,
    guest_fields,
)
from ansible_collections.telephony.pbx.plugins.module_utils.yeastar_resources import EXTENSION

FIELDS = [
    Field("room", required=True, pattern=r"^[0-9]{1,7}$", pattern_hint="digits only, at most 7",
          doc="Extension number of the room."),
    Field("state", choices=GUEST_STATES, default="checked_in", doc=[
        "C(checked_in) puts the guest's options on the room; C(checked_out) checks the room out unless it is "
        "vacant already."]),
] + guest_fields() + [
    Field("wakeup_calls", "list", elements="dict", options=alarm_fields(), doc=[
        "With O(state=checked_in): the room's whole set of wake-up calls, as O(telephony.pbx.yeastar_wakeup_call#"
        "module:alarms) takes it; those listed get exactly the options given, the room's others are deleted. Not "
        "given: the wake-up calls are left as they are."]),
]


def main():
    run_module(FIELDS, lambda module, client: ensure_guest(client, module.params),
               lambda module: YeastarClient(module, option_name=EXTENSION.option_name))


if __name__ == "__main__":
    main()
