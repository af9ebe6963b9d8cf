# -*- coding: utf-8 -*-
# Copyright: telephony.pbx contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Call control on a Yeastar P-Series PBX (call/*): one action per task, its call member found by
natural keys (the party's number, a call id from call/query) instead of channel ids."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.telephony.pbx.plugins.module_utils.spec import Field, InputError

NUMBER = r"^[0-9*#+]{1,32}$"
EXTENSION = r"^[0-9]{1,7}$"
ATTENDED_OPERATIONS = ["abort", "complete", "threeway", "swap"]

# The options that name a call member.
MEMBER = ["call_id", "party", "channel_id"]
# action: (endpoint, options it needs, options it may take besides)
ACTIONS = {
    "dial": ("call/dial", ["caller", "callee"], ["dial_permission", "auto_answer"]),
    "accept": ("call/accept_inbound", [], MEMBER),
    "refuse": ("call/refuse_inbound", [], MEMBER),
    "hangup": ("call/hangup", [], MEMBER),
    "hold": ("call/hold", [], MEMBER),
    "unhold": ("call/unhold", [], MEMBER),
    "mute": ("call/mute", [], MEMBER),
    "unmute": ("call/unmute", [], MEMBER),
    "park": ("call/park", [], MEMBER + ["parking_slot"]),
    "transfer": ("call/transfer", [], MEMBER + ["number", "transfer_type", "attended_operate", "dial_permission"]),
    "record_start": ("call/record_start", [], MEMBER),
    "record_pause": ("call/record_pause", [], MEMBER),
    "record_unpause": ("call/record_unpause", [], MEMBER),
    "play_prompt": ("call/play_prompt", ["number", "prompts"],
                    ["count", "volume", "dial_permission", "auto_answer"]),
}
ALWAYS = ["action"]

FIELDS = [
    Field("action", required=True, choices=sorted(ACTIONS), doc=[
        "What to do. C(dial) places a call from O(caller) to O(callee); C(accept) and C(refuse) decide an inbound "
        "call waiting under Inbound Call Control (event 30016); C(hangup), C(hold), C(unhold), C(mute), C(unmute), "
        "C(park), C(transfer), C(record_start), C(record_pause) and C(record_unpause) act on the call member "
        "O(party) (or O(channel_id)); C(play_prompt) plays custom prompts to O(number)."]),
    Field("caller", pattern=EXTENSION, pattern_hint="digits only, at most 7", doc=[
        "With O(action=dial): the extension that calls; it needs a registered endpoint."]),
    Field("callee", pattern=NUMBER, pattern_hint="digits, *, # or +", doc=[
        "With O(action=dial): the number called: an extension, ring group, queue, IVR or parking slot number, or "
        "an outside number with the dial prefix of an outbound route the caller may use."]),
    Field("party", pattern=NUMBER, pattern_hint="digits, *, # or +", doc=[
        "The call member acted on, by number: an extension, or the outside number of a trunk leg. C(hold) and "
        "C(unhold): the member who holds; C(mute): the member muted; C(park): the member parked; C(transfer) "
        "C(blind): the member transferred, C(attended): the member who transfers; C(hangup): the member hung up.",
        "Found with C(call/query); give O(call_id) too when the number is in several calls or is an outside "
        "number."]),
    Field("call_id", doc=[
        "Id of the call (C(call/query), M(telephony.pbx.yeastar_info) C(live_calls), or the events). With "
        "O(action=accept) or O(action=refuse) it alone finds the waiting inbound call."]),
    Field("channel_id", doc=[
        "The member's channel id as an event reported it (30011, 30016), instead of O(party) and O(call_id)."]),
    Field("dial_permission", pattern=EXTENSION, pattern_hint="digits only, at most 7", doc=[
        "Extension whose call permissions the PBX applies instead of the caller's (outbound routes, visibility)."]),
    Field("auto_answer", "bool", doc=[
        "With O(action=dial) or O(action=play_prompt): phones that support it answer without ringing."]),
    Field("number", pattern=NUMBER, pattern_hint="digits, *, # or +", doc=[
        "With O(action=transfer): the target (blind, or starting an attended transfer). With "
        "O(action=play_prompt): the extension or outside number the prompts are played to."]),
    Field("transfer_type", choices=["blind", "attended"], default="blind", doc=[
        "With O(action=transfer): C(blind) sends O(party) to O(number) at once; C(attended) first calls "
        "O(number) while the other member waits on hold, then O(attended_operate) decides."]),
    Field("attended_operate", choices=ATTENDED_OPERATIONS, doc=[
        "With O(transfer_type=attended), the second step: C(complete) connects the held member with the target "
        "and drops O(party); C(abort) ends the call to the target; C(threeway) joins all three; C(swap) "
        "switches between the held member and the target."]),
    Field("parking_slot", pattern=r"^[0-9]{1,7}$", pattern_hint="digits only", doc=[
        "With O(action=park): the slot; by default the PBX picks a free one. Dial the slot to retrieve the call."]),
    Field("prompts", "list", elements="str", doc=[
        "With O(action=play_prompt): names of custom prompts of the PBX, played in order."]),
    Field("count", "int", value_range=(1, 100), doc=["With O(action=play_prompt): how many times to play them."]),
    Field("volume", "int", value_range=(0, 20), doc=["With O(action=play_prompt): the volume, 0 to 20."]),
]


def check_options(params):
    """Refuse, before any request, options missing or foreign to the action."""
    action = params["action"]
    endpoint, needed, allowed = ACTIONS[action]
    # transfer_type has a default: only its other value counts as given.
    given = set(name for name, value in params.items() if value is not None and name not in ALWAYS
                and not (name == "transfer_type" and value == "blind"))
    missing = [name for name in needed if params.get(name) in (None, [])]
    if missing:
        raise InputError("action=%s needs %s" % (action, " and ".join(missing)))
    foreign = sorted(given - set(needed) - set(allowed))
    if foreign:
        raise InputError("%s: not an option of action=%s (it takes %s)" % (
            ", ".join(foreign), action, ", ".join(needed + allowed)))
    if endpoint in MEMBER_ENDPOINTS and not (params.get("channel_id") or params.get("party") or
                                             (action in ("accept", "refuse") and params.get("call_id"))):
        raise InputError("action=%s needs party (the member's number)%s or channel_id" % (
            action, ", call_id" if action in ("accept", "refuse") else ""))
    if action == "transfer":
        attended = params.get("transfer_type") == "attended"
        if params.get("attended_operate") and not attended:
            raise InputError("attended_operate applies with transfer_type=attended only")
        if not params.get("attended_operate") and not params.get("number"):
            raise InputError("action=transfer needs number (the target)%s" % (
                ", or attended_operate for the second step of an attended transfer" if attended else ""))
        if params.get("attended_operate") and params.get("number"):
            raise InputError("number starts an attended transfer; attended_operate ends it: give one of them")


MEMBER_ENDPOINTS = set(endpoint for endpoint, needed, allowed in ACTIONS.values() if "party" in allowed)


def member_view(member):
    """(kind, number, info) of one element of a call's members."""
    kind, info = next(iter(member.items()))
    number = info.get("number") if kind == "extension" else info.get("from" if kind == "inbound" else "to")
    return kind, str(number), info


def find_member(client, params):
    """(call_id, channel_id) of the member the task names, read with call/query."""
    if params.get("channel_id"):
        return params.get("call_id"), params["channel_id"]
    party, call_id = params.get("party"), params.get("call_id")
    query = {"call_id": call_id} if call_id else {"number": party}
    calls = client.read("call/query", **query).get("data") or []
    if not calls:
        raise InputError("no call %s on the PBX now" % (
            "has the id %s" % call_id if call_id else "has the extension %s (give call_id for an outside party)"
            % party))
    # accept and refuse without a party: the call's inbound caller
    inbound_caller = params["action"] in ("accept", "refuse") and not party
    found = [(call["call_id"], info["channel_id"]) for call in calls for kind, number, info in
             (member_view(member) for member in call.get("members") or [])
             if (kind == "inbound" if inbound_caller else number == party)]
    if not found:
        raise InputError("%s is not a member of call %s (members: %s)" % (
            party or "no inbound caller", call_id, ", ".join(
                number for call in calls for _kind, number, _info in map(member_view, call.get("members") or []))))
    if len(found) > 1:
        raise InputError("%s is in %d calls (%s): give call_id" % (
            party, len(found), ", ".join(sorted(call for call, _channel in found))))
    return found[0]


def request_body(params, channel_id):
    """The JSON body of the action's request."""
    action = params["action"]
    if action == "dial":
        body = {"caller": params["caller"], "callee": params["callee"]}
    elif action == "play_prompt":
        body = {"number": params["number"], "prompts": params["prompts"]}
        body.update((name, params[name]) for name in ("count", "volume") if params.get(name) is not None)
    else:
        body = {"channel_id": channel_id}
    if action == "transfer":
        body["type"] = params["transfer_type"]
        body.update((name, params[name]) for name in ("number", "attended_operate") if params.get(name))
    if action == "park" and params.get("parking_slot"):
        body["parking_slot"] = params["parking_slot"]
    if params.get("dial_permission"):
        body["dial_permission"] = params["dial_permission"]
    if params.get("auto_answer") is not None:
        body["auto_answer"] = "yes" if params["auto_answer"] else "no"
    return body


def run_call_action(client, params):
    """Send the action (or, in check mode, say what would be sent); changed when the PBX accepted it."""
    check_options(params)
    endpoint = ACTIONS[params["action"]][0]
    call_id, channel_id = find_member(client, params) if endpoint in MEMBER_ENDPOINTS else (None, None)
    body = request_body(params, channel_id)
    answer = client.write("POST", endpoint, body=body)
    result = {"changed": True, "request": {"endpoint": endpoint, "body": body}, "api_requests": client.report()}
    if answer is not None:
        call_id = answer.get("call_id") or call_id
        if answer.get("parking_slot"):
            result["parking_slot"] = answer["parking_slot"]
    result["call_id"] = call_id
    return result
