# -*- coding: utf-8 -*-
# Copyright: telephony.pbx contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""What every resource module runs: argument spec from the resource spec, the engine, and
failures reported with their structure."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json

from ansible.module_utils.basic import AnsibleModule, _load_params
from ansible.module_utils.common.arg_spec import ArgumentSpecValidator

from ansible_collections.telephony.pbx.plugins.module_utils.bulk import STATES, WRITING_STATES, PartialApply, Reconciler
from ansible_collections.telephony.pbx.plugins.module_utils.engine import UPDATE_PASSWORD_DEFAULT, ensure
from ansible_collections.telephony.pbx.plugins.module_utils.errors import PBXError, TransportFailure
from ansible_collections.telephony.pbx.plugins.module_utils.spec import Field, InputError, build_argument_spec

try:
    import yaml
except ImportError:  # JSON still works; YAML needs PyYAML where the module runs (the controller for httpapi)
    yaml = None

STATE = Field("state", choices=["present", "absent"], default="present", doc=[
    "C(present) creates the object or updates the options given; C(absent) deletes it."])
UPDATE_PASSWORD = Field("update_password", choices=["on_create", "always"], default=UPDATE_PASSWORD_DEFAULT, doc=[
    "C(on_create) sends secrets only when the object is created, so later runs leave them alone.",
    "C(always) also manages them on existing objects: secrets the PBX reveals are compared without being "
    "shown and sent only when they differ; secrets it never reveals are sent on every run."])


def module_fields(spec):
    """The resource's fields plus the options every resource module shares."""
    fields = list(spec.fields) + [STATE]
    if any(field.secret for field in spec.fields):
        fields.append(UPDATE_PASSWORD)
    return fields


def run_module(fields, work, client_factory, **module_options):
    """Build the module from fields, run `work(module, client)` and report its result or failure."""
    module = AnsibleModule(argument_spec=build_argument_spec(fields), supports_check_mode=True, **module_options)
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
    except PartialApply as exc:
        error = exc.cause.as_dict() if isinstance(exc.cause, PBXError) else None
        module.fail_json(msg=str(exc), error=error, applied=exc.applied, not_applied=exc.not_applied,
                         api_requests=client.report())
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
               lambda module, client: ensure(adapter_class(client), module.params),
               lambda module: client_class(module, option_name=spec.option_name))


CONFIG_STATE = Field("state", choices=STATES, default="merged", doc=[
    "C(merged) creates the declared objects that are missing and updates the options given; options not given "
    "keep their values on the PBX.",
    "C(replaced) gives the declared objects exactly the declared options: options not given go back to the value "
    "a new object gets (C(docs/pbx-as-code.md) in the collection lists each field's reset value and the fields "
    "that cannot be reset). Objects not declared are left alone.",
    "C(overridden) is C(replaced), and deletes the objects of each section given that are not declared.",
    "C(deleted) deletes the declared objects (their identity options suffice), or every object of a section "
    "given as an empty list.",
    "C(gathered) reads the PBX into RV(gathered), in the shape of O(config): every section, or only the sections "
    "named in O(config); secrets left out, options at their reset value left out.",
    "C(rendered) returns in RV(rendered) the requests that would create the declared objects, without any "
    "connection; references to other objects stand as placeholders.",
    "C(parsed) reads O(running_config) into RV(parsed), without any connection.",
])
RUNNING_CONFIG = Field("running_config", doc=[
    "For O(state=parsed): a JSON or YAML text holding a configuration in the shape of O(config), such as an "
    "export written by C(playbooks/pbx_export.yml) (a C(pbx_config) key) or a registered C(gathered) result."])


def config_fields(sections):
    """yeastar_config's options: one `config` section per resource kind, each item the single-object module's
    options, plus the state and the secrets rule."""
    return [
        Field("config", "dict", options=[
            Field(name, "list", elements="dict", options=list(adapter.spec.fields), doc=[
                "The %ss, each with the options of the single-object module." % adapter.spec.label,
                "Not given: the %ss are not touched. An empty list with O(state=deleted) deletes them all, and "
                "with O(state=overridden) deletes every %s the PBX allows to delete."
                % (adapter.spec.label, adapter.spec.label)])
            for name, adapter in sections], doc=[
                "The objects, one section per kind, in the order they are created; deletions run in reverse.",
                "Required by every state but C(gathered) and C(parsed)."]),
        CONFIG_STATE,
        UPDATE_PASSWORD,
        RUNNING_CONFIG,
    ]


def configure(module, client, sections):
    """The work of a PBX-as-code module for one state."""
    params = module.params
    state = params["state"]
    if state == "parsed":
        return {"changed": False, "parsed": parse_running_config(params["running_config"], sections),
                "api_requests": client.report()}
    reconciler = Reconciler(client, sections, params["config"], state, params["update_password"]).validated()
    if state == "gathered":
        return {"changed": False, "gathered": reconciler.gathered(), "api_requests": client.report()}
    if state == "rendered":
        return {"changed": False, "rendered": reconciler.rendered(), "api_requests": client.report()}
    result = reconciler.apply().result()
    result["api_requests"] = client.report()
    return result


def parse_running_config(text, sections):
    """An exported configuration (JSON or YAML) in the shape of `config`, validated like the option."""
    try:
        loaded = json.loads(text)
    except ValueError:
        if yaml is None:
            raise InputError("running_config is not JSON, and reading YAML needs PyYAML, which is not installed")
        try:
            loaded = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            raise InputError("running_config is neither JSON nor YAML: %s" % exc)
    if isinstance(loaded, dict):
        for wrapper in ("pbx_config", "gathered", "config"):
            if set(loaded) == {wrapper}:
                loaded = loaded[wrapper]
    if not isinstance(loaded, dict):
        raise InputError("running_config must hold a mapping of sections (%s), got %s"
                         % (", ".join(name for name, _adapter in sections), type(loaded).__name__))
    config_field = config_fields(sections)[0]
    checked = ArgumentSpecValidator(build_argument_spec(config_field.options)).validate(loaded)
    if checked.error_messages:
        raise InputError("running_config: %s" % "; ".join(checked.error_messages))
    try:
        config_field.check_written_type(loaded, "running_config")
    except InputError as exc:
        raise InputError(str(exc))
    return dict((name, [_without_unset(item) for item in items])
                for name, items in checked.validated_parameters.items() if items is not None)


def _without_unset(item):
    return dict((key, _without_unset(value) if isinstance(value, dict) else
                 [_without_unset(v) if isinstance(v, dict) else v for v in value] if isinstance(value, list) else value)
                for key, value in item.items() if value is not None)


def run_config_module(sections, client_class):
    """A PBX-as-code module: `config` sections reconciled in one task."""
    offline = ("rendered", "parsed")
    run_module(
        config_fields(sections), lambda module, client: configure(module, client, sections),
        lambda module: client_class(module, offline=module.params["state"] in offline),
        required_if=[("state", state, ["config"]) for state in WRITING_STATES + ("rendered",)] +
        [("state", "parsed", ["running_config"])])
