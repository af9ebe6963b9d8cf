#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: telephony.pbx contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: yeastar_queue_pause_reasons
short_description: Manage the queue pause reasons of a Yeastar P-Series PBX
version_added: 0.1.0
author: telephony.pbx maintainers (@telephony-pbx)
description:
  - Sets the PBX's list of queue pause reasons (feature code and text) through the Yeastar P-Series OpenAPI v1.0.
  - The API writes the list only as a whole (C(queue_pause_reason/update) replaces it), so the module reads it,
    compares it by code, and sends at most one update.
  - The same reasons make the C(queue_pause_reasons) section of M(telephony.pbx.yeastar_config).
extends_documentation_fragment:
  - telephony.pbx.attributes
  - telephony.pbx.attributes.yeastar
notes:
  - Reasons are identified by O(reasons[].code); changing a text keeps its code. Their order on the PBX is not
    managed.
  - An agent paused with a reason keeps showing the text it was paused with.
seealso:
  - module: telephony.pbx.yeastar_queue_agent
  - module: telephony.pbx.yeastar_config
options:
  reasons:
    description:
      - 'With O(state=present), the complete list: reasons not listed are removed, listed ones created or given their text.'
      - With O(state=absent), the reasons to remove, by code; the others stay.
    type: list
    elements: dict
    required: true
    suboptions:
      code:
        description:
          - Feature code of the pause reason, such as C(*01); identifies it. Agents dial it to pause.
        type: str
        required: true
      reason:
        description:
          - Text of the pause reason, such as C(Lunch); needed with O(state=present).
        type: str
  state:
    description:
      - C(present) makes the PBX's list exactly O(reasons); C(absent) removes the reasons listed.
    type: str
    default: present
    choices:
      - present
      - absent
"""

EXAMPLES = r"""
- name: Exactly these pause reasons
  telephony.pbx.yeastar_queue_pause_reasons:
    reasons:
      - {code: "*01", reason: Lunch}
      - {code: "*02", reason: Break}
      - {code: "*05", reason: Training}

- name: Remove one pause reason, keep the others
  telephony.pbx.yeastar_queue_pause_reasons:
    reasons:
      - code: "*05"
    state: absent
"""

RETURN = r"""
reasons:
  description: The pause reasons after the task (in check mode, as they would be), sorted by code.
  returned: success
  type: list
  elements: dict
  sample: [{code: "*01", reason: Lunch}, {code: "*02", reason: Break}]
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

from ansible_collections.telephony.pbx.plugins.module_utils.bulk import Reconciler
from ansible_collections.telephony.pbx.plugins.module_utils.module import run_module
from ansible_collections.telephony.pbx.plugins.module_utils.spec import Field, InputError
from ansible_collections.telephony.pbx.plugins.module_utils.yeastar import YeastarClient
from ansible_collections.telephony.pbx.plugins.module_utils.yeastar_queues import PAUSE_REASON, PauseReasonAdapter

SECTION = "queue_pause_reasons"
FIELDS = [
    Field("reasons", "list", elements="dict", required=True, options=[
        PAUSE_REASON.by_name["code"],
        Field("reason", length=(1, 127), doc="Text of the pause reason, such as C(Lunch); needed with O(state=present)."),
    ], doc=[
        "With O(state=present), the complete list: reasons not listed are removed, listed ones created or given "
        "their text.",
        "With O(state=absent), the reasons to remove, by code; the others stay."]),
    Field("state", choices=["present", "absent"], default="present", doc=[
        "C(present) makes the PBX's list exactly O(reasons); C(absent) removes the reasons listed."]),
]


def converge(module, client):
    params = module.params
    reasons = [dict((key, value) for key, value in item.items() if value is not None) for item in params["reasons"]]
    if params["state"] == "present":
        missing = [item["code"] for item in reasons if not item.get("reason")]
        if missing:
            raise InputError("reasons: %s need%s a reason text with state=present" % (
                ", ".join(missing), "s" if len(missing) == 1 else ""))
        state = "overridden"
    else:
        if not reasons:
            raise InputError("reasons: name the reasons to remove; to remove every reason, use state=present "
                             "with reasons: []")
        state = "deleted"
    result = Reconciler(client, [(SECTION, PauseReasonAdapter)], {SECTION: reasons}, state,
                        "on_create").validated().apply().result()
    return {"changed": result["changed"], "reasons": result["after"][SECTION],
            "diff": {"before": {"reasons": result["before"][SECTION]}, "after": {"reasons": result["after"][SECTION]}},
            "api_requests": client.report()}


def main():
    run_module(FIELDS, converge, YeastarClient)


if __name__ == "__main__":
    main()
