"""`make demo`: start the emulator, run playbooks/demo.yml against it twice, print both recaps
and the API requests each run made, and fail unless the second run changed nothing."""

import re
import sys

from pbxlab import ROOT, Emulator, Workspace

PLAYBOOK = ROOT / "playbooks" / "demo.yml"
INVENTORY = ROOT / "playbooks" / "inventory" / "emulator.yml"


def main():
    emulator = Emulator()
    workspace = Workspace(emulator)
    print("Emulator running at %s" % emulator.base_url)
    try:
        recaps = []
        for run_number in (1, 2):
            emulator.reset_counters()
            run = workspace.playbook(PLAYBOOK, "-e", "ansible_httpapi_port=%d" % emulator.port, inventory=INVENTORY)
            counters = emulator.wait_for(lambda c: c["active_access_tokens"] == 0, timeout=5)
            print("\n===== run %d =====" % run_number)
            print(run.recap())
            print("API requests: %d (writes %d, logins %d, tokens revoked %d, tokens still valid %d)" % (
                counters["total"], counters["writes"], counters["tokens_issued"],
                counters["tokens_revoked"], counters["active_access_tokens"]))
            print("  " + ", ".join("%s %d" % item for item in sorted(counters["by_method_endpoint"].items())))
            if run.rc != 0:
                print(run.output)
                sys.exit("run %d failed with exit code %d" % (run_number, run.rc))
            recaps.append(run.recap())
        changed = re.search(r"changed=(\d+)", recaps[1])
        if not changed or changed.group(1) != "0":
            sys.exit("the second run reported changes; the modules are not idempotent")
        print("\nThe second run changed nothing: changed=0.")
    finally:
        emulator.stop()
        workspace.cleanup()


if __name__ == "__main__":
    main()
