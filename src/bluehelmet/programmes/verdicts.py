"""Judging a mission's programmes (Capstone §2.4-2.5, §7.2): every rule on every record the
reader may see, each flag marked with the decision taken on it.

Rules that read more than one record (a polling centre's risk from the JOC's incidents, a
State service's series of observations, an institution's latest report) read only what the
reader may see, as the pages do."""

from __future__ import annotations

import datetime
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
    ElectoralEvent,
    PollingCentre,
    ProgrammeVerdictOverride,
    QuickImpactProject,
    RuleOfLawInstitution,
    SsrActivity,
    StatePresence,
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


def centre_risks(mission: Any, user: Any, today: datetime.date) -> dict[int, Any]:
    """Each polling centre's risk (``elections.CentreRisk``) by the centre's id."""
    # Imported here, so that ``elections`` may import ``scoped`` from this module (no cycle).
    from bluehelmet.programmes import elections

    return {r.centre.pk: r for r in elections.mission_risks(mission, user, today)}


def centre_verdicts(centre: PollingCentre, risk: Any) -> list[RuleVerdict]:
    """The rule on one polling centre given its risk (none: the reader may not see it)."""
    if risk is None:
        return []
    return rules.polling_centre_supported(centre, risk.level, risk.explanation)


def presence_series(queryset: Any) -> dict[tuple[str, str], list[StatePresence]]:
    """The observations of each (admin area, service), oldest first."""
    series: dict[tuple[str, str], list[StatePresence]] = {}
    for row in queryset.order_by("observed_on", "pk"):
        series.setdefault((row.admin1, row.service), []).append(row)
    return series


def latest_reports(queryset: Any) -> dict[int, SsrActivity]:
    """The latest report of each institution, by the institution's id."""
    latest: dict[int, SsrActivity] = {}
    for report in queryset.order_by("reported_on", "pk"):
        latest[report.institution_id] = report
    return latest


def institution_verdicts(
    institution: RuleOfLawInstitution, report: SsrActivity | None, limit: int
) -> list[RuleVerdict]:
    return rules.pretrial_detention(institution, report, limit) + rules.institution_operating(
        institution, report
    )


def judge_mission(mission: Any, user: Any) -> list[tuple[Any, RuleVerdict]]:
    """(record, verdict) for every rule on every record of ``mission`` the user may see."""
    now = timezone.now()
    today = now.date()
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
    for event in scoped(ElectoralEvent.objects, user).filter(mission=mission):
        found += [(event, v) for v in rules.electoral_step_done(event, today)]
    for risk in centre_risks(mission, user, today).values():
        found += [(risk.centre, v) for v in centre_verdicts(risk.centre, risk)]
    observed = scoped(StatePresence.objects, user).filter(mission=mission)
    for series in presence_series(observed).values():
        found += [(series[-1], v) for v in rules.state_service_held(series)]
    limit = parameter(mission.pk, rules.PRETRIAL_KEY)
    reports = latest_reports(scoped(SsrActivity.objects, user).filter(mission=mission))
    for place in scoped(RuleOfLawInstitution.objects, user).filter(mission=mission):
        found += [(place, v) for v in institution_verdicts(place, reports.get(place.pk), limit)]
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
    elif isinstance(record, ElectoralEvent):
        found = rules.electoral_step_done(record, timezone.now().date())
    elif isinstance(record, PollingCentre):
        risks = centre_risks(record.mission, user, timezone.now().date())
        found = centre_verdicts(record, risks.get(record.pk))
    elif isinstance(record, StatePresence):
        found = presence_verdicts(record, user)
    elif isinstance(record, RuleOfLawInstitution):
        reports = scoped(SsrActivity.objects, user).filter(institution=record)
        limit = parameter(record.mission_id, rules.PRETRIAL_KEY)
        found = institution_verdicts(record, latest_reports(reports).get(record.pk), limit)
    else:
        return []
    return mark(found, overrides_for(record.mission_id, user))


def presence_verdicts(record: StatePresence, user: Any) -> list[RuleVerdict]:
    """The rule on a State presence observation: judged on the latest observation of its
    service in its admin area only (an older one is history, not the state of things)."""
    rows = scoped(StatePresence.objects, user).filter(
        mission_id=record.mission_id, admin1=record.admin1, service=record.service
    )
    series = presence_series(rows).get((record.admin1, record.service), [])
    if not series or series[-1].pk != record.pk:
        return []
    return rules.state_service_held(series)
