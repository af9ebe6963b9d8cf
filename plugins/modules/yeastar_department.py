#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: telephony.pbx contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: yeastar_department
short_description: Manage departments on a Yeastar P-Series PBX
version_added: 0.1.0
author: telephony.pbx maintainers (@telephony-pbx)
description:
  - Creates and deletes departments (organization units) through the Yeastar P-Series OpenAPI v1.0.
  - A department is identified by its O(name) and its O(parent); one request reads the whole tree.
  - Department Management must be enabled on the PBX.
extends_documentation_fragment:
  - telephony.pbx.attributes
  - telephony.pbx.attributes.yeastar
seealso:
  - module: telephony.pbx.yeastar_extension
options:
  name:
    description:
      - Department name; with C(parent), identifies the department.
      - It may not contain C(/), which separates the names of a path, nor start or end with spaces.
    type: str
    required: true
  parent:
    description:
      - Parent department, by name or by path such as C(Marketing/Tech Support).
      - Defaults to the root department.
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
- name: Departments of a hotel
  telephony.pbx.yeastar_department:
    name: "{{ item.name }}"
    parent: "{{ item.parent | default(omit) }}"
  loop:
    - name: Reception
    - name: Rooms
    - name: Floor 1
      parent: Rooms

- name: Remove a department
  telephony.pbx.yeastar_department:
    name: Floor 1
    parent: Rooms
    state: absent
"""

RETURN = r"""
department:
  description: The department after the task (C(id), C(name), C(parent_id)); empty after deletion.
  returned: always
  type: dict
  sample:
    id: 5
    name: Reception
    parent_id: 1
operation:
  description: What the task did or, in check mode, would do.
  returned: changed
  type: str
  choices: [create, delete]
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
from ansible_collections.telephony.pbx.plugins.module_utils.yeastar_resources import DepartmentAdapter

FIELDS = module_fields(DepartmentAdapter.spec)


def main():
    run_resource_module(DepartmentAdapter, YeastarClient)


if __name__ == "__main__":
    main()
