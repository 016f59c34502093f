"""MINUSBEL's benchmarks in the demo (issue 16; Capstone §10.2): readings from the mission and
from independent sources, one indicator the mission reads over-optimistically, one
deterioration the next report must carry, computed readings whose queries run again, and
readiness by area and by province."""

from __future__ import annotations

import datetime

from bluehelmet.benchmarks import computed
from bluehelmet.benchmarks import models as m
from bluehelmet.benchmarks.readiness import latest_assessments
from bluehelmet.benchmarks.verdicts import judge_mission, must_report
from bluehelmet.lifecycle.models import HandoverItem


def flags(demo):
    judged = judge_mission(demo["MINUSBEL"], None)
    return {(j.indicator.name, v.code) for j in judged for v in j.flags}, judged


def test_given_the_demo_then_the_rules_show_on_minusbel(demo):
    found, judged = flags(demo)
    assert ("Civilians killed in the northern provinces", "over-optimism") in found
    assert ("People displaced in Tabassi", "deterioration") in found
    assert ("Provinces with a prefect in post", "few-sources") in found
    assert ("Patrols conducted", "not-outcome") in found
    assert ("Courts sitting in the provinces", "deterioration") not in found
    assert "People displaced in Tabassi" in {j.indicator.name for j in must_report(judged)}
    sources = m.Observation.objects.filter(mission=demo["MINUSBEL"])
    assert sources.filter(independent=True).count() > sources.filter(independent=False).count()


def test_given_the_demo_then_computed_readings_run_again_to_the_same_figure(demo):
    readings = m.Observation.objects.filter(
        mission=demo["MINUSBEL"], source_kind="mission_data", indicator__computation="incidents"
    )
    assert readings.count() == 4
    for reading in readings:
        assert reading.query["admin1"] == "Tabassi"
        assert computed.run(reading.query, None) == reading.value
    assert readings.order_by("observed_on").last().observed_on.isoformat() == "2026-10-31"


def test_given_the_demo_then_readiness_is_assessed_by_area_and_province(demo):
    latest = latest_assessments(demo["MINUSBEL"], None)
    provinces = {a.admin1: a.level for a in latest if a.admin1}
    assert provinces["Bas-Sanvi"] == "ready" and provinces["Tabassi"] == "not_ready"
    assert {a.area for a in latest if a.area} == set(m.BenchmarkArea.values)


def test_given_the_demo_then_bas_sanvi_is_partly_handed_over(demo):
    items = HandoverItem.objects.filter(mission=demo["MINUSBEL"])
    bas_sanvi = items.filter(admin1="Bas-Sanvi")
    assert bas_sanvi.filter(status="handed_over").count() == 2
    assert bas_sanvi.exclude(status="handed_over").count() == 1
    assert set(items.exclude(admin1="Bas-Sanvi").values_list("admin1", flat=True)) == {""}
    assert all(i.task is not None for i in items)


def test_given_the_demo_then_forecast_risk_is_read_from_the_jmac_run(demo):
    mission = demo["MINUSBEL"]
    bench = m.Benchmark.objects.get(mission=mission, code="B1")
    ind = m.Indicator.objects.create(
        benchmark=bench,
        name="Risk of a fatal incident in Tabassi",
        unit="%",
        target=10,
        direction="decrease",
        computation="forecast_risk",
        admin1="Tabassi",
        sensitivity=1,
    )
    query = computed.make_query(ind, datetime.date(2026, 10, 31))
    value = computed.run(query, None)
    assert value is not None and 0 <= value <= 100


def test_given_the_demo_then_lessons_are_linked_to_their_records(demo):
    item = HandoverItem.objects.filter(mission=demo["MINUSBEL"], admin1="Bas-Sanvi").first()
    found = m.LessonLearned.objects.filter(
        links__object_id=item.pk, links__content_type__model="handoveritem"
    )
    assert [lesson.kind for lesson in found] == ["end_of_assignment"]
    # Two from the benchmarks story, two from outreach's (the 2025 team-site attack, issue 19).
    assert m.LessonLearned.objects.filter(mission=demo["MINUSBEL"]).count() == 4
