"""API errors as JSON, never a traceback (Standards: bad input gets a clear message).

A refused domain action (:class:`~bluehelmet.core.errors.ActionError`) answers with the status
its code implies: 403 forbidden, 404 not found, 409 wrong state or conflict, 400 otherwise.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import ProtectedError
from rest_framework import exceptions
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from bluehelmet.core.errors import ActionError


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, ActionError):
        return Response(exc.as_dict(), status=exc.status)
    if isinstance(exc, DjangoValidationError):
        detail = exc.message_dict if hasattr(exc, "error_dict") else {"detail": exc.messages}
        exc = exceptions.ValidationError(detail=detail)
    if isinstance(exc, ProtectedError):
        names = sorted({str(o) for o in list(exc.protected_objects)[:5]})
        return Response(
            {"detail": "Other records still depend on this one: " + ", ".join(names) + "."},
            status=409,
        )
    return drf_exception_handler(exc, context)
