"""Hostile requests: undecodable JSON, oversized bodies and over-long request targets."""

import http.client
import json
import urllib.parse

import pytest

from pbx_emulator.limits import MAX_BODY, MAX_REQUEST_TARGET

SEARCH = "/openapi/v1.0/extension/search"


def _search(authed, pad: int) -> tuple[int, int, dict]:
    """extension/search with a search_value of ``pad`` bytes: (target length, status, reply)."""
    query = {"access_token": authed.token, "search_value": "a" * pad}
    return (len(SEARCH + "?" + urllib.parse.urlencode(query)),
            *authed.raw("GET", SEARCH, query=query))


def _chunked_post(server, path: str, size: int) -> tuple[int, dict]:
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    chunks = (b" " * (1024 * 1024) for _ in range(size // (1024 * 1024)))
    try:
        connection.request("POST", path, body=chunks, encode_chunked=True,
                           headers={"User-Agent": "OpenAPI", "Transfer-Encoding": "chunked"})
        response = connection.getresponse()
        return response.status, json.loads(response.read())
    finally:
        connection.close()


@pytest.mark.parametrize("body", [b"[" * 100000, b'{"a":' * 100000, b"{" + b" " * 10 + b"\xff}",
                                  b'{"n": ' + b"9" * 5000 + b"}"],
                         ids=["nested-lists", "nested-objects", "bad-utf8", "huge-int"])
def test_undecodable_json_is_syntax_error_without_traceback(authed, quiet_log, body):
    status, reply = authed.raw("POST", "/openapi/v1.0/extension/create",
                               query={"access_token": authed.token}, data=body)
    assert status == 200
    assert reply == {"errcode": 40001, "errmsg": "PARAMETER SYNTAX ERROR"}


def test_control_api_refuses_deeply_nested_json(client, quiet_log):
    status, reply = client.raw("POST", "/_emulator/seed", data=b"[" * 100000, headers={})
    assert (status, reply) == (400, {"error": "body is not valid JSON"})


def test_body_over_the_limit_is_413_envelope(authed, quiet_log):
    authed.control("POST", "faults", {"endpoint": "extension/create", "kind": "http_500"})
    status, reply = authed.raw("POST", "/openapi/v1.0/extension/create",
                               query={"access_token": authed.token}, data=b" " * (MAX_BODY + 1))
    assert status == 413
    assert reply["errcode"] == 40001 and reply["errmsg"] == "PARAMETER SYNTAX ERROR"
    assert str(MAX_BODY) in reply["submsg"]
    # Refused before the pipeline: counted, but the pending fault is still there.
    assert authed.control("GET", "counters")["by_endpoint"] == {"get_token": 1, "extension/create": 1}
    assert len(authed.control("GET", "faults")["faults"]) == 1


def test_body_exactly_at_the_limit_is_read(authed):
    status, reply = authed.raw("POST", "/openapi/v1.0/extension/create",
                               query={"access_token": authed.token}, data=b" " * MAX_BODY)
    # Blank body means {}: the create is rejected for its missing fields, not for its size.
    assert status == 200 and reply["errcode"] == 40002


def test_chunked_body_over_the_limit_is_413(server, client, quiet_log):
    status, reply = _chunked_post(server, "/openapi/v1.0/get_token", MAX_BODY + 1024 * 1024)
    assert status == 413 and reply["errcode"] == 40001 and str(MAX_BODY) in reply["submsg"]
    status, reply = _chunked_post(server, "/_emulator/seed", MAX_BODY + 1024 * 1024)
    assert status == 413 and str(MAX_BODY) in reply["error"]


def test_request_target_limit(authed, quiet_log):
    pad = MAX_REQUEST_TARGET - _search(authed, 0)[0]
    length, status, reply = _search(authed, pad)
    assert length == MAX_REQUEST_TARGET
    assert status == 200 and reply["errcode"] == 0 and reply["total_number"] == 0
    length, status, reply = _search(authed, pad + 1)
    assert status == 414 and reply["errcode"] == 40001
    assert reply["submsg"] == f"request target is {MAX_REQUEST_TARGET + 1} bytes, the limit is 8192"


def test_long_target_below_the_parser_limit_gets_our_414(authed, quiet_log):
    # 100 kB is far beyond aiohttp's default line limit (8190), which would answer a plain-text 400.
    _, status, reply = _search(authed, 100000)
    assert status == 414 and reply["errcode"] == 40001 and "limit is 8192" in reply["submsg"]
    status, reply = authed.raw("GET", "/_emulator/state", query={"pad": "a" * 100000}, headers={})
    length = len("/_emulator/state?pad=") + 100000
    assert status == 414 and reply == {"error": f"request target is {length} bytes, the limit is 8192"}
