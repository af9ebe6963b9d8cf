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
      pin_lists:
        description:
          - The PIN lists, each with the options of the single-object module.
          - 'Not given: the PIN lists are not touched. An empty list with O(state=deleted) deletes them all, and with O(state=overridden)
            deletes every PIN list the PBX allows to delete.'
        type: list
        elements: dict
        suboptions:
          name:
            description:
              - PIN list name, at most 127 characters; identifies the PIN list (outbound routes refer to it by it).
            type: str
            required: true
          pins:
            description:
              - The PINs (digits), each once; the complete list, in any order. Required when the PIN list is created.
              - The PBX reveals them, so with O(update_password=always) they are compared with its list without being shown,
                and sent only when they differ. With the default O(update_password=on_create) they are sent only when the
                PIN list is created.
              - 'Never shown: diffs, results and logs mask them.'
            type: list
            elements: str
          enb_record_cdr:
            description:
              - Record in the call logs (CDR) which PIN a call used.
            type: bool
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
              - Department name; with C(parent), identifies the department.
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
                it differs, where the PBX reveals it. The manual's answers carry it empty; against such a PBX (and the emulator)
                it is sent on every run and the task reports a change.
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
                  - For C(extension), the number of the extension to forward to; the module looks up its ID for C(in_always_forward_value)
                    (one API field).
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
                  - For C(extension), the number of the extension to forward to; the module looks up its ID for C(in_no_answer_forward_value)
                    (one API field).
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
                  - For C(extension), the number of the extension to forward to; the module looks up its ID for C(in_busy_forward_value)
                    (one API field).
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
                  - For C(extension), the number of the extension to forward to; the module looks up its ID for C(ex_always_forward_value)
                    (one API field).
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
                  - For C(extension), the number of the extension to forward to; the module looks up its ID for C(ex_no_answer_forward_value)
                    (one API field).
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
                  - For C(extension), the number of the extension to forward to; the module looks up its ID for C(ex_busy_forward_value)
                    (one API field).
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
      wakeup_calls:
        description:
          - The wake-up calls, each with the options of the single-object module.
          - 'Not given: the wake-up calls are not touched. An empty list with O(state=deleted) deletes them all, and with
            O(state=overridden) deletes every wake-up call the PBX allows to delete.'
        type: list
        elements: dict
        suboptions:
          extension:
            description:
              - Extension number of the room; with C(alarm_time), identifies the wake-up call.
            type: str
            required: true
          alarm_time:
            description:
              - Time the room's phone rings, 24-hour C(HH:MM) (C(7:30) is C(07:30)); with C(extension), identifies the wake-up
                call, so a room has at most one wake-up call at a given time.
            type: str
            required: true
          repeat:
            description:
              - C([never]) rings once (the PBX then deletes the wake-up call), or the days it rings on, such as C([every_monday,
                every_friday]); compared as a set.
              - When the wake-up call is created without it, C([never]).
            type: list
            elements: str
            choices:
              - never
              - every_monday
              - every_tuesday
              - every_wednesday
              - every_thursday
              - every_friday
              - every_saturday
              - every_sunday
          snoozes:
            description:
              - How many times the call rings again when not answered. When the wake-up call is created without it, C(0).
            type: int
            choices:
              - 0
              - 1
              - 2
              - 3
          snooze_interval:
            description:
              - Minutes between the rings again. When the wake-up call is created without it, C(10).
            type: int
          prompt:
            description:
              - Name of the custom prompt played when the guest answers, as listed under PBX Settings > Prompts > Custom Prompts;
                empty plays the hold music (what a new wake-up call gets).
            type: str
      company_contacts:
        description:
          - The company contacts, each with the options of the single-object module.
          - 'Not given: the company contacts are not touched. An empty list with O(state=deleted) deletes them all, and with
            O(state=overridden) deletes every company contact the PBX allows to delete.'
        type: list
        elements: dict
        suboptions:
          first_name:
            description:
              - 'First name. With C(last_name) and C(company), identifies the contact: a task that changes any of the three
                is about another contact.'
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
              - Names of the phonebooks the contact belongs to; the complete list, in any order. Phonebooks that hold every
                contact (member_select C(sel_all)) hold it anyway and are left out of this list.
              - 'In M(telephony.pbx.yeastar_config) membership is exported as the phonebooks'' C(contacts), and C(replaced)
                leaves this option alone: declare membership on one side only.'
            type: list
            elements: str
      phonebooks:
        description:
          - The phonebooks, each with the options of the single-object module.
          - 'Not given: the phonebooks are not touched. An empty list with O(state=deleted) deletes them all, and with O(state=overridden)
            deletes every phonebook the PBX allows to delete.'
        type: list
        elements: dict
        suboptions:
          name:
            description:
              - Phonebook (company contact group) name; identifies the phonebook.
            type: str
            required: true
          member_select:
            description:
              - 'C(sel_specific): the phonebook holds the contacts in C(contacts); C(sel_all): every company contact.'
              - When the phonebook is created without it, C(sel_specific).
            type: str
            choices:
              - sel_specific
              - sel_all
          contacts:
            description:
              - The company contacts in the phonebook, each written as its first and last name and, when it has a company,
                the company in brackets, for example "Jay Prichett (Closet)" (see M(telephony.pbx.yeastar_company_contact));
                the complete list, in any order.
              - Only with C(member_select=sel_specific).
            type: list
            elements: str
      ring_groups:
        description:
          - The ring groups, each with the options of the single-object module.
          - 'Not given: the ring groups are not touched. An empty list with O(state=deleted) deletes them all, and with O(state=overridden)
            deletes every ring group the PBX allows to delete.'
        type: list
        elements: dict
        suboptions:
          number:
            description:
              - Ring group number; identifies the ring group. Extensions, ring groups, queues and IVRs share one number space
                on the PBX.
            type: str
            required: true
          name:
            description:
              - Ring group name, at most 127 characters.
            type: str
          ring_strategy:
            description:
              - C(ring_all) rings every member at once; C(sequentially) rings them one after another in C(members) order;
                C(memory_hunt) rings the first, then adds the next one each C(ring_timeout).
              - The PBX's C(custom) strategy (a ring delay and timeout per member) is not managed yet.
            type: str
            choices:
              - ring_all
              - sequentially
              - memory_hunt
          ring_timeout:
            description:
              - Seconds before the next member rings or the call goes to C(fail_destination). When the ring group is created
                without it, C(30).
            type: int
          members:
            description:
              - 'Extension numbers of the members, in ringing order: the list is compared in order (it decides who rings first
                with C(sequentially) and C(memory_hunt)), and a number may appear once.'
              - 'The complete list: members not listed are removed. Extension groups as members are not managed yet.'
            type: list
            elements: str
          fail_destination:
            description:
              - 'Where calls go that no member answers within C(ring_timeout), for example C({type: queue, number: ''6400''})
                or C({type: external_num, number: ''5551234'', prefix: ''9''}).'
            type: dict
            suboptions:
              type:
                description:
                  - C(end_call) hangs up; C(extension) rings the extension of that C(number); C(ext_vm) goes to its voicemail;
                    C(ivr), C(ring_group) and C(queue) go to the object of that C(number); C(external_num) dials C(number)
                    with the dial C(prefix); C(play_greeting) plays C(prompt) C(repeat) times and hangs up; C(group_vm) and
                    C(call_flow) take the API ID in C(value).
                type: str
                required: true
                choices:
                  - end_call
                  - extension
                  - ext_vm
                  - group_vm
                  - ivr
                  - call_flow
                  - ring_group
                  - queue
                  - external_num
                  - play_greeting
              number:
                description:
                  - Number of the extension, IVR, ring group or queue, or the external number.
                type: str
              prefix:
                description:
                  - For C(external_num), the dial prefix (of an outbound route).
                type: str
              prompt:
                description:
                  - For C(play_greeting) and C(play_prompt), the file name of the custom prompt.
                type: str
              repeat:
                description:
                  - How many times the prompt plays (1 to 5, default 1).
                type: int
              value:
                description:
                  - For types known by API ID, that ID.
                type: str
          no_agent_online_destination:
            description:
              - Where calls go when no member is online; the same types as C(fail_destination).
            type: dict
            suboptions:
              type:
                description:
                  - C(end_call) hangs up; C(extension) rings the extension of that C(number); C(ext_vm) goes to its voicemail;
                    C(ivr), C(ring_group) and C(queue) go to the object of that C(number); C(external_num) dials C(number)
                    with the dial C(prefix); C(play_greeting) plays C(prompt) C(repeat) times and hangs up; C(group_vm) and
                    C(call_flow) take the API ID in C(value).
                type: str
                required: true
                choices:
                  - end_call
                  - extension
                  - ext_vm
                  - group_vm
                  - ivr
                  - call_flow
                  - ring_group
                  - queue
                  - external_num
                  - play_greeting
              number:
                description:
                  - Number of the extension, IVR, ring group or queue, or the external number.
                type: str
              prefix:
                description:
                  - For C(external_num), the dial prefix (of an outbound route).
                type: str
              prompt:
                description:
                  - For C(play_greeting) and C(play_prompt), the file name of the custom prompt.
                type: str
              repeat:
                description:
                  - How many times the prompt plays (1 to 5, default 1).
                type: int
              value:
                description:
                  - For types known by API ID, that ID.
                type: str
          alert_info:
            description:
              - Keyword for the Alert-Info header, so phones can ring distinctively.
            type: str
          welcome_prompt:
            description:
              - Custom prompt file (or music on hold playlist) played before a member answers.
            type: str
          moh:
            description:
              - Music on hold playlist while the call is on hold.
            type: str
          join_prompt:
            description:
              - Custom prompt file played once when the call joins the ring group.
            type: str
          play_full_join_prompt:
            description:
              - Ring the members only after the whole join prompt has played.
            type: bool
          client_unique_ringtone:
            description:
              - Ringtone file for the members' Linkus clients.
            type: str
          enb_miss_call:
            description:
              - Record missed calls in the call logs of the extensions in the failover destination.
            type: bool
      queues:
        description:
          - The queues, each with the options of the single-object module.
          - 'Not given: the queues are not touched. An empty list with O(state=deleted) deletes them all, and with O(state=overridden)
            deletes every queue the PBX allows to delete.'
        type: list
        elements: dict
        suboptions:
          number:
            description:
              - Queue number; identifies the queue. Extensions, ring groups, queues and IVRs share one number space on the
                PBX.
            type: str
            required: true
          name:
            description:
              - Queue name. Required to create the queue.
            type: str
          ring_strategy:
            description:
              - C(ring_all) rings every agent at once; C(least_recent) the agent called least recently; C(fewest_calls) the
                agent with the fewest answered calls; C(random) a random agent; C(rrmemory) round robin with memory; C(linear)
                the agents in order. Required to create the queue.
            type: str
            choices:
              - ring_all
              - least_recent
              - fewest_calls
              - random
              - rrmemory
              - linear
          enb_queue_skill_based_routing:
            description:
              - Route calls by agent skill level, highest first; the ring strategy applies among agents of one level.
              - 'The PBX accepts it but never reports it: when given, it is sent on every run and the task reports a change.
                It is left out of C(gathered).'
            type: bool
          static_agents:
            description:
              - 'Static agents: always logged in to the queue.'
              - 'Extension numbers, compared in order: with C(ring_strategy=linear) the agents ring in this order. The complete
                list: agents not listed are removed. A number may appear once, and not both among the static and the dynamic
                agents (the PBX refuses that).'
              - 'Skill levels are not managed: agents the list keeps keep theirs, new ones get the PBX''s default (1).'
            type: list
            elements: str
          dynamic_agents:
            description:
              - 'Dynamic agents: they log in and out (M(telephony.pbx.yeastar_queue_agent)).'
              - 'Extension numbers, compared in order: with C(ring_strategy=linear) the agents ring in this order. The complete
                list: agents not listed are removed. A number may appear once, and not both among the static and the dynamic
                agents (the PBX refuses that).'
              - 'Skill levels are not managed: agents the list keeps keep theirs, new ones get the PBX''s default (1).'
            type: list
            elements: str
          managers:
            description:
              - 'Extension numbers of the queue managers (they get the queue''s e-mail notifications), compared as a set.
                The complete list: managers not listed are removed.'
            type: list
            elements: str
          moh:
            description:
              - 'Music on hold playlist callers hear while they wait: C(default) or a playlist name.'
            type: str
          max_wait_time:
            description:
              - Longest a caller waits for an agent, in seconds; C(0) for no limit.
            type: int
          fail_destination:
            description:
              - 'Where calls go when they leave the queue (wait time over, no agents), for example C({type: ext_vm, number:
                ''1000''}) or C({type: play_greeting, prompt: closed.wav, repeat: 2}). Required to create the queue.'
            type: dict
            suboptions:
              type:
                description:
                  - C(end_call) hangs up; C(extension) rings the extension of that C(number); C(ext_vm) goes to its voicemail;
                    C(ivr), C(ring_group) and C(queue) go to the object of that C(number); C(external_num) dials C(number)
                    with the dial C(prefix); C(play_greeting) plays C(prompt) C(repeat) times and hangs up; C(group_vm) takes
                    the API ID in C(value).
                type: str
                required: true
                choices:
                  - end_call
                  - extension
                  - ext_vm
                  - group_vm
                  - ivr
                  - ring_group
                  - queue
                  - external_num
                  - play_greeting
              number:
                description:
                  - Number of the extension, IVR, ring group or queue, or the external number.
                type: str
              prefix:
                description:
                  - For C(external_num), the dial prefix (of an outbound route).
                type: str
              prompt:
                description:
                  - For C(play_greeting) and C(play_prompt), the file name of the custom prompt.
                type: str
              repeat:
                description:
                  - How many times the prompt plays (1 to 5, default 1).
                type: int
              value:
                description:
                  - For types known by API ID, that ID.
                type: str
          agent_timeout:
            description:
              - Seconds an agent rings before the next one does.
            type: int
          retry_time:
            description:
              - Seconds to wait after an agent's ring timed out before ringing the next agent.
            type: int
          wrap_up_time:
            description:
              - Seconds an agent gets after a queue call before the next one.
            type: int
          enb_ring_in_use:
            description:
              - Offer queue calls to agents already on a call.
            type: bool
          agent_prompt:
            description:
              - Custom prompt played to the agent on answering a queue call.
            type: str
          enb_auto_pause:
            description:
              - Pause an agent (and e-mail them) after C(max_pause_miss_call) missed calls in a row.
            type: bool
          max_pause_miss_call:
            description:
              - Missed calls in a row that pause an agent (1 to 5); needed when C(enb_auto_pause) is on.
            type: int
          max_calls:
            description:
              - Most calls that may wait in the queue (1 to 9999).
            type: int
          alert_info:
            description:
              - Keyword for the Alert-Info header, so phones can ring distinctively.
            type: str
          enb_leave_empty:
            description:
              - Send waiting calls to C(fail_destination) when the queue has no agents.
            type: bool
          leave_empty_scenarios:
            description:
              - What counts as no agents for C(enb_leave_empty).
              - 'C(unregistered): every agent is offline; C(paused): every agent is paused; C(in_use): every agent is on a
                call. Compared as a set.'
              - Takes effect while C(enb_leave_empty) is on; the PBX does not report the list while it is off, and it then
                reads as the default, C([unregistered, paused]).
            type: list
            elements: str
            choices:
              - unregistered
              - paused
              - in_use
          enb_disallow_to_join_when_empty:
            description:
              - Refuse new callers when the queue has no agents.
            type: bool
          disallow_to_join_scenarios:
            description:
              - What counts as no agents for C(enb_disallow_to_join_when_empty).
              - 'C(unregistered): every agent is offline; C(paused): every agent is paused; C(in_use): every agent is on a
                call. Compared as a set.'
              - Takes effect while C(enb_disallow_to_join_when_empty) is on; the PBX does not report the list while it is
                off, and it then reads as the default, C([unregistered, paused]).
            type: list
            elements: str
            choices:
              - unregistered
              - paused
              - in_use
          enb_email_miss_call:
            description:
              - E-mail the managers about missed queue calls.
            type: bool
          enb_email_abandon_call:
            description:
              - E-mail the managers about callers who hang up while waiting.
            type: bool
          enb_email_sla_alarm:
            description:
              - E-mail the managers when the SLA falls below C(sla_alarm_threshold).
            type: bool
          sla_time:
            description:
              - 'SLA time: seconds within which a call should be answered.'
            type: int
          sla_interval:
            description:
              - Minutes between SLA evaluations.
            type: int
          sla_alarm_threshold:
            description:
              - SLA alarm threshold (1 to 999).
            type: int
          join_prompt:
            description:
              - Custom prompt played when a caller joins the queue.
            type: str
          enb_announce_agent_id:
            description:
              - Tell the caller the answering agent's ID.
            type: bool
          enb_announce_default_prompt:
            description:
              - Play the default "thank you for your patience" prompt periodically.
            type: bool
          enb_announce_pos:
            description:
              - Tell waiting callers their position periodically.
            type: bool
          enb_announce_hold_time:
            description:
              - Tell waiting callers the estimated wait periodically.
            type: bool
          caller_announce_freq:
            description:
              - Seconds between position and wait announcements.
            type: int
          sys_announce_prompt:
            description:
              - Custom prompt played to waiting callers periodically.
            type: str
          sys_announce_freq:
            description:
              - Seconds between plays of C(sys_announce_prompt).
            type: int
          satisfaction_survey_prompt:
            description:
              - 'Satisfaction survey prompt played after the agent hangs up: C(default) or a custom prompt; empty for no survey.'
            type: str
          satisfaction_survey_end_prompt:
            description:
              - 'Prompt played after the caller has pressed a survey key: C(default) or a custom prompt.'
            type: str
          satisfaction_survey_points:
            description:
              - Score of each survey key, compared as a set of key and score; keys not listed have none.
            type: list
            elements: dict
            suboptions:
              key:
                description:
                  - Survey key.
                type: str
                required: true
                choices:
                  - '0'
                  - '1'
                  - '2'
                  - '3'
                  - '4'
                  - '5'
                  - '6'
                  - '7'
                  - '8'
                  - '9'
                  - '*'
              points:
                description:
                  - Score of that key, -99 to 99.
                type: int
                required: true
          press_key:
            description:
              - Key a waiting caller presses to leave the queue for C(key_destination); empty for none.
            type: str
          key_destination:
            description:
              - Where calls go when the caller presses C(press_key); the same types as C(fail_destination).
            type: dict
            suboptions:
              type:
                description:
                  - C(end_call) hangs up; C(extension) rings the extension of that C(number); C(ext_vm) goes to its voicemail;
                    C(ivr), C(ring_group) and C(queue) go to the object of that C(number); C(external_num) dials C(number)
                    with the dial C(prefix); C(play_greeting) plays C(prompt) C(repeat) times and hangs up; C(group_vm) takes
                    the API ID in C(value).
                type: str
                required: true
                choices:
                  - end_call
                  - extension
                  - ext_vm
                  - group_vm
                  - ivr
                  - ring_group
                  - queue
                  - external_num
                  - play_greeting
              number:
                description:
                  - Number of the extension, IVR, ring group or queue, or the external number.
                type: str
              prefix:
                description:
                  - For C(external_num), the dial prefix (of an outbound route).
                type: str
              prompt:
                description:
                  - For C(play_greeting) and C(play_prompt), the file name of the custom prompt.
                type: str
              repeat:
                description:
                  - How many times the prompt plays (1 to 5, default 1).
                type: int
              value:
                description:
                  - For types known by API ID, that ID.
                type: str
          enb_callback:
            description:
              - Offer waiting callers a callback.
            type: bool
          callback_method:
            description:
              - 'C(digit): the caller presses C(callback_press_key); C(timeout): offered after C(callback_trigger_timeout).'
            type: str
            choices:
              - digit
              - timeout
          callback_press_key:
            description:
              - Key that requests a callback; needed with C(callback_method=digit).
            type: str
          callback_trigger_timeout:
            description:
              - Seconds of waiting after which a callback is offered; needed with C(callback_method=timeout).
            type: int
          callback_outbound_prefix:
            description:
              - Dial prefix of the outbound route callbacks use.
            type: str
          callback_timeout:
            description:
              - 'How long a callback request is kept: the queue''s C(max_wait_time), or C(callback_timeout_num).'
            type: str
            choices:
              - queue_max_wait_time
              - custom
          callback_timeout_num:
            description:
              - Seconds a callback request is kept; needed with C(callback_timeout=custom).
            type: int
          callback_enb_request_email:
            description:
              - E-mail the managers when a caller requests a callback.
            type: bool
          callback_enb_failed_email:
            description:
              - E-mail the managers when a callback request fails.
            type: bool
      queue_pause_reasons:
        description:
          - The pause reasons, each with the options of the single-object module.
          - 'Not given: the pause reasons are not touched. An empty list with O(state=deleted) deletes them all, and with
            O(state=overridden) deletes every pause reason the PBX allows to delete.'
        type: list
        elements: dict
        suboptions:
          code:
            description:
              - Feature code of the pause reason, such as C(*01); identifies it. Agents dial it to pause.
            type: str
            required: true
          reason:
            description:
              - Text of the pause reason, such as C(Lunch).
            type: str
      trunks:
        description:
          - The trunks, each with the options of the single-object module.
          - 'Not given: the trunks are not touched. An empty list with O(state=deleted) deletes them all, and with O(state=overridden)
            deletes every trunk the PBX allows to delete.'
        type: list
        elements: dict
        suboptions:
          name:
            description:
              - Trunk name; identifies the trunk (routes refer to it by it).
            type: str
            required: true
          type:
            description:
              - 'C(register): the PBX registers to the provider with C(username) and C(password); C(peer): the provider and
                the PBX trust each other''s address (C(hostname)); C(account): a third-party device registers to the PBX with
                C(username) and C(password).'
              - 'Required when the trunk is created. Changing it replaces the trunk: a new trunk of the new kind is created
                under a temporary name, the old one deleted and the new one renamed; the diff says so. The replacement keeps
                the old trunk''s options that its kind has, unless the task sets them; secrets are never carried over, so
                the task gives them. The PBX refuses the deletion while a route uses the trunk: the temporary trunk is then
                deleted again and the task fails, the old trunk untouched.'
            type: str
            choices:
              - register
              - peer
              - account
          enable:
            description:
              - Whether the trunk is enabled.
            type: bool
          country:
            description:
              - Country of the provider template, as C(trunk/itsp_list) names it, or C(general). Set when the trunk is created
                (by default the country of C(itsp), else C(general)); the API cannot change it afterwards.
            type: str
          itsp:
            description:
              - Provider (ITSP) template, by the name C(trunk/itsp_list) gives it (for example C(VoIP.ms)); a name the PBX
                does not list fails before any write. Set when the trunk is created; the API cannot change it afterwards.
            type: str
          transport:
            description:
              - SIP transport; C(dnsnaptr) (DNS NAPTR) for C(register) and C(peer) trunks only. When the trunk is created
                without it, C(udp).
            type: str
            choices:
              - udp
              - tcp
              - tls
              - dnsnaptr
          hostname:
            description:
              - Provider's domain or IP address (C(register) and C(peer); required to create them).
            type: str
          port:
            description:
              - Provider's SIP port (C(register) and C(peer); required to create them).
            type: int
          domain:
            description:
              - Provider's SIP domain (C(register) and C(peer)). When the trunk is created without it, C(hostname).
            type: str
          username:
            description:
              - 'C(register): the SIP account''s user name the provider gave; C(account): the user name the device registers
                with (the API calls it C(number) on creation). Required to create those kinds.'
            type: str
          password:
            description:
              - 'C(register) and C(account): the SIP account''s password; for C(register) at least 10 characters with digits,
                uppercase and lowercase letters (the PBX''s rule). Required to create those kinds.'
              - 'The PBX reveals it, so with O(update_password=always) it is compared without being shown and sent only when
                it differs; with the default O(update_password=on_create) it is sent only when the trunk is created (or replaced).
                Never shown: diffs, results and logs mask it.'
            type: str
          auth_name:
            description:
              - Authentication name (C(register) and C(account); required to create them).
            type: str
          enb_outbound_proxy:
            description:
              - Send through an outbound proxy (C(register) only).
            type: bool
          outbound_proxy_server:
            description:
              - Outbound proxy's domain or IP address (C(register) only).
            type: str
          outbound_proxy_port:
            description:
              - Outbound proxy's port (C(register) only); C(0) when there is none.
            type: int
          codecs:
            description:
              - 'Codecs, in order of preference: compared in order. When the trunk is created without them, C([ulaw, alaw,
                g729]).'
            type: list
            elements: str
            choices:
              - ulaw
              - alaw
              - g729
              - gsm
              - h264
              - h263
              - h263p
              - ilbc
              - g722
              - g726
              - speex
              - adpcm
              - mpeg4
              - vp8
              - opus
          def_outbound_cid:
            description:
              - Default outbound caller ID number.
            type: str
          def_outbound_cid_name:
            description:
              - Default outbound caller ID name.
            type: str
          outbound_caller_ids:
            description:
              - Outbound caller IDs per extension; the complete list, compared as a set (order does not matter).
            type: list
            elements: dict
            suboptions:
              option:
                description:
                  - 'C(shared): the extensions of C(outbound_caller_ids[].extensions) call out with one caller ID; C(range):
                    the extensions of C(outbound_caller_ids[].extension_range) map one to one onto the caller ID range C(outbound_caller_ids[].caller_id).'
                type: str
                required: true
                choices:
                  - shared
                  - range
              caller_id:
                description:
                  - The caller ID number, or for C(range) a range such as C(5503301-5503302).
                type: str
                required: true
              caller_id_name:
                description:
                  - The caller ID name.
                type: str
              extension_range:
                description:
                  - 'For C(range): the extension range, such as C(1001-1002).'
                type: str
              extensions:
                description:
                  - 'For C(shared): the extension numbers that use the caller ID. Extension groups are not managed: an entry
                    that holds them is replaced by what the task declares.'
                type: list
                elements: str
          dids:
            description:
              - The trunk's DID numbers (C(register) and C(peer)); the complete list, compared as a set.
            type: list
            elements: dict
            suboptions:
              did:
                description:
                  - The DID number.
                type: str
                required: true
              name:
                description:
                  - A name for it.
                type: str
      outbound_routes:
        description:
          - The outbound routes, each with the options of the single-object module.
          - 'Not given: the outbound routes are not touched. An empty list with O(state=deleted) deletes them all, and with
            O(state=overridden) deletes every outbound route the PBX allows to delete.'
        type: list
        elements: dict
        suboptions:
          name:
            description:
              - Outbound route name; identifies the route (extensions and IVRs refer to it by it).
            type: str
            required: true
          outbound_cid:
            description:
              - Outbound caller ID of the route; empty leaves it to the trunk.
            type: str
          dial_patterns:
            description:
              - Dial patterns, compared in order; the complete list.
            type: list
            elements: dict
            suboptions:
              pattern:
                description:
                  - The pattern dialled numbers match, such as C(9X.) or C(NXXNXXXXXX).
                type: str
                required: true
              strip:
                description:
                  - How many leading digits to strip (default 0).
                type: int
                default: 0
              prepend:
                description:
                  - Digits to put in front of the number after stripping.
                type: str
          trunks:
            description:
              - 'Names of the trunks calls go out through, in failover order: compared in order.'
            type: list
            elements: str
          extensions:
            description:
              - Extension numbers that may use the route; the complete list, compared as a set. Extension groups in the PBX's
                list are kept as they are.
            type: list
            elements: str
          departments:
            description:
              - Departments (by name, or by path such as C(Sales/EU)) whose extensions may use the route; the complete list,
                compared as a set.
            type: list
            elements: str
          pin_protect:
            description:
              - 'Ask callers for a PIN: C(disable) no, C(single_pin) C(pin), C(pin_list) one of the PINs of C(pin_list). When
                the route is created without it, C(disable).'
            type: str
            choices:
              - disable
              - single_pin
              - pin_list
          pin:
            description:
              - The PIN for C(pin_protect=single_pin). The PBX reveals it, so with O(update_password=always) it is compared
                without being shown and sent only when it differs; with the default O(update_password=on_create) it is sent
                only when the route is created or starts asking for a single PIN (the PBX requires it then).
            type: str
          pin_list:
            description:
              - Name of the PIN list for C(pin_protect=pin_list) (see M(telephony.pbx.yeastar_pin_list)).
            type: str
          position:
            description:
              - 'The route''s place in the PBX''s list of outbound routes (1 is matched first). The OpenAPI reports it but
                cannot set it: a new route goes last, so declare routes in order (a O(telephony.pbx.yeastar_config#module:config)
                section creates them in the order given). Given, it is checked: a route elsewhere fails the task before any
                write, naming where it is; move it in the web interface.'
            type: int
      ivrs:
        description:
          - The IVRs, each with the options of the single-object module.
          - 'Not given: the IVRs are not touched. An empty list with O(state=deleted) deletes them all, and with O(state=overridden)
            deletes every IVR the PBX allows to delete.'
        type: list
        elements: dict
        suboptions:
          number:
            description:
              - IVR number; identifies the IVR. Extensions, ring groups, queues and IVRs share one number space on the PBX.
            type: str
            required: true
          name:
            description:
              - IVR name, at most 127 characters.
            type: str
          prompts:
            description:
              - 'The prompts played in turn, in this order: C(default) (the PBX''s own) or file names of custom prompts; at
                most 5. When the IVR is created without it, C([default]).'
            type: list
            elements: str
          prompt_repeat:
            description:
              - How many times the prompts play while the caller presses nothing (1 to 5). When the IVR is created without
                it, C(3).
            type: int
          response_timeout:
            description:
              - Seconds to wait for a key after the prompts (1 to 10). When the IVR is created without it, C(3).
            type: int
          digit_timeout:
            description:
              - Seconds allowed between two keys of a number (1 to 10). When the IVR is created without it, C(3).
            type: int
          alert_info:
            description:
              - Keyword for the Alert-Info header, so phones can ring distinctively.
            type: str
          dial_ext_option:
            description:
              - 'Whether callers may dial extensions directly: C(disable) none, C(all) every one, C(allow) only those of C(allowed_extensions)
                and C(allowed_departments), C(restrict) all but those of C(restricted_extensions) and C(restricted_departments).
                When the IVR is created without it, C(disable).'
            type: str
            choices:
              - disable
              - all
              - allow
              - restrict
          allowed_extensions:
            description:
              - Extension numbers callers may dial with C(dial_ext_option=allow); the complete list (order does not matter).
                The PBX keeps it only while C(dial_ext_option=allow).
            type: list
            elements: str
          allowed_departments:
            description:
              - Departments (by name, or by path such as C(Sales/EU)) whose extensions callers may dial with C(dial_ext_option=allow);
                the complete list. Extension groups in the PBX's list are kept as they are.
            type: list
            elements: str
          restricted_extensions:
            description:
              - Extension numbers callers may not dial with C(dial_ext_option=restrict); the complete list.
            type: list
            elements: str
          restricted_departments:
            description:
              - Departments whose extensions callers may not dial with C(dial_ext_option=restrict); the complete list.
            type: list
            elements: str
          enb_dial_outb_routes:
            description:
              - Let callers dial external numbers through the outbound routes of C(outbound_routes).
            type: bool
          outbound_routes:
            description:
              - Names of the outbound routes callers may use with C(enb_dial_outb_routes=true); the complete list. The PBX
                requires at least one while C(enb_dial_outb_routes=true).
            type: list
            elements: str
          enb_dial_check_vm:
            description:
              - Let callers check voicemail through the IVR.
            type: bool
          enb_prompt_manager:
            description:
              - Let callers dial C(#9) to record a new IVR prompt, after C(prompt_manager_password).
            type: bool
          prompt_manager_password:
            description:
              - Password (digits) for changing the prompt with C(#9); the PBX requires it while C(enb_prompt_manager=true).
              - The PBX never reveals it (it answers C(*****)), so with O(update_password=always) it is sent on every run
                and the task reports a change.
            type: str
          key_0:
            description:
              - 'Where a caller who presses key 0 goes, for example C({type: ring_group, number: ''6300''}), C({type: external_num,
                number: ''5551234'', prefix: ''9''}) or C({type: play_prompt, prompt: menu.wav, repeat: 2}).'
              - 'C({type: none}) leaves it unconfigured; under O(telephony.pbx.yeastar_config#module:state=replaced) a slot
                not declared goes back to that.'
            type: dict
            suboptions:
              type:
                description:
                  - C(end_call) hangs up; C(extension) rings the extension of that C(number); C(ext_vm) goes to its voicemail;
                    C(ivr), C(ring_group) and C(queue) go to the object of that C(number); C(dial_by_name) lets the caller
                    dial by name; C(external_num) dials C(number) with the dial C(prefix); C(play_greeting) plays C(prompt)
                    C(repeat) times and hangs up; C(play_prompt) plays C(prompt) C(repeat) times and returns; C(group_vm)
                    and C(conference) take the API ID in C(value); C(none) leaves the slot unconfigured (the API's empty type);
                    it is what a slot holds when the IVR is created without it.
                type: str
                required: true
                choices:
                  - end_call
                  - extension
                  - ext_vm
                  - ivr
                  - ring_group
                  - queue
                  - group_vm
                  - conference
                  - dial_by_name
                  - external_num
                  - play_greeting
                  - play_prompt
                  - none
              number:
                description:
                  - Number of the extension, IVR, ring group or queue, or the external number.
                type: str
              prefix:
                description:
                  - For C(external_num), the dial prefix (of an outbound route).
                type: str
              prompt:
                description:
                  - For C(play_greeting) and C(play_prompt), the file name of the custom prompt.
                type: str
              repeat:
                description:
                  - How many times the prompt plays (1 to 5, default 1).
                type: int
              value:
                description:
                  - For types known by API ID, that ID.
                type: str
          key_0_stop_recording:
            description:
              - Stop recording the call once it goes to the destination of key 0 (API field C(allow_out_record0); the manual's
                words, although the name suggests the opposite).
            type: bool
          key_1:
            description:
              - 'Where a caller who presses key 1 goes, for example C({type: ring_group, number: ''6300''}), C({type: external_num,
                number: ''5551234'', prefix: ''9''}) or C({type: play_prompt, prompt: menu.wav, repeat: 2}).'
              - 'C({type: none}) leaves it unconfigured; under O(telephony.pbx.yeastar_config#module:state=replaced) a slot
                not declared goes back to that.'
            type: dict
            suboptions:
              type:
                description:
                  - C(end_call) hangs up; C(extension) rings the extension of that C(number); C(ext_vm) goes to its voicemail;
                    C(ivr), C(ring_group) and C(queue) go to the object of that C(number); C(dial_by_name) lets the caller
                    dial by name; C(external_num) dials C(number) with the dial C(prefix); C(play_greeting) plays C(prompt)
                    C(repeat) times and hangs up; C(play_prompt) plays C(prompt) C(repeat) times and returns; C(group_vm)
                    and C(conference) take the API ID in C(value); C(none) leaves the slot unconfigured (the API's empty type);
                    it is what a slot holds when the IVR is created without it.
                type: str
                required: true
                choices:
                  - end_call
                  - extension
                  - ext_vm
                  - ivr
                  - ring_group
                  - queue
                  - group_vm
                  - conference
                  - dial_by_name
                  - external_num
                  - play_greeting
                  - play_prompt
                  - none
              number:
                description:
                  - Number of the extension, IVR, ring group or queue, or the external number.
                type: str
              prefix:
                description:
                  - For C(external_num), the dial prefix (of an outbound route).
                type: str
              prompt:
                description:
                  - For C(play_greeting) and C(play_prompt), the file name of the custom prompt.
                type: str
              repeat:
                description:
                  - How many times the prompt plays (1 to 5, default 1).
                type: int
              value:
                description:
                  - For types known by API ID, that ID.
                type: str
          key_1_stop_recording:
            description:
              - Stop recording the call once it goes to the destination of key 1 (API field C(allow_out_record1); the manual's
                words, although the name suggests the opposite).
            type: bool
          key_2:
            description:
              - 'Where a caller who presses key 2 goes, for example C({type: ring_group, number: ''6300''}), C({type: external_num,
                number: ''5551234'', prefix: ''9''}) or C({type: play_prompt, prompt: menu.wav, repeat: 2}).'
              - 'C({type: none}) leaves it unconfigured; under O(telephony.pbx.yeastar_config#module:state=replaced) a slot
                not declared goes back to that.'
            type: dict
            suboptions:
              type:
                description:
                  - C(end_call) hangs up; C(extension) rings the extension of that C(number); C(ext_vm) goes to its voicemail;
                    C(ivr), C(ring_group) and C(queue) go to the object of that C(number); C(dial_by_name) lets the caller
                    dial by name; C(external_num) dials C(number) with the dial C(prefix); C(play_greeting) plays C(prompt)
                    C(repeat) times and hangs up; C(play_prompt) plays C(prompt) C(repeat) times and returns; C(group_vm)
                    and C(conference) take the API ID in C(value); C(none) leaves the slot unconfigured (the API's empty type);
                    it is what a slot holds when the IVR is created without it.
                type: str
                required: true
                choices:
                  - end_call
                  - extension
                  - ext_vm
                  - ivr
                  - ring_group
                  - queue
                  - group_vm
                  - conference
                  - dial_by_name
                  - external_num
                  - play_greeting
                  - play_prompt
                  - none
              number:
                description:
                  - Number of the extension, IVR, ring group or queue, or the external number.
                type: str
              prefix:
                description:
                  - For C(external_num), the dial prefix (of an outbound route).
                type: str
              prompt:
                description:
                  - For C(play_greeting) and C(play_prompt), the file name of the custom prompt.
                type: str
              repeat:
                description:
                  - How many times the prompt plays (1 to 5, default 1).
                type: int
              value:
                description:
                  - For types known by API ID, that ID.
                type: str
          key_2_stop_recording:
            description:
              - Stop recording the call once it goes to the destination of key 2 (API field C(allow_out_record2); the manual's
                words, although the name suggests the opposite).
            type: bool
          key_3:
            description:
              - 'Where a caller who presses key 3 goes, for example C({type: ring_group, number: ''6300''}), C({type: external_num,
                number: ''5551234'', prefix: ''9''}) or C({type: play_prompt, prompt: menu.wav, repeat: 2}).'
              - 'C({type: none}) leaves it unconfigured; under O(telephony.pbx.yeastar_config#module:state=replaced) a slot
                not declared goes back to that.'
            type: dict
            suboptions:
              type:
                description:
                  - C(end_call) hangs up; C(extension) rings the extension of that C(number); C(ext_vm) goes to its voicemail;
                    C(ivr), C(ring_group) and C(queue) go to the object of that C(number); C(dial_by_name) lets the caller
                    dial by name; C(external_num) dials C(number) with the dial C(prefix); C(play_greeting) plays C(prompt)
                    C(repeat) times and hangs up; C(play_prompt) plays C(prompt) C(repeat) times and returns; C(group_vm)
                    and C(conference) take the API ID in C(value); C(none) leaves the slot unconfigured (the API's empty type);
                    it is what a slot holds when the IVR is created without it.
                type: str
                required: true
                choices:
                  - end_call
                  - extension
                  - ext_vm
                  - ivr
                  - ring_group
                  - queue
                  - group_vm
                  - conference
                  - dial_by_name
                  - external_num
                  - play_greeting
                  - play_prompt
                  - none
              number:
                description:
                  - Number of the extension, IVR, ring group or queue, or the external number.
                type: str
              prefix:
                description:
                  - For C(external_num), the dial prefix (of an outbound route).
                type: str
              prompt:
                description:
                  - For C(play_greeting) and C(play_prompt), the file name of the custom prompt.
                type: str
              repeat:
                description:
                  - How many times the prompt plays (1 to 5, default 1).
                type: int
              value:
                description:
                  - For types known by API ID, that ID.
                type: str
          key_3_stop_recording:
            description:
              - Stop recording the call once it goes to the destination of key 3 (API field C(allow_out_record3); the manual's
                words, although the name suggests the opposite).
            type: bool
          key_4:
            description:
              - 'Where a caller who presses key 4 goes, for example C({type: ring_group, number: ''6300''}), C({type: external_num,
                number: ''5551234'', prefix: ''9''}) or C({type: play_prompt, prompt: menu.wav, repeat: 2}).'
              - 'C({type: none}) leaves it unconfigured; under O(telephony.pbx.yeastar_config#module:state=replaced) a slot
                not declared goes back to that.'
            type: dict
            suboptions:
              type:
                description:
                  - C(end_call) hangs up; C(extension) rings the extension of that C(number); C(ext_vm) goes to its voicemail;
                    C(ivr), C(ring_group) and C(queue) go to the object of that C(number); C(dial_by_name) lets the caller
                    dial by name; C(external_num) dials C(number) with the dial C(prefix); C(play_greeting) plays C(prompt)
                    C(repeat) times and hangs up; C(play_prompt) plays C(prompt) C(repeat) times and returns; C(group_vm)
                    and C(conference) take the API ID in C(value); C(none) leaves the slot unconfigured (the API's empty type);
                    it is what a slot holds when the IVR is created without it.
                type: str
                required: true
                choices:
                  - end_call
                  - extension
                  - ext_vm
                  - ivr
                  - ring_group
                  - queue
                  - group_vm
                  - conference
                  - dial_by_name
                  - external_num
                  - play_greeting
                  - play_prompt
                  - none
              number:
                description:
                  - Number of the extension, IVR, ring group or queue, or the external number.
                type: str
              prefix:
                description:
                  - For C(external_num), the dial prefix (of an outbound route).
                type: str
              prompt:
                description:
                  - For C(play_greeting) and C(play_prompt), the file name of the custom prompt.
                type: str
              repeat:
                description:
                  - How many times the prompt plays (1 to 5, default 1).
                type: int
              value:
                description:
                  - For types known by API ID, that ID.
                type: str
          key_4_stop_recording:
            description:
              - Stop recording the call once it goes to the destination of key 4 (API field C(allow_out_record4); the manual's
                words, although the name suggests the opposite).
            type: bool
          key_5:
            description:
              - 'Where a caller who presses key 5 goes, for example C({type: ring_group, number: ''6300''}), C({type: external_num,
                number: ''5551234'', prefix: ''9''}) or C({type: play_prompt, prompt: menu.wav, repeat: 2}).'
              - 'C({type: none}) leaves it unconfigured; under O(telephony.pbx.yeastar_config#module:state=replaced) a slot
                not declared goes back to that.'
            type: dict
            suboptions:
              type:
                description:
                  - C(end_call) hangs up; C(extension) rings the extension of that C(number); C(ext_vm) goes to its voicemail;
                    C(ivr), C(ring_group) and C(queue) go to the object of that C(number); C(dial_by_name) lets the caller
                    dial by name; C(external_num) dials C(number) with the dial C(prefix); C(play_greeting) plays C(prompt)
                    C(repeat) times and hangs up; C(play_prompt) plays C(prompt) C(repeat) times and returns; C(group_vm)
                    and C(conference) take the API ID in C(value); C(none) leaves the slot unconfigured (the API's empty type);
                    it is what a slot holds when the IVR is created without it.
                type: str
                required: true
                choices:
                  - end_call
                  - extension
                  - ext_vm
                  - ivr
                  - ring_group
                  - queue
                  - group_vm
                  - conference
                  - dial_by_name
                  - external_num
                  - play_greeting
                  - play_prompt
                  - none
              number:
                description:
                  - Number of the extension, IVR, ring group or queue, or the external number.
                type: str
              prefix:
                description:
                  - For C(external_num), the dial prefix (of an outbound route).
                type: str
              prompt:
                description:
                  - For C(play_greeting) and C(play_prompt), the file name of the custom prompt.
                type: str
              repeat:
                description:
                  - How many times the prompt plays (1 to 5, default 1).
                type: int
              value:
                description:
                  - For types known by API ID, that ID.
                type: str
          key_5_stop_recording:
            description:
              - Stop recording the call once it goes to the destination of key 5 (API field C(allow_out_record5); the manual's
                words, although the name suggests the opposite).
            type: bool
          key_6:
            description:
              - 'Where a caller who presses key 6 goes, for example C({type: ring_group, number: ''6300''}), C({type: external_num,
                number: ''5551234'', prefix: ''9''}) or C({type: play_prompt, prompt: menu.wav, repeat: 2}).'
              - 'C({type: none}) leaves it unconfigured; under O(telephony.pbx.yeastar_config#module:state=replaced) a slot
                not declared goes back to that.'
            type: dict
            suboptions:
              type:
                description:
                  - C(end_call) hangs up; C(extension) rings the extension of that C(number); C(ext_vm) goes to its voicemail;
                    C(ivr), C(ring_group) and C(queue) go to the object of that C(number); C(dial_by_name) lets the caller
                    dial by name; C(external_num) dials C(number) with the dial C(prefix); C(play_greeting) plays C(prompt)
                    C(repeat) times and hangs up; C(play_prompt) plays C(prompt) C(repeat) times and returns; C(group_vm)
                    and C(conference) take the API ID in C(value); C(none) leaves the slot unconfigured (the API's empty type);
                    it is what a slot holds when the IVR is created without it.
                type: str
                required: true
                choices:
                  - end_call
                  - extension
                  - ext_vm
                  - ivr
                  - ring_group
                  - queue
                  - group_vm
                  - conference
                  - dial_by_name
                  - external_num
                  - play_greeting
                  - play_prompt
                  - none
              number:
                description:
                  - Number of the extension, IVR, ring group or queue, or the external number.
                type: str
              prefix:
                description:
                  - For C(external_num), the dial prefix (of an outbound route).
                type: str
              prompt:
                description:
                  - For C(play_greeting) and C(play_prompt), the file name of the custom prompt.
                type: str
              repeat:
                description:
                  - How many times the prompt plays (1 to 5, default 1).
                type: int
              value:
                description:
                  - For types known by API ID, that ID.
                type: str
          key_6_stop_recording:
            description:
              - Stop recording the call once it goes to the destination of key 6 (API field C(allow_out_record6); the manual's
                words, although the name suggests the opposite).
            type: bool
          key_7:
            description:
              - 'Where a caller who presses key 7 goes, for example C({type: ring_group, number: ''6300''}), C({type: external_num,
                number: ''5551234'', prefix: ''9''}) or C({type: play_prompt, prompt: menu.wav, repeat: 2}).'
              - 'C({type: none}) leaves it unconfigured; under O(telephony.pbx.yeastar_config#module:state=replaced) a slot
                not declared goes back to that.'
            type: dict
            suboptions:
              type:
                description:
                  - C(end_call) hangs up; C(extension) rings the extension of that C(number); C(ext_vm) goes to its voicemail;
                    C(ivr), C(ring_group) and C(queue) go to the object of that C(number); C(dial_by_name) lets the caller
                    dial by name; C(external_num) dials C(number) with the dial C(prefix); C(play_greeting) plays C(prompt)
                    C(repeat) times and hangs up; C(play_prompt) plays C(prompt) C(repeat) times and returns; C(group_vm)
                    and C(conference) take the API ID in C(value); C(none) leaves the slot unconfigured (the API's empty type);
                    it is what a slot holds when the IVR is created without it.
                type: str
                required: true
                choices:
                  - end_call
                  - extension
                  - ext_vm
                  - ivr
                  - ring_group
                  - queue
                  - group_vm
                  - conference
                  - dial_by_name
                  - external_num
                  - play_greeting
                  - play_prompt
                  - none
              number:
                description:
                  - Number of the extension, IVR, ring group or queue, or the external number.
                type: str
              prefix:
                description:
                  - For C(external_num), the dial prefix (of an outbound route).
                type: str
              prompt:
                description:
                  - For C(play_greeting) and C(play_prompt), the file name of the custom prompt.
                type: str
              repeat:
                description:
                  - How many times the prompt plays (1 to 5, default 1).
                type: int
              value:
                description:
                  - For types known by API ID, that ID.
                type: str
          key_7_stop_recording:
            description:
              - Stop recording the call once it goes to the destination of key 7 (API field C(allow_out_record7); the manual's
                words, although the name suggests the opposite).
            type: bool
          key_8:
            description:
              - 'Where a caller who presses key 8 goes, for example C({type: ring_group, number: ''6300''}), C({type: external_num,
                number: ''5551234'', prefix: ''9''}) or C({type: play_prompt, prompt: menu.wav, repeat: 2}).'
              - 'C({type: none}) leaves it unconfigured; under O(telephony.pbx.yeastar_config#module:state=replaced) a slot
                not declared goes back to that.'
            type: dict
            suboptions:
              type:
                description:
                  - C(end_call) hangs up; C(extension) rings the extension of that C(number); C(ext_vm) goes to its voicemail;
                    C(ivr), C(ring_group) and C(queue) go to the object of that C(number); C(dial_by_name) lets the caller
                    dial by name; C(external_num) dials C(number) with the dial C(prefix); C(play_greeting) plays C(prompt)
                    C(repeat) times and hangs up; C(play_prompt) plays C(prompt) C(repeat) times and returns; C(group_vm)
                    and C(conference) take the API ID in C(value); C(none) leaves the slot unconfigured (the API's empty type);
                    it is what a slot holds when the IVR is created without it.
                type: str
                required: true
                choices:
                  - end_call
                  - extension
                  - ext_vm
                  - ivr
                  - ring_group
                  - queue
                  - group_vm
                  - conference
                  - dial_by_name
                  - external_num
                  - play_greeting
                  - play_prompt
                  - none
              number:
                description:
                  - Number of the extension, IVR, ring group or queue, or the external number.
                type: str
              prefix:
                description:
                  - For C(external_num), the dial prefix (of an outbound route).
                type: str
              prompt:
                description:
                  - For C(play_greeting) and C(play_prompt), the file name of the custom prompt.
                type: str
              repeat:
                description:
                  - How many times the prompt plays (1 to 5, default 1).
                type: int
              value:
                description:
                  - For types known by API ID, that ID.
                type: str
          key_8_stop_recording:
            description:
              - Stop recording the call once it goes to the destination of key 8 (API field C(allow_out_record8); the manual's
                words, although the name suggests the opposite).
            type: bool
          key_9:
            description:
              - 'Where a caller who presses key 9 goes, for example C({type: ring_group, number: ''6300''}), C({type: external_num,
                number: ''5551234'', prefix: ''9''}) or C({type: play_prompt, prompt: menu.wav, repeat: 2}).'
              - 'C({type: none}) leaves it unconfigured; under O(telephony.pbx.yeastar_config#module:state=replaced) a slot
                not declared goes back to that.'
            type: dict
            suboptions:
              type:
                description:
                  - C(end_call) hangs up; C(extension) rings the extension of that C(number); C(ext_vm) goes to its voicemail;
                    C(ivr), C(ring_group) and C(queue) go to the object of that C(number); C(dial_by_name) lets the caller
                    dial by name; C(external_num) dials C(number) with the dial C(prefix); C(play_greeting) plays C(prompt)
                    C(repeat) times and hangs up; C(play_prompt) plays C(prompt) C(repeat) times and returns; C(group_vm)
                    and C(conference) take the API ID in C(value); C(none) leaves the slot unconfigured (the API's empty type);
                    it is what a slot holds when the IVR is created without it.
                type: str
                required: true
                choices:
                  - end_call
                  - extension
                  - ext_vm
                  - ivr
                  - ring_group
                  - queue
                  - group_vm
                  - conference
                  - dial_by_name
                  - external_num
                  - play_greeting
                  - play_prompt
                  - none
              number:
                description:
                  - Number of the extension, IVR, ring group or queue, or the external number.
                type: str
              prefix:
                description:
                  - For C(external_num), the dial prefix (of an outbound route).
                type: str
              prompt:
                description:
                  - For C(play_greeting) and C(play_prompt), the file name of the custom prompt.
                type: str
              repeat:
                description:
                  - How many times the prompt plays (1 to 5, default 1).
                type: int
              value:
                description:
                  - For types known by API ID, that ID.
                type: str
          key_9_stop_recording:
            description:
              - Stop recording the call once it goes to the destination of key 9 (API field C(allow_out_record9); the manual's
                words, although the name suggests the opposite).
            type: bool
          key_star:
            description:
              - 'Where a caller who presses key C(*) goes, for example C({type: ring_group, number: ''6300''}), C({type: external_num,
                number: ''5551234'', prefix: ''9''}) or C({type: play_prompt, prompt: menu.wav, repeat: 2}).'
              - 'C({type: none}) leaves it unconfigured; under O(telephony.pbx.yeastar_config#module:state=replaced) a slot
                not declared goes back to that.'
            type: dict
            suboptions:
              type:
                description:
                  - C(end_call) hangs up; C(extension) rings the extension of that C(number); C(ext_vm) goes to its voicemail;
                    C(ivr), C(ring_group) and C(queue) go to the object of that C(number); C(dial_by_name) lets the caller
                    dial by name; C(external_num) dials C(number) with the dial C(prefix); C(play_greeting) plays C(prompt)
                    C(repeat) times and hangs up; C(play_prompt) plays C(prompt) C(repeat) times and returns; C(group_vm)
                    and C(conference) take the API ID in C(value); C(none) leaves the slot unconfigured (the API's empty type);
                    it is what a slot holds when the IVR is created without it.
                type: str
                required: true
                choices:
                  - end_call
                  - extension
                  - ext_vm
                  - ivr
                  - ring_group
                  - queue
                  - group_vm
                  - conference
                  - dial_by_name
                  - external_num
                  - play_greeting
                  - play_prompt
                  - none
              number:
                description:
                  - Number of the extension, IVR, ring group or queue, or the external number.
                type: str
              prefix:
                description:
                  - For C(external_num), the dial prefix (of an outbound route).
                type: str
              prompt:
                description:
                  - For C(play_greeting) and C(play_prompt), the file name of the custom prompt.
                type: str
              repeat:
                description:
                  - How many times the prompt plays (1 to 5, default 1).
                type: int
              value:
                description:
                  - For types known by API ID, that ID.
                type: str
          key_star_stop_recording:
            description:
              - Stop recording the call once it goes to the destination of key C(*) (API field C(allow_out_record_star); the
                manual's words, although the name suggests the opposite).
            type: bool
          key_hash:
            description:
              - 'Where a caller who presses key C(#) goes, for example C({type: ring_group, number: ''6300''}), C({type: external_num,
                number: ''5551234'', prefix: ''9''}) or C({type: play_prompt, prompt: menu.wav, repeat: 2}).'
              - 'C({type: none}) leaves it unconfigured; under O(telephony.pbx.yeastar_config#module:state=replaced) a slot
                not declared goes back to that.'
            type: dict
            suboptions:
              type:
                description:
                  - C(end_call) hangs up; C(extension) rings the extension of that C(number); C(ext_vm) goes to its voicemail;
                    C(ivr), C(ring_group) and C(queue) go to the object of that C(number); C(dial_by_name) lets the caller
                    dial by name; C(external_num) dials C(number) with the dial C(prefix); C(play_greeting) plays C(prompt)
                    C(repeat) times and hangs up; C(play_prompt) plays C(prompt) C(repeat) times and returns; C(group_vm)
                    and C(conference) take the API ID in C(value); C(none) leaves the slot unconfigured (the API's empty type);
                    it is what a slot holds when the IVR is created without it.
                type: str
                required: true
                choices:
                  - end_call
                  - extension
                  - ext_vm
                  - ivr
                  - ring_group
                  - queue
                  - group_vm
                  - conference
                  - dial_by_name
                  - external_num
                  - play_greeting
                  - play_prompt
                  - none
              number:
                description:
                  - Number of the extension, IVR, ring group or queue, or the external number.
                type: str
              prefix:
                description:
                  - For C(external_num), the dial prefix (of an outbound route).
                type: str
              prompt:
                description:
                  - For C(play_greeting) and C(play_prompt), the file name of the custom prompt.
                type: str
              repeat:
                description:
                  - How many times the prompt plays (1 to 5, default 1).
                type: int
              value:
                description:
                  - For types known by API ID, that ID.
                type: str
          key_hash_stop_recording:
            description:
              - Stop recording the call once it goes to the destination of key C(#) (API field C(allow_out_record_hash); the
                manual's words, although the name suggests the opposite).
            type: bool
          timeout_destination:
            description:
              - Where the call goes when the caller has pressed nothing after the prompt played C(prompt_repeat) times, each
                followed by C(response_timeout) seconds of waiting.
              - 'C({type: none}) leaves it unconfigured; under O(telephony.pbx.yeastar_config#module:state=replaced) a slot
                not declared goes back to that.'
            type: dict
            suboptions:
              type:
                description:
                  - C(end_call) hangs up; C(extension) rings the extension of that C(number); C(ext_vm) goes to its voicemail;
                    C(ivr), C(ring_group) and C(queue) go to the object of that C(number); C(dial_by_name) lets the caller
                    dial by name; C(external_num) dials C(number) with the dial C(prefix); C(play_greeting) plays C(prompt)
                    C(repeat) times and hangs up; C(play_prompt) plays C(prompt) C(repeat) times and returns; C(group_vm)
                    and C(conference) take the API ID in C(value); C(none) leaves the slot unconfigured (the API's empty type);
                    it is what a slot holds when the IVR is created without it.
                type: str
                required: true
                choices:
                  - end_call
                  - extension
                  - ext_vm
                  - ivr
                  - ring_group
                  - queue
                  - group_vm
                  - conference
                  - dial_by_name
                  - external_num
                  - play_greeting
                  - play_prompt
                  - none
              number:
                description:
                  - Number of the extension, IVR, ring group or queue, or the external number.
                type: str
              prefix:
                description:
                  - For C(external_num), the dial prefix (of an outbound route).
                type: str
              prompt:
                description:
                  - For C(play_greeting) and C(play_prompt), the file name of the custom prompt.
                type: str
              repeat:
                description:
                  - How many times the prompt plays (1 to 5, default 1).
                type: int
              value:
                description:
                  - For types known by API ID, that ID.
                type: str
          timeout_stop_recording:
            description:
              - Stop recording the call once it goes to the destination of the response timeout (API field C(allow_out_record_timeout);
                the manual's words, although the name suggests the opposite).
            type: bool
          invalid_destination:
            description:
              - Where the call goes when the caller presses a key that leads nowhere.
              - 'C({type: none}) leaves it unconfigured; under O(telephony.pbx.yeastar_config#module:state=replaced) a slot
                not declared goes back to that.'
            type: dict
            suboptions:
              type:
                description:
                  - C(end_call) hangs up; C(extension) rings the extension of that C(number); C(ext_vm) goes to its voicemail;
                    C(ivr), C(ring_group) and C(queue) go to the object of that C(number); C(dial_by_name) lets the caller
                    dial by name; C(external_num) dials C(number) with the dial C(prefix); C(play_greeting) plays C(prompt)
                    C(repeat) times and hangs up; C(play_prompt) plays C(prompt) C(repeat) times and returns; C(group_vm)
                    and C(conference) take the API ID in C(value); C(none) leaves the slot unconfigured (the API's empty type);
                    it is what a slot holds when the IVR is created without it.
                type: str
                required: true
                choices:
                  - end_call
                  - extension
                  - ext_vm
                  - ivr
                  - ring_group
                  - queue
                  - group_vm
                  - conference
                  - dial_by_name
                  - external_num
                  - play_greeting
                  - play_prompt
                  - none
              number:
                description:
                  - Number of the extension, IVR, ring group or queue, or the external number.
                type: str
              prefix:
                description:
                  - For C(external_num), the dial prefix (of an outbound route).
                type: str
              prompt:
                description:
                  - For C(play_greeting) and C(play_prompt), the file name of the custom prompt.
                type: str
              repeat:
                description:
                  - How many times the prompt plays (1 to 5, default 1).
                type: int
              value:
                description:
                  - For types known by API ID, that ID.
                type: str
          invalid_stop_recording:
            description:
              - Stop recording the call once it goes to the destination of an invalid key (API field C(allow_out_record_invalid);
                the manual's words, although the name suggests the opposite).
            type: bool
      inbound_routes:
        description:
          - The inbound routes, each with the options of the single-object module.
          - 'Not given: the inbound routes are not touched. An empty list with O(state=deleted) deletes them all, and with
            O(state=overridden) deletes every inbound route the PBX allows to delete.'
        type: list
        elements: dict
        suboptions:
          name:
            description:
              - Inbound route name; identifies the route.
            type: str
            required: true
          alert_info:
            description:
              - Alert-Info keyword, so phones ring distinctively for calls of this route.
            type: str
          did_patterns:
            description:
              - 'Called numbers (DID patterns) the route takes, such as C(5503300) or C(55033XX); none: every DID. The complete
                list, compared as a set.'
              - 'One of the four ways to match the called number, with C(did_pattern_to_extension), C(did_range_start) and
                C(did_range_end), and C(did_extensions): give at most one; the route then matches that way (C(did_option)
                on the wire). A route that matches another way keeps it when none is given; it matches by patterns again only
                with patterns (the PBX requires one).'
            type: list
            elements: str
          did_pattern_to_extension:
            description:
              - 'A DID pattern whose digits name the extension to ring, as the web interface writes it (C(did_option) C(pattern_to_ext));
                goes with C(default_destination) C({type: pattern_to_ext}). A pattern with C({{ }}) must be marked C(!unsafe)
                so Ansible does not template it.'
            type: str
          did_range_start:
            description:
              - 'First called number of a DID range mapped one to one onto an extension range (C(did_option) C(range_to_ext));
                C(did_range_end) goes with it, and C(default_destination) C({type: range_to_ext, range: ''2001-2010''}) names
                the extensions.'
            type: str
          did_range_end:
            description:
              - Last called number of the DID range of C(did_range_start), not below it.
            type: str
          did_extensions:
            description:
              - 'Called numbers each mapped to an extension (C(did_option) C(pattern_to_ext_list)); goes with C(default_destination)
                C({type: pattern_to_ext_list}). The complete list, compared as a set.'
            type: list
            elements: dict
            suboptions:
              did:
                description:
                  - The called number.
                type: str
                required: true
              extension:
                description:
                  - Number of the extension it rings.
                type: str
                required: true
          cid_patterns:
            description:
              - 'Caller numbers (patterns) the route takes; none: every caller. The complete list, compared as a set. Not
                with C(cid_phonebooks).'
            type: list
            elements: str
          cid_phonebooks:
            description:
              - 'Names of phonebooks: the route takes calls from their contacts'' numbers (C(cid_option) C(phonebook)); see
                M(telephony.pbx.yeastar_phonebook). Compared as a set. Not with C(cid_patterns).'
            type: list
            elements: str
          trunks:
            description:
              - Names of the trunks whose calls the route takes; compared as a set. Required when the route is created.
            type: list
            elements: str
          default_destination:
            description:
              - 'Where the route''s calls go, for example C({type: extension, number: ''1001''}), C({type: ring_group, number:
                ''6300''}), C({type: external_num, number: ''5551234'', prefix: ''9''}), C({type: outroute, name: International})
                or C({type: play_greeting, prompt: Closed.wav, repeat: 2}). Required when the route is created.'
              - 'C(group_vm) and C(conference) take the API ID in C(value) and C(pattern_to_ext) extension groups by API ID:
                the collection manages none of them, and the OpenAPI lists them only in the web interface''s menus.'
            type: dict
            suboptions:
              type:
                description:
                  - 'C(disabled) sends no call anywhere; C(end_call) hangs up; C(extension) rings the extension of that C(number);
                    C(pattern_to_ext) rings the extension the called number names, among C(extensions) (by number) and C(extension_groups)
                    (by API ID: the collection does not manage extension groups); C(range_to_ext) rings the extension of C(range)
                    (such as C(2001-2010)) at the place the called number has in the DID range; C(pattern_to_ext_list) rings
                    the extension the DID-to-extension list maps the called number to; C(ext_vm) goes to its voicemail; C(ivr),
                    C(ring_group) and C(queue) go to the object of that C(number); C(external_num) dials C(number) with the
                    dial C(prefix); C(outroute) dials out through the outbound route of that C(name); C(play_greeting) plays
                    C(prompt) C(repeat) times and hangs up; C(fax_to_email) takes the call as a fax and mails it; C(group_vm)
                    and C(conference) take the API ID in C(value).'
                type: str
                required: true
                choices:
                  - disabled
                  - end_call
                  - extension
                  - pattern_to_ext
                  - range_to_ext
                  - pattern_to_ext_list
                  - ext_vm
                  - ivr
                  - ring_group
                  - queue
                  - group_vm
                  - conference
                  - external_num
                  - outroute
                  - play_greeting
                  - fax_to_email
              number:
                description:
                  - Number of the extension, IVR, ring group or queue, or the external number.
                type: str
              prefix:
                description:
                  - For C(external_num), the dial prefix (of an outbound route).
                type: str
              prompt:
                description:
                  - For C(play_greeting) and C(play_prompt), the file name of the custom prompt.
                type: str
              repeat:
                description:
                  - How many times the prompt plays (1 to 5, default 1).
                type: int
              value:
                description:
                  - For types known by API ID, that ID.
                type: str
              range:
                description:
                  - For C(range_to_ext), the extension range, such as C(2001-2010).
                type: str
              extensions:
                description:
                  - For C(pattern_to_ext), the extension numbers calls may ring; compared as a set.
                type: list
                elements: str
              extension_groups:
                description:
                  - For C(pattern_to_ext), API IDs of extension groups calls may ring; compared as a set.
                type: list
                elements: str
              name:
                description:
                  - For C(outroute), the name of the outbound route.
                type: str
          time_based_routing:
            description:
              - 'Time-based routing as the PBX reports it in its route list: C(time_condition) (C(global), C(route_scope)
                or C(custom)), C(time_condition_value), and the business-hours, outside-hours and holiday destinations with
                their values, under the API''s names. Read only: set it in the web interface; the OpenAPI cannot set it (its
                create and update take none of these fields).'
              - 'Given, it is checked: anything else than what the PBX holds (or, for a new route, anything but C({time_condition:
                disabled})) fails the task before any write. Left out of gathered output while C(time_condition) is C(disabled),
                so gathered output can be declared back unchanged.'
            type: dict
          position:
            description:
              - 'The route''s place in the PBX''s list of inbound routes (1 is matched first). The OpenAPI reports it but
                cannot set it: a new route goes last, so declare routes in order (a O(telephony.pbx.yeastar_config#module:config)
                section creates them in the order given). Given, it is checked: a route elsewhere fails the task before any
                write, naming where it is; move it in the web interface.'
            type: int
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
    running_config: "{{ lookup('ansible.builtin.file', 'host_vars/' ~ inventory_hostname ~ '/pbx_config.yml') }}"
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

from ansible_collections.telephony.pbx.plugins.module_utils.module import config_fields, run_config_module
from ansible_collections.telephony.pbx.plugins.module_utils.yeastar import YeastarClient
from ansible_collections.telephony.pbx.plugins.module_utils.yeastar_sections import SECTIONS

FIELDS = config_fields(SECTIONS)


def main():
    run_config_module(SECTIONS, YeastarClient)


if __name__ == "__main__":
    main()
