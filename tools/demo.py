"""`make demo`: the hotel story against the embedded emulator. Provision the sample hotel (120 rooms, one
yeastar_config task), check a guest in with a wake-up call, check them out, provision again; print the requests,
writes and seconds of each step, and fail unless the last provisioning changed nothing (changed=0)."""

import re
import sys
import time

from pbxlab import ROOT, Emulator, Workspace

PLAYBOOKS = ROOT / "playbooks"
INVENTORY = PLAYBOOKS / "inventory" / "emulator.yml"
GUEST = ["-e", "room=101", "-e", "first_name=Ada", "-e", "last_name=Lovelace", "-e", "email=ada@example.com",
         "-e", "wakeup_time=07:00"]
STEPS = [
    ("Provision the sample hotel (120 rooms, 4 floors)", "hotel_provision.yml", []),
    ("Check Ada Lovelace in to room 101, wake-up call at 07:00", "hotel_checkin.yml", GUEST),
    ("Check room 101 out", "hotel_checkout.yml", ["-e", "room=101"]),
    ("Provision again: nothing to change", "hotel_provision.yml", []),
]


def room(emulator, number):
    state = emulator.state()
    extension = next(e for e in state["extensions"] if e["number"] == number)
    alarms = [a["alarm_time"] for a in state["wakeup_calls"] if a["ext_id"] == extension["id"]]
    return "room %s: %s %s, email %r, wake-up calls %s" % (
        number, extension["first_name"], extension["last_name"], extension["email_addr"], alarms or "none")


def main():
    emulator = Emulator()
    workspace = Workspace(emulator)
    print("Emulator running at %s" % emulator.base_url)
    rows = []
    try:
        for title, playbook, args in STEPS:
            emulator.reset_counters()
            started = time.monotonic()
            run = workspace.playbook(PLAYBOOKS / playbook, "-e", "ansible_httpapi_port=%d" % emulator.port, *args,
                                     inventory=INVENTORY)
            seconds = time.monotonic() - started
            counters = emulator.wait_for(lambda c: c["active_access_tokens"] == 0, timeout=5)
            changed = re.search(r"changed=(\d+)", run.recap())
            print("\n===== %s =====\n%s" % (title, run.recap()))
            if run.rc != 0:
                print(run.output)
                sys.exit("%s failed with exit code %d" % (playbook, run.rc))
            print(room(emulator, "101"))
            rows.append((title, counters["total"], counters["writes"], seconds, changed.group(1) if changed else "?"))
        print("\n%-58s %8s %6s %8s %7s" % ("step", "requests", "writes", "seconds", "changed"))
        for title, requests, writes, seconds, changed in rows:
            print("%-58s %8d %6d %8.1f %7s" % (title, requests, writes, seconds, changed))
        if rows[-1][4] != "0":
            sys.exit("provisioning again reported changes; the role is not idempotent")
        print("\nProvisioning again changed nothing: changed=0.")
    finally:
        emulator.stop()
        workspace.cleanup()


if __name__ == "__main__":
    main()
