"""The telephony.pbx.yeastar inventory plugin against two emulated PBXes (instances of one emulator)."""

import json
import subprocess
import time

import pytest

from pbxlab import BIN, CLIENT_ID, CLIENT_SECRET

PBXES = ("hq", "branch")


def seed_pbx(pbx, name, count, first=1000):
    pbx.control("reset", {}, instance=name)
    pbx.control("config", {"extension_capacity": max(500, count)}, instance=name)
    pbx.control("seed", {"departments": [{"name": "Sales", "parent_id": 1}, {"name": "Support", "parent_id": 1}]},
                instance=name)
    extensions = [{
        "type": "SIP", "number": str(first + i), "first_name": "Agent", "last_name": str(first + i),
        "email_addr": "agent%d@example.com" % (first + i), "user_password": "Seed-Passw0rd",
        "reg_name": "r%d" % (first + i), "reg_password": "Seed-Passw0rd", "role_id": 4 if i % 2 else 3,
        "presence_status": "available", "organization_list": [{"value": "2" if i % 2 else "3"}],
    } for i in range(count)]
    for start in range(0, count, 200):  # in parts, each well within the control API's timeout on a loaded machine
        pbx.control("seed", {"extensions": extensions[start:start + 200]}, instance=name)


@pytest.fixture
def fleet(pbx):
    for name in PBXES:
        pbx.control("instances", {"name": name})
        seed_pbx(pbx, name, 3)
    pbx.control("extension_status", {"1000": {"presence_status": "away", "sip_phone": ["192.0.2.10:5060"]},
                                     "1001": {"linkus_mobile": ["android"]}}, instance="hq")
    pbx.control("extension_status", {"1002": {"presence_status": "do_not_disturb"}}, instance="branch")
    yield pbx
    for name in PBXES:
        pbx.control("reset", {}, instance=name)


def counters(pbx, name):
    return pbx.control("counters", instance=name)


def source(workspace, pbx, *, pbxes=None, **options):
    """A source file; hq takes its credentials from the environment, branch from templates."""
    body = {
        "plugin": "telephony.pbx.yeastar",
        "pbxes": pbxes or [
            {"name": "hq", "url": "%s/pbx/hq" % pbx.base_url},
            {"name": "branch", "url": "%s/pbx/branch/" % pbx.base_url,
             "client_id": "{{ lookup('ansible.builtin.env', 'BRANCH_ID') }}",
             "client_secret": "{{ lookup('ansible.builtin.env', 'BRANCH_SECRET') }}"},
        ],
    }
    body.update(options)
    path = workspace.dir / ("fleet-%d.yeastar.yml" % time.monotonic_ns())
    path.write_text(json.dumps(body))
    return path


def inventory(workspace, path, *args, cache_dir=None, **extra_env):
    env = workspace.env(YEASTAR_CLIENT_ID=CLIENT_ID, YEASTAR_CLIENT_SECRET=CLIENT_SECRET, BRANCH_ID=CLIENT_ID,
                        BRANCH_SECRET=CLIENT_SECRET, **extra_env)
    if cache_dir:
        env.update(ANSIBLE_INVENTORY_CACHE="True", ANSIBLE_INVENTORY_CACHE_PLUGIN="ansible.builtin.jsonfile",
                   ANSIBLE_INVENTORY_CACHE_CONNECTION=str(cache_dir))
    started = time.monotonic()
    completed = subprocess.run([str(BIN / "ansible-inventory"), "-i", str(path), *args], env=env, capture_output=True,
                               text=True, timeout=300, cwd=str(workspace.dir), check=False)
    completed.seconds = time.monotonic() - started
    return completed


def plain(value):
    """ansible-inventory marks strings from inventory plugins untrusted: {"__ansible_unsafe": text}."""
    if isinstance(value, dict):
        if set(value) == {"__ansible_unsafe"}:
            return value["__ansible_unsafe"]
        return dict((key, plain(item)) for key, item in value.items())
    if isinstance(value, list):
        return [plain(item) for item in value]
    return value


def hostvars(listing):
    return plain(listing["_meta"]["hostvars"])


def members(listing, group):
    return sorted(listing.get(group, {}).get("hosts", []))


def assert_no_secret(pbx, text):
    assert CLIENT_SECRET not in text and "Seed-Passw0rd" not in text
    for name in PBXES:
        tokens = pbx.control("state", instance=name)["issued_tokens"]
        assert tokens and not any(token in text for token in tokens)


def test_list_hosts_vars_groups_and_keyed_groups(workspace, fleet):
    path = source(workspace, fleet, keyed_groups=[{"key": "yeastar_role", "prefix": "role"}],
                  groups={"sales_at_hq": "yeastar_pbx == 'hq' and 'Sales' in yeastar_departments"},
                  compose={"extension_label": "yeastar_number ~ ' ' ~ yeastar_name"})
    run = inventory(workspace, path, "--list")
    assert run.returncode == 0, run.stderr
    listing = json.loads(run.stdout)
    hosts = hostvars(listing)
    assert sorted(hosts) == ["branch-1000", "branch-1001", "branch-1002", "hq-1000", "hq-1001", "hq-1002"], run.stderr
    hq = hosts["hq-1000"]
    assert hq["yeastar_pbx"] == "hq" and hq["yeastar_number"] == "1000" and hq["yeastar_name"] == "Agent 1000"
    assert hq["yeastar_email"] == "agent1000@example.com" and hq["yeastar_role"] == "Operator"
    assert hq["yeastar_presence"] == "away" and hq["yeastar_registered"] is True
    assert hq["yeastar_devices"] == {"sip_phone": ["192.0.2.10:5060"]}
    assert hq["yeastar_departments"] == ["Support"] and hq["extension_label"] == "1000 Agent 1000"
    assert hosts["hq-1001"]["yeastar_devices"] == {"linkus_mobile": ["android"]}
    assert members(listing, "pbx_hq") == ["hq-1000", "hq-1001", "hq-1002"]
    assert members(listing, "department_Sales") == ["branch-1001", "hq-1001"]
    assert members(listing, "presence_away") == ["hq-1000"]
    assert members(listing, "presence_do_not_disturb") == ["branch-1002"]
    assert members(listing, "registered") == ["hq-1000", "hq-1001"]
    assert "hq-1002" in members(listing, "unregistered")
    assert members(listing, "role_Employee") == ["branch-1001", "hq-1001"]
    assert members(listing, "sales_at_hq") == ["hq-1001"]
    assert_no_secret(fleet, run.stdout + run.stderr)
    for name in PBXES:
        count = counters(fleet, name)
        assert count["tokens_issued"] == 1 and count["tokens_revoked"] == 1 and count["active_access_tokens"] == 0
        assert count["by_endpoint"] == {"get_token": 1, "extension/list": 1, "organization/list": 1, "del_token": 1}


def test_graph_filters_and_details(workspace, fleet):
    path = source(workspace, fleet, departments=["Sales"], numbers=["1000-1001"], details=True,
                  hostname_pattern="{number}.{pbx}")
    run = inventory(workspace, path, "--graph")
    assert run.returncode == 0, run.stderr
    assert "@pbx_hq:" in run.stdout and "1001.hq" in run.stdout and "1000.hq" not in run.stdout
    listing = json.loads(inventory(workspace, path, "--list").stdout)
    hosts = hostvars(listing)
    assert sorted(hosts) == ["1001.branch", "1001.hq"]
    details = hosts["1001.hq"]["yeastar_details"]
    assert details["first_name"] == "Agent" and details["last_name"] == "1001"
    assert not {"user_password", "reg_password", "reg_name", "vm_pin"} & set(details)
    assert hosts["1001.hq"]["yeastar_departments"] == ["Sales"]
    assert counters(fleet, "hq")["by_endpoint"]["extension/query"] == 2, "one batch per run"
    online = inventory(workspace, source(workspace, fleet, online_only=True), "--list")
    assert sorted(hostvars(json.loads(online.stdout))) == ["hq-1000", "hq-1001"]


def test_cache_hit_sends_no_request(workspace, fleet, tmp_path):
    path = source(workspace, fleet, cache=True, cache_timeout=600)
    first = inventory(workspace, path, "--list", cache_dir=tmp_path / "cache")
    assert first.returncode == 0, first.stderr
    cached_text = "".join(p.read_text() for p in (tmp_path / "cache").iterdir())
    assert "yeastar_number" in cached_text
    assert_no_secret(fleet, cached_text)
    for name in PBXES:
        fleet.control("counters/reset", {}, instance=name)
    second = inventory(workspace, path, "--list", cache_dir=tmp_path / "cache")
    assert second.returncode == 0, second.stderr
    assert json.loads(second.stdout) == json.loads(first.stdout)
    assert [counters(fleet, name)["total"] for name in PBXES] == [0, 0]


def test_a_pbx_down_warns_and_strict_fails(workspace, fleet):
    pbxes = [{"name": "hq", "url": "%s/pbx/hq" % fleet.base_url},
             {"name": "lost", "url": "http://127.0.0.1:9/", "client_id": "x", "client_secret": "lost-secret"},
             {"name": "refused", "url": "%s/pbx/branch" % fleet.base_url, "client_id": CLIENT_ID,
              "client_secret": "wrong-secret-1"}]
    run = inventory(workspace, source(workspace, fleet, pbxes=pbxes), "--list")
    assert run.returncode == 0, run.stderr
    assert sorted(hostvars(json.loads(run.stdout))) == ["hq-1000", "hq-1001", "hq-1002"]
    warnings = " ".join(run.stderr.split())
    assert "PBX lost could not be read" in warnings and "PBX refused could not be read" in warnings
    assert "errcode" in warnings and "lost-secret" not in warnings and "wrong-secret-1" not in warnings
    # The refusal names the settings of the source's pbxes entry, not the connection variables of a playbook.
    assert "Check client_id (Client ID) and client_secret (Client Secret)" in warnings
    assert "ansible_httpapi_password" not in warnings
    # ansible-inventory turns a source's failure into a warning unless told otherwise.
    strict = inventory(workspace, source(workspace, fleet, pbxes=pbxes, strict=True), "--list",
                       ANSIBLE_INVENTORY_ANY_UNPARSED_IS_FAILED="True")
    assert strict.returncode != 0 and "PBX lost could not be read" in " ".join(strict.stderr.split())
    assert "lost-secret" not in strict.stderr and "wrong-secret-1" not in strict.stderr


def test_bad_source_is_refused_before_any_request(workspace, fleet):
    run = inventory(workspace, source(workspace, fleet, hostname_pattern="{pbx}-{user}"), "--list")
    assert "hostname_pattern" in run.stderr
    run = inventory(workspace, source(workspace, fleet, numbers=["1099-1000"]), "--list")
    assert "numbers" in run.stderr
    assert [counters(fleet, name)["total"] for name in PBXES] == [0, 0]


def test_measure_two_pbxes_of_1000_extensions(workspace, fleet, tmp_path, record_property):
    for name in PBXES:
        seed_pbx(fleet, name, 1000)
    path = source(workspace, fleet, cache=True, cache_timeout=600)
    cold = inventory(workspace, path, "--list", cache_dir=tmp_path / "cache")
    assert cold.returncode == 0, cold.stderr
    assert len(hostvars(json.loads(cold.stdout))) == 2000
    cold_requests = [counters(fleet, name)["total"] for name in PBXES]
    for name in PBXES:
        fleet.control("counters/reset", {}, instance=name)
    cached = inventory(workspace, path, "--list", cache_dir=tmp_path / "cache")
    cached_requests = [counters(fleet, name)["total"] for name in PBXES]
    record_property("cold", {"requests": cold_requests, "seconds": round(cold.seconds, 2)})
    record_property("cached", {"requests": cached_requests, "seconds": round(cached.seconds, 2)})
    print("MEASURE cold requests %s in %.2fs; cached requests %s in %.2fs"
          % (cold_requests, cold.seconds, cached_requests, cached.seconds))
    assert all(count <= 10 for count in cold_requests) and cached_requests == [0, 0]
