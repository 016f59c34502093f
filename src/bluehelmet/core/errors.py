"""One error family for every domain action (DESIGN.md "Domain actions").

A ``do_<verb>_<noun>`` function that refuses raises :class:`ActionError` with a code, a message
a person can read and, where useful, structured details (a gate report, the rejected fields).
The API's exception handler and the pages' middleware turn it into an answer with the status
the code implies, so no app maps its own errors (Zulip's ``JsonableError`` idea).

Apps keep their own codes as ``StrEnum`` members (Saleor's error-code enums); the four shared
codes below mean the same in every app and choose the HTTP status.
"""

from __future__ import annotations

import enum
from typing import Any

from django.utils.functional import Promise


class ErrorCode(enum.StrEnum):
    """Codes every app uses with one meaning; any other code is a 400 (bad request)."""

    FORBIDDEN = "forbidden"  # the acting user's roles do not allow it: 403
    NOT_FOUND = "not_found"  # out of the user's reach or absent: 404, never telling which
    WRONG_STATE = "wrong_state"  # the record is not in a state that allows it: 409
    CONFLICT = "conflict"  # it would clash with a record that exists: 409
    INVALID = "invalid"  # the input is wrong: 400


STATUS_BY_CODE: dict[str, int] = {
    ErrorCode.FORBIDDEN: 403,
    ErrorCode.NOT_FOUND: 404,
    ErrorCode.WRONG_STATE: 409,
    ErrorCode.CONFLICT: 409,
}


class ActionError(Exception):
    """A domain action refused: ``code`` (an app's enum member or a shared code), ``message``
    (translated, for people), ``details`` (JSON-ready extras merged into the API body)."""

    def __init__(self, code: str, message: str | Promise, **details: Any) -> None:
        super().__init__(message)
        self.code = code
        self.message = str(message)
        self.details = details

    @property
    def status(self) -> int:
        return STATUS_BY_CODE.get(str(self.code), 400)

    def as_dict(self) -> dict[str, Any]:
        """The JSON body of an API answer: the code, the message as ``detail``, the details."""
        return {"code": str(self.code), "detail": self.message, **self.details}

    def __repr__(self) -> str:
        return f"ActionError({str(self.code)!r}, {self.message!r})"
