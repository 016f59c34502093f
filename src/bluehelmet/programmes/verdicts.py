"""Judging a mission's programmes (Capstone §2.4-2.5, §7.2): every rule on every record the
reader may see, each flag marked with the decision taken on it."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from bluehelmet.core.parameters import parameter
from bluehelmet.core.tables import object_url
from bluehelmet.core.verdicts import RuleVerdict
from bluehelmet.programmes import rules
from bluehelmet.programmes.models import (
    AgeGroup,
    DdrParticipant,
    DdrSite,
    ProgrammeVerdictOverride,
    QuickImpactProject,
)

Overrides = dict[tuple[str, str], ProgrammeVerdictOverride]


def scoped(queryset: Any, user: Any) -> Any:
    """What ``user`` may see; the system (``None``: the demo) reads everything."""
    return queryset if user is None else queryset.restrict(user)


def describe(found: ProgrammeVerdictOverride) -> dict[str, Any]:
    return {
        "id": found.pk,
        "decision": found.decision,
        "decision_label": str(found.get_decision_display()),
        "reason": found.reason,
        "decided_by": found.decided_by.get_username() if found.decided_by else None,
        "decided_at": found.decided_at.isoformat(),
    }


def overrides_for(mission_id: int, user: Any) -> Overrides:
    rows = scoped(ProgrammeVerdictOverride.objects, user).filter(mission_id=mission_id)
    return {(o.rule, o.subject): o for o in rows.select_related("decided_by")}


def mark(verdicts: list[RuleVerdict], overrides: Overrides) -> list[RuleVerdict]:
    for v in verdicts:
        found = overrides.get((v.code, v.subject)) if v.flagged else None
        v.override = describe(found) if found is not None else None
    return verdicts


def judge_mission(mission: Any, user: Any) -> list[tuple[Any, RuleVerdict]]:
    """(record, verdict) for every rule on every record of ``mission`` the user may see."""
    now = timezone.now()
    hours = parameter(mission.pk, rules.REFERRAL_KEY)
    children = scoped(DdrParticipant.objects, user).filter(
        mission=mission, age_group=AgeGroup.CHILD
    )
    sites = scoped(DdrSite.objects, user).filter(mission=mission)
    qips = scoped(QuickImpactProject.objects, user).filter(mission=mission)
    found: list[tuple[Any, RuleVerdict]] = []
    for child in children.select_related("armed_group"):
        found += [(child, v) for v in rules.child_referred(child, now, hours)]
    for site in sites:
        found += [(site, v) for v in rules.site_capacity(site)]
    for qip in qips:
        found += [(qip, v) for v in rules.qip_consultations(qip)]
    mark([v for _r, v in found], overrides_for(mission.pk, user))
    return found


def with_urls(judged: list[tuple[Any, RuleVerdict]]) -> list[tuple[Any, str | None, RuleVerdict]]:
    """(record, its page, verdict) for the templates."""
    return [(r, object_url(r), v) for r, v in judged]


def open_flags(judged: list[tuple[Any, RuleVerdict]]) -> list[tuple[Any, RuleVerdict]]:
    """Flags no one has dismissed with a reason."""
    return [(r, v) for r, v in judged if v.flagged and not v.dismissed]


def verdicts_for(record: Any, user: Any) -> list[RuleVerdict]:
    """The verdicts on one record (its page shows them)."""
    if isinstance(record, DdrParticipant):
        hours = parameter(record.mission_id, rules.REFERRAL_KEY)
        found = rules.child_referred(record, timezone.now(), hours)
    elif isinstance(record, DdrSite):
        found = rules.site_capacity(record)
    elif isinstance(record, QuickImpactProject):
        found = rules.qip_consultations(record)
    else:
        return []
    return mark(found, overrides_for(record.mission_id, user))
