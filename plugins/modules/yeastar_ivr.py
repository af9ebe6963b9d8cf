#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: telephony.pbx contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: yeastar_ivr
short_description: Manage IVRs (auto attendants) on a Yeastar P-Series PBX
version_added: 0.1.0
author: telephony.pbx maintainers (@telephony-pbx)
description:
  - Creates, updates and deletes IVRs through the Yeastar P-Series OpenAPI v1.0.
  - The IVR is identified by O(number). Only the options given are compared and sent;
    everything else keeps its value on the PBX.
  - "Each of the 14 destination slots (keys 0 to 9, C(*) and C(#), the response timeout and an invalid key) is one
    option naming its target by type and number (C({type: queue, number: '6400'})), never by internal ID;
    C({type: none}) is a slot nobody configured."
  - Extensions and departments callers may (or may not) dial are given by number and by name, outbound routes by name.
  - The same options make the C(ivrs) section of M(telephony.pbx.yeastar_config), which manages many IVRs in one task.
extends_documentation_fragment:
  - telephony.pbx.attributes
  - telephony.pbx.attributes.yeastar
notes:
  - "A slot not given is not touched. A slot the PBX holds unconfigured reads as C({type: none}); giving
    C({type: none}) clears a slot."
  - The prompts, the repeat count, both timeouts and O(dial_ext_option) are required by the API on creation; the module
    sends C([default]), C(3), C(3), C(3) and C(disable) when the task does not give them.
  - Deleting an IVR that another object still routes calls to is refused by the PBX;
    M(telephony.pbx.yeastar_config) names the objects that refer to it before sending anything.
  - C(docs/ivrs.md) in the collection describes the key slots, the dial options and the prompt password.
seealso:
  - module: telephony.pbx.yeastar_config
  - module: telephony.pbx.yeastar_ring_group
options:
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
      - 'The prompts played in turn, in this order: C(default) (the PBX''s own) or file names of custom prompts; at most 5.
        When the IVR is created without it, C([default]).'
    type: list
    elements: str
  prompt_repeat:
    description:
      - How many times the prompts play while the caller presses nothing (1 to 5). When the IVR is created without it, C(3).
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
      - 'Whether callers may dial extensions directly: C(disable) none, C(all) every one, C(allow) only those of O(allowed_extensions)
        and O(allowed_departments), C(restrict) all but those of O(restricted_extensions) and O(restricted_departments). When
        the IVR is created without it, C(disable).'
    type: str
    choices:
      - disable
      - all
      - allow
      - restrict
  allowed_extensions:
    description:
      - Extension numbers callers may dial with O(dial_ext_option=allow); the complete list (order does not matter). The PBX
        keeps it only while O(dial_ext_option=allow).
    type: list
    elements: str
  allowed_departments:
    description:
      - Departments (by name, or by path such as C(Sales/EU)) whose extensions callers may dial with O(dial_ext_option=allow);
        the complete list. Extension groups in the PBX's list are kept as they are.
    type: list
    elements: str
  restricted_extensions:
    description:
      - Extension numbers callers may not dial with O(dial_ext_option=restrict); the complete list.
    type: list
    elements: str
  restricted_departments:
    description:
      - Departments whose extensions callers may not dial with O(dial_ext_option=restrict); the complete list.
    type: list
    elements: str
  enb_dial_outb_routes:
    description:
      - Let callers dial external numbers through the outbound routes of O(outbound_routes).
    type: bool
  outbound_routes:
    description:
      - Names of the outbound routes callers may use with O(enb_dial_outb_routes=true); the complete list. The PBX requires
        at least one while O(enb_dial_outb_routes=true).
    type: list
    elements: str
  enb_dial_check_vm:
    description:
      - Let callers check voicemail through the IVR.
    type: bool
  enb_prompt_manager:
    description:
      - Let callers dial C(#9) to record a new IVR prompt, after O(prompt_manager_password).
    type: bool
  prompt_manager_password:
    description:
      - Password (digits) for changing the prompt with C(#9); the PBX requires it while O(enb_prompt_manager=true).
      - The PBX never reveals it (it answers C(*****)), so with O(update_password=always) it is sent on every run and the
        task reports a change.
    type: str
  key_0:
    description:
      - 'Where a caller who presses key 0 goes, for example C({type: ring_group, number: ''6300''}), C({type: external_num,
        number: ''5551234'', prefix: ''9''}) or C({type: play_prompt, prompt: menu.wav, repeat: 2}).'
      - 'C({type: none}) leaves it unconfigured; under O(telephony.pbx.yeastar_config#module:state=replaced) a slot not declared
        goes back to that.'
    type: dict
    suboptions:
      type:
        description:
          - C(end_call) hangs up; C(extension) rings the extension of that C(number); C(ext_vm) goes to its voicemail; C(ivr),
            C(ring_group) and C(queue) go to the object of that C(number); C(dial_by_name) lets the caller dial by name; C(external_num)
            dials C(number) with the dial C(prefix); C(play_greeting) plays C(prompt) C(repeat) times and hangs up; C(play_prompt)
            plays C(prompt) C(repeat) times and returns; C(group_vm) and C(conference) take the API ID in C(value); C(none)
            leaves the slot unconfigured (the API's empty type); it is what a slot holds when the IVR is created without it.
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
      - Stop recording the call once it goes to the destination of key 0 (API field C(allow_out_record0); the manual's words,
        although the name suggests the opposite).
    type: bool
  key_1:
    description:
      - 'Where a caller who presses key 1 goes, for example C({type: ring_group, number: ''6300''}), C({type: external_num,
        number: ''5551234'', prefix: ''9''}) or C({type: play_prompt, prompt: menu.wav, repeat: 2}).'
      - 'C({type: none}) leaves it unconfigured; under O(telephony.pbx.yeastar_config#module:state=replaced) a slot not declared
        goes back to that.'
    type: dict
    suboptions:
      type:
        description:
          - C(end_call) hangs up; C(extension) rings the extension of that C(number); C(ext_vm) goes to its voicemail; C(ivr),
            C(ring_group) and C(queue) go to the object of that C(number); C(dial_by_name) lets the caller dial by name; C(external_num)
            dials C(number) with the dial C(prefix); C(play_greeting) plays C(prompt) C(repeat) times and hangs up; C(play_prompt)
            plays C(prompt) C(repeat) times and returns; C(group_vm) and C(conference) take the API ID in C(value); C(none)
            leaves the slot unconfigured (the API's empty type); it is what a slot holds when the IVR is created without it.
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
      - Stop recording the call once it goes to the destination of key 1 (API field C(allow_out_record1); the manual's words,
        although the name suggests the opposite).
    type: bool
  key_2:
    description:
      - 'Where a caller who presses key 2 goes, for example C({type: ring_group, number: ''6300''}), C({type: external_num,
        number: ''5551234'', prefix: ''9''}) or C({type: play_prompt, prompt: menu.wav, repeat: 2}).'
      - 'C({type: none}) leaves it unconfigured; under O(telephony.pbx.yeastar_config#module:state=replaced) a slot not declared
        goes back to that.'
    type: dict
    suboptions:
      type:
        description:
          - C(end_call) hangs up; C(extension) rings the extension of that C(number); C(ext_vm) goes to its voicemail; C(ivr),
            C(ring_group) and C(queue) go to the object of that C(number); C(dial_by_name) lets the caller dial by name; C(external_num)
            dials C(number) with the dial C(prefix); C(play_greeting) plays C(prompt) C(repeat) times and hangs up; C(play_prompt)
            plays C(prompt) C(repeat) times and returns; C(group_vm) and C(conference) take the API ID in C(value); C(none)
            leaves the slot unconfigured (the API's empty type); it is what a slot holds when the IVR is created without it.
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
      - Stop recording the call once it goes to the destination of key 2 (API field C(allow_out_record2); the manual's words,
        although the name suggests the opposite).
    type: bool
  key_3:
    description:
      - 'Where a caller who presses key 3 goes, for example C({type: ring_group, number: ''6300''}), C({type: external_num,
        number: ''5551234'', prefix: ''9''}) or C({type: play_prompt, prompt: menu.wav, repeat: 2}).'
      - 'C({type: none}) leaves it unconfigured; under O(telephony.pbx.yeastar_config#module:state=replaced) a slot not declared
        goes back to that.'
    type: dict
    suboptions:
      type:
        description:
          - C(end_call) hangs up; C(extension) rings the extension of that C(number); C(ext_vm) goes to its voicemail; C(ivr),
            C(ring_group) and C(queue) go to the object of that C(number); C(dial_by_name) lets the caller dial by name; C(external_num)
            dials C(number) with the dial C(prefix); C(play_greeting) plays C(prompt) C(repeat) times and hangs up; C(play_prompt)
            plays C(prompt) C(repeat) times and returns; C(group_vm) and C(conference) take the API ID in C(value); C(none)
            leaves the slot unconfigured (the API's empty type); it is what a slot holds when the IVR is created without it.
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
      - Stop recording the call once it goes to the destination of key 3 (API field C(allow_out_record3); the manual's words,
        although the name suggests the opposite).
    type: bool
  key_4:
    description:
      - 'Where a caller who presses key 4 goes, for example C({type: ring_group, number: ''6300''}), C({type: external_num,
        number: ''5551234'', prefix: ''9''}) or C({type: play_prompt, prompt: menu.wav, repeat: 2}).'
      - 'C({type: none}) leaves it unconfigured; under O(telephony.pbx.yeastar_config#module:state=replaced) a slot not declared
        goes back to that.'
    type: dict
    suboptions:
      type:
        description:
          - C(end_call) hangs up; C(extension) rings the extension of that C(number); C(ext_vm) goes to its voicemail; C(ivr),
            C(ring_group) and C(queue) go to the object of that C(number); C(dial_by_name) lets the caller dial by name; C(external_num)
            dials C(number) with the dial C(prefix); C(play_greeting) plays C(prompt) C(repeat) times and hangs up; C(play_prompt)
            plays C(prompt) C(repeat) times and returns; C(group_vm) and C(conference) take the API ID in C(value); C(none)
            leaves the slot unconfigured (the API's empty type); it is what a slot holds when the IVR is created without it.
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
      - Stop recording the call once it goes to the destination of key 4 (API field C(allow_out_record4); the manual's words,
        although the name suggests the opposite).
    type: bool
  key_5:
    description:
      - 'Where a caller who presses key 5 goes, for example C({type: ring_group, number: ''6300''}), C({type: external_num,
        number: ''5551234'', prefix: ''9''}) or C({type: play_prompt, prompt: menu.wav, repeat: 2}).'
      - 'C({type: none}) leaves it unconfigured; under O(telephony.pbx.yeastar_config#module:state=replaced) a slot not declared
        goes back to that.'
    type: dict
    suboptions:
      type:
        description:
          - C(end_call) hangs up; C(extension) rings the extension of that C(number); C(ext_vm) goes to its voicemail; C(ivr),
            C(ring_group) and C(queue) go to the object of that C(number); C(dial_by_name) lets the caller dial by name; C(external_num)
            dials C(number) with the dial C(prefix); C(play_greeting) plays C(prompt) C(repeat) times and hangs up; C(play_prompt)
            plays C(prompt) C(repeat) times and returns; C(group_vm) and C(conference) take the API ID in C(value); C(none)
            leaves the slot unconfigured (the API's empty type); it is what a slot holds when the IVR is created without it.
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
      - Stop recording the call once it goes to the destination of key 5 (API field C(allow_out_record5); the manual's words,
        although the name suggests the opposite).
    type: bool
  key_6:
    description:
      - 'Where a caller who presses key 6 goes, for example C({type: ring_group, number: ''6300''}), C({type: external_num,
        number: ''5551234'', prefix: ''9''}) or C({type: play_prompt, prompt: menu.wav, repeat: 2}).'
      - 'C({type: none}) leaves it unconfigured; under O(telephony.pbx.yeastar_config#module:state=replaced) a slot not declared
        goes back to that.'
    type: dict
    suboptions:
      type:
        description:
          - C(end_call) hangs up; C(extension) rings the extension of that C(number); C(ext_vm) goes to its voicemail; C(ivr),
            C(ring_group) and C(queue) go to the object of that C(number); C(dial_by_name) lets the caller dial by name; C(external_num)
            dials C(number) with the dial C(prefix); C(play_greeting) plays C(prompt) C(repeat) times and hangs up; C(play_prompt)
            plays C(prompt) C(repeat) times and returns; C(group_vm) and C(conference) take the API ID in C(value); C(none)
            leaves the slot unconfigured (the API's empty type); it is what a slot holds when the IVR is created without it.
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
      - Stop recording the call once it goes to the destination of key 6 (API field C(allow_out_record6); the manual's words,
        although the name suggests the opposite).
    type: bool
  key_7:
    description:
      - 'Where a caller who presses key 7 goes, for example C({type: ring_group, number: ''6300''}), C({type: external_num,
        number: ''5551234'', prefix: ''9''}) or C({type: play_prompt, prompt: menu.wav, repeat: 2}).'
      - 'C({type: none}) leaves it unconfigured; under O(telephony.pbx.yeastar_config#module:state=replaced) a slot not declared
        goes back to that.'
    type: dict
    suboptions:
      type:
        description:
          - C(end_call) hangs up; C(extension) rings the extension of that C(number); C(ext_vm) goes to its voicemail; C(ivr),
            C(ring_group) and C(queue) go to the object of that C(number); C(dial_by_name) lets the caller dial by name; C(external_num)
            dials C(number) with the dial C(prefix); C(play_greeting) plays C(prompt) C(repeat) times and hangs up; C(play_prompt)
            plays C(prompt) C(repeat) times and returns; C(group_vm) and C(conference) take the API ID in C(value); C(none)
            leaves the slot unconfigured (the API's empty type); it is what a slot holds when the IVR is created without it.
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
      - Stop recording the call once it goes to the destination of key 7 (API field C(allow_out_record7); the manual's words,
        although the name suggests the opposite).
    type: bool
  key_8:
    description:
      - 'Where a caller who presses key 8 goes, for example C({type: ring_group, number: ''6300''}), C({type: external_num,
        number: ''5551234'', prefix: ''9''}) or C({type: play_prompt, prompt: menu.wav, repeat: 2}).'
      - 'C({type: none}) leaves it unconfigured; under O(telephony.pbx.yeastar_config#module:state=replaced) a slot not declared
        goes back to that.'
    type: dict
    suboptions:
      type:
        description:
          - C(end_call) hangs up; C(extension) rings the extension of that C(number); C(ext_vm) goes to its voicemail; C(ivr),
            C(ring_group) and C(queue) go to the object of that C(number); C(dial_by_name) lets the caller dial by name; C(external_num)
            dials C(number) with the dial C(prefix); C(play_greeting) plays C(prompt) C(repeat) times and hangs up; C(play_prompt)
            plays C(prompt) C(repeat) times and returns; C(group_vm) and C(conference) take the API ID in C(value); C(none)
            leaves the slot unconfigured (the API's empty type); it is what a slot holds when the IVR is created without it.
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
      - Stop recording the call once it goes to the destination of key 8 (API field C(allow_out_record8); the manual's words,
        although the name suggests the opposite).
    type: bool
  key_9:
    description:
      - 'Where a caller who presses key 9 goes, for example C({type: ring_group, number: ''6300''}), C({type: external_num,
        number: ''5551234'', prefix: ''9''}) or C({type: play_prompt, prompt: menu.wav, repeat: 2}).'
      - 'C({type: none}) leaves it unconfigured; under O(telephony.pbx.yeastar_config#module:state=replaced) a slot not declared
        goes back to that.'
    type: dict
    suboptions:
      type:
        description:
          - C(end_call) hangs up; C(extension) rings the extension of that C(number); C(ext_vm) goes to its voicemail; C(ivr),
            C(ring_group) and C(queue) go to the object of that C(number); C(dial_by_name) lets the caller dial by name; C(external_num)
            dials C(number) with the dial C(prefix); C(play_greeting) plays C(prompt) C(repeat) times and hangs up; C(play_prompt)
            plays C(prompt) C(repeat) times and returns; C(group_vm) and C(conference) take the API ID in C(value); C(none)
            leaves the slot unconfigured (the API's empty type); it is what a slot holds when the IVR is created without it.
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
      - Stop recording the call once it goes to the destination of key 9 (API field C(allow_out_record9); the manual's words,
        although the name suggests the opposite).
    type: bool
  key_star:
    description:
      - 'Where a caller who presses key C(*) goes, for example C({type: ring_group, number: ''6300''}), C({type: external_num,
        number: ''5551234'', prefix: ''9''}) or C({type: play_prompt, prompt: menu.wav, repeat: 2}).'
      - 'C({type: none}) leaves it unconfigured; under O(telephony.pbx.yeastar_config#module:state=replaced) a slot not declared
        goes back to that.'
    type: dict
    suboptions:
      type:
        description:
          - C(end_call) hangs up; C(extension) rings the extension of that C(number); C(ext_vm) goes to its voicemail; C(ivr),
            C(ring_group) and C(queue) go to the object of that C(number); C(dial_by_name) lets the caller dial by name; C(external_num)
            dials C(number) with the dial C(prefix); C(play_greeting) plays C(prompt) C(repeat) times and hangs up; C(play_prompt)
            plays C(prompt) C(repeat) times and returns; C(group_vm) and C(conference) take the API ID in C(value); C(none)
            leaves the slot unconfigured (the API's empty type); it is what a slot holds when the IVR is created without it.
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
      - Stop recording the call once it goes to the destination of key C(*) (API field C(allow_out_record_star); the manual's
        words, although the name suggests the opposite).
    type: bool
  key_hash:
    description:
      - 'Where a caller who presses key C(#) goes, for example C({type: ring_group, number: ''6300''}), C({type: external_num,
        number: ''5551234'', prefix: ''9''}) or C({type: play_prompt, prompt: menu.wav, repeat: 2}).'
      - 'C({type: none}) leaves it unconfigured; under O(telephony.pbx.yeastar_config#module:state=replaced) a slot not declared
        goes back to that.'
    type: dict
    suboptions:
      type:
        description:
          - C(end_call) hangs up; C(extension) rings the extension of that C(number); C(ext_vm) goes to its voicemail; C(ivr),
            C(ring_group) and C(queue) go to the object of that C(number); C(dial_by_name) lets the caller dial by name; C(external_num)
            dials C(number) with the dial C(prefix); C(play_greeting) plays C(prompt) C(repeat) times and hangs up; C(play_prompt)
            plays C(prompt) C(repeat) times and returns; C(group_vm) and C(conference) take the API ID in C(value); C(none)
            leaves the slot unconfigured (the API's empty type); it is what a slot holds when the IVR is created without it.
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
      - Stop recording the call once it goes to the destination of key C(#) (API field C(allow_out_record_hash); the manual's
        words, although the name suggests the opposite).
    type: bool
  timeout_destination:
    description:
      - Where the call goes when the caller has pressed nothing after the prompt played O(prompt_repeat) times, each followed
        by O(response_timeout) seconds of waiting.
      - 'C({type: none}) leaves it unconfigured; under O(telephony.pbx.yeastar_config#module:state=replaced) a slot not declared
        goes back to that.'
    type: dict
    suboptions:
      type:
        description:
          - C(end_call) hangs up; C(extension) rings the extension of that C(number); C(ext_vm) goes to its voicemail; C(ivr),
            C(ring_group) and C(queue) go to the object of that C(number); C(dial_by_name) lets the caller dial by name; C(external_num)
            dials C(number) with the dial C(prefix); C(play_greeting) plays C(prompt) C(repeat) times and hangs up; C(play_prompt)
            plays C(prompt) C(repeat) times and returns; C(group_vm) and C(conference) take the API ID in C(value); C(none)
            leaves the slot unconfigured (the API's empty type); it is what a slot holds when the IVR is created without it.
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
      - 'C({type: none}) leaves it unconfigured; under O(telephony.pbx.yeastar_config#module:state=replaced) a slot not declared
        goes back to that.'
    type: dict
    suboptions:
      type:
        description:
          - C(end_call) hangs up; C(extension) rings the extension of that C(number); C(ext_vm) goes to its voicemail; C(ivr),
            C(ring_group) and C(queue) go to the object of that C(number); C(dial_by_name) lets the caller dial by name; C(external_num)
            dials C(number) with the dial C(prefix); C(play_greeting) plays C(prompt) C(repeat) times and hangs up; C(play_prompt)
            plays C(prompt) C(repeat) times and returns; C(group_vm) and C(conference) take the API ID in C(value); C(none)
            leaves the slot unconfigured (the API's empty type); it is what a slot holds when the IVR is created without it.
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
- name: Main menu (1 sales, 2 support, 0 operator)
  telephony.pbx.yeastar_ivr:
    number: "6200"
    name: Main menu
    prompts: [welcome.wav, menu.wav]
    prompt_repeat: 2
    key_1: {type: ring_group, number: "6300"}
    key_2: {type: queue, number: "6400"}
    key_0: {type: extension, number: "1000"}
    key_star: {type: play_prompt, prompt: opening-hours.wav}
    timeout_destination: {type: ext_vm, number: "1000"}
    invalid_destination: {type: play_prompt, prompt: invalid.wav}
    dial_ext_option: allow
    allowed_departments: [Sales]
    allowed_extensions: ["1000"]

- name: Stop offering key 9
  telephony.pbx.yeastar_ivr:
    number: "6200"
    key_9: {type: none}

- name: Remove an IVR
  telephony.pbx.yeastar_ivr:
    number: "6201"
    state: absent
"""

RETURN = r"""
ivr:
  description: The IVR after the task, as the API holds it (prompt password masked); empty after deletion.
  returned: always
  type: dict
  sample:
    id: 3
    number: "6200"
    name: Main menu
    prompt: welcome.wav,menu.wav
    prompt_repeat: 2
    resp_timeout: 3
    digit_timeout: 3
    dial_ext_option: allow
    dial_ext_list: [{value: "12", type: extension}]
    press1_dest: ring_group
    press1_dest_prefix: ""
    press1_dest_value: "3"
    allow_out_record1: 0
    prompt_manger_enb: 0
    prompt_manger_password: "********"
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
from ansible_collections.telephony.pbx.plugins.module_utils.yeastar_ivrs import IvrAdapter

FIELDS = module_fields(IvrAdapter.spec)


def main():
    run_resource_module(IvrAdapter, YeastarClient)


if __name__ == "__main__":
    main()
