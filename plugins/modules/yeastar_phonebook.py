#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: telephony.pbx contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: yeastar_phonebook
short_description: Manage phonebooks (company contact groups) on a Yeastar P-Series PBX
version_added: 0.1.0
author: telephony.pbx maintainers (@telephony-pbx)
description:
  - Creates, updates and deletes phonebooks (company contact groups) through the Yeastar P-Series OpenAPI v1.0.
  - The phonebook is identified by O(name). Only the options given are compared and sent.
  - O(contacts) is the complete membership, compared as a set; the module sends only the contacts to add and
    to remove, the way the API takes them.
  - The same options make the C(phonebooks) section of M(telephony.pbx.yeastar_config).
extends_documentation_fragment:
  - telephony.pbx.attributes
  - telephony.pbx.attributes.yeastar
notes:
  - The API has no setting that shares a phonebook with extensions or departments, so the module has none.
seealso:
  - module: telephony.pbx.yeastar_company_contact
  - module: telephony.pbx.yeastar_config
options:
  name:
    description:
      - Phonebook (company contact group) name; identifies the phonebook.
    type: str
    required: true
  member_select:
    description:
      - 'C(sel_specific): the phonebook holds the contacts in O(contacts); C(sel_all): every company contact.'
      - When the phonebook is created without it, C(sel_specific).
    type: str
    choices:
      - sel_specific
      - sel_all
  contacts:
    description:
      - The company contacts in the phonebook, each written as its first and last name and, when it has a company, the company
        in brackets, for example "Jay Prichett (Closet)" (see M(telephony.pbx.yeastar_company_contact)); the complete list,
        in any order.
      - Only with O(member_select=sel_specific).
    type: list
    elements: str
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
- name: Two supplier contacts
  telephony.pbx.yeastar_company_contact:
    first_name: "{{ item.first }}"
    last_name: "{{ item.last }}"
    company: "{{ item.company }}"
    business_number: "{{ item.number }}"
  loop:
    - {first: Jay, last: Prichett, company: Closet, number: "0015503308"}
    - {first: Joseph, last: Goffin, company: Ticketsales, number: "12354978652"}

- name: The suppliers phonebook holds exactly these contacts
  telephony.pbx.yeastar_phonebook:
    name: Suppliers
    contacts:
      - Jay Prichett (Closet)
      - Joseph Goffin (Ticketsales)

- name: A phonebook of every company contact
  telephony.pbx.yeastar_phonebook:
    name: Everyone
    member_select: sel_all

- name: Remove a phonebook
  telephony.pbx.yeastar_phonebook:
    name: Everyone
    state: absent
"""

RETURN = r"""
phonebook:
  description: The phonebook after the task, as the API holds it; empty after deletion.
  returned: always
  type: dict
  sample:
    id: 5
    name: Suppliers
    member_select: sel_specific
    contacts_list: [{id: 4, contact_name: Jay Prichett, company: Closet}]
    total: 1
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
from ansible_collections.telephony.pbx.plugins.module_utils.yeastar_directory import PhonebookAdapter

FIELDS = module_fields(PhonebookAdapter.spec)


def main():
    run_resource_module(PhonebookAdapter, YeastarClient)


if __name__ == "__main__":
    main()
