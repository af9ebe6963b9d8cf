"""`module_defaults: group/telephony.pbx.yeastar` sets the options the Yeastar modules share, once per play."""

from helpers import REG_PASSWORD, extension, play, seed_calls, stored_extensions, task

ROTATED = "Rotated-Passw0rd-2"
GROUP = "group/telephony.pbx.yeastar"


def rotation(**play_options):
    return play(extension(reg_password=ROTATED),
                task("pins", "telephony.pbx.yeastar_pin_list", name="International", pins=["118822"]),
                **play_options)


def test_update_password_from_the_group_reaches_every_module(workspace, pbx):
    setup = play(extension(), task("pins", "telephony.pbx.yeastar_pin_list", name="International", pins=["908172"]))
    assert workspace.playbook(setup).rc == 0

    pbx.reset_counters()
    without = workspace.playbook(rotation(), json_output=True)
    assert without.rc == 0, without.output
    assert not without.results("extension")["changed"] and not without.results("pins")["changed"], \
        "the default update_password=on_create leaves secrets of existing objects alone"
    assert pbx.counters()["writes"] == 0

    grouped = workspace.playbook(rotation(module_defaults={GROUP: {"update_password": "always"}}), json_output=True)
    assert grouped.rc == 0, grouped.output
    assert grouped.results("extension")["changed"] and grouped.results("pins")["changed"]
    assert stored_extensions(pbx)["1001"]["reg_password"] == ROTATED != REG_PASSWORD
    pin_list = [item for item in pbx.state()["pin_lists"] if item["name"] == "International"][0]
    assert pin_list["pin_list"] == "118822"
    assert ROTATED not in grouped.output


def test_the_pbx_display_format_from_the_group_reaches_the_call_log_modules(workspace, pbx):
    seed_calls(pbx, 60)
    day = task("cdr", "telephony.pbx.yeastar_cdr_info", start_time="2026-03-04", end_time="2026-03-04")

    plain = workspace.playbook(play(day), json_output=True)
    assert plain.rc == 0, plain.output
    assert plain.results("cdr")["cdrs"], "the emulator's PBX shows dates as mm/dd/yyyy, the modules' default"

    day_first = {GROUP: {"pbx_date_format": "dd/mm/yyyy"}}
    grouped = workspace.playbook(play(day, module_defaults=day_first), json_output=True)
    assert grouped.rc == 0, grouped.output
    assert grouped.results("cdr")["cdrs"] == [], "04/03/2026 read as April 3 by this PBX: the group default was used"
