"""Events one app raises and others act on, without importing each other (the kernel's bus).

``serious_development`` is sent, after commit, when the platform itself detects what Capstone
§4.3 lists among the moments contributors must be consulted: a rapid deterioration of security
(a crisis opened by the JOC) or a serious political or military development (a de facto
withdrawal of consent found by the §3.1 rule). The mandates app turns it into the consultation
obligation, as it does for mandate changes. Receivers get ``mission``, ``kind`` (one of the
constants below), ``on`` (the date it happened) and ``reason`` (plain words, no record content:
the consultation may be seen by roles that cannot see the record that caused it).
"""

from __future__ import annotations

import datetime
from typing import Any

import django.dispatch
from django.db import transaction

SECURITY_DETERIORATION = "security_deterioration"
SERIOUS_DEVELOPMENT = "serious_development"

serious_development = django.dispatch.Signal()


def announce_serious_development(
    sender: Any, mission: Any, kind: str, on: datetime.date, reason: str
) -> None:
    """Send ``serious_development`` once the current transaction commits (at once outside one)."""
    transaction.on_commit(
        lambda: serious_development.send(
            sender=sender, mission=mission, kind=kind, on=on, reason=reason
        )
    )
