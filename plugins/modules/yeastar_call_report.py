#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: telephony.pbx contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: yeastar_call_report
short_description: Read and download the call reports of a Yeastar P-Series PBX, instant and scheduled
version_added: 0.1.0
author: telephony.pbx maintainers (@telephony-pbx)
description:
  - With O(type), reads an instant call report (C(call_report/list)) for a time range or period, and downloads it
    as a file with O(download_to) (C(call_report/download)).
  - Without O(type), lists the scheduled reports (C(call_schedule_report/list)) and downloads the one named
    O(scheduled_report).
  - Extensions, queues, IVRs, ring groups and agents are named by number; the module looks up their IDs. The options
    a report type needs and takes are checked before any request.
extends_documentation_fragment:
  - telephony.pbx.attributes.downloads
  - telephony.pbx.attributes.yeastar
seealso:
  - module: telephony.pbx.yeastar_cdr_info
notes:
  - The file travels from the PBX straight to the controller path through the persistent connection, never
    through the module's JSON answer.
options:
  type:
    description:
      - The instant report to read (and download with O(download_to)), as C(call_report/list) names it.
      - 'Not given: the module lists the scheduled reports, and downloads the one named O(scheduled_report).'
    type: str
    choices:
      - extcallstatistics
      - extcallactivity
      - trunkactivity
      - trunkdiddodactivity
      - ivr
      - queueavgwaittalktime
      - queueperformance
      - queueperformanceactivity
      - queuecallbacksummary
      - queuecallbackactivity
      - queuesatisfaction
      - queuesatisfactiondetail
      - queueagentlogintime
      - queueagentpausetime
      - queueagentmisscalls
      - queueagentperformance
      - queueagentinoutcalls
      - ringgroupstatistics
      - extcallbilling
      - extcallbillingdetails
  start_time:
    description:
      - Only calls from this time on, written C(YYYY-MM-DD HH:MM:SS) (or C(YYYY-MM-DD) for midnight) in the PBX's time zone.
    type: str
  end_time:
    description:
      - Only calls up to this time, written like O(start_time); a date alone means its last second.
    type: str
  period:
    description:
      - 'For the activity reports (C(extcallactivity), C(trunkactivity), C(trunkdiddodactivity), C(queueavgwaittalktime),
        C(queueperformanceactivity)): C(YYYY-MM-DD) for a day by hour, C(YYYY-MM) for a month by day, C(YYYY) for a year by
        month.'
    type: str
  extensions:
    description:
      - The extensions reported on, by number.
    type: list
    elements: str
  trunk_ids:
    description:
      - The trunks reported on, by ID (C(system/get_menuoptions), menu C(trunk)); C(trunkdiddodactivity) takes one.
    type: list
    elements: int
  ivrs:
    description:
      - The IVRs reported on, by number.
    type: list
    elements: str
  ring_groups:
    description:
      - The ring groups reported on, by number.
    type: list
    elements: str
  queues:
    description:
      - The queues reported on, by number; the queue satisfaction and agent reports take one.
    type: list
    elements: str
  agents:
    description:
      - Only these agents of the queue, by extension number.
    type: list
    elements: str
  communication_type:
    description:
      - Only calls of this direction (extension and trunk reports; trunk reports know no C(Internal)).
    type: str
    choices:
      - Inbound
      - Outbound
      - Internal
  scheduled_report:
    description:
      - The scheduled report to download with O(download_to), by name.
    type: str
  download_to:
    description:
      - Download the report's file (CSV) to this absolute path on the controller. An identical file already there is left
        alone.
    type: path
  pbx_date_format:
    description:
      - The date display format set on the PBX (System > Date and Time). The PBX reads O(start_time) and O(end_time) in it
        and answers no records at all, rather than an error, to times in another format; the module converts the times it
        is given.
    type: str
    default: mm/dd/yyyy
    choices:
      - dd/mm/yyyy
      - mm/dd/yyyy
      - yyyy/mm/dd
  pbx_time_format:
    description:
      - The time display format set on the PBX, C(24h) or C(12h) (with AM/PM).
    type: str
    default: 24h
    choices:
      - 12h
      - 24h
"""

EXAMPLES = r"""
- name: The extensions the report is about
  telephony.pbx.yeastar_extension:
    number: "{{ item }}"
    user_password: "{{ vault_ext_user_password }}"
    reg_password: "{{ vault_ext_reg_password }}"
    departments: [Yeastar]
  loop: ["1001", "1002"]

- name: Call statistics of two extensions in March 2026
  telephony.pbx.yeastar_call_report:
    type: extcallstatistics
    extensions: ["1001", "1002"]
    start_time: "2026-03-01"
    end_time: "2026-03-31"
  register: stats

- name: The calls of extension 1001 on 2 March 2026, hour by hour, as a CSV file
  telephony.pbx.yeastar_call_report:
    type: extcallactivity
    extensions: ["1001"]
    period: "2026-03-02"
    download_to: /tmp/pbx-reports/1001-2026-03-02.csv

- name: The scheduled reports
  telephony.pbx.yeastar_call_report:
  register: scheduled
"""

RETURN = r"""
report:
  description:
    - The rows of the instant report, as the PBX sends the list of its type (for C(extcallstatistics),
      C(ext_call_statistics_list)).
  returned: when O(type) is given
  type: list
  elements: dict
  sample: [{ext_num: "1001", ext_name: Leo Ball, answered_calls: 12, no_answer_calls: 2, busy_calls: 0, failed_calls: 1,
            voicemail_calls: 0, total_holding_time: 40, total_talking_time: 1830}]
scheduled_reports:
  description: The scheduled reports, from every page.
  returned: when O(type) is not given
  type: list
  elements: dict
  sample: [{id: 5, name: Support, format: csv, date: "2022/06/08 09:47:53"}]
download:
  description: The report file downloaded to O(download_to).
  returned: when O(download_to) is given
  type: dict
  contains:
    path:
      description: Where the file is.
      type: str
      sample: /tmp/pbx-reports/1001-2026-03-02.csv
    file:
      description: The file name the PBX gave the file.
      type: str
      sample: Support.csv
    size:
      description: Its size in bytes.
      type: int
      sample: 2048
    sha256:
      description: Its SHA-256 checksum.
      type: str
      sample: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
    changed:
      description: Whether the file at O(download_to) was written (false when an identical file was there).
      type: bool
      sample: true
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
"""

from ansible_collections.telephony.pbx.plugins.module_utils.module import run_module
from ansible_collections.telephony.pbx.plugins.module_utils.yeastar import YeastarClient
from ansible_collections.telephony.pbx.plugins.module_utils.yeastar_call_logs import CALL_REPORT_FIELDS, call_reports

FIELDS = CALL_REPORT_FIELDS


def main():
    run_module(FIELDS, call_reports, YeastarClient)


if __name__ == "__main__":
    main()
