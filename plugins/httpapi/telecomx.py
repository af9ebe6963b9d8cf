# -*- coding: utf-8 -*-
# Copyright: telephony.pbx contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
name: telecomx
author: telephony.pbx maintainers (@telephony-pbx)
short_description: HttpApi plugin for the TelecomX PBX API (api.telecomx.dk)
version_added: 0.1.0
description:
  - Connects to the TelecomX API. Use with O(ansible.netcommon.httpapi#connection:network_os=telephony.pbx.telecomx).
  - Either logs in with C(POST /auth/login) as an employee (C(ansible_user), an e-mail address, and
    C(ansible_httpapi_password)), or uses a machine-to-machine token given in O(m2m_token), with no login at all.
  - A login token lives C(expiresInMinutes) (15 by default). The API documents no refresh call, so the plugin logs
    in again shortly before the token expires (a minute before, or a fifth of a shorter lifetime), and once more to
    resend a request the API answered with HTTP 401 (token expired or ended by someone's logout).
  - A refused login fails at once and is never retried.
  - The plugin never calls C(/auth/logout) unless O(logout) is set, because TelecomX's logout ends B(every) token
    of the user, including those of other jobs, tools and people using the same account at the same moment; an
    unused login token simply expires after its lifetime.
  - Reads that fail transiently (connection errors, HTTP 5xx, 429) are retried with a bounded backoff; writes are
    never resent after an uncertain failure.
  - Tokens and passwords never appear in logs.
extends_documentation_fragment:
  - telephony.pbx.token_httpapi
options:
  m2m_token:
    description:
      - A machine-to-machine token (created with C(POST /employee/{EMPLOYEE_ID}/token) by the employee or a
        manager); it acts with the access of that employee and does not expire. When given, the plugin sends no
        login and no logout, and C(ansible_user) and C(ansible_httpapi_password) are not needed.
      - Keep it in a vault; it is a secret.
    type: str
    vars:
      - name: ansible_httpapi_telecomx_m2m_token
  token_transport:
    description:
      - How the token travels on each request. C(query) adds the query parameter C(token); C(header) sends it in
        an C(Authorization) header as C(Bearer) token.
      - TelecomX does not document which one its API expects outside C(/auth); the wiki shows the C(token) query
        parameter on some calls and no header form anywhere, hence the default. A token in a query string may end up
        in proxy and server access logs; prefer C(header) where the API accepts it.
    type: str
    choices: [query, header]
    default: query
    vars:
      - name: ansible_httpapi_telecomx_token_transport
  logout:
    description:
      - Call C(/auth/logout) when the connection closes. Off by default, and best left off. TelecomX's logout
        invalidates every token of the user, so it would break other jobs running under the same account at that
        moment; the plugin's own login token expires by itself.
      - Never applies to a O(m2m_token).
    type: bool
    default: false
    vars:
      - name: ansible_httpapi_telecomx_logout
notes:
  - The API is served over HTTPS on port 443 (C(ansible_httpapi_use_ssl=true), C(ansible_httpapi_port=443)).
  - Automation needs an account that logs in with a password alone (no SMS key, no authenticator), or a
    machine-to-machine token.
"""

from ansible_collections.telephony.pbx.plugins.plugin_utils.telecomx_session import TelecomXSession
from ansible_collections.telephony.pbx.plugins.plugin_utils.token_session import TokenHttpApi


class HttpApi(TokenHttpApi):
    session_class = TelecomXSession
