#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: telephony.pbx contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: ring_groups
short_description: Manage the ring groups of a PBX of any supported vendor as one set
version_added: 0.1.0
author: telephony.pbx maintainers (@telephony-pbx)
description:
  - Declares ring groups with one vocabulary for every vendor, on the PBX of the connection's
    C(ansible_network_os) (C(telephony.pbx.yeastar), C(telephony.pbx.portsip) or C(telephony.pbx.telecomx)), so one task converges a fleet
    of PBXes of different vendors.
  - Each ring group takes the options of M(telephony.pbx.ring_group); they are translated to the vendor's module
    and reconciled by the collection's set engine (the one of M(telephony.pbx.yeastar_config)).
  - The collection's docs/vendors.md has the table of each vendor's spelling of the options and strategies.
  - Ring groups are identified by O(config[].number) on Yeastar and PortSIP and by O(config[].name) on TelecomX.
extends_documentation_fragment:
  - telephony.pbx.attributes
notes:
  - Listing PortSIP ring groups takes two more requests per ring group (its caller IDs and its members), since
    the API has no bulk read of either.
options:
  config:
    description:
      - The ring groups, each with the options of M(telephony.pbx.ring_group) but O(state).
    type: list
    elements: dict
    suboptions:
      number:
        description:
          - The ring group's number. It identifies the ring group on Yeastar and PortSIP (which cannot change it); on TelecomX,
            where C(name) identifies the group, it may be left out (a group nobody dials).
        type: str
      name:
        description:
          - The ring group's name; identifies the ring group on TelecomX.
        type: str
      strategy:
        description:
          - 'How calls ring the members, in one vocabulary for every vendor: C(ring_all) rings them at once, C(sequential)
            one after another in C(members) order, C(memory_hunt) (Yeastar) adds the next member each C(ring_time), C(cyclic)
            (PortSIP) starts with the member rung least recently, C(least_worked) (PortSIP) with the member who answered least
            recently, C(paging) (PortSIP) pages them all, C(random) (TelecomX) rings them one at a time in random order.'
          - A strategy the vendor lacks is refused before any request, naming the vendor and the strategies it allows. The
            collection's docs/vendors.md has the table of each vendor's spelling.
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
          - Seconds each member rings (or, with C(ring_all), before the call goes on); the vendor's range applies (Yeastar
            5 to 300, PortSIP 0 or more, TelecomX 0 to forever).
        type: int
      members:
        description:
          - 'Extension numbers of the members, in ringing order: the complete list. PortSIP members get skill level 1; M(telephony.pbx.portsip_ring_group)
            sets other levels.'
        type: list
        elements: str
      vendor_options:
        description:
          - 'Options of the vendor''s own module passed through as written, for what the neutral options do not cover, such
            as C({fail_destination: {type: extension, number: ''1000''}}) for M(telephony.pbx.yeastar_ring_group) or C({enable_paid:
            false}) for M(telephony.pbx.portsip_ring_group). Options the neutral ones already set are refused.'
        type: dict
  state:
    description:
      - C(merged) creates the declared ring groups that are missing and updates the options given.
      - 'C(replaced) gives the declared ring groups exactly the declared options: the vendor''s other options go back to what
        a new ring group gets.'
      - C(overridden) is C(replaced), and deletes the ring groups not declared.
      - C(deleted) deletes the declared ring groups (their identity suffices), or every ring group when O(config) is an empty
        list.
      - C(gathered) reads every ring group into RV(gathered), in the shape of O(config).
      - C(rendered) returns in RV(rendered) the requests that would create the declared ring groups on a PBX of O(vendor),
        without any connection.
    type: str
    default: merged
    choices:
      - merged
      - replaced
      - overridden
      - deleted
      - gathered
      - rendered
  vendor:
    description:
      - The vendor whose requests O(state=rendered) shows, since it works without a connection. Otherwise the vendor is the
        connection's C(ansible_network_os), and O(vendor), when given, must name the same.
    type: str
    choices:
      - portsip
      - telecomx
      - yeastar
"""

EXAMPLES = r"""
- name: The same ring groups on every PBX of the fleet
  telephony.pbx.ring_groups:
    config:
      - number: "600"
        name: Sales
        strategy: sequential
        members: ["101", "102"]
      - number: "601"
        name: Support
        strategy: ring_all
        ring_time: 30
        members: ["102"]

- name: Read the ring groups in the neutral vocabulary
  telephony.pbx.ring_groups:
    state: gathered
  register: ring_groups_now

- name: Requests a PortSIP PBX would get, without a connection
  telephony.pbx.ring_groups:
    state: rendered
    vendor: portsip
    config:
      - number: "600"
        name: Sales
  delegate_to: localhost
"""

RETURN = r"""
gathered:
  description: With O(state=gathered), every ring group in the shape of O(config).
  returned: when state is gathered
  type: list
  elements: dict
  sample: [{number: "600", name: Sales, strategy: sequential, members: ["101", "102"]}]
rendered:
  description: With O(state=rendered), the requests that would create the declared ring groups.
  returned: when state is rendered
  type: list
  elements: dict
  sample: [{method: POST, endpoint: ring_groups, body: {extension_number: "600", name: Sales}}]
before:
  description: The ring groups before the task, in the neutral vocabulary.
  returned: when state is merged, replaced, overridden or deleted
  type: list
  elements: dict
  sample: [{number: "600", name: Sales, strategy: ring_all, ring_time: 30, members: ["101"]}]
after:
  description: The ring groups after the task (in check mode, as they would be).
  returned: when state is merged, replaced, overridden or deleted
  type: list
  elements: dict
  sample: [{number: "600", name: Sales, strategy: sequential, ring_time: 30, members: ["101", "102"]}]
outcome:
  description: Labels of the ring groups created, updated and deleted, and how many were unchanged.
  returned: when state is merged, replaced, overridden or deleted
  type: dict
  sample: {created: [ring group 600], updated: [], deleted: [], unchanged: 1}
vendor:
  description: The vendor's C(ansible_network_os).
  returned: success
  type: str
  sample: telephony.pbx.yeastar
strategies:
  description: The neutral O(config[].strategy) values the vendor offers; a ring group with another is refused.
  returned: success
  type: list
  elements: str
  sample: [ring_all, sequential]
applied:
  description: When a write failed part-way, what was applied before it.
  returned: failure part-way
  type: list
  elements: str
  sample: ["created ring group 600"]
not_applied:
  description: When a write failed part-way, the objects not reached, starting with the one that failed.
  returned: failure part-way
  type: list
  elements: str
  sample: ["ring group 601"]
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
from ansible_collections.telephony.pbx.plugins.module_utils.ring_groups import SET_FIELDS, neutral_client, reconcile

FIELDS = SET_FIELDS


def main():
    run_module(FIELDS, reconcile, lambda module: neutral_client(module, offline=module.params["state"] == "rendered"),
               required_if=[("state", state, ["config"]) for state in ("merged", "replaced", "overridden", "deleted",
                                                                       "rendered")] + [("state", "rendered", ["vendor"])])


if __name__ == "__main__":
    main()
