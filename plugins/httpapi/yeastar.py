# -*- coding: utf-8 -*-
# Copyright: telephony.pbx contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
name: yeastar
author: telephony.pbx maintainers (@telephony-pbx)
short_description: HttpApi plugin for the Yeastar P-Series OpenAPI v1.0
version_added: 0.1.0
description:
  - Connects to a Yeastar P-Series PBX (Software, Cloud or Appliance Edition) over its OpenAPI v1.0.
  - Use with O(ansible.netcommon.httpapi#connection:network_os=telephony.pbx.yeastar).
    The connection user (C(ansible_user)) is the API Client ID and the password
    (C(ansible_httpapi_password)) the Client Secret, both shown on the PBX web interface
    under Integrations > API.
  - Logs in once per host and run with C(get_token), refreshes the token pair before the
    access token expires, renews it once and resends a request the PBX answered with
    C(10004 TOKEN EXPIRED), and revokes the token with C(del_token) when the connection
    closes or the controller process exits, so repeated runs never exhaust the PBX's limit
    of 8 valid tokens per application.
  - A refused login fails at once and is never retried, because the PBX blocks the
    controller's address after 5 consecutive failed logins.
  - Reads that fail transiently (connection errors, HTTP 5xx) are retried with a
    bounded backoff; writes are never resent after an uncertain failure. C(70082) (the PBX is
    busy and did not act) is retried with the same backoff for every request, writes included.
  - Tokens and the Client Secret never appear in logs.
  - Reference look-ups (roles, departments, outbound routes, the extension list) are kept for the
    connection's life, at most 30 seconds each, and dropped at once by a write to their area, so a
    loop of single-object tasks reads them once.
  - When the controller process is gone (killed with its workers left running), the connection
    revokes its token and refuses every further request; it never logs in again.
  - A login refused with C(60002) (all 8 tokens in use) is retried with backoff within the
    command timeout; it is not a failed login.
  - Warns once per connection when it is plain HTTP or certificate validation is off.
extends_documentation_fragment:
  - telephony.pbx.token_httpapi
options:
  base_path:
    description:
      - Path in front of C(/openapi/v1.0), for a PBX published behind a reverse proxy
        under a sub-path, such as C(/pbx/hotel). Leave empty for a PBX reached directly.
      - It starts with C(/) and holds no scheme, C(..), C(?) or C(#); anything else is refused
        before a request is sent.
    type: str
    default: ""
    vars:
      - name: ansible_httpapi_yeastar_base_path
notes:
  - ansible-core shares one persistent connection between hosts with the same address, port and user.
    PBXes published under different O(base_path)s of one address need their own Client IDs; the plugin
    refuses a request meant for another PBX than the one the connection logged in to.
  - The API uses the PBX web port, by default C(8088) for HTTPS. Set C(ansible_httpapi_port),
    C(ansible_httpapi_use_ssl), C(ansible_httpapi_validate_certs) and C(ansible_httpapi_ca_path)
    to match the PBX.
"""

from ansible_collections.telephony.pbx.plugins.plugin_utils.token_session import TokenHttpApi
from ansible_collections.telephony.pbx.plugins.plugin_utils.yeastar_session import YeastarSession


class HttpApi(TokenHttpApi):
    session_class = YeastarSession
