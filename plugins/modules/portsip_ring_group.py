#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: telephony.pbx contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: portsip_ring_group
short_description: Manage ring groups on a PortSIP PBX
version_added: 0.1.0
author: telephony.pbx maintainers (@telephony-pbx)
description:
  - Creates, updates and deletes ring groups through the PortSIP PBX REST API v22.
  - The ring group is identified by O(extension_number). Only the options given are compared and sent;
    everything else keeps its value on the PBX.
  - Members are users by extension number, in ringing order, each with an optional skill level; they are
    written through the ring group's agents endpoint, and only when they differ.
  - M(telephony.pbx.ring_group) manages ring groups of every vendor with one vocabulary.
extends_documentation_fragment:
  - telephony.pbx.attributes
  - telephony.pbx.attributes.portsip
notes:
  - PortSIP cannot change a ring group's extension number; to renumber, delete the ring group and create it
    again.
  - Reading a ring group takes three requests (find by number, the ring group, its members); deleting one takes
    a fourth, C(POST ring_groups/ID/destroy).
options:
  extension_number:
    description:
      - The ring group's extension number (3 to 64 digits); identifies the ring group. Users and ring groups share one number
        space.
      - 'PortSIP cannot change it on an existing ring group: the module never sends it on update.'
    type: str
    required: true
  name:
    description:
      - Ring group name, 1 to 64 characters.
    type: str
  ring_time:
    description:
      - Seconds each member rings. A new ring group gets C(20).
    type: int
  ring_strategy:
    description:
      - C(RING_SIMULTANEOUSLY) rings every available member at once; C(PRIORITIZED_HUNT) rings them one after another in O(members)
        order; C(CYCLIC_HUNT) first the member not rung for the longest time; C(LEAST_WORKED_HUNT) first the member who has
        not answered for the longest time; C(PAGING_INTERCOM) rings all at once with auto answer (a page).
      - The C(SKILL_BASED_ROUTING_*) strategies hunt the same three ways, level by level of the members' C(skill_level), level
        1 first.
      - A new ring group gets C(RING_SIMULTANEOUSLY).
    type: str
    choices:
      - RING_SIMULTANEOUSLY
      - PRIORITIZED_HUNT
      - CYCLIC_HUNT
      - LEAST_WORKED_HUNT
      - PAGING_INTERCOM
      - SKILL_BASED_ROUTING_PRIORITIZED_HUNT
      - SKILL_BASED_ROUTING_CYCLIC_HUNT
      - SKILL_BASED_ROUTING_LEAST_WORKED_HUNT
  skip_busy_member:
    description:
      - 'Skip members who are on a call. A new ring group: C(true).'
    type: bool
  enable_paid:
    description:
      - 'Add the ring group to the P-Asserted-Identity header. A new ring group: C(true).'
    type: bool
  enable_prid:
    description:
      - 'Add the ring group to the Remote-Party-ID header. A new ring group: C(true).'
    type: bool
  extension_number_as_to_header:
    description:
      - 'Use the member''s extension number as the INVITE To header. A new ring group: C(false).'
    type: bool
  no_answer_forward_rule:
    description:
      - 'What happens to a call no member answers. A new ring group gets C({action: HANGUP}).'
    type: dict
    suboptions:
      action:
        description:
          - C(FORWARD_TO_NUMBER) forwards to O(no_answer_forward_rule.number); C(FORWARD_TO_VOICEMAIL) to the group's voicemail;
            C(REPEAT) rings the group again; C(HANGUP) ends the call.
        type: str
        required: true
        choices:
          - FORWARD_TO_NUMBER
          - FORWARD_TO_VOICEMAIL
          - REPEAT
          - HANGUP
      number:
        description:
          - The number to forward to, with C(FORWARD_TO_NUMBER).
        type: str
  night_mode_forward_rule:
    description:
      - 'What happens to a call in night mode. A new ring group gets C({action: HANGUP}).'
    type: dict
    suboptions:
      action:
        description:
          - C(FORWARD_TO_NUMBER) forwards to O(night_mode_forward_rule.number); C(FORWARD_TO_VOICEMAIL) to the group's voicemail;
            C(REPEAT) rings the group again; C(HANGUP) ends the call.
        type: str
        required: true
        choices:
          - FORWARD_TO_NUMBER
          - FORWARD_TO_VOICEMAIL
          - REPEAT
          - HANGUP
      number:
        description:
          - The number to forward to, with C(FORWARD_TO_NUMBER).
        type: str
  outbound_caller_ids:
    description:
      - Caller IDs for calls the ring group places over each trunk; the complete list, in order.
    type: list
    elements: dict
    suboptions:
      provider_id:
        description:
          - The trunk (provider) ID, as PortSIP shows it.
        type: str
        required: true
      caller_id:
        description:
          - The caller ID presented on that trunk.
        type: str
        required: true
      description:
        description:
          - A note on the caller ID.
        type: str
  members:
    description:
      - 'The members, in ringing order: the complete list, compared in order. They are written through the ring group''s agents
        endpoint, and only when they differ from the PBX''s.'
    type: list
    elements: dict
    suboptions:
      extension:
        description:
          - The member's extension number.
        type: str
        required: true
      skill_level:
        description:
          - '1 to 100, default 1: the skill-based strategies ring level 1 first.'
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
- name: Sales ring group, members rung in order, unanswered calls to voicemail
  telephony.pbx.portsip_ring_group:
    extension_number: "600"
    name: Sales
    ring_strategy: PRIORITIZED_HUNT
    ring_time: 25
    members:
      - extension: "101"
      - extension: "102"
    no_answer_forward_rule:
      action: FORWARD_TO_VOICEMAIL

- name: Support ring group by skill level, experienced agents first
  telephony.pbx.portsip_ring_group:
    extension_number: "601"
    name: Support
    ring_strategy: SKILL_BASED_ROUTING_PRIORITIZED_HUNT
    members:
      - extension: "101"
        skill_level: 1
      - extension: "102"
        skill_level: 2
    night_mode_forward_rule:
      action: FORWARD_TO_NUMBER
      number: "5551234"

- name: Remove the support ring group
  telephony.pbx.portsip_ring_group:
    extension_number: "601"
    state: absent
"""

RETURN = r"""
ring_group:
  description: The ring group after the task, as the API holds it (members under C(agents)); empty after deletion.
  returned: always
  type: dict
  sample:
    id: NzAwNTUxOTA5NzczMTQ4MTYw
    extension_number: "600"
    name: Sales
    ring_time: 25
    ring_strategy: PRIORITIZED_HUNT
    agents: [{extension_number: "101", skill_level: 1}, {extension_number: "102", skill_level: 1}]
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
from ansible_collections.telephony.pbx.plugins.module_utils.portsip import PortsipClient
from ansible_collections.telephony.pbx.plugins.module_utils.portsip_ring_groups import PortsipRingGroupAdapter

FIELDS = module_fields(PortsipRingGroupAdapter.spec)


def main():
    run_resource_module(PortsipRingGroupAdapter, PortsipClient)


if __name__ == "__main__":
    main()
