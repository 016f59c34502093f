"""The demo's mandate histories and strength series (issue 3, item 8; Capstone §1.4, §4.2-4.3)."""

from __future__ import annotations

import datetime
import itertools
import json
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.utils import timezone

from bluehelmet.core.models import AuditEntry, Contingent, ContingentStatus
from bluehelmet.demo import mandates as demo_mandates
from bluehelmet.doctrine.models import TaskGroup, TaskType
from bluehelmet.mandates.consultations import overdue
from bluehelmet.mandates.gap import POC_TAMM_FLAG, Thresholds, gap_flags, gap_series
from bluehelmet.mandates.history import history
from bluehelmet.mandates.models import (
    AuthorisedStrength,
    Consultation,
    ConsultationStatus,
    ConsultationTrigger,
    DataSource,
    DeployedStrength,
    Mandate,
    MandatedTask,
    Resolution,
)

D = datetime.date


@pytest.fixture(autouse=True)
def demo_password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BLUEHELMET_DEMO_PASSWORD", "demo-pass-1234")


def run(*args: str) -> str:
    out = StringIO()
    call_command("demo", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def mandate_snapshot() -> list[str]:
    """Every mandate-side record of the demo, without ids and timestamps."""
    queries: list[tuple[Any, tuple[str, ...]]] = [
        (Resolution.objects, ("number", "adopted_on", "chapter_vii", "title", "source")),
        (
            Mandate.objects,
            (
                "mission__code",
                "version",
                "resolution__number",
                "effective_from",
                "effective_to",
                "chapter_vii",
                "all_necessary_means",
                "summary",
                "diff",
            ),
        ),
        (MandatedTask.objects, ("mandate__mission__code", "mandate__version", "task_type__code")),
        (
            AuthorisedStrength.objects,
            ("mission__code", "resolution__number", "effective_from", "effective_to", "troops"),
        ),
        (AuthorisedStrength.objects, ("mission__code", "police", "military_observers")),
        (DeployedStrength.objects, ("mission__code", "month", "troops", "police")),
        (DeployedStrength.objects, ("mission__code", "month", "military_observers")),
        (
            Consultation.objects,
            ("mission__code", "trigger", "due_on", "held_on", "summary", "reason"),
        ),
        (Consultation.objects, ("mission__code", "due_on", "countries__iso3")),
    ]
    return [
        f"{manager.model.__name__}:{json.dumps(row, default=str, ensure_ascii=False)}"
        for manager, fields in queries
        for row in sorted(manager.values_list(*fields), key=repr)
    ]


def versions(code: str) -> list[Mandate]:
    return list(Mandate.objects.filter(mission__code=code).order_by("version"))


def test_minusbel_has_a_robust_poc_mandate_over_several_resolutions(demo: Any) -> None:
    mandates = versions("MINUSBEL")
    assert len(mandates) >= 3
    assert [m.resolution.number for m in mandates] == list(demo_mandates.MINUSBEL_RESOLUTIONS)
    assert all(m.resolution.number > 2900 and m.source == DataSource.DEMO for m in mandates)
    first = mandates[0]
    assert first.effective_from == demo["MINUSBEL"].mandate_authorised_on == D(2023, 3, 14)
    assert first.chapter_vii and first.all_necessary_means and first.resolution.chapter_vii
    poc = first.tasks.get(task_type__tamm_flag=POC_TAMM_FLAG)
    assert poc.priority == "priority"
    codes = {t.task_type.code for t in first.tasks.all()}
    assert {"ddr-assistance", "children-protection", "women-protection"} <= codes
    # Each version ends the day before the next begins; the last one is in force.
    for before, after in itertools.pairwise(mandates):
        assert before.effective_to == after.effective_from - datetime.timedelta(days=1)
    assert mandates[-1].effective_to is None


def test_the_change_version_lists_added_and_removed_tasks(demo: Any) -> None:
    diffs = [m.diff for m in versions("MINUSBEL")]
    change = diffs[2]
    assert change["tasks_added"] == sorted(demo_mandates.ELECTORAL_ADDED)
    assert {"election-assistance", "security-sector-reform"} <= set(change["tasks_added"])
    assert change["tasks_removed"] == ["ceasefire-monitoring"]
    assert diffs[1] == diffs[3] == {"tasks_added": [], "tasks_removed": []}
    rows = history(demo["MINUSBEL"])
    assert rows[2]["tasks_removed"] == "ceasefire-monitoring"
    assert [r["authorised_troops"] for r in rows] == [4300, 4300, 5100, 4400]
    entries = AuditEntry.objects.filter(mission_code="MINUSBEL", verb="change_mandate")
    assert entries.count() == 4
    assert set(entries.values_list("actor__username", flat=True)) == {"hq.admin"}


def test_gap_flags_the_troop_shortfall_of_the_poc_mandate(demo: Any) -> None:
    flags = gap_flags(gap_series(demo["MINUSBEL"]), Thresholds.from_settings())
    troops = [f for f in flags if f.category == "troops" and f.months >= 6]
    assert len(troops) == 1
    shortfall = troops[0]
    assert (shortfall.start, shortfall.end) == (D(2025, 4, 1), D(2026, 3, 1))
    assert shortfall.mean_ratio < 0.8
    assert "Chapter VII protection-of-civilians" in shortfall.explanation
    # The lower ceiling of resolution 2987 ends it: no troop flag after the recovery.
    assert not [f for f in flags if f.category == "troops" and f.end > D(2026, 3, 1)]
    police = [f for f in flags if f.category == "police" and f.start >= D(2025, 1, 1)]
    assert len(police) == 1 and police[0].end == demo_mandates.MINUSBEL_LAST_MONTH
    assert not [f for f in flags if f.category == "military_observers" and f.end > D(2024, 1, 1)]


def test_deployed_series_is_monthly_and_matches_the_contingents(demo: Any) -> None:
    months = list(
        DeployedStrength.objects.filter(mission=demo["MINUSBEL"]).values_list("month", flat=True)
    )
    expected = demo_mandates.months(D(2023, 4, 1), D(2026, 10, 1))
    assert months == expected and len(months) == 43
    last = DeployedStrength.objects.get(mission=demo["MINUSBEL"], month=D(2026, 10, 1))
    contingents = Contingent.objects.filter(
        mission=demo["MINUSBEL"], status=ContingentStatus.DEPLOYED
    )
    listed = sum(contingents.values_list("strength", flat=True))
    assert 0.85 <= (last.troops + last.police) / listed <= 1.2
    periods = AuthorisedStrength.objects.filter(mission=demo["MINUSBEL"])
    assert periods.count() == 4 and set(periods.values_list("source", flat=True)) == {"demo"}
    assert all(p.resolution is not None for p in periods)


def test_consultations_held_and_overdue(demo: Any) -> None:
    big = demo["MINUSBEL"]
    consultations = list(Consultation.objects.filter(mission=big))
    statuses = [c.status for c in consultations]
    assert statuses.count(ConsultationStatus.HELD) >= 4
    late = overdue(big)
    assert [c.trigger for c in late] == [ConsultationTrigger.DRAWDOWN]
    assert late[0].countries.filter(iso3="BGD").exists()
    assert not late[0].countries.filter(iso3="XBN").exists()
    by_mandate = Consultation.objects.filter(mission=big, mandate__isnull=False)
    assert by_mandate.count() == 4 and not by_mandate.filter(held_on__isnull=True).exists()
    assert all(c.summary for c in consultations if c.held_on)
    first = by_mandate.get(mandate__version=1)
    assert not first.countries.filter(iso3__in=["ZMB", "MRT"]).exists()
    assert late[0].countries.filter(iso3__in=["ZMB", "MRT"]).count() == 2


def test_unmogto_has_one_traditional_mandate(demo: Any) -> None:
    small = demo["UNMOGTO"]
    (mandate,) = versions("UNMOGTO")
    assert not mandate.chapter_vii and not mandate.all_necessary_means
    assert mandate.effective_from == small.mandate_authorised_on
    assert mandate.resolution.number == demo_mandates.UNMOGTO_RESOLUTION
    types = TaskType.objects.filter(mandated_tasks__mandate=mandate)
    assert set(types.values_list("code", flat=True)) == {
        "ceasefire-monitoring",
        "buffer-zone-monitoring",
        "liaison-with-parties",
    }
    assert set(types.values_list("category__group", flat=True)) == {TaskGroup.TRADITIONAL}
    authorised = AuthorisedStrength.objects.get(mission=small)
    assert authorised.military_observers == 40 and authorised.police is None
    today = timezone.now().date()
    series = list(DeployedStrength.objects.filter(mission=small))
    assert [d.month for d in series] == demo_mandates.months(small.mandate_authorised_on, today)
    assert series[-1].military_observers == 20  # Ghana, Uruguay and Indonesia have arrived
    (consultation,) = Consultation.objects.filter(mission=small)
    assert consultation.status == ConsultationStatus.DUE


def test_two_builds_are_identical_and_a_rerun_changes_nothing(demo: Any) -> None:
    first = mandate_snapshot()
    assert len(first) > 150
    audit = AuditEntry.objects.count()
    assert "already loaded" in run()
    assert mandate_snapshot() == first and AuditEntry.objects.count() == audit
    run("--reset")
    assert mandate_snapshot() == first
