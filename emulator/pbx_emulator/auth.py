"""get_token, refresh_token, del_token."""

from __future__ import annotations

from .api import Call, Endpoint
from .errors import FAILURE, MAX_LIMITATION_EXCEEDED, TOKEN_EXPIRED, ApiError
from .state import Session


def _token_payload(call: Call, session: Session) -> dict:
    config = call.pbx.config
    return {
        "access_token_expire_time": config.access_token_ttl,
        "access_token": session.access_token,
        "refresh_token_expire_time": config.refresh_token_ttl,
        "refresh_token": session.refresh_token,
    }


def _failed_login(call: Call, error: ApiError) -> ApiError:
    call.pbx.counters.failed_logins += 1
    call.pbx.guard.login_failed(call.remote, call.pbx.config.max_failed_logins)
    return error


def _enforce_token_cap(call: Call, replacing: Session | None = None) -> None:
    if call.pbx.tokens.active_access_count(excluding=replacing) >= call.pbx.config.max_tokens:
        raise ApiError(MAX_LIMITATION_EXCEEDED,
                       submsg="the maximum number of valid access tokens has been reached")


def get_token(call: Call) -> dict:
    config = call.pbx.config
    username, password = call.params.get("username"), call.params.get("password")
    if username != config.client_id or password != config.client_secret:
        raise _failed_login(call, ApiError(
            FAILURE, invalid_param_list=[{"field": "username or password", "value": "error"}]))
    # The credentials were right, so the failure streak ends even when the
    # token cap then refuses to issue a token.
    call.pbx.guard.login_succeeded(call.remote)
    _enforce_token_cap(call)
    session = call.pbx.tokens.issue(config)
    call.pbx.counters.tokens_issued += 1
    return _token_payload(call, session)


def refresh_token(call: Call) -> dict:
    token = call.params.get("refresh_token")
    session = call.pbx.tokens.valid_refresh(token) if isinstance(token, str) else None
    if session is None:
        raise _failed_login(call, ApiError(TOKEN_EXPIRED, submsg="refresh token is invalid or expired"))
    call.pbx.guard.login_succeeded(call.remote)
    _enforce_token_cap(call, replacing=session)
    session = call.pbx.tokens.issue(call.pbx.config, session)
    call.pbx.counters.tokens_refreshed += 1
    return _token_payload(call, session)


def del_token(call: Call) -> dict:
    # The token was validated by the pipeline; revoking ends the whole
    # session, so its refresh token cannot mint a replacement either.
    call.pbx.tokens.drop(call.session)
    call.pbx.counters.tokens_revoked += 1
    return {}


ENDPOINTS = {
    "get_token": Endpoint("POST", get_token, auth=False),
    "refresh_token": Endpoint("POST", refresh_token, auth=False),
    "del_token": Endpoint("GET", del_token),
}
