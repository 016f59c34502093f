"""MINUSBEL's impact, public information and coordination records (Capstone §9.1-9.2, §7.2),
its lessons from the 2025 attack on Team Site Kassongé (§10.2), and a few entries of the
guidance index (Annex 1).

The story: food prices near the Tabassi bases climb past the threshold the mission set in the
autumn of 2026 (a breach for the leadership); a week before the Kassongé escalation a rumour
that MINUSBEL was about to abandon the team site spread in Tabassi, and is linked to the JOC's
incidents that followed; the country team's action on a returns survey is overdue. Records are
authored on the story's calendar and moved with it (``timeline``).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from bluehelmet.benchmarks.lessons import do_link_lesson, reference
from bluehelmet.benchmarks.models import LessonKind, LessonLearned
from bluehelmet.core.models import Mission, OrgUnit, Partner
from bluehelmet.demo import actors as A
from bluehelmet.doctrine import models as dm
from bluehelmet.operations.models import Crisis, Incident
from bluehelmet.outreach import models as m
from bluehelmet.outreach.actions import do_link_rumour_incidents, do_share_with_partner

D = datetime.date
UTC = datetime.UTC
# The guidance index entries the demo adds: marked so that removing the demo finds them.
DEMO_FILE_NOTE = "bluehelmet demo entry"


def _at(*parts: int) -> datetime.datetime:
    return datetime.datetime(*parts, tzinfo=UTC)  # type: ignore[arg-type,misc]


def _unit(mission: Mission, name: str) -> OrgUnit | None:
    return OrgUnit.objects.filter(mission=mission, name=name).first()


# name, kind, measure, unit, location, threshold, breach when, readings (month end, value)
IMPACT = [
    (
        "Price of a 25 kg sack of rice near Field Office Tabassi",
        "economic",
        "local_prices",
        "XAF",
        "Field Office Tabassi",
        18000,
        "above",
        (14500, 15200, 16100, 17000, 19400, 20100),
    ),
    (
        "Water drawn from the Lomassa borehole",
        "environmental",
        "water_use",
        "m³/day",
        "Sector South-East Headquarters",
        120,
        "above",
        (96, 101, 99, 104, 108, 103),
    ),
    (
        "Local hires among casual labourers, Logistics Hub Nzari",
        "economic",
        "local_employment",
        "%",
        "Logistics Hub Nzari",
        60,
        "below",
        (71, 69, 72, 70, 68, 67),
    ),
    (
        "Solid waste burnt in the open, Mission Headquarters",
        "environmental",
        "waste",
        "t/month",
        "Mission Headquarters Mbarenga",
        4,
        "above",
        (3.1, 2.8, 2.2, 1.9, 1.6, 1.4),
    ),
]
MONTH_ENDS = [D(2026, 5, 31), D(2026, 6, 30), D(2026, 7, 31), D(2026, 8, 31), D(2026, 9, 30),
              D(2026, 10, 31)]  # fmt: skip


def build_impact(mission: Mission) -> int:
    made = 0
    for name, kind, measure, unit, place, threshold, when, values in IMPACT:
        location = _unit(mission, place)
        indicator = m.ImpactIndicator(
            mission=mission,
            name=name,
            kind=kind,
            measure=measure,
            unit=unit,
            org_unit=location,
            admin1="" if location else "Tabassi",
            threshold=Decimal(threshold),
            breach_when=when,
        )
        indicator.full_clean()
        indicator.save()
        for day, value in zip(MONTH_ENDS, values, strict=True):
            m.ImpactObservation.objects.create(
                indicator=indicator,
                observed_on=day,
                value=Decimal(str(value)),
                source="Civil Affairs market survey" if kind == "economic" else "Engineering",
            )
            made += 1
    return made


ACTIVITIES = [
    ("radio", "Radio Bel: “Your questions to the Force Commander”", D(2025, 11, 20), "Tabassi",
     "Kassongé", "general", 40000, "Why the team site stays; how to reach the protection site."),
    ("community_meeting", "Meeting with the Kassongé chiefs after the attack", D(2025, 11, 12),
     "Tabassi", "Kassongé", "community_leaders", 60, "The mission stays; the curfew explained."),
    ("visit", "Women mediators' visit to the displaced at Team Site Kassongé", D(2025, 11, 25),
     "Tabassi", "Team Site Kassongé", "displaced", 350, "Reporting abuse; water and shelter."),
    ("campaign", "“Check before you share” campaign", D(2026, 3, 1), "Mbarenga Capital District",
     "Mbarenga", "youth", 12000, "How to check a story about MINUSBEL before passing it on."),
    ("radio", "Radio Bel weekly programme on the hand-over in Bas-Sanvi", D(2026, 9, 18),
     "Bas-Sanvi", "Sanvi-Ville", "general", 25000, "What the police take over and when."),
]  # fmt: skip


def build_activities(mission: Mission) -> int:
    for kind, title, day, area, place, audience, reached, said in ACTIVITIES:
        m.OutreachActivity.objects.create(
            mission=mission,
            kind=kind,
            title=title,
            held_on=day,
            admin1=area,
            place=place,
            audience=audience,
            reached=reached,
            messages=said,
        )
    return len(ACTIVITIES)


def build_rumours(mission: Mission, acting_user: Any) -> int:
    """The rumour that preceded the Kassongé escalation, linked to the JOC's incidents there
    (the attack and the massacre), and two others answered in time or not at all."""
    site = _unit(mission, "Team Site Kassongé")
    lat, lon = (site.latitude, site.longitude) if site else (None, None)
    heard = A.CRISIS_START - datetime.timedelta(days=5, hours=6)
    escalation = m.Rumour.objects.create(
        mission=mission,
        said="MINUSBEL is packing up Team Site Kassongé and will leave the town to the M9J.",
        heard_at=heard,
        admin1="Tabassi",
        place="Kassongé market",
        latitude=lat,
        longitude=lon,
        channel="Word of mouth and WhatsApp voice notes",
        spread=m.Spread.AREA,
        risk=m.Risk.HIGH,
        risk_to=m.RiskTo.BOTH,
        verification=m.Verification.FALSE,
        verification_note="Sector South-East confirmed no move was planned.",
        response="Radio Bel interview with the sector commander; chiefs briefed in person.",
        responded_at=heard + datetime.timedelta(hours=70),
    )
    key = Incident.objects.filter(
        mission=mission,
        admin1=A.ESCALATION_REGION,
        title__in=[
            "Armed attack on Team Site Kassongé",
            "Fuel depot of Team Site Kassongé set on fire",
        ],
    )
    ids = list(key.values_list("pk", flat=True))
    if ids:
        do_link_rumour_incidents(escalation, incident_ids=ids, acting_user=acting_user)
    m.Rumour.objects.create(
        mission=mission,
        said="Blue helmets are buying up all the rice in Tabassi.",
        heard_at=_at(2026, 10, 12, 10),
        admin1="Tabassi",
        place="Ouri",
        latitude=(lat or 0) + 0.2 if lat else None,
        longitude=lon,
        channel="Community liaison assistant",
        spread=m.Spread.LOCAL,
        risk=m.Risk.HIGH,
        risk_to=m.RiskTo.MISSION,
    )
    m.Rumour.objects.create(
        mission=mission,
        said="The election commission will be run by the mission.",
        heard_at=_at(2025, 1, 20, 9),
        admin1="Mbarenga Capital District",
        place="Mbarenga",
        channel="Social media",
        spread=m.Spread.NATIONAL,
        risk=m.Risk.MEDIUM,
        risk_to=m.RiskTo.MISSION,
        verification=m.Verification.FALSE,
        response="Joint statement with the electoral commission.",
        responded_at=_at(2025, 1, 21, 15),
    )
    return 3


def _partners(mission: Mission, *acronyms: str) -> list[Partner]:
    return list(Partner.objects.filter(mission=mission, acronym__in=acronyms))


def build_coordination(mission: Mission, acting_user: Any) -> int:
    """A country-team meeting with an overdue action, a protection cluster meeting, and what
    was shared with partners (OCHA gets unclassified, non-operational information only)."""
    unct = m.CoordinationMeeting.objects.create(
        mission=mission,
        forum=m.Forum.UNCT,
        title="UN country team: returns to Tabassi",
        held_on=D(2026, 9, 15),
        chair="Deputy SRSG / Resident and Humanitarian Coordinator",
        decisions="Returns to Tabassi are supported only where the protection cluster agrees.",
    )
    unct.partners.set(_partners(mission, "UNDP", "UNICEF", "WFP", "UNHCR"))
    m.ActionItem.objects.create(
        meeting=unct,
        text="Share the returns intentions survey for Tabassi",
        owner="UNHCR",
        due_on=D(2026, 10, 10),
    )
    m.ActionItem.objects.create(
        meeting=unct,
        text="Map the schools used as shelters in Kassongé",
        owner="UNICEF",
        due_on=D(2026, 10, 1),
        done_on=D(2026, 9, 28),
    )
    cluster = m.CoordinationMeeting.objects.create(
        mission=mission,
        forum=m.Forum.CLUSTER,
        title="Protection cluster: Tabassi",
        held_on=D(2026, 10, 5),
        chair="UNHCR",
    )
    cluster.partners.set(_partners(mission, "OCHA", "UNHCR"))
    m.ActionItem.objects.create(
        meeting=cluster, text="Agree the access route to Ouri", owner="OCHA", due_on=D(2026, 11, 20)
    )
    for acronym, item in (("OCHA", "Road access map for the Ouri corridor"),
                          ("UNDP", "Prefecture support plan for Bas-Sanvi")):  # fmt: skip
        partner = Partner.objects.filter(mission=mission, acronym=acronym).first()
        if partner is not None:
            do_share_with_partner(
                partner,
                item=item,
                meeting=cluster if acronym == "OCHA" else unct,
                shared_on=D(2026, 10, 6),
                acting_user=acting_user,
            )
    return 2


def build_lessons(mission: Mission, acting_user: Any) -> int:
    """An after-action review of the 2025 attack on Team Site Kassongé, linked to the attack and
    the crisis, and a best-practice note on answering rumours (§10.2)."""
    review = LessonLearned.objects.create(
        mission=mission,
        kind=LessonKind.AFTER_ACTION_REVIEW,
        title="Attack on Team Site Kassongé, November 2025",
        written_on=D(2025, 12, 15),
        summary="M9J fighters attacked the team site at dawn; two peacekeepers were killed and "
        "the fuel depot burnt. About 4,000 people then sought protection at the site.",
        worked="The quick reaction force arrived by helicopter within two hours.",
        change="Treat a rumour that the mission is leaving as an early warning: it preceded the "
        "attack by five days.",
    )
    review.areas.set(dm.TaskCategory.objects.filter(code__in=["protection-of-civilians"]))
    attack = Incident.objects.filter(
        mission=mission, title="Armed attack on Team Site Kassongé"
    ).first()
    crisis = Crisis.objects.filter(mission=mission).order_by("opened_at").first()
    for record in (attack, crisis):
        if record is not None:
            do_link_lesson(review, reference(record), acting_user=acting_user)
    note = LessonLearned.objects.create(
        mission=mission,
        kind=LessonKind.BEST_PRACTICE,
        title="Answering rumours about the mission within a day",
        written_on=D(2026, 2, 10),
        summary="Rumours that the mission was leaving spread fastest where it said nothing.",
        worked="A weekly Radio Bel call-in show and briefing chiefs in person.",
        change="Log every rumour with its area and risk; answer the high-risk ones in 48 hours.",
    )
    note.areas.set(dm.TaskCategory.objects.filter(code="public-information"))
    return 2


# title, series, issued, office, status, summary, principles cited
GUIDANCE = [
    ("United Nations Peacekeeping Operations: Principles and Guidelines", 1000, D(2008, 1, 18),
     "DPKO/DFS", "in_force", "The Capstone Doctrine: the top of the guidance framework.",
     ("consent", "impartiality", "non-use-of-force")),
    ("Handbook on United Nations Multi-dimensional Peacekeeping Operations", 1000, D(2003, 12, 1),
     "DPKO Peacekeeping Best Practices Unit", "in_force",
     "How the components of a multi-dimensional operation work, for newcomers.", ()),
    ("Mission start-up field guide (demo entry)", 2000, D(2010, 8, 1), "DPKO/DFS", "in_force",
     "Steps and checklists from the mandate to initial operating capability.", ("consent",)),
    ("Policy on crisis management in the field (demo entry)", 3000, D(2013, 6, 1), "DPKO/DFS",
     "under_review", "Who decides what when a mission faces a crisis.",
     ("consent", "impartiality")),
    ("Civil affairs policy (demo entry)", 4000, D(2008, 4, 1), "DPKO", "in_force",
     "Civil affairs at the local level: confidence-building and support to state authority.",
     ("consent", "impartiality", "national-local-ownership")),
    ("Aviation manual (demo entry)", 5000, D(2012, 3, 1), "DFS Logistics Support Division",
     "in_force", "Air operations and safety for mission aviation.", ()),
]  # fmt: skip


def build_guidance_index() -> int:
    """A few entries of the index (reference data: written once, kept across demo builds)."""
    made = 0
    for title, series, issued, office, status, summary, cites in GUIDANCE:
        doc, created = dm.GuidanceDocument.objects.get_or_create(
            title=title,
            defaults={
                "series": dm.GuidanceSeries.objects.get(series=series),
                "issued_on": issued,
                "issuing_office": office,
                "status": status,
                "summary": summary,
                "file_reference": DEMO_FILE_NOTE,
            },
        )
        if created:
            doc.principles.set(dm.Principle.objects.filter(code__in=cites))
            made += 1
    return made


def build_demo_outreach(
    missions: dict[str, Mission], acting_user: Any, progress: Callable[[str], None]
) -> None:
    mission = missions.get("MINUSBEL")
    if mission is None:
        return
    readings = build_impact(mission)
    activities = build_activities(mission)
    rumours = build_rumours(mission, acting_user)
    meetings = build_coordination(mission, acting_user)
    lessons = build_lessons(mission, acting_user)
    documents = build_guidance_index()
    progress(
        f"Mission MINUSBEL outreach: {len(IMPACT)} impact indicators ({readings} readings), "
        f"{activities} outreach activities, {rumours} rumours, {meetings} coordination "
        f"meetings, {lessons} lessons; {documents} new guidance index entries."
    )


def delete_outreach(mission: Mission) -> None:
    """The outreach records before the units, partners and incidents they name."""
    for model in (
        m.SharingRecord,
        m.ActionItem,
        m.CoordinationMeeting,
        m.Rumour,
        m.ImpactObservation,
        m.ImpactIndicator,
        m.OutreachActivity,
        m.OutreachVerdictOverride,
    ):
        model.objects.filter(mission=mission).delete()
