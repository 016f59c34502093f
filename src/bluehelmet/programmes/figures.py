"""The key figures of each programme for one mission, as the reader may see them (Capstone
§2.4-2.5, §10.2: the indicators benchmarks rest on; benchmarks cannot import this app, so the
figures are served by the API, ``/api/programmes/figures/``).

Human rights figures are aggregates of every case of the mission, including those the reader
may not open (``_base_manager``: no role filter). Outside the human rights unit (no human rights
case role, ``hr_access.HR_CASE_ROLES``, in the mission, whatever the clearance) a count below
``SMALL`` is shown as "fewer than 5" and the others are rounded to a multiple of 5, so that no
case of sexual violence (res. 1325/1820, §1.4) can be singled out from a small number, nor from
the difference of two figures (Capstone §7.2).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.db.models import Count, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from bluehelmet.core.permissions import Action, Sensitivity
from bluehelmet.programmes import elections, state, verdicts
from bluehelmet.programmes.hr_access import may_handle_hr
from bluehelmet.programmes.models import (
    AgeGroup,
    DdrParticipant,
    DdrSite,
    ElectoralEvent,
    HazardArea,
    HazardStatus,
    HumanRightsCase,
    QipStatus,
    QuickImpactProject,
    ViolationType,
    WeaponCollection,
)

SMALL = 5


def cleared(user: Any, mission: Any) -> bool:
    """Does the reader belong to those who may read the mission's human rights cases?"""
    strict = Sensitivity.STRICTLY_CONFIDENTIAL
    return user is None or may_handle_hr(user, Action.VIEW, mission.pk, strict)


def suppress(count: int, exact: bool) -> int | str:
    """A count as it may be shown: exact to the cleared; to others "fewer than 5" below
    ``SMALL`` and else rounded to the nearest multiple of 5, so that a small count cannot be
    found either by subtracting one shown figure from another."""
    if exact:
        return count
    if count < SMALL:
        return _("fewer than %(n)d") % {"n": SMALL}
    return SMALL * round(count / SMALL)


def human_rights(mission: Any, user: Any) -> dict[str, Any]:
    """Cases by violation type and by verification, and sexual violence by admin area."""
    exact = cleared(user, mission)
    cases = HumanRightsCase._base_manager.filter(mission=mission)  # aggregates: module doc
    by_type = dict(cases.values_list("violation_type").annotate(n=Count("pk")))
    by_status = dict(cases.values_list("verification").annotate(n=Count("pk")))
    crsv = cases.filter(violation_type=ViolationType.SEXUAL_VIOLENCE)
    crsv_by_area = dict(crsv.values_list("admin1").annotate(n=Count("pk")))
    return {
        "exact": exact,
        "cases": suppress(cases.count(), exact),
        "by_type": {v: suppress(by_type.get(v, 0), exact) for v in ViolationType.values},
        "by_verification": {k: suppress(n, exact) for k, n in sorted(by_status.items())},
        "crsv": suppress(crsv.count(), exact),
        "crsv_by_admin1": {
            (k or _("unknown")): suppress(n, exact) for k, n in sorted(crsv_by_area.items())
        },
    }


def ddr(mission: Any, user: Any) -> dict[str, Any]:
    """Participants by armed group, sex and age; weapons; sites (what the reader may see)."""
    people = verdicts.scoped(DdrParticipant.objects, user).filter(mission=mission)
    fields = ("armed_group__name", "sex", "age_group", "referred_at", "status")
    rows = list(people.values_list(*fields))
    children = [r for r in rows if r[2] == AgeGroup.CHILD]
    arms = verdicts.scoped(WeaponCollection.objects, user).filter(mission=mission)
    totals = arms.aggregate(
        wc=Sum("weapons_collected"),
        wd=Sum("weapons_destroyed"),
        ac=Sum("ammunition_collected"),
        ad=Sum("ammunition_destroyed"),
    )
    sites = list(verdicts.scoped(DdrSite.objects, user).filter(mission=mission))
    collected, destroyed = totals["wc"] or 0, totals["wd"] or 0
    return {
        "participants": len(rows),
        "by_armed_group": dict(sorted(Counter(r[0] for r in rows).items())),
        "by_sex": dict(sorted(Counter(r[1] for r in rows).items())),
        "by_age_group": dict(sorted(Counter(r[2] for r in rows).items())),
        "by_status": dict(sorted(Counter(r[4] for r in rows).items())),
        "children": len(children),
        "children_not_referred": sum(1 for r in children if r[3] is None),
        "weapons_collected": collected,
        "weapons_destroyed": destroyed,
        "weapons_gap": collected - destroyed,
        "ammunition_collected": totals["ac"] or 0,
        "ammunition_gap": (totals["ac"] or 0) - (totals["ad"] or 0),
        "sites": len(sites),
        "capacity": sum(s.capacity for s in sites),
        "occupancy": sum(s.occupancy for s in sites),
        "sites_over_capacity": sum(1 for s in sites if s.occupancy > s.capacity),
    }


def mine_action(mission: Any, user: Any) -> dict[str, Any]:
    areas = verdicts.scoped(HazardArea.objects, user).filter(mission=mission)
    totals = areas.aggregate(a=Sum("area_m2"), c=Sum("cleared_m2"), r=Sum("released_m2"))
    by_status = dict(areas.values_list("status").annotate(n=Count("pk")))
    return {
        "hazard_areas": areas.count(),
        "by_status": {v: by_status.get(v, 0) for v in HazardStatus.values},
        "area_m2": totals["a"] or 0,
        "cleared_m2": totals["c"] or 0,
        "released_m2": totals["r"] or 0,
        "linked_incidents": HazardArea.incidents.through.objects.filter(
            hazardarea__in=areas
        ).count(),
    }


def quick_impact(mission: Any, user: Any) -> dict[str, Any]:
    qips = verdicts.scoped(QuickImpactProject.objects, user).filter(mission=mission)
    totals = qips.exclude(status=QipStatus.CANCELLED).aggregate(
        b=Sum("budget_usd"), n=Sum("beneficiaries")
    )
    by_status = dict(qips.values_list("status").annotate(n=Count("pk")))
    return {
        "projects": qips.count(),
        "by_status": {v: by_status.get(v, 0) for v in QipStatus.values},
        "budget_usd": str(totals["b"] or 0),
        "beneficiaries": totals["n"] or 0,
        "without_humanitarian_coordination": qips.exclude(status=QipStatus.CANCELLED)
        .filter(humanitarian_coordination=False)
        .count(),
    }


def electoral(mission: Any, user: Any) -> dict[str, Any]:
    today = timezone.now().date()
    risks = elections.mission_risks(mission, user, today)
    events = verdicts.scoped(ElectoralEvent.objects, user).filter(mission=mission)
    upcoming = events.filter(starts_on__gte=today).order_by("starts_on").first()
    return {
        "polling_centres": len(risks),
        "registered_voters": sum(r.centre.registered_voters for r in risks),
        "by_risk": dict(Counter(r.level for r in risks)),
        "next_event": str(upcoming) if upcoming else None,
    }


def mission_figures(mission: Any, user: Any) -> dict[str, Any]:
    judged = verdicts.judge_mission(mission, user)
    return {
        "elections": electoral(mission, user),
        "state_authority": state.state_authority(mission, user),
        "rule_of_law": state.rule_of_law(mission, user),
        "mission": mission.code,
        "human_rights": human_rights(mission, user),
        "ddr": ddr(mission, user),
        "mine_action": mine_action(mission, user),
        "quick_impact_projects": quick_impact(mission, user),
        "open_flags": len(verdicts.open_flags(judged)),
    }
