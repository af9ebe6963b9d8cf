#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: telephony.pbx contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: yeastar_pin_list
short_description: Manage PIN lists on a Yeastar P-Series PBX
version_added: 0.1.0
author: telephony.pbx maintainers (@telephony-pbx)
description:
  - Creates, updates and deletes PIN lists (the PINs an outbound route may ask callers for) through the Yeastar
    P-Series OpenAPI v1.0.
  - The PIN list is identified by O(name). Only the options given are compared and sent.
  - The same options make the C(pin_lists) section of M(telephony.pbx.yeastar_config).
extends_documentation_fragment:
  - telephony.pbx.attributes
  - telephony.pbx.attributes.yeastar
notes:
  - The PINs are secrets. The PBX answers them in clear; the module never shows them (diffs, results and the
    connection's request log mask them) and, under O(update_password=always), compares them without showing them.
  - Deleting a PIN list an outbound route still uses is refused by the PBX (outbound routes are not managed by the
    collection yet).
seealso:
  - module: telephony.pbx.yeastar_config
options:
  name:
    description:
      - PIN list name, at most 127 characters; identifies the PIN list (outbound routes refer to it by it).
    type: str
    required: true
  pins:
    description:
      - The PINs (digits), each once; the complete list, in any order. Required when the PIN list is created.
      - The PBX reveals them, so with O(update_password=always) they are compared with its list without being shown, and sent
        only when they differ. With the default O(update_password=on_create) they are sent only when the PIN list is created.
      - 'Never shown: diffs, results and logs mask them.'
    type: list
    elements: str
  enb_record_cdr:
    description:
      - Record in the call logs (CDR) which PIN a call used.
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
- name: PINs for international calls
  telephony.pbx.yeastar_pin_list:
    name: International
    pins: "{{ vault_international_pins }}"
    enb_record_cdr: true

- name: Keep the PINs in line with the vault on every run
  telephony.pbx.yeastar_pin_list:
    name: International
    pins: "{{ vault_international_pins }}"
    update_password: always

- name: Remove a PIN list
  telephony.pbx.yeastar_pin_list:
    name: International
    state: absent
"""

RETURN = r"""
pin_list:
  description: The PIN list after the task, as the API holds it, the PINs masked; empty after deletion.
  returned: always
  type: dict
  sample:
    id: 13
    name: International
    pin_list: "********"
    enb_record_cdr: 1
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
from ansible_collections.telephony.pbx.plugins.module_utils.yeastar_pin_lists import PinListAdapter

FIELDS = module_fields(PinListAdapter.spec)


def main():
    run_resource_module(PinListAdapter, YeastarClient)


if __name__ == "__main__":
    main()
