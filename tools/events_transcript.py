"""A scripted scenario against the emulator, with the events telephony.pbx.yeastar_events delivers for it.

    .venv/bin/python tools/events_transcript.py

Starts an emulator, runs the event source (its main(queue, args), as ansible-rulebook would) and, with
ansible-playbook: extension 1001 calls 1002, 1002 answers, 1001 is blind-transferred to 1003, 1003 answers and
hangs up; then a playbook changes extension 1002. Prints each step and the events that followed it.
"""

import asyncio
import importlib.util
import json
import sys

from ansible.utils.collection_loader._collection_finder import _AnsibleCollectionFinder

from pbxlab import ROOT, Emulator, Workspace

_AnsibleCollectionFinder(paths=[str(ROOT / "build" / "collections")])._install()
SPEC = importlib.util.spec_from_file_location(
    "yeastar_events", ROOT / "extensions/eda/plugins/event_source/yeastar_events.py")
yeastar_events = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(yeastar_events)

PHONES = ("1001", "1002", "1003")
QUIET_SECONDS = 1.0


def call_task(**args):
    return {"name": args["action"], "telephony.pbx.yeastar_call": args}


def steps(call_id):
    """(title, playbook tasks or a control API step); call_id() is the id of the call placed first."""
    return [
        ("playbook: yeastar_call dial 1001 -> 1002", lambda: [call_task(action="dial", caller="1001", callee="1002")]),
        ("phone: 1002 answers", ("calls/answer", {"number": "1002"})),
        ("playbook: yeastar_call transfer 1001 (blind) -> 1003",
         lambda: [call_task(action="transfer", party="1001", number="1003", call_id=call_id())]),
        ("phone: 1003 answers", ("calls/answer", {"number": "1003"})),
        ("playbook: yeastar_call hangup 1003", lambda: [call_task(action="hangup", party="1003", call_id=call_id())]),
        ("playbook: yeastar_extension 1002 gets a new name",
         lambda: [{"name": "rename", "telephony.pbx.yeastar_extension": {"number": "1002", "first_name": "Grace"}}]),
    ]


async def scenario(pbx, workspace):
    queue = asyncio.Queue()
    source = asyncio.create_task(yeastar_events.main(queue, {
        "host": "127.0.0.1", "port": pbx.port, "use_ssl": False, "pbx": "hq",
        "client_id": "emulator-client-id", "client_secret": "emulator-client-secret",
        "events": [30008, 30011, 30012, 30013, 30015, 30022]}))
    while not (await asyncio.to_thread(pbx.control, "websocket"))["connections"]:
        await asyncio.sleep(0.1)
    placed = []

    def call_id():
        return placed[0]

    for title, action in steps(call_id):
        print("\n## " + title)
        if isinstance(action, tuple):
            await asyncio.to_thread(pbx.control, *action)
        else:
            play = [{"name": title, "hosts": "pbx", "gather_facts": False, "tasks": action()}]
            run = await asyncio.to_thread(workspace.playbook, play)
            if run.rc != 0:
                sys.exit(run.output)
        if not placed:
            placed.extend(c["call_id"] for c in (await asyncio.to_thread(pbx.control, "calls"))["calls"])
        while True:
            try:
                event = await asyncio.wait_for(queue.get(), QUIET_SECONDS)
            except asyncio.TimeoutError:
                break
            print(json.dumps(event, sort_keys=True))
    source.cancel()
    await asyncio.gather(source, return_exceptions=True)
    counters = await asyncio.to_thread(pbx.counters)
    print("\n## source cancelled: access tokens still valid on the PBX: %d, failed logins: %d" % (
        counters["active_access_tokens"], counters["failed_logins"]))


def main():
    pbx = Emulator()
    workspace = Workspace(pbx)
    try:
        pbx.seed(extensions=[{"type": "SIP", "number": n, "first_name": "Ext", "last_name": n,
                              "user_password": "Userpwd1011", "reg_name": "r" + n, "reg_password": "Regpwd1011",
                              "presence_status": "available", "organization_list": [{"value": "1"}]}
                             for n in PHONES])
        for number in PHONES:
            pbx.control("registrations", {"extension": number})
        asyncio.run(scenario(pbx, workspace))
    finally:
        workspace.cleanup()
        pbx.stop()


if __name__ == "__main__":
    main()
