"""Calling a ``do_`` action from the API: its refusals become HTTP answers.

Every app's action errors carry a ``code`` from its error enum and a ``message``; the codes
``forbidden`` and ``wrong_state`` mean the same everywhere, so one mapping serves all apps.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rest_framework.exceptions import APIException, PermissionDenied, ValidationError

FORBIDDEN = "forbidden"
WRONG_STATE = "wrong_state"


class Conflict(APIException):
    status_code = 409
    default_detail = "The record is not in a state that allows this."


def run_action(fn: Callable[[], Any], errors: type[Exception]) -> Any:
    """Call ``fn``; an ``errors`` refusal becomes 403 (forbidden), 409 (wrong state) or 400
    (anything else), with the action's code and message as the body."""
    try:
        return fn()
    except errors as exc:
        code, message = str(exc.code), exc.message  # type: ignore[attr-defined]
        body = {"code": code, "detail": message}
        if code == FORBIDDEN:
            raise PermissionDenied(message) from exc
        if code == WRONG_STATE:
            raise Conflict(body) from exc
        raise ValidationError(body) from exc
