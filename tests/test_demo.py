"""The demo scenario: ``bluehelmet demo`` (issue 2, item 8; DESIGN "Demo scenario")."""

from __future__ import annotations

import datetime
import json
from io import StringIO
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from bluehelmet.core.models import (
    AdminArea,
    Assignment,
    AuditEntry,
    Component,
    Contingent,
    ContingentStatus,
    Membership,
    Mission,
    OrgUnit,
    OrgUnitKind,
    Partner,
    PartnerKind,
    Person,
    Post,
    PostRole,
)
from bluehelmet.core.permissions import Sensitivity
from bluehelmet.core.phases import Phase
from bluehelmet.core.roles import DEFAULT_ROLES
from bluehelmet.demo import geography as geo
from bluehelmet.demo import scenario
from bluehelmet.lifecycle.clock import deployment_clock
from bluehelmet.lifecycle.models import PhaseTransition, StartUpMilestone

DEMO_PASSWORD = "demo-pass-1234"
MISSION_ROLES = [r["code"] for r in DEFAULT_ROLES if r["scope"] == "mission"]
HQ_ROLES = [r["code"] for r in DEFAULT_ROLES if r["scope"] == "hq"]


def run(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("demo", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def snapshot() -> list[str]:
    """A sorted dump of everything the demo generates, without ids and timestamps."""
    queries: list[tuple[Any, tuple[str, ...]]] = [
        (AdminArea.objects, ("country", "level", "name", "pcode", "geometry")),
        (
            OrgUnit.objects,
            (
                "mission__code",
                "kind",
                "name",
                "latitude",
                "longitude",
                "admin1",
                "parent__name",
                "established_on",
                "closed_on",
            ),
        ),
        (Post.objects, ("mission__code", "title", "role", "reports_to__title", "is_mlt")),
        (Person.objects, ("mission__code", "full_name", "nationality", "category", "email")),
        (Assignment.objects, ("post__title", "person__full_name", "start_date", "end_date")),
        (
            Contingent.objects,
            (
                "mission__code",
                "name",
                "country__iso3",
                "strength",
                "status",
                "arrival_date",
                "org_unit__name",
            ),
        ),
        (Partner.objects, ("mission__code", "name", "kind", "focal_point", "sensitivity")),
        (PhaseTransition.objects, ("mission__code", "to_phase", "effective_on", "overridden")),
        (StartUpMilestone.objects, ("mission__code", "kind", "achieved_on")),
    ]
    return [
        f"{manager.model.__name__}:{json.dumps(row, default=str, ensure_ascii=False)}"
        for manager, fields in queries
        for row in sorted(manager.values_list(*fields), key=repr)
    ]


def test_builds_both_missions_on_an_empty_database(demo: dict[str, Mission]) -> None:
    big, small = demo["MINUSBEL"], demo["UNMOGTO"]
    assert big.mission_type == "multidimensional" and small.mission_type == "traditional"
    assert big.host_country == "XBN" and big.host_country_name == "Belnara"
    kinds = set(Component.objects.filter(mission=big).values_list("kind", flat=True))
    assert kinds == {"military", "police", "civilian", "support"}
    units = OrgUnit.objects.filter(mission=big)
    assert units.filter(kind=OrgUnitKind.MISSION_HQ).count() == 1
    assert 3 <= units.filter(kind=OrgUnitKind.SECTOR_HQ).count() <= 4
    assert 8 <= units.filter(kind=OrgUnitKind.TEAM_SITE).count() <= 15
    for kind in (OrgUnitKind.FIELD_OFFICE, OrgUnitKind.LIAISON_OFFICE, OrgUnitKind.LOGISTICS_HUB):
        assert units.filter(kind=kind).exists()
    assert not units.filter(established_on__isnull=True).exists()


def test_geography_tiles_the_country_and_units_sit_in_their_regions(demo: Any) -> None:
    country = AdminArea.objects.get(country="XBN", level=0)
    regions = AdminArea.objects.filter(country="XBN", level=1)
    assert 6 <= regions.count() <= 8
    outline = [tuple(p) for p in country.geometry["coordinates"][0]]
    total = sum(geo.ring_area([tuple(p) for p in r.geometry["coordinates"][0]]) for r in regions)
    assert total == pytest.approx(geo.ring_area(outline), rel=1e-9)
    for area in AdminArea.objects.filter(country__in=scenario.DEMO_COUNTRIES):
        ring = area.geometry["coordinates"][0]
        assert area.geometry["type"] == "Polygon" and len(ring) < 200
        assert ring[0] == ring[-1] and geo.ring_area([tuple(p) for p in ring]) > 0
        assert all(17 <= lon <= 27 and 1 <= lat <= 15 for lon, lat in ring)
    by_name = {a.name: a for a in AdminArea.objects.filter(level=1)}
    for unit in OrgUnit.objects.all():
        ring = by_name[unit.admin1].geometry["coordinates"][0]
        assert geo.contains(ring, unit.longitude, unit.latitude), unit.name


def test_leadership_posts_and_reporting_lines(demo: dict[str, Mission]) -> None:
    posts = Post.objects.filter(mission=demo["MINUSBEL"])
    roles = set(posts.values_list("role", flat=True))
    doctrinal = {
        PostRole.HOM,
        PostRole.DSRSG,
        PostRole.DSRSG_RC_HC,
        PostRole.FORCE_COMMANDER,
        PostRole.POLICE_COMMISSIONER,
        PostRole.CHIEF_MISSION_SUPPORT,
        PostRole.CHIEF_OF_STAFF,
        PostRole.CHIEF_SECURITY_ADVISER,
        PostRole.CHIEF_JOC,
        PostRole.CHIEF_JMAC,
        PostRole.CHIEF_JLOC,
        PostRole.CHIEF_PUBLIC_INFORMATION,
        PostRole.CONDUCT_DISCIPLINE,
        PostRole.SECTOR_COMMANDER,
        PostRole.HEAD_OF_OFFICE,
    }
    assert doctrinal <= roles
    hom = posts.get(role=PostRole.HOM)
    assert hom.is_designated_official and hom.is_mlt and hom.reports_to is None
    assert posts.get(role=PostRole.FORCE_COMMANDER).reports_to == hom
    assert posts.get(role=PostRole.CHIEF_JMAC).reports_to.role == PostRole.CHIEF_OF_STAFF
    assert posts.filter(is_mlt=True).count() >= 7
    assert not posts.exclude(pk=hom.pk).filter(reports_to__isnull=True).exists()
    today = timezone.now().date()
    past = Assignment.objects.filter(mission=demo["MINUSBEL"], end_date__lt=today)
    assert past.filter(post__role=PostRole.FORCE_COMMANDER).exists()  # a past rotation
    current = Assignment.objects.current().filter(mission=demo["MINUSBEL"])
    assert current.filter(post__role=PostRole.FORCE_COMMANDER).count() == 1
    nationalities = set(
        Person.objects.exclude(nationality="").values_list("nationality", flat=True)
    )
    assert len(nationalities) >= 8


def test_contingents_and_partners(demo: dict[str, Mission]) -> None:
    contingents = Contingent.objects.filter(mission=demo["MINUSBEL"])
    assert {"BGD", "PAK", "RWA", "NPL", "EGY", "SEN", "IDN", "ZMB", "MAR", "BFA", "MRT"} <= set(
        contingents.values_list("country__iso3", flat=True)
    )
    statuses = set(contingents.values_list("status", flat=True))
    assert {
        ContingentStatus.DEPLOYED,
        ContingentStatus.PLEDGED,
        ContingentStatus.DEPLOYING,
    } <= statuses
    deployed = contingents.filter(status=ContingentStatus.DEPLOYED)
    assert not deployed.filter(org_unit__isnull=True).exists()
    assert not deployed.filter(operational_control__isnull=True).exists()
    fpu = contingents.filter(unit_type="formed_police_unit").first()
    assert fpu is not None and fpu.operational_control is not None
    assert fpu.operational_control.role == PostRole.POLICE_COMMISSIONER
    partners = Partner.objects.filter(mission=demo["MINUSBEL"])
    assert {"UNDP", "UNICEF", "WFP", "UNHCR", "OCHA", "ICRC", "WB", "AU"} <= set(
        partners.values_list("acronym", flat=True)
    )
    assert set(PartnerKind.values) == set(partners.values_list("kind", flat=True))
    assert partners.get(acronym="ICRC").is_humanitarian
    assert partners.filter(sensitivity=Sensitivity.CONFIDENTIAL).exists()


def test_lifecycle_history_passes_the_ioc_gates_and_records_the_override(demo: Any) -> None:
    big = demo["MINUSBEL"]
    history = list(PhaseTransition.objects.filter(mission=big).order_by("effective_on"))
    assert [t.to_phase for t in history][-1] == Phase.MANDATE_IMPLEMENTATION
    assert big.phase == Phase.MANDATE_IMPLEMENTATION
    ioc = next(t for t in history if t.to_phase == Phase.IOC)
    assert not ioc.overridden and all(check["passed"] for check in ioc.gate_report)
    foc = next(t for t in history if t.to_phase == Phase.FOC)
    assert foc.overridden and "Zambian" in foc.override_reason
    assert all(t.decided_by.username == "hq.admin" for t in history)
    clock = deployment_clock(big)
    assert clock.status == "met" and clock.elapsed_days == 83
    small = demo["UNMOGTO"]
    assert small.phase == Phase.COMPONENT_START_UP
    assert deployment_clock(small).status == "running"


def test_changes_are_in_the_audit_log_under_the_demo_admin(demo: Any) -> None:
    entries = AuditEntry.objects.filter(mission_code="MINUSBEL")
    assert entries.filter(action="create", actor__username="hq.admin").count() > 100
    assert entries.filter(verb="transition_mission_phase").count() == 6


def test_two_builds_are_identical(demo: Any) -> None:
    first = snapshot()
    run("--reset")
    assert snapshot() == first
    assert len(first) > 150


def test_environment_password_lets_a_demo_user_log_in(demo: Any, client: Any) -> None:
    assert client.login(username="minusbel.joc-officer", password=DEMO_PASSWORD)
    assert not client.login(username="minusbel.joc-officer", password="wrong")
    user = get_user_model().objects.get(username="minusbel.joc-officer")
    assert Membership.objects.get(user=user).role.code == "joc-officer"


def test_observer_mission_user_cannot_see_the_big_mission(demo: Any) -> None:
    observer = get_user_model().objects.get(username="unmogto.joc-officer")
    assert list(Mission.objects.restrict(observer).values_list("code", flat=True)) == ["UNMOGTO"]
    assert not OrgUnit.objects.restrict(observer).filter(mission__code="MINUSBEL").exists()
    assert not Partner.objects.restrict(observer).filter(mission__code="MINUSBEL").exists()
    planner = get_user_model().objects.get(username="hq.planner")
    assert Mission.objects.restrict(planner).count() == 2


def test_rerun_changes_nothing(demo: Any) -> None:
    before, audit = snapshot(), AuditEntry.objects.count()
    out, _err = run()
    assert "already loaded" in out
    assert snapshot() == before and AuditEntry.objects.count() == audit
    document = json.loads(run("--json")[0])
    # HQ roles, every mission role in each mission, a French speaker each, the superuser.
    assert document["password"] is None and len(document["users"]) == 25


def test_observer_dates_follow_today(demo: dict[str, Mission]) -> None:
    small = demo["UNMOGTO"]
    assert small.mandate_authorised_on == timezone.now().date() - datetime.timedelta(days=24)
    assert demo["MINUSBEL"].mandate_authorised_on == datetime.date(2023, 3, 14)
