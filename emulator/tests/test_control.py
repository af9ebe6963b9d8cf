import http.client
import json
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from conftest import Client

EMULATOR_ROOT = Path(__file__).resolve().parents[1]


def test_counters(authed):
    authed.control("POST", "counters/reset")
    authed.get("extension/list")
    authed.post("extension/create", {"type": "SIP"})
    authed.get("extension/delete", id=5)
    authed.get("extension/list", token="bad")
    counters = authed.control("GET", "counters")
    assert counters["total"] == 4 and counters["writes"] == 2
    assert counters["by_endpoint"] == {"extension/list": 2, "extension/create": 1, "extension/delete": 1}
    assert counters["by_method"] == {"GET": 3, "POST": 1}
    assert counters["by_method_endpoint"]["GET extension/list"] == 2
    assert counters["active_access_tokens"] == 1


def test_reset_restores_everything(authed):
    authed.control("POST", "config", {"max_tokens": 1})
    authed.post("organization/create", {"name": "X", "parent_id": 1})
    authed.control("POST", "reset")
    assert authed.control("GET", "config")["max_tokens"] == 8
    assert authed.control("GET", "counters")["total"] == 0
    assert [d["id"] for d in authed.control("GET", "state")["departments"]] == [1]
    assert authed.get("extension/list")["errcode"] == 10004


def test_faults_are_applied_after_token_check_and_counted(authed):
    authed.control("POST", "faults", {"endpoint": "extension/list", "kind": "overloaded", "count": 1})
    authed.control("POST", "faults", {"endpoint": "extension/list", "kind": "http_503", "count": 1})
    assert authed.get("extension/list", token="bad")["errcode"] == 10004
    assert authed.get("extension/list")["errcode"] == 70082
    status, body = authed.raw("GET", "/openapi/v1.0/extension/list", query={"access_token": authed.token})
    assert status == 503
    assert authed.get("extension/list")["errcode"] == 0
    assert authed.control("GET", "counters")["by_endpoint"]["extension/list"] == 4


def test_reset_fault_drops_the_connection(authed):
    authed.control("POST", "faults", {"endpoint": "system/information", "kind": "reset", "count": 1})
    with pytest.raises((http.client.HTTPException, ConnectionError, OSError)):
        authed.raw("GET", "/openapi/v1.0/system/information", query={"access_token": authed.token})
    assert authed.get("system/information")["errcode"] == 0
    authed.control("POST", "faults", {"endpoint": "system/information", "kind": "http_500"})
    authed.control("DELETE", "faults")
    assert authed.get("system/information")["errcode"] == 0


def test_seed_validates_and_is_atomic(client):
    status, reply = client.raw("POST", "/_emulator/seed", {"departments": [
        {"name": "A", "parent_id": 1}, {"name": "B", "parent_id": 99}]})
    assert status == 400 and reply["response"]["errcode"] == 40002
    assert len(client.control("GET", "state")["departments"]) == 1


def test_named_instances_are_isolated(server, client):
    client.control("POST", "instances", {"name": "second"})
    other = Client(server.base_url, "/pbx/second")
    other.control("POST", "reset")
    other.login()
    assert other.get("extension/list")["errcode"] == 0
    assert client.control("GET", "counters")["total"] == 0
    assert other.control("GET", "counters")["tokens_issued"] == 1
    status, _ = client.raw("GET", "/pbx/nothing/_emulator/state", headers={})
    assert status == 404


def _start(*args):
    process = subprocess.Popen([sys.executable, "-m", "pbx_emulator", "--port", "0", *args],
                               cwd=EMULATOR_ROOT, stdout=subprocess.PIPE, text=True)
    return process, process.stdout.readline().strip()


def test_cli_prints_ready_line_and_stops_on_sigterm():
    process, line = _start("--instance", "a", "--client-id", "cid")
    try:
        assert line.startswith("pbx-emulator listening on http://127.0.0.1:")
        url = line.rsplit(" ", 1)[1]
        with urllib.request.urlopen(url + "/pbx/a/_emulator/config", timeout=5) as response:
            assert json.load(response)["client_id"] == "cid"
    finally:
        process.terminate()
        assert process.wait(timeout=5) == 0


def test_cli_tls():
    process, line = _start("--tls")
    try:
        assert line.startswith("pbx-emulator listening on https://")
        cert = process.stdout.readline().strip()
        assert cert.startswith("pbx-emulator certificate ")
        import ssl
        context = ssl.create_default_context(cafile=cert.split(" ", 2)[2])
        url = line.rsplit(" ", 1)[1] + "/_emulator/config"
        with urllib.request.urlopen(url, timeout=5, context=context) as response:
            assert response.status == 200
    finally:
        process.terminate()
        process.wait(timeout=5)
