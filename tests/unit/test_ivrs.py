"""IVRs and PIN lists as data: unconfigured slots, dial lists shared by two options, prompts, creation order,
PINs as secrets."""

import pytest

from ansible_collections.telephony.pbx.plugins.module_utils.bulk import gathered_item
from ansible_collections.telephony.pbx.plugins.module_utils.engine import SECRET_CHANGED, ResourceAdapter, plan_present
from ansible_collections.telephony.pbx.plugins.module_utils.spec import (
    SECRET_SHOWN,
    InputError,
    build_argument_spec,
    looks_secret,
)
from ansible_collections.telephony.pbx.plugins.module_utils.yeastar_ivrs import IVR, IvrAdapter
from ansible_collections.telephony.pbx.plugins.module_utils.yeastar_pin_lists import PIN_LIST

EXTENSIONS = {"1000": 11, "1001": 12}
DEPARTMENTS = {"Sales": 7}
IVRS = {"6201": 2}


class Adapter(ResourceAdapter):
    """A spec with fixed reference tables."""

    tables = {"extension": EXTENSIONS, "department": DEPARTMENTS, "ivr": IVRS, "ring_group": {"6300": 4}}

    def __init__(self, spec):
        self.spec = spec
        self.client = None

    def resolve(self, kind, names, option):
        return [self.tables[kind][name] for name in names]

    def names(self, kind, ids):
        by_id = dict((ident, name) for name, ident in self.tables[kind].items())
        return [by_id[ident] for ident in ids]

    def create_payload(self, identity, fields):
        return dict(fields, **identity)


def current_ivr(**fields):
    ivr = {"id": 1, "number": "6200", "name": "Main", "prompt": "default", "prompt_repeat": 3, "resp_timeout": 3,
           "digit_timeout": 3, "dial_ext_option": "disable", "enb_dial_outb_routes": 0, "enb_dial_check_vm": 0,
           "prompt_manger_enb": 0, "prompt_manger_password": "", "alert_info": ""}
    for slot, flag in [("press%d" % d, "%d" % d) for d in range(10)] + [
            ("press_star", "_star"), ("press_hash", "_hash"), ("timeout", "_timeout"), ("invalid", "_invalid")]:
        ivr.update({slot + "_dest": "", slot + "_dest_prefix": "", slot + "_dest_value": "", "allow_out_record" + flag: 0})
    ivr.update(fields)
    return ivr


def plan(wanted, current=None, reset=False, spec=IVR, update_password="on_create"):
    identity = {"number": "6200"} if spec is IVR else {"name": "International"}
    return plan_present(Adapter(spec), identity, wanted, current, update_password, reset=reset)


def test_an_unconfigured_slot_reads_as_none_and_none_clears_a_slot():
    assert plan({"key_1": {"type": "none"}}, current_ivr()).action is None
    cleared = plan({"key_1": {"type": "none"}}, current_ivr(press1_dest="ring_group", press1_dest_value="4"))
    assert cleared.payload == {"press1_dest": "", "press1_dest_prefix": "", "press1_dest_value": ""}
    assert (cleared.before["key_1"], cleared.after["key_1"]) == ({"type": "ring_group", "number": "6300"}, {"type": "none"})


def test_a_key_slot_is_sent_as_the_apis_three_fields():
    created = plan({"name": "Main", "key_star": {"type": "play_prompt", "prompt": "menu.wav", "repeat": 2},
                    "key_0": {"type": "ivr", "number": "6201"}})
    assert created.action == "create"
    assert {k: created.payload[k] for k in ("press_star_dest", "press_star_dest_prefix", "press_star_dest_value")} == \
        {"press_star_dest": "play_prompt", "press_star_dest_prefix": "2", "press_star_dest_value": "menu.wav"}
    assert (created.payload["press0_dest"], created.payload["press0_dest_value"]) == ("ivr", "2")
    assert "press1_dest" not in created.payload, "slots not given are not sent on creation"
    assert (created.payload["prompt"], created.payload["prompt_repeat"], created.payload["dial_ext_option"]) == \
        ("default", 3, "disable"), "what the API requires on creation has a default"


def test_replaced_resets_every_slot_not_declared_to_unconfigured():
    current = current_ivr(press3_dest="end_call", allow_out_record3=1, prompt="welcome.wav")
    planned = plan({"name": "Main"}, current, reset=True)
    assert planned.payload == {"press3_dest": "", "press3_dest_prefix": "", "press3_dest_value": "",
                               "allow_out_record3": 0, "prompt": "default"}


def test_allowed_extensions_and_departments_share_one_api_list():
    current = current_ivr(dial_ext_option="allow", dial_ext_list=[
        {"value": "11", "type": "extension", "text": "A", "text2": "1000"}, {"value": "9", "type": "ext_group"}])
    only_departments = plan({"allowed_departments": ["Sales"]}, current)
    assert only_departments.payload == {"dial_ext_list": [
        {"value": "11", "type": "extension"}, {"value": "9", "type": "ext_group"}, {"value": "7", "type": "organization"}]}
    both = plan({"allowed_extensions": ["1001", "1000"], "allowed_departments": ["Sales"]}, current)
    assert sorted((item["type"], item["value"]) for item in both.payload["dial_ext_list"]) == [
        ("ext_group", "9"), ("extension", "11"), ("extension", "12"), ("organization", "7")]
    assert plan({"allowed_extensions": ["1000"]}, current).action is None, "the extension part is compared alone"


class Recorder:
    check_mode = False

    def __init__(self):
        self.writes = []

    def write(self, method, endpoint, params=None, body=None):
        self.writes.append((endpoint, body))
        return {"id": 9}


def test_a_dial_list_the_pbx_would_drop_is_refused_before_writing():
    adapter = IvrAdapter(Recorder())
    current = current_ivr(dial_ext_option="all")
    with pytest.raises(InputError, match="allowed_extensions and allowed_departments: IVR 6200 keeps them only with "
                                         "dial_ext_option=allow, and it has dial_ext_option 'all'"):
        adapter.update(current, {"dial_ext_list": [{"value": "11", "type": "extension"}]})
    with pytest.raises(InputError, match="outbound_routes: .* enb_dial_outb_routes=true"):
        adapter.create({"number": "6201", "dial_outb_route_list": [{"value": "1"}], "enb_dial_outb_routes": 0})
    adapter.update(current, {"dial_ext_option": "allow", "dial_ext_list": [{"value": "11", "type": "extension"}]})
    adapter.update(current, {"dial_ext_list": [{"value": "9", "type": "ext_group"}]})
    adapter.update(current_ivr(enb_dial_outb_routes=1), {"dial_outb_route_list": [{"value": "1"}]})
    assert len(adapter.client.writes) == 3


def test_prompts_are_one_comma_separated_field_compared_in_order():
    assert plan({"prompts": ["default"]}, current_ivr()).action is None
    swapped = plan({"prompts": ["b.wav", "a.wav"]}, current_ivr(prompt="a.wav,b.wav"))
    assert swapped.payload == {"prompt": "b.wav,a.wav"}
    with pytest.raises(InputError, match="at most 5"):
        IVR.wanted_options({"prompts": ["default"] * 6})
    with pytest.raises(InputError, match="no commas"):
        IVR.wanted_options({"prompts": ["a.wav,b.wav"]})


def test_an_ivr_routing_to_another_declared_ivr_is_created_after_it():
    items = [{"number": "6200", "key_1": {"type": "ivr", "number": "6201"}}, {"number": "6201"},
             {"number": "6202", "key_1": {"type": "ring_group", "number": "6200"}}]
    assert [item["number"] for item in IvrAdapter(None).ordered(items)] == ["6201", "6200", "6202"]


def test_gathered_leaves_out_unconfigured_slots_and_defaults():
    adapter = Adapter(IVR)
    adapter.identity_of = lambda current: {"number": current["number"]}
    shown = gathered_item(adapter, current_ivr(press9_dest="end_call", allow_out_record9=1, prompt_manger_password="*****"))
    assert shown == {"number": "6200", "name": "Main", "key_9": {"type": "end_call"}, "key_9_stop_recording": True}


def test_slot_options_that_look_secret_declare_no_log_false():
    spec = build_argument_spec(IVR.fields)
    assert spec["key_0"]["no_log"] is False and spec["key_hash"]["no_log"] is False
    assert spec["prompt_manager_password"]["no_log"] is True


# ------------------------------------------------------------------ PIN lists
def test_pins_are_secret_everywhere():
    assert build_argument_spec(PIN_LIST.fields)["pins"]["no_log"] is True
    assert looks_secret("pin_list"), "the API key holding PINs is masked in request logs and rendered requests"
    with pytest.raises(InputError) as error:
        PIN_LIST.wanted_options({"pins": ["1234", "12a4"]})
    assert "12a4" not in str(error.value) and SECRET_SHOWN in str(error.value)
    with pytest.raises(InputError) as error:
        PIN_LIST.wanted_options({"pins": ["5678", "5678"]})
    assert "5678" not in str(error.value)


def test_pins_are_compared_as_a_set_only_with_update_password_always():
    current = {"id": 13, "name": "International", "pin_list": "2283,3301", "enb_record_cdr": 0}
    assert plan({"pins": ["9999"]}, current, spec=PIN_LIST).action is None, "on_create: never sent to an existing list"
    assert plan({"pins": ["3301", "2283"]}, current, spec=PIN_LIST, update_password="always").action is None
    changed = plan({"pins": ["3301", "4444"]}, current, spec=PIN_LIST, update_password="always")
    assert changed.payload == {"pin_list": "3301,4444"}
    assert (changed.before["pins"], changed.after["pins"]) == (SECRET_SHOWN, SECRET_CHANGED)
    created = plan({"pins": ["1", "2"]}, None, spec=PIN_LIST)
    assert created.after["pins"] == SECRET_CHANGED and created.payload["pin_list"] == "1,2"
