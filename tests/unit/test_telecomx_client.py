"""TelecomX error answers as the collection's PBXError: field tokens named by their options, a refused delete
naming what points at the group, and hints for the access level."""

from types import SimpleNamespace

import pytest

from ansible_collections.telephony.pbx.plugins.module_utils.telecomx import TelecomXClient
from ansible_collections.telephony.pbx.plugins.module_utils.telecomx_groups import GROUP


@pytest.fixture
def client():
    return TelecomXClient(SimpleNamespace(_socket_path=None, check_mode=False), option_name=GROUP.option_name)


@pytest.mark.parametrize("token, field", [("ringTime", "ring_time (API field ringTime)"), ("members[1]", "members[1]"),
                                          ("timeoutGoto", "timeout_goto (API field timeoutGoto)")])
def test_a_refused_field_is_named_by_its_option(client, token, field):
    error = client.error("POST pbx/group", 422, {"error": token, "message": "refused"})
    assert (error.errcode, error.http_status, error.invalid) == (token, 422, [{"field": field, "reason": "refused"}])


def test_a_refused_delete_names_what_points_at_the_group(client):
    error = client.error("DELETE pbx/group/ABC", 409, {
        "error": "in_use", "message": "Group cannot be deleted",
        "references": [{"type": "MENU", "name": "Main menu", "number": "500"}, {"type": "GROUP", "name": "Night"}]})
    assert error.invalid == []
    assert str(error).endswith("It is still the destination of: MENU 'Main menu' (number 500), GROUP 'Night'. "
                               "Point those elsewhere first, then delete it.")


def test_access_denied_says_which_levels_may_write(client):
    error = client.error("POST pbx/group", 403, {"error": "access_denied", "message": "Insufficient access level"})
    assert "a VIEWER reads only; changes need a MANAGER or OWNER" in str(error)


def test_an_answer_without_the_error_format_keeps_the_status(client):
    error = client.error("GET pbx/group", 502, "Bad Gateway")
    assert (error.errcode, error.http_status, error.errmsg) == (None, 502, "Bad Gateway")
