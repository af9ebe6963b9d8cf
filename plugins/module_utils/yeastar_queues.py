# -*- coding: utf-8 -*-
# Copyright: telephony.pbx contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Yeastar queues as data: the queue spec and adapter, the PBX-wide list of pause reasons (written as a
whole), and the agent operations (log in or out, pause or unpause), which change state rather than
configuration. Sources: the API manual's queue chapter (queue/*, queue_pause_reason/*, agent/*)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.telephony.pbx.plugins.module_utils.bulk import dependency_order
from ansible_collections.telephony.pbx.plugins.module_utils.spec import Field, InputError, Reference, ResourceSpec, ScalarList, repeated
from ansible_collections.telephony.pbx.plugins.module_utils.yeastar_call_flow import (
    call_flow_number,
    destination,
    destination_numbers,
    distinct,
)
from ansible_collections.telephony.pbx.plugins.module_utils.yeastar_resources import (
    NumberedAdapter,
    YeastarAdapter,
    extension_items,
    flag,
    ids_of,
)

# The queue destination types (fail_dest and key_dest): nine, without conference, dial_by_name or play_prompt.
QUEUE_DESTINATIONS = ["end_call", "extension", "ext_vm", "group_vm", "ivr", "ring_group", "queue", "external_num",
                      "play_greeting"]
RING_STRATEGIES = ["ring_all", "least_recent", "fewest_calls", "random", "rrmemory", "linear"]
# The "no agents" scenarios of empty_defined_for_*: 1 all agents unregistered, 2 all paused, 3 all in use.
SCENARIOS = {"unregistered": "1", "paused": "2", "in_use": "3"}
SCENARIO_WORDS = dict((code, word) for word, code in SCENARIOS.items())
# The manual's default for both scenario lists when not set ("1,2").
DEFAULT_SCENARIOS = ["1", "2"]


class AgentList(Reference):
    """Agents by extension number; on the wire [{value: "<extension id>", type: extension, number_value}].
    A write keeps each remaining agent's skill level (number_value) as the PBX holds it: the option does not
    manage skill levels, and a list sent without them would set them all back to 1."""

    def __init__(self):
        super(AgentList, self).__init__(many=True)

    def to_api(self, field, value, current):
        levels = dict((str(item.get("value")), item["number_value"]) for item in current or []
                      if item.get("number_value") not in (None, ""))
        agents = []
        for ident in value:
            agent = {"value": str(ident), "type": "extension"}
            if str(ident) in levels:
                agent["number_value"] = levels[str(ident)]
            agents.append(agent)
        return agents


class Scenarios(ScalarList):
    """The "no agents" scenarios: words in options, codes on the wire (an array of strings in every example,
    a comma-separated string in the tables: both are read). Queues omit the list while its switch is off; it
    then reads as the manual's default, "1,2"."""

    def read(self, field, current):
        value = current.get(field.api)
        return list(DEFAULT_SCENARIOS) if value is None else value

    def from_api(self, field, value):
        codes = value.split(",") if isinstance(value, str) else value
        return tuple(sorted(SCENARIO_WORDS.get(str(code).strip(), str(code).strip()) for code in codes
                            if str(code).strip()))

    def to_api(self, field, value, current):
        return [SCENARIOS[word] for word in value]


def scenarios(name, api, switch, doc):
    return Field(name, "list", api=api, elements="str", choices=list(SCENARIOS), unordered=True, codec=Scenarios(),
                 reset=["unregistered", "paused"], doc=[
                     doc, "C(unregistered): every agent is offline; C(paused): every agent is paused; C(in_use): "
                     "every agent is on a call. Compared as a set.",
                     "Takes effect while O(%s) is on; the PBX does not report the list while it is off, and it then "
                     "reads as the default, C([unregistered, paused])." % switch])


def agents(name, api, doc):
    return Field(name, "list", elements="str", api=api, reference="extension", codec=AgentList(), check_list=distinct,
                 from_api=ids_of(),
                 reset=[], doc=[
                     doc, "Extension numbers, compared in order: with O(ring_strategy=linear) the agents ring in this "
                     "order. The complete list: agents not listed are removed. A number may appear once, and not "
                     "both among the static and the dynamic agents (the PBX refuses that).",
                     "Skill levels are not managed: agents the list keeps keep theirs, new ones get the PBX's "
                     "default (1)."])


def prompt(name, doc, api=None, reset=""):
    return Field(name, api=api, reset=reset, doc=doc)


def unset_zero(value):
    """Queues answer 0 for numbers whose feature is off although 0 is outside their range (max_calls,
    max_pause_miss_call: L12016, L11682): such a 0 reads as not set."""
    return None if str(value) == "0" else value


def number(name, doc, value_range):
    """A number option; when its range starts at 1, a 0 from the PBX means not set."""
    return Field(name, "int", value_range=value_range, doc=doc, from_api=unset_zero if value_range[0] >= 1 else None)


def points_record(items):
    """Survey points as the examples write them (k, p); the tables' K and P read the same."""
    return [dict((key.lower(), value) for key, value in item.items()) for item in items or []]


def distinct_keys(points):
    twice = repeated([item["key"] for item in points])
    return "gives key %s more than once" % ", ".join(twice) if twice else None


QUEUE = ResourceSpec("queue", "queue", [
    call_flow_number("queue"),
    Field("name", required_on_create=True, doc="Queue name. Required to create the queue."),
    Field("ring_strategy", choices=RING_STRATEGIES, required_on_create=True, doc=[
        "C(ring_all) rings every agent at once; C(least_recent) the agent called least recently; C(fewest_calls) "
        "the agent with the fewest answered calls; C(random) a random agent; C(rrmemory) round robin with memory; "
        "C(linear) the agents in order. Required to create the queue."]),
    flag("enb_queue_skill_based_routing", [
        "Route calls by agent skill level, highest first; the ring strategy applies among agents of one level.",
        "The PBX accepts it but never reports it: when given, it is sent on every run and the task reports a "
        "change. It is left out of C(gathered)."], readable=False),
    agents("static_agents", "static_agent_list",
           "Static agents: always logged in to the queue."),
    agents("dynamic_agents", "dynamic_agent_list",
           "Dynamic agents: they log in and out (M(telephony.pbx.yeastar_queue_agent))."),
    Field("managers", "list", elements="str", api="manager_list", reference="extension", unordered=True,
          check_list=distinct,
          to_api=extension_items, from_api=ids_of(),
          reset=[], doc=[
              "Extension numbers of the queue managers (they get the queue's e-mail notifications), compared as a "
              "set. The complete list: managers not listed are removed."]),
    Field("moh", reset="default", doc="Music on hold playlist callers hear while they wait: C(default) or a playlist name."),
    number("max_wait_time", "Longest a caller waits for an agent, in seconds; C(0) for no limit.", (0, 99999999)),
    destination("fail_destination", "fail_dest", "fail_dest_prefix", "fail_dest_value", QUEUE_DESTINATIONS,
                required_on_create=True, doc=[
                    "Where calls go when they leave the queue (wait time over, no agents), for example C({type: "
                    "ext_vm, number: '1000'}) or C({type: play_greeting, prompt: closed.wav, repeat: 2}). Required to "
                    "create the queue."]),
    number("agent_timeout", "Seconds an agent rings before the next one does.", (1, 9999999)),
    number("retry_time", "Seconds to wait after an agent's ring timed out before ringing the next agent.", (1, 9999999)),
    number("wrap_up_time", "Seconds an agent gets after a queue call before the next one.", (1, 9999999)),
    flag("enb_ring_in_use", "Offer queue calls to agents already on a call."),
    prompt("agent_prompt", "Custom prompt played to the agent on answering a queue call."),
    flag("enb_auto_pause", "Pause an agent (and e-mail them) after O(max_pause_miss_call) missed calls in a row."),
    number("max_pause_miss_call", [
        "Missed calls in a row that pause an agent (1 to 5); needed when O(enb_auto_pause) is on."], (1, 5)),
    number("max_calls", "Most calls that may wait in the queue (1 to 9999).", (1, 9999)),
    Field("alert_info", reset="", doc="Keyword for the Alert-Info header, so phones can ring distinctively."),
    flag("enb_leave_empty", "Send waiting calls to O(fail_destination) when the queue has no agents."),
    scenarios("leave_empty_scenarios", "empty_defined_for_leave_empty", "enb_leave_empty",
              "What counts as no agents for O(enb_leave_empty)."),
    flag("enb_disallow_to_join_when_empty", "Refuse new callers when the queue has no agents."),
    scenarios("disallow_to_join_scenarios", "empty_defined_for_disallow_to_join_when_empty",
              "enb_disallow_to_join_when_empty", "What counts as no agents for O(enb_disallow_to_join_when_empty)."),
    flag("enb_email_miss_call", "E-mail the managers about missed queue calls."),
    flag("enb_email_abandon_call", "E-mail the managers about callers who hang up while waiting."),
    flag("enb_email_sla_alarm", "E-mail the managers when the SLA falls below O(sla_alarm_threshold)."),
    number("sla_time", "SLA time: seconds within which a call should be answered.", (1, 9999)),
    number("sla_interval", "Minutes between SLA evaluations.", (1, 9999)),
    number("sla_alarm_threshold", "SLA alarm threshold (1 to 999).", (1, 999)),
    prompt("join_prompt", "Custom prompt played when a caller joins the queue."),
    flag("enb_announce_agent_id", "Tell the caller the answering agent's ID."),
    flag("enb_announce_default_prompt", "Play the default \"thank you for your patience\" prompt periodically."),
    flag("enb_announce_pos", "Tell waiting callers their position periodically."),
    flag("enb_announce_hold_time", "Tell waiting callers the estimated wait periodically."),
    number("caller_announce_freq", "Seconds between position and wait announcements.", (1, 999)),
    prompt("sys_announce_prompt", "Custom prompt played to waiting callers periodically."),
    number("sys_announce_freq", "Seconds between plays of O(sys_announce_prompt).", (1, 9999)),
    prompt("satisfaction_survey_prompt", [
        "Satisfaction survey prompt played after the agent hangs up: C(default) or a custom prompt; empty for no "
        "survey."], api="satisfa_survey_prompt"),
    prompt("satisfaction_survey_end_prompt", [
        "Prompt played after the caller has pressed a survey key: C(default) or a custom prompt."],
        api="satisfa_survey_end_prompt"),
    Field("satisfaction_survey_points", "list", elements="dict", api="satisfaction_survey_point_list",
          unordered=True, check_list=distinct_keys, from_api=points_record, reset=[], options=[
              Field("key", api="k", choices=list("0123456789*"), required=True, doc="Survey key."),
              Field("points", "int", api="p", value_range=(-99, 99), required=True, doc="Score of that key, -99 to 99."),
          ], doc=["Score of each survey key, compared as a set of key and score; keys not listed have none."]),
    Field("press_key", pattern=r"^[0-9*#]?$", pattern_hint="one key: 0-9, * or #, or empty for none", reset="", doc=[
        "Key a waiting caller presses to leave the queue for O(key_destination); empty for none."]),
    destination("key_destination", "key_dest", "key_dest_prefix", "key_dest_value", QUEUE_DESTINATIONS,
                reset={"type": "end_call"}, doc=[
                    "Where calls go when the caller presses O(press_key); the same types as O(fail_destination)."]),
    flag("enb_callback", "Offer waiting callers a callback."),
    Field("callback_method", choices=["digit", "timeout"], doc=[
        "C(digit): the caller presses O(callback_press_key); C(timeout): offered after O(callback_trigger_timeout)."]),
    Field("callback_press_key", pattern=r"^[0-9*#]$", pattern_hint="one key: 0-9, * or #", doc=[
        "Key that requests a callback; needed with O(callback_method=digit)."]),
    number("callback_trigger_timeout", [
        "Seconds of waiting after which a callback is offered; needed with O(callback_method=timeout)."], (0, 1800)),
    Field("callback_outbound_prefix", reset="", doc="Dial prefix of the outbound route callbacks use."),
    Field("callback_timeout", choices=["queue_max_wait_time", "custom"], doc=[
        "How long a callback request is kept: the queue's O(max_wait_time), or O(callback_timeout_num)."]),
    number("callback_timeout_num", [
        "Seconds a callback request is kept; needed with O(callback_timeout=custom)."], (0, 1800)),
    flag("callback_enb_request_email", "E-mail the managers when a caller requests a callback."),
    flag("callback_enb_failed_email", "E-mail the managers when a callback request fails."),
])


class QueueAdapter(NumberedAdapter):
    """Queues: list and search answer under queue_list."""

    spec = QUEUE
    kind = "queue"
    area = "queue"
    list_key = "queue_list"

    def completed(self, current):
        # The tables say satisfa_survey_prompt, the get example satisfy_survey_prompt (L11725): read either.
        if current.get("satisfa_survey_prompt") is None and "satisfy_survey_prompt" in current:
            current["satisfa_survey_prompt"] = current["satisfy_survey_prompt"]
        return current

    def ordered(self, items):
        return dependency_order(items, lambda item: [item["number"]], lambda item: destination_numbers(item, "queue"))


# ---------------------------------------------------------------------------------------- pause reasons
PAUSE_REASON = ResourceSpec("queue_pause_reason", "pause reason", [
    Field("code", identity=True, required=True, length=(1, 32), doc=[
        "Feature code of the pause reason, such as C(*01); identifies it. Agents dial it to pause."]),
    Field("reason", required_on_create=True, length=(1, 127), doc="Text of the pause reason, such as C(Lunch)."),
])


class PauseReasonAdapter(YeastarAdapter):
    """The PBX-wide list of pause reasons. The API has one write, queue_pause_reason/update, which replaces the
    whole list: creations, updates and deletions change a working copy, and flush() sends it once."""

    spec = PAUSE_REASON
    defers_writes = True

    def __init__(self, client):
        super(PauseReasonAdapter, self).__init__(client)
        self.working = None
        self.dirty = False

    def list(self):
        listed = [{"code": str(item.get("code")), "reason": item.get("reason") or ""}
                  for item in self.client.pages("queue_pause_reason/list")]
        self.working = [dict(item) for item in listed]
        return listed

    def _working(self):
        if self.working is None:
            self.working = []  # rendered: a PBX that holds none of them
        return self.working

    def identity_of(self, current):
        return {"code": current["code"]}

    def find(self, identity):
        return next((item for item in self.list() if item["code"] == identity["code"]), None)

    def create_payload(self, identity, fields):
        return dict(fields, code=identity["code"])

    def create(self, payload):
        self._working().append({"code": payload["code"], "reason": payload.get("reason", "")})
        self.dirty = True
        return dict(payload)

    def update(self, current, payload):
        for item in self._working():
            if item["code"] == current["code"]:
                item.update(payload)
        self.dirty = True

    def delete(self, current):
        self.working = [item for item in self._working() if item["code"] != current["code"]]
        self.dirty = True

    def flush(self):
        if self.dirty:
            self.dirty = False
            self.client.write("POST", "queue_pause_reason/update",
                              body={"pause_reason_list": [dict(item) for item in self._working()]})


def pause_reason_table(client):
    """(code, text) of every pause reason, read once per task."""
    return client.memo("pause reasons", lambda: [(str(item.get("code")), item.get("reason") or "")
                                                 for item in client.pages("queue_pause_reason/list")])


def find_pause_reason(client, given, option="reason"):
    """The (code, text) of a pause reason given by code or by text."""
    reasons = pause_reason_table(client)
    for matches in ([r for r in reasons if r[0] == given], [r for r in reasons if r[1] == given]):
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1:
            raise InputError("%s: %d pause reasons read %r; give its code instead (%s)"
                             % (option, len(matches), given, ", ".join(code for code, _text in matches)))
    raise InputError("%s: no pause reason has the code or text %r on this PBX (known: %s)" % (
        option, given, ", ".join("%s %s" % pair for pair in reasons) or "none"))


# ------------------------------------------------------------------------------------------- agents
AGENT_STATES = ["logged_in", "logged_out"]


def agent_plan(status, state, paused, reason):
    """What one queue needs for one agent: (operation, after) where operation is None, ("login", paused),
    ("logout",), ("pause",) or ("unpause",); `status` is the agent's queue/agent_status entry and `reason` the
    (code, text) of the pause reason asked for, or None."""
    before = agent_shown(status)
    text = reason[1] if reason else None
    if state == "logged_out":
        if before["logged_in"]:
            return ("logout",), dict(before, logged_in=False, paused=False, pause_reason="")
        return None, before
    if not before["logged_in"]:
        wanted = bool(paused)
        return ("login", wanted), dict(before, logged_in=True, paused=wanted, pause_reason=(text or "") if wanted else "")
    if paused and (not before["paused"] or (text is not None and before["pause_reason"] != text)):
        return ("pause",), dict(before, paused=True, pause_reason=text or "")
    if paused is False and before["paused"]:
        return ("unpause",), dict(before, paused=False, pause_reason="")
    return None, before


def agent_shown(status):
    return {"logged_in": str(status.get("is_login")) == "1", "paused": str(status.get("is_pause")) == "1",
            "pause_reason": status.get("pause_reason") or "", "agent_type": status.get("agent_type")}


def ensure_agent(client, params):
    """Log a dynamic agent in or out of queues, pause or unpause it; writes only what differs."""
    number, state, paused = params["extension"], params["state"], params["paused"]
    if state == "logged_out" and paused is not None:
        raise InputError("paused applies with state=logged_in only: logging out ends a pause")
    if params.get("reason") and not paused:
        raise InputError("reason needs paused=true: it says why the agent pauses")
    ext_id = client.lookup("extension").ids([number], "extension")[0]
    reason = find_pause_reason(client, params["reason"]) if params.get("reason") else None
    listed = list(client.pages("queue/list", key="queue_list"))
    if params.get("queues"):
        by_number = dict((str(queue["number"]), queue) for queue in listed)
        missing = [wanted for wanted in params["queues"] if wanted not in by_number]
        if missing:
            raise InputError("queues: no queue numbered %s exists on this PBX (known: %s)" % (
                ", ".join(repr(m) for m in missing), ", ".join(sorted(by_number)) or "none"))
        queues = [by_number[wanted] for wanted in params["queues"]]
    else:
        queues = [queue for queue in listed if any(
            str(agent.get("value")) == str(ext_id) for agent in (queue.get("dynamic_agent_list") or []) +
            (queue.get("static_agent_list") or []))]
        if not queues:
            raise InputError("extension %s is an agent of no queue on this PBX" % number)
    operations, before, after = {}, {}, {}
    for queue in queues:
        entries = [entry for entry in client.read("queue/agent_status", id=queue["id"]).get("data") or []
                   if str(entry.get("number")) == number]
        if not entries:
            raise InputError("extension %s is not an agent of queue %s; make it one with "
                             "telephony.pbx.yeastar_queue (dynamic_agents)" % (number, queue["number"]))
        operation, shown = agent_plan(entries[0], state, paused, reason)
        if operation and operation[0] in ("login", "logout") and entries[0].get("agent_type") == "static":
            raise InputError("extension %s is a static agent of queue %s: static agents are always logged in; "
                             "only dynamic agents log in and out" % (number, queue["number"]))
        before[queue["number"]] = agent_shown(entries[0])
        after[queue["number"]] = shown
        if operation:
            operations.setdefault(operation, []).append(queue)
    for operation, targets in sorted(operations.items()):
        query = {"ext_id": ext_id, "queue_ids": ",".join(str(queue["id"]) for queue in targets)}
        if operation[0] in ("login", "logout"):
            query["operation"] = operation[0]
            if operation[0] == "login":
                query["is_paused"] = 1 if operation[1] else 0
            endpoint = "agent/login"
        else:
            query["operation"] = operation[0]
            endpoint = "agent/pause"
        if reason and operation[0] in ("login", "pause") and (operation[0] == "pause" or operation[1]):
            query["reason"] = reason[0]
        # The agent operations are GET requests that change state: writes all the same.
        client.write("GET", endpoint, params=query)
    return {
        "changed": bool(operations),
        "agent": {"extension": number, "queues": [dict(after[queue["number"]], queue=queue["number"])
                                                  for queue in queues]},
        "diff": {"before": before, "after": after},
        "api_requests": client.report(),
    }
