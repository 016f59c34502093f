"""MINUSBEL's peacebuilding programmes in the demo (issue 17; Capstone §2.4-2.5, §7.2).

DDR: the ANP and the FAB's disbanded militia auxiliaries register at two cantonment sites, one
of them over capacity; among the ANP's combatants a child registered three days before the end
of the story is still waiting for child protection (res. 1612: flagged). Weapons are collected
faster than they are destroyed. Mine action: hazard areas are drawn around the MSR-2 stretches
where the JOC logged explosive incidents, which the linking action then counts in them. Human
rights: five cases, one of conflict-related sexual violence (res. 1325/1820), all strictly
confidential and naming victims only on the case. QIPs: three projects, one proposed without
the humanitarian country team having been consulted (§7.2: flagged).

Elections: the mapping of registration centres, due by mid-October 2026, is not done (flagged),
and the Dorokou polling centre, in the east of Haut-Sanvi where the JOC logs clashes, has asked
the mission for nothing yet (flagged while its risk is high). State authority: the police and
health services left Tabassi between the two observations (flagged: State authority receding).
Rule of law: three in four prisoners of Lomassa central prison await trial (flagged above the
mission's 50 %), and Tabassi prison closed; the leadership accepted that flag with its reason.

Every record is written as the demo HQ user; names and texts are fictional and bluehelmet's own.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from bluehelmet.analysis.models import Actor
from bluehelmet.core.models import Mission, OrgUnit, Partner
from bluehelmet.demo import minusbel
from bluehelmet.operations.models import Incident
from bluehelmet.programmes import actions
from bluehelmet.programmes import models as m

D = datetime.date
UTC = datetime.UTC
A, S = m.AgeGroup, m.Sex


def _at(day: datetime.date, hour: int = 9) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=UTC)


def _create(model: Any, **fields: Any) -> Any:
    obj = model(**fields)
    obj.full_clean()
    obj.save()
    return obj


def _actor(mission: Mission, short: str) -> Actor:
    return Actor.objects.get(mission=mission, short_name=short)


# (registration prefix, armed group, site, [(sex, age group, status), ...])
COMBATANTS = (
    ("ANP", "ANP", "Cantonment site Bangassi", [(S.MALE, A.YOUTH, "disarmed")] * 14
     + [(S.MALE, A.ADULT, "demobilised")] * 22 + [(S.FEMALE, A.ADULT, "in_reintegration")] * 6),
    ("FAB", "FAB", "Demobilisation site Kémbo", [(S.MALE, A.ADULT, "reintegrated")] * 9
     + [(S.MALE, A.OLDER, "demobilised")] * 3),
)  # fmt: skip


def _near_unit(mission: Mission, admin1: str) -> tuple[float | None, float | None]:
    """A point a little off the first MINUSBEL location in ``admin1`` (sites sit outside)."""
    unit = (
        OrgUnit.objects.filter(mission=mission, admin1=admin1)
        .exclude(latitude=None)
        .order_by("name")
        .first()
    )
    if unit is None or unit.latitude is None or unit.longitude is None:
        return None, None
    return round(unit.latitude - 0.03, 4), round(unit.longitude + 0.03, 4)


def build_ddr(mission: Mission) -> int:
    sites = {}
    for name, kind, admin1, capacity, occupancy in (
        ("Cantonment site Bangassi", m.SiteKind.CANTONMENT, "Haut-Sanvi", 30, 36),
        ("Demobilisation site Kémbo", m.SiteKind.DEMOBILISATION, "Bas-Sanvi", 60, 12),
    ):
        lat, lon = _near_unit(mission, admin1)
        sites[name] = _create(m.DdrSite, mission=mission, name=name, kind=kind, admin1=admin1,
                              latitude=lat, longitude=lon, capacity=capacity,
                              occupancy=occupancy, opened_on=D(2025, 11, 3))  # fmt: skip
    made = 0
    for prefix, group, site_name, people in COMBATANTS:
        armed = _actor(mission, group)
        for n, (sex, age, status) in enumerate(people, start=1):
            registered = _at(D(2025, 11, 10) + datetime.timedelta(days=n * 3))
            _create(m.DdrParticipant, mission=mission, registration_number=f"{prefix}-{n:04d}",
                    armed_group=armed, sex=sex, age_group=age, registered_at=registered,
                    site=sites[site_name], status=status)  # fmt: skip
            made += 1
    unicef = Partner.objects.get(mission=mission, acronym="UNICEF")
    anp = _actor(mission, "ANP")
    for number, sex, registered, referred in (
        ("ANP-C001", S.MALE, _at(D(2026, 2, 4)), _at(D(2026, 2, 4), 15)),
        ("ANP-C002", S.FEMALE, _at(D(2026, 10, 28)), None),  # waiting: the res. 1612 flag
    ):
        _create(m.DdrParticipant, mission=mission, registration_number=number, armed_group=anp,
                sex=sex, age_group=A.CHILD, registered_at=registered, referred_at=referred,
                referred_to=unicef if referred else None)  # fmt: skip
        made += 1
    for day, site_name, group, collected, destroyed, rounds in (
        (D(2025, 12, 1), "Cantonment site Bangassi", "ANP", 48, 48, 12000),
        (D(2026, 4, 15), "Cantonment site Bangassi", "ANP", 61, 20, 9400),
        (D(2026, 9, 2), "Demobilisation site Kémbo", "FAB", 17, 0, 2100),
    ):
        _create(m.WeaponCollection, mission=mission, collected_on=day, site=sites[site_name],
                armed_group=_actor(mission, group), weapons_collected=collected,
                weapons_destroyed=destroyed, ammunition_collected=rounds,
                ammunition_destroyed=rounds // 2,
                stored_at="MINUSBEL armoury, Sanvi-Ville")  # fmt: skip
    return made


def _square(lat: float, lon: float, half: float = 0.006) -> dict[str, Any]:
    ring = [[lon - half, lat - half], [lon + half, lat - half], [lon + half, lat + half],
            [lon - half, lat + half], [lon - half, lat - half]]  # fmt: skip
    return {"type": "Polygon", "coordinates": [[[round(x, 5), round(y, 5)] for x, y in ring]]}


def build_mines(mission: Mission, acting_user: Any) -> int:
    """Hazard areas around the first MSR-2 explosive incidents, then the automatic links."""
    found = (
        Incident.objects.filter(
            mission=mission, category__code="explosive-hazard", location_name__startswith="MSR-2"
        )
        .exclude(latitude=None)
        .order_by("occurred_at", "pk")
    )
    statuses = [m.HazardStatus.CLEARANCE, m.HazardStatus.CONFIRMED, m.HazardStatus.SURVEY,
                m.HazardStatus.RELEASED, m.HazardStatus.SUSPECTED]  # fmt: skip
    seen: set[str] = set()
    for incident in found:
        if incident.location_name in seen or len(seen) == len(statuses):
            continue
        seen.add(incident.location_name)
        status = statuses[len(seen) - 1]
        area = 1_650_000 // len(seen)
        cleared = {"clearance": area // 3, "released": area}.get(status, 0)
        _create(m.HazardArea, mission=mission, code=f"HA-MSR2-{len(seen):02d}",
                name=incident.location_name[:200], hazard_type=m.HazardType.MINED,
                status=status, admin1=incident.admin1, geometry=_square(incident.latitude,
                incident.longitude), area_m2=area,
                surveyed_m2=area if status != "suspected" else 0, cleared_m2=cleared,
                released_m2=cleared)  # fmt: skip
    ied = (
        Incident.objects.filter(
            mission=mission, category__code="explosive-hazard", location_name__startswith="MSR-3"
        )
        .exclude(latitude=None)
        .order_by("occurred_at", "pk")
        .first()
    )
    if ied is not None:  # remnants left around the 2024 IED strike on the MSR-3 convoy
        point = {"type": "Point", "coordinates": [ied.longitude, ied.latitude]}
        _create(m.HazardArea, mission=mission, code="HA-MSR3-01", name=ied.location_name[:200],
                hazard_type=m.HazardType.ERW, status=m.HazardStatus.SURVEY, admin1=ied.admin1,
                geometry=point, area_m2=40_000)  # fmt: skip
    return actions.do_link_explosive_incidents(mission, acting_user=acting_user)


# (reference, violation, occurred on, admin1, perpetrator, victims, women/girls, children)
CASES = (
    ("HR-2026-014", m.ViolationType.KILLING, D(2026, 3, 9), "Tabassi", "M9J", 4, 1, 1,
     "Villagers shot while fleeing an attack near Ouri"),
    ("HR-2026-021", m.ViolationType.SEXUAL_VIOLENCE, D(2026, 5, 17), "Haut-Sanvi",
     "Tolo militia", 2, 2, 1, "Women attacked on the road to the Bangassi market"),
    ("HR-2026-030", m.ViolationType.ARBITRARY_DETENTION, D(2026, 6, 2), "Bas-Sanvi", None, 7, 0,
     2, "Youths held for weeks without charge at a gendarmerie post"),
    ("HR-2026-037", m.ViolationType.CHILD_RECRUITMENT, D(2026, 7, 21), "Haut-Sanvi", "ANP", 3, 0,
     3, "Children seen manning an ANP checkpoint"),
    ("HR-2026-044", m.ViolationType.TORTURE, D(2026, 9, 30), "Tabassi", None, 1, 0, 0,
     "A detainee beaten during interrogation"),
)  # fmt: skip


def build_human_rights(mission: Mission) -> int:
    for ref, kind, day, admin1, who, n, women, children, summary in CASES:
        perpetrator = Actor.objects.filter(mission=mission, short_name=who).first() if who else None
        _create(m.HumanRightsCase, mission=mission, reference=ref, summary=summary,
                violation_type=kind, occurred_on=day, admin1=admin1, perpetrator=perpetrator,
                victims_count=n, victims_female=women, victims_children=children,
                victim_identities=f"Held by the human rights unit under file {ref}-V.",
                verification=m.CaseVerification.VERIFIED if day.month < 8 else
                m.CaseVerification.UNDER_VERIFICATION,
                follow_up=m.FollowUpStatus.RAISED)  # fmt: skip
    return len(CASES)


def build_qips(mission: Mission, acting_user: Any) -> int:
    undp = Partner.objects.get(mission=mission, acronym="UNDP")
    women = Partner.objects.get(mission=mission, acronym="BWMN")
    rows = (
        ("Solar lights for the Kémbo market", "Bas-Sanvi", "Kémbo", "38500", 4200, undp, True,
         True, "handed_over"),
        ("Women's cooperative mill, Sanvi-Ville", "Haut-Sanvi", "Sanvi-Ville", "24000", 900,
         women, True, True, "approved"),
        ("Bridge repair on the Ouri track", "Tabassi", "Ouri", "47000", 6500, None, True, False,
         "proposed"),  # not coordinated with the humanitarian country team: flagged
    )  # fmt: skip
    for title, admin1, place, budget, people, partner, community, hct, stage in rows:
        qip = _create(m.QuickImpactProject, mission=mission, title=title, admin1=admin1,
                      location=place, budget_usd=Decimal(budget), beneficiaries=people,
                      implementing_partner=partner, community_consulted=community,
                      humanitarian_coordination=hct)  # fmt: skip
        if stage != "proposed":
            actions.do_approve_quick_impact_project(qip, acting_user=acting_user, on=D(2026, 4, 2))
        if stage == "handed_over":
            actions.do_complete_quick_impact_project(
                qip, acting_user=acting_user, on=D(2026, 8, 28)
            )
            actions.do_hand_over_quick_impact_project(
                qip, to="Kémbo market committee", acting_user=acting_user, on=D(2026, 9, 10)
            )
    return len(rows)


# (title, kind, starts on, ends on, completed on): the mapping is late (flagged).
ELECTORAL_CALENDAR = (
    ("Electoral code promulgated", m.ElectoralEventKind.OTHER, D(2026, 6, 30), None,
     D(2026, 7, 8)),
    ("Mapping of voter registration centres", m.ElectoralEventKind.OTHER, D(2026, 9, 1),
     D(2026, 10, 15), None),
    ("Voter registration", m.ElectoralEventKind.REGISTRATION, D(2027, 1, 15), D(2027, 3, 31),
     None),
    ("Candidate lists published", m.ElectoralEventKind.CANDIDATES, D(2027, 5, 3), None, None),
    ("Campaign", m.ElectoralEventKind.CAMPAIGN, D(2027, 6, 14), D(2027, 7, 2), None),
    ("Presidential and legislative polling day", m.ElectoralEventKind.POLLING, D(2027, 7, 4),
     None, None),
    ("Provisional results", m.ElectoralEventKind.RESULTS, D(2027, 7, 12), None, None),
)  # fmt: skip
LOGISTICS = (
    "Airlift of ballot materials; two patrols on polling day; a satellite phone for the "
    "presiding officer."
)
# The centre beside Team Site Dorokou: the electoral commission has filed no request yet.
NO_REQUEST_YET = "Dorokou"


def build_elections(mission: Mission) -> int:
    """The 2027 elections: the calendar, and a polling centre beside each MINUSBEL location
    in Haut-Sanvi (its risk is read live from the JOC's incidents around it); the one near
    Dorokou has asked the mission for nothing yet."""
    for title, kind, starts, ends, done in ELECTORAL_CALENDAR:
        _create(m.ElectoralEvent, mission=mission, title=title, kind=kind, starts_on=starts,
                ends_on=ends, completed_on=done)  # fmt: skip
    units = OrgUnit.objects.filter(mission=mission, admin1="Haut-Sanvi").exclude(latitude=None)
    made = 0
    for n, unit in enumerate(units.order_by("name")[:5], start=1):
        _create(m.PollingCentre, mission=mission, code=f"PC-HS-{n:02d}",
                name=f"School polling centre near {unit.name}", admin1="Haut-Sanvi",
                latitude=round(unit.latitude + 0.02, 4), longitude=round(unit.longitude - 0.02, 4),
                registered_voters=2400 + 850 * n, polling_stations=3 + n,
                logistics_needs="" if NO_REQUEST_YET in unit.name else LOGISTICS)  # fmt: skip
        made += 1
    return made


# Services present by admin area, at the end of 2025 and in September 2026.
PRESENCE = {
    "Bas-Sanvi": ("administrator police justice health education", "administrator police "
                  "justice health education"),
    "Haut-Sanvi": ("administrator health", "administrator police health education"),
    "Tabassi": ("administrator police health", "administrator"),
}  # fmt: skip


def build_state_authority(mission: Mission) -> int:
    made = 0
    for area, readings in PRESENCE.items():
        for day, present in zip((D(2025, 12, 31), D(2026, 9, 30)), readings, strict=True):
            for service in m.StateService.values:
                on = service in present.split()
                _create(m.StatePresence, mission=mission, admin1=area, service=service,
                        observed_on=day, present=on, officials=4 if on else 0)  # fmt: skip
                made += 1
    return made


# name, kind, admin1, [(day, status, personnel, trained, vetted, population, pre-trial)]
INSTITUTIONS = (
    ("Lomassa central prison", m.InstitutionKind.PRISON, "Bas-Sanvi",
     [(D(2026, 3, 31), "operating", 85, 40, 30, 610, 470),
      (D(2026, 9, 30), "operating", 90, 62, 55, 655, 498)]),
    ("Tabassi prison", m.InstitutionKind.PRISON, "Tabassi",
     [(D(2026, 3, 31), "partial", 22, 5, 4, 140, 128),
      (D(2026, 9, 30), "closed", 0, 0, 0, 0, 0)]),
    ("Lomassa court of first instance", m.InstitutionKind.COURT, "Bas-Sanvi",
     [(D(2026, 9, 30), "operating", 31, 18, 31, None, None)]),
    ("Sanvi-Ville police station", m.InstitutionKind.POLICE_STATION, "Haut-Sanvi",
     [(D(2026, 9, 30), "partial", 46, 20, 12, None, None)]),
)  # fmt: skip


def build_rule_of_law(mission: Mission, acting_user: Any) -> int:
    """The institutions and their reports; the leadership accepts the flag on the closed
    Tabassi prison, with its reason (the rules advise, people decide)."""
    made = 0
    for name, kind, admin1, reports in INSTITUTIONS:
        place = _create(m.RuleOfLawInstitution, mission=mission, name=name, kind=kind,
                        admin1=admin1)  # fmt: skip
        for day, status, staff, trained, vetted, population, pretrial in reports:
            _create(m.SsrActivity, mission=mission, institution=place, reported_on=day,
                    status=status, personnel=staff, personnel_trained=trained,
                    personnel_vetted=vetted, prison_population=population,
                    pretrial_detainees=pretrial)  # fmt: skip
            made += 1
    closed = m.RuleOfLawInstitution.objects.get(mission=mission, name="Tabassi prison")
    actions.do_override_programme_verdict(
        mission,
        rule="ssr-institution-not-operating",
        subject=f"institution:{closed.pk}",
        decision="accepted",
        reason="The detainees were moved to Lomassa central prison; the rule of law section "
        "plans the re-opening with the Ministry of Justice.",
        acting_user=acting_user,
    )
    return made


def build_programmes(
    missions: dict[str, Mission], acting_user: Any, progress: Callable[[str], None]
) -> None:
    mission = missions[minusbel.CODE]
    people = build_ddr(mission)
    links = build_mines(mission, acting_user)
    cases = build_human_rights(mission)
    qips = build_qips(mission, acting_user)
    centres = build_elections(mission)
    build_state_authority(mission)
    build_rule_of_law(mission, acting_user)
    progress(
        _(
            "Mission %(code)s programmes: %(people)d DDR participants, %(links)d explosive "
            "incidents linked to hazard areas, %(cases)d human rights cases, %(qips)d QIPs, "
            "%(centres)d polling centres."
        )
        % {
            "code": mission.code,
            "people": people,
            "links": links,
            "cases": cases,
            "qips": qips,
            "centres": centres,
        }
    )


def delete_programmes(mission: Mission) -> None:
    """Participants protect the actor register's armed groups: they go first."""
    m.DdrParticipant.objects.filter(mission=mission).delete()
    m.WeaponCollection.objects.filter(mission=mission).delete()
