"""yeastar_company_contact, yeastar_phonebook and their yeastar_config sections against the emulator: create,
update, no-op re-run, check mode, diff, delete, missing references, deleting a contact a phonebook holds (70091),
the gathered -> overridden round trip, and yeastar_info reading every page."""

from helpers import play, task

CONTACT = "telephony.pbx.yeastar_company_contact"
PHONEBOOK = "telephony.pbx.yeastar_phonebook"
CONFIG = "telephony.pbx.yeastar_config"
JAY = {"first_name": "Jay", "last_name": "Prichett", "company": "Closet"}
JOSEPH = {"first_name": "Joseph", "last_name": "Goffin", "company": "Ticketsales"}


def contact(title="contact", who=None, **args):
    return task(title, CONTACT, **dict(who or JAY, **args))


def phonebook(title="phonebook", name="Suppliers", **args):
    return task(title, PHONEBOOK, name=name, **args)


def stored_contact(pbx, first_name="Jay"):
    found = [item for item in pbx.state()["company_contacts"] if item["first_name"] == first_name]
    return found[0] if found else None


def stored_phonebook(pbx, name="Suppliers"):
    found = [item for item in pbx.state()["phonebooks"] if item["name"] == name]
    return found[0] if found else None


def numbers(item):
    return dict((entry["num_type"], entry["number"]) for entry in item["number_list"])


def member_ids(pbx, name="Suppliers"):
    return sorted(item["id"] for item in stored_phonebook(pbx, name)["contacts_list"])


def test_create_update_rerun_diff_and_delete(workspace, pbx):
    created = workspace.playbook(play(
        phonebook(),
        contact(business_number="0015503308", mobile_number="15735810000", email="jay@example.com",
                province="Kentucky (KY)", phonebooks=["Suppliers"])), "--diff", json_output=True)
    assert created.rc == 0, created.output
    result = created.results("contact")
    assert (result["changed"], result["operation"]) == (True, "create")
    assert result["diff"]["after"]["phonebooks"] == ["Suppliers"]
    jay = stored_contact(pbx)
    assert numbers(jay) == {"business_number": "0015503308", "mobile_number": "15735810000"}
    assert (jay["email"], jay["state"]) == ("jay@example.com", "Kentucky (KY)")
    assert member_ids(pbx) == [jay["id"]]

    pbx.reset_counters()
    again = workspace.playbook(play(
        phonebook(),
        contact(business_number="0015503308", mobile_number="15735810000", phonebooks=["Suppliers"])), json_output=True)
    assert again.results("contact")["changed"] is False and again.results("phonebook")["changed"] is False
    assert pbx.counters()["writes"] == 0

    updated = workspace.playbook(play(contact(mobile_number="15735810001", city="Baltimore")), "--diff", json_output=True)
    result = updated.results("contact")
    assert result["operation"] == "update"
    assert (result["diff"]["before"], result["diff"]["after"]) == (
        dict(JAY, mobile_number="15735810000", city=""), dict(JAY, mobile_number="15735810001", city="Baltimore"))
    assert numbers(stored_contact(pbx)) == {"business_number": "0015503308", "mobile_number": "15735810001"}, \
        "the number not given is kept"

    members = workspace.playbook(play(
        contact("joseph", JOSEPH, business_number="12354978652"),
        phonebook(contacts=["Joseph Goffin (Ticketsales)", "Jay Prichett (Closet)"])), "--diff", json_output=True)
    result = members.results("phonebook")
    assert result["diff"]["after"]["contacts"] == ["Jay Prichett (Closet)", "Joseph Goffin (Ticketsales)"]
    assert member_ids(pbx) == sorted([stored_contact(pbx)["id"], stored_contact(pbx, "Joseph")["id"]])

    pbx.reset_counters()
    same_set = workspace.playbook(play(phonebook(contacts=["Jay Prichett (Closet)", "Joseph Goffin (Ticketsales)"])),
                                  json_output=True)
    assert same_set.results("phonebook")["changed"] is False, "compared as a set"
    assert pbx.counters()["writes"] == 0

    dropped = workspace.playbook(play(phonebook(contacts=["Joseph Goffin (Ticketsales)"])), json_output=True)
    assert dropped.results("phonebook")["changed"] is True
    assert member_ids(pbx) == [stored_contact(pbx, "Joseph")["id"]]

    deleted = workspace.playbook(play(contact(state="absent"), phonebook("gone", name="Suppliers", state="absent")),
                                 json_output=True)
    assert deleted.results("contact")["operation"] == "delete" and stored_contact(pbx) is None
    assert deleted.results("gone")["operation"] == "delete" and stored_phonebook(pbx) is None


def test_deleting_a_contact_a_phonebook_holds_fails_naming_it_and_loses_nothing(workspace, pbx):
    setup = workspace.playbook(play(phonebook(), contact(business_number="0015503308", phonebooks=["Suppliers"])),
                               json_output=True)
    assert setup.rc == 0, setup.output
    before = stored_contact(pbx)
    refused = workspace.playbook(play(contact(state="absent", _ignore_errors=True)), json_output=True)
    result = refused.results("contact")
    assert result["failed"] is True and result["error"]["errcode"] == 70091
    assert "company contact Jay Prichett (Closet) is still in phonebook Suppliers" in result["msg"]
    assert stored_contact(pbx) == before and member_ids(pbx) == [before["id"]], "nothing lost"

    released = workspace.playbook(play(contact(phonebooks=[]), contact("delete", state="absent")), json_output=True)
    assert released.rc == 0, released.output
    assert stored_contact(pbx) is None and member_ids(pbx) == []


def test_check_mode_plans_without_writing(workspace, pbx):
    workspace.playbook(play(phonebook()))
    pbx.reset_counters()
    checked = workspace.playbook(play(
        contact(business_number="0015503308", phonebooks=["Suppliers"]),
        phonebook("press", name="Press", contacts=["Jay Prichett (Closet)"])), "--check", "--diff", json_output=True)
    assert checked.rc == 0, checked.output
    assert checked.results("contact")["api_requests"]["planned"] == ["POST company_contact/create"]
    press = checked.results("press")
    assert press["api_requests"]["planned"] == ["POST phonebook/create"]
    assert press["diff"]["after"]["contacts"] == ["Jay Prichett (Closet)"], "the contact check mode did not create"
    assert pbx.counters()["writes"] == 0
    assert stored_contact(pbx) is None and stored_phonebook(pbx, "Press") is None


def test_missing_references_fail_before_any_write(workspace, pbx):
    pbx.seed(company_contacts=[{"first_name": "Jay", "last_name": "Prichett", "company": "Closet",
                                "number_list": [{"num_type": "business_number", "number": "0015503308"}]}])
    pbx.reset_counters()
    run = workspace.playbook(play(
        contact("no phonebook", business_number="0015503308", phonebooks=["Nowhere"], _ignore_errors=True),
        phonebook("no contact", contacts=["Nobody (Nothing)"], _ignore_errors=True),
        contact("no number", JOSEPH, email="joseph@example.com", _ignore_errors=True),
        phonebook("everyone", name="Everyone", member_select="sel_all", contacts=["Jay Prichett (Closet)"],
                  _ignore_errors=True)), json_output=True)
    assert "phonebooks: no phonebook named 'Nowhere' exists" in run.results("no phonebook")["msg"]
    assert "contacts: no company contact named 'Nobody (Nothing)' exists" in run.results("no contact")["msg"]
    assert "cannot be created without a number" in run.results("no number")["msg"]
    assert "member_select sel_all holds every company contact" in run.results("everyone")["msg"]
    assert pbx.counters()["writes"] == 0
    assert stored_contact(pbx, "Joseph") is None and stored_phonebook(pbx) is None
    assert stored_contact(pbx)["phonebook_list"] == [], "the seeded contact is untouched"


def test_sections_round_trip_and_referenced_contacts(workspace, pbx):
    config = {"company_contacts": [dict(JAY, business_number="0015503308", mobile_number="15735810000",
                                        city="Baltimore"),
                                   dict(JOSEPH, business_number="12354978652"),
                                   {"first_name": "Phil", "other_number": "846321645"}],
              "phonebooks": [{"name": "Suppliers", "contacts": ["Jay Prichett (Closet)", "Joseph Goffin (Ticketsales)"]},
                             {"name": "Friends", "contacts": ["Phil"]}]}
    first = workspace.playbook(play(task("config", CONFIG, config=config)), json_output=True)
    assert first.rc == 0, first.output
    sections = first.results("config")["sections"]
    assert sections["company_contacts"]["created"] == [
        "company contact Jay Prichett (Closet)", "company contact Joseph Goffin (Ticketsales)", "company contact Phil"]
    assert sections["phonebooks"]["created"] == ["phonebook Suppliers", "phonebook Friends"]

    pbx.reset_counters()
    round_trip = workspace.playbook(play(
        task("config", CONFIG, state="gathered", config={"company_contacts": [], "phonebooks": []}, _register="live"),
        task("back", CONFIG, state="overridden", config="{{ live.gathered }}")), json_output=True)
    assert round_trip.rc == 0, round_trip.output
    gathered = round_trip.results("config")["gathered"]
    assert dict(JAY, business_number="0015503308", mobile_number="15735810000", city="Baltimore") in \
        gathered["company_contacts"], "membership is exported on the phonebooks only"
    assert {"name": "Suppliers", "contacts": ["Jay Prichett (Closet)", "Joseph Goffin (Ticketsales)"]} in \
        gathered["phonebooks"]
    assert round_trip.results("back")["changed"] is False
    assert pbx.counters()["writes"] == 0

    kept = list(gathered["phonebooks"])
    refused = workspace.playbook(play(task("config", CONFIG, state="overridden", _ignore_errors=True, config={
        "company_contacts": [item for item in gathered["company_contacts"] if item["first_name"] != "Phil"],
        "phonebooks": kept})), json_output=True)
    message = refused.results("config")["msg"]
    assert "Nothing was deleted: company contact Phil is still referenced by 1 (phonebook Friends)" in message
    assert stored_contact(pbx, "Phil") is not None and pbx.counters()["writes"] == 0

    without_friends = [item for item in kept if item["name"] != "Friends"]
    phonebook_gone = workspace.playbook(play(task("config", CONFIG, state="overridden", config={
        "company_contacts": gathered["company_contacts"], "phonebooks": without_friends})), json_output=True)
    assert phonebook_gone.rc == 0, phonebook_gone.output
    assert phonebook_gone.results("config")["sections"]["phonebooks"]["deleted"] == ["phonebook Friends"], \
        "a phonebook is deleted whatever contacts it holds: they stay"
    assert stored_contact(pbx, "Phil") is not None

    contact_gone = workspace.playbook(play(task("config", CONFIG, state="overridden", config={
        "company_contacts": [item for item in gathered["company_contacts"] if item["first_name"] != "Phil"],
        "phonebooks": without_friends})), json_output=True)
    assert contact_gone.results("config")["sections"]["company_contacts"]["deleted"] == ["company contact Phil"]
    assert stored_contact(pbx, "Phil") is None


def test_info_reads_every_page_and_batches_details(workspace, pbx):
    pbx.seed(company_contacts=[{"first_name": "Seed", "last_name": str(i),
                                "number_list": [{"num_type": "business_number", "number": str(5550000 + i)}]}
                               for i in range(1050)])
    pbx.reset_counters()
    run = workspace.playbook(play(task("info", "telephony.pbx.yeastar_info", gather=["company_contacts", "phonebooks"])),
                             json_output=True)
    assert run.rc == 0, run.output
    result = run.results("info")
    assert len(result["company_contacts"]) == 1050
    assert len(set(item["id"] for item in result["company_contacts"])) == 1050
    counters = pbx.counters()["by_endpoint"]
    assert counters["company_contact/list"] == 2, "pages of 1000"
    assert counters["company_contact/query"] == 11, "1050 ids in batches of 100"
    assert pbx.counters()["writes"] == 0


def test_rendered_needs_no_connection(workspace, pbx):
    workspace.write_inventory(host_vars={"ansible_host": "127.0.0.1", "ansible_httpapi_port": 9})
    run = workspace.playbook(play(task("render", CONFIG, state="rendered", config={
        "company_contacts": [dict(JAY, business_number="0015503308")],
        "phonebooks": [{"name": "Suppliers", "contacts": ["Jay Prichett (Closet)"]}]})), json_output=True)
    assert run.rc == 0, run.output
    rendered = run.results("render")["rendered"]
    assert [(r["endpoint"], sorted(r["body"])) for r in rendered] == [
        ("company_contact/create", ["company", "first_name", "last_name", "number_list"]),
        ("phonebook/create", ["add_contacts_id_list", "member_select", "name"])]
    assert "Jay Prichett (Closet)" in str(rendered[1]["body"]["add_contacts_id_list"])
    assert pbx.counters()["total"] == 0
