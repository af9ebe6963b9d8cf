#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: telephony.pbx contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: ring_group
short_description: Manage one ring group on a PBX of any supported vendor
version_added: 0.1.0
author: telephony.pbx maintainers (@telephony-pbx)
description:
  - Creates, updates and deletes a ring group with one vocabulary for every vendor, on the PBX of the
    connection's C(ansible_network_os) (C(telephony.pbx.yeastar), C(telephony.pbx.portsip) or C(telephony.pbx.telecomx)).
  - The options are translated to the vendor's module (M(telephony.pbx.yeastar_ring_group),
    M(telephony.pbx.portsip_ring_group), M(telephony.pbx.telecomx_group)), which compares, writes and reports; O(vendor_options) reach it as written.
  - The collection's docs/vendors.md has the table of each vendor's spelling of the options and strategies.
  - M(telephony.pbx.ring_groups) manages a whole set of ring groups in one task.
extends_documentation_fragment:
  - telephony.pbx.attributes
notes:
  - Before and after in the diff are in the neutral vocabulary; a vendor strategy without a neutral name shows
    under O(vendor_options).
options:
  number:
    description:
      - The ring group's number. It identifies the ring group on Yeastar and PortSIP (which cannot change it); on TelecomX,
        where O(name) identifies the group, it may be left out (a group nobody dials).
    type: str
  name:
    description:
      - The ring group's name; identifies the ring group on TelecomX.
    type: str
  strategy:
    description:
      - 'How calls ring the members, in one vocabulary for every vendor: C(ring_all) rings them at once, C(sequential) one
        after another in O(members) order, C(memory_hunt) (Yeastar) adds the next member each O(ring_time), C(cyclic) (PortSIP)
        starts with the member rung least recently, C(least_worked) (PortSIP) with the member who answered least recently,
        C(paging) (PortSIP) pages them all, C(random) (TelecomX) rings them one at a time in random order.'
      - A strategy the vendor lacks is refused before any request, naming the vendor and the strategies it allows. The collection's
        docs/vendors.md has the table of each vendor's spelling.
    type: str
    choices:
      - ring_all
      - sequential
      - memory_hunt
      - cyclic
      - least_worked
      - paging
      - random
  ring_time:
    description:
      - Seconds each member rings (or, with C(ring_all), before the call goes on); the vendor's range applies (Yeastar 5 to
        300, PortSIP 0 or more, TelecomX 0 to forever).
    type: int
  members:
    description:
      - 'Extension numbers of the members, in ringing order: the complete list. PortSIP members get skill level 1; M(telephony.pbx.portsip_ring_group)
        sets other levels.'
    type: list
    elements: str
  vendor_options:
    description:
      - 'Options of the vendor''s own module passed through as written, for what the neutral options do not cover, such as
        C({fail_destination: {type: extension, number: ''1000''}}) for M(telephony.pbx.yeastar_ring_group) or C({enable_paid:
        false}) for M(telephony.pbx.portsip_ring_group). Options the neutral ones already set are refused.'
    type: dict
  state:
    description:
      - C(present) creates the ring group or updates the options given; C(absent) deletes it.
    type: str
    default: present
    choices:
      - present
      - absent
"""

EXAMPLES = r"""
- name: Sales ring group on whichever PBX the host is
  telephony.pbx.ring_group:
    number: "600"
    name: Sales
    strategy: sequential
    ring_time: 25
    members: ["101", "102"]

- name: Remove it
  telephony.pbx.ring_group:
    number: "600"
    state: absent
"""

RETURN = r"""
ring_group:
  description: The ring group after the task, as the vendor's API holds it; empty after deletion.
  returned: always
  type: dict
  sample:
    id: NzAwNTUxOTA5NzczMTQ4MTYw
    extension_number: "600"
    name: Sales
    ring_strategy: PRIORITIZED_HUNT
vendor:
  description: The connection's C(ansible_network_os), which decided the vendor.
  returned: success
  type: str
  sample: telephony.pbx.portsip
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

from ansible_collections.telephony.pbx.plugins.module_utils.module import run_module
from ansible_collections.telephony.pbx.plugins.module_utils.ring_groups import SINGLE_FIELDS, ensure_one, neutral_client

FIELDS = SINGLE_FIELDS


def main():
    run_module(FIELDS, ensure_one, neutral_client)


if __name__ == "__main__":
    main()
