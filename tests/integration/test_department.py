"""yeastar_department: nested creation by parent path, idempotence, check mode, deletion."""

from helpers import play, task


def department(name, parent=None, title=None, **args):
    if parent:
        args["parent"] = parent
    return task(title or "department %s" % name, "telephony.pbx.yeastar_department", name=name, **args)


def names_by_parent(pbx):
    state = pbx.state()["departments"]
    by_id = dict((d["id"], d["name"]) for d in state)
    return sorted((by_id.get(d["parent_id"], "-"), d["name"]) for d in state)


def test_tree_is_built_once_and_reruns_change_nothing(workspace, pbx):
    tree = play(department("Rooms"), department("Floor 1", "Rooms"), department("Floor 1", "Yeastar/Rooms", "by path"))
    first = workspace.playbook(tree, json_output=True)
    assert first.rc == 0, first.output
    assert [first.results(n)["changed"] for n in ("department Rooms", "department Floor 1", "by path")] == [True, True, False]
    assert ("Rooms", "Floor 1") in names_by_parent(pbx)
    assert names_by_parent(pbx).count(("Rooms", "Floor 1")) == 1

    pbx.reset_counters()
    second = workspace.playbook(tree, json_output=True)
    assert second.stats()["changed"] == 0
    assert pbx.counters()["writes"] == 0
    assert pbx.counters()["by_endpoint"]["organization/list"] == 1, "one tree read for the three tasks: the connection keeps it"


def test_check_mode_then_delete(workspace, pbx):
    check = workspace.playbook(play(department("Spa")), "--check", json_output=True)
    assert check.results("department Spa")["changed"] is True
    assert ("Yeastar", "Spa") not in names_by_parent(pbx)

    assert workspace.playbook(play(department("Spa"))).rc == 0
    gone = workspace.playbook(play(department("Spa", state="absent")), "--diff", json_output=True)
    result = gone.results("department Spa")
    assert result["changed"] is True
    assert result["diff"]["before"] == {"name": "Spa"} and result["diff"]["after"] == {}
    assert ("Yeastar", "Spa") not in names_by_parent(pbx)


def test_unknown_parent_is_named(workspace, pbx):
    run = workspace.playbook(play(department("Floor 9", "Tower")), json_output=True)
    assert run.results("department Floor 9")["failed"] is True
    assert "parent: no department 'Tower' exists" in run.results("department Floor 9")["msg"]
    assert pbx.counters()["writes"] == 0


def test_check_mode_plans_a_nested_tree_on_an_empty_pbx(workspace, pbx):
    tree = play(department("Rooms"), department("Floor 1", "Rooms"))
    run = workspace.playbook(tree, "--check", json_output=True)
    assert run.rc == 0, run.output
    assert [run.results(n)["operation"] for n in ("department Rooms", "department Floor 1")] == ["create", "create"]
    assert "Check mode assumes" in " ".join(run.results("department Floor 1").get("warnings", []))
    assert pbx.counters()["writes"] == 0
