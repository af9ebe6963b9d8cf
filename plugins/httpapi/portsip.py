# -*- coding: utf-8 -*-
# Copyright: telephony.pbx contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
name: portsip
author: telephony.pbx maintainers (@telephony-pbx)
short_description: HttpApi plugin for the PortSIP PBX REST API (v22)
version_added: 0.1.0
description:
  - Connects to a PortSIP PBX over its REST API v22 (C(https://HOST:8887/api/...)).
  - Use with O(ansible.netcommon.httpapi#connection:network_os=telephony.pbx.portsip).
    The connection user (C(ansible_user)) and password (C(ansible_httpapi_password)) are a PortSIP user's
    sign-in name and password; O(domain) names the tenant's SIP domain (leave it out for the system admin).
  - Signs in once per host and run with C(POST /api/auth/sign_in), refreshes the token with
    C(POST /api/auth/refresh_token) before C(expires_in) runs out, renews it once and resends a request the PBX
    answered with HTTP 401, and signs out with C(POST /api/auth/sign_out) when the connection closes or the
    controller process exits.
  - "The token travels as C(Authorization: Bearer) and never appears in logs."
  - A refused sign-in fails at once and is never retried. A sign-in answered with C(two_factor_enabled)
    fails at once too; automation needs a PortSIP account without two-factor sign-in, since there is nobody to
    type the one-time password.
  - Reads that fail transiently (connection errors, HTTP 5xx, 429) are retried with a bounded backoff; writes
    are never resent after an uncertain failure.
  - Errors the PBX answers (HTTP 4xx with a list of errors, each with a code, a message and a detail) reach the
    modules, which report them as the collection's one error shape with the offending fields named by their options.
extends_documentation_fragment:
  - telephony.pbx.token_httpapi
options:
  domain:
    description:
      - The tenant's SIP domain the user belongs to, sent with the sign-in. Leave it out for the system admin.
    type: str
    vars:
      - name: ansible_httpapi_portsip_domain
notes:
  - The API port is C(8887) unless C(ansible_httpapi_port) says otherwise. PortSIP serves it over HTTPS, so set
    C(ansible_httpapi_use_ssl=true) (the connection's own default is plain HTTP), and
    C(ansible_httpapi_validate_certs) and C(ansible_httpapi_ca_path) to match the PBX's certificate.
  - PortSIP does not document how long a refresh token lasts; the plugin assumes a day and signs in again
    whenever a refresh is refused.
"""

from ansible_collections.telephony.pbx.plugins.plugin_utils.portsip_session import PortsipSession
from ansible_collections.telephony.pbx.plugins.plugin_utils.token_session import TokenHttpApi


class HttpApi(TokenHttpApi):
    session_class = PortsipSession
