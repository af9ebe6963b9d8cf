"""Killed runs against the emulator: parallel extension loops, some killed with SIGKILL mid-run, re-run at once.

Measures what a killed run leaves behind: writes its orphaned workers make after the kill, tokens still valid
a few seconds later, and whether the re-runs converge. The integration suite runs a small version; run it
full size with `python tools/killed_runs.py` (from the virtualenv, the collection linked as for `make test`).
"""

import argparse
import json
import signal
import sys
import tempfile
import time

from pbxlab import Emulator, Workspace


def loop_play(first_number, items):
    numbers = [str(first_number + index) for index in range(items)]
    return [{"name": "rooms", "hosts": "pbx", "gather_facts": False, "tasks": [{
        "name": "room extension",
        "telephony.pbx.yeastar_extension": {
            "number": "{{ item }}", "user_password": "User-Passw0rd-1", "reg_password": "Reg-Passw0rd-1",
            "departments": ["Yeastar"]},
        "loop": numbers}]}]


def created(emulator, first_number, items):
    numbers = set(str(first_number + index) for index in range(items))
    return len([e for e in emulator.state()["extensions"] if e["number"] in numbers])


def scenario(emulator, workspace, runs=8, items=30, killed=4, kill_after=45.0, rerun_delay=3.0,
             tokens_checked_at=(5.0, 60.0), kill_once_created=None, progress=print):
    """Start `runs` loops at once, SIGKILL the first `killed` after `kill_after` seconds (or as soon as each
    of them created `kill_once_created` extensions), start them again after `rerun_delay` seconds; return
    the numbers the hardening issue asks for."""
    emulator.configure(extension_capacity=max(500, runs * items + 10))
    firsts = [2000 + 100 * index for index in range(runs)]
    playbooks = [loop_play(first, items) for first in firsts]
    started = [workspace.start_playbook(playbook) for playbook in playbooks]
    deadline = time.monotonic() + kill_after
    while time.monotonic() < deadline:
        time.sleep(0.2)
        if kill_once_created and min(created(emulator, first, items) for first in firsts[:killed]) >= kill_once_created:
            break
    at_kill = [created(emulator, first, items) for first in firsts[:killed]]
    for process in started[:killed]:
        process.send_signal(signal.SIGKILL)
        process.wait()
    killed_at = time.monotonic()
    progress("killed %d runs after %.0fs; they had created %s" % (killed, kill_after, at_kill))
    time.sleep(rerun_delay)
    after_kill = [created(emulator, first, items) for first in firsts[:killed]]
    reruns = [workspace.start_playbook(playbook) for playbook in playbooks[:killed]]
    running = reruns + started[killed:]
    samples = {}
    pending = sorted(tokens_checked_at)
    while any(process.poll() is None for process in running) or pending:
        now = time.monotonic() - killed_at
        if pending and now >= pending[0]:
            samples["%.0fs after the kill" % pending.pop(0)] = {
                "valid_tokens": emulator.counters()["active_access_tokens"],
                "runs_still_running": sum(1 for process in running if process.poll() is None)}
        time.sleep(0.2)
    outputs = [process.communicate()[0] for process in reruns]
    rerun_rcs = [process.returncode for process in reruns]
    finished = time.monotonic()
    time.sleep(5)
    samples["5s after the last run ended"] = {"valid_tokens": emulator.counters()["active_access_tokens"],
                                              "runs_still_running": 0}
    complete = [created(emulator, first, items) for first in firsts]
    return {
        "runs": runs, "items": items, "killed": killed, "kill_after_s": kill_after, "rerun_delay_s": rerun_delay,
        "created_by_killed_runs_at_kill": at_kill,
        "writes_after_kill_before_rerun": [after - before for before, after in zip(at_kill, after_kill)],
        "reruns_succeeded": sum(1 for rc in rerun_rcs if rc == 0), "reruns": len(rerun_rcs),
        "rerun_failures": [output[-3000:] for rc, output in zip(rerun_rcs, outputs) if rc != 0],
        "rerun_seconds": round(finished - killed_at - rerun_delay, 1),
        "tokens": samples,
        "extensions_complete": sum(1 for count in complete if count == items), "loops": runs,
        "counters": {key: value for key, value in emulator.counters().items() if key.startswith("tokens")},
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=8)
    parser.add_argument("--items", type=int, default=30)
    parser.add_argument("--killed", type=int, default=4)
    parser.add_argument("--kill-after", type=float, default=45.0)
    parser.add_argument("--rerun-delay", type=float, default=3.0)
    options = parser.parse_args()
    emulator = Emulator()
    workspace = Workspace(emulator, directory=tempfile.mkdtemp(prefix="killed-runs-"))
    try:
        numbers = scenario(emulator, workspace, options.runs, options.items, options.killed, options.kill_after,
                           options.rerun_delay, progress=lambda line: print(line, file=sys.stderr))
        print(json.dumps(numbers, indent=2))
    finally:
        workspace.cleanup()
        emulator.stop()


if __name__ == "__main__":
    main()
