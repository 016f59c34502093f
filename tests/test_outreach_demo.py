"""MINUSBEL's outreach records in the demo (Capstone §9.1-9.2, §7.2, §10.2, Annex 1): one impact
breach near the Tabassi base, the rumour that preceded the Kassongé escalation linked to the
JOC's incidents, an overdue country-team action, the lessons of the 2025 team-site attack and a
guidance index with a flagged entry. The demo is built once for the module."""

from __future__ import annotations

from bluehelmet.benchmarks.models import LessonLearned, LessonLink
from bluehelmet.doctrine.index import judge
from bluehelmet.doctrine.models import GuidanceDocument
from bluehelmet.operations.models import Incident
from bluehelmet.outreach import models as m
from bluehelmet.outreach.verdicts import judge_actions, judge_impact, open_flags


def test_given_the_demo_then_one_impact_indicator_is_breached_near_tabassi(demo):
    breached = [j.record for j in open_flags(judge_impact(demo["MINUSBEL"], None))]
    assert [i.org_unit.name for i in breached] == ["Field Office Tabassi"]
    assert breached[0].latitude is not None


def test_given_the_demo_then_the_rumour_preceded_the_kassonge_escalation(demo):
    rumour = m.Rumour.objects.get(mission=demo["MINUSBEL"], said__contains="Team Site Kassongé")
    titles = set(rumour.incidents.values_list("title", flat=True))
    assert "Armed attack on Team Site Kassongé" in titles
    first = Incident.objects.get(
        mission=demo["MINUSBEL"], title="Armed attack on Team Site Kassongé"
    )
    assert rumour.heard_at < first.occurred_at and rumour.hours_to_respond == 70.0


def test_given_the_demo_then_the_country_team_has_an_overdue_action(demo):
    overdue = {j.record.text for j in open_flags(judge_actions(demo["MINUSBEL"], None))}
    assert "Share the returns intentions survey for Tabassi" in overdue
    assert "Map the schools used as shelters in Kassongé" not in overdue
    shared = m.SharingRecord.objects.filter(mission=demo["MINUSBEL"], partner__acronym="OCHA")
    assert [s.item_class for s in shared] == [0]


def test_given_the_demo_then_the_attack_has_its_lessons_and_the_index_a_flag(demo):
    attack = Incident.objects.get(
        mission=demo["MINUSBEL"], title="Armed attack on Team Site Kassongé"
    )
    links = LessonLink.objects.filter(object_id=attack.pk, content_type__model="incident")
    titles = {link.lesson.title for link in links}
    assert titles == {"Attack on Team Site Kassongé, November 2025"}
    note = LessonLearned.objects.get(kind="best_practice", mission=demo["MINUSBEL"])
    assert list(note.areas.values_list("code", flat=True)) == ["public-information"]
    flagged = [d.title for d in GuidanceDocument.objects.all() if judge(d).flagged]
    assert flagged == ["Aviation manual (demo entry)"]
