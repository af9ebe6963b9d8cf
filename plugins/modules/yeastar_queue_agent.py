#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: telephony.pbx contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: yeastar_queue_agent
short_description: Log a queue agent in or out, pause or unpause it, on a Yeastar P-Series PBX
version_added: 0.1.0
author: telephony.pbx maintainers (@telephony-pbx)
description:
  - Logs a dynamic agent (an extension) in to or out of queues, and pauses or unpauses an agent with a reason,
    through the Yeastar P-Series OpenAPI v1.0 (C(agent/login), C(agent/pause)).
  - Reads each queue's C(queue/agent_status) first and sends only what changes, so RV(ignore:changed) tells
    whether the agent's state changed; one request per kind of change covers every queue concerned.
  - This changes an agent's state, not the PBX's configuration, so it is no section of
    M(telephony.pbx.yeastar_config). Which extensions are agents of a queue is M(telephony.pbx.yeastar_queue).
extends_documentation_fragment:
  - telephony.pbx.attributes
  - telephony.pbx.attributes.yeastar
notes:
  - Static agents are always logged in; only dynamic agents log in and out. Any agent may be paused.
  - The PBX reports the text an agent was paused with, not its code; a pause with another reason counts as a
    change.
seealso:
  - module: telephony.pbx.yeastar_queue
  - module: telephony.pbx.yeastar_queue_pause_reasons
options:
  extension:
    description:
      - Extension number of the agent.
    type: str
    required: true
  queues:
    description:
      - 'Numbers of the queues concerned. Default: every queue the extension is an agent of.'
    type: list
    elements: str
  state:
    description:
      - C(logged_in) logs the agent in where it is logged out; C(logged_out) logs it out (which ends a pause).
    type: str
    default: logged_in
    choices:
      - logged_in
      - logged_out
  paused:
    description:
      - 'With O(state=logged_in): C(true) pauses the agent (an agent logging in is paused from the start), C(false) unpauses
        it. Not given: a pause stays as it is.'
    type: bool
  reason:
    description:
      - 'With O(paused=true): the pause reason, by feature code (C(*01)) or text (C(Lunch)). The PBX takes it only with its
        Call Center service.'
    type: str
"""

EXAMPLES = r"""
- name: The pause reasons agents choose from
  telephony.pbx.yeastar_queue_pause_reasons:
    reasons:
      - {code: "*01", reason: Lunch}
      - {code: "*02", reason: Break}

- name: Agent 1002 starts the shift in every queue it belongs to
  telephony.pbx.yeastar_queue_agent:
    extension: "1002"

- name: Agent 1002 goes to lunch in the support queue
  telephony.pbx.yeastar_queue_agent:
    extension: "1002"
    queues: ["6400"]
    paused: true
    reason: Lunch

- name: Back from lunch
  telephony.pbx.yeastar_queue_agent:
    extension: "1002"
    queues: ["6400"]
    paused: false

- name: End of the shift
  telephony.pbx.yeastar_queue_agent:
    extension: "1002"
    state: logged_out
"""

RETURN = r"""
agent:
  description: The agent's state after the task (in check mode, as it would be), per queue.
  returned: success
  type: dict
  contains:
    extension:
      description: The agent's extension number.
      type: str
      returned: success
    queues:
      description: One entry per queue concerned, with C(queue) (its number), C(logged_in), C(paused),
        C(pause_reason) (the text) and C(agent_type) (C(dynamic) or C(static)).
      type: list
      elements: dict
      returned: success
  sample:
    extension: "1002"
    queues: [{queue: "6400", logged_in: true, paused: true, pause_reason: Lunch, agent_type: dynamic}]
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
from ansible_collections.telephony.pbx.plugins.module_utils.yeastar_queues import AGENT_STATES, ensure_agent

FIELDS = [
    Field("extension", required=True, pattern=r"^[0-9]{1,7}$", pattern_hint="digits only, at most 7",
          doc="Extension number of the agent."),
    Field("queues", "list", elements="str", doc=[
        "Numbers of the queues concerned. Default: every queue the extension is an agent of."]),
    Field("state", choices=AGENT_STATES, default="logged_in", doc=[
        "C(logged_in) logs the agent in where it is logged out; C(logged_out) logs it out (which ends a pause)."]),
    Field("paused", "bool", doc=[
        "With O(state=logged_in): C(true) pauses the agent (an agent logging in is paused from the start), "
        "C(false) unpauses it. Not given: a pause stays as it is."]),
    Field("reason", doc=[
        "With O(paused=true): the pause reason, by feature code (C(*01)) or text (C(Lunch)). The PBX takes it "
        "only with its Call Center service."]),
]


def main():
    run_module(FIELDS, lambda module, client: ensure_agent(client, module.params), YeastarClient)


if __name__ == "__main__":
    main()
