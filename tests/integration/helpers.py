"""Building blocks for test playbooks: plays and tasks as data, written out as JSON (valid YAML)."""

import ast
import calendar
import json
import subprocess
import urllib.request

import yaml
from jinja2.sandbox import ImmutableSandboxedEnvironment
from pbxlab import BIN, ROOT

USER_PASSWORD = "User-Passw0rd-1"
REG_PASSWORD = "Reg-Passw0rd-1"


def play(*tasks, **options):
    """A playbook of one play on the emulator host; tasks are dicts."""
    body = {"name": "test", "hosts": "pbx", "gather_facts": False, "tasks": list(tasks)}
    body.update(options)
    return [body]


def task(title, module, **args):
    """A task; `_`-prefixed keyword arguments become task keywords (e.g. _loop, _register)."""
    keywords = dict((key[1:], value) for key, value in args.items() if key.startswith("_"))
    module_args = dict((key, value) for key, value in args.items() if not key.startswith("_"))
    return dict({"name": title, module: module_args}, **keywords)


def extension(name="extension", **args):
    defaults = {"number": "1001", "user_password": USER_PASSWORD, "reg_password": REG_PASSWORD,
                "departments": ["Yeastar"]}
    defaults.update(args)
    return task(name, "telephony.pbx.yeastar_extension", **defaults)


def stored_extensions(emulator):
    return dict((e["number"], e) for e in emulator.state()["extensions"])


CALLS_START = calendar.timegm((2026, 3, 2, 0, 0, 0))


def seed_calls(pbx, count, numbers=("1001", "1002", "1003")):
    pbx.seed(extensions=[{
        "type": "SIP", "number": n, "first_name": "Agent", "last_name": n, "user_password": "Seed-Passw0rd",
        "reg_name": n, "reg_password": "Seed-Passw0rd", "presence_status": "available",
        "organization_list": [{"value": "1"}]} for n in numbers])
    return pbx.control("calls/generate", {"count": count, "seed": 3, "start": CALLS_START, "days": 3})


def awx_injection(vendor, **inputs):
    """What AWX injects for a credential of extensions/awx/credential_types/<vendor>.yml with these inputs (the
    fields' defaults filled in): every injector template rendered with Jinja in a sandbox, the input names as its
    variables. Returns (environment variables, extra vars)."""
    kind = yaml.safe_load((ROOT / "extensions" / "awx" / "credential_types" / ("%s.yml" % vendor)).read_text())
    values = dict((field["id"], field["default"]) for field in kind["inputs"]["fields"] if "default" in field)
    values.update(inputs)
    sandbox = ImmutableSandboxedEnvironment()

    def render(templates):
        return dict((name, sandbox.from_string(template).render(**values)) for name, template in templates.items())

    return render(kind["injectors"].get("env", {})), render(kind["injectors"].get("extra_vars", {}))


def build_artifact(output):
    """Build the collection artifact (ansible-galaxy collection build, as `make build` does) into `output`."""
    subprocess.run([str(BIN / "ansible-galaxy"), "collection", "build", "--force", "--output-path", str(output), str(ROOT)],
                   check=True, capture_output=True)
    return next(output.glob("telephony-pbx-*.tar.gz"))


def vendor_api(emulator, method, path, body=None, token=None):
    """One request straight to the emulator's vendor API (token as the `token` query parameter), its JSON answer."""
    request = urllib.request.Request(emulator.base_url + path + ("?token=" + token if token else ""), method=method,
                                     data=None if body is None else json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


def module_block(module, block="EXAMPLES"):
    """A documentation block (EXAMPLES, RETURN) of a module of the collection, read from its file without importing
    it, as YAML data."""
    tree = ast.parse((ROOT / "plugins" / "modules" / (module + ".py")).read_text())
    text = next(node.value.value for node in tree.body
                if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", None) == block)
    return yaml.safe_load(text)
