"""API errors as JSON, never a traceback (Standards: bad input gets a clear message)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import ProtectedError
from rest_framework import exceptions
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from bluehelmet.lifecycle.actions import TransitionError
from bluehelmet.mandates.actions import MandateError


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, DjangoValidationError):
        detail = exc.message_dict if hasattr(exc, "error_dict") else {"detail": exc.messages}
        exc = exceptions.ValidationError(detail=detail)
    if isinstance(exc, ProtectedError):
        names = sorted({str(o) for o in list(exc.protected_objects)[:5]})
        return Response(
            {"detail": "Other records still depend on this one: " + ", ".join(names) + "."},
            status=409,
        )
    if isinstance(exc, MandateError):
        return Response(
            {"code": str(exc.code), "detail": exc.message},
            status=403 if exc.code == "forbidden" else 400,
        )
    if isinstance(exc, TransitionError):
        status = 403 if exc.code == "forbidden" else 400
        return Response(
            {
                "code": str(exc.code),
                "detail": exc.message,
                "checks": [c.as_dict() for c in exc.checks],
            },
            status=status,
        )
    return drf_exception_handler(exc, context)
