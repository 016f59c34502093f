"""Verdicts the rules compute and the decisions people record on them (Capstone §3.1, §4.2,
§5.2, §10.2: the rules advise, people decide), shared by every app whose rules flag records.

``RuleVerdict`` is a flag as a page and the API show it; ``require_decision`` and
``record_verdict_decision`` keep a person's decision on one (accepted or dismissed, with the
reason) in the app's own model built on ``core.models.verdicts.VerdictDecisionRecord``: one
transaction, one audit entry, a later decision on the same verdict replacing the earlier one.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bluehelmet.core.audit import log_action
from bluehelmet.core.context import single_audit_entry
from bluehelmet.core.errors import ActionError
from bluehelmet.core.models.verdicts import VerdictDecision
from bluehelmet.core.types import Actor, recorded

MET, FLAGGED = "met", "flagged"


@dataclass
class RuleVerdict:
    """One rule's reading about one ``subject``: ``status`` is ``MET`` or ``FLAGGED``;
    ``override`` describes the decision recorded on it, if any."""

    code: str
    name: str
    status: str
    explanation: str
    citation: str
    subject: str = ""
    override: dict[str, Any] | None = field(default=None)

    @property
    def flagged(self) -> bool:
        return self.status == FLAGGED

    @property
    def dismissed(self) -> bool:
        return (self.override or {}).get("decision") == "dismissed"

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def require_decision(decision: str, reason: str, invalid: Any) -> None:
    """Refuse a decision that is neither accepted nor dismissed, or that gives no reason
    (``invalid``: the calling app's error code for bad input)."""
    if decision not in VerdictDecision.values:
        raise ActionError(invalid, _("The decision is 'accepted' or 'dismissed'."))
    if not (reason or "").strip():
        raise ActionError(invalid, _("Give the reason for the decision."))


def record_verdict_decision(
    model: Any,
    scope: dict[str, Any],
    *,
    rule: str,
    subject: str,
    decision: str,
    reason: str,
    verb: str,
    acting_user: Actor,
    sensitivity: int | None = None,
) -> Any:
    """Create or replace the decision on (``scope``, ``rule``, ``subject``) in ``model`` and
    audit it as ``verb``; ``sensitivity``, when given, is the least class it is kept at."""
    with transaction.atomic(), single_audit_entry():
        found = model.objects.select_for_update().filter(rule=rule, subject=subject, **scope)
        override = found.first() or model(rule=rule, subject=subject, **scope)
        before = override.snapshot() if override.pk else None
        if sensitivity is not None:
            override.sensitivity = max(override.sensitivity or 0, sensitivity)
        override.decision = decision
        override.reason = reason.strip()
        override.decided_by = recorded(acting_user)
        override.decided_at = timezone.now()
        override.save()
        log_action(
            verb,
            override,
            acting_user=acting_user,
            before=before,
            after=override.snapshot(),
            note=override.reason,
        )
    return override
