"""The fleet playbooks against the emulator: export to host_vars, apply back, drift under --check, CSV import."""

import pathlib

import yaml
from helpers import REG_PASSWORD, USER_PASSWORD, play, stored_extensions, task
from pbxlab import ROOT

PLAYBOOKS = ROOT / "playbooks"
SECRETS = {"extension_defaults": {"user_password": USER_PASSWORD, "reg_password": REG_PASSWORD}}
SEED_PASSWORD = "Seed-Passw0rd-1"


def seeded_extension(number, department_id, **fields):
    return dict({"type": "SIP", "number": number, "user_password": SEED_PASSWORD, "reg_name": number,
                 "reg_password": SEED_PASSWORD, "concurrent_registrations": 1, "presence_status": "available",
                 "organization_list": [{"value": str(department_id)}]}, **fields)


def two_pbxes(workspace, pbx):
    """pbx1 on the emulator's default instance, pbx2 on instance hotel-b with its own credentials (hosts that share
    address, port and user share one persistent connection in ansible-core)."""
    pbx.control("instances", {"name": "hotel-b"})
    pbx.control("reset", {}, instance="hotel-b")
    pbx.control("config", {"client_id": "id-hotel-b", "client_secret": "secret-hotel-b"}, instance="hotel-b")
    workspace.write_inventory(hosts={"pbx1": {"pbx_secrets": SECRETS},
                                     "pbx2": {"pbx_secrets": SECRETS, "ansible_user": "id-hotel-b",
                                              "ansible_httpapi_password": "secret-hotel-b",
                                              "ansible_httpapi_yeastar_base_path": "/pbx/hotel-b"}})


def writes(pbx):
    return pbx.counters()["writes"] + pbx.control("counters", instance="hotel-b")["writes"]


def test_export_apply_back_and_drift(workspace, pbx):
    two_pbxes(workspace, pbx)
    sales = pbx.seed(departments=[{"name": "Sales", "parent_id": 1}])["departments"][0]
    pbx.seed(departments=[{"name": "EU", "parent_id": sales}])
    pbx.seed(extensions=[seeded_extension("1002", sales, first_name="Bob", email_addr="bob@example.com"),
                         seeded_extension("0100", sales, first_name="Ann", vm_pin="4711")])
    pbx.control("seed", {"extensions": [seeded_extension("2001", 1, first_name="Other")]}, instance="hotel-b")

    export = workspace.playbook(str(PLAYBOOKS / "pbx_export.yml"), json_output=True)
    assert export.rc == 0, export.output
    path = workspace.dir / "host_vars" / "pbx1" / "pbx_config.yml"
    text = path.read_text()
    assert text.startswith("---\n# Configuration of PBX pbx1, written by telephony.pbx's pbx_export.yml.\n")
    assert SEED_PASSWORD not in text and "4711" not in text and "_password" not in text and "vm_pin" not in text
    config = yaml.safe_load(text)["pbx_config"]
    numbers = [e["number"] for e in config["extensions"]]
    assert numbers == sorted(numbers) == ["0100", "1002"], "numbers stay strings, in a stable order"
    assert {"name": "EU", "parent": "Sales"} in config["departments"] or \
        {"name": "EU", "parent": "Yeastar/Sales"} in config["departments"]
    bob = config["extensions"][1]
    assert bob["first_name"] == "Bob" and bob["departments"] == ["Sales"]
    assert list(bob) == sorted(bob), "keys are sorted, so the file diffs cleanly"
    other = yaml.safe_load((workspace.dir / "host_vars" / "pbx2" / "pbx_config.yml").read_text())["pbx_config"]
    assert [e["number"] for e in other["extensions"]] == ["2001"], "each PBX gets its own file"

    again = workspace.playbook(str(PLAYBOOKS / "pbx_export.yml"), json_output=True)
    assert again.stats("pbx1")["changed"] == 0, "exporting an unchanged PBX rewrites nothing"
    assert path.read_text() == text

    pbx.reset_counters()
    pbx.control("counters/reset", {}, instance="hotel-b")
    apply = workspace.playbook(str(PLAYBOOKS / "pbx_apply.yml"), "-e", "pbx_state=overridden", json_output=True)
    assert apply.rc == 0, apply.output
    for host in ("pbx1", "pbx2"):
        assert apply.stats(host)["changed"] == 0
        result = apply.results("Make the PBX match its configuration", host=host)
        assert result["changed"] is False
        assert not [r for r in result["api_requests"]["sent"] if not r.startswith("GET ")]
    assert writes(pbx) == 0

    # Behind the files' back: Bob renamed, an extension added.
    changed = workspace.playbook(play(
        task("rename", "telephony.pbx.yeastar_extension", number="1002", first_name="Robert"),
        task("add", "telephony.pbx.yeastar_extension", number="1003", user_password=USER_PASSWORD,
             reg_password=REG_PASSWORD, departments=["Sales"]), hosts="pbx1"))
    assert changed.rc == 0, changed.output
    pbx.reset_counters()
    drift = workspace.playbook(str(PLAYBOOKS / "pbx_drift.yml"), "--check", "--diff", json_output=True)
    assert drift.rc == 0, drift.output
    result = drift.results("Compare the PBX with its configuration")
    assert result["changed"] is True
    assert "1002" in str(result["sections"]["extensions"]["updated"])
    assert "1003" in str(result["sections"]["extensions"]["deleted"])
    summary = drift.results("Summary")["msg"]
    assert summary == ["would update extension 1002", "would delete extension 1003"], summary
    assert drift.results("Summary", host="pbx2")["msg"] == ["no drift: the PBX matches its files"]
    assert writes(pbx) == 0
    assert path.read_text() == text, "drift writes no file"
    assert stored_extensions(pbx)["1002"]["first_name"] == "Robert"

    refused = workspace.playbook(str(PLAYBOOKS / "pbx_drift.yml"), json_output=True)
    assert refused.rc != 0
    assert "run it with --check --diff" in refused.results("Refuse to run without --check")["msg"]


def test_apply_refuses_a_host_without_configuration(workspace, pbx):
    run = workspace.playbook(str(PLAYBOOKS / "pbx_apply.yml"), json_output=True)
    assert run.rc != 0
    message = run.results("Check the host has a configuration and the state is one that applies it")["msg"]
    assert "pbx1 has no pbx_config" in message and "nothing was applied" in message
    assert pbx.counters()["total"] == 0


def test_csv_import_creates_the_extensions_and_a_rerun_changes_nothing(workspace, pbx):
    workspace.write_inventory({"pbx_secrets": SECRETS})
    first = workspace.playbook(str(PLAYBOOKS / "import_extensions_csv.yml"), json_output=True)
    assert first.rc == 0, first.output
    stored = stored_extensions(pbx)
    assert sorted(stored) == ["0101", "0102", "0103", "1000", "1001", "1002", "1100", "1101", "1200", "1900"]
    assert stored["1001"]["email_addr"] == "m.schulz@hotel.example.com"
    assert len(stored["1001"]["organization_list"]) == 2, "two departments separated by ;"
    assert stored["1001"]["reg_password"] == REG_PASSWORD
    assert stored["0101"]["role_id"] == 4, "role defaults to Employee"
    departments = [d["name"] for d in pbx.state()["departments"]]
    assert {"Front Office", "Housekeeping", "Management", "Restaurant", "Rooms"} <= set(departments)

    pbx.reset_counters()
    second = workspace.playbook(str(PLAYBOOKS / "import_extensions_csv.yml"), json_output=True)
    assert second.rc == 0, second.output
    assert second.stats()["changed"] == 0
    assert pbx.counters()["writes"] == 0


def test_csv_with_a_bad_row_fails_naming_the_line_and_writes_nothing(workspace, pbx):
    workspace.write_inventory({"pbx_secrets": SECRETS})
    sheet = pathlib.Path(workspace.dir) / "bad.csv"
    sheet.write_text("number,first_name,email_addr,departments\n"
                     "1000,Front,frontdesk@example.com,Front Office\n"
                     "1001,Maria,maria.example.com,Front Office\n")
    run = workspace.playbook(str(PLAYBOOKS / "import_extensions_csv.yml"), "-e", "pbx_import_csv=%s" % sheet,
                             json_output=True)
    assert run.rc != 0
    assert "CSV line 3: email_addr must be an email address" in run.output
    assert pbx.counters()["writes"] == 0
    assert stored_extensions(pbx) == {}
