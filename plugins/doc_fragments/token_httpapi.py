# -*- coding: utf-8 -*-
# Copyright: telephony.pbx contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type


class ModuleDocFragment(object):
    # Options of every httpapi plugin built on plugin_utils/token_session.py.
    DOCUMENTATION = r"""
options:
  log_requests:
    description:
      - Write every API request and answer to the Ansible log (C(ANSIBLE_LOG_PATH)), with tokens,
        passwords and the client secret masked.
      - Turned on by C(ansible_persistent_log_messages=true), whose raw message log this plugin turns
        off because it would record the client secret and module payloads in clear.
    type: bool
    default: false
    vars:
      - name: ansible_httpapi_log_requests
"""
