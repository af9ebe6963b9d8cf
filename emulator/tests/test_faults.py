"""Fault kinds that delay the answer or break the transport."""

import http.client
import json
import threading
import time

import pytest

from conftest import API, extension_body


def _numbers(client) -> list[str]:
    return [e["number"] for e in client.control("GET", "state")["extensions"]]


def _create(client, number: str):
    return client.raw("POST", API + "extension/create", extension_body(number),
                      query={"access_token": client.token})


def test_slow_delays_then_applies_without_blocking_the_server(authed, quiet_log):
    authed.control("POST", "faults", {"endpoint": "extension/create", "kind": "slow", "seconds": 0.8})
    result = {}

    def slow_create():
        started = time.monotonic()
        result["reply"] = _create(authed, "1000")
        result["elapsed"] = time.monotonic() - started

    thread = threading.Thread(target=slow_create)
    thread.start()
    time.sleep(0.2)
    started = time.monotonic()
    # The server keeps answering while the slow request waits, which has not been applied yet.
    assert _numbers(authed) == []
    assert authed.get("system/information")["errcode"] == 0
    assert time.monotonic() - started < 0.4
    thread.join(timeout=5)
    assert result["reply"][0] == 200 and result["reply"][1]["errcode"] == 0
    assert result["elapsed"] >= 0.8
    assert _numbers(authed) == ["1000"]
    assert authed.control("GET", "faults") == {"faults": []}


def test_slow_seconds_default_and_validation(client):
    listed = client.control("POST", "faults", {"endpoint": "extension/list", "kind": "slow", "count": 2})
    assert listed == {"faults": [{"endpoint": "extension/list", "kind": "slow", "count": 2, "seconds": 1}]}
    for seconds in (0, -1, 121, "1", True, None, [1]):
        status, reply = client.raw("POST", "/_emulator/faults", {
            "endpoint": "extension/list", "kind": "slow", "seconds": seconds}, headers={})
        assert status == 400 and "seconds must be a number" in reply["error"], seconds
    status, reply = client.raw("POST", "/_emulator/faults", {
        "endpoint": "extension/list", "kind": "reset", "seconds": 1}, headers={})
    assert (status, reply) == (400, {"error": "seconds is only accepted with kind slow"})
    status, reply = client.raw("POST", "/_emulator/faults", {"endpoint": "x", "kind": "late"}, headers={})
    assert status == 400 and "slow, lost_answer, truncated or garbage" in reply["error"]
    assert len(client.control("GET", "faults")["faults"]) == 1


def test_lost_answer_applies_the_write_and_sends_nothing(authed, quiet_log):
    authed.control("POST", "faults", {"endpoint": "extension/create", "kind": "lost_answer"})
    with pytest.raises(http.client.RemoteDisconnected):
        _create(authed, "1000")
    assert _numbers(authed) == ["1000"]
    counters = authed.control("GET", "counters")
    assert counters["writes"] == 1 and counters["by_endpoint"]["extension/create"] == 1
    # A retry of the same write now meets the object the lost answer created.
    status, reply = _create(authed, "1000")
    assert status == 200 and reply["errcode"] == 40003


def test_truncated_answer_is_an_incomplete_read_and_not_applied(authed, quiet_log):
    authed.control("POST", "faults", {"endpoint": "extension/create", "kind": "truncated", "count": 2})
    for _ in range(2):
        with pytest.raises(http.client.IncompleteRead) as error:
            _create(authed, "1000")
        assert error.value.partial.startswith(b'{"errcode": 0')
    assert _numbers(authed) == []
    assert _create(authed, "1000")[1]["errcode"] == 0


def test_garbage_answer_is_a_bad_status_line_and_not_applied(authed, quiet_log):
    authed.control("POST", "faults", {"endpoint": "extension/create", "kind": "garbage"})
    with pytest.raises(http.client.BadStatusLine) as error:
        _create(authed, "1000")
    assert error.value.line.strip() == "garbage"
    assert _numbers(authed) == []
    assert _create(authed, "1000")[1]["errcode"] == 0


def test_slow_write_is_applied_after_the_client_gave_up(server, authed):
    authed.control("POST", "faults", {"endpoint": "extension/create", "kind": "slow", "seconds": 0.5})
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=0.2)
    try:
        with pytest.raises(TimeoutError):
            connection.request("POST", f"{API}extension/create?access_token={authed.token}",
                               body=json.dumps(extension_body("1000")), headers={"User-Agent": "OpenAPI"})
            connection.getresponse()
    finally:
        connection.close()
    assert _numbers(authed) == []
    time.sleep(0.6)
    assert _numbers(authed) == ["1000"]
