# -*- coding: utf-8 -*-
# Copyright: telephony.pbx contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""What every resource module runs: argument spec from the resource spec, the engine, and
failures reported with their structure."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible.module_utils.basic import AnsibleModule, _load_params

from ansible_collections.telephony.pbx.plugins.module_utils.engine import ensure
from ansible_collections.telephony.pbx.plugins.module_utils.errors import PBXError, TransportFailure
from ansible_collections.telephony.pbx.plugins.module_utils.spec import Field, InputError, build_argument_spec

STATE = Field("state", choices=["present", "absent"], default="present", doc=[
    "C(present) creates the object or updates the options given; C(absent) deletes it."])
UPDATE_PASSWORD = Field("update_password", choices=["on_create", "always"], default="on_create", doc=[
    "C(on_create) sends secrets only when the object is created, so later runs leave them alone.",
    "C(always) also manages them on existing objects: secrets the PBX reveals are compared without being "
    "shown and sent only when they differ; secrets it never reveals are sent on every run."])


def module_fields(spec):
    """The resource's fields plus the options every resource module shares."""
    fields = list(spec.fields) + [STATE]
    if any(field.secret for field in spec.fields):
        fields.append(UPDATE_PASSWORD)
    return fields


def run_module(fields, work, client_factory):
    """Build the module from fields, run `work(module, client)` and report its result or failure."""
    module = AnsibleModule(argument_spec=build_argument_spec(fields), supports_check_mode=True)
    check_written_types(module, fields)
    client = client_factory(module)
    try:
        result = work(module, client)
    except InputError as exc:
        module.fail_json(msg=str(exc), api_requests=client.report())
    except PBXError as exc:
        module.fail_json(msg=str(exc), error=exc.as_dict(), api_requests=client.report())
    except TransportFailure as exc:
        module.fail_json(msg=str(exc), api_requests=client.report())
    for warning in client.warnings:
        module.warn(warning)
    module.exit_json(**result)


def check_written_types(module, fields):
    """Fail on options whose written value is not of the option's type (see Field.check_written_type).

    The argument spec has already converted them (64 for 0100, "['a', 'b']" for a list) and keeps no
    original, so the task's arguments are read again. _load_params() is private in name, but its docstring
    offers it to modules that need the parameters as handed over; tests/integration/test_input_and_errors.py
    fails if it stops returning them unconverted."""
    written = _load_params()
    try:
        for field in fields:
            field.check_written_type(written.get(field.name))
    except InputError as exc:
        module.fail_json(msg=str(exc), api_requests={"sent": [], "planned": []})


def run_resource_module(adapter_class, client_class):
    spec = adapter_class.spec
    run_module(module_fields(spec),
               lambda module, client: ensure(adapter_class(client), module.params, module.check_mode),
               lambda module: client_class(module, option_name=spec.option_name))
