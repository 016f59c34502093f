"""The tables behind the demo's principles records (``principles``; issue 5, item 7).

Capstone §3.1 and §2.3 in the demo's fictional Belnara: the ROE and DUF levels, the uses of
force (clean by default, each override trips a review rule), the consent events per party and
locality, the violations and the responses they get, and the threats to civilians and alerts.
Fixed dates within the incident log's span (April 2023 to October 2026); no randomness.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from bluehelmet.core.permissions import Sensitivity
from bluehelmet.demo import actors as A
from bluehelmet.principles.models import (
    AlertSource,
    Authority,
    ForceBasis,
    Imminence,
    PartyKind,
    RoeKind,
)

UTC = datetime.UTC
D = datetime.date
CONF, STRICT = Sensitivity.CONFIDENTIAL, Sensitivity.STRICTLY_CONFIDENTIAL
ERODING = "Haut-Sanvi"  # where the ANP's consent erodes into a de facto withdrawal


def _at(year: int, month: int, day: int, hour: int = 0) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, tzinfo=UTC)


# -- parties ---------------------------------------------------------------------------------

PARTIES = [
    (A.FAB, PartyKind.PARTY),
    (A.FRB, PartyKind.SIGNATORY),
    (A.ANP, PartyKind.SIGNATORY),
    (A.M9J, PartyKind.NON_SIGNATORY),
    (A.KESSARE, PartyKind.SPOILER),
]

# -- ROE and DUF -----------------------------------------------------------------------------

U, SC, FC, HOM = (
    Authority.UNIT_COMMANDER,
    Authority.SECTOR_COMMANDER,
    Authority.FORCE_COMMANDER,
    Authority.HEAD_OF_MISSION,
)
# fmt: off
ROE_LEVELS = [
    ("Presence and show of force", "Patrols, posture and visible readiness.", U, False),
    ("Verbal warning and physical restraint", "Challenge, warn, block, restrain.", U, False),
    ("Warning shots", "Aimed away from people, after a verbal warning.", U, False),
    ("Aimed fire in self-defence", "Against a hostile act or clear hostile intent.", U, False),
    ("Aimed fire in defence of the mandate",
     "To protect civilians or stop forcible obstruction of the mandate.", SC, False),
    ("Attack helicopters or indirect fire",
     "Air-to-ground or mortar fire against an armed group threatening civilians.", FC, True),
]
DUF_LEVELS = [
    ("Presence and verbal commands", "Formed presence, dialogue, orders to disperse.", U, False),
    ("Empty-hand control and restraint", "Holding, escorting, handcuffing.", U, False),
    ("Batons, shields and tear gas", "Less-lethal means to restore public order.", FC, False),
    ("Firearms against an imminent threat to life",
     "Only to protect life, after a warning where possible.", U, False),
]
# fmt: on

# -- use of force ----------------------------------------------------------------------------

POLICE_UNITS = {
    "Mbarenga Capital District": "Burkina Faso Formed Police Unit",
    "Haut-Sanvi": "Senegal Formed Police Unit",
    "Kourala": "Senegal Formed Police Unit",
}
BATTALIONS = {
    "Haut-Sanvi": "Pakistan Battalion (PAKBATT)",
    "Kourala": "Pakistan Battalion (PAKBATT)",
    "Ouadjé": "Bangladesh Battalion (BANBAT-2)",
    "Mekondé": "Bangladesh Battalion (BANBAT-2)",
    "Tabassi": "Rwanda Battalion (RWABATT)",
    "Bas-Sanvi": "Rwanda Battalion (RWABATT)",
    "Mbarenga Capital District": "Nepal Quick Reaction Force (NEPQRF)",
}


@dataclass(frozen=True)
class Uof:
    """One use of force; the defaults are a clean report, the overrides trip the rules."""

    after: datetime.datetime  # the first matching incident from this time on
    categories: tuple[str, ...]
    region: str
    threat: str
    kind: str = RoeKind.ROE
    level: int = 4
    imminent: bool = True
    persuasion: str = ""
    authorised_by: int | None = None
    basis: str = ForceBasis.SELF_DEFENCE
    proportionate: bool = True
    harm_assessed: bool = True
    consent_assessed: bool = True
    beyond_tactical: bool = False
    detentions: int = 0
    unit: str = ""  # a contingent other than the region's battalion or police unit
    sensitivity: int = CONF
    decisions: tuple[tuple[str, str, str], ...] = ()  # (rule code, decision, reason)


UPHELD, DISMISSED = "upheld", "dismissed"
ATTACK_UN = ("attack-un-personnel", "attack-un-premises")
# fmt: off
USES_OF_FORCE = [
    Uof(_at(2023, 11, 1), ATTACK_UN, "Mekondé", "Gunmen fired on a night patrol near Bolobi."),
    Uof(_at(2024, 1, 10), ("hijacking",), "Ouadjé", "Bandits tried to seize a fuel truck.",
        level=3, persuasion="Convoy commander ordered the gang to stand back."),
    Uof(_at(2024, 3, 14), ("explosive-hazard",), "Mekondé",
        "Ambush fire after the IED strike on the MSR-3 convoy."),
    Uof(_at(2024, 5, 1), ATTACK_UN, "Haut-Sanvi",
        "Tolo militiamen fired on the Team Site Bangassi perimeter."),
    Uof(_at(2024, 6, 2), ("attack-civilians",), "Haut-Sanvi",
        "ANP fighters attacking a Tolo village near Bangassi.", level=5,
        basis=ForceBasis.DEFENCE_OF_MANDATE, authorised_by=SC),
    Uof(_at(2024, 8, 5), ("hijacking",), "Ouadjé", "Road gang stopping an NGO convoy at Tirkou.",
        level=3, imminent=False, persuasion="Negotiation through the village chief for an hour."),
    Uof(_at(2024, 10, 1), ("clash-non-state",), "Mekondé",
        "M9J and FRB fighters exchanging fire in Bolobi market.", level=5,
        basis=ForceBasis.DEFENCE_OF_MANDATE, authorised_by=U, decisions=(
            ("uof-authority", UPHELD, "The Sector West commander was reachable by radio; the "
                                      "battalion is reminded to request authorisation."),)),
    Uof(_at(2024, 12, 1), ("riot",), "Mbarenga Capital District",
        "Rioters stoning a police station.", kind=RoeKind.DUF, level=3, authorised_by=FC,
        persuasion="Loudhailer warnings to disperse for twenty minutes.", detentions=4),
    Uof(_at(2025, 2, 27), ("riot",), "Mbarenga Capital District",
        "Crowd storming the electoral commission after the provisional results.",
        kind=RoeKind.DUF, level=3, authorised_by=FC, detentions=11,
        persuasion="Dialogue with the organisers, then warnings to disperse."),
    Uof(_at(2025, 3, 10), ("movement-restriction",), ERODING,
        "ANP checkpoint blocking a MINUSBEL patrol near Bangassi.", level=3, imminent=False,
        consent_assessed=False, decisions=(
            ("uof-persuasion", UPHELD, "Warning shots at a checkpoint with no threat to life "
                                       "breach the ROE; the platoon commander was retrained."),
            ("uof-consent-impact", UPHELD, "The ANP cited the shots in refusing later patrols."),
        )),
    Uof(_at(2025, 4, 15), ("attack-civilians",), "Tabassi",
        "Herders attacking farmers near Ouri.", level=5, basis=ForceBasis.DEFENCE_OF_MANDATE,
        authorised_by=SC, harm_assessed=False, decisions=(
            ("uof-civilian-harm", DISMISSED, "The Joint Protection Team found no civilian "
                                             "casualties; the assessment was added late."),)),
    Uof(_at(2025, 6, 1), ATTACK_UN, "Tabassi", "M9J fighters firing on a patrol near Kassongé."),
    Uof(_at(2025, 7, 19), ("territory-change",), "Tabassi",
        "M9J fighters advancing on the village south of Kassongé.", level=5,
        basis=ForceBasis.DEFENCE_OF_MANDATE, authorised_by=SC, proportionate=False),
    Uof(_at(2025, 11, 8, 4), ATTACK_UN, "Tabassi",
        "Armed attack on Team Site Kassongé with small arms and RPGs.", level=4),
    Uof(_at(2025, 11, 8, 5), ATTACK_UN, "Tabassi",
        "Attackers regrouping to fire on the team site.", level=6,
        basis=ForceBasis.DEFENCE_OF_MANDATE, authorised_by=FC, unit="Bangladesh Aviation Unit "
        "(BANAIR)"),
    Uof(_at(2025, 11, 10), ("attack-civilians",), "Tabassi",
        "M9J fighters killing civilians south of Kassongé.", level=5,
        basis=ForceBasis.DEFENCE_OF_MANDATE, authorised_by=FC,
        unit="Nepal Quick Reaction Force (NEPQRF)", detentions=3),
    Uof(_at(2025, 11, 16), ("clash-state", "attack-civilians"), "Tabassi",
        "M9J base south of Kassongé, threatening the displaced at the team site.", level=6,
        imminent=False, persuasion="Calls through the prefect and elders for the M9J to leave.",
        basis=ForceBasis.DEFENCE_OF_MANDATE, authorised_by=HOM, beyond_tactical=True,
        unit="Morocco Special Forces Company", sensitivity=STRICT, decisions=(
            ("uof-tactical-level", UPHELD, "A three-day, Force-planned offensive is enforcement; "
                                           "the MLT keeps future operations tactical."),)),
    Uof(_at(2025, 12, 5), ("poc-threat",), "Tabassi",
        "Kessaré committee members hunting a herder family.", level=2, imminent=False,
        persuasion="Patrol leader talked to the committee for half an hour.",
        basis=ForceBasis.DEFENCE_OF_MANDATE, detentions=2),
    Uof(_at(2026, 1, 12), ("hijacking",), "Ouadjé", "Bandits firing on a WFP escort at Tirkou."),
    Uof(_at(2026, 2, 20), ("demonstration", "riot"), "Haut-Sanvi",
        "Youths throwing stones at a police patrol in Sanvi-Ville.", kind=RoeKind.DUF, level=3,
        imminent=False, persuasion="Community leaders asked to calm the crowd.",
        consent_assessed=False),
    Uof(_at(2026, 4, 2), ATTACK_UN, "Mekondé", "Gunmen firing on Team Site Bolobi at night.",
        harm_assessed=False),
    Uof(_at(2026, 5, 18), ("clash-state",), "Mekondé",
        "M9J and FAB fighting inside Ngaré, civilians caught in the crossfire.", level=5,
        basis=ForceBasis.DEFENCE_OF_MANDATE, authorised_by=SC),
    Uof(_at(2026, 7, 1), ("movement-restriction",), ERODING,
        "ANP fighters cocking weapons at a patrol blocked at a Dorokou checkpoint.", level=3,
        persuasion="Liaison officer called the ANP zone commander.", consent_assessed=False),
    Uof(_at(2026, 8, 20), ("riot",), "Mbarenga Capital District",
        "Riot at the central market after a police shooting.", kind=RoeKind.DUF, level=3,
        persuasion="Warnings to disperse.", authorised_by=None, proportionate=False),
    Uof(_at(2026, 10, 1), ("attack-civilians",), "Tabassi",
        "Armed men attacking returnees near Kassongé.", level=5,
        basis=ForceBasis.DEFENCE_OF_MANDATE, authorised_by=SC),
]
# fmt: on

# -- consent ---------------------------------------------------------------------------------

FOM, DENY, RHET, ATT, COOP, SUPP = (
    "fom_restriction",
    "denial_of_access",
    "hostile_rhetoric",
    "attack_on_un",
    "cooperation",
    "public_support",
)
TEXT = {
    FOM: "Checkpoint turned back a MINUSBEL patrol",
    DENY: "Team denied access to a village to verify reports of abuses",
    RHET: "Commander's radio statement accusing the mission of partiality",
    ATT: "Shots fired over a MINUSBEL patrol",
    COOP: "Joint security meeting held; patrol plans shared",
    SUPP: "Public statement welcoming the mission's protection patrols",
}


def _anp_eroding() -> list[tuple[D, str, int]]:
    """Haut-Sanvi, 2025-2026: cooperation fades, restrictions grow, the last months are a wall."""
    events: list[tuple[D, str, int]] = []
    for month in range(1, 23):  # January 2025 to October 2026
        year, m = 2025 + (month - 1) // 12, (month - 1) % 12 + 1
        restrictions = min(5, month // 4)  # none early on, five a month by the end
        if month <= 14:  # cooperation stops after February 2026
            events.append((D(year, m, 4), COOP, 1))
        if month <= 8:
            events.append((D(year, m, 20), SUPP, 1))
        for k in range(restrictions):
            kind = DENY if k % 3 == 2 else FOM
            events.append((D(year, m, 6 + 5 * k), kind, 1 + (month > 16)))
        if month >= 12 and month % 2 == 0:
            events.append((D(year, m, 27), RHET, 2))
    events.append((D(2026, 10, 29), FOM, 2))
    return events


def _stable(party_shift: int, restrict_every: int) -> list[tuple[D, str, int]]:
    """Steady consent: monthly cooperation, now and then one restriction or rhetoric."""
    events: list[tuple[D, str, int]] = []
    for month in range(1, 23):
        year, m = 2025 + (month - 1) // 12, (month - 1) % 12 + 1
        events.append((D(year, m, 3 + party_shift), COOP, 1))
        if month % restrict_every == 0:
            events.append((D(year, m, 15 + party_shift), FOM, 1))
        if month % 6 == 3:
            events.append((D(year, m, 24), SUPP, 1))
    return events


CONSENT = [
    (A.ANP, ERODING, _anp_eroding()),
    (A.ANP, "Kourala", _stable(1, 5)),
    (A.FRB, "Ouadjé", _stable(2, 7)),
    (A.FRB, "Mekondé", _stable(3, 6)),
    (A.FAB, "Tabassi", _stable(4, 4)),
    (A.FAB, "Mbarenga Capital District", _stable(5, 11)),
]
ASSESSED_ON = [D(2025 + (k - 1) // 12, (k - 1) % 12 + 1, 28) for k in range(1, 23)] + [
    D(2026, 10, 31)
]

# -- impartiality ----------------------------------------------------------------------------

DEM, PUB, INV, REP, FORCE = (
    "demarche",
    "public_statement",
    "investigation",
    "report",
    "use_of_force",
)
# party, incident categories, region filter (or ""), how many, the responses to each in turn
# (the list cycles; an empty tuple is no response)
# fmt: off
VIOLATIONS = [
    (A.M9J, ("attack-civilians", "abduction", "attack-un-personnel"), "Tabassi", 12,
     [(PUB, REP), (DEM, REP), (PUB, INV), (REP,), (PUB, DEM, INV), (PUB,)]),
    (A.FAB, ("attack-civilians", "humanitarian-access", "remote-violence"), "", 10,
     [(), (), (), (), (REP,), (), (), (), (), ()]),
    (A.ANP, ("attack-civilians", "sexual-violence", "abduction"), "Haut-Sanvi", 7,
     [(DEM,), (REP,), (), (DEM, PUB)]),
    (A.FRB, ("clash-non-state", "attack-civilians"), "Mekondé", 5, [(DEM,), (REP,), ()]),
]
# fmt: on

# -- protection of civilians -----------------------------------------------------------------

# fmt: off
# key, threatened, perpetrator (or other), region, place, imminence, women, children, displaced,
# identified on
THREATS = [
    ("kassonge-idp", "About 4,000 displaced people next to Team Site Kassongé", A.M9J, "Tabassi",
     "Kassongé", Imminence.IMMINENT, True, True, True, D(2025, 11, 11)),
    ("ouri-returnees", "Returnees to the villages south of Ouri", A.M9J, "Tabassi", "Ouri",
     Imminence.LIKELY, True, True, True, D(2026, 3, 2)),
    ("bangassi-tolo", "Tolo villages around Bangassi", A.ANP, ERODING, "Bangassi",
     Imminence.LIKELY, True, True, False, D(2025, 6, 10)),
    ("bolobi-market", "Traders and families of Bolobi market", A.M9J, "Mekondé", "Bolobi",
     Imminence.POSSIBLE, False, True, False, D(2024, 9, 20)),
    ("herders-ouri", "Herder camps on the Ouri transhumance corridor", A.KESSARE, "Tabassi",
     "Ouri", Imminence.IMMINENT, True, True, False, D(2025, 12, 3)),
    ("ngare-crossfire", "Residents of Ngaré", A.FAB, "Mekondé", "Ngaré", Imminence.LIKELY,
     False, True, False, D(2026, 5, 15)),
    ("tirkou-road", "Aid workers on the Tirkou road", "Armed bandits (road gangs)", "Ouadjé",
     "Tirkou", Imminence.POSSIBLE, False, False, False, D(2026, 10, 20)),
    ("dorokou-girls", "Schoolgirls of Dorokou", A.ANP, ERODING, "Dorokou", Imminence.IMMINENT,
     True, True, False, D(2026, 10, 27)),
]
# threat key, source, received at, response kind ("" none), hours to respond, what was reported
ALERTS = [
    ("bolobi-market", AlertSource.COMMUNITY, _at(2024, 9, 21, 7), "presence", 3,
     "Focal point reports M9J fighters watching the market."),
    ("bolobi-market", AlertSource.COMPONENT, _at(2024, 10, 2, 10), "patrol", 2,
     "Human Rights officers hear of threats against FRB families."),
    ("bangassi-tolo", AlertSource.COMMUNITY, _at(2025, 6, 11, 5), "patrol", 2,
     "Tolo elders report ANP fighters gathering north of Bangassi."),
    ("bangassi-tolo", AlertSource.PARTNER, _at(2025, 6, 14, 16), "engagement", 20,
     "UNICEF: children recruited in two villages."),
    ("bangassi-tolo", AlertSource.COMMUNITY, _at(2025, 7, 19, 3), "presence", 1,
     "Shooting in a village 8 km from the team site."),
    ("kassonge-idp", AlertSource.COMPONENT, _at(2025, 11, 11, 8), "presence", 1,
     "Displaced people crowd the team site's western fence."),
    ("kassonge-idp", AlertSource.PARTNER, _at(2025, 11, 12, 14), "escort", 3,
     "MSF: patients cannot reach the Ouri hospital."),
    ("kassonge-idp", AlertSource.COMMUNITY, _at(2025, 11, 14, 22), "patrol", 9,
     "Armed men seen near the water point at night."),
    ("kassonge-idp", AlertSource.COMPONENT, _at(2025, 11, 20, 6), "presence", 2,
     "Women collecting firewood threatened by fighters."),
    ("herders-ouri", AlertSource.COMMUNITY, _at(2025, 12, 3, 18), "patrol", 2,
     "Kessaré committee members armed near a herder camp."),
    ("herders-ouri", AlertSource.PARTNER, _at(2025, 12, 6, 9), "engagement", 6,
     "ICRC: a herder family is hiding in Ouri mosque."),
    ("ouri-returnees", AlertSource.COMMUNITY, _at(2026, 3, 2, 6), "patrol", 4,
     "Returnees report M9J tax collectors in the villages."),
    ("ouri-returnees", AlertSource.COMPONENT, _at(2026, 3, 20, 11), "engagement", 30,
     "Civil Affairs: returnees fear reprisals for helping the mission."),
    ("ouri-returnees", AlertSource.COMMUNITY, _at(2026, 6, 9, 4), "presence", 2,
     "Gunshots near a returnee village at dawn."),
    ("ngare-crossfire", AlertSource.COMMUNITY, _at(2026, 5, 16, 13), "evacuation", 3,
     "Families trapped between FAB and M9J positions."),
    ("ngare-crossfire", AlertSource.PARTNER, _at(2026, 5, 17, 8), "referral", 50,
     "OCHA: FAB shelling reported in residential areas."),
    ("tirkou-road", AlertSource.PARTNER, _at(2026, 10, 21, 9), "escort", 5,
     "NGO asks for an escort after a threat by phone."),
    ("tirkou-road", AlertSource.COMMUNITY, _at(2026, 10, 24, 6), "", 0,
     "Armed men stopping vehicles on the Tirkou road."),
    ("dorokou-girls", AlertSource.COMMUNITY, _at(2026, 10, 27, 19), "", 0,
     "ANP fighters threaten to take girls from the Dorokou school."),
    ("dorokou-girls", AlertSource.COMPONENT, _at(2026, 10, 28, 7), "engagement", 26,
     "Gender adviser: the school has closed; families are leaving."),
]
# fmt: on
