"""Who is acting, for the audit log (Capstone §7.1: accountability of every actor).

A context variable rather than thread-locals so pages, API calls, CLI commands and background
tasks all name their actor the same way.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

_actor: ContextVar[Any] = ContextVar("bluehelmet_actor", default=None)
_suppressed: ContextVar[bool] = ContextVar("bluehelmet_audit_suppressed", default=False)


def current_actor() -> Any:
    return _actor.get()


@contextmanager
def acting_as(user: Any) -> Iterator[None]:
    token = _actor.set(user)
    try:
        yield
    finally:
        _actor.reset(token)


def change_logging_suppressed() -> bool:
    return _suppressed.get()


@contextmanager
def single_audit_entry() -> Iterator[None]:
    """Inside a ``do_`` action the per-save log is off: the action writes one entry itself."""
    token = _suppressed.set(True)
    try:
        yield
    finally:
        _suppressed.reset(token)
