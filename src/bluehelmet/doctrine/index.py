"""The guidance index's rule and its decisions (Capstone Annex 1): guidance below the 1000
series applies the basic principles, so a document that cites none is flagged. The rule
advises; Headquarters may dismiss a flag with a recorded reason (``core.verdicts``)."""

from __future__ import annotations

import enum
from typing import Any

from django.utils.translation import gettext as _

from bluehelmet.core.errors import ActionError, ErrorCode
from bluehelmet.core.permissions import Action, require
from bluehelmet.core.types import Actor
from bluehelmet.core.verdicts import (
    FLAGGED,
    MET,
    RuleVerdict,
    record_verdict_decision,
    require_decision,
)
from bluehelmet.doctrine.models import GuidanceDocument, GuidanceVerdictOverride

CITE = "Capstone Annex 1"
UNCITED = "guidance-uncited"
TOP_SERIES = 1000


class GuidanceErrorCode(enum.StrEnum):
    INVALID = "invalid"


def subject_of(doc: GuidanceDocument) -> str:
    return f"guidancedocument:{doc.pk}"


def cites_principles(doc: GuidanceDocument, cited: int | None = None) -> RuleVerdict:
    """Flag a document below the 1000 series that cites no principle (``cited``: the count,
    when the caller has it already)."""
    count = doc.principles.count() if cited is None else cited
    name = _("Subordinate guidance cites the principles")
    if doc.series.series == TOP_SERIES:
        text = _("A 1000-series document: it states the principles itself.")
        return RuleVerdict(UNCITED, name, MET, text, CITE, subject_of(doc))
    if count:
        text = _("Cites %(n)d of the basic principles.") % {"n": count}
        return RuleVerdict(UNCITED, name, MET, text, CITE, subject_of(doc))
    text = _(
        "This %(series)d-series document cites none of the 1000-series principles; subordinate "
        "guidance should say which it applies."
    ) % {"series": doc.series.series}
    return RuleVerdict(UNCITED, name, FLAGGED, text, CITE, subject_of(doc))


def describe(found: GuidanceVerdictOverride) -> dict[str, Any]:
    return {
        "id": found.pk,
        "decision": found.decision,
        "decision_label": str(found.get_decision_display()),
        "reason": found.reason,
        "decided_by": found.decided_by.get_username() if found.decided_by else None,
        "decided_at": found.decided_at.isoformat(),
    }


def judge(doc: GuidanceDocument, cited: int | None = None) -> RuleVerdict:
    """The rule's verdict on ``doc``, marked with Headquarters' decision on it, if any."""
    verdict = cites_principles(doc, cited)
    if verdict.flagged:
        found = GuidanceVerdictOverride.objects.filter(rule=UNCITED, subject=verdict.subject)
        first = found.select_related("decided_by").first()
        verdict.override = describe(first) if first is not None else None
    return verdict


def do_override_guidance_verdict(
    doc: GuidanceDocument, *, decision: str, reason: str, acting_user: Actor
) -> GuidanceVerdictOverride:
    """Headquarters accepts or dismisses the flag on ``doc`` with a reason (reference data:
    only an HQ role may write it)."""
    require(acting_user, Action.CHANGE, None)
    require_decision(decision, reason, GuidanceErrorCode.INVALID)
    if not cites_principles(doc).flagged:
        raise ActionError(ErrorCode.WRONG_STATE, _("This document is not flagged."))
    override: GuidanceVerdictOverride = record_verdict_decision(
        GuidanceVerdictOverride,
        {},
        rule=UNCITED,
        subject=subject_of(doc),
        decision=decision,
        reason=reason,
        verb="override_guidance_verdict",
        acting_user=acting_user,
    )
    return override
