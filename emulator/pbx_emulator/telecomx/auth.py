"""/auth/login, /auth/logout and machine-to-machine tokens (/employee/{id}/token)."""

from __future__ import annotations

from .errors import ApiError, access_denied, by_id, not_found
from .request import Call
from .state import WRITE_LEVELS, main_employee


def login(call: Call) -> dict:
    pbx = call.pbx
    main_employee(pbx)  # the configured login pair always exists
    username, password = call.params.get("username"), call.params.get("password")
    match = next((e for e in pbx.data.employees.values()
                  if e.username == username and e.password == password), None)
    if match is None:
        pbx.counters.failed_logins += 1
        raise ApiError(401, "credentials_invalid", "Invalid username or password")
    persist = call.params.get("persist") in (True, "true")
    token = pbx.data.tokens.issue(match, None if persist else pbx.data.token_minutes)
    pbx.counters.tokens_issued += 1
    return {"token": token.value, "expiresInMinutes": -1 if persist else pbx.data.token_minutes,
            "employee": match._id, "customer": pbx.data.customer, "accessLevel": match.access_level}


def logout(call: Call) -> dict:
    """Ends every login token of the caller's employee, other clients' included (the wiki: "invalidates all
    tokens of the user"); machine-to-machine tokens stay until deleted."""
    call.pbx.counters.tokens_revoked += call.pbx.data.tokens.end_sessions_of(call.token.employee)
    return {"success": True}


def _employee(call: Call, ident: str):
    employee = by_id(call.pbx.data.employees, ident, "Employee")
    caller = call.token.employee
    if caller is not employee and caller.access_level not in WRITE_LEVELS:
        raise access_denied()
    if employee.access_level == "ADMIN":
        raise ApiError(403, "id", "Tokens cannot be created for administrators")
    return employee


def create_token(call: Call, ident: str) -> dict:
    employee = _employee(call, ident)
    token = call.pbx.data.tokens.issue(employee, None, machine=True)
    call.pbx.counters.tokens_issued += 1
    return {"success": True, "token": token.value}


def delete_token(call: Call, ident: str, value: str) -> dict:
    employee = _employee(call, ident)
    token = call.pbx.data.tokens.find(value)
    if token is None or token.employee is not employee or not token.machine:
        raise not_found("Token")
    del call.pbx.data.tokens.tokens[value]
    call.pbx.counters.tokens_revoked += 1
    return {"success": True}
