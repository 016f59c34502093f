"""MINUSBEL: the demo's multi-dimensional mission in Belnara (fictional; Capstone §2.3).

Mandated in March 2023 after the (fictional) Lomassa Agreement, it reached initial operating
capability within the 90-day target of Capstone §6.2, declared full operating capability with an
override while one battalion was still deploying, and now implements its mandate. Dates are
fixed, so the scenario is the same on every machine and every day.
"""

from __future__ import annotations

import datetime

from bluehelmet.core.models import (
    ComponentKind,
    ContingentStatus,
    MissionType,
    OrgUnitKind,
    PartnerKind,
    PersonnelCategory,
    PostRole,
    SofaStatus,
    UnitType,
)
from bluehelmet.core.permissions import Sensitivity
from bluehelmet.core.phases import Phase
from bluehelmet.demo.plan import (
    ContingentPlan,
    HolderPlan,
    MissionPlan,
    PartnerPlan,
    PostPlan,
    TransitionPlan,
    UnitPlan,
)
from bluehelmet.lifecycle.models import MilestoneKind

D = datetime.date
K = OrgUnitKind
R = PostRole
U = UnitType
S = ContingentStatus
INTL, NAT = PersonnelCategory.INTERNATIONAL_CIVILIAN, PersonnelCategory.NATIONAL_CIVILIAN
MIL, POL, UNV = PersonnelCategory.MILITARY, PersonnelCategory.POLICE, PersonnelCategory.UN_VOLUNTEER
CONF, STRICT = Sensitivity.CONFIDENTIAL, Sensitivity.STRICTLY_CONFIDENTIAL

CODE = "MINUSBEL"

MISSION = {
    "code": CODE,
    "name": "United Nations Multidimensional Integrated Stabilization Mission in Belnara",
    "host_country": "XBN",
    "host_country_name": "Belnara",
    "mission_type": MissionType.MULTIDIMENSIONAL,
    "mandate_authorised_on": D(2023, 3, 14),
    "sofa_status": SofaStatus.IN_FORCE,
    "sofa_signed_on": D(2023, 5, 2),
    "description": (
        "Fictional training scenario. After a decade of conflict, the Government of Belnara, the "
        "Front for the Renewal of Belnara (FRB) and the Alliance of the Northern Provinces (ANP) "
        "signed the Lomassa Agreement in January 2023. The Security Council mandated MINUSBEL on "
        "14 March 2023 to protect civilians, support the cease-fire and the disarmament, "
        "demobilization and reintegration of combatants, and help extend state authority to the "
        "six provinces."
    ),
}

COMPONENTS = [
    ("force", ComponentKind.MILITARY, "Force"),
    ("police", ComponentKind.POLICE, "United Nations Police"),
    ("civ", ComponentKind.CIVILIAN, "Substantive civilian offices"),
    ("support", ComponentKind.SUPPORT, "Mission Support"),
]


def _unit(
    key: str,
    kind: str,
    name: str,
    town: str,
    parent: str | None,
    component: str | None,
    established: datetime.date,
    closed: datetime.date | None = None,
) -> UnitPlan:
    return UnitPlan(key, kind, name, town, parent, component, established, closed)


def _ts(
    key: str,
    town: str,
    sector: str,
    established: datetime.date,
    closed: datetime.date | None = None,
) -> UnitPlan:
    return UnitPlan(
        key, K.TEAM_SITE, f"Team Site {town}", town, sector, "force", established, closed
    )


# fmt: off
# Tables: one row per record, aligned for reading; the formatter would split every row.
UNITS = [
    _unit("hq", K.MISSION_HQ, "Mission Headquarters Mbarenga", "Mbarenga", None, None,
          D(2023, 4, 3)),
    _unit("log", K.LOGISTICS_HUB, "Logistics Hub Nzari", "Nzari", "hq", "support", D(2023, 5, 20)),
    _unit("lo", K.LIAISON_OFFICE, "Liaison Office Mekondé (Joint Ceasefire Commission)",
          "Mekondé", "hq", "civ", D(2023, 7, 10)),
    _unit("sn", K.SECTOR_HQ, "Sector North Headquarters", "Kourala", "hq", "force",
          D(2023, 5, 15)),
    _unit("sw", K.SECTOR_HQ, "Sector West Headquarters", "Ouadjé", "hq", "force", D(2023, 5, 29)),
    _unit("sse", K.SECTOR_HQ, "Sector South-East Headquarters", "Lomassa", "hq", "force",
          D(2023, 6, 12)),
    _unit("fo1", K.FIELD_OFFICE, "Field Office Sanvi-Ville", "Sanvi-Ville", "hq", "civ",
          D(2023, 6, 19)),
    _unit("fo2", K.FIELD_OFFICE, "Field Office Kourala", "Kourala", "hq", "civ", D(2023, 6, 26)),
    _unit("fo3", K.FIELD_OFFICE, "Field Office Ouadjé", "Ouadjé", "hq", "civ", D(2023, 7, 17)),
    _unit("fo4", K.FIELD_OFFICE, "Field Office Tabassi", "Tabassi", "hq", "civ", D(2023, 8, 7)),
    _ts("ts1", "Dorokou", "sn", D(2023, 7, 3)),
    _ts("ts2", "Bangassi", "sn", D(2023, 8, 14)),
    _ts("ts3", "Fadimé", "sn", D(2023, 9, 4)),
    _ts("ts4", "Tissalé", "sn", D(2023, 9, 25), closed=D(2025, 3, 31)),
    _ts("ts5", "Abéssa", "sw", D(2023, 7, 24)),
    _ts("ts6", "Tirkou", "sw", D(2023, 10, 16)),
    _ts("ts7", "Bolobi", "sw", D(2023, 8, 21)),
    _ts("ts8", "Ngaré", "sw", D(2024, 1, 22)),
    _ts("ts9", "Ouri", "sse", D(2023, 9, 11)),
    _ts("ts10", "Kassongé", "sse", D(2023, 11, 6)),
    _ts("ts11", "Kémbo", "sse", D(2024, 2, 19)),
]
# fmt: on


def civ(
    start: datetime.date,
    end: datetime.date | None = None,
    *,
    acting: bool = False,
    female: bool | None = None,
    login: str | None = None,
) -> HolderPlan:
    return HolderPlan("*civ", INTL, start, end, acting=acting, female=female, login=login)


def mil(pool: str, start: datetime.date, end: datetime.date | None = None) -> HolderPlan:
    return HolderPlan(pool, MIL, start, end)


def pol(pool: str, start: datetime.date, end: datetime.date | None = None) -> HolderPlan:
    return HolderPlan(pool, POL, start, end)


def _post(
    key: str,
    title: str,
    role: str,
    component: str | None,
    unit: str | None,
    reports_to: str | None,
    grade: str,
    *holders: HolderPlan,
    mlt: bool = False,
    do: bool = False,
) -> PostPlan:
    return PostPlan(
        key,
        title,
        role,
        component,
        unit,
        reports_to,
        grade,
        holders,
        mlt=mlt,
        designated_official=do,
    )


def _head_of_office(n: int, town: str, start: datetime.date) -> PostPlan:
    return _post(
        f"hfo{n}",
        f"Head of Field Office {town}",
        R.HEAD_OF_OFFICE,
        "civ",
        f"fo{n}",
        "dsrsg",
        "P-5",
        civ(start),
    )


# fmt: off
# A post's ``reports_to`` must appear above it. Two rotations show past holders.
POSTS = [
    _post("srsg", "Special Representative of the Secretary-General and Head of Mission", R.HOM,
          None, "hq", None, "USG", civ(D(2023, 4, 10), login="head-of-mission"),
          mlt=True, do=True),
    _post("dsrsg", "Deputy Special Representative (Political)", R.DSRSG, "civ", "hq", "srsg",
          "ASG", civ(D(2023, 5, 2), login="mlt-member"), mlt=True),
    _post("rchc", "Deputy Special Representative, Resident and Humanitarian Coordinator",
          R.DSRSG_RC_HC, "civ", "hq", "srsg", "ASG", civ(D(2023, 5, 8)), mlt=True),
    _post("fc", "Force Commander", R.FORCE_COMMANDER, "force", "hq", "srsg", "ASG",
          mil("RWA", D(2023, 4, 24), D(2024, 10, 31)), mil("NPL", D(2024, 11, 1)), mlt=True),
    _post("pc", "Police Commissioner", R.POLICE_COMMISSIONER, "police", "hq", "srsg", "D-2",
          pol("SEN", D(2023, 5, 15), D(2024, 5, 15)), pol("BFA", D(2024, 5, 16)), mlt=True),
    _post("dms", "Director of Mission Support", R.CHIEF_MISSION_SUPPORT, "support", "hq", "srsg",
          "D-2", civ(D(2023, 4, 17), login="mission-support"), mlt=True),
    _post("cos", "Chief of Staff", R.CHIEF_OF_STAFF, None, "hq", "srsg", "D-2",
          civ(D(2023, 4, 17)), mlt=True),
    _post("csa", "Chief Security Adviser", R.CHIEF_SECURITY_ADVISER, None, "hq", "srsg", "P-5",
          civ(D(2023, 4, 12))),
    _post("joc", "Chief, Joint Operations Centre", R.CHIEF_JOC, None, "hq", "cos", "P-5",
          civ(D(2023, 4, 28), login="joc-officer")),
    _post("jmac", "Chief, Joint Mission Analysis Centre", R.CHIEF_JMAC, None, "hq", "cos", "P-5",
          civ(D(2023, 5, 15), D(2025, 6, 30)),
          civ(D(2025, 7, 1), acting=True, login="jmac-analyst")),
    _post("jloc", "Chief, Joint Logistics Operations Centre", R.CHIEF_JLOC, "support", "hq", "dms",
          "P-5", civ(D(2023, 5, 8))),
    _post("cpi", "Chief of Public Information", R.CHIEF_PUBLIC_INFORMATION, "civ", "hq", "srsg",
          "P-5", civ(D(2023, 5, 22))),
    _post("cdt", "Chief, Conduct and Discipline Team", R.CONDUCT_DISCIPLINE, None, "hq", "cos",
          "P-5", civ(D(2023, 6, 5), login="conduct-discipline")),
    _post("dfc", "Deputy Force Commander", R.STAFF, "force", "hq", "fc", "D-2",
          mil("PAK", D(2023, 5, 10))),
    _post("fcos", "Force Chief of Staff", R.STAFF, "force", "hq", "fc", "Brig Gen",
          mil("*tcc", D(2023, 5, 10))),
    _post("dpc", "Deputy Police Commissioner", R.STAFF, "police", "hq", "pc", "D-1",
          pol("*pcc", D(2023, 6, 1))),
    _post("comsn", "Commander, Sector North", R.SECTOR_COMMANDER, "force", "sn", "fc", "Brig Gen",
          mil("PAK", D(2023, 7, 2))),
    _post("comsw", "Commander, Sector West", R.SECTOR_COMMANDER, "force", "sw", "fc", "Brig Gen",
          mil("BGD", D(2023, 6, 10), D(2024, 6, 28)), mil("BGD", D(2024, 6, 29))),
    _post("comsse", "Commander, Sector South-East", R.SECTOR_COMMANDER, "force", "sse", "fc",
          "Colonel", mil("RWA", D(2023, 6, 20))),
    _head_of_office(1, "Sanvi-Ville", D(2023, 6, 19)),
    _head_of_office(2, "Kourala", D(2023, 6, 26)),
    _head_of_office(3, "Ouadjé", D(2023, 7, 17)),
    _head_of_office(4, "Tabassi", D(2023, 8, 7)),
    _post("pol", "Chief, Political Affairs", R.STAFF, "civ", "hq", "dsrsg", "P-5",
          civ(D(2023, 5, 15))),
    _post("ca", "Chief, Civil Affairs", R.STAFF, "civ", "hq", "dsrsg", "P-5", civ(D(2023, 6, 1))),
    _post("hr", "Chief, Human Rights Division", R.STAFF, "civ", "hq", "srsg", "D-1",
          civ(D(2023, 6, 12))),
    _post("ddr", "Chief, Disarmament, Demobilization and Reintegration", R.STAFF, "civ", "hq",
          "dsrsg", "P-5", civ(D(2023, 7, 3))),
    _post("poc", "Senior Protection of Civilians Adviser", R.STAFF, "civ", "hq", "dsrsg", "P-5",
          civ(D(2023, 6, 19))),
    _post("gender", "Senior Gender Adviser", R.STAFF, "civ", "hq", "srsg", "P-5",
          civ(D(2023, 7, 10), female=True)),
    _post("unpolops", "Chief of Operations, United Nations Police", R.STAFF, "police", "hq", "pc",
          "Superintendent", pol("*pcc", D(2023, 6, 1))),
    _post("scm", "Chief, Supply Chain Management", R.STAFF, "support", "hq", "dms", "P-5",
          civ(D(2023, 5, 2))),
    _post("hub", "Officer-in-Charge, Logistics Hub Nzari", R.STAFF, "support", "log", "jloc",
          "P-4", civ(D(2023, 5, 20))),
    _post("cao2", "Associate Civil Affairs Officer, Kourala", R.STAFF, "civ", "fo2", "hfo2",
          "NO-B", HolderPlan("*BN", NAT, D(2023, 7, 3), login="component-staff")),
    _post("lang3", "Language Assistant, Ouadjé", R.STAFF, "civ", "fo3", "hfo3", "G-5",
          HolderPlan("*BN", NAT, D(2023, 8, 1))),
    _post("cla4", "Community Liaison Assistant, Tabassi", R.STAFF, "civ", "fo4", "hfo4", "UNV",
          HolderPlan("*civ", UNV, D(2023, 9, 4))),
]
# fmt: on


def _c(
    name: str,
    iso3: str,
    unit_type: str,
    strength: int,
    status: str,
    unit: str | None,
    arrival: datetime.date | None = None,
    *,
    repatriation: datetime.date | None = None,
    sensitivity: int = 0,
) -> ContingentPlan:
    return ContingentPlan(
        name, iso3, unit_type, strength, status, unit, arrival, repatriation, sensitivity
    )


# fmt: off
CONTINGENTS = [
    _c("Bangladesh Battalion (BANBAT-1)", "BGD", U.INFANTRY, 850, S.REPATRIATED, "sw",
       D(2023, 6, 10), repatriation=D(2024, 6, 28)),
    _c("Bangladesh Battalion (BANBAT-2)", "BGD", U.INFANTRY, 850, S.DEPLOYED, "sw", D(2024, 6, 15)),
    _c("Pakistan Battalion (PAKBATT)", "PAK", U.INFANTRY, 850, S.DEPLOYED, "sn", D(2023, 7, 2)),
    _c("Rwanda Battalion (RWABATT)", "RWA", U.INFANTRY, 800, S.DEPLOYED, "sse", D(2023, 6, 20)),
    _c("Zambia Battalion (ZAMBATT)", "ZMB", U.INFANTRY, 750, S.DEPLOYING, "sse"),
    _c("Nepal Quick Reaction Force (NEPQRF)", "NPL", U.QRF, 200, S.DEPLOYED, "hq", D(2023, 8, 12)),
    _c("Morocco Special Forces Company", "MAR", U.SPECIAL_FORCES, 150, S.DEPLOYED, "sn",
       D(2024, 3, 4), sensitivity=STRICT),
    _c("Egypt Engineering Company (EGYENG)", "EGY", U.ENGINEERING, 250, S.DEPLOYED, "log",
       D(2023, 7, 28)),
    _c("Indonesia Level II Hospital (INDOMED)", "IDN", U.MEDICAL, 65, S.DEPLOYED, "hq",
       D(2023, 8, 30)),
    _c("Bangladesh Aviation Unit (BANAIR)", "BGD", U.AVIATION, 120, S.DEPLOYED, "log",
       D(2023, 9, 18), sensitivity=CONF),
    _c("Pakistan Transport Company", "PAK", U.TRANSPORT, 160, S.DEPLOYED, "log", D(2023, 8, 20)),
    _c("Nepal Explosive Ordnance Disposal Platoon", "NPL", U.EOD, 40, S.DEPLOYED, "sw",
       D(2023, 11, 20)),
    _c("Ghana Staff Officers", "GHA", U.STAFF_OFFICERS, 18, S.DEPLOYED, "hq", D(2023, 5, 20)),
    _c("Burkina Faso Formed Police Unit", "BFA", U.FORMED_POLICE_UNIT, 140, S.DEPLOYED, "hq",
       D(2023, 7, 15)),
    _c("Senegal Formed Police Unit", "SEN", U.FORMED_POLICE_UNIT, 140, S.DEPLOYED, "sn",
       D(2023, 9, 2)),
    _c("Egypt Formed Police Unit", "EGY", U.FORMED_POLICE_UNIT, 140, S.DEPLOYED, "sse",
       D(2024, 1, 10)),
    _c("Mauritania Formed Police Unit", "MRT", U.FORMED_POLICE_UNIT, 140, S.PLEDGED, None),
    _c("Rwanda Individual Police Officers", "RWA", U.INDIVIDUAL_POLICE, 35, S.DEPLOYED, "hq",
       D(2023, 6, 5)),
    _c("Tunisia Individual Police Officers", "TUN", U.INDIVIDUAL_POLICE, 24, S.DEPLOYED, "hq",
       D(2023, 7, 1)),
]

P = PartnerKind
PARTNERS = [
    PartnerPlan("United Nations Development Programme", "UNDP", P.UNCT_AGENCY, focal_pool="*civ",
                notes="Co-leads the rule-of-law and stabilization programmes with the mission."),
    PartnerPlan("United Nations Children's Fund", "UNICEF", P.UNCT_AGENCY, humanitarian=True,
                focal_pool="*civ", notes="Release of children from armed groups (DDR)."),
    PartnerPlan("World Food Programme", "WFP", P.UNCT_AGENCY, humanitarian=True, focal_pool="*civ",
                notes="Logistics cluster lead; shares the Nzari warehouse road."),
    PartnerPlan("Office of the United Nations High Commissioner for Refugees", "UNHCR",
                P.UNCT_AGENCY, humanitarian=True, focal_pool="*civ",
                notes="Returns of displaced people to Kourala and Haut-Sanvi."),
    PartnerPlan("Office for the Coordination of Humanitarian Affairs", "OCHA", P.HUMANITARIAN,
                un_system=True, focal_pool="*civ",
                notes="Civil-military coordination; humanitarian access reports."),
    PartnerPlan("International Committee of the Red Cross", "ICRC", P.HUMANITARIAN,
                focal_pool="*civ", notes="Bilateral, confidential dialogue with all parties."),
    PartnerPlan("Médecins Sans Frontières", "MSF", P.NGO, humanitarian=True, focal_pool="*civ",
                notes="Runs the Tabassi and Ouri hospitals."),
    PartnerPlan("Belnara Women Mediators Network", "BWMN", P.NGO, focal_pool="*BN",
                notes="National civil-society partner for local peace committees."),
    PartnerPlan("World Bank", "WB", P.DONOR_IFI, focal_pool="*civ",
                notes="Finances the community reintegration programme."),
    PartnerPlan("African Union Liaison Office in Mbarenga", "AU", P.REGIONAL, focal_pool="*civ",
                notes="Guarantor of the Lomassa Agreement."),
    PartnerPlan("Operation Sentinel (bilateral support force)", "OP SENTINEL", P.NON_UN_FORCE,
                sensitivity=CONF, focal_pool="*civ",
                notes="Over-the-horizon support under a separate bilateral arrangement; "
                      "deconfliction through the JOC."),
    PartnerPlan("Ministry of Foreign Affairs and Cooperation, Republic of Belnara", "MAEC",
                P.HOST_GOVERNMENT, focal_pool="*BN", notes="SOFA counterpart."),
    PartnerPlan("National Commission for Disarmament, Demobilization and Reintegration", "CNDDR",
                P.HOST_GOVERNMENT, focal_pool="*BN"),
    PartnerPlan("General Staff of the Belnaran Armed Forces", "EMFAB", P.HOST_GOVERNMENT,
                sensitivity=CONF, focal_pool="*BN",
                notes="Joint planning of operations under the mission's due-diligence policy."),
]

M = MilestoneKind
MILESTONES = [
    (M.ADVANCE_TEAM_DEPLOYED, D(2023, 3, 28), "Advance team of 38 arrived in Mbarenga."),
    (M.JOC_ESTABLISHED, D(2023, 5, 2), "JOC standard operating procedure signed by the SRSG."),
    (M.REPORTING_LINES, D(2023, 5, 8), "Mission organigramme and delegation of authority."),
    (M.DECISION_FORUMS, D(2023, 5, 10), "Terms of reference of the Mission Leadership Team and "
                                        "the Senior Management Group on Protection."),
    (M.LEADERSHIP_TEAM_IN_PLACE, D(2023, 5, 15), "Police Commissioner arrived."),
    (M.JLOC_ESTABLISHED, D(2023, 5, 18), "JLOC co-located with the JOC."),
    (M.JMAC_ESTABLISHED, D(2023, 5, 22), "JMAC chief in post; first threat assessment issued."),
    (M.INFORMATION_MANAGEMENT, D(2023, 5, 29), "Information-management and classification "
                                               "directive issued."),
]

# IOC 83 days after the mandate: within the 90-day target (Capstone §6.2).
TRANSITIONS = [
    TransitionPlan(Phase.RAPID_DEPLOYMENT, D(2023, 3, 20)),
    TransitionPlan(Phase.HQ_START_UP, D(2023, 4, 3)),
    TransitionPlan(Phase.COMPONENT_START_UP, D(2023, 4, 24)),
    TransitionPlan(Phase.IOC, D(2023, 6, 5)),
    TransitionPlan(Phase.FOC, D(2023, 12, 18), override=(
        "Declared by the Head of Mission on the Force Commander's advice: every sector and "
        "team site operates, the Zambian battalion is still deploying and the Mauritanian "
        "formed police unit is pledged; the JLOC tracks both arrivals.")),
    TransitionPlan(Phase.MANDATE_IMPLEMENTATION, D(2024, 1, 15)),
]
# fmt: on


def plan(today: datetime.date) -> MissionPlan:
    """The MINUSBEL plan; ``today`` is unused: every date is fixed."""
    del today
    return MissionPlan(
        MISSION,
        "XBN",
        COMPONENTS,
        UNITS,
        POSTS,
        CONTINGENTS,
        PARTNERS,
        MILESTONES,
        TRANSITIONS,
        extra_people=[("*BN", NAT), ("*BN", NAT), ("*civ", UNV)],
    )
