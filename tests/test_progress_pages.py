"""Benchmark pages (issue 16; Capstone §10.1-10.2): progress by benchmark with charts and
verdicts, decisions and computed readings from the page, readiness by area and on the map,
record forms pinned to their parent's mission; other missions' records answer 404."""

from __future__ import annotations

from typing import Any

import pytest
from tests.operations_support import at, incident
from tests.pages_support import client_for
from tests.progress_support import D, benchmark, indicator, observe, optimistic_indicator

from bluehelmet.benchmarks import models as m
from bluehelmet.core.models import AdminArea

pytestmark = pytest.mark.django_db

SQUARE = {"type": "Polygon", "coordinates": [[[18, 4], [19, 4], [19, 5], [18, 5], [18, 4]]]}


def test_the_progress_page_draws_readings_and_marks_flags(mission: Any, make_user: Any) -> None:
    ind = optimistic_indicator(mission)
    web = client_for(make_user("head-of-mission", mission))
    page = web.get(f"/missions/{mission.code}/benchmarks/").content.decode()
    assert "<svg" in page and "<polyline" in page and "Conflict research institute" in page
    assert "Over-optimistic in the last 2 comparisons" in page
    assert 'id="must-report-none"' in page
    response = web.post(
        f"/missions/{mission.code}/benchmarks/override/",
        {
            "rule": "over-optimism",
            "subject": f"indicator:{ind.pk}",
            "decision": "dismissed",
            "reason": "Survey wave <b>delayed</b>",
        },
    )
    assert response.status_code == 302
    page = web.get(f"/missions/{mission.code}/benchmarks/").content.decode()
    assert "flagged, dismissed" in page and "&lt;b&gt;delayed&lt;/b&gt;" in page


def test_a_deterioration_is_listed_for_the_report(mission: Any, make_user: Any) -> None:
    ind = indicator(benchmark(mission), "Displaced people", direction="decrease")
    observe(ind, D(2026, 3, 31), 100, "un_country_team", "UNHCR")
    observe(ind, D(2026, 6, 30), 160, "un_country_team", "UNHCR")
    web = client_for(make_user("head-of-mission", mission))
    page = web.get(f"/missions/{mission.code}/benchmarks/").content.decode()
    assert 'id="must-report"' in page and "Displaced people" in page


def test_a_reading_is_computed_from_the_page(mission: Any, make_user: Any) -> None:
    ind = indicator(benchmark(mission), "Incidents", computation="incidents")
    incident(mission, occurred_at=at(2026, 10, 1))
    web = client_for(make_user("head-of-mission", mission))
    response = web.post(
        f"/missions/{mission.code}/benchmarks/compute/",
        {"indicator": ind.pk, "observed_on": "2026-10-31"},
    )
    assert response.status_code == 302
    obs = m.Observation.objects.get(indicator=ind)
    assert obs.value == 1 and obs.query["end"] == "2026-10-31"


def test_the_readiness_page_draws_the_map(mission: Any, make_user: Any) -> None:
    AdminArea.objects.create(country=mission.host_country, level=1, name="Bangui", geometry=SQUARE)
    m.ReadinessAssessment.objects.create(
        mission=mission,
        admin1="Bangui",
        level="partly_ready",
        assessed_on=D(2026, 9, 1),
        rationale="Police back in two of five districts.",
    )
    m.ReadinessAssessment.objects.create(
        mission=mission,
        area="security",
        level="not_ready",
        assessed_on=D(2026, 9, 1),
        rationale="Armed groups active.",
    )
    web = client_for(make_user("head-of-mission", mission))
    page = web.get(f"/missions/{mission.code}/readiness/").content.decode()
    assert 'data-area="Bangui" data-level="partly_ready"' in page
    assert "Armed groups active." in page and "Police back in two of five districts." in page


def test_record_pages_and_forms(mission: Any, other_mission: Any, make_user: Any) -> None:
    bench = benchmark(mission)
    web = client_for(make_user("head-of-mission", mission))
    assert web.get("/benchmarks/").status_code == 200
    assert web.get(f"/benchmarks/{bench.pk}/").status_code == 200
    form = web.get(f"/indicators/add/?benchmark={bench.pk}")
    assert form.status_code == 200
    made = web.post(
        "/indicators/add/",
        {
            "benchmark": bench.pk,
            "name": "Courts open",
            "level": "outcome",
            "unit": "courts",
            "target": "12",
            "direction": "increase",
            "sensitivity": 0,
        },
    )
    assert made.status_code == 302, made.content.decode()[:2000]
    assert m.Indicator.objects.get(name="Courts open").mission == mission
    for url in ("/indicators/", "/observations/", "/readiness-assessments/"):
        assert web.get(url).status_code == 200
    foreign = benchmark(other_mission)
    assert web.get(f"/benchmarks/{foreign.pk}/").status_code == 404
    assert web.get(f"/indicators/add/?benchmark={foreign.pk}").status_code == 404
    assert web.get(f"/missions/{other_mission.code}/benchmarks/").status_code == 404
