#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: telephony.pbx contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: yeastar_wakeup_call
short_description: Manage a hotel room's wake-up calls on a Yeastar P-Series PBX
version_added: 0.1.0
author: telephony.pbx maintainers (@telephony-pbx)
description:
  - Creates, updates and deletes wake-up calls (the manual's alarms, C(wakeupcall/*)) of a room extension through
    the Yeastar P-Series OpenAPI v1.0.
  - One wake-up call is identified by O(extension) and O(alarm_time); only the options given are compared and
    sent.
  - With O(alarms) instead of O(alarm_time), the task declares the whole set of a room's wake-up calls; each gets
    exactly the options listed (those not given at the value a new wake-up call gets), and the room's other
    wake-up calls are deleted after the listed ones are in place. O(alarms=[]) deletes them all.
  - The same options, one wake-up call per item, make the C(wakeup_calls) section of
    M(telephony.pbx.yeastar_config).
extends_documentation_fragment:
  - telephony.pbx.attributes
  - telephony.pbx.attributes.yeastar
notes:
  - 'The manual contradicts itself on how many wake-up calls a room holds: "only one alarm per extension at a time;
    if several are added only the newest takes effect" next to "at most 23 alarms per extension" and examples with
    two alarms on one extension. The module follows the limit and the examples: a room holds up to 23 wake-up
    calls, all of them ring, and the first sentence is read as one alarm per create request. O(alarms) longer than
    23 is refused before any request; the PBX refuses a 24th wake-up call with C(60002).'
  - The manual types the repeat frequency as an integer for create and as a string for update, while every value it
    lists is a word. The module sends a string, the days joined by commas (C(every_monday,every_friday)), and reads
    answers with or without spaces after the commas.
  - A wake-up call with O(repeat=[never]) is deleted by the PBX once it has rung; a later run creates it again.
  - A room has at most one wake-up call at a given time. When the PBX holds several (set up by other means), the
    task manages the first one it lists.
seealso:
  - module: telephony.pbx.yeastar_hotel_guest
  - module: telephony.pbx.yeastar_config
options:
  extension:
    description:
      - Extension number of the room; with O(alarm_time), identifies the wake-up call.
    type: str
    required: true
  alarm_time:
    description:
      - Time the room's phone rings, 24-hour C(HH:MM) (C(7:30) is C(07:30)); with O(extension), identifies the wake-up call,
        so a room has at most one wake-up call at a given time.
    type: str
  repeat:
    description:
      - C([never]) rings once (the PBX then deletes the wake-up call), or the days it rings on, such as C([every_monday, every_friday]);
        compared as a set.
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
  alarms:
    description:
      - 'The room''s whole set of wake-up calls, instead of O(alarm_time) and the options of one wake-up call: those listed
        get exactly the options given, the room''s others are deleted. At most 23.'
      - An empty list deletes every wake-up call of the room.
    type: list
    elements: dict
    suboptions:
      alarm_time:
        description:
          - Time the room's phone rings, 24-hour C(HH:MM) (C(7:30) is C(07:30)); with O(extension), identifies the wake-up
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
- name: Room 101 exists (a room extension)
  telephony.pbx.yeastar_extension:
    number: "101"
    first_name: Room
    last_name: "101"
    departments: [Yeastar]
    user_password: "{{ vault_room_user_password }}"
    reg_password: "{{ vault_room_sip_password }}"

- name: Wake room 101 at 06:30 on weekdays, ringing again twice, five minutes apart
  telephony.pbx.yeastar_wakeup_call:
    extension: "101"
    alarm_time: "06:30"
    repeat: [every_monday, every_tuesday, every_wednesday, every_thursday, every_friday]
    snoozes: 2
    snooze_interval: 5

- name: Room 101 has exactly these wake-up calls; its others are deleted
  telephony.pbx.yeastar_wakeup_call:
    extension: "101"
    alarms:
      - alarm_time: "06:30"
        repeat: [every_monday, every_tuesday, every_wednesday, every_thursday, every_friday]
        snoozes: 2
        snooze_interval: 5
      - alarm_time: "08:00"
        repeat: [every_saturday, every_sunday]

- name: No wake-up call at 08:00 any more
  telephony.pbx.yeastar_wakeup_call:
    extension: "101"
    alarm_time: "08:00"
    state: absent

- name: No wake-up call at all in room 101
  telephony.pbx.yeastar_wakeup_call:
    extension: "101"
    alarms: []
"""

RETURN = r"""
wakeup_call:
  description: With O(alarm_time), the wake-up call after the task, as the API holds it; empty after deletion.
  returned: when O(alarm_time) is given
  type: dict
  sample:
    id: 12
    ext_id: 39
    alarm_time: "06:30"
    repeat_type: every_monday,every_tuesday,every_wednesday,every_thursday,every_friday
    number_of_snoozes: 2
    snooze_duration: 5
    alarm_prompt: ""
wakeup_calls:
  description: With O(alarms), the room's wake-up calls after the task, as O(alarms) writes them (options at their
    default left out).
  returned: when O(alarms) is given
  type: list
  elements: dict
  sample:
    - alarm_time: "06:30"
      repeat: [every_friday, every_monday, every_thursday, every_tuesday, every_wednesday]
      snoozes: 2
      snooze_interval: 5
operation:
  description: With O(alarm_time), what the task did or, in check mode, would do.
  returned: changed
  type: str
  choices: [create, update, delete]
  sample: create
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
      description: The PBX's error code.
      type: int
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
      description: The HTTP status, when the answer was not in the API's error format.
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

from ansible_collections.telephony.pbx.plugins.module_utils.module import STATE, run_module
from ansible_collections.telephony.pbx.plugins.module_utils.spec import Field
from ansible_collections.telephony.pbx.plugins.module_utils.yeastar import YeastarClient
from ansible_collections.telephony.pbx.plugins.module_utils.yeastar_hotel import (
    WAKEUP_CALL,
    alarm_fields,
    ensure_wakeup_calls,
    module_alarm_fields,
)

PER_ALARM = ["alarm_time", "repeat", "snoozes", "snooze_interval", "prompt"]
FIELDS = module_alarm_fields() + [
    Field("alarms", "list", elements="dict", options=alarm_fields(), doc=[
        "The room's whole set of wake-up calls, instead of O(alarm_time) and the options of one wake-up call: "
        "those listed get exactly the options given, the room's others are deleted. At most 23.",
        "An empty list deletes every wake-up call of the room."]),
    STATE,
]


def main():
    run_module(FIELDS, lambda module, client: ensure_wakeup_calls(client, module.params),
               lambda module: YeastarClient(module, option_name=WAKEUP_CALL.option_name),
               required_one_of=[["alarm_time", "alarms"]],
               mutually_exclusive=[["alarms", name] for name in PER_ALARM])


if __name__ == "__main__":
    main()
