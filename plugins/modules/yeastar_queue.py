#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: telephony.pbx contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: yeastar_queue
short_description: Manage call queues on a Yeastar P-Series PBX
version_added: 0.1.0
author: telephony.pbx maintainers (@telephony-pbx)
description:
  - Creates, updates and deletes call queues through the Yeastar P-Series OpenAPI v1.0.
  - The queue is identified by O(number). Only the options given are compared and sent;
    everything else keeps its value on the PBX.
  - "Agents and managers are extensions by number; destinations name their target by type and number
    (C({type: ring_group, number: '6300'})), prompts by file name, never by internal ID."
  - The same options make the C(queues) section of M(telephony.pbx.yeastar_config), which manages many
    queues in one task.
extends_documentation_fragment:
  - telephony.pbx.attributes
  - telephony.pbx.attributes.yeastar
notes:
  - O(static_agents) and O(dynamic_agents) are compared in order (the C(linear) strategy rings agents in list
    order); O(managers) is compared as a set. Each list replaces the queue's list when it differs.
  - Logging dynamic agents in and out, and pausing agents, is M(telephony.pbx.yeastar_queue_agent); the pause
    reasons are M(telephony.pbx.yeastar_queue_pause_reasons).
  - Deleting a queue that another object still routes calls to is refused by the PBX;
    M(telephony.pbx.yeastar_config) names the objects that refer to it before sending anything.
seealso:
  - module: telephony.pbx.yeastar_config
  - module: telephony.pbx.yeastar_queue_agent
  - module: telephony.pbx.yeastar_queue_pause_reasons
options:
  number:
    description:
      - Queue number; identifies the queue. Extensions, ring groups, queues and IVRs share one number space on the PBX.
    type: str
    required: true
  name:
    description:
      - Queue name. Required to create the queue.
    type: str
  ring_strategy:
    description:
      - C(ring_all) rings every agent at once; C(least_recent) the agent called least recently; C(fewest_calls) the agent
        with the fewest answered calls; C(random) a random agent; C(rrmemory) round robin with memory; C(linear) the agents
        in order. Required to create the queue.
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
      - 'The PBX accepts it but never reports it: when given, it is sent on every run and the task reports a change. It is
        left out of C(gathered).'
    type: bool
  static_agents:
    description:
      - 'Static agents: always logged in to the queue.'
      - 'Extension numbers, compared in order: with O(ring_strategy=linear) the agents ring in this order. The complete list:
        agents not listed are removed. A number may appear once, and not both among the static and the dynamic agents (the
        PBX refuses that).'
      - 'Skill levels are not managed: agents the list keeps keep theirs, new ones get the PBX''s default (1).'
    type: list
    elements: str
  dynamic_agents:
    description:
      - 'Dynamic agents: they log in and out (M(telephony.pbx.yeastar_queue_agent)).'
      - 'Extension numbers, compared in order: with O(ring_strategy=linear) the agents ring in this order. The complete list:
        agents not listed are removed. A number may appear once, and not both among the static and the dynamic agents (the
        PBX refuses that).'
      - 'Skill levels are not managed: agents the list keeps keep theirs, new ones get the PBX''s default (1).'
    type: list
    elements: str
  managers:
    description:
      - 'Extension numbers of the queue managers (they get the queue''s e-mail notifications), compared as a set. The complete
        list: managers not listed are removed.'
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
      - 'Where calls go when they leave the queue (wait time over, no agents), for example C({type: ext_vm, number: ''1000''})
        or C({type: play_greeting, prompt: closed.wav, repeat: 2}). Required to create the queue.'
    type: dict
    suboptions:
      type:
        description:
          - C(end_call) hangs up; C(extension) rings the extension of that C(number); C(ext_vm) goes to its voicemail; C(ivr),
            C(ring_group) and C(queue) go to the object of that C(number); C(external_num) dials C(number) with the dial C(prefix);
            C(play_greeting) plays C(prompt) C(repeat) times and hangs up; C(group_vm) takes the API ID in C(value).
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
      - Pause an agent (and e-mail them) after O(max_pause_miss_call) missed calls in a row.
    type: bool
  max_pause_miss_call:
    description:
      - Missed calls in a row that pause an agent (1 to 5); needed when O(enb_auto_pause) is on.
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
      - Send waiting calls to O(fail_destination) when the queue has no agents.
    type: bool
  leave_empty_scenarios:
    description:
      - What counts as no agents for O(enb_leave_empty).
      - 'C(unregistered): every agent is offline; C(paused): every agent is paused; C(in_use): every agent is on a call. Compared
        as a set.'
      - Takes effect while O(enb_leave_empty) is on; the PBX does not report the list while it is off, and it then reads as
        the default, C([unregistered, paused]).
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
      - What counts as no agents for O(enb_disallow_to_join_when_empty).
      - 'C(unregistered): every agent is offline; C(paused): every agent is paused; C(in_use): every agent is on a call. Compared
        as a set.'
      - Takes effect while O(enb_disallow_to_join_when_empty) is on; the PBX does not report the list while it is off, and
        it then reads as the default, C([unregistered, paused]).
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
      - E-mail the managers when the SLA falls below O(sla_alarm_threshold).
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
      - Seconds between plays of O(sys_announce_prompt).
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
      - Key a waiting caller presses to leave the queue for O(key_destination); empty for none.
    type: str
  key_destination:
    description:
      - Where calls go when the caller presses O(press_key); the same types as O(fail_destination).
    type: dict
    suboptions:
      type:
        description:
          - C(end_call) hangs up; C(extension) rings the extension of that C(number); C(ext_vm) goes to its voicemail; C(ivr),
            C(ring_group) and C(queue) go to the object of that C(number); C(external_num) dials C(number) with the dial C(prefix);
            C(play_greeting) plays C(prompt) C(repeat) times and hangs up; C(group_vm) takes the API ID in C(value).
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
      - 'C(digit): the caller presses O(callback_press_key); C(timeout): offered after O(callback_trigger_timeout).'
    type: str
    choices:
      - digit
      - timeout
  callback_press_key:
    description:
      - Key that requests a callback; needed with O(callback_method=digit).
    type: str
  callback_trigger_timeout:
    description:
      - Seconds of waiting after which a callback is offered; needed with O(callback_method=timeout).
    type: int
  callback_outbound_prefix:
    description:
      - Dial prefix of the outbound route callbacks use.
    type: str
  callback_timeout:
    description:
      - 'How long a callback request is kept: the queue''s O(max_wait_time), or O(callback_timeout_num).'
    type: str
    choices:
      - queue_max_wait_time
      - custom
  callback_timeout_num:
    description:
      - Seconds a callback request is kept; needed with O(callback_timeout=custom).
    type: int
  callback_enb_request_email:
    description:
      - E-mail the managers when a caller requests a callback.
    type: bool
  callback_enb_failed_email:
    description:
      - E-mail the managers when a callback request fails.
    type: bool
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
- name: Support queue with two static agents, overflowing to voicemail
  telephony.pbx.yeastar_queue:
    number: "6400"
    name: Support
    ring_strategy: linear
    static_agents: ["1000", "1001"]
    dynamic_agents: ["1002"]
    managers: ["1000"]
    max_wait_time: 300
    fail_destination:
      type: ext_vm
      number: "1000"
    press_key: "0"
    key_destination:
      type: ring_group
      number: "6300"

- name: Callback on key 1 after a custom retention time
  telephony.pbx.yeastar_queue:
    number: "6400"
    enb_callback: true
    callback_method: digit
    callback_press_key: "1"
    callback_timeout: custom
    callback_timeout_num: 600

- name: Remove a queue
  telephony.pbx.yeastar_queue:
    number: "6401"
    state: absent
"""

RETURN = r"""
queue:
  description: The queue after the task, as the API holds it; empty after deletion.
  returned: always
  type: dict
  sample:
    id: 3
    number: "6400"
    name: Support
    ring_strategy: linear
    static_agent_list: [{value: "12", type: extension, number_value: 1}]
    fail_dest: ext_vm
    fail_dest_prefix: ""
    fail_dest_value: "12"
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
from ansible_collections.telephony.pbx.plugins.module_utils.yeastar_queues import QueueAdapter

FIELDS = module_fields(QueueAdapter.spec)


def main():
    run_resource_module(QueueAdapter, YeastarClient)


if __name__ == "__main__":
    main()
