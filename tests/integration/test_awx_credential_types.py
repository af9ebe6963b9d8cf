"""The AWX credential types (extensions/awx/credential_types/*.yml) and the playbook that installs them.

Each type's injectors are rendered as AWX renders them (Jinja2 in a sandbox, an input left empty rendering as an
empty string) and handed to ansible-playbook as AWX hands credential extra vars to a job (an extra-vars file), over an
inventory whose own credentials are wrong: the job reaches the vendor's emulator only through the injected names,
which must be the ones the httpapi plugin reads."""

import ast
import json
import os
import shutil
import subprocess

import pytest
import yaml
from helpers import awx_injection, play, task, vendor_api
from pbxlab import BIN, CLIENT_ID, CLIENT_SECRET, ROOT, Emulator, Workspace

TYPES = ROOT / "extensions" / "awx" / "credential_types"
PLAYBOOK = ROOT / "extensions" / "awx" / "install_credential_types.yml"
CONNECTION_VARIABLES = {"ansible_user", "ansible_httpapi_password"}
WRONG = {"ansible_user": "not-the-credential", "ansible_httpapi_password": "not-the-secret"}


def credential_type(vendor):
    return yaml.safe_load((TYPES / ("%s.yml" % vendor)).read_text())


def plugin_variables(vendor):
    """The variables the httpapi plugin's DOCUMENTATION says it reads."""
    source = ast.parse((ROOT / "plugins" / "httpapi" / ("%s.py" % vendor)).read_text())
    text = next(node.value.value for node in source.body
                if isinstance(node, ast.Assign) and node.targets[0].id == "DOCUMENTATION")
    options = yaml.safe_load(text)["options"]
    return {entry["name"] for option in options.values() for entry in option.get("vars", [])}


def injected(vendor, **inputs):
    """The extra vars AWX injects for a credential of this type with these inputs (defaults filled in)."""
    return awx_injection(vendor, **inputs)[1]


def run_with_credential(workspace, playbook, extra_vars):
    path = workspace.dir / "credential-extra-vars.json"
    path.write_text(json.dumps(extra_vars))
    return workspace.playbook(playbook, "-e", "@%s" % path, json_output=True)


@pytest.mark.parametrize("vendor", ["yeastar", "portsip", "telecomx"])
def test_a_credential_type_injects_what_its_plugin_reads_and_hides_its_secrets(vendor):
    kind = credential_type(vendor)
    assert kind["kind"] == "cloud" and kind["name"] and kind["description"]
    fields = {field["id"]: field for field in kind["inputs"]["fields"]}
    assert set(kind["inputs"]["required"]) <= set(fields)
    secrets = {name for name in fields if any(word in name for word in ("password", "secret", "token"))
               and name != "token_transport"}
    assert secrets and all(fields[name].get("secret") is True for name in secrets)
    assert all(not field.get("secret") for name, field in fields.items() if name not in secrets)
    extra_vars = kind["injectors"]["extra_vars"]
    assert set(extra_vars) - CONNECTION_VARIABLES <= plugin_variables(vendor)
    assert set(extra_vars) >= CONNECTION_VARIABLES
    # Every input reaches the job, and every template names an input.
    templates = list(extra_vars.values()) + list(kind["injectors"].get("env", {}).values())
    assert {template.strip("{} ") for template in templates} == set(fields)


def test_the_yeastar_credential_runs_a_job(workspace, pbx):
    workspace.write_inventory(WRONG)
    run = run_with_credential(workspace, play(task("info", "telephony.pbx.yeastar_info", gather=["system"])),
                              injected("yeastar", client_id=CLIENT_ID, client_secret=CLIENT_SECRET))
    assert run.rc == 0, run.output
    assert run.results("info")["system"]["model_name"]
    assert CLIENT_SECRET not in run.output


@pytest.fixture(scope="module")
def portsip_emulator():
    process = Emulator("--vendor", "portsip")
    yield process
    process.stop()


@pytest.fixture(scope="module")
def telecomx_emulator():
    process = Emulator("--vendor", "telecomx")
    yield process
    process.stop()


def vendor_workspace(emulator, vendor, tmp_path):
    emulator.reset()
    return Workspace(emulator, directory=tmp_path, host_vars=dict(WRONG, ansible_network_os="telephony.pbx.%s" % vendor))


def test_the_portsip_credential_runs_a_job_as_system_admin_with_no_domain(portsip_emulator, tmp_path):
    workspace = vendor_workspace(portsip_emulator, "portsip", tmp_path)
    extra_vars = injected("portsip", username=CLIENT_ID, password=CLIENT_SECRET)
    assert extra_vars["ansible_httpapi_portsip_domain"] == ""
    run = run_with_credential(workspace, play(task("gone", "telephony.pbx.portsip_ring_group", extension_number="600",
                                                   state="absent")), extra_vars)
    assert run.rc == 0, run.output
    assert run.results("gone")["changed"] is False
    assert portsip_emulator.counters()["by_method_endpoint"]["POST auth/sign_in"] == 1
    assert CLIENT_SECRET not in run.output
    workspace.cleanup()


def test_the_telecomx_credential_runs_a_job_with_a_login(telecomx_emulator, tmp_path):
    workspace = vendor_workspace(telecomx_emulator, "telecomx", tmp_path)
    extra_vars = injected("telecomx", username=CLIENT_ID, password=CLIENT_SECRET)
    assert extra_vars["ansible_httpapi_telecomx_token_transport"] == "query"
    run = run_with_credential(workspace, play(task("gone", "telephony.pbx.telecomx_group", name="Support",
                                                   state="absent")), extra_vars)
    assert run.rc == 0, run.output
    assert telecomx_emulator.counters()["by_method_endpoint"]["POST auth/login"] == 1
    assert CLIENT_SECRET not in run.output
    workspace.cleanup()


def test_the_telecomx_credential_runs_a_job_with_a_machine_token_alone(telecomx_emulator, tmp_path):
    workspace = vendor_workspace(telecomx_emulator, "telecomx", tmp_path)
    login = vendor_api(telecomx_emulator, "POST", "/auth/login", {"username": CLIENT_ID, "password": CLIENT_SECRET})
    token = vendor_api(telecomx_emulator, "POST", "/employee/%s/token" % login["employee"], {}, token=login["token"])["token"]
    telecomx_emulator.reset_counters()
    run = run_with_credential(workspace, play(task("gone", "telephony.pbx.telecomx_group", name="Support",
                                                   state="absent")),
                              injected("telecomx", m2m_token=token, token_transport="header"))
    assert run.rc == 0, run.output
    assert "POST auth/login" not in telecomx_emulator.counters()["by_method_endpoint"]
    assert token not in run.output
    workspace.cleanup()


# awx.awx is not installable here (it is not in the `ansible` package, and Galaxy is out of reach). This STAND-IN,
# written to a temporary directory by the test and never shipped, is not awx.awx: it declares the module name and the
# options the playbook passes, and echoes them back. It proves the playbook parses, resolves its module, and hands each
# YAML file over verbatim (the injectors' {{ }} templates unrendered, for AWX to render); it proves nothing about what
# AWX does with them. ansible-lint checks the playbook against its own mock (.ansible-lint, mock_modules).
STAND_IN_MODULE = '''#!/usr/bin/python
# Test stand-in for awx.awx.credential_type (see tests/integration/test_awx_credential_types.py); not awx.awx.
from ansible.module_utils.basic import AnsibleModule

OPTIONS = dict(name=dict(type="str", required=True), description=dict(type="str"), kind=dict(type="str"),
               inputs=dict(type="dict"), injectors=dict(type="dict"), state=dict(type="str"))

module = AnsibleModule(argument_spec=OPTIONS)
module.exit_json(changed=False, received=module.params)
'''


@pytest.fixture
def stand_in_awx(tmp_path):
    collection = tmp_path / "stand-in" / "ansible_collections" / "awx" / "awx"
    (collection / "plugins" / "modules").mkdir(parents=True)
    (collection / "plugins" / "modules" / "credential_type.py").write_text(STAND_IN_MODULE)
    (collection / "meta").mkdir()
    (collection / "meta" / "runtime.yml").write_text("requires_ansible: '>=2.15.0'\n")
    yield "%s:%s" % (tmp_path / "stand-in", ROOT / "build" / "collections")
    shutil.rmtree(tmp_path / "stand-in")


def install_playbook(collections_path, *args):
    env = dict(os.environ, ANSIBLE_COLLECTIONS_PATH=collections_path, ANSIBLE_STDOUT_CALLBACK="ansible.posix.json",
               ANSIBLE_NOCOLOR="1", ANSIBLE_PYTHON_INTERPRETER=str(BIN / "python"))
    return subprocess.run([str(BIN / "ansible-playbook"), "-i", "localhost,", str(PLAYBOOK), *args],
                          env=env, capture_output=True, text=True, timeout=300, check=False)


def test_the_install_playbook_passes_syntax_check(stand_in_awx):
    checked = install_playbook(stand_in_awx, "--syntax-check")
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_the_install_playbook_hands_every_credential_type_over_verbatim(stand_in_awx):
    run = install_playbook(stand_in_awx)
    assert run.returncode == 0, run.stdout + run.stderr
    results = json.loads(run.stdout)["plays"][0]["tasks"][0]["hosts"]["localhost"]["results"]
    received = {result["received"]["name"]: result["received"] for result in results}
    expected = [credential_type(path.stem) for path in sorted(TYPES.glob("*.yml"))]
    assert len(expected) == 3
    for kind in expected:
        assert received[kind["name"]] == {"name": kind["name"], "description": kind["description"], "kind": kind["kind"],
                                          "inputs": kind["inputs"], "injectors": kind["injectors"], "state": "present"}
