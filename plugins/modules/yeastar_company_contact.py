#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: telephony.pbx contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: yeastar_company_contact
short_description: Manage company contacts on a Yeastar P-Series PBX
version_added: 0.1.0
author: telephony.pbx maintainers (@telephony-pbx)
description:
  - Creates, updates and deletes company contacts (the shared address book) through the Yeastar P-Series
    OpenAPI v1.0.
  - The contact is identified by O(first_name), O(last_name) and O(company) together, because the API gives
    contacts no other key a person sees and these three are what the PBX shows. A task that changes one of them is
    about another contact. Phonebooks refer to a contact as "First Last (Company)".
  - Each phone number is an option of its own; only the options given are compared and sent, and a write keeps
    the contact's other numbers.
  - The same options make the C(company_contacts) section of M(telephony.pbx.yeastar_config).
extends_documentation_fragment:
  - telephony.pbx.attributes
  - telephony.pbx.attributes.yeastar
notes:
  - The PBX refuses to delete a contact that a phonebook still holds (errcode 70091); the message names the
    phonebooks. Remove the contact from them first.
  - Two contacts with the same first name, last name and company cannot be told apart; the module refuses to
    act on them and lists their IDs.
seealso:
  - module: telephony.pbx.yeastar_phonebook
  - module: telephony.pbx.yeastar_config
options:
  first_name:
    description:
      - 'First name. With O(last_name) and O(company), identifies the contact: a task that changes any of the three is about
        another contact.'
    type: str
    required: true
  last_name:
    description:
      - 'Last name; part of the contact''s identity. Not given: none.'
    type: str
  company:
    description:
      - 'Company; part of the contact''s identity. Not given: none.'
    type: str
  business_number:
    description:
      - Business number.
      - An empty string removes it. A new contact needs at least one number.
    type: str
  business_number2:
    description:
      - Second business number.
      - An empty string removes it. A new contact needs at least one number.
    type: str
  business_fax:
    description:
      - Business fax number.
      - An empty string removes it. A new contact needs at least one number.
    type: str
  mobile_number:
    description:
      - Mobile number.
      - An empty string removes it. A new contact needs at least one number.
    type: str
  mobile_number2:
    description:
      - Second mobile number.
      - An empty string removes it. A new contact needs at least one number.
    type: str
  home_number:
    description:
      - Home number.
      - An empty string removes it. A new contact needs at least one number.
    type: str
  home_number2:
    description:
      - Second home number.
      - An empty string removes it. A new contact needs at least one number.
    type: str
  home_fax:
    description:
      - Home fax number.
      - An empty string removes it. A new contact needs at least one number.
    type: str
  other_number:
    description:
      - Other number.
      - An empty string removes it. A new contact needs at least one number.
    type: str
  email:
    description:
      - Email address.
      - An empty string clears it.
    type: str
  remark:
    description:
      - Remark.
      - An empty string clears it.
    type: str
  street:
    description:
      - Street.
      - An empty string clears it.
    type: str
  city:
    description:
      - City.
      - An empty string clears it.
    type: str
  province:
    description:
      - State or province (the API's C(state) field).
      - An empty string clears it.
    type: str
  zip_code:
    description:
      - ZIP or postal code.
      - An empty string clears it.
    type: str
  country:
    description:
      - Country.
      - An empty string clears it.
    type: str
  phonebooks:
    description:
      - Names of the phonebooks the contact belongs to; the complete list, in any order. Phonebooks that hold every contact
        (member_select C(sel_all)) hold it anyway and are left out of this list.
      - 'In M(telephony.pbx.yeastar_config) membership is exported as the phonebooks'' C(contacts), and C(replaced) leaves
        this option alone: declare membership on one side only.'
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
- name: A phonebook for suppliers
  telephony.pbx.yeastar_phonebook:
    name: Suppliers

- name: A supplier's contact, in the Suppliers phonebook
  telephony.pbx.yeastar_company_contact:
    first_name: Jay
    last_name: Prichett
    company: Closet
    business_number: "0015503308"
    mobile_number: "15735810000"
    email: jay.prichett@example.com
    city: Baltimore
    country: United States
    phonebooks: [Suppliers]

- name: Change one number; the others stay
  telephony.pbx.yeastar_company_contact:
    first_name: Jay
    last_name: Prichett
    company: Closet
    mobile_number: "15735810001"

- name: Take the contact out of every phonebook
  telephony.pbx.yeastar_company_contact:
    first_name: Jay
    last_name: Prichett
    company: Closet
    phonebooks: []

- name: Remove the contact
  telephony.pbx.yeastar_company_contact:
    first_name: Jay
    last_name: Prichett
    company: Closet
    state: absent
"""

RETURN = r"""
company_contact:
  description: The contact after the task, as the API holds it (numbers in C(number_list)); empty after deletion.
  returned: always
  type: dict
  sample:
    id: 4
    first_name: Jay
    last_name: Prichett
    company: Closet
    number_list: [{num_type: business_number, number: "0015503308"}]
    phonebook_list: [{id: 5, name: Suppliers}]
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
from ansible_collections.telephony.pbx.plugins.module_utils.yeastar_directory import CompanyContactAdapter

FIELDS = module_fields(CompanyContactAdapter.spec)


def main():
    run_resource_module(CompanyContactAdapter, YeastarClient)


if __name__ == "__main__":
    main()
