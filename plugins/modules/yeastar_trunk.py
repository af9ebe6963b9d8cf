#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: telephony.pbx contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: yeastar_trunk
short_description: Manage SIP trunks on a Yeastar P-Series PBX
version_added: 0.1.0
author: telephony.pbx maintainers (@telephony-pbx)
description:
  - Creates, updates and deletes SIP trunks (register, peer and account trunks) through the Yeastar P-Series
    OpenAPI v1.0.
  - The trunk is identified by O(name). Only the options given are compared and sent; each kind of trunk takes
    its own options (a peer trunk has no O(username)), and giving one of another kind fails before any request.
  - O(country) and O(itsp) are set when the trunk is created and cannot change. Changing O(type) replaces the
    trunk (created anew under a temporary name, the old one deleted, the new one renamed); the diff says so.
  - The same options make the C(trunks) section of M(telephony.pbx.yeastar_config).
extends_documentation_fragment:
  - telephony.pbx.attributes
  - telephony.pbx.attributes.yeastar
notes:
  - The password is a secret. The PBX answers it in clear; the module never shows it (diffs, results and the
    connection's request log mask it) and, under O(update_password=always), compares it without showing it.
  - Deleting a trunk a route still uses is refused by the PBX; the task fails and nothing is deleted.
  - C(docs/connectivity.md) in the collection says which lists are compared in order and which as sets.
seealso:
  - module: telephony.pbx.yeastar_outbound_route
  - module: telephony.pbx.yeastar_inbound_route
  - module: telephony.pbx.yeastar_config
options:
  name:
    description:
      - Trunk name; identifies the trunk (routes refer to it by it).
    type: str
    required: true
  type:
    description:
      - 'C(register): the PBX registers to the provider with O(username) and O(password); C(peer): the provider and the PBX
        trust each other''s address (O(hostname)); C(account): a third-party device registers to the PBX with O(username)
        and O(password).'
      - 'Required when the trunk is created. Changing it replaces the trunk: a new trunk of the new kind is created under
        a temporary name, the old one deleted and the new one renamed; the diff says so. The replacement keeps the old trunk''s
        options that its kind has, unless the task sets them; secrets are never carried over, so the task gives them. The
        PBX refuses the deletion while a route uses the trunk: the temporary trunk is then deleted again and the task fails,
        the old trunk untouched.'
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
      - Country of the provider template, as C(trunk/itsp_list) names it, or C(general). Set when the trunk is created (by
        default the country of O(itsp), else C(general)); the API cannot change it afterwards.
    type: str
  itsp:
    description:
      - Provider (ITSP) template, by the name C(trunk/itsp_list) gives it (for example C(VoIP.ms)); a name the PBX does not
        list fails before any write. Set when the trunk is created; the API cannot change it afterwards.
    type: str
  transport:
    description:
      - SIP transport; C(dnsnaptr) (DNS NAPTR) for C(register) and C(peer) trunks only. When the trunk is created without
        it, C(udp).
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
      - Provider's SIP domain (C(register) and C(peer)). When the trunk is created without it, O(hostname).
    type: str
  username:
    description:
      - 'C(register): the SIP account''s user name the provider gave; C(account): the user name the device registers with
        (the API calls it C(number) on creation). Required to create those kinds.'
    type: str
  password:
    description:
      - 'C(register) and C(account): the SIP account''s password; for C(register) at least 10 characters with digits, uppercase
        and lowercase letters (the PBX''s rule). Required to create those kinds.'
      - 'The PBX reveals it, so with O(update_password=always) it is compared without being shown and sent only when it differs;
        with the default O(update_password=on_create) it is sent only when the trunk is created (or replaced). Never shown:
        diffs, results and logs mask it.'
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
      - 'Codecs, in order of preference: compared in order. When the trunk is created without them, C([ulaw, alaw, g729]).'
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
          - 'C(shared): the extensions of O(outbound_caller_ids[].extensions) call out with one caller ID; C(range): the extensions
            of O(outbound_caller_ids[].extension_range) map one to one onto the caller ID range O(outbound_caller_ids[].caller_id).'
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
          - 'For C(shared): the extension numbers that use the caller ID. Extension groups are not managed: an entry that
            holds them is replaced by what the task declares.'
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
- name: Register trunk to the carrier
  telephony.pbx.yeastar_trunk:
    name: Carrier
    type: register
    hostname: sip.carrier.example.com
    port: 5060
    username: "5503300"
    password: "{{ vault_carrier_password }}"
    auth_name: "5503300"
    codecs: [g722, ulaw, alaw]
    def_outbound_cid: "5503300"
    dids:
      - did: "5503300"
        name: Main number
      - did: "5503301"
        name: Support line

- name: Peer trunk to the branch office PBX
  telephony.pbx.yeastar_trunk:
    name: Branch office
    type: peer
    hostname: 192.0.2.20
    port: 5060

- name: Remove the branch office trunk
  telephony.pbx.yeastar_trunk:
    name: Branch office
    state: absent
"""

RETURN = r"""
trunk:
  description: The trunk after the task, as the API holds it, the password masked; empty after deletion.
  returned: always
  type: dict
  sample:
    id: 8
    name: Carrier
    type: register
    enable: 1
    hostname: sip.carrier.example.com
    port: 5060
    username: "5503300"
    password: "********"
    codec_sel: g722,ulaw,alaw
operation:
  description: What the task did or, in check mode, would do.
  returned: changed
  type: str
  choices: [create, update, replace, delete]
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
from ansible_collections.telephony.pbx.plugins.module_utils.yeastar_connectivity import TrunkAdapter

FIELDS = module_fields(TrunkAdapter.spec)


def main():
    run_resource_module(TrunkAdapter, YeastarClient)


if __name__ == "__main__":
    main()
