#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: telephony.pbx contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: telecomx_group
short_description: Manage groups (ring groups) on a TelecomX PBX
version_added: 0.1.0
author: telephony.pbx maintainers (@telephony-pbx)
description:
  - Creates, updates and deletes TelecomX PBX groups (C(/pbx/group)), the members a call to the group rings and
    the controllers who may pick up, steal, listen in and more on the members' calls.
  - The group is identified by O(name), since its number may be null. Only the options given are compared and
    sent; an update sends only the fields that differ.
  - Members and controllers are written as extension numbers; the module reads the extensions once per task to
    find their ids.
extends_documentation_fragment:
  - telephony.pbx.attributes
  - telephony.pbx.attributes.telecomx
notes:
  - TelecomX refuses to delete a group another dialplan item still points at (a menu, another group's timeout);
    the task then fails naming those items.
  - The user needs the access level MANAGER or OWNER (or RESELLER) to change groups; a VIEWER can only read them.
seealso:
  - plugin: telephony.pbx.telecomx
    plugin_type: httpapi
options:
  name:
    description:
      - Group name; identifies the group (its number may be null, so the number cannot).
    type: str
    required: true
  number:
    description:
      - The number to dial to reach the group. An empty string makes the group not dialable (the API's null).
    type: str
  strategy:
    description:
      - 'How a call to the group rings the members: C(all) at once; C(sequential) one at a time, in the order of O(members),
        for O(ring_time) seconds each; C(random) one at a time in random order.'
      - A new group gets C(all).
    type: str
    choices:
      - all
      - sequential
      - random
  ring_time:
    description:
      - Seconds each member rings (C(sequential), C(random)), or the group rings (C(all)) before the call goes to O(timeout_goto);
        C(0) rings forever. A new group gets 20.
    type: int
  members:
    description:
      - Numbers of the member extensions, in ring order; the complete list. The module looks their ids up in one listing of
        the extensions.
    type: list
    elements: str
  controllers:
    description:
      - Numbers of the extensions that control the group (pick up, steal, listen in... as the permissions below allow); the
        complete list, in any order.
    type: list
    elements: str
  timeout_goto:
    description:
      - Number of the extension or group a call goes to when nobody answers within O(ring_time). An empty string removes it.
    type: str
  start_audio:
    description:
      - Id of the sound item played when a call enters the group; an empty string plays none.
    type: str
  redirect:
    description:
      - A number every call is redirected to before the group rings (to bypass the group quickly, such as a mobile); an empty
        string removes it.
    type: str
  notes:
    description:
      - Notes about the group.
    type: str
  pickup:
    description:
      - Whether the controllers may pick up ringing phones in the group.
    type: bool
  steal:
    description:
      - Whether the controllers may steal an ongoing call from a member extension.
    type: bool
  spy:
    description:
      - Whether the controllers may listen in on an ongoing call on a member extension.
    type: bool
  set_presence:
    description:
      - Whether the controllers may set presence for member extensions (employees).
    type: bool
  queue_member:
    description:
      - Whether the controllers may add member extensions to queues and remove them.
    type: bool
  view_other_party:
    description:
      - Whether the controllers may see who member extensions are on a call with (number and name).
    type: bool
  sms:
    description:
      - Whether the controllers may send group SMS to the group's members.
    type: bool
  read_calendar:
    description:
      - Whether the controllers may read non-private events in the members' calendars.
    type: bool
  write_calendar:
    description:
      - Whether the controllers may create, update and delete events in the members' calendars.
    type: bool
  read_phonebook:
    description:
      - Whether the controllers may read the members' phonebooks.
    type: bool
  write_phonebook:
    description:
      - Whether the controllers may create, update and delete contacts in the members' phonebooks.
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
- name: Support rings its agents one after the other
  telephony.pbx.telecomx_group:
    name: Support
    number: "800"
    strategy: sequential
    ring_time: 20
    members: ["101", "102"]
    controllers: ["103"]
    pickup: true
    view_other_party: true
    notes: Primary support ring group

- name: Overflow takes the calls Support does not answer
  telephony.pbx.telecomx_group:
    name: Support overflow
    number: "801"
    members: ["103"]

- name: Point Support's timeout at the overflow group
  telephony.pbx.telecomx_group:
    name: Support
    timeout_goto: "801"

- name: A pickup group that cannot be dialled
  telephony.pbx.telecomx_group:
    name: Front desk pickup
    number: ""
    members: ["101", "102"]
    controllers: ["101", "102"]
    pickup: true

- name: Remove the pickup group
  telephony.pbx.telecomx_group:
    name: Front desk pickup
    state: absent
"""

RETURN = r"""
group:
  description: The group after the task, as the API holds it (members and controllers as extension ids); empty after
    deletion.
  returned: always
  type: dict
  sample:
    _id: 12345678901234567890ABCD
    type: GROUP
    name: Support
    number: "800"
    strategy: SEQUENTIAL
    ringTime: 20
    members: [123456789012345678900001, 123456789012345678900002]
    controllers: [123456789012345678900003]
    pickup: true
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
from ansible_collections.telephony.pbx.plugins.module_utils.telecomx import TelecomXClient
from ansible_collections.telephony.pbx.plugins.module_utils.telecomx_groups import TelecomXGroupAdapter

FIELDS = module_fields(TelecomXGroupAdapter.spec)


def main():
    run_resource_module(TelecomXGroupAdapter, TelecomXClient)


if __name__ == "__main__":
    main()
