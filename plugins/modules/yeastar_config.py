#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: telephony.pbx contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: yeastar_config
short_description: Manage a Yeastar P-Series PBX as code, whole sets of objects in one task
version_added: 0.1.0
author: telephony.pbx maintainers (@telephony-pbx)
description:
  - Reconciles whole sets of objects in one task, the way network resource modules do, with the states
    C(merged), C(replaced), C(overridden), C(deleted), C(gathered), C(rendered) and C(parsed).
  - O(config) holds one section per kind of object (O(config.departments), O(config.extensions)); each item is
    written exactly as the options of the single-object module (M(telephony.pbx.yeastar_department),
    M(telephony.pbx.yeastar_extension)), references by name or number, secrets under the same O(update_password)
    rule. Sections not given are not touched.
  - Departments are created before extensions (parents first), and an extension that forwards to another declared
    extension after it; deletions run in reverse. Nothing is deleted before what replaces it exists, and an object
    that another object still refers to is not deleted; the task fails, naming who refers to it.
  - Each section is read once (list pages, then details in batches of 100) and only objects that differ are
    written, one request each, so an idempotent run over a thousand extensions costs about a dozen requests.
  - A failure part-way reports which objects were applied and which were not (RV(applied), RV(not_applied)); a
    re-run continues from what the PBX holds.
extends_documentation_fragment:
  - telephony.pbx.attributes
  - telephony.pbx.attributes.yeastar
notes:
  - C(docs/pbx-as-code.md) in the collection describes the states in detail, what C(replaced) sends for each option
    not given, and the fields that cannot be reset (secrets, O(config.extensions[].role),
    O(config.extensions[].departments)).
  - Check mode reads the PBX and reports what would change, per object, without writing; creations the PBX would
    refuse (no department while Department Management is on, more extensions than the licence holds) fail in check
    mode as they would in the real run.
seealso:
  - module: telephony.pbx.yeastar_extension
  - module: telephony.pbx.yeastar_department
  - module: telephony.pbx.yeastar_info
options:
  config:
    description:
      - The objects, one section per kind, in the order they are created; deletions run in reverse.
      - Required by every state but C(gathered) and C(parsed).
    type: dict
    suboptions:
      departments:
        description:
          - The departments, each with the options of the single-object module.
          - 'Not given: the departments are not touched. An empty list with O(state=deleted) deletes them all, and with O(state=overridden)
            deletes every department the PBX allows to delete.'
        type: list
        elements: dict
        suboptions:
          name:
            description:
              - Department name; with O(parent), identifies the department.
              - It may not contain C(/), which separates the names of a path, nor start or end with spaces.
            type: str
            required: true
          parent:
            description:
              - Parent department, by name or by path such as C(Marketing/Tech Support).
              - Defaults to the root department.
            type: str
      extensions:
        description:
          - The extensions, each with the options of the single-object module.
          - 'Not given: the extensions are not touched. An empty list with O(state=deleted) deletes them all, and with O(state=overridden)
            deletes every extension the PBX allows to delete.'
        type: list
        elements: dict
        suboptions:
          number:
            description:
              - Extension number; identifies the extension.
            type: str
            required: true
          type:
            description:
              - Extension type; the API offers only SIP.
            type: str
            default: SIP
            choices:
              - SIP
          first_name:
            description:
              - First name.
            type: str
          last_name:
            description:
              - Last name.
            type: str
          email_addr:
            description:
              - Email address; unique on the PBX. An empty string removes it.
            type: str
          mobile_number:
            description:
              - Mobile number.
            type: str
          user_password:
            description:
              - User (web and Linkus) password, 10 to 63 characters with digits, uppercase and lowercase letters.
              - Required when the extension is created. The PBX never reveals it, so with O(update_password=always) it is
                sent on every run and the task reports a change.
            type: str
          role:
            description:
              - Name of the user role, for example C(Employee) or C(Administrator), as listed by the PBX.
            type: str
          departments:
            description:
              - Departments the extension belongs to, by name, or by path such as C(Marketing/Tech Support) where names repeat.
                The list is the complete membership.
              - Required by the PBX when Department Management is enabled.
            type: list
            elements: str
          title:
            description:
              - Job title.
            type: str
          caller_id:
            description:
              - Caller ID number, at most 31 characters.
            type: str
          reg_name:
            description:
              - SIP registration (authentication) name, at most 63 characters; unique on the PBX.
              - When the extension is created without it, the extension number is used.
            type: str
          reg_password:
            description:
              - SIP registration password, 8 to 63 characters. Required when the extension is created.
              - With O(update_password=always) it is compared with the PBX's value without being shown, and sent only when
                it differs.
            type: str
          concurrent_registrations:
            description:
              - How many SIP endpoints may register at once. When the extension is created without it, C(1).
            type: int
            choices:
              - 1
              - 2
              - 3
          presence_status:
            description:
              - Current presence status. When the extension is created without it, C(available).
            type: str
            choices:
              - available
              - away
              - business_trip
              - do_not_disturb
              - lunch
              - off_work
          presence_list:
            description:
              - Forwarding and ringing rules per presence status. Only the statuses and keys given are managed; the others
                keep their values on the PBX.
            type: list
            elements: dict
            suboptions:
              status:
                description:
                  - Presence status these rules apply to.
                type: str
                required: true
                choices:
                  - available
                  - away
                  - business_trip
                  - do_not_disturb
                  - lunch
                  - off_work
              enb_in_always_forward:
                description:
                  - Forward internal calls, always.
                type: bool
              in_always_forward_dest:
                description:
                  - Destination type when forwarding internal calls, always.
                type: str
                choices:
                  - extension
                  - ext_vm
                  - ivr
                  - ring_group
                  - queue
                  - group_vm
                  - mobile_number
                  - external_num
                  - play_greeting
                  - end_call
              in_always_forward_prefix:
                description:
                  - For C(mobile_number) and C(external_num), the dial prefix; for C(play_greeting), how many times the greeting
                    plays (1 to 5).
                type: str
              in_always_forward_value:
                description:
                  - For C(play_greeting), the prompt file name; for C(extension), C(ivr), C(ring_group), C(queue) and C(group_vm),
                    the destination's API ID.
                type: str
              in_always_forward_extension:
                description:
                  - For C(extension), the number of the extension to forward to; the module looks up its ID for O(presence_list[].in_always_forward_value).
                type: str
              in_always_forward_num:
                description:
                  - For C(external_num), the external number.
                type: str
              enb_in_no_answer_forward:
                description:
                  - Forward internal calls the extension does not answer.
                type: bool
              in_no_answer_forward_dest:
                description:
                  - Destination type when forwarding internal calls the extension does not answer.
                type: str
                choices:
                  - extension
                  - ext_vm
                  - ivr
                  - ring_group
                  - queue
                  - group_vm
                  - mobile_number
                  - external_num
                  - play_greeting
                  - end_call
              in_no_answer_forward_prefix:
                description:
                  - For C(mobile_number) and C(external_num), the dial prefix; for C(play_greeting), how many times the greeting
                    plays (1 to 5).
                type: str
              in_no_answer_forward_value:
                description:
                  - For C(play_greeting), the prompt file name; for C(extension), C(ivr), C(ring_group), C(queue) and C(group_vm),
                    the destination's API ID.
                type: str
              in_no_answer_forward_extension:
                description:
                  - For C(extension), the number of the extension to forward to; the module looks up its ID for O(presence_list[].in_no_answer_forward_value).
                type: str
              in_no_answer_forward_num:
                description:
                  - For C(external_num), the external number.
                type: str
              enb_in_busy_forward:
                description:
                  - Forward internal calls while the extension is busy.
                type: bool
              in_busy_forward_dest:
                description:
                  - Destination type when forwarding internal calls while the extension is busy.
                type: str
                choices:
                  - extension
                  - ext_vm
                  - ivr
                  - ring_group
                  - queue
                  - group_vm
                  - mobile_number
                  - external_num
                  - play_greeting
                  - end_call
              in_busy_forward_prefix:
                description:
                  - For C(mobile_number) and C(external_num), the dial prefix; for C(play_greeting), how many times the greeting
                    plays (1 to 5).
                type: str
              in_busy_forward_value:
                description:
                  - For C(play_greeting), the prompt file name; for C(extension), C(ivr), C(ring_group), C(queue) and C(group_vm),
                    the destination's API ID.
                type: str
              in_busy_forward_extension:
                description:
                  - For C(extension), the number of the extension to forward to; the module looks up its ID for O(presence_list[].in_busy_forward_value).
                type: str
              in_busy_forward_num:
                description:
                  - For C(external_num), the external number.
                type: str
              enb_ex_always_forward:
                description:
                  - Forward external calls, always.
                type: bool
              ex_always_forward_dest:
                description:
                  - Destination type when forwarding external calls, always.
                type: str
                choices:
                  - extension
                  - ext_vm
                  - ivr
                  - ring_group
                  - queue
                  - group_vm
                  - mobile_number
                  - external_num
                  - play_greeting
                  - end_call
              ex_always_forward_prefix:
                description:
                  - For C(mobile_number) and C(external_num), the dial prefix; for C(play_greeting), how many times the greeting
                    plays (1 to 5).
                type: str
              ex_always_forward_value:
                description:
                  - For C(play_greeting), the prompt file name; for C(extension), C(ivr), C(ring_group), C(queue) and C(group_vm),
                    the destination's API ID.
                type: str
              ex_always_forward_extension:
                description:
                  - For C(extension), the number of the extension to forward to; the module looks up its ID for O(presence_list[].ex_always_forward_value).
                type: str
              ex_always_forward_num:
                description:
                  - For C(external_num), the external number.
                type: str
              enb_ex_no_answer_forward:
                description:
                  - Forward external calls the extension does not answer.
                type: bool
              ex_no_answer_forward_dest:
                description:
                  - Destination type when forwarding external calls the extension does not answer.
                type: str
                choices:
                  - extension
                  - ext_vm
                  - ivr
                  - ring_group
                  - queue
                  - group_vm
                  - mobile_number
                  - external_num
                  - play_greeting
                  - end_call
              ex_no_answer_forward_prefix:
                description:
                  - For C(mobile_number) and C(external_num), the dial prefix; for C(play_greeting), how many times the greeting
                    plays (1 to 5).
                type: str
              ex_no_answer_forward_value:
                description:
                  - For C(play_greeting), the prompt file name; for C(extension), C(ivr), C(ring_group), C(queue) and C(group_vm),
                    the destination's API ID.
                type: str
              ex_no_answer_forward_extension:
                description:
                  - For C(extension), the number of the extension to forward to; the module looks up its ID for O(presence_list[].ex_no_answer_forward_value).
                type: str
              ex_no_answer_forward_num:
                description:
                  - For C(external_num), the external number.
                type: str
              enb_ex_busy_forward:
                description:
                  - Forward external calls while the extension is busy.
                type: bool
              ex_busy_forward_dest:
                description:
                  - Destination type when forwarding external calls while the extension is busy.
                type: str
                choices:
                  - extension
                  - ext_vm
                  - ivr
                  - ring_group
                  - queue
                  - group_vm
                  - mobile_number
                  - external_num
                  - play_greeting
                  - end_call
              ex_busy_forward_prefix:
                description:
                  - For C(mobile_number) and C(external_num), the dial prefix; for C(play_greeting), how many times the greeting
                    plays (1 to 5).
                type: str
              ex_busy_forward_value:
                description:
                  - For C(play_greeting), the prompt file name; for C(extension), C(ivr), C(ring_group), C(queue) and C(group_vm),
                    the destination's API ID.
                type: str
              ex_busy_forward_extension:
                description:
                  - For C(extension), the number of the extension to forward to; the module looks up its ID for O(presence_list[].ex_busy_forward_value).
                type: str
              ex_busy_forward_num:
                description:
                  - For C(external_num), the external number.
                type: str
              ring_timeout:
                description:
                  - Seconds the extension rings before no-answer handling.
                type: int
              enb_ring_mobile:
                description:
                  - Ring the extension's mobile number at the same time.
                type: bool
          presence_mobile_prefix:
            description:
              - Dial prefix for ringing the mobile number simultaneously.
            type: str
          agent_id:
            description:
              - Agent ID announced to queue callers; by default the extension number.
            type: str
          enb_vm:
            description:
              - Enable voicemail.
            type: bool
          enb_vm_pin:
            description:
              - Ask for the voicemail PIN.
            type: bool
          vm_pin:
            description:
              - Voicemail PIN. With O(update_password=always) it is compared with the PBX's value without being shown.
            type: str
          new_vm_notification:
            description:
              - 'Email on new voicemail: C(no), C(with_attach) (message attached) or C(without_attach).'
            type: str
            choices:
              - 'no'
              - with_attach
              - without_attach
          vm_after_notification:
            description:
              - 'After the email: keep unread (C(no)), C(mark_read), or C(delete) (only with C(with_attach)).'
            type: str
            choices:
              - 'no'
              - mark_read
              - delete
          enb_all_reject_mode_for_endpoints:
            description:
              - When one registered endpoint rejects a call, stop ringing the others.
            type: bool
          dtmf_mode:
            description:
              - DTMF mode.
            type: str
            choices:
              - rfc4733
              - info
              - inband
              - auto
          transport:
            description:
              - SIP transport.
            type: str
            choices:
              - udp
              - tcp
              - tls
          enb_qualify:
            description:
              - Send SIP OPTIONS (qualify) to the endpoint.
            type: bool
          enb_t38_support:
            description:
              - Support T.38 fax.
            type: bool
          enb_nat:
            description:
              - Endpoint is behind NAT.
            type: bool
          enb_srtp:
            description:
              - Encrypt voice (SRTP).
            type: bool
          allow_reg_remotely:
            description:
              - Allow registration from outside the local network.
            type: bool
          disable_outb_call:
            description:
              - Forbid outbound (external) calls.
            type: bool
          disable_outb_call_outside_business_hours:
            description:
              - Forbid outbound calls outside business hours.
            type: bool
          disable_international_call:
            description:
              - Forbid international calls.
            type: bool
          outbound_routes:
            description:
              - Names of the outbound routes the extension may use; the complete list.
            type: list
            elements: str
          enb_internal_client:
            description:
              - Enable Linkus (mobile, desktop, web and SDK clients).
            type: bool
          linkus_mobile_codec:
            description:
              - Linkus Mobile codec.
            type: str
            choices:
              - ulaw
              - alaw
              - ilbc
              - g722
              - g729
              - opus
          enb_ice:
            description:
              - Enable ICE for Linkus Mobile.
            type: bool
  state:
    description:
      - C(merged) creates the declared objects that are missing and updates the options given; options not given keep their
        values on the PBX.
      - 'C(replaced) gives the declared objects exactly the declared options: options not given go back to the value a new
        object gets (C(docs/pbx-as-code.md) in the collection lists each field''s reset value and the fields that cannot be
        reset). Objects not declared are left alone.'
      - C(overridden) is C(replaced), and deletes the objects of each section given that are not declared.
      - C(deleted) deletes the declared objects (their identity options suffice), or every object of a section given as an
        empty list.
      - 'C(gathered) reads the PBX into RV(gathered), in the shape of O(config): every section, or only the sections named
        in O(config); secrets left out, options at their reset value left out.'
      - C(rendered) returns in RV(rendered) the requests that would create the declared objects, without any connection; references
        to other objects stand as placeholders.
      - C(parsed) reads O(running_config) into RV(parsed), without any connection.
    type: str
    default: merged
    choices:
      - merged
      - replaced
      - overridden
      - deleted
      - gathered
      - rendered
      - parsed
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
  running_config:
    description:
      - 'For O(state=parsed): a JSON or YAML text holding a configuration in the shape of O(config), such as an export written
        by C(playbooks/pbx_export.yml) (a C(pbx_config) key) or a registered C(gathered) result.'
    type: str
"""

EXAMPLES = r"""
- name: Rooms of the first floor, in one task
  telephony.pbx.yeastar_config:
    config:
      departments:
        - name: Rooms
        - name: Floor 1
          parent: Rooms
      extensions:
        - number: "101"
          first_name: Room
          last_name: "101"
          departments: [Rooms/Floor 1]
          user_password: "{{ vault_room_user_password }}"
          reg_password: "{{ vault_room_sip_password }}"
    state: merged

- name: Make the PBX's extensions exactly these (undeclared ones are deleted)
  telephony.pbx.yeastar_config:
    config:
      extensions: "{{ pbx_config.extensions }}"
    state: overridden

- name: Delete two extensions by number
  telephony.pbx.yeastar_config:
    config:
      extensions:
        - number: "101"
        - number: "102"
    state: deleted

- name: Read the PBX in the shape of config (an export)
  telephony.pbx.yeastar_config:
    state: gathered
  register: live

- name: The requests that would create the declared objects, with no connection
  telephony.pbx.yeastar_config:
    config:
      departments:
        - name: Rooms
    state: rendered
  register: requests

- name: An export read back into config, with no connection
  telephony.pbx.yeastar_config:
    running_config: "{{ lookup('ansible.builtin.file', 'host_vars/pbx1/pbx_config.yml') }}"
    state: parsed
"""

RETURN = r"""
sections:
  description: Per section given, the objects created, updated and deleted (as labels such as C(extension 1001)),
    and how many were already as declared.
  returned: states merged, replaced, overridden and deleted
  type: dict
  sample:
    extensions: {created: [extension 1001], updated: [extension 1002], deleted: [], unchanged: 118}
before:
  description: The sections given as the PBX held them before the task, in the shape of O(config).
  returned: states merged, replaced, overridden and deleted
  type: dict
  sample: {extensions: [{number: "1001", first_name: Ann}]}
after:
  description: The sections given as the PBX holds them after the task (in check mode, would hold).
  returned: states merged, replaced, overridden and deleted
  type: dict
  sample: {extensions: [{number: "1001", first_name: Anna}]}
gathered:
  description: The PBX in the shape of O(config), secrets and options at their reset value left out, sorted so
    that exports diff cleanly.
  returned: state gathered
  type: dict
  sample: {departments: [{name: Rooms}], extensions: [{number: "101", departments: [Rooms]}]}
rendered:
  description: The requests a run would send to a PBX holding none of the declared objects, secrets masked;
    references to other objects stand as placeholders.
  returned: state rendered
  type: list
  elements: dict
  sample: [{method: POST, endpoint: organization/create, body: {name: Rooms, parent_id: (root department id)}}]
parsed:
  description: O(running_config) in the shape of O(config).
  returned: state parsed
  type: dict
  sample: {extensions: [{number: "101", first_name: Room}]}
applied:
  description: When a write failed part-way, what was applied before it.
  returned: failure part-way
  type: list
  elements: str
  sample: [created department Rooms, created extension 101]
not_applied:
  description: When a write failed part-way, the objects not reached, starting with the one that failed.
  returned: failure part-way
  type: list
  elements: str
  sample: [extension 102, extension 103]
api_requests:
  description: The HTTP requests of the task.
  returned: always
  type: dict
  contains:
    sent:
      description: Requests sent, as C(METHOD endpoint).
      type: list
      elements: str
      returned: always
      sample: [GET organization/list, GET extension/list, GET extension/query, POST extension/create]
    planned:
      description: Writes check mode (and the rendered state) skipped.
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
      description: The PBX's error code.
      type: int
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
      description: The HTTP status, when the answer was not in the API's error format.
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

from ansible_collections.telephony.pbx.plugins.module_utils.module import config_fields, run_config_module
from ansible_collections.telephony.pbx.plugins.module_utils.yeastar import YeastarClient
from ansible_collections.telephony.pbx.plugins.module_utils.yeastar_resources import SECTIONS

FIELDS = config_fields(SECTIONS)


def main():
    run_config_module(SECTIONS, YeastarClient)


if __name__ == "__main__":
    main()
