"""Building blocks for test playbooks: plays and tasks as data, written out as JSON (valid YAML)."""

import json
import subprocess
import urllib.request

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
