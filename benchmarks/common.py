"""Shared parts of the benchmarks: the extensions they provision, the plain ansible.builtin.uri playbook an
integrator writes without the collection, a fresh emulator sized for the run, and measuring one playbook run
by the emulator's own request counters."""

import contextlib
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))

from pbxlab import CLIENT_ID, CLIENT_SECRET, Emulator, Workspace  # noqa: E402 pylint: disable=wrong-import-position

PASSWORD = "Bench-Passw0rd-1"
DEPARTMENT = "Yeastar"  # the root department every PBX has (id 1), so neither way has to create one
FIRST_NUMBER = 3000
# A run of ansible-playbook may take this long before the benchmark gives up (the uri loop at N=1000 takes minutes).
PLAYBOOK_TIMEOUT = 3 * 3600


def extensions(count):
    return [{"number": str(FIRST_NUMBER + i), "first_name": "Room", "last_name": str(i)} for i in range(count)]


@contextlib.contextmanager
def lab():
    """One emulator and a workspace with an inventory for it, for the whole benchmark."""
    emulator = Emulator()
    workspace = Workspace(emulator)
    try:
        yield emulator, workspace
    finally:
        emulator.stop()
        workspace.cleanup()


def fresh(emulator, count):
    """Back to an empty PBX (reset also restores the configuration) with room for `count` extensions. The access
    token lives as long as a playbook may run: the uri playbook logs in once, and at N=1000 on a loaded machine it
    outlives the PBX's 30 minutes (its creates then fail with 10004 TOKEN EXPIRED)."""
    emulator.reset()
    emulator.configure(extension_capacity=max(500, count + 10), access_token_ttl=PLAYBOOK_TIMEOUT)


def uri_play(count, base_url):
    """What an experienced integrator writes with ansible.builtin.uri: one token for the run, then per extension a
    search and, only when the number is absent, a create; the API's errcode decides failure, a re-run creates
    nothing."""
    api = base_url + "/openapi/v1.0/"
    token = "?access_token={{ pbx_token }}"
    common = {"headers": {"User-Agent": "benchmark"}}
    post = dict(common, method="POST", body_format="json")

    def answered(name):
        return "%s.json is not defined or %s.json.errcode != 0" % (name, name)

    absent = "item.json.data | default([]) | selectattr('number', 'equalto', item.item.number) | list | length == 0"
    return [{"name": "uri", "hosts": "localhost", "connection": "local", "gather_facts": False, "tasks": [
        {"name": "login", "run_once": True, "no_log": True, "register": "login", "failed_when": answered("login"),
         "ansible.builtin.uri": dict(post, url=api + "get_token", body={"username": CLIENT_ID, "password": CLIENT_SECRET})},
        {"name": "token", "run_once": True, "ansible.builtin.set_fact": {"pbx_token": "{{ login.json.access_token }}"}},
        {"name": "search", "register": "found", "failed_when": answered("found"), "changed_when": False,
         "ansible.builtin.uri": dict(common, method="GET", url=api + "extension/search" + token + "&search_value={{ item.number }}"),
         "loop": extensions(count), "loop_control": {"label": "{{ item.number }}"}},
        {"name": "create", "register": "created", "failed_when": answered("created"), "changed_when": True, "when": absent,
         "ansible.builtin.uri": dict(post, url=api + "extension/create" + token, body={
             "type": "SIP", "number": "{{ item.item.number }}", "first_name": "{{ item.item.first_name }}",
             "last_name": "{{ item.item.last_name }}", "organization_list": [{"value": "1"}], "role_id": 4,
             "user_password": PASSWORD, "reg_name": "{{ item.item.number }}", "reg_password": PASSWORD,
             "concurrent_registrations": 1, "presence_status": "available"}),
         "loop": "{{ found.results }}", "loop_control": {"label": "{{ item.item.number }}"}},
        {"name": "logout", "run_once": True, "register": "logout", "failed_when": answered("logout"),
         "ansible.builtin.uri": dict(common, method="GET", url=api + "del_token" + token)},
    ]}]


def measure(emulator, workspace, playbook, json_output=False):
    """Run one playbook; requests and writes come from the emulator's counters, not from Ansible."""
    emulator.reset_counters()
    start = time.monotonic()
    run = workspace.playbook(playbook, json_output=json_output, timeout=PLAYBOOK_TIMEOUT)
    seconds = time.monotonic() - start
    if run.rc != 0:
        sys.exit(run.output)
    counters = emulator.counters()
    return {"seconds": seconds, "requests": counters["total"], "writes": counters["writes"],
            "by_endpoint": counters["by_method_endpoint"], "run": run}
