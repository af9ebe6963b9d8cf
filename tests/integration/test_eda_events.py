"""The Event-Driven Ansible source telephony.pbx.yeastar_events against the emulator.

ansible-rulebook needs a Java runtime, which this environment lacks, so the tests drive the
source's main(queue, args) directly, as ansible.eda's own source tests do.
"""

import asyncio
import importlib.util
import json
import logging
import pathlib
import time

import pytest
from ansible.utils.collection_loader._collection_finder import _AnsibleCollectionFinder

from helpers import extension, play, task

ROOT = pathlib.Path(__file__).resolve().parents[2]
# The source imports the collection's token lifecycle, as it does under ansible-rulebook.
_AnsibleCollectionFinder(paths=[str(ROOT / "build" / "collections")])._install()
SOURCE = ROOT / "extensions/eda/plugins/event_source/yeastar_events.py"
SPEC = importlib.util.spec_from_file_location("yeastar_events", SOURCE)
yeastar_events = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(yeastar_events)
from ansible_collections.telephony.pbx.plugins.plugin_utils.token_session import LoginFailed  # noqa: E402

SECRET = "emulator-client-secret"


def source_args(pbx, **extra):
    args = {"host": "127.0.0.1", "port": pbx.port, "use_ssl": False, "client_id": "emulator-client-id",
            "client_secret": SECRET, "pbx": "hq", "heartbeat_interval": 5, "reconnect_delay": 0.2,
            "max_reconnect_delay": 1}
    args.update(extra)
    return args


class Running:
    """The source running in the test's event loop."""

    def __init__(self, pbx, **args):
        self.pbx = pbx
        self.queue = asyncio.Queue()
        self.task = asyncio.create_task(yeastar_events.main(self.queue, source_args(pbx, **args)))

    async def control(self, path, body=None):
        return await asyncio.to_thread(self.pbx.control, path, body)

    async def connection(self, other_than=None, timeout=10.0):
        """The serial of the source's subscribed connection, once it is open (and is not other_than)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert not self.task.done(), self.task.exception()
            found = [c for c in (await self.control("websocket"))["connections"] if c["topics"]]
            if len(found) == 1 and found[0]["serial"] != other_than:
                return found[0]["serial"]
            await asyncio.sleep(0.1)
        raise AssertionError("the source did not (re)connect")

    async def events(self, count, timeout=10.0):
        return [await asyncio.wait_for(self.queue.get(), timeout) for _count in range(count)]

    async def stop(self):
        self.task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await self.task


def no_secrets(pbx, texts):
    secrets = [SECRET] + pbx.state()["issued_tokens"]
    for text in texts:
        for secret in secrets:
            assert secret not in text


def test_events_for_changes_made_by_a_playbook(pbx, workspace, caplog):
    caplog.set_level(logging.DEBUG)
    changes = play(
        task("department", "telephony.pbx.yeastar_department", name="Sales"),
        extension(number="1001", first_name="Ana", departments=["Sales"]),
        extension("rename", number="1001", first_name="Anabel", departments=["Sales"]))

    async def scenario():
        source = Running(pbx, events=["extension_config_changed", 30006])
        await source.connection()
        run = await asyncio.to_thread(workspace.playbook, changes)
        assert run.rc == 0, run.output
        events = await source.events(3)
        await source.stop()
        return events

    events = asyncio.run(scenario())
    assert [(e["event_id"], e["type"]) for e in events] == [
        (30006, "organization_config_changed"), (30022, "extension_config_changed"),
        (30022, "extension_config_changed")]
    assert [e["data"].get("option") for e in events[1:]] == ["CREATE", "UPDATE"]
    assert all(e["pbx"] == "hq" and set(e) == {"pbx", "event_id", "type", "data", "id"} for e in events)
    assert events[1]["id"] != events[2]["id"]
    no_secrets(pbx, [json.dumps(events)] + [r.getMessage() for r in caplog.records])


def test_token_expiry_and_dropped_connection_lose_no_later_event(pbx, caplog):
    pbx.seed(extensions=[{"type": "SIP", "number": "2001", "first_name": "A", "user_password": "Userpwd1011",
                          "reg_name": "r2001", "reg_password": "Regpwd1011", "presence_status": "available",
                          "organization_list": [{"value": "1"}]}])
    statuses = ["away", "lunch", "off_work", "available"]

    async def scenario():
        source = Running(pbx, events=[30009])
        first = await source.connection()
        await source.control("presence", {"extension": "2001", "status": statuses[0]})
        await source.control("expire_tokens", {})          # the PBX closes the stream: token gone
        second = await source.connection(other_than=first)
        await source.control("presence", {"extension": "2001", "status": statuses[1]})
        await source.control("websocket/drop", {})         # the network fails: no close frame
        await source.connection(other_than=second)
        for status in statuses[2:]:
            await source.control("presence", {"extension": "2001", "status": status})
        events = await source.events(4)
        await source.stop()
        return events

    events = asyncio.run(scenario())
    assert [e["data"]["status"] for e in events] == statuses
    counters = pbx.counters()
    # the expired token was refreshed, not replaced by a second login; the last one was revoked
    assert (counters["tokens_issued"], counters["failed_logins"]) == (1, 0)
    assert counters["tokens_refreshed"] >= 1 and counters["tokens_revoked"] == 1
    assert counters["active_access_tokens"] == 0
    no_secrets(pbx, [r.getMessage() for r in caplog.records])


def test_refresh_before_expiry_keeps_the_stream_and_heartbeat_keeps_it_open(pbx):
    pbx.configure(access_token_ttl=3, websocket_idle_timeout=1)

    async def scenario():
        source = Running(pbx, heartbeat_interval=0.4)
        serial = await source.connection()
        await asyncio.sleep(4.5)      # past the token's lifetime and several idle limits
        assert await source.connection() == serial
        counters = await source.control("counters")
        await source.stop()
        return counters

    counters = asyncio.run(scenario())
    assert counters["tokens_refreshed"] >= 1 and counters["tokens_issued"] == 1


def test_cancellation_revokes_the_token_and_closes_the_stream(pbx):
    async def scenario():
        source = Running(pbx)
        await source.connection()
        assert (await source.control("counters"))["active_access_tokens"] == 1
        await source.stop()
        return await source.control("websocket")

    assert asyncio.run(scenario())["connections"] == []
    counters = pbx.counters()
    assert (counters["tokens_revoked"], counters["active_access_tokens"]) == (1, 0)


def test_refused_login_is_not_retried(pbx, caplog):
    async def scenario():
        queue = asyncio.Queue()
        with pytest.raises(LoginFailed) as refusal:
            await yeastar_events.main(queue, source_args(pbx, client_secret="wrong-secret-value"))
        return refusal.value

    refusal = asyncio.run(scenario())
    assert "was refused by the PBX" in str(refusal) and "wrong-secret-value" not in str(refusal)
    assert "Check client_id (Client ID) and client_secret (Client Secret)" in str(refusal)
    time.sleep(0.5)
    assert pbx.counters()["failed_logins"] == 1
    assert "wrong-secret-value" not in caplog.text


def test_unreachable_pbx_is_retried_with_bounded_backoff(pbx, caplog):
    async def scenario():
        queue = asyncio.Queue()
        task = asyncio.create_task(yeastar_events.main(queue, source_args(pbx, port=1, timeout=1)))
        deadline = time.monotonic() + 15
        while sum("reconnecting" in r.getMessage() for r in caplog.records) < 5 and time.monotonic() < deadline:
            await asyncio.sleep(0.2)
        assert not task.done()
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task

    caplog.set_level(logging.WARNING)
    asyncio.run(scenario())
    delays = [r.getMessage().rsplit(" in ", 1)[1] for r in caplog.records if "reconnecting" in r.getMessage()]
    # 0.2, 0.4, 0.8, then capped at max_reconnect_delay (1 s)
    assert delays[:5] == ["0.2 s", "0.4 s", "0.8 s", "1.0 s", "1.0 s"]


@pytest.mark.parametrize("args, message", [
    ({"events": ["no_such_event"]}, "is not a Yeastar event"),
    ({"client_secret": ""}, "client_secret is required"),
    ({"heartbeat_interval": 90}, "below 60"),
])
def test_invalid_arguments_are_refused_before_any_request(pbx, args, message):
    pbx.reset_counters()
    with pytest.raises(yeastar_events.SourceFailed, match=message):
        asyncio.run(yeastar_events.main(asyncio.Queue(), source_args(pbx, **args)))
    assert pbx.counters()["total"] == 0


def test_msg_as_string_or_object_and_stable_ids():
    as_string = {"type": 30022, "msg": json.dumps({"ext_number": "1001", "option": "CREATE"})}
    as_object = {"type": 30022, "msg": {"ext_number": "1001", "option": "CREATE"}}
    first, second = yeastar_events.event_of("hq", as_string), yeastar_events.event_of("hq", as_object)
    assert first == second and first["data"] == {"ext_number": "1001", "option": "CREATE"}
    assert yeastar_events.event_of("branch", as_string)["id"] != first["id"]
    assert yeastar_events.event_of("hq", {"errcode": 0}) is None


def seeded_extension(number, **extra):
    body = {"type": "SIP", "number": number, "first_name": "Staff", "last_name": number,
            "user_password": "Userpwd1011", "reg_name": "r" + number, "reg_password": "Regpwd1011",
            "presence_status": "available", "organization_list": [{"value": "1"}]}
    body.update(extra)
    return body


def test_sample_rulebook_flows(pbx, workspace):
    """What extensions/eda/rulebooks/pbx_events.yml does, step by step: a missed ring-group call arrives as a
    new_cdr event and its playbook forwards the group; the check-out playbook resets a room."""
    created = pbx.seed(extensions=[seeded_extension("1001"), seeded_extension("1002"), seeded_extension("1005"),
                                   seeded_extension("101", first_name="Guest", email_addr="guest@example.com")])
    first, second = created["extensions"][:2]
    pbx.seed(ring_groups=[{"number": "6300", "name": "Support", "ring_strategy": "ring_all", "ring_timeout": 20,
                           "member_list": [{"value": str(first), "type": "extension"},
                                           {"value": str(second), "type": "extension"}]}])
    for number in ("1001", "1002"):
        pbx.control("registrations", {"extension": number})
    playbooks = pathlib.Path(__file__).resolve().parents[2] / "playbooks"

    async def scenario():
        source = Running(pbx, events=["new_cdr"])
        await source.connection()
        await source.control("calls", {"caller": "5550123", "callee": "6300", "trunk": "carrier"})
        await source.control("calls/hangup", {"number": "5550123"})
        missed = (await source.events(1))[0]
        await source.stop()
        return missed

    missed = asyncio.run(scenario())
    assert (missed["data"]["status"], missed["data"]["call_to"]) == ("NO ANSWER", "6300")
    extra = "ring_group=%s on_call_extension=1005" % missed["data"]["call_to"]
    run = workspace.playbook(str(playbooks / "ring_group_on_call.yml"), "-e", extra)
    assert run.rc == 0 and "changed=1" in run.output, run.output
    group = pbx.state()["ring_groups"][0]
    assert (group["fail_dest"], group["fail_dest_value"]) == ("extension", str(created["extensions"][2]))
    assert "changed=0" in workspace.playbook(str(playbooks / "ring_group_on_call.yml"), "-e", extra).output

    run = workspace.playbook(str(playbooks / "hotel_room_reset.yml"), "-e", "room=101")
    assert run.rc == 0 and "changed=1" in run.output, run.output
    room = next(e for e in pbx.state()["extensions"] if e["number"] == "101")
    assert (room["first_name"], room["last_name"], room["email_addr"]) == ("Room", "101", "")
