"""The demo's incident logs, JOC reports and crisis (issue 4, item 6; DESIGN "Demo scenario").

The demo is built once for the module (inside a transaction rolled back at the end); each test
runs in its own savepoint, so the --reset test does not disturb the others.
"""

from __future__ import annotations

import datetime
import json
from collections import Counter
from io import StringIO
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db.models import Count, F, Max, Min, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone

from bluehelmet.core.models import AuditEntry, Mission
from bluehelmet.core.permissions import Sensitivity
from bluehelmet.demo import actors
from bluehelmet.operations.models import (
    Crisis,
    CrisisLogEntry,
    CrisisStatus,
    CrisisTask,
    FlashReport,
    FlashStatus,
    Incident,
    IncidentVerification,
    ReportStatus,
    SituationReport,
    TaskStatus,
    VerificationStatus,
)

ARMED = ["clash-state", "clash-non-state", "territory-change", "remote-violence"]
DRY, RAINY = (11, 12, 1, 2, 3, 4), (6, 7, 8, 9)


def run(*args: str) -> str:
    out = StringIO()
    call_command("demo", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def user(name: str) -> Any:
    return get_user_model().objects.get(username=name)


def monthly(queryset: Any) -> dict[datetime.date, int]:
    rows = (
        queryset.annotate(month=TruncMonth("occurred_at")).values("month").annotate(n=Count("id"))
    )
    return {row["month"].date(): row["n"] for row in rows}


def test_counts_and_variety(demo: dict[str, Mission]) -> None:
    incidents = Incident.objects.filter(mission=demo["MINUSBEL"])
    assert 6000 <= incidents.count() <= 12000
    span = incidents.aggregate(first=Min("occurred_at"), last=Max("occurred_until"))
    assert span["first"].date() >= datetime.date(2023, 4, 1)
    assert span["last"].date() <= datetime.date(2026, 10, 31)
    assert incidents.aggregate(m=Max("occurred_at"))["m"].date() >= datetime.date(2026, 10, 30)
    assert not incidents.filter(h3_r5__isnull=True, latitude__isnull=False).exists()
    assert not incidents.filter(reported_at__lt=F("occurred_at")).exists()
    assert not incidents.filter(civilians_killed__gt=F("killed")).exists()
    assert not incidents.filter(un_personnel_killed__gt=F("killed")).exists()
    used = set(incidents.values_list("category__code", flat=True))
    assert len(used) >= 18
    sensitivity = Counter(incidents.values_list("sensitivity", flat=True))
    assert sensitivity[Sensitivity.UNCLASSIFIED] > 0.75 * incidents.count()
    assert sensitivity[Sensitivity.CONFIDENTIAL] > 100
    assert 20 < sensitivity[Sensitivity.STRICTLY_CONFIDENTIAL] < 0.05 * incidents.count()
    statuses = set(incidents.values_list("verification_status", flat=True))
    assert statuses == set(VerificationStatus.values)
    assert IncidentVerification.objects.filter(incident__mission=demo["MINUSBEL"]).count() > 3000
    assert len(set(incidents.values_list("location_precision", flat=True))) >= 5
    assert len(set(incidents.values_list("date_precision", flat=True))) == 4
    assert len(set(incidents.values_list("source__kind", flat=True))) >= 6
    assert len(set(incidents.values_list("reliability", flat=True))) >= 4


def test_duplicates_point_to_originals(demo: dict[str, Mission]) -> None:
    copies = Incident.objects.filter(mission=demo["MINUSBEL"], duplicate_of__isnull=False)
    assert 50 <= copies.count() <= 600
    assert not copies.filter(duplicate_of__duplicate_of__isnull=False).exists()
    for copy in copies.select_related("duplicate_of")[:50]:
        assert copy.category_id == copy.duplicate_of.category_id
        assert copy.occurred_at == copy.duplicate_of.occurred_at
        assert copy.source_id != copy.duplicate_of.source_id


def test_records_are_valid(demo: dict[str, Mission]) -> None:
    incidents = Incident.objects.select_related(
        "mission", "source", "org_unit", "duplicate_of", "category"
    )
    for incident in incidents.order_by("pk")[::25]:
        incident.full_clean()


def test_armed_violence_follows_the_dry_season(demo: dict[str, Mission]) -> None:
    armed = Incident.objects.filter(mission=demo["MINUSBEL"], category__code__in=ARMED)
    months = monthly(armed)
    dry = [n for month, n in months.items() if month.month in DRY]
    rainy = [n for month, n in months.items() if month.month in RAINY]
    assert sum(dry) / len(dry) > 1.5 * sum(rainy) / len(rainy)


def test_tabassi_escalates_through_2025(demo: dict[str, Mission]) -> None:
    tabassi = Incident.objects.filter(
        mission=demo["MINUSBEL"], admin1=actors.ESCALATION_REGION, duplicate_of__isnull=True
    )
    h2_2024 = tabassi.filter(occurred_at__range=(at(2024, 7, 1), at(2024, 12, 31, 23))).count()
    h2_2025 = tabassi.filter(occurred_at__range=(at(2025, 7, 1), at(2025, 12, 31, 23))).count()
    assert h2_2025 > 2 * h2_2024 > 0
    peak = max(monthly(tabassi).items(), key=lambda item: item[1])[0]
    assert peak == datetime.date(2025, 11, 1)  # the crisis month


def test_elections_bring_demonstrations(demo: dict[str, Mission]) -> None:
    public = Incident.objects.filter(
        mission=demo["MINUSBEL"], category__code__in=["demonstration", "riot"]
    )
    during = public.filter(occurred_at__range=(at(2025, 1, 10), at(2025, 3, 15))).count()
    before = public.filter(occurred_at__range=(at(2024, 1, 10), at(2024, 3, 15))).count()
    assert during > 3 * before


def test_actors_fit_the_categories(demo: dict[str, Mission]) -> None:
    incidents = Incident.objects.filter(mission=demo["MINUSBEL"])
    restrictions = incidents.filter(category__code="movement-restriction")
    assert set(restrictions.values_list("actor1", flat=True)) == {actors.ANP.name}
    on_un = incidents.filter(category__code__startswith="attack-un")
    assert set(on_un.values_list("actor2", flat=True)) == {"MINUSBEL"}
    clashes = incidents.filter(category__code="clash-state")
    fab = actors.FAB.name
    assert not clashes.exclude(Q(actor1=fab) | Q(actor2=fab)).exists()
    non_state = incidents.filter(category__code="clash-non-state")
    assert not non_state.filter(Q(actor1=fab) | Q(actor2=fab)).exists()
    assert not incidents.filter(category__code="natural-hazard").exclude(actor1="").exists()
    hotspots = Counter(incidents.values_list("org_unit__name", flat=True)).most_common(3)
    assert {"Team Site Bolobi", "Team Site Bangassi", "Team Site Kassongé"} == {
        name for name, _n in hotspots
    }


def test_a_crisis_was_opened_by_the_team_site_attack_and_closed(demo: Any) -> None:
    (crisis,) = Crisis.objects.filter(mission=demo["MINUSBEL"])
    assert crisis.status == CrisisStatus.CLOSED
    assert datetime.timedelta(days=18) <= crisis.closed_at - crisis.opened_at
    assert crisis.closed_at - crisis.opened_at <= datetime.timedelta(days=25)
    attack = crisis.incidents.get(category__code="attack-un-personnel", un_personnel_killed__gt=0)
    assert attack.org_unit.name == "Team Site Kassongé"
    assert attack.occurred_at <= crisis.opened_at
    assert crisis.incidents.filter(category__code="attack-civilians").count() >= 10
    entries = list(crisis.log_entries.order_by("logged_at", "pk"))
    assert len(entries) >= 10
    assert entries[0].text.startswith("Crisis opened") and entries[-1].text.startswith(
        "Crisis closed"
    )
    assert all(crisis.opened_at <= e.logged_at <= crisis.closed_at for e in entries)
    statuses = set(crisis.tasks.values_list("status", flat=True))
    assert {TaskStatus.DONE, TaskStatus.IN_PROGRESS, TaskStatus.TODO} <= statuses
    assert not crisis.tasks.filter(assigned_to__isnull=True).exists()
    done = crisis.tasks.filter(status=TaskStatus.DONE)
    assert done.aggregate(m=Max("completed_at"))["m"] <= crisis.closed_at


def test_published_situation_and_flash_reports(demo: dict[str, Mission]) -> None:
    officer = user("minusbel.joc-officer")
    reports = SituationReport.objects.filter(mission=demo["MINUSBEL"])
    assert reports.filter(org_unit__isnull=True).count() >= 30
    assert reports.filter(org_unit__isnull=False).count() >= 6
    assert not reports.exclude(status=ReportStatus.PUBLISHED).exists()
    assert set(reports.values_list("published_by", flat=True)) == {officer.pk}
    for report in reports:
        levels = report.incidents.values_list("sensitivity", flat=True)
        assert max(levels, default=0) <= report.sensitivity <= Sensitivity.CONFIDENTIAL
        assert not report.incidents.filter(duplicate_of__isnull=False).exists()
        assert report.published_at.date() == report.report_date + datetime.timedelta(days=1)
    assert sum(r.incidents.count() for r in reports.filter(org_unit__isnull=True)) > 100
    assert reports.filter(org_unit__isnull=False, incidents__isnull=False).exists()
    flashes = FlashReport.objects.filter(mission=demo["MINUSBEL"], status=FlashStatus.ISSUED)
    assert flashes.count() >= 3
    assert all(f.incident is not None and f.issued_at > f.incident.occurred_at for f in flashes)


def test_unmogto_has_a_handful_of_recent_violations(demo: dict[str, Mission]) -> None:
    violations = Incident.objects.filter(mission=demo["UNMOGTO"])
    assert 3 <= violations.count() <= 12
    start = timezone.now() - datetime.timedelta(days=30)
    assert not violations.filter(occurred_at__lt=start).exists()
    assert not SituationReport.objects.filter(mission=demo["UNMOGTO"]).exists()


def test_incidents_are_restricted_by_mission_and_sensitivity(demo: Any) -> None:
    joc = user("minusbel.joc-officer")
    visible = Incident.objects.restrict(joc)
    assert visible.filter(mission=demo["MINUSBEL"]).exists()
    assert not visible.filter(mission=demo["UNMOGTO"]).exists()
    assert not visible.filter(sensitivity=Sensitivity.STRICTLY_CONFIDENTIAL).exists()
    staff = Incident.objects.restrict(user("minusbel.component-staff"))
    assert staff.exists()
    assert not staff.filter(sensitivity__gte=Sensitivity.CONFIDENTIAL).exists()
    observer = Incident.objects.restrict(user("unmogto.joc-officer"))
    assert set(observer.values_list("mission__code", flat=True)) == {"UNMOGTO"}


def test_one_audit_entry_summarises_the_generated_incidents(demo: Any) -> None:
    summaries = AuditEntry.objects.filter(verb="generate_demo_incidents")
    assert set(summaries.values_list("mission_code", flat=True)) == {"MINUSBEL", "UNMOGTO"}
    big = summaries.get(mission_code="MINUSBEL")
    total = Incident.objects.filter(mission=demo["MINUSBEL"]).count()
    assert big.after["incidents"] == total and big.actor.username == "hq.admin"
    incident_type = ContentType.objects.get_for_model(Incident)
    assert AuditEntry.objects.filter(content_type=incident_type).count() < 10
    assert AuditEntry.objects.filter(verb="publish_situation_report").count() >= 30


def snapshot() -> list[str]:
    """Everything this part of the demo generates, without ids and creation times."""
    queries: list[tuple[Any, tuple[str, ...]]] = [
        (
            Incident.objects,
            (
                "mission__code", "title", "description", "category__code", "occurred_at",
                "occurred_until", "date_precision", "reported_at", "latitude", "longitude",
                "location_precision", "location_name", "admin1", "org_unit__name", "actor1",
                "actor2", "killed", "killed_low", "killed_high", "injured", "abducted",
                "civilians_killed", "un_personnel_killed", "un_personnel_injured",
                "source__name", "reliability", "credibility", "verification_status",
                "sensitivity", "duplicate_of__title", "duplicate_of__reported_at", "h3_r7",
            ),
        ),
        (IncidentVerification.objects, ("incident__title", "time", "status", "note")),
        (
            SituationReport.objects,
            ("report_date", "org_unit__name", "narrative", "sensitivity", "published_at"),
        ),
        (FlashReport.objects, ("title", "summary", "issued_at", "incident__title")),
        (Crisis.objects, ("title", "opened_at", "closed_at", "status")),
        (CrisisLogEntry.objects, ("logged_at", "kind", "text")),
        (CrisisTask.objects, ("title", "status", "due_at", "completed_at")),
    ]  # fmt: skip
    return [
        f"{manager.model.__name__}:{json.dumps(row, default=str, ensure_ascii=False)}"
        for manager, fields in queries
        for row in sorted(manager.values_list(*fields), key=repr)
    ]


def test_rerun_is_a_no_op_and_a_reset_rebuilds_the_same_log(demo: Any) -> None:
    first, audit = snapshot(), AuditEntry.objects.count()
    assert len(first) > 10000
    assert "already loaded" in run()
    assert AuditEntry.objects.count() == audit
    run("--reset")
    assert snapshot() == first
    assert AuditEntry.objects.filter(verb="delete_demo_incidents").count() == 2


def at(year: int, month: int, day: int, hour: int = 0) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, tzinfo=datetime.UTC)
