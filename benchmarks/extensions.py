"""Benchmark: provision N extensions with yeastar_extension against a plain ansible.builtin.uri loop.

Reports requests (from the emulator's counters), wall-clock seconds and ratios. It never fails on
timing; run it with `make benchmark` (N=20 by default, `make benchmark N=100`)."""

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))

from pbxlab import CLIENT_ID, CLIENT_SECRET, Emulator, Workspace  # noqa: E402

PASSWORD = "Bench-Passw0rd-1"


def extensions(count):
    return [{"number": str(3000 + i), "first_name": "Room", "last_name": str(i)} for i in range(count)]


def module_play(count):
    return [{"name": "module", "hosts": "pbx", "gather_facts": False, "tasks": [{
        "name": "extensions",
        "telephony.pbx.yeastar_extension": {
            "number": "{{ item.number }}", "first_name": "{{ item.first_name }}", "last_name": "{{ item.last_name }}",
            "departments": ["Yeastar"], "role": "Employee", "user_password": PASSWORD, "reg_password": PASSWORD},
        "loop": extensions(count)}]}]


def uri_play(count, base_url):
    api = base_url + "/openapi/v1.0/"
    common = {"method": "POST", "body_format": "json", "headers": {"User-Agent": "benchmark"}}
    return [{"name": "uri", "hosts": "localhost", "connection": "local", "gather_facts": False, "tasks": [
        {"name": "login", "ansible.builtin.uri": dict(common, url=api + "get_token",
                                                      body={"username": CLIENT_ID, "password": CLIENT_SECRET}),
         "register": "login"},
        {"name": "extensions", "ansible.builtin.uri": dict(common, url=api + "extension/create?access_token={{ login.json.access_token }}", body={
            "type": "SIP", "number": "{{ item.number }}", "first_name": "{{ item.first_name }}",
            "last_name": "{{ item.last_name }}", "organization_list": [{"value": "1"}], "role_id": 4,
            "user_password": PASSWORD, "reg_name": "{{ item.number }}", "reg_password": PASSWORD,
            "concurrent_registrations": 1, "presence_status": "available"}),
         "loop": extensions(count)},
        {"name": "logout", "ansible.builtin.uri": dict(common, method="GET",
                                                       url=api + "del_token?access_token={{ login.json.access_token }}")},
    ]}]


def measure(emulator, workspace, playbook):
    emulator.reset_counters()
    start = time.monotonic()
    run = workspace.playbook(playbook)
    seconds = time.monotonic() - start
    if run.rc != 0:
        sys.exit(run.output)
    counters = emulator.counters()
    return {"seconds": seconds, "requests": counters["total"], "writes": counters["writes"]}


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-n", type=int, default=20, help="extensions to provision")
    count = parser.parse_args().n
    emulator = Emulator()
    workspace = Workspace(emulator)
    try:
        rows = []
        emulator.reset()
        rows.append(("uri loop, create", measure(emulator, workspace, uri_play(count, emulator.base_url))))
        emulator.reset()
        rows.append(("yeastar_extension loop, create", measure(emulator, workspace, module_play(count))))
        rows.append(("yeastar_extension loop, re-run", measure(emulator, workspace, module_play(count))))
    finally:
        emulator.stop()
        workspace.cleanup()
    baseline = rows[0][1]
    print("%d extensions" % count)
    print("%-34s %8s %9s %7s %10s %10s" % ("", "seconds", "requests", "writes", "s ratio", "req ratio"))
    for name, row in rows:
        print("%-34s %8.1f %9d %7d %10.2f %10.2f" % (name, row["seconds"], row["requests"], row["writes"],
                                                     row["seconds"] / baseline["seconds"],
                                                     row["requests"] / baseline["requests"]))


if __name__ == "__main__":
    main()
