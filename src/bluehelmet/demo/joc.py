"""MINUSBEL's Joint Operations Centre products in the demo: key events, SITREPs, flash reports,
and the Kassongé crisis (Capstone §7.2: the JOC reports the mission's situation and is its crisis
coordination hub).

Everything goes through the ``do_`` actions a JOC officer would use, acting as the demo's
``minusbel.joc-officer`` (whose confidential clearance decides what the SITREPs may include).
The actions stamp the current time; the demo then sets the historical time of publication,
issue and closure, since it replays the past.
"""

from __future__ import annotations

import datetime
from collections import Counter
from typing import Any

from django.core.exceptions import ValidationError

from bluehelmet.core.context import acting_as
from bluehelmet.core.errors import ActionError
from bluehelmet.core.models import Mission, OrgUnit, OrgUnitKind, Post
from bluehelmet.demo import actors as A
from bluehelmet.demo.events import END, SOURCE_PLANS, Draft, Generator, Spot, toll
from bluehelmet.demo.users import DemoUser, add_memberships, mission_username
from bluehelmet.operations.actions import (
    do_close_crisis,
    do_compile_situation_report,
    do_issue_flash_report,
    do_open_crisis,
    do_publish_situation_report,
)
from bluehelmet.operations.models import (
    CategoryGroup,
    Crisis,
    CrisisLogEntry,
    CrisisTask,
    FlashReport,
    Incident,
    LogEntryKind,
    SituationReport,
    TaskStatus,
    VerificationStatus,
)

UTC = datetime.UTC
H = datetime.timedelta(hours=1)
DAY = datetime.timedelta(days=1)
SITREP_DAYS = 30  # daily mission-wide SITREPs up to the end of the period
SECTOR_SITREP_DAYS = 3


def _at(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, minute, tzinfo=UTC)


def _create(model: type[Any], **fields: Any) -> Any:
    obj = model(**fields)
    obj.full_clean()
    obj.save()
    return obj


# -- scripted key events ---------------------------------------------------------------------


def _event(gen: Generator, key: str, when: datetime.datetime, spot: Spot, *spec: Any) -> Draft:
    category, one, two, source, title, counts, sensitivity = spec
    draft = gen.make(category, when, spot, one, two, source=source)
    draft.key, draft.title = key, title
    draft.counts = {"killed": 0, "injured": 0, "abducted": 0, **counts}
    draft.description = f"{title}. {toll(draft.counts)}"
    draft.occurred_at, draft.occurred_until, draft.date_precision = when, None, 1
    draft.killed_range = None
    draft.reported_at = when + 40 * datetime.timedelta(minutes=1)
    draft.reliability = SOURCE_PLANS[source].reliability
    draft.verification, draft.credibility = VerificationStatus.VERIFIED, 1
    draft.steps = [
        (
            VerificationStatus.VERIFIED,
            VerificationStatus.UNVERIFIED,
            when + DAY,
            "Confirmed on site.",
        )
    ]
    draft.sensitivity = sensitivity
    return draft


def key_events(gen: Generator) -> list[Draft]:
    """The events the scenario is built around; the flash reports and the crisis refer to them."""
    places = gen.places
    town = places.towns
    village, village_point = places.villages["Kassongé"][0]
    tirkou_village, tirkou_point = places.villages["Tirkou"][0]
    team_site = Spot(
        town["Kassongé"][0], "Tabassi", "at Team Site Kassongé", "Team Site Kassongé", 1
    )
    capital = Spot(town["Mbarenga"][0], "Mbarenga Capital District", "in Mbarenga", "Mbarenga", 1)
    S = A.CRISIS_START
    road = places.on_road(gen.rng, "MSR-3 Mekondé-Bolobi")
    # fmt: off
    return [
        _event(gen, "ied-2024", _at(2024, 3, 14, 6, 20), road, "explosive-hazard", A.UNKNOWN,
               A.MINUSBEL, "mil-w",
               "IED strike on a MINUSBEL logistics convoy on the MSR-3",
               {"injured": 3, "un_personnel_injured": 3}, 0),
        _event(gen, "election", _at(2025, 2, 16, 18), capital, "political-development", A.GOV,
               A.RDB, "radio", "Presidential election held; turnout 61 percent", {}, 0),
        _event(gen, "riot-2025", _at(2025, 2, 27, 15, 30), capital, "riot", A.RDB, A.PNB, "unpol",
               "Riot in Mbarenga after the provisional election results",
               {"killed": 4, "civilians_killed": 4, "injured": 38}, 0),
        _event(gen, "fall-of-village", _at(2025, 7, 19, 5), Spot(village_point, "Tabassi",
               f"in {village}", village, 1), "territory-change", A.M9J, A.FAB, "mil-se",
               f"M9J take control of {village}, south of Kassongé", {"killed": 6}, 0),
        _event(gen, "ts-attack", S, team_site, "attack-un-personnel", A.M9J, A.MINUSBEL, "mil-se",
               "Armed attack on Team Site Kassongé",
               {"killed": 9, "injured": 11, "un_personnel_killed": 2,
                "un_personnel_injured": 7}, 0),
        _event(gen, "ts-fire", S + 50 * H / 60, team_site, "attack-un-premises", A.M9J,
               A.MINUSBEL, "mil-se", "Fuel depot of Team Site Kassongé set on fire", {}, 0),
        _event(gen, "massacre", S + 2 * DAY - 80 * H / 60, Spot(village_point, "Tabassi",
               f"in {village}", village, 1), "attack-civilians", A.M9J, A.CIVILIANS, "hrd",
               f"Massacre of civilians in {village}",
               {"killed": 37, "civilians_killed": 37, "injured": 22, "abducted": 9}, 0),
        _event(gen, "displaced", S + 3 * DAY, team_site, "poc-threat", A.M9J, A.CIVILIANS,
               "protect", "About 4,000 displaced people seek protection at Team Site Kassongé",
               {}, 0),
        _event(gen, "convoy", S + 6 * DAY, Spot(town["Ouri"][0], "Tabassi", "at Ouri", "Ouri", 1),
               "humanitarian-access", A.M9J, A.HUMANITARIANS, "ocha",
               "M9J roadblock stops a WFP food convoy at Ouri", {}, 0),
        _event(gen, "truce", A.CRISIS_END - 2 * DAY, Spot(town["Kassongé"][0], "Tabassi",
               "in Kassongé", "Kassongé", 1), "political-development", A.GOV, A.M9J, "radio",
               "Local cessation of hostilities agreed in Kassongé", {}, 0),
        _event(gen, "abduction-2026", _at(2026, 10, 24, 7, 10), Spot(tirkou_point, "Ouadjé",
               f"near {tirkou_village}", tirkou_village, 2), "abduction", A.BANDITS,
               A.HUMANITARIANS, "ocha", f"Six humanitarian workers abducted near {tirkou_village}",
               {"abducted": 6}, 1),
    ]
    # fmt: on


FLASHES = {
    "ied-2024": "Convoy hit by an IED 14 km from Bolobi; three peacekeepers injured and "
    "evacuated to Mbarenga; EOD team clearing the route.",
    "riot-2025": "Protesters and police clash in central Mbarenga after the provisional results; "
    "four dead, 38 injured; UNPOL formed police units deployed to protect the electoral "
    "commission.",
    "ts-attack": "Team Site Kassongé attacked at dawn by M9J fighters; two peacekeepers killed, "
    "seven injured; quick reaction force on its way; crisis mode proposed to the SRSG.",
    "massacre": "Human Rights Division reports at least 37 civilians killed and nine abducted in "
    "an M9J attack south of Kassongé; Joint Protection Team deploying with the QRF.",
    "abduction-2026": "Six national staff of an NGO abducted on the Tirkou road; OCHA and DSS "
    "informed; negotiation through the prefect.",
}


# -- entry point -----------------------------------------------------------------------------


def build_products(
    mission: Mission, keyed: dict[str, Incident], places: Any, users: dict[str, Any], user: Any
) -> dict[str, int]:
    """SITREPs, flash reports and the crisis, as the mission's JOC officer."""
    officer = _officer(mission, users) or user
    try:
        with acting_as(officer):
            sitreps = build_sitreps(mission, officer)
            flashes = [issue_flash(mission, keyed[k], text, officer) for k, text in FLASHES.items()]
            build_crisis(mission, keyed, places.villages["Kassongé"][0][0], officer)
    except ActionError as exc:  # e.g. the JOC role was changed: say so, no traceback
        raise ValidationError(exc.message) from exc
    return {"sitreps": sitreps, "flash": len(flashes), "crises": 1}


def _officer(mission: Mission, users: dict[str, Any]) -> Any:
    """The demo JOC officer, given its membership now (the command adds the rest later)."""
    name = mission_username(mission.code, "joc-officer")
    if name not in users:
        return None
    add_memberships([DemoUser(name, "joc-officer", mission.code)], users, {mission.code: mission})
    return users[name]


# -- situation reports -----------------------------------------------------------------------


def build_sitreps(mission: Mission, officer: Any) -> int:
    """Daily mission-wide SITREPs for the last month, sector SITREPs for the last days."""
    made = 0
    for back in range(SITREP_DAYS - 1, -1, -1):
        publish_sitrep(mission, END - back * DAY, None, officer)
        made += 1
    sectors = OrgUnit.objects.filter(mission=mission, kind=OrgUnitKind.SECTOR_HQ).order_by("name")
    for back in range(SECTOR_SITREP_DAYS - 1, -1, -1):
        for sector in sectors:
            publish_sitrep(mission, END - back * DAY, sector, officer)
            made += 1
    return made


def publish_sitrep(
    mission: Mission, day: datetime.date, sector: OrgUnit | None, officer: Any
) -> SituationReport:
    report = _create(SituationReport, mission=mission, report_date=day, org_unit=sector)
    do_compile_situation_report(report, acting_user=officer)
    included = list(report.incidents.select_related("category").order_by("occurred_at", "pk"))
    # A compilation is classified as its most sensitive part (Capstone §7.2).
    report.sensitivity = max((i.sensitivity for i in included), default=0)
    report.narrative = narrative(report, included)
    report.full_clean()
    report.save()
    do_publish_situation_report(report, acting_user=officer)
    published = datetime.datetime.combine(day, datetime.time(7, 30), tzinfo=UTC) + DAY
    SituationReport.objects.filter(pk=report.pk).update(published_at=published)
    return report


def rewrite_narratives(mission: Mission) -> None:
    """Write the SITREPs' assessments again once the story has moved (they name the day)."""
    for report in SituationReport.objects.filter(mission=mission).select_related("org_unit"):
        included = list(report.incidents.select_related("category").order_by("occurred_at", "pk"))
        text = narrative(report, included)
        SituationReport.objects.filter(pk=report.pk).update(narrative=text)


def narrative(report: SituationReport, included: list[Incident]) -> str:
    scope = report.org_unit.name if report.org_unit else "Mission-wide"
    if not included:
        return f"{scope}, {report.report_date:%d %B %Y}: no incident reported. Situation calm."
    groups = Counter(str(CategoryGroup(i.category.group).label) for i in included)
    regions = Counter(i.admin1 for i in included if i.admin1)
    totals = {f: sum(getattr(i, f) for i in included) for f in ("killed", "injured", "abducted")}
    worst = max(included, key=lambda i: (i.killed + i.injured + i.abducted, -i.pk))
    lines = [
        f"{scope}, {report.report_date:%d %B %Y}: {len(included)} incident(s) - "
        + ", ".join(f"{n} {g.lower()}" for g, n in groups.most_common())
        + ".",
        f"Casualties: {totals['killed']} killed, {totals['injured']} injured, "
        f"{totals['abducted']} abducted.",
        f"Most significant: {worst.title}.",
    ]
    if regions:
        region, count = regions.most_common(1)[0]
        lines.append(f"Assessment: most activity in {region} ({count}); " + _trend(count))
    return "\n".join(lines)


def _trend(count: int) -> str:
    if count >= 4:
        return "the JOC recommends reinforced patrols and an updated threat assessment."
    return "no change to the mission's posture recommended."


# -- flash reports ---------------------------------------------------------------------------


def issue_flash(mission: Mission, incident: Incident, summary: str, officer: Any) -> FlashReport:
    flash = _create(
        FlashReport,
        mission=mission,
        org_unit=incident.org_unit,
        incident=incident,
        title=incident.title,
        summary=summary,
        sensitivity=incident.sensitivity,
    )
    do_issue_flash_report(flash, acting_user=officer)
    issued = incident.occurred_at + 90 * datetime.timedelta(minutes=1)
    FlashReport.objects.filter(pk=flash.pk).update(issued_at=issued)
    return flash


# -- the crisis ------------------------------------------------------------------------------

S = A.CRISIS_START
# offset from the attack, kind, text, sensitivity ({v} is the village of the massacre)
LOG = [
    (30 * H / 60, LogEntryKind.INFORMATION, "Team Site Kassongé reports sustained small-arms and "
     "RPG fire on its north-west perimeter; two peacekeepers killed, seven injured.", 0),
    (40 * H / 60, LogEntryKind.DECISION, "Force Commander sends the Nepalese quick reaction "
     "force from Mbarenga to Kassongé by helicopter.", 0),
    (70 * H / 60, LogEntryKind.COMMUNICATION, "Flash report issued; UN Headquarters Situation "
     "Centre informed by telephone.", 0),
    (2.5 * H, LogEntryKind.ACTION, "Casualty evacuation of the seven injured to the Level II "
     "hospital in Mbarenga completed.", 0),
    (6 * H, LogEntryKind.INFORMATION, "Attackers withdraw south towards {v}; fuel depot "
     "destroyed; perimeter restored.", 0),
    (8 * H, LogEntryKind.INFORMATION, "JMAC: human source places the M9J commander of the attack "
     "in {v}; about 150 fighters.", 1),
    (DAY, LogEntryKind.DECISION, "Mission Leadership Team meets in crisis configuration twice "
     "daily; the SRSG asks the Government to restrain retaliation by the self-defence "
     "committees.", 0),
    (2 * DAY + H, LogEntryKind.INFORMATION, "Human Rights Division receives reports of mass "
     "killings in {v}.", 0),
    (2 * DAY + 6 * H, LogEntryKind.ACTION, "Joint Protection Team reaches {v} with the QRF; at "
     "least 37 civilians killed, nine abducted.", 0),
    (3 * DAY + 4 * H, LogEntryKind.INFORMATION, "About 4,000 displaced people gather next to "
     "Team Site Kassongé; perimeter extended to shelter them.", 0),
    (6 * DAY + 2 * H, LogEntryKind.COMMUNICATION, "OCHA and WFP informed that the convoy stopped "
     "at Ouri will be escorted by Sector South-East.", 0),
    (10 * DAY, LogEntryKind.DECISION, "Sector South-East keeps two companies in Kassongé and "
     "patrols the villages to the south day and night.", 0),
    (15 * DAY, LogEntryKind.INFORMATION, "No attack on civilians reported for 72 hours; first "
     "families return to {v}.", 0),
    (19 * DAY, LogEntryKind.DECISION, "Local cessation of hostilities signed in Kassongé; the "
     "MLT decides to end crisis mode on 29 November.", 0),
]  # fmt: skip
# title, post title, offset due, status, offset done (None: not finished)
TASKS = [
    ("Reinforce Team Site Kassongé with the quick reaction force", "Force Commander",
     6 * H, TaskStatus.DONE, 5 * H),
    ("Casualty evacuation and repatriation of the fallen", "Director of Mission Support",
     2 * DAY, TaskStatus.DONE, 2 * DAY),
    ("Verify the reports of killings in {v}", "Chief, Human Rights Division",
     3 * DAY, TaskStatus.DONE, 3 * DAY),
    ("Protection plan for the displaced people at Team Site Kassongé",
     "Senior Protection of Civilians Adviser", 5 * DAY, TaskStatus.DONE, 4 * DAY),
    ("Negotiate the passage of the WFP convoy at Ouri",
     "Deputy Special Representative, Resident and Humanitarian Coordinator",
     8 * DAY, TaskStatus.DONE, 9 * DAY),
    ("Public information line on the attack and the killings", "Chief of Public Information",
     DAY, TaskStatus.DONE, 20 * H),
    ("Relocate non-essential civilian staff from Tabassi", "Chief Security Adviser",
     2 * DAY, TaskStatus.CANCELLED, 4 * DAY),
    ("Board of inquiry into the attack on Team Site Kassongé", "Chief of Staff",
     45 * DAY, TaskStatus.IN_PROGRESS, None),
    ("Engineering review of the team site's perimeter defences", "Commander, Sector South-East",
     30 * DAY, TaskStatus.TODO, None),
]  # fmt: skip
CRISIS_CATEGORIES = [
    "attack-civilians",
    "attack-un-personnel",
    "attack-un-premises",
    "abduction",
    "poc-threat",
    "humanitarian-access",
]


def build_crisis(
    mission: Mission, keyed: dict[str, Incident], village: str, officer: Any
) -> Crisis:
    """Opened with the attack on the team site, logged and tasked, closed three weeks later."""
    crisis = do_open_crisis(
        mission,
        "Attack on Team Site Kassongé and violence against civilians in Tabassi",
        acting_user=officer,
        description="M9J offensive around Kassongé: the team site attacked, civilians killed "
        "and displaced, humanitarian access blocked.",
        opened_at=S + 25 * H / 60,
        incidents=[keyed["ts-attack"], keyed["ts-fire"]],
    )
    crisis.log_entries.update(logged_at=crisis.opened_at)
    author = officer if getattr(officer, "is_authenticated", False) else None
    for offset, kind, text, sensitivity in LOG:
        _create(
            CrisisLogEntry,
            mission=mission,
            crisis=crisis,
            logged_at=S + offset,
            kind=kind,
            text=text.format(v=village),
            author=author,
            sensitivity=sensitivity,
        )
    posts = {p.title: p for p in Post.objects.filter(mission=mission)}
    for title, post, due, status, done in TASKS:
        _create(
            CrisisTask,
            mission=mission,
            crisis=crisis,
            title=title.format(v=village),
            assigned_to=posts[post],
            due_at=S + due,
            status=status,
            completed_at=S + done if done is not None else None,
        )
    related = Incident.objects.filter(
        mission=mission,
        admin1=A.ESCALATION_REGION,
        occurred_at__range=(S, A.CRISIS_END),
        duplicate_of__isnull=True,
        category__code__in=CRISIS_CATEGORIES,
    )
    crisis.incidents.add(*related)
    do_close_crisis(
        crisis,
        acting_user=officer,
        summary="Team Site Kassongé reinforced, the displaced protected, the convoy through; "
        "JMAC keeps Tabassi under weekly threat assessment.",
    )
    Crisis.objects.filter(pk=crisis.pk).update(closed_at=A.CRISIS_END)
    closing = crisis.log_entries.order_by("-pk").values_list("pk", flat=True)[:1]
    CrisisLogEntry.objects.filter(pk__in=list(closing)).update(logged_at=A.CRISIS_END)
    return crisis
