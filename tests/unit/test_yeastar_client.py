"""YeastarClient over a fake persistent connection: envelopes, paging, batches, look-ups."""

import pytest
from ansible.module_utils.connection import ConnectionError as AnsibleConnectionError

from ansible_collections.telephony.pbx.plugins.module_utils import client as client_module
from ansible_collections.telephony.pbx.plugins.module_utils.client import Pending
from ansible_collections.telephony.pbx.plugins.module_utils.engine import ensure
from ansible_collections.telephony.pbx.plugins.module_utils.errors import PBXError, TransportFailure
from ansible_collections.telephony.pbx.plugins.module_utils.spec import InputError
from ansible_collections.telephony.pbx.plugins.module_utils.yeastar import DepartmentTree, Named, YeastarClient
from ansible_collections.telephony.pbx.plugins.module_utils.yeastar_resources import (
    EXTENSION,
    DepartmentAdapter,
    ExtensionAdapter,
)


class FakeConnection:
    """Stands in for ansible's Connection: answers from a handler or a queue, records each request."""

    def __init__(self, socket_path):
        self.socket_path = socket_path
        self.requests = []
        self.handler = None
        self.answers = []

    def send_request(self, data, method, path, query, idempotent):
        self.requests.append({"method": method, "path": path, "query": query, "body": data, "idempotent": idempotent})
        answer = self.handler(method, path, query or {}) if self.handler else self.answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer if "payload" in answer else {"status": 200, "payload": answer}


class FakeModule:
    _socket_path = "/nonexistent/socket"

    def __init__(self, check_mode=False):
        self.check_mode = check_mode


@pytest.fixture
def make_client(monkeypatch):
    def make(*answers, handler=None, check_mode=False, option_name=None):
        monkeypatch.setattr(client_module, "Connection", FakeConnection)
        client = YeastarClient(FakeModule(check_mode), option_name=option_name)
        client.connection.answers = list(answers)
        client.connection.handler = handler
        return client
    return make


def requests_of(client):
    return client.connection.requests


def ok(**data):
    return dict({"errcode": 0, "errmsg": "SUCCESS"}, **data)


def refusal(errcode, errmsg, **lists):
    return dict({"errcode": errcode, "errmsg": errmsg}, **lists)


# ------------------------------------------------------------------ requests
def test_read_returns_the_envelope_and_records_the_request(make_client):
    client = make_client(ok(data={"model": "P560"}))
    assert client.read("system/information")["data"] == {"model": "P560"}
    assert requests_of(client) == [{"method": "GET", "path": "system/information", "query": None, "body": None,
                                    "idempotent": True}]
    assert client.report() == {"sent": ["GET system/information"], "planned": []}


def test_write_is_sent_as_not_idempotent(make_client):
    client = make_client(ok(id=7))
    assert client.write("POST", "organization/create", body={"name": "Sales"})["id"] == 7
    assert requests_of(client)[0]["body"] == {"name": "Sales"}
    assert requests_of(client)[0]["idempotent"] is False


def test_write_in_check_mode_is_planned_not_sent(make_client):
    client = make_client(check_mode=True)
    assert client.write("POST", "extension/update", body={"id": 1}) is None
    assert requests_of(client) == []
    assert client.report() == {"sent": [], "planned": ["POST extension/update"]}


def test_an_error_envelope_becomes_a_pbx_error_with_its_lists(make_client):
    invalid = [{"field": "role_id", "validation_type": "not_exist"}]
    duplicate = [{"field": "email_addr", "value": "a@example.com", "external_source": "extension",
                  "external_source_name": "1011"}]
    client = make_client(refusal(40002, "PARAMETER ERROR", invalid_param_list=invalid, duplicate_field_list=duplicate),
                         option_name=EXTENSION.option_name)
    with pytest.raises(PBXError) as info:
        client.write("POST", "extension/update", body={"id": 1, "role_id": 99})
    error = info.value
    assert (error.endpoint, error.errcode, error.errmsg) == ("extension/update", 40002, "PARAMETER ERROR")
    assert error.invalid == [{"field": "role (API field role_id)", "reason": "not_exist", "value": None}]
    assert error.duplicates == [{"field": "email_addr", "value": "a@example.com", "holder": "extension 1011"}]
    assert error.answer["invalid_param_list"] == invalid
    assert "role (API field role_id) (not_exist)" in str(error)


def test_an_answer_without_envelope_becomes_a_pbx_error_with_the_http_status(make_client):
    client = make_client({"status": 502, "payload": "<html>Bad Gateway</html>"})
    with pytest.raises(PBXError) as info:
        client.read("extension/list")
    assert (info.value.errcode, info.value.http_status) == (None, 502)
    assert "Bad Gateway" in str(info.value)


def test_a_connection_error_becomes_a_transport_failure(make_client):
    client = make_client(AnsibleConnectionError("socket closed"))
    with pytest.raises(TransportFailure, match="socket closed"):
        client.read("extension/list")
    assert client.report()["sent"] == ["GET extension/list"]


# --------------------------------------------------------------------- pages
def paged_server(total, cap=None, report_total=True):
    """A list endpoint over items 0..total-1 that serves at most `cap` items a page."""
    def handler(method, path, query):
        size = min(query["page_size"], cap or query["page_size"])
        start = (query["page"] - 1) * size
        answer = ok(data=[{"id": i} for i in range(start, min(start + size, total))])
        if report_total:
            answer["total_number"] = total
        return answer
    return handler


def pages_asked(client):
    return [(r["query"]["page"], r["query"]["page_size"]) for r in requests_of(client)]


def test_pages_walks_every_page_using_total_number(make_client):
    client = make_client(handler=paged_server(5))
    assert [item["id"] for item in client.pages("extension/list", page_size=2)] == [0, 1, 2, 3, 4]
    assert pages_asked(client) == [(1, 2), (2, 2), (3, 2)]


def test_pages_adapts_when_the_pbx_caps_the_page_size(make_client):
    client = make_client(handler=paged_server(250, cap=100))
    assert [item["id"] for item in client.pages("extension/list")] == list(range(250))
    assert pages_asked(client) == [(1, 1000), (2, 100), (3, 100)]


def test_pages_without_total_stops_at_a_short_page(make_client):
    client = make_client(handler=paged_server(5, report_total=False))
    assert len(list(client.pages("extension/list", page_size=2))) == 5
    assert pages_asked(client) == [(1, 2), (2, 2), (3, 2)]


def test_pages_stops_at_an_empty_page(make_client):
    client = make_client(ok(data=[{"id": 1}, {"id": 2}], total_number=10), ok(data=[], total_number=10))
    assert len(list(client.pages("extension/list", page_size=2))) == 2
    assert len(requests_of(client)) == 2


def test_pages_passes_extra_parameters(make_client):
    client = make_client(ok(data=[], total_number=0))
    assert list(client.pages("extension/search", search_value="1001")) == []
    assert requests_of(client)[0]["query"] == {"page": 1, "page_size": 1000, "search_value": "1001"}


# ------------------------------------------------------------------- queries
def test_query_batches_ids(make_client):
    client = make_client(handler=lambda method, path, query: ok(data=[{"id": int(i)} for i in query["ids"].split(",")]))
    found = client.query("extension/query", range(250))
    assert [item["id"] for item in found] == list(range(250))
    batches = [r["query"]["ids"].split(",") for r in requests_of(client)]
    assert [len(batch) for batch in batches] == [100, 100, 50]
    assert batches[2][0] == "200"


def test_query_of_no_ids_sends_nothing(make_client):
    client = make_client()
    assert client.query("extension/query", []) == []
    assert requests_of(client) == []


# ------------------------------------------------------------------ look-ups
ROLE_OPTIONS = ok(data=[{"value": "1", "text": "Administrator"}, {"value": "2", "text": "Employee"}])
ORGANIZATIONS = ok(organization_list=[{"id": 1, "name": "Company", "children": [
    {"id": 2, "name": "Marketing", "parent_id": 1, "children": [{"id": 4, "name": "Tech Support", "parent_id": 2}]},
    {"id": 3, "name": "Sales", "parent_id": 1, "children": [{"id": 5, "name": "Tech Support", "parent_id": 3}]},
]}])
ROUTES = ok(data=[{"id": "1", "name": "Local"}, {"id": "2", "name": "Mobile"}], total_number=2)


@pytest.mark.parametrize("kind, answer, names, ids", [
    ("role", ROLE_OPTIONS, ["Employee", "Administrator"], [2, 1]),
    ("department", ORGANIZATIONS, ["Sales", "Marketing/Tech Support"], [3, 4]),
    ("outbound_route", ROUTES, ["Mobile"], [2]),
])
def test_look_ups_are_read_once_per_task(make_client, kind, answer, names, ids):
    client = make_client(answer)
    assert client.resolve(kind, names, "option") == ids
    assert client.resolve(kind, names, "option") == ids
    assert client.names(kind, ids) == names
    assert len(requests_of(client)) == 1


def test_look_up_requests(make_client):
    client = make_client(ROLE_OPTIONS, ORGANIZATIONS)
    client.lookup("role")
    client.lookup("department")
    assert [(r["path"], r["query"]) for r in requests_of(client)] == [
        ("system/get_menuoptions", {"menu": "role"}), ("organization/list", {"is_all": 2})]


def input_error(call, *args):
    with pytest.raises(InputError) as info:
        call(*args)
    return str(info.value)


def test_named_resolves_and_names():
    roles = Named("role", "name", [(1, "Administrator"), (2, "Employee")])
    assert roles.ids(["Employee"], "role") == [2]
    assert roles.names([1, 9]) == ["Administrator", "#9"]


def test_named_unknown_name_lists_the_known_ones():
    roles = Named("role", "name", [(2, "Employee"), (1, "Administrator")])
    assert input_error(roles.ids, ["Boss"], "role") == \
        "role: no role named 'Boss' exists on this PBX (known: Administrator, Employee)"


def test_named_ambiguous_name_says_how_many_match():
    routes = Named("outbound route", "name", [(1, "Local"), (2, "Local"), (3, "Mobile")])
    assert input_error(routes.ids, ["Mobile", "Local"], "outbound_routes") == \
        "outbound_routes: 2 outbound routes are named 'Local' on this PBX (known: Local, Mobile)"


def test_named_with_nothing_known():
    assert input_error(Named("role", "name", []).ids, ["Employee"], "role").endswith("(known: none)")


def tree():
    return DepartmentTree(ORGANIZATIONS["organization_list"])


@pytest.mark.parametrize("reference, department_id", [
    ("Marketing", 2),
    ("Sales", 3),
    ("Marketing/Tech Support", 4),
    ("Sales/Tech Support", 5),
    ("Company/Marketing/Tech Support", 4),
    ("Company/Sales", 3),
    (" Marketing / Tech Support ", 4),
    ("Company", 1),
])
def test_department_by_name_or_path(reference, department_id):
    assert tree().find(reference, "departments")["id"] == department_id


def test_ambiguous_department_name_lists_the_paths():
    assert input_error(tree().find, "Tech Support", "departments") == (
        "departments: 'Tech Support' matches 2 departments (Company/Marketing/Tech Support, "
        "Company/Sales/Tech Support); give its path instead")


@pytest.mark.parametrize("reference", ["Nope", "Sales/Marketing", "Other/Company/Sales", "/"])
def test_unknown_department_lists_the_known_ones(reference):
    message = input_error(tree().find, reference, "parent")
    assert message.startswith("parent: no department %r exists on this PBX (known: Company, " % reference)
    assert "Company/Sales/Tech Support)" in message


def test_department_tree_names_skip_the_root():
    assert tree().names([4, 1, 3, 99]) == ["Marketing/Tech Support", "Company", "Sales", "#99"]


def test_department_tree_root_and_children():
    departments = tree()
    assert departments.root_id == 1
    assert departments.child(1, "Sales")["id"] == 3
    assert departments.child(2, "Tech Support")["id"] == 4
    assert departments.child(1, "Tech Support") is None
    assert departments.nodes[5]["parent_id"] == 3


# --------------------------------------- adapters and engine over the client
def extension_server(writes):
    """Enough of the extension endpoints for ExtensionAdapter; writes are recorded."""
    def handler(method, path, query):
        if path == "extension/search":
            return ok(data=[{"id": 10, "number": "10010"}, {"id": 11, "number": 1001}], total_number=2)
        if path == "extension/get":
            assert query == {"id": 11}
            return ok(data={"id": 11, "number": "1001", "first_name": "Ann", "presence_list": [
                {"status": "available", "mobile_prefix": ""}, {"status": "away", "mobile_prefix": "9"}]})
        writes.append((method, path))
        return ok()
    return handler


def test_extension_adapter_finds_the_exact_number_and_the_mobile_prefix(make_client):
    client = make_client(handler=extension_server([]))
    current = ExtensionAdapter(client).find({"number": "1001"})
    assert (current["id"], current["presence_mobile_prefix"]) == (11, "9")


@pytest.mark.parametrize("check_mode, sent_writes, planned", [
    (False, [("POST", "extension/update")], []),
    (True, [], ["POST extension/update"]),
])
def test_check_mode_sends_reads_only_and_plans_the_write(make_client, check_mode, sent_writes, planned):
    writes = []
    client = make_client(handler=extension_server(writes), check_mode=check_mode)
    result = ensure(ExtensionAdapter(client), {"number": "1001", "first_name": "Bob", "state": "present"})
    assert result["changed"] is True
    assert writes == sent_writes
    assert result["api_requests"]["planned"] == planned
    assert result["api_requests"]["sent"][:2] == ["GET extension/search", "GET extension/get"]


def test_update_sends_the_minimal_payload_with_the_id(make_client):
    client = make_client(handler=extension_server([]))
    ensure(ExtensionAdapter(client), {"number": "1001", "first_name": "Bob", "last_name": None, "state": "present"})
    assert requests_of(client)[-1]["body"] == {"id": 11, "first_name": "Bob"}


def test_department_created_under_its_parent_in_check_mode(make_client):
    client = make_client(ORGANIZATIONS, check_mode=True)
    result = ensure(DepartmentAdapter(client), {"name": "Floor 1", "parent": "Sales", "state": "present"})
    assert result["department"] == {"name": "Floor 1", "parent_id": 3}
    assert result["api_requests"] == {"sent": ["GET organization/list"], "planned": ["POST organization/create"]}


def test_existing_department_is_deleted_by_id(make_client):
    client = make_client(ORGANIZATIONS, ok())
    result = ensure(DepartmentAdapter(client), {"name": "Tech Support", "parent": "Marketing", "state": "absent"})
    assert result["changed"] is True
    assert requests_of(client)[-1]["path"] == "organization/delete"
    assert requests_of(client)[-1]["query"] == {"id": 4}


def test_long_lists_of_known_names_are_cut_short():
    table = Named("extension", "number", [(i, str(1000 + i)) for i in range(50)], key="numbered")
    with pytest.raises(InputError) as failure:
        table.ids(["999"], "in_busy_forward_extension")
    message = str(failure.value)
    assert "no extension numbered '999' exists" in message
    assert message.endswith("and 30 more)")


def test_check_mode_assumes_an_unknown_name_is_created_by_an_earlier_task(make_client):
    tree = {"errcode": 0, "errmsg": "SUCCESS", "organization_list": [{"id": 1, "name": "Yeastar", "parent_id": 0}]}
    client = make_client(tree, check_mode=True)
    ids = client.resolve("department", ["Yeastar", "Rooms"], "departments")
    assert ids[0] == 1 and isinstance(ids[1], Pending)
    assert sorted(ids, reverse=True)[0] is ids[1], "pending ids sort after real ones"
    assert client.names("department", ids) == ["Yeastar", "Rooms"]
    assert client.warnings == ["departments: no department 'Rooms' exists on this PBX (known: Yeastar). "
                               "Check mode assumes an earlier task creates it."]


def test_outside_check_mode_an_unknown_name_fails(make_client):
    tree = {"errcode": 0, "errmsg": "SUCCESS", "organization_list": [{"id": 1, "name": "Yeastar", "parent_id": 0}]}
    with pytest.raises(InputError, match="no department 'Rooms'"):
        make_client(tree).resolve("department", ["Rooms"], "departments")
