"""Trunks and routes as data: per-kind fields, the replacement of a trunk whose kind changes, ordered and
unordered lists, typed members, route positions. The emulator tests (tests/integration) cover the wire."""

import pytest

from ansible_collections.telephony.pbx.plugins.module_utils.engine import apply_plan, plan_present
from ansible_collections.telephony.pbx.plugins.module_utils.errors import PBXError
from ansible_collections.telephony.pbx.plugins.module_utils.spec import SECRET_SHOWN, InputError
from ansible_collections.telephony.pbx.plugins.module_utils.yeastar_connectivity import (
    InboundRouteAdapter,
    OutboundRouteAdapter,
    TrunkAdapter,
)

TABLES = {"trunk": {"Carrier": 8, "Backup": 9}, "extension": {"1001": 21, "1002": 22},
          "department": {"Sales": 5}, "pin_list": {"International": 13}, "outbound_route": {"International": 31},
          "phonebook": {"Suppliers": 41}}
PASSWORD = "Carrier-Passw0rd"


class FakeClient:
    """Names resolve from TABLES; writes are recorded (only planned in check mode); `refuse` makes one fail."""

    offline = False

    def __init__(self, check_mode=False, last_pos=2, refuse=None):
        self.check_mode = check_mode
        self.writes = []
        self.refuse = refuse
        self.last_pos = last_pos
        self.memos = {}
        self.next_id = 100

    def resolve(self, kind, names, option):
        return [TABLES[kind][name] for name in names]

    def names(self, kind, ids):
        by_id = dict((ident, name) for name, ident in TABLES[kind].items())
        return [by_id[ident] for ident in ids]

    def remember(self, kind, ident, identity):
        pass

    def forget(self, kind, ident):
        pass

    def memo(self, key, load):
        return self.memos.setdefault(key, load())

    def read(self, endpoint, **params):
        return {"last_pos": self.last_pos, "data": []}

    def write(self, method, endpoint, params=None, body=None):
        self.writes.append((endpoint, body or params))
        if endpoint == self.refuse:
            raise PBXError(endpoint, 70091, "CONNECTION_RELATION_EXISTS")
        if self.check_mode:
            return None
        self.next_id += 1
        return {"errcode": 0, "id": self.next_id}


def register_trunk(**changes):
    trunk = {"id": 8, "name": "Carrier", "type": "register", "enable": 1, "country": "general", "transport": "udp",
             "hostname": "sip.example.com", "port": 5060, "domain": "sip.example.com", "username": "5503300",
             "password": PASSWORD, "auth_name": "5503300", "enb_outbound_proxy": 0, "outbound_proxy_server": "",
             "outbound_proxy_port": 0, "codec_sel": "g722,ulaw", "def_outbound_cid": "5503300",
             "def_outbound_cid_name": "", "outbound_cid_list": [],
             "did_list": [{"id": 3, "did": "5503300", "did_name": "Main"}]}
    trunk.update(changes)
    return trunk


def plan(adapter, options, current=None, update_password="on_create", reset=False):
    identity = {"name": options.pop("name")}
    return plan_present(adapter, identity, options, current, update_password, reset=reset)


def test_a_register_trunk_is_created_with_the_manuals_fields_and_defaults():
    created = plan(TrunkAdapter(FakeClient()), {"name": "Carrier", "type": "register", "hostname": "sip.example.com",
                                                "port": 5060, "username": "5503300", "password": PASSWORD,
                                                "auth_name": "5503300", "dids": [{"did": "5503300", "name": "Main"}]})
    assert created.action == "create"
    assert created.payload == {
        "name": "Carrier", "type": "register", "hostname": "sip.example.com", "port": 5060, "username": "5503300",
        "password": PASSWORD, "auth_name": "5503300", "did_list": [{"did": "5503300", "did_name": "Main"}],
        "country": "general", "transport": "udp", "codec_sel": "ulaw,alaw,g729", "domain": "sip.example.com"}
    assert created.after["password"] != PASSWORD and SECRET_SHOWN in created.after["password"]


def test_an_account_trunks_user_name_is_sent_as_number_on_creation():
    created = plan(TrunkAdapter(FakeClient()), {"name": "Fax", "type": "account", "username": "6700",
                                                "password": "short1", "auth_name": "6700"})
    assert created.payload["number"] == "6700" and "username" not in created.payload


@pytest.mark.parametrize("options, message", [
    ({"type": "peer", "hostname": "192.0.2.1", "port": 5060, "username": "x"}, "a peer trunk has no username"),
    ({"type": "account", "username": "6700", "password": "p", "auth_name": "a", "dids": [{"did": "1"}]},
     "an account trunk has no dids"),
    ({"type": "account", "username": "6700", "password": "p", "auth_name": "a", "transport": "dnsnaptr"},
     "dnsnaptr is for register and peer trunks only"),
    ({"type": "register", "hostname": "h", "port": 5060, "username": "u", "auth_name": "a"},
     "password is required to create the register trunk Carrier"),
    ({"type": "register", "hostname": "h", "port": 5060, "username": "u", "auth_name": "a", "password": "alllower12"},
     "at least 10 characters and contain digits, uppercase and lowercase letters"),
    ({"hostname": "h", "port": 5060}, "type is required to create trunk Carrier"),
])
def test_options_a_trunks_kind_does_not_take_fail_before_any_write(options, message):
    client = FakeClient()
    with pytest.raises(InputError, match=message):
        plan(TrunkAdapter(client), dict(options, name="Carrier"))
    assert client.writes == []


def test_an_existing_trunk_is_compared_in_canonical_form_and_its_password_left_alone_on_create_only():
    adapter = TrunkAdapter(FakeClient())
    same = plan(adapter, {"name": "Carrier", "codecs": ["g722", "ulaw"], "password": "Other-Passw0rd",
                          "dids": [{"did": "5503300", "name": "Main"}], "enable": True}, register_trunk())
    assert same.action is None
    reordered = plan(adapter, {"name": "Carrier", "codecs": ["ulaw", "g722"]}, register_trunk())
    assert reordered.payload == {"codec_sel": "ulaw,g722"}, "codecs are a preference order"
    secret = plan(adapter, {"name": "Carrier", "password": "Other-Passw0rd"}, register_trunk(), update_password="always")
    assert secret.payload == {"password": "Other-Passw0rd"} and secret.after["password"] != "Other-Passw0rd"


def test_replaced_does_not_reset_the_fields_of_other_kinds():
    account = {"id": 12, "name": "Fax", "type": "account", "enable": 1, "transport": "udp", "username": "6700",
               "auth_name": "6700", "codec_sel": "ulaw,alaw,g729", "def_outbound_cid": "", "def_outbound_cid_name": "",
               "outbound_cid_list": []}
    assert plan(TrunkAdapter(FakeClient()), {"name": "Fax"}, account, reset=True).action is None


def test_a_change_of_kind_replaces_the_trunk_and_says_so():
    client = FakeClient()
    adapter = TrunkAdapter(client)
    current = register_trunk()
    replacement = plan(adapter, {"name": "Carrier", "type": "peer", "hostname": "192.0.2.7", "port": 5060}, current)
    assert replacement.action == "replace"
    assert replacement.before["type"] == "register" and replacement.after["type"] == "peer"
    assert "type cannot change in place" in replacement.after["replaced"]
    payload = replacement.payload
    assert payload["codec_sel"] == "g722,ulaw" and payload["did_list"] == [{"did": "5503300", "did_name": "Main"}], \
        "the replacement keeps what its kind has"
    assert "username" not in payload and "password" not in payload
    after = apply_plan(adapter, replacement, {"name": "Carrier"})
    assert [endpoint for endpoint, _body in client.writes] == ["trunk/create", "trunk/delete", "trunk/update"]
    assert client.writes[0][1]["name"] == "Carrier (replacing 8)"
    assert client.writes[1][1] == {"id": 8}
    assert client.writes[2][1] == {"name": "Carrier", "id": after["id"]}


def test_a_replacement_the_pbx_refuses_leaves_the_old_trunk():
    client = FakeClient(refuse="trunk/delete")
    adapter = TrunkAdapter(client)
    replacement = plan(adapter, {"name": "Carrier", "type": "peer", "hostname": "192.0.2.7", "port": 5060},
                       register_trunk())
    with pytest.raises(PBXError):
        apply_plan(adapter, replacement, {"name": "Carrier"})
    created_id = client.next_id
    assert client.writes[1:] == [("trunk/delete", {"id": 8}), ("trunk/delete", {"id": created_id})]


def test_a_replacement_needs_the_secrets_of_the_new_kind():
    with pytest.raises(InputError, match="changing type replaces it"):
        plan(TrunkAdapter(FakeClient()), {"name": "Carrier", "type": "account", "username": "6700",
                                          "auth_name": "6700"}, register_trunk())


def route(**changes):
    current = {"id": 4, "name": "National", "outbound_cid": "", "pos": 1, "pin_protect": "disable",
               "dial_pattern_list": [{"id": 1, "pattern": "9NXXNXXXXXX", "strip": 1},
                                     {"id": 2, "pattern": "91NXXNXXXXXX", "strip": 1, "prepend": ""}],
               "trunk_list": [{"id": 8, "name": "Carrier", "type": "register"}, {"id": 9, "name": "Backup"}],
               "ext_list": [{"id": 21, "type": "extension", "ext_number": "1001"}, {"id": 67, "type": "ext_group"}]}
    current.update(changes)
    return current


PATTERNS = [{"pattern": "9NXXNXXXXXX", "strip": 1}, {"pattern": "91NXXNXXXXXX", "strip": 1}]


def test_dial_patterns_and_trunks_are_ordered_members_a_set():
    adapter = OutboundRouteAdapter(FakeClient())
    same = plan(adapter, {"name": "National", "dial_patterns": PATTERNS, "trunks": ["Carrier", "Backup"],
                          "extensions": ["1001"], "position": 1}, route())
    assert same.action is None
    swapped = plan(adapter, {"name": "National", "dial_patterns": list(reversed(PATTERNS)),
                             "trunks": ["Backup", "Carrier"]}, route())
    assert swapped.payload == {
        "dial_pattern_list": [{"pattern": "91NXXNXXXXXX", "strip": 1}, {"pattern": "9NXXNXXXXXX", "strip": 1}],
        "trunk_list": [{"id": 9}, {"id": 8}]}


def test_extensions_and_departments_share_one_list_and_keep_extension_groups():
    options = {"name": "National", "extensions": ["1001", "1002"], "departments": ["Sales"]}
    changed = plan(OutboundRouteAdapter(FakeClient()), options, route())
    assert changed.payload == {"ext_list": [{"id": 67, "type": "ext_group"}, {"id": 21, "type": "extension"},
                                            {"id": 22, "type": "extension"}, {"id": 5, "type": "organization"}]}


def test_a_route_is_created_with_its_pin_list_by_name_and_no_pin_protection_by_default():
    options = {"name": "International", "pin_protect": "pin_list", "pin_list": "International", "trunks": ["Carrier"]}
    created = plan(OutboundRouteAdapter(FakeClient()), options)
    assert created.payload == {"name": "International", "pin_protect": "pin_list", "pin_list": 13,
                               "trunk_list": [{"id": 8}]}
    default = plan(OutboundRouteAdapter(FakeClient()), {"name": "Local"})
    assert default.payload == {"name": "Local", "pin_protect": "disable"}


def test_a_route_elsewhere_than_declared_fails_before_any_write():
    client = FakeClient(last_pos=2)
    adapter = OutboundRouteAdapter(client)
    with pytest.raises(InputError, match="National is at position 1, the task asks for 2: the OpenAPI cannot move"):
        plan(adapter, {"name": "National", "position": 2}, route())
    first = plan(adapter, {"name": "Local", "position": 3})
    apply_plan(adapter, first, {"name": "Local"})
    assert plan(adapter, {"name": "Premium", "position": 4}).action == "create", "new routes go last, in turn"
    with pytest.raises(InputError, match="would be created at position 4"):
        plan(adapter, {"name": "Premium", "position": 2})
    assert [endpoint for endpoint, _body in client.writes] == ["outbound_route/create"]


def test_inbound_route_patterns_are_sent_with_the_option_that_uses_them():
    client = FakeClient()
    adapter = InboundRouteAdapter(client)
    current = {"id": 6, "name": "Main", "pos": 1, "did_option": "range_to_ext", "cid_option": "patterns",
               "did_pattern_list": [], "cid_pattern_list": [{"cid_pattern": "5"}], "trunk_list": [{"id": 8}],
               "def_dest": "extension", "def_dest_value": "21"}
    changed = plan(adapter, {"name": "Main", "did_patterns": ["5503300"], "cid_patterns": ["5"], "trunks": ["Carrier"],
                             "default_destination": {"type": "extension", "number": "1001"}}, current)
    apply_plan(adapter, changed, {"name": "Main"})
    assert client.writes == [("inbound_route/update", {"id": 6, "did_pattern_list": [{"did_pattern": "5503300"}],
                                                       "did_option": "patterns"})]
    created = plan(adapter, {"name": "Support", "trunks": ["Carrier"],
                             "default_destination": {"type": "external_num", "number": "5551234", "prefix": "9"}})
    assert created.payload == {"name": "Support", "trunk_list": [{"id": 8}], "def_dest": "external_num",
                               "def_dest_prefix": "9", "def_dest_value": "5551234"}


def test_inbound_destinations_by_name_range_and_extension_list_round_trip():
    adapter = InboundRouteAdapter(FakeClient())
    created = plan(adapter, {"name": "Main", "trunks": ["Carrier"], "did_extensions": [
        {"did": "5503320", "extension": "1002"}], "cid_phonebooks": ["Suppliers"],
        "default_destination": {"type": "pattern_to_ext", "extensions": ["1002", "1001"], "extension_groups": ["7"]}})
    assert created.payload == {
        "name": "Main", "trunk_list": [{"id": 8}], "did_option": "pattern_to_ext_list", "cid_option": "phonebook",
        "did_pattern_to_ext_list": [{"did_pattern": "5503320", "did_pattern_to_ext": "22"}], "cid_to_phonebook": [41],
        "def_dest": "pattern_to_ext", "def_dest_prefix": "", "def_dest_value": "",
        "def_dest_ext_list": [{"value": "21", "type": "extension"}, {"value": "22", "type": "extension"},
                              {"value": "7", "type": "ext_group"}]}
    # the PBX's answer: ids as strings, the phonebooks as the string "[41]", members with names
    current = dict(created.payload, id=6, pos=1, cid_to_phonebook="[41]", def_dest_ext_list=[
        {"value": "22", "name": "B", "number": "1002", "type": "extension"},
        {"value": "7", "name": "G", "type": "ext_group"}, {"value": "21", "type": "extension"}])
    same = plan(adapter, {"name": "Main", "cid_phonebooks": ["Suppliers"], "did_extensions": [
        {"did": "5503320", "extension": "1002"}], "default_destination": {
        "type": "pattern_to_ext", "extensions": ["1001", "1002"], "extension_groups": ["7"]}}, current)
    assert same.action is None
    routed = plan(adapter, {"name": "Main", "default_destination": {"type": "outroute", "name": "International"},
                            "did_range_start": "5503301", "did_range_end": "5503310"}, current)
    assert routed.payload == {"did_to_ext_start": "5503301", "did_to_ext_end": "5503310", "def_dest": "outroute",
                              "def_dest_prefix": "", "def_dest_value": "31"}
    assert routed.after["default_destination"] == {"type": "outroute", "name": "International"}


@pytest.mark.parametrize("options, message", [
    ({"did_patterns": ["1"], "did_extensions": [{"did": "1", "extension": "1001"}]}, "different ways to match"),
    ({"cid_patterns": ["1"], "cid_phonebooks": ["Suppliers"]}, "different ways to match"),
    ({"did_range_end": "5"}, "did_range_start is required to match by range_to_ext"),
    ({"did_patterns": []}, "did_patterns is required to match by patterns"),
    ({"default_destination": {"type": "pattern_to_ext_list"}}, "which the route does not have"),
    ({"time_based_routing": {"time_condition": "global"}}, "the OpenAPI cannot set it"),
])
def test_matching_rules_and_read_only_time_routing_fail_before_any_write(options, message):
    client = FakeClient()
    current = {"id": 6, "name": "Main", "pos": 1, "did_option": "pattern_to_ext", "did_pattern_to_ext": "55X",
               "cid_option": "patterns", "trunk_list": [{"id": 8}], "def_dest": "end_call",
               "time_condition": "custom", "time_condition_value": [{"days_of_week": "mon", "times": ["09:00-12:00"]}]}
    with pytest.raises(InputError, match=message):
        plan(InboundRouteAdapter(client), dict(options, name="Main"), current)
    assert client.writes == []
    unchanged = dict((key, current[key]) for key in ("time_condition", "time_condition_value"))
    assert plan(InboundRouteAdapter(client), {"name": "Main", "time_based_routing": unchanged}, current).action is None
