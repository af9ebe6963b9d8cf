# -*- coding: utf-8 -*-
# Copyright: telephony.pbx contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type


class ModuleDocFragment(object):
    # What a resource module supports, stated once for every module.
    DOCUMENTATION = r"""
options: {}
attributes:
  check_mode:
    description: Can run in check_mode and return changed status prediction without modifying target.
    support: full
    details:
      - Reads the PBX and reports the change it would make; sends no write (see RV(api_requests.planned)).
  diff_mode:
    description: Will return details on what has changed (or possibly needs changing in check_mode), when in diff mode.
    support: full
    details:
      - Before and after show the options the task sets; secrets are shown masked.
  idempotent:
    description: When run twice in a row outside check mode with the same arguments, the second invocation indicates no change.
    support: full
"""

    INFO_MODULE = r"""
options: {}
attributes:
  check_mode:
    description: Can run in check_mode and return changed status prediction without modifying target.
    support: full
    details:
      - This action does not modify state.
  diff_mode:
    description: Will return details on what has changed (or possibly needs changing in check_mode), when in diff mode.
    support: N/A
    details:
      - This action does not modify state.
  idempotent:
    description: When run twice in a row outside check mode with the same arguments, the second invocation indicates no change.
    support: full
"""

    # Info modules that can also download files to the controller.
    DOWNLOADS = r"""
options: {}
attributes:
  check_mode:
    description: Can run in check_mode and return changed status prediction without modifying target.
    support: full
    details:
      - Nothing changes on the PBX. In check mode no file is written on the controller; the result says which
        downloads would change a file.
  diff_mode:
    description: Will return details on what has changed (or possibly needs changing in check_mode), when in diff mode.
    support: none
  idempotent:
    description: When run twice in a row outside check mode with the same arguments, the second invocation indicates no change.
    support: full
    details:
      - A file identical to the one on the PBX is never replaced.
"""

    # A module that performs an action (call control): every accepted run changes something.
    ACTION_MODULE = r"""
options: {}
attributes:
  check_mode:
    description: Can run in check_mode and return changed status prediction without modifying target.
    support: full
    details:
      - Reads what it needs to find its target and reports the request it would send; sends no action.
  diff_mode:
    description: Will return details on what has changed (or possibly needs changing in check_mode), when in diff mode.
    support: none
  idempotent:
    description: When run twice in a row outside check mode with the same arguments, the second invocation indicates no change.
    support: none
    details:
      - An action; a second run acts again (or the PBX refuses it, for example a hold of a held call).
"""

    YEASTAR = r"""
options: {}
attributes:
  action_group:
    description: Use C(group/telephony.pbx.yeastar) in C(module_defaults) to set defaults for this module.
    support: full
    membership:
      - telephony.pbx.yeastar
notes:
  - Runs over the persistent connection C(ansible.netcommon.httpapi) with
    C(ansible_network_os=telephony.pbx.yeastar); see the P(telephony.pbx.yeastar#httpapi) plugin
    for credentials, TLS and the token lifecycle.
  - Every result reports in RV(api_requests) the API requests the task sent and, in check mode, the writes it
    would have sent.
  - Options of type C(str) take strings only. Quote numbers, PINs and prefixes (write C("0100"), not C(0100)); unquoted,
    YAML reads C(0100) as the octal number 64 and C(0000) as 0, so the module refuses a number, a boolean, a
    list or a dictionary given to a string option, before sending any request. A templated number needs
    C(| string), since ansible-core 2.19 keeps the native type of templates (C("{{ 7000 + i }}") is a number).
"""

    PORTSIP = r"""
options: {}
attributes:
  action_group:
    description: Use C(group/telephony.pbx.portsip) in C(module_defaults) to set defaults for this module.
    support: full
    membership:
      - telephony.pbx.portsip
notes:
  - Runs over the persistent connection C(ansible.netcommon.httpapi) with
    C(ansible_network_os=telephony.pbx.portsip); see the P(telephony.pbx.portsip#httpapi) plugin
    for credentials, the tenant domain, TLS and the token lifecycle.
  - Every result reports in RV(api_requests) the API requests the task sent and, in check mode, the writes it
    would have sent.
"""

    TELECOMX = r"""
options: {}
attributes:
  action_group:
    description: Use C(group/telephony.pbx.telecomx) in C(module_defaults) to set defaults for this module.
    support: full
    membership:
      - telephony.pbx.telecomx
notes:
  - Runs over the persistent connection C(ansible.netcommon.httpapi) with
    C(ansible_network_os=telephony.pbx.telecomx); see the P(telephony.pbx.telecomx#httpapi) plugin
    for credentials, machine-to-machine tokens, where the token travels and why it never logs out.
  - Every result reports in RV(api_requests) the API requests the task sent and, in check mode, the writes it
    would have sent.
"""
