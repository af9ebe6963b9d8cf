"""yeastar_info reads every page and batches detail queries."""

from helpers import play, task


def seed_extensions(pbx, count):
    pbx.seed(extensions=[{
        "type": "SIP", "number": str(2000 + i), "user_password": "Seed-Passw0rd", "reg_name": str(2000 + i),
        "reg_password": "Seed-Passw0rd", "concurrent_registrations": 1, "presence_status": "available",
        "organization_list": [{"value": "1"}],
    } for i in range(count)])


def test_all_pages_and_batched_details(workspace, pbx):
    pbx.configure(extension_capacity=2000)
    seed_extensions(pbx, 1050)
    pbx.reset_counters()
    run = workspace.playbook(play(task("info", "telephony.pbx.yeastar_info", extension_details=True)), json_output=True)
    assert run.rc == 0, run.output
    result = run.results("info")
    assert len(result["extensions"]) == 1050
    assert len(set(e["number"] for e in result["extensions"])) == 1050
    assert all(e["reg_password"] in ("", "********") for e in result["extensions"])
    assert result["capacity"]["extension_used"] == 1050
    assert [d["path"] for d in result["departments"]] == ["Yeastar"]
    assert {"id": 4, "name": "Employee"} in result["roles"]
    assert result["outbound_routes"] == []
    counters = pbx.counters()["by_endpoint"]
    assert counters["extension/query"] == 11, "1050 ids in batches of 100"
    assert counters["extension/list"] == 2, "pages of 1000"
    assert pbx.counters()["writes"] == 0


def test_outbound_routes_and_one_subset(workspace, pbx):
    pbx.seed(outbound_routes=[{"name": "Local"}, {"name": "International"}])
    run = workspace.playbook(play(task("info", "telephony.pbx.yeastar_info", gather=["outbound_routes"])), json_output=True)
    result = run.results("info")
    assert sorted(r["name"] for r in result["outbound_routes"]) == ["International", "Local"]
    assert "extensions" not in result and "system" not in result
    assert result["api_requests"]["sent"] == ["GET outbound_route/list", "GET outbound_route/query"]
    assert [r["pos"] for r in sorted(result["outbound_routes"], key=lambda r: r["name"])] == [2, 1], "with details"
