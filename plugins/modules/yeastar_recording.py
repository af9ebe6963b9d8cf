#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: telephony.pbx contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: yeastar_recording
short_description: List the call recordings of a Yeastar P-Series PBX and download chosen ones
version_added: 0.1.0
author: telephony.pbx maintainers (@telephony-pbx)
description:
  - Lists the call recordings with C(recording/list), reading every page.
  - Downloads the recordings chosen by ID or file name into a directory on the controller
    (C(recording/download), then the file), each only when it is not there yet, and reports their checksums.
extends_documentation_fragment:
  - telephony.pbx.attributes.downloads
  - telephony.pbx.attributes.yeastar
seealso:
  - module: telephony.pbx.yeastar_cdr_info
notes:
  - The files travel from the PBX straight to the controller directory through the persistent connection, never
    through the module's JSON answer, so large recordings cost no memory.
  - The PBX lists no filters for recordings; find the calls with M(telephony.pbx.yeastar_cdr_info), whose
    C(record_file) is the recording's file name, and download those with O(files).
options:
  ids:
    description:
      - The recordings to download, by ID (the C(id) of an item of RV(recordings)).
    type: list
    elements: int
  files:
    description:
      - The recordings to download, by file name (the C(file) of an item of RV(recordings), the C(record_file) of a CDR).
    type: list
    elements: str
  dest:
    description:
      - Absolute path of a directory on the controller to download the recordings chosen with O(ids) and O(files) into, each
        under its file name; created when missing. With none chosen, nothing is downloaded.
      - 'A file of the same name and the size the PBX lists is already there: it is not downloaded again. Recording files
        are never changed on the PBX and their names hold the call''s time and ID.'
    type: path
  sort_by:
    description:
      - The field the list is ordered by.
    type: str
    default: id
    choices:
      - id
      - time
  order_by:
    description:
      - C(desc) lists the newest recordings first.
    type: str
    default: desc
    choices:
      - asc
      - desc
  limit:
    description:
      - List at most this many recordings; all of them when not given.
    type: int
"""

EXAMPLES = r"""
- name: Every recording on the PBX
  telephony.pbx.yeastar_recording:
  register: listed

- name: Recordings of the answered calls of extension 1001 on 2 March 2026
  telephony.pbx.yeastar_cdr_info:
    call_from: "1001"
    status: ANSWERED
    start_time: "2026-03-02"
    end_time: "2026-03-02"
  register: calls

- name: Download them to the controller
  telephony.pbx.yeastar_recording:
    files: "{{ calls.cdrs | selectattr('record_file', 'defined') | map(attribute='record_file') | list }}"
    dest: /tmp/pbx-recordings/1001
  register: fetched

- name: Checksums of the files
  ansible.builtin.debug:
    msg: "{{ fetched.downloaded | items2dict(key_name='file', value_name='sha256') }}"
"""

RETURN = r"""
recordings:
  description: The recordings, from every page (up to O(limit)).
  returned: always
  type: list
  elements: dict
  sample: [{id: 614, time: "01/12/2022 17:36:24", uid: "2022011217362446627", call_from: "Evelyn<5566>",
            call_to: "Dave Harris<5556>", duration: 100, size: 825588, call_type: Internal,
            file: 20220112173629-1641980184.14-5566-5556-Internal.wav}]
downloaded:
  description: The recordings chosen with O(ids) and O(files), in that order, and where they are on the controller.
  returned: always
  type: list
  elements: dict
  contains:
    id:
      description: The recording's ID.
      type: int
      sample: 614
    file:
      description: Its file name.
      type: str
      sample: 20220112173629-1641980184.14-5566-5556-Internal.wav
    path:
      description: Its path under O(dest).
      type: str
      sample: /tmp/pbx-recordings/20220112173629-1641980184.14-5566-5556-Internal.wav
    size:
      description: Its size in bytes.
      type: int
      sample: 825588
    sha256:
      description: The SHA-256 checksum of the file; null in check mode for a file not downloaded yet.
      type: str
      sample: 2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae
    changed:
      description: Whether it was downloaded by this task (in check mode, whether it would be).
      type: bool
      sample: false
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
from ansible_collections.telephony.pbx.plugins.module_utils.yeastar_call_logs import RECORDING_FIELDS, recordings

FIELDS = RECORDING_FIELDS


def main():
    run_module(FIELDS, recordings, YeastarClient)


if __name__ == "__main__":
    main()
