"""Who does what, where, in the demo's Belnara: parties, armed groups, sources, violence patterns.

The fictional conflict behind MINUSBEL's incident log (DESIGN "Demo scenario"). The Lomassa
Agreement (January 2023) was signed by the Government, the FRB and the ANP; the M9J split from
the FRB to reject it. Self-defence committees and herder militias fight over land and cattle in
the south, road gangs prey on the main supply routes. Each ``Stream`` below is one recurring
pattern of events the JOC logs (Capstone §7.2: reports from every mission source), with its
categories, places, parties and seasonal rhythm; ``incidents`` turns them into records.
Sources carry the admiralty grading the JOC gives them (Capstone §6.3: information management).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from bluehelmet.operations.models import Reliability, SourceKind

D = datetime.date


@dataclass(frozen=True)
class Party:
    name: str  # as stored in Incident.actor1 / actor2
    short: str  # as used in titles
    kind: str
    home: tuple[str, ...] = ()  # admin-1 regions where it is strongest


# fmt: off
FAB = Party("Belnaran Armed Forces (FAB)", "FAB", "state forces")
PNB = Party("Belnaran National Police (PNB)", "PNB", "state forces")
GOV = Party("Government of Belnara", "the Government", "state")
FRB = Party("Front for the Renewal of Belnara (FRB)", "FRB", "signatory armed movement",
            ("Ouadjé", "Mekondé"))
ANP = Party("Alliance of the Northern Provinces (ANP)", "ANP", "signatory armed movement",
            ("Haut-Sanvi", "Kourala"))
M9J = Party("Movement of 9 January (M9J)", "M9J", "non-signatory splinter of the FRB",
            ("Tabassi", "Mekondé"))
TOLO = Party("Tolo self-defence militia", "Tolo militia", "communal self-defence militia",
             ("Haut-Sanvi",))
KESSARE = Party("Kessaré self-defence committees", "Kessaré committees",
                "communal self-defence militia", ("Tabassi",))
HERDERS = Party("Armed transhumant herders", "armed herders", "communal militia",
                ("Tabassi", "Bas-Sanvi"))
BANDITS = Party("Armed bandits (road gangs)", "bandits", "criminal", ("Ouadjé", "Bas-Sanvi"))
UNKNOWN = Party("Unidentified armed men", "unidentified armed men", "unknown")
CIVILIANS = Party("Civilians (Belnara)", "civilians", "civilians")
TRADERS = Party("Traders and transporters (Belnara)", "traders", "civilians")
HUMANITARIANS = Party("Humanitarian workers", "humanitarian workers", "humanitarian")
MINUSBEL = Party("MINUSBEL", "MINUSBEL", "United Nations")
PROTESTERS = Party("Protesters (Belnara)", "protesters", "protesters")
RDB = Party("Rally for Democracy in Belnara (RDB) supporters", "RDB supporters",
            "opposition party")
STUDENTS = Party("Students (Belnara)", "students", "protesters")
RIOTERS = Party("Rioters (Belnara)", "rioters", "rioters")
NOBODY = Party("", "", "none")

PARTIES = [FAB, PNB, GOV, FRB, ANP, M9J, TOLO, KESSARE, HERDERS, BANDITS, UNKNOWN]


@dataclass(frozen=True)
class SourcePlan:
    key: str
    name: str
    kind: str
    reliability: str
    description: str


K, R = SourceKind, Reliability
SOURCES = [
    SourcePlan("mil-n", "Sector North (military)", K.MILITARY, R.B,
               "Patrol and team-site reports of Sector North."),
    SourcePlan("mil-w", "Sector West (military)", K.MILITARY, R.B,
               "Patrol and team-site reports of Sector West."),
    SourcePlan("mil-se", "Sector South-East (military)", K.MILITARY, R.B,
               "Patrol and team-site reports of Sector South-East."),
    SourcePlan("unpol", "United Nations Police", K.POLICE, R.B,
               "Reports of the formed police units and individual police officers."),
    SourcePlan("hrd", "Human Rights Division", K.CIVILIAN, R.B,
               "Monitoring and investigation reports; verified to human-rights standards."),
    SourcePlan("can", "Community alert networks (Civil Affairs)", K.CIVILIAN, R.C,
               "Calls from community focal points to the field offices."),
    SourcePlan("jmac", "Joint Mission Analysis Centre (human sources)", K.CIVILIAN, R.C,
               "Reporting from protected sources; handled as strictly confidential."),
    SourcePlan("dss", "UN Department of Safety and Security", K.UNCT, R.B,
               "Security incident reports of the UN security management system."),
    SourcePlan("ocha", "OCHA access monitoring", K.UNCT, R.B,
               "Humanitarian access incidents reported by the humanitarian community."),
    SourcePlan("protect", "UNHCR and UNICEF protection monitoring", K.UNCT, R.C,
               "Protection monitoring of displaced people and children."),
    SourcePlan("radio", "Radio Belnara Libre", K.OPEN_SOURCE, R.C,
               "Independent radio network; local correspondents in every province."),
    SourcePlan("social", "Social media monitoring", K.OPEN_SOURCE, R.E,
               "Posts and videos collected by the Public Information Office."),
    SourcePlan("emfab", "General Staff of the Belnaran Armed Forces (liaison)", K.PARTNER, R.C,
               "Information shared by the FAB liaison officer at the JOC."),
    SourcePlan("prefect", "Prefectures and local authorities", K.PARTNER, R.D,
               "Reports of prefects, sub-prefects and village chiefs."),
]

# Where each kind of incident is usually first heard of: source key -> weight. "mil" is the
# military source of the sector the incident falls in.
SOURCES_BY_CATEGORY: dict[str, dict[str, float]] = {
    "armed_violence": {"mil": 45, "jmac": 5, "hrd": 5, "radio": 12, "social": 8, "emfab": 12,
                       "prefect": 8, "can": 5},
    "un_safety": {"mil": 60, "dss": 30, "unpol": 10},
    "protection": {"hrd": 30, "can": 20, "protect": 15, "mil": 15, "radio": 10, "prefect": 10},
    "public_order": {"unpol": 50, "radio": 20, "social": 15, "hrd": 10, "dss": 5},
    "crime": {"unpol": 40, "can": 20, "prefect": 20, "radio": 10, "mil": 10},
    "movement-restriction": {"mil": 60, "dss": 20, "ocha": 10, "unpol": 10},
    "armed-group-movement": {"mil": 50, "jmac": 30, "can": 10, "emfab": 10},
    "access": {"ocha": 60, "protect": 20, "dss": 20},
    "explosive-hazard": {"mil": 60, "dss": 20, "prefect": 10, "can": 10},
    "natural-hazard": {"ocha": 50, "prefect": 30, "radio": 20},
    "other": {"radio": 50, "prefect": 20, "can": 15, "hrd": 15},
}
# Second reports of an event that the JOC links as duplicates come from these.
DUPLICATE_SOURCES = {"radio": 40, "social": 25, "prefect": 20, "can": 15}

SECTOR_OF_REGION = {
    "Haut-Sanvi": "mil-n", "Kourala": "mil-n", "Ouadjé": "mil-w", "Mekondé": "mil-w",
    "Tabassi": "mil-se", "Bas-Sanvi": "mil-se", "Mbarenga Capital District": "mil-se",
}

# Monthly multipliers (January first). Armed violence follows the dry season (November-April)
# and drops when the rains (June-September) close the tracks; floods follow the rains.
SEASONS: dict[str, tuple[float, ...]] = {
    "armed": (1.25, 1.35, 1.4, 1.2, 0.95, 0.65, 0.45, 0.4, 0.5, 0.8, 1.1, 1.2),
    "mild": (1.1, 1.15, 1.15, 1.1, 1.0, 0.85, 0.75, 0.7, 0.8, 0.95, 1.05, 1.1),
    "civic": (1.0, 1.0, 1.05, 1.05, 1.0, 0.9, 0.8, 0.8, 0.9, 1.0, 1.05, 1.0),
    "rain": (0.1, 0.1, 0.2, 0.5, 1.0, 2.0, 3.2, 3.6, 2.8, 1.2, 0.3, 0.1),
}

Pairs = tuple[tuple[Party, Party, float], ...]


@dataclass(frozen=True)
class Stream:
    """One recurring pattern of incidents: how often, what, where, between whom."""

    key: str
    rate: float  # incidents a day at full reporting coverage, before season and profile
    categories: dict[str, float]
    places: dict[str, float]  # anchor town (or road key for ``on_roads``) -> weight
    actors: dict[str, Pairs]  # category code -> (actor1, actor2, weight)
    season: str = "armed"
    profile: str = ""  # "election", "fom", "ied" or "" (see incidents.PROFILES)
    escalates: bool = True  # follows the Tabassi escalation where its places lie in Tabassi
    on_roads: bool = False


TOWN_WEIGHT = {"Mbarenga": 4.0, "Sanvi-Ville": 2, "Kourala": 2, "Ouadjé": 2, "Mekondé": 2,
               "Tabassi": 2, "Lomassa": 2, "Dorokou": 1, "Bangassi": 1, "Fadimé": 1, "Tissalé": 1,
               "Abéssa": 1, "Tirkou": 1, "Bolobi": 1, "Ngaré": 1, "Ouri": 1, "Kassongé": 1,
               "Kémbo": 1, "Nzari": 1.5}

# Main supply routes: key -> (from town, to town).
ROADS = {
    "MSR-2 Tabassi-Kassongé": ("Tabassi", "Kassongé"),
    "MSR-2 Mbarenga-Ouri": ("Mbarenga", "Ouri"),
    "MSR-3 Mekondé-Bolobi": ("Mekondé", "Bolobi"),
    "MSR-4 Ouadjé-Tirkou": ("Ouadjé", "Tirkou"),
    "MSR-1 Lomassa-Nzari": ("Lomassa", "Nzari"),
}

STREAMS = [
    Stream("banditry", 1.3, {"crime": 80, "hijacking": 20}, TOWN_WEIGHT, {
        "crime": ((BANDITS, CIVILIANS, 6), (UNKNOWN, CIVILIANS, 3), (BANDITS, TRADERS, 1)),
        "hijacking": ((BANDITS, TRADERS, 6), (BANDITS, HUMANITARIANS, 2.5),
                      (BANDITS, MINUSBEL, 1.5)),
    }, season="mild", escalates=False),
    Stream("cease-fire", 0.6,
           {"clash-state": 55, "armed-group-movement": 28, "territory-change": 5,
            "remote-violence": 3, "poc-threat": 9},
           {"Ngaré": 2, "Mekondé": 1, "Abéssa": 1.5, "Ouadjé": 0.5, "Fadimé": 1.5, "Tissalé": 1,
            "Sanvi-Ville": 0.5}, {
        "clash-state": ((FAB, FRB, 4), (FAB, ANP, 3.5), (FRB, FAB, 1.5), (ANP, FAB, 1)),
        "armed-group-movement": ((FRB, NOBODY, 5), (ANP, NOBODY, 5)),
        "territory-change": ((ANP, FAB, 5), (FAB, FRB, 5)),
        "remote-violence": ((FAB, FRB, 1),),
        "poc-threat": ((FRB, CIVILIANS, 1), (ANP, CIVILIANS, 1)),
    }),
    Stream("bangassi", 1.0,
           {"clash-non-state": 35, "attack-civilians": 25, "abduction": 10,
            "sexual-violence": 6, "poc-threat": 12, "armed-group-movement": 12},
           {"Bangassi": 4, "Dorokou": 1.5, "Sanvi-Ville": 0.5}, {
        "clash-non-state": ((ANP, TOLO, 7), (TOLO, ANP, 3)),
        "attack-civilians": ((ANP, CIVILIANS, 5), (TOLO, CIVILIANS, 5)),
        "abduction": ((ANP, CIVILIANS, 6), (UNKNOWN, CIVILIANS, 4)),
        "sexual-violence": ((ANP, CIVILIANS, 6), (TOLO, CIVILIANS, 4)),
        "poc-threat": ((ANP, CIVILIANS, 5), (TOLO, CIVILIANS, 5)),
        "armed-group-movement": ((ANP, NOBODY, 6), (TOLO, NOBODY, 4)),
    }),
    Stream("bolobi", 0.9,
           {"clash-state": 30, "clash-non-state": 30, "attack-civilians": 15,
            "armed-group-movement": 10, "remote-violence": 5, "poc-threat": 5, "abduction": 5},
           {"Bolobi": 4, "Ngaré": 1, "Mekondé": 1}, {
        "clash-state": ((FAB, M9J, 8), (M9J, FAB, 2)),
        "clash-non-state": ((M9J, FRB, 7), (FRB, M9J, 3)),
        "attack-civilians": ((M9J, CIVILIANS, 6), (FAB, CIVILIANS, 2), (FRB, CIVILIANS, 2)),
        "armed-group-movement": ((M9J, NOBODY, 1),),
        "remote-violence": ((FAB, M9J, 1),),
        "poc-threat": ((M9J, CIVILIANS, 1),),
        "abduction": ((M9J, CIVILIANS, 1),),
    }),
    Stream("tirkou", 0.7,
           {"crime": 25, "hijacking": 25, "abduction": 20, "humanitarian-access": 20,
            "attack-civilians": 10},
           {"Tirkou": 4, "Abéssa": 2}, {
        "crime": ((BANDITS, CIVILIANS, 1),),
        "hijacking": ((BANDITS, TRADERS, 6), (BANDITS, HUMANITARIANS, 4)),
        "abduction": ((BANDITS, CIVILIANS, 7), (BANDITS, HUMANITARIANS, 3)),
        "humanitarian-access": ((BANDITS, HUMANITARIANS, 1),),
        "attack-civilians": ((BANDITS, CIVILIANS, 1),),
    }, season="mild"),
    Stream("tabassi", 0.45,
           {"clash-non-state": 22, "clash-state": 15, "attack-civilians": 25, "poc-threat": 10,
            "abduction": 6, "sexual-violence": 4, "armed-group-movement": 10,
            "humanitarian-access": 5, "territory-change": 3},
           {"Kassongé": 4, "Ouri": 2, "Tabassi": 1.5}, {
        "clash-non-state": ((KESSARE, HERDERS, 5), (HERDERS, KESSARE, 2.5), (M9J, KESSARE, 2.5)),
        "clash-state": ((FAB, M9J, 6), (M9J, FAB, 4)),
        "attack-civilians": ((M9J, CIVILIANS, 4.5), (HERDERS, CIVILIANS, 2.5),
                             (KESSARE, CIVILIANS, 3)),
        "poc-threat": ((M9J, CIVILIANS, 6), (KESSARE, CIVILIANS, 4)),
        "abduction": ((M9J, CIVILIANS, 1),),
        "sexual-violence": ((M9J, CIVILIANS, 6), (HERDERS, CIVILIANS, 4)),
        "armed-group-movement": ((M9J, NOBODY, 6), (HERDERS, NOBODY, 4)),
        "humanitarian-access": ((M9J, HUMANITARIANS, 1),),
        "territory-change": ((M9J, FAB, 1),),
    }),
    Stream("fom", 0.4, {"movement-restriction": 1},
           {"Bangassi": 2, "Dorokou": 2, "Fadimé": 1.5, "Tissalé": 1, "Sanvi-Ville": 1}, {
        "movement-restriction": ((ANP, MINUSBEL, 8.5), (ANP, HUMANITARIANS, 1.5)),
    }, season="mild", profile="fom", escalates=False),
    Stream("explosives", 0.13, {"explosive-hazard": 1},
           {"MSR-2 Tabassi-Kassongé": 4, "MSR-3 Mekondé-Bolobi": 3, "MSR-4 Ouadjé-Tirkou": 1.5,
            "MSR-2 Mbarenga-Ouri": 1}, {
        "explosive-hazard": ((UNKNOWN, CIVILIANS, 5), (UNKNOWN, MINUSBEL, 2), (M9J, FAB, 2),
                             (NOBODY, NOBODY, 1)),
    }, profile="ied", on_roads=True),
    Stream("protests", 0.28, {"demonstration": 75, "riot": 25},
           {"Mbarenga": 6, "Sanvi-Ville": 1, "Kourala": 1, "Ouadjé": 1, "Mekondé": 1, "Tabassi": 1,
            "Lomassa": 1}, {
        "demonstration": ((PROTESTERS, NOBODY, 6), (RDB, NOBODY, 3), (STUDENTS, NOBODY, 1)),
        "riot": ((RIOTERS, PNB, 6), (RDB, PNB, 4)),
    }, season="civic", profile="election", escalates=False),
    Stream("access", 0.28, {"humanitarian-access": 70, "poc-threat": 30},
           {"Bangassi": 2, "Bolobi": 2, "Kassongé": 2, "Tirkou": 2, "Ouri": 1, "Dorokou": 1}, {
        "humanitarian-access": ((ANP, HUMANITARIANS, 3), (M9J, HUMANITARIANS, 3),
                                (BANDITS, HUMANITARIANS, 3), (FAB, HUMANITARIANS, 1)),
        "poc-threat": ((UNKNOWN, CIVILIANS, 1),),
    }, season="mild"),
    Stream("floods", 0.06, {"natural-hazard": 1},
           {"Nzari": 2, "Lomassa": 2, "Kémbo": 1, "Mbarenga": 1, "Tabassi": 1, "Ouri": 1},
           {"natural-hazard": ((NOBODY, NOBODY, 1),)}, season="rain", escalates=False),
    Stream("politics", 0.1, {"political-development": 1},
           {"Mbarenga": 5, "Mekondé": 2, "Sanvi-Ville": 1, "Kourala": 1, "Tabassi": 1}, {
        "political-development": ((GOV, FRB, 4), (GOV, ANP, 4), (GOV, RDB, 2)),
    }, season="civic", escalates=False),
    Stream("un-safety", 0.05, {"attack-un-personnel": 50, "attack-un-premises": 50},
           {"Kassongé": 3, "Bolobi": 2, "Bangassi": 2, "Ouri": 1, "Dorokou": 0.5, "Tirkou": 0.5,
            "Abéssa": 0.5}, {
        "attack-un-personnel": ((M9J, MINUSBEL, 4), (UNKNOWN, MINUSBEL, 3.5),
                                (TOLO, MINUSBEL, 1), (BANDITS, MINUSBEL, 1.5)),
        "attack-un-premises": ((M9J, MINUSBEL, 4), (UNKNOWN, MINUSBEL, 3.5),
                               (BANDITS, MINUSBEL, 2.5)),
    }),
]
# fmt: on

ESCALATION_REGION = "Tabassi"
ELECTION_DAY = D(2025, 2, 16)
RESULTS_DAY = D(2025, 2, 27)
CRISIS_START = datetime.datetime(2025, 11, 8, 4, 40, tzinfo=datetime.UTC)
CRISIS_END = datetime.datetime(2025, 11, 29, 18, 0, tzinfo=datetime.UTC)


def escalation(day: datetime.date) -> float:
    """How much more violent Tabassi is than its 2023-2024 normal on ``day``.

    Flat until 2025, then a slow rise through the year, a burst while the crisis is open
    (from the attack on Team Site Kassongé), and a slow decay to a higher normal.
    """
    if day < D(2025, 1, 1):
        return 1.0
    if day < CRISIS_START.date():
        return 1.0 + 3.5 * (day - D(2025, 1, 1)).days / (CRISIS_START.date() - D(2025, 1, 1)).days
    if day <= CRISIS_END.date():
        return 9.0 if day < D(2025, 11, 19) else 6.0
    months = (day - CRISIS_END.date()).days / 30.4
    return max(1.6, 4.0 * 0.7**months)


def election(day: datetime.date) -> float:
    """Demonstrations around the presidential election and the results (January-March 2025)."""
    if not D(2025, 1, 10) <= day <= D(2025, 3, 15):
        return 1.0
    peak = min(abs((day - ELECTION_DAY).days), abs((day - RESULTS_DAY).days))
    return 3.0 + 9.0 * max(0.0, 1 - peak / 10)


def fom(day: datetime.date) -> float:
    """The ANP tightened its checkpoints before the election and after the Kassongé attack."""
    if D(2024, 12, 1) <= day <= D(2025, 3, 31):
        return 1.8
    if CRISIS_START.date() <= day <= D(2026, 1, 31):
        return 1.5
    return 1.0


def ied(day: datetime.date) -> float:
    """Explosive hazards on the main roads grow as the M9J turns to mines in 2025."""
    return {2023: 0.5, 2024: 1.0, 2025: 1.8}.get(day.year, 1.4)


PROFILES = {"election": election, "fom": fom, "ied": ied}

# While the crisis is open the Tabassi pattern turns to attacks on civilians and displacement.
CRISIS_MIX: dict[str, float] = {
    "attack-civilians": 45,
    "poc-threat": 15,
    "clash-state": 12,
    "abduction": 8,
    "humanitarian-access": 7,
    "armed-group-movement": 5,
    "sexual-violence": 5,
    "clash-non-state": 3,
}

# How the JOC words its log: verification notes and title templates ({a1}/{A1}: first actor,
# {a2}: second, {at}: "near X", {name}: the place).
VERIFIED_NOTES = [
    "Confirmed by a MINUSBEL patrol on site.",
    "Confirmed by the Human Rights Division after interviews with witnesses.",
    "Corroborated by two independent sources.",
    "Joint Protection Team visit confirmed the report.",
    "Confirmed by the local authorities and hospital records.",
]
PARTIAL_NOTES = [
    "Event confirmed; casualty figures not yet confirmed.",
    "Location confirmed by imagery; perpetrators not identified.",
    "One independent source confirms part of the report.",
]
REFUTED_NOTES = [
    "A patrol found no trace of the reported event.",
    "The report concerned an older event already logged.",
    "Witnesses contradict the report; rumour spread on social media.",
]

TITLES: dict[str, tuple[str, ...]] = {
    "clash-state": ("Armed clash between {a1} and {a2} {at}", "{A1} and {a2} exchange fire {at}"),
    "clash-non-state": ("Fighting between {a1} and {a2} {at}", "{A1} attack {a2} positions {at}"),
    "territory-change": ("{A1} take control of {name}", "{A1} push {a2} out of {name}"),
    "remote-violence": ("{A1} shell {a2} positions {at}", "{A1} drone strike on {a2} {at}"),
    "attack-un-personnel": ("{A1} fire on a MINUSBEL patrol {at}",),
    "attack-un-premises": ("Attack on MINUSBEL premises {at}", "MINUSBEL camp targeted {at}"),
    "attack-civilians": ("{A1} attack civilians {at}", "Attack on a village {at} by {a1}"),
    "poc-threat": ("Threats against the population {at} attributed to {a1}",),
    "abduction": ("Abduction of {abducted} {at} by {a1}",),
    "sexual-violence": ("Conflict-related sexual violence reported {at}",),
    "demonstration": ("{A1} demonstrate {at}", "Demonstration {at}"),
    "riot": ("Riot {at}: {a1} clash with the police", "Violent demonstration {at}"),
    "crime": ("Armed robbery {at}", "Looting of shops {at}", "Cattle theft {at}"),
    "hijacking": ("Hijacking of {vehicle} {at}",),
    "armed-group-movement": ("Movement of {a1} elements {at}", "{A1} reinforce positions {at}"),
    "movement-restriction": (
        "{A1} checkpoint blocks a MINUSBEL patrol {at}",
        "{A1} deny {a2} passage {at}",
    ),
    "humanitarian-access": ("Humanitarian convoy turned back {at}", "Aid workers threatened {at}"),
    "explosive-hazard": ("IED strike {at}", "Landmine explosion {at}"),
    "natural-hazard": ("Flooding {at}", "Heavy rains destroy houses {at}"),
    "political-development": ("Talks between {a1} and {a2} in {name}",),
}
VEHICLES = {"traders": "a commercial truck", "humanitarian workers": "a humanitarian vehicle"}
