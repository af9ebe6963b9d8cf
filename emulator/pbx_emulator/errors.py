"""Error codes of the manual's table 388 and the exception that carries them."""

from __future__ import annotations

INTERNAL_SERVER_ERROR = -2
FAILURE = -1
SUCCESS = 0
INTERFACE_NOT_EXISTED = 10001
API_VERSION_UNSUPPORTED = 10003
TOKEN_EXPIRED = 10004
ACCESS_DENIED = 10005
PARAMETER_SYNTAX_ERROR = 40001
PARAMETER_ERROR = 40002
DUPLICATE_KEY_VALUE = 40003
DATA_NOT_FOUND = 60001
MAX_LIMITATION_EXCEEDED = 60002
ROLE_NOT_EXISTED = 60101
ACCOUNT_IP_BLOCKED = 70004
OVERLOAD_TASK_RUNNING = 70082
CONNECTION_RELATION_EXISTS = 70091
PHONEBOOK_NOT_EXISTED = 70093
CONTACTS_NOT_EXISTED = 70128
ORGANIZATION_DISABLED = 70120
WAKEUP_CALL_NOT_EXISTED = 70516
CHECKOUT_WHEN_PMS = 70524

# errmsg strings exactly as the error table prints them (including the
# underscores some of them use).
MESSAGES = {
    INTERNAL_SERVER_ERROR: "INTERNAL SERVER ERROR",
    FAILURE: "FAILURE",
    SUCCESS: "SUCCESS",
    INTERFACE_NOT_EXISTED: "INTERFACE NOT EXISTED",
    API_VERSION_UNSUPPORTED: "API VERSION UNSUPPORTED",
    TOKEN_EXPIRED: "TOKEN EXPIRED",
    ACCESS_DENIED: "ACCESS DENIED",
    PARAMETER_SYNTAX_ERROR: "PARAMETER SYNTAX ERROR",
    PARAMETER_ERROR: "PARAMETER ERROR",
    DUPLICATE_KEY_VALUE: "DUPLICATE KEY VALUE",
    DATA_NOT_FOUND: "DATA NOT FOUND",
    MAX_LIMITATION_EXCEEDED: "MAX LIMITATION EXCEEDED",
    ROLE_NOT_EXISTED: "ROLE NOT EXISTED",
    ACCOUNT_IP_BLOCKED: "ACCOUNT IP BLOCKED",
    OVERLOAD_TASK_RUNNING: "OVERLOAD_TASK_RUNNING",
    CONNECTION_RELATION_EXISTS: "CONNECTION_RELATION_EXISTS",
    PHONEBOOK_NOT_EXISTED: "PHONEBOOK_NOT_EXISTED",
    CONTACTS_NOT_EXISTED: "CONTACTS_NOT_EXISTED",
    ORGANIZATION_DISABLED: "ORGANIZATION DISABLED",
    WAKEUP_CALL_NOT_EXISTED: "WAKEUP CALL ALARM NOT EXISTED",
    CHECKOUT_WHEN_PMS: "CAN'T CHECKOUT WHEN PMS CHECKIN",
}


def envelope(errcode: int = SUCCESS, **extra) -> dict:
    body = {"errcode": errcode, "errmsg": MESSAGES.get(errcode, "FAILURE")}
    body.update({k: v for k, v in extra.items() if v is not None})
    return body


class ApiError(Exception):
    """An API-level failure: always answered as HTTP 200 with the envelope."""

    def __init__(self, errcode: int, *, submsg: str | None = None,
                 invalid_param_list: list | None = None,
                 duplicate_field_list: list | None = None):
        super().__init__(MESSAGES.get(errcode, str(errcode)))
        self.errcode = errcode
        self.extra = {
            "submsg": submsg,
            "invalid_param_list": invalid_param_list,
            "duplicate_field_list": duplicate_field_list,
        }

    def body(self) -> dict:
        return envelope(self.errcode, **self.extra)


def param_error(field: str, validation_type: str) -> ApiError:
    return ApiError(PARAMETER_ERROR,
                    invalid_param_list=[{"field": field, "validation_type": validation_type}])


def not_found(submsg: str | None = None) -> ApiError:
    return ApiError(DATA_NOT_FOUND, submsg=submsg)
