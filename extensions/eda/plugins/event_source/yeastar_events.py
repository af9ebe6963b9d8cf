# -*- coding: utf-8 -*-
# Copyright: telephony.pbx contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""telephony.pbx.yeastar_events: Yeastar P-Series API events for Event-Driven Ansible."""

from __future__ import annotations

DOCUMENTATION = r"""
---
short_description: Receive Yeastar P-Series API events (calls, CDRs, extension and trunk changes)
description:
  - Logs in to the Yeastar OpenAPI with the API application's Client ID and Client Secret, opens the PBX's
    event WebSocket (C({api_path}/subscribe)), subscribes to the event ids asked for and puts every report on the
    rulebook's queue.
  - Sends the plain-text C(heartbeat) the PBX requires (it closes a WebSocket after 60 seconds without data).
  - Refreshes the access token before it expires without closing the stream. After a network failure, or when the
    PBX closes the stream, it reconnects with bounded exponential backoff and subscribes again; events the PBX
    sends while no connection is open are not delivered by the PBX and cannot be recovered.
  - A login the PBX refuses (wrong Client ID or Secret) ends the source and is never retried, because the PBX
    blocks the address after repeated failed logins.
  - On shutdown it closes the WebSocket (which ends the subscription; the API has no unsubscribe message) and
    revokes its token.
  - "Each event is C({pbx, event_id, type, data, id}): C(event_id) the PBX's event id (30011), C(type) its name
    (C(call_status_changed)), C(data) the decoded C(msg) of the report and C(id) a digest of C(pbx), C(event_id) and
    C(data), the same for the same report delivered twice, for de-duplication."
  - The Client Secret and the tokens never appear in events or logs.
requirements:
  - aiohttp
  - ansible-core and this collection importable by ansible-rulebook's Python (the source shares the collection's
    token lifecycle, C(plugins/plugin_utils/yeastar_session.py))
options:
  host:
    description: PBX address.
    type: str
    required: true
  port:
    description: PBX web port.
    type: int
    default: 8088
  use_ssl:
    description: Use C(wss://) and C(https://).
    type: bool
    default: true
  validate_certs:
    description: Verify the PBX's TLS certificate.
    type: bool
    default: true
  ca_path:
    description: CA bundle to verify the PBX's certificate with.
    type: str
  base_path:
    description: Path in front of C(/openapi/v1.0) when a proxy publishes the PBX under one (C(/pbx/hotel)).
    type: str
  client_id:
    description: Client ID of the PBX's API application (Integrations > API).
    type: str
    required: true
  client_secret:
    description: Client Secret of the API application.
    type: str
    required: true
  events:
    description:
      - Event ids or names to subscribe to (C(30011) or C(call_status_changed)); all events by default.
    type: list
    elements: raw
  pbx:
    description: Name of the PBX put in every event; defaults to O(host).
    type: str
  heartbeat_interval:
    description: Seconds between heartbeats; below the PBX's 60-second idle limit.
    type: float
    default: 20
  reconnect_delay:
    description: First delay in seconds before reconnecting; doubled after each failure.
    type: float
    default: 1
  max_reconnect_delay:
    description: Longest delay in seconds between reconnection attempts.
    type: float
    default: 60
  timeout:
    description: Seconds to wait for the PBX to answer a login or open the WebSocket.
    type: float
    default: 15
"""

EXAMPLES = r"""
- name: React to PBX events
  hosts: all
  sources:
    - telephony.pbx.yeastar_events:
        host: pbx.example.com
        client_id: "{{ yeastar_client_id }}"
        client_secret: "{{ yeastar_client_secret }}"
        events: [new_cdr, extension_config_changed]
  rules:
    - name: Log missed calls
      condition: event.type == "new_cdr" and event.data.status == "NO ANSWER"
      action:
        debug:
          msg: "Missed call from {{ event.data.call_from }} to {{ event.data.call_to }}"
"""

import asyncio
import hashlib
import json
import logging
import random
import re
import ssl
import time
from typing import Any

import aiohttp
from ansible_collections.telephony.pbx.plugins.plugin_utils.token_session import NotSent
from ansible_collections.telephony.pbx.plugins.plugin_utils.yeastar_session import API_PATH, YeastarSession

LOG = logging.getLogger("telephony.pbx.yeastar_events")

# Event ids and names (manual L17062-18428; 30001-30004 and 30021 are not documented).
EVENT_NAMES = {
    30005: "organization_status_changed",
    30006: "organization_config_changed",
    30007: "extension_registration_changed",
    30008: "extension_call_status_changed",
    30009: "extension_presence_changed",
    30010: "trunk_registration_changed",
    30011: "call_status_changed",
    30012: "new_cdr",
    30013: "call_transfer",
    30014: "call_forwarding",
    30015: "call_failed",
    30016: "inbound_call_request",
    30017: "dtmf",
    30018: "audio_playback_ended",
    30019: "satisfaction_survey",
    30020: "uacsta_call",
    30022: "extension_config_changed",
    30023: "trunk_config_changed",
    30024: "conference_without_host",
    30025: "agent_auto_paused",
    30026: "agent_ring_timeout",
}
EVENT_IDS = {name: number for number, name in EVENT_NAMES.items()}
HEARTBEAT = "heartbeat"
HEARTBEAT_RESPONSE = "heartbeat response"
USER_AGENT = "telephony.pbx yeastar_events"
# How messages that say what to change name the settings: this source's arguments.
SETTING_NAMES = {"client_id": "client_id", "client_secret": "client_secret",
                 "address": "host, port, use_ssl and base_path", "base_path": "base_path",
                 "plain_http": "use_ssl: false", "https": "use_ssl: true", "no_cert_check": "validate_certs: false",
                 "ca_path": "ca_path"}
TOKEN_IN_URL = re.compile(r"((?:access|refresh)_token=)[^&\s'\"]+")


class SourceFailed(Exception):
    """A configuration the PBX will never accept (bad arguments, a refused subscription)."""


class EventSession(YeastarSession):
    """The collection's Yeastar token lifecycle (login once, a refused login never retried, refresh or new login,
    secrets redacted, revocation), giving the source the access token its WebSocket URL carries. Blocking: the
    source runs it in a thread."""

    def access_token(self, renew=False):
        """A valid access token; `renew` replaces one the PBX no longer accepts (refresh, else a new login)."""
        with self._lock:
            self._open_budget()
            if renew and self._tokens is not None:
                self._renew(force=True)
            return self._valid_tokens().access

    def renew_at(self):
        """When the token should be refreshed (monotonic clock), or None before the first login."""
        tokens = self._tokens
        return None if tokens is None else tokens.access_expires - tokens.access_margin


def _why(answer: dict) -> str:
    detail = ": %s" % answer["submsg"] if answer.get("submsg") else ""
    return "errcode %s (%s)%s" % (answer.get("errcode"), answer.get("errmsg"), detail)


class Settings:
    def __init__(self, args: dict) -> None:
        for name in ("host", "client_id", "client_secret"):
            if not isinstance(args.get(name), str) or not args[name]:
                raise SourceFailed("%s is required (a non-empty string)" % name)
        self.session_options = {
            "host": args["host"], "port": int(args.get("port", 8088)), "use_ssl": bool(args.get("use_ssl", True)),
            "validate_certs": bool(args.get("validate_certs", True)), "ca_path": args.get("ca_path"),
            "base_path": args.get("base_path") or "", "remote_user": args["client_id"],
            "password": args["client_secret"], "timeout": float(args.get("timeout", 15))}
        self.use_ssl = self.session_options["use_ssl"]
        self.validate_certs = self.session_options["validate_certs"]
        self.ca_path = self.session_options["ca_path"]
        self.pbx = args.get("pbx") or args["host"]
        self.topics = topics_of(args.get("events"))
        self.heartbeat_interval = float(args.get("heartbeat_interval", 20))
        self.reconnect_delay = float(args.get("reconnect_delay", 1))
        self.max_reconnect_delay = float(args.get("max_reconnect_delay", 60))
        self.timeout = float(args.get("timeout", 15))
        if not 0 < self.heartbeat_interval < 60:
            raise SourceFailed("heartbeat_interval must be above 0 and below 60 (the PBX's idle limit)")
        if not 0 < self.reconnect_delay <= self.max_reconnect_delay:
            raise SourceFailed("reconnect_delay must be above 0 and at most max_reconnect_delay")

    def ssl_context(self) -> ssl.SSLContext | None:
        if not self.use_ssl:
            return None
        context = ssl.create_default_context(cafile=self.ca_path)
        if not self.validate_certs:
            context.check_hostname = False
            context.verify_mode = ssl.CERT_NONE
        return context


def topics_of(wanted: Any) -> list[int]:
    if wanted in (None, [], "all"):
        return sorted(EVENT_NAMES)
    if not isinstance(wanted, list):
        raise SourceFailed("events must be a list of event ids or names")
    topics = []
    for item in wanted:
        number = EVENT_IDS.get(item) if isinstance(item, str) and not item.isdigit() else _int(item)
        if number not in EVENT_NAMES:
            raise SourceFailed("events: %r is not a Yeastar event; known: %s" % (
                item, ", ".join("%d (%s)" % pair for pair in sorted(EVENT_NAMES.items()))))
        topics.append(number)
    return sorted(set(topics))


def _int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def event_of(pbx: str, report: dict) -> dict | None:
    """The queued form of one report; None for what is not an event report."""
    event_id = report.get("type")
    if event_id not in EVENT_NAMES:
        return None
    data = report.get("msg")
    if isinstance(data, str):
        # Most events carry msg as a JSON-encoded string, 30025/30026 as an object (manual examples).
        try:
            data = json.loads(data)
        except ValueError:
            data = {"raw": data}
    digest = hashlib.sha256(json.dumps([pbx, event_id, data], sort_keys=True).encode()).hexdigest()
    return {"pbx": pbx, "event_id": event_id, "type": EVENT_NAMES[event_id], "data": data, "id": digest[:32]}


class StreamClosed(Exception):
    """The PBX or the network ended the WebSocket; the source reconnects."""


class EventStream:
    def __init__(self, queue: asyncio.Queue, settings: Settings) -> None:
        self.queue = queue
        self.settings = settings
        self.session = EventSession(settings.session_options, log=LOG.debug, setting_names=SETTING_NAMES)
        self.last_heard = 0.0

    async def run(self) -> None:
        delay = self.settings.reconnect_delay
        timeout = aiohttp.ClientTimeout(total=self.settings.timeout)
        async with aiohttp.ClientSession(headers={"User-Agent": USER_AGENT}, timeout=timeout) as session:
            try:
                while True:
                    try:
                        await self.stream(session)
                        delay = self.settings.reconnect_delay    # the stream was up: start over
                    except (aiohttp.ClientError, OSError, asyncio.TimeoutError, StreamClosed, NotSent) as error:
                        LOG.warning("%s: event stream interrupted (%s); reconnecting in %.1f s",
                                    self.settings.pbx, _plain(error), delay)
                        await asyncio.sleep(delay * random.uniform(0.8, 1.0))
                        delay = min(delay * 2, self.settings.max_reconnect_delay)
            finally:
                await self.revoke()

    async def access_token(self, renew: bool = False) -> str:
        """A valid access token; a refused login raises LoginFailed, which ends the source."""
        return await asyncio.to_thread(self.session.access_token, renew)

    async def stream(self, session: aiohttp.ClientSession) -> None:
        renew = False
        while True:
            token = await self.access_token(renew)
            url = "ws" + self.session.base_url()[4:] + API_PATH + "subscribe?access_token=" + token
            try:
                ws = await session.ws_connect(url, ssl=self.settings.ssl_context() or False)
            except aiohttp.WSServerHandshakeError as error:
                if renew:
                    raise StreamClosed("the PBX refused the WebSocket (HTTP %s)" % error.status) from None
                renew = True      # most likely a token the PBX no longer accepts: renew it once
                continue
            break
        async with ws:
            await self.subscribe(ws)
            self.last_heard = time.monotonic()
            LOG.info("%s: subscribed to %d event types", self.settings.pbx, len(self.settings.topics))
            keepers = [asyncio.create_task(self.heartbeat(ws)), asyncio.create_task(self.keep_token())]
            try:
                await self.pump(ws)
            finally:
                for task in keepers:
                    task.cancel()
                await asyncio.gather(*keepers, return_exceptions=True)

    async def subscribe(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        await ws.send_str(json.dumps({"topic_list": self.settings.topics}))
        while True:
            message = await ws.receive(timeout=self.settings.timeout)
            if message.type != aiohttp.WSMsgType.TEXT:
                raise StreamClosed("closed before the subscription was confirmed")
            answer = _json(message.data)
            if isinstance(answer, dict) and "errcode" in answer:
                if answer["errcode"] != 0:
                    raise SourceFailed("the PBX refused the subscription: %s" % _why(answer))
                return
            await self.put(answer)

    async def pump(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        async for message in ws:
            self.last_heard = time.monotonic()
            if message.type == aiohttp.WSMsgType.TEXT:
                if message.data != HEARTBEAT_RESPONSE:
                    await self.put(_json(message.data))
            elif message.type == aiohttp.WSMsgType.ERROR:
                break
        raise StreamClosed("the PBX closed the stream (code %s)" % ws.close_code)

    async def put(self, report: Any) -> None:
        if isinstance(report, dict):
            event = event_of(self.settings.pbx, report)
            if event is not None:
                await self.queue.put(event)

    async def heartbeat(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        """Keep the stream open; close it when heartbeats go unanswered (a silently dead network)."""
        while not ws.closed:
            await asyncio.sleep(self.settings.heartbeat_interval)
            if time.monotonic() - self.last_heard > self.settings.heartbeat_interval + self.settings.timeout:
                await ws.close()
                return
            await ws.send_str(HEARTBEAT)

    async def keep_token(self) -> None:
        """Refresh before expiry: the open stream follows the refreshed login."""
        while True:
            await asyncio.sleep(max(0.0, self.session.renew_at() - time.monotonic()))
            await self.access_token()

    async def revoke(self) -> None:
        """Revoke the token (TokenSession.close never fails), even while the source is being cancelled."""
        await asyncio.shield(asyncio.to_thread(self.session.close))


def _json(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return None


def _plain(error: BaseException) -> str:
    """An error in words, its URL's access_token masked."""
    return TOKEN_IN_URL.sub(r"\1********", str(error) or type(error).__name__)


async def main(queue: asyncio.Queue, args: dict[str, Any]) -> None:
    """The ansible-rulebook entry point."""
    await EventStream(queue, Settings(args)).run()
