"""The demo's story moved to the day it is built (issue 13, ``bluehelmet demo --as-of``).

Built once for this module as of 15 March 2027, 135 days after the authored end, and read as a
JOC officer would on that day: the clock is set to the build moment (the end of that day) for
the checks that read "now".
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from typing import Any
from unittest import mock

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management.base import CommandError
from django.db import models
from django.db.models import Max, Q
from django.test import Client
from django.utils import timezone
from tests.demo_support import build_demo_for_module, run_demo

from bluehelmet.analysis.models import ThreatAssessment
from bluehelmet.core.models import AuditEntry, Mission
from bluehelmet.demo import principles_data
from bluehelmet.demo.timeline import AHEAD, STORY_NOW, story_models
from bluehelmet.forecasting.models import Forecast, ForecastRun
from bluehelmet.mandates.consultations import overdue
from bluehelmet.mandates.models import AuthorisedStrength, DeployedStrength, Mandate
from bluehelmet.operations.models import Incident, SituationReport
from bluehelmet.principles.models import ProtectionAlert

AS_OF = datetime.date(2027, 3, 15)
MOMENT = datetime.datetime(2027, 3, 15, 23, 59, 59, tzinfo=datetime.UTC)  # the build moment
DAY = datetime.timedelta(days=1)


@pytest.fixture(scope="module")
def demo_built(django_db_setup: Any, django_db_blocker: Any) -> Iterator[str]:
    yield from build_demo_for_module(django_db_blocker, "--as-of", AS_OF.isoformat())


@pytest.fixture
def minusbel(demo: dict[str, Mission]) -> Mission:
    return demo["MINUSBEL"]


@pytest.fixture
def on_as_of() -> Iterator[None]:
    """The clock reads the build moment, as just after the build."""
    with mock.patch("django.utils.timezone.now", return_value=MOMENT):
        yield


def situation_page(user: str) -> str:
    client = Client()
    client.force_login(get_user_model().objects.get(username=user))
    response = client.get("/missions/MINUSBEL/now/")
    assert response.status_code == 200
    return response.content.decode()


def test_the_build_says_where_the_story_ends(demo_built: str) -> None:
    assert "Story moved by 135 days: it ends on 2027-03-15." in demo_built


def test_the_newest_incidents_fall_in_the_day_before_the_build(minusbel: Mission) -> None:
    incidents = Incident.objects.filter(mission=minusbel)
    newest = incidents.aggregate(last=Max("occurred_at"))["last"]
    assert MOMENT - DAY < newest <= MOMENT
    assert incidents.filter(occurred_at__gt=MOMENT - DAY).count() >= 3
    assert incidents.filter(occurred_at__gt=MOMENT - 7 * DAY).count() >= 20


@pytest.mark.usefixtures("on_as_of")
def test_the_situation_page_has_the_last_days_consent_and_consultations(
    minusbel: Mission,
) -> None:
    html = situation_page("minusbel.joc-officer")
    day = re.search(r'id="situation-count-day" data-count="(\d+)"', html)
    week = re.search(r'id="situation-count-week" data-count="(\d+)"', html)
    assert day and week and int(day.group(1)) >= 3 and int(week.group(1)) >= 20
    # Yesterday's events are in today's SITREP, published by the time of the build.
    assert 'id="situation-sitrep" data-state="published"' in html
    consent = re.search(r"(\d+) de facto withdrawals? of consent", html)
    assert consent and int(consent.group(1)) >= 1
    consultations = re.search(r"(\d+) overdue consultations?", html)
    assert consultations and int(consultations.group(1)) >= 1
    assert overdue(minusbel, AS_OF)


@pytest.mark.usefixtures("on_as_of")
def test_waiting_alerts_have_waited_as_long_as_in_the_story(minusbel: Mission) -> None:
    authored = {
        (text, int((STORY_NOW - received).total_seconds() // 3600))
        for _key, _source, received, response, _hours, text in principles_data.ALERTS
        if not response
    }
    assert authored
    html = situation_page("minusbel.joc-officer")
    for text, hours in authored:
        alert = ProtectionAlert.objects.get(mission=minusbel, description=text)
        assert f'data-alert="{alert.pk}" data-hours="{hours}"' in html


def test_monthly_records_still_start_on_the_first_of_a_month(minusbel: Mission) -> None:
    months = list(DeployedStrength.objects.filter(mission=minusbel).values_list("month", flat=True))
    assert months and all(m.day == 1 for m in months)
    assert max(months) == datetime.date(2027, 3, 1)
    run = ForecastRun.objects.get(mission=minusbel)
    assert run.origin_month == datetime.date(2027, 2, 1)  # the last complete month
    targets = set(Forecast.objects.filter(run=run).values_list("target_month", flat=True))
    assert targets == {datetime.date(2027, m, 1) for m in (3, 4, 5)}
    assessment = ThreatAssessment.objects.filter(mission=minusbel).order_by("-period_end").first()
    assert assessment is not None and assessment.period_start.day == 1
    assert (assessment.period_end + DAY).day == 1
    assert assessment.period_start <= AS_OF <= assessment.period_end


def test_the_mandate_and_its_strength_are_in_force_on_as_of(minusbel: Mission) -> None:
    in_force = Q(effective_from__lte=AS_OF) & (
        Q(effective_to__isnull=True) | Q(effective_to__gte=AS_OF)
    )
    assert Mandate.objects.filter(in_force, mission=minusbel).count() == 1
    assert AuthorisedStrength.objects.filter(in_force, mission=minusbel).count() == 1
    assert minusbel.mandate_authorised_on < AS_OF


def test_nothing_that_has_happened_lies_after_the_build_moment(minusbel: Mission) -> None:
    for model in story_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, models.DateTimeField) and field.name not in AHEAD:
                top = model._base_manager.aggregate(top=Max(field.name))["top"]
                assert top is None or top <= MOMENT, f"{model._meta.label}.{field.name}"
    days = {
        "operations.SituationReport": "report_date",
        "principles.ConsentEvent": "occurred_on",
        "principles.ConsentAssessment": "as_of",
        "principles.Violation": "occurred_on",
        "principles.ProtectionThreat": "identified_on",
    }
    for label, name in days.items():
        last = apps.get_model(label).objects.filter(mission=minusbel).aggregate(last=Max(name))
        assert last["last"] <= AS_OF, label
    assert SituationReport.objects.filter(mission=minusbel, report_date=AS_OF).exists()


def test_the_newest_incidents_pass_the_models_checks_on_that_day(minusbel: Mission) -> None:
    newest = list(
        Incident.objects.filter(mission=minusbel).order_by("-reported_at", "-occurred_at")[:5]
    )
    with mock.patch("django.utils.timezone.now", return_value=MOMENT):
        for incident in newest:
            incident.full_clean()  # "in the future" would be refused here


def test_sitreps_name_their_moved_day(minusbel: Mission) -> None:
    report = SituationReport.objects.get(mission=minusbel, report_date=AS_OF, org_unit=None)
    assert report.narrative.startswith("Mission-wide, 15 March 2027:")
    assert report.period_end - report.period_start == DAY


def test_the_move_is_in_the_audit_log_whose_times_stay_real(minusbel: Mission) -> None:
    moves = AuditEntry.objects.filter(verb="move_demo_story")
    assert set(moves.values_list("mission_code", flat=True)) == {"MINUSBEL", "UNMOGTO"}
    assert AuditEntry.objects.aggregate(last=Max("time"))["last"] <= timezone.now()


def test_the_observer_mission_follows_the_real_day(demo: dict[str, Mission]) -> None:
    """UNMOGTO's deployment clock runs on the real calendar whatever --as-of says."""
    today = timezone.now().date()
    assert demo["UNMOGTO"].mandate_authorised_on == today - datetime.timedelta(days=24)


def test_an_as_of_before_the_story_ends_is_refused(demo: Any) -> None:
    with pytest.raises(CommandError, match="cannot be earlier than 2026-10-31"):
        run_demo("--reset", "--as-of", "2026-10-30")
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        run_demo("--reset", "--as-of", "15/03/2027")
    assert Mission.objects.filter(code="MINUSBEL").exists()
