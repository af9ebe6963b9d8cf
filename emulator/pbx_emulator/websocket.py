"""The event WebSocket: GET {api_path}/subscribe?access_token= (manual L705-870).

After the upgrade the client sends {"topic_list": [ids]} (answered with the
envelope) and the plain text "heartbeat" (answered "heartbeat response").
The PBX closes the connection after websocket_idle_timeout seconds without
data from the client, and when the login it was opened with has no valid
access token left (expired without a refresh, or revoked): a refresh keeps it.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import time
import weakref
from typing import Any

from aiohttp import WSMsgType, web

from . import events
from .errors import ACCOUNT_IP_BLOCKED, PARAMETER_ERROR, PARAMETER_SYNTAX_ERROR, TOKEN_EXPIRED, envelope
from .state import Instance, Session

HEARTBEAT = "heartbeat"
HEARTBEAT_RESPONSE = "heartbeat response"
WATCH_INTERVAL = 0.2
# Close codes: 1000 for the idle timeout, 4001 when the token is gone.
CLOSE_IDLE = 1000
CLOSE_TOKEN = 4001
SERIALS = itertools.count(1)


class Connection:
    def __init__(self, request: web.Request, ws: web.WebSocketResponse, session: Session) -> None:
        self.request = request
        self.ws = ws
        self.session = session
        self.topics: set[int] = set()
        self.outbox: asyncio.Queue[str] = asyncio.Queue()
        self.last_heard = time.monotonic()
        # Tells a test whether a client kept its connection or opened a new one.
        self.serial = next(SERIALS)

    def deliver(self, report: dict) -> None:
        if report["type"] in self.topics:
            self.outbox.put_nowait(json.dumps(report, ensure_ascii=False))

    def current_session(self, pbx: Instance) -> Session | None:
        """The login's live session: refreshes hand the connection on to the new pair."""
        session = self.session
        while session.successor is not None:
            session = session.successor
        if pbx.tokens.valid_access(session.access_token) is not session:
            return None
        return session

    def abort(self) -> None:
        transport = self.request.transport
        if transport is not None:
            transport.abort()


_CONNECTIONS: "weakref.WeakKeyDictionary[Instance, set[Connection]]" = weakref.WeakKeyDictionary()


def connections(pbx: Instance) -> set[Connection]:
    return _CONNECTIONS.setdefault(pbx, set())


def _refusal(errcode: int) -> web.Response:
    return web.json_response(envelope(errcode))


def topics_of(text: str) -> set[int] | None:
    """The ids of a subscription message; None when it is not one."""
    try:
        body = json.loads(text)
    except ValueError:
        return None
    if not isinstance(body, dict) or not isinstance(body.get("topic_list"), list):
        return None
    ids: set[int] = set()
    for item in body["topic_list"]:
        # The manual's template quotes the ids ("eventid1,..."), its example does not.
        for part in str(item).split(","):
            if not part.strip().isdigit():
                return None
            ids.add(int(part))
    return ids


async def _answer(conn: Connection, text: str) -> None:
    if text.strip() == HEARTBEAT:
        await conn.ws.send_str(HEARTBEAT_RESPONSE)
        return
    ids = topics_of(text)
    if ids is None:
        await conn.ws.send_json(envelope(PARAMETER_SYNTAX_ERROR))
    elif not ids or not ids <= events.EVENT_IDS:
        await conn.ws.send_json(envelope(PARAMETER_ERROR, invalid_param_list=[
            {"field": "topic_list", "value": sorted(ids - events.EVENT_IDS)}]))
    else:
        # A new subscription replaces the previous one (the manual is silent).
        conn.topics = ids
        await conn.ws.send_json(envelope())


async def _send_loop(conn: Connection) -> None:
    while True:
        await conn.ws.send_str(await conn.outbox.get())


async def _watch(pbx: Instance, conn: Connection) -> None:
    while not conn.ws.closed:
        await asyncio.sleep(WATCH_INTERVAL)
        if conn.current_session(pbx) is None:
            await conn.ws.close(code=CLOSE_TOKEN, message=b"TOKEN EXPIRED")
        elif time.monotonic() - conn.last_heard > pbx.config.websocket_idle_timeout:
            await conn.ws.close(code=CLOSE_IDLE, message=b"idle timeout")


async def subscribe(request: web.Request, pbx: Instance) -> web.StreamResponse:
    pbx.counters.record(request.method, "subscribe", False)
    if (request.remote or "") in pbx.guard.blocked:
        return _refusal(ACCOUNT_IP_BLOCKED)
    session = pbx.tokens.valid_access(request.query.get("access_token"))
    if session is None:
        return _refusal(TOKEN_EXPIRED)
    ws = web.WebSocketResponse()
    await ws.prepare(request)
    conn = Connection(request, ws, session)
    bus = events.bus(pbx)
    bus.listeners.append(conn.deliver)
    connections(pbx).add(conn)
    tasks = [asyncio.create_task(_send_loop(conn)), asyncio.create_task(_watch(pbx, conn))]
    try:
        async for message in ws:
            if message.type == WSMsgType.TEXT:
                conn.last_heard = time.monotonic()
                await _answer(conn, message.data)
    finally:
        bus.listeners.remove(conn.deliver)
        connections(pbx).discard(conn)
        for task in tasks:
            task.cancel()
    return ws


def is_subscribe(request: web.Request, rest: str) -> bool:
    return rest.strip("/") == "v1.0/subscribe" and request.method == "GET"


# ------------------------------------------------------------ control API

def list_connections(pbx: Instance, body: dict) -> dict:
    return {"connections": [{"serial": c.serial, "remote": c.request.remote, "topics": sorted(c.topics)}
                            for c in connections(pbx)],
            "events_published": events.bus(pbx).published}


def drop_connections(pbx: Instance, body: dict) -> dict:
    """Abort every event connection without a close frame, as a network failure would."""
    dropped = list(connections(pbx))
    for conn in dropped:
        conn.abort()
    return {"dropped": len(dropped)}


CONTROL_ROUTES: dict[tuple[str, str], Any] = {
    ("GET", "websocket"): list_connections,
    ("POST", "websocket/drop"): drop_connections,
}
