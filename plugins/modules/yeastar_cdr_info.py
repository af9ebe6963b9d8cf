#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: telephony.pbx contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: yeastar_cdr_info
short_description: Read the call detail records (CDR) of a Yeastar P-Series PBX, and download them as a file
version_added: 0.1.0
author: telephony.pbx maintainers (@telephony-pbx)
description:
  - Lists the CDR with C(cdr/list), or with C(cdr/search) when a filter is given, reading every page.
  - Optionally downloads the CDR file of the same records (C(cdr/download)) to a path on the controller.
extends_documentation_fragment:
  - telephony.pbx.attributes.downloads
  - telephony.pbx.attributes.yeastar
seealso:
  - module: telephony.pbx.yeastar_recording
  - module: telephony.pbx.yeastar_call_report
notes:
  - The file travels from the PBX straight to the controller path through the persistent connection, never
    through the module's JSON answer, so large files cost no memory.
options:
  start_time:
    description:
      - Only calls made from this time on, written C(YYYY-MM-DD HH:MM:SS) (or C(YYYY-MM-DD) for midnight) in the PBX's time
        zone.
    type: str
  end_time:
    description:
      - Only calls made up to this time, written like O(start_time); a date alone means its last second.
    type: str
  call_from:
    description:
      - Only calls made by this number (an extension or an external number).
    type: str
  call_to:
    description:
      - Only calls made to this number.
    type: str
  status:
    description:
      - Only calls that ended so.
    type: str
    choices:
      - ANSWERED
      - NO ANSWER
      - BUSY
      - FAILED
      - VOICEMAIL
  fuzzy_search:
    description:
      - Match O(call_from) and O(call_to) as parts of numbers rather than whole numbers.
    type: bool
    default: false
  extension_group:
    description:
      - Only calls of the members of this extension group, by its ID (C(system/get_menuoptions), menu C(ext_group)).
    type: int
  sort_by:
    description:
      - The field the records are ordered by.
    type: str
    default: id
    choices:
      - id
      - uid
      - time
      - duration
      - ring_duration
      - talk_duration
      - disposition
      - src_trunk
      - dst_trunk
      - call_type
      - did_number
      - dod_number
      - src_addr
  order_by:
    description:
      - C(desc) lists the newest records first.
    type: str
    default: desc
    choices:
      - asc
      - desc
  limit:
    description:
      - Return at most this many records (the first pages only); all of them when not given.
    type: int
  download_to:
    description:
      - Also download the CDR file (CSV) of the records the filters select to this absolute path on the controller. An identical
        file already there is left alone (RV(download.changed) is false).
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
- name: Calls made by extension 1001 on 2 March 2026 that were answered
  telephony.pbx.yeastar_cdr_info:
    call_from: "1001"
    status: ANSWERED
    start_time: "2026-03-02"
    end_time: "2026-03-02"
  register: calls

- name: The 100 newest records
  telephony.pbx.yeastar_cdr_info:
    limit: 100

- name: The CDR file of March 2026 on the controller
  telephony.pbx.yeastar_cdr_info:
    start_time: "2026-03-01 00:00:00"
    end_time: "2026-03-31 23:59:59"
    download_to: /tmp/pbx-cdr/2026-03.csv
"""

RETURN = r"""
cdrs:
  description:
    - The records, from every page (up to O(limit)), as the PBX lists them; fields that do not apply to a call
      are left out.
  returned: always
  type: list
  elements: dict
  sample: [{id: 2714, time: "06/14/2022 11:19:28", call_from: "Kristin Hale<2005>", call_to: "Anna Simmons<2008>",
            timestamp: 1655176768, uid: 20220614111928CC54A, duration: 48, ring_duration: 2, talk_duration: 46,
            disposition: ANSWERED, call_type: Internal, record_file: 20220614111933-1655176768.0-2005-2008-Internal.wav,
            reason: src hangup}]
download:
  description: The CDR file downloaded to O(download_to).
  returned: when O(download_to) is given
  type: dict
  contains:
    path:
      description: Where the file is.
      type: str
      sample: /tmp/pbx-cdr/2026-03.csv
    file:
      description: The file name the PBX gave the file.
      type: str
      sample: Cdr-X.7.0.16-download-20220520093856-xdhICiIeubqMAtvP.csv
    size:
      description: Its size in bytes.
      type: int
      sample: 30511
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
from ansible_collections.telephony.pbx.plugins.module_utils.yeastar_call_logs import CDR_FIELDS, read_cdrs

FIELDS = CDR_FIELDS


def main():
    run_module(FIELDS, read_cdrs, YeastarClient)


if __name__ == "__main__":
    main()
