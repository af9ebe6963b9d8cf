"""yeastar_pin_list and the pin_lists section of yeastar_config against the emulator: create, update, no-op
re-run, check mode, diff, delete, and PINs never shown (not even at -vvvv, nor in the connection's log)."""

from helpers import play, task

MODULE = "telephony.pbx.yeastar_pin_list"
CONFIG = "telephony.pbx.yeastar_config"
PINS = ["908172", "736451"]
NEW_PINS = ["118822", "736451"]


def pin_list(title="pin list", **args):
    options = {"name": "International", "pins": PINS}
    options.update(args)
    return task(title, MODULE, **options)


def stored(pbx, name="International"):
    found = [item for item in pbx.state()["pin_lists"] if item["name"] == name]
    return found[0] if found else None


def assert_no_pin_in(text):
    for pin in PINS + NEW_PINS:
        assert pin not in text


def test_create_update_rerun_and_delete_without_showing_pins(workspace, pbx, tmp_path):
    log = tmp_path / "ansible.log"
    env = {"ANSIBLE_LOG_PATH": str(log), "ANSIBLE_PERSISTENT_LOG_MESSAGES": "True"}
    created = workspace.playbook(play(pin_list()), "--diff", "-vvvv", env=env)
    assert created.rc == 0, created.output
    assert sorted(stored(pbx)["pin_list"].split(",")) == sorted(PINS)
    assert stored(pbx)["enb_record_cdr"] == 0

    pbx.reset_counters()
    again = workspace.playbook(play(pin_list()), json_output=True)
    assert again.results("pin list")["changed"] is False
    assert pbx.counters()["writes"] == 0

    same_set = workspace.playbook(play(pin_list(pins=list(reversed(PINS)), update_password="always")), json_output=True)
    assert same_set.results("pin list")["changed"] is False, "compared as a set, without being sent"
    assert pbx.counters()["writes"] == 0

    on_create = workspace.playbook(play(pin_list(pins=NEW_PINS, enb_record_cdr=True)), "--diff", json_output=True)
    result = on_create.results("pin list")
    assert result["operation"] == "update" and "pins" not in result["diff"]["after"], "on_create: PINs not sent"
    assert stored(pbx)["enb_record_cdr"] == 1 and sorted(stored(pbx)["pin_list"].split(",")) == sorted(PINS)

    changed = workspace.playbook(play(pin_list(pins=NEW_PINS, update_password="always")), "--diff", "-vvvv", env=env)
    assert changed.rc == 0, changed.output
    assert sorted(stored(pbx)["pin_list"].split(",")) == sorted(NEW_PINS)
    assert "pins" in changed.output and "********" in changed.output

    info = workspace.playbook(play(task("info", "telephony.pbx.yeastar_info", gather=["pin_lists"])), "-vvvv", env=env)
    assert "International" in info.output
    text = created.output + changed.output + info.output + log.read_text()
    assert "telephony.pbx: GET /openapi/v1.0/pin_list" in text, "the plugin's own request log was captured"
    assert_no_pin_in(text)

    deleted = workspace.playbook(play(task("pin list", MODULE, name="International", state="absent")), json_output=True)
    assert deleted.results("pin list")["changed"] is True and stored(pbx) is None


def test_check_mode_sends_no_write(workspace, pbx):
    checked = workspace.playbook(play(pin_list()), "--check", "--diff", json_output=True)
    result = checked.results("pin list")
    assert (result["changed"], result["api_requests"]["planned"]) == (True, ["POST pin_list/create"])
    assert pbx.counters()["writes"] == 0 and stored(pbx) is None
    assert_no_pin_in(checked.output)


def test_invalid_pins_fail_before_any_request_without_showing_them(workspace, pbx):
    run = workspace.playbook(play(pin_list("letters", pins=["12a4"], _ignore_errors=True),
                                  pin_list("twice", pins=["736451", "736451"], _ignore_errors=True),
                                  pin_list("none", name="Empty", pins=None, _ignore_errors=True)), json_output=True)
    assert "pins[0] must be digits" in run.results("letters")["msg"]
    assert "lists a PIN more than once" in run.results("twice")["msg"]
    assert "pins is required to create PIN list Empty" in run.results("none")["msg"]
    assert "12a4" not in run.output and "736451" not in run.output
    assert pbx.counters()["writes"] == 0


def test_pin_lists_section_round_trip(workspace, pbx):
    config = {"pin_lists": [{"name": "Local", "pins": ["2283", "3301"]},
                            {"name": "International", "pins": PINS, "enb_record_cdr": True}]}
    first = workspace.playbook(play(task("config", CONFIG, config=config)), json_output=True)
    assert first.rc == 0, first.output
    assert first.results("config")["sections"]["pin_lists"]["created"] == ["PIN list Local", "PIN list International"]
    assert_no_pin_in(first.output)

    pbx.reset_counters()
    round_trip = workspace.playbook(play(
        task("config", CONFIG, state="gathered", _register="live"),
        task("back", CONFIG, state="overridden", config="{{ live.gathered }}")), json_output=True)
    assert round_trip.rc == 0, round_trip.output
    assert round_trip.results("config")["gathered"]["pin_lists"] == [
        {"name": "International", "enb_record_cdr": True}, {"name": "Local"}], "PINs are left out, like every secret"
    assert round_trip.results("back")["changed"] is False
    assert pbx.counters()["writes"] == 0

    overridden = workspace.playbook(play(task("config", CONFIG, state="overridden", config={"pin_lists": [
        {"name": "Local"}]})), json_output=True)
    assert overridden.results("config")["sections"]["pin_lists"]["deleted"] == ["PIN list International"]
    assert [item["name"] for item in pbx.state()["pin_lists"]] == ["Local"]
