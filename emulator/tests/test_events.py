"""The event WebSocket, events from configuration writes and simulated calls, call control."""

from __future__ import annotations

import asyncio
import json

import aiohttp
import pytest
from conftest import extension_body

ALL = list(range(30005, 30021)) + list(range(30022, 30027))


def run(coro):
    return asyncio.run(coro)


class Stream:
    """A subscriber on the emulator's event WebSocket."""

    def __init__(self, base_url: str, token: str) -> None:
        self.url = base_url.replace("http", "ws", 1) + f"/openapi/v1.0/subscribe?access_token={token}"

    async def __aenter__(self):
        self.session = aiohttp.ClientSession()
        self.ws = await self.session.ws_connect(self.url)
        return self

    async def __aexit__(self, *exc):
        await self.ws.close()
        await self.session.close()

    async def subscribe(self, topics=ALL) -> dict:
        await self.ws.send_str(json.dumps({"topic_list": topics}))
        return json.loads((await self.ws.receive(timeout=5)).data)

    async def events(self, count: int) -> list[dict]:
        reports = []
        for _ in range(count):
            report = json.loads((await self.ws.receive(timeout=5)).data)
            msg = report["msg"]
            reports.append({**report, "msg": json.loads(msg) if isinstance(msg, str) else msg})
        return reports

    async def nothing_more(self) -> None:
        with pytest.raises(asyncio.TimeoutError):
            await self.ws.receive(timeout=0.5)


def make_extension(client, number: str) -> int:
    reply = client.post("extension/create", extension_body(number))
    assert reply["errcode"] == 0, reply
    return reply["id"]


def register(client, *numbers: str) -> None:
    for number in numbers:
        client.control("POST", "registrations", {"extension": number})


def test_subscribe_heartbeat_and_configuration_events(authed, server):
    async def scenario():
        async with Stream(server.base_url, authed.token) as stream:
            assert await stream.subscribe([30022, 30006]) == {"errcode": 0, "errmsg": "SUCCESS"}
            await stream.ws.send_str("heartbeat")
            assert (await stream.ws.receive(timeout=5)).data == "heartbeat response"
            ext_id = make_extension(authed, "2001")
            assert authed.post("extension/update", {"id": ext_id, "first_name": "Ana"})["errcode"] == 0
            dept = authed.post("organization/create", {"name": "Sales", "parent_id": 1})["id"]
            assert authed.get("extension/delete", id=ext_id)["errcode"] == 0
            reports = await stream.events(4)
            assert [r["msg"] for r in reports] == [
                {"ext_number": "2001", "option": "CREATE"}, {"ext_number": "2001", "option": "UPDATE"},
                {"id_list": [dept], "action": "create", "sn": "3631A2124000"},
                {"ext_number": "2001", "option": "DELETE"}]
            # 30022 has no sn (its table and example have none); 30006 has one.
            assert "sn" not in reports[0] and reports[2]["sn"] == "3631A2124000"
            await stream.nothing_more()
    run(scenario())


def test_unsubscribed_events_are_not_sent_and_bad_topics_refused(authed, server):
    async def scenario():
        async with Stream(server.base_url, authed.token) as stream:
            reply = await stream.subscribe([30011, 12345])
            assert reply["errcode"] == 40002 and reply["invalid_param_list"][0]["value"] == [12345]
            await stream.ws.send_str("{not json")
            assert json.loads((await stream.ws.receive(timeout=5)).data)["errcode"] == 40001
            assert (await stream.subscribe(["30009"]))["errcode"] == 0   # the template's quoted form
            make_extension(authed, "2001")                                # 30022: not subscribed
            authed.control("POST", "presence", {"extension": "2001", "status": "lunch"})
            assert [r["msg"] for r in await stream.events(1)] == [{"extension": "2001", "status": "lunch"}]
            await stream.nothing_more()
    run(scenario())


def test_connection_refused_without_a_valid_token(client, server):
    async def scenario():
        async with aiohttp.ClientSession() as session:
            url = server.base_url.replace("http", "ws", 1) + "/openapi/v1.0/subscribe?access_token=nope"
            with pytest.raises(aiohttp.WSServerHandshakeError):
                await session.ws_connect(url)
            async with session.get(server.base_url + "/openapi/v1.0/subscribe?access_token=nope") as reply:
                assert (await reply.json())["errcode"] == 10004
    run(scenario())


def test_idle_connection_closed_heartbeat_keeps_it(authed, server):
    authed.control("POST", "config", {"websocket_idle_timeout": 1})

    async def scenario():
        async with Stream(server.base_url, authed.token) as quiet, \
                Stream(server.base_url, authed.token) as beating:
            await quiet.subscribe()
            await beating.subscribe()
            for _ in range(4):
                await asyncio.sleep(0.4)
                await beating.ws.send_str("heartbeat")
                assert (await beating.ws.receive(timeout=5)).data == "heartbeat response"
            closed = await quiet.ws.receive(timeout=5)
            assert (closed.type, closed.data, closed.extra) == (aiohttp.WSMsgType.CLOSE, 1000, "idle timeout")
            assert not beating.ws.closed
    run(scenario())


def test_refresh_keeps_the_stream_expiry_and_revocation_close_it(authed, server):
    login = {"refresh_token": None}

    async def scenario():
        async with Stream(server.base_url, authed.token) as stream:
            await stream.subscribe([30022])
            refreshed = authed.post("refresh_token", {"refresh_token": login["refresh_token"]}, token=None)
            assert refreshed["errcode"] == 0
            authed.token = refreshed["access_token"]
            await asyncio.sleep(0.5)                       # the old token is gone: the stream stays
            make_extension(authed, "2001")
            assert (await stream.events(1))[0]["msg"]["option"] == "CREATE"
            authed.control("POST", "expire_tokens")
            closed = await stream.ws.receive(timeout=5)
            assert (closed.type, closed.data) == (aiohttp.WSMsgType.CLOSE, 4001)
    login["refresh_token"] = authed.login()["refresh_token"]
    run(scenario())


def test_drop_aborts_connections(authed, server):
    async def scenario():
        async with Stream(server.base_url, authed.token) as stream:
            await stream.subscribe()
            assert authed.control("GET", "websocket")["connections"][0]["topics"] == ALL
            assert authed.control("POST", "websocket/drop") == {"dropped": 1}
            message = await stream.ws.receive(timeout=5)
            assert message.type in (aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.ERROR)
            assert stream.ws.close_code != 1000
    run(scenario())


def test_registration_presence_and_trunk_events(authed, server):
    make_extension(authed, "2001")

    async def scenario():
        async with Stream(server.base_url, authed.token) as stream:
            await stream.subscribe()
            authed.control("POST", "registrations", {"extension": "2001", "kind": "Mobile",
                                                     "registered_ip": "203.0.113.7"})
            authed.control("POST", "presence", {"extension": "2001", "status": "away"})
            authed.control("POST", "trunk_status", {"trunk_name": "peering", "status": 41})
            reports = await stream.events(3)
            assert [(r["type"], r["msg"]) for r in reports] == [
                (30007, {"extension": "2001", "kind": "Mobile", "status": "Registered",
                         "registered_ip": "203.0.113.7"}),
                (30009, {"extension": "2001", "status": "away"}),
                (30010, {"trunk_name": "peering", "kind": "PJSIP", "status": 41,
                         "registered_ip": "198.51.100.1:5060"})]
    run(scenario())
    assert authed.get("extension/search", search_value="2001")["data"][0]["presence_status"] == "away"
    status, reply = authed.raw("POST", "/_emulator/presence", {"extension": "2001", "status": "asleep"},
                               headers={})
    assert status == 400 and "status must be one of" in reply["error"]


def test_both_control_routes_register_the_same_endpoints_and_report_changes(authed, server):
    """extension_status (seeding many at once) and registrations/presence (one change) set one state: what calls
    need and extension/list shows, each change reported as the phone would (30007, 30009), a repeat not at all."""
    make_extension(authed, "2001")
    make_extension(authed, "2002")

    async def scenario():
        async with Stream(server.base_url, authed.token) as stream:
            await stream.subscribe([30007, 30009])
            authed.control("POST", "extension_status", {"2001": {"sip_phone": ["192.0.2.21:5060"],
                                                                 "presence_status": "lunch"}})
            authed.control("POST", "extension_status", {"2001": {"sip_phone": ["192.0.2.21:5060"],
                                                                 "presence_status": "lunch"}})
            authed.control("POST", "registrations", {"extension": "2002", "kind": "Pad",
                                                     "registered_ip": "203.0.113.9"})
            authed.control("POST", "extension_status", {"2002": {"linkus_mobile": False}})
            reports = await stream.events(4)
            assert [(r["type"], r["msg"]) for r in reports] == [
                (30009, {"extension": "2001", "status": "lunch"}),
                (30007, {"extension": "2001", "kind": "Sip", "status": "Registered",
                         "registered_ip": "192.0.2.21:5060"}),
                (30007, {"extension": "2002", "kind": "Pad", "status": "Registered",
                         "registered_ip": "203.0.113.9"}),
                (30007, {"extension": "2002", "kind": "Pad", "status": "Unregistered",
                         "registered_ip": "203.0.113.9"})]
            await stream.nothing_more()
    run(scenario())

    authed.control("POST", "registrations", {"extension": "2002", "registered_ip": "192.0.2.22:5060"})
    shown = {e["number"]: e["online_status"] for e in authed.get("extension/list")["data"]}
    assert shown["2002"]["sip_phone"]["status_list"] == [{"ip": "192.0.2.22:5060", "status": 1}]
    assert shown["2002"]["linkus_mobile"] == {"status": 0}
    # A phone registered through extension_status places calls; one unregistered through registrations cannot.
    assert authed.control("POST", "calls", {"caller": "2001", "callee": "2002"})["call_id"]
    authed.control("POST", "registrations", {"extension": "2001", "status": "Unregistered"})
    assert authed.get("extension/list")["data"][0]["online_status"]["sip_phone"] == {"status": 0}
    status, reply = authed.raw("POST", "/_emulator/calls", {"caller": "2001", "callee": "2002"}, headers={})
    assert status == 400 and "no registered endpoint" in reply["error"]
