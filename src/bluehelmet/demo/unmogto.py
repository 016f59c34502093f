"""UNMOGTO: the demo's small traditional observer mission (fictional; Capstone §2.2).

Military observers watch the Line of Separation between Tamarsa and Ostemba agreed in the
(fictional) Kafra cease-fire. The mission is still starting up, so its dates are counted back
from today: the deployment clock (Capstone §6.2: 30 days for a traditional operation) runs.
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

K = OrgUnitKind
R = PostRole
S = ContingentStatus
MILOB = UnitType.MILITARY_OBSERVERS
INTL, MIL = PersonnelCategory.INTERNATIONAL_CIVILIAN, PersonnelCategory.MILITARY

CODE = "UNMOGTO"
MANDATE_DAYS_AGO = 24


def plan(today: datetime.date) -> MissionPlan:
    """The UNMOGTO plan, dated relative to ``today`` (the mandate was 24 days ago)."""

    def ago(days: int) -> datetime.date:
        return today - datetime.timedelta(days=days)

    mission = {
        "code": CODE,
        "name": "United Nations Military Observer Group in Tamarsa and Ostemba",
        "host_country": "XTM",
        "host_country_name": "Tamarsa",
        "mission_type": MissionType.TRADITIONAL,
        "mandate_authorised_on": ago(MANDATE_DAYS_AGO),
        "sofa_status": SofaStatus.MODEL_APPLIED,
        "description": (
            "Fictional training scenario. Unarmed military observers monitor the Kafra "
            "cease-fire along the Line of Separation between Tamarsa and Ostemba and report "
            "violations to both parties and to the Security Council."
        ),
    }
    components = [
        ("obs", ComponentKind.MILITARY, "Military Observers"),
        ("support", ComponentKind.SUPPORT, "Mission Support"),
    ]
    units = [
        UnitPlan(
            "hq", K.MISSION_HQ, "Mission Headquarters Ghedara", "Ghedara", None, None, ago(15)
        ),
        UnitPlan("lo", K.LIAISON_OFFICE, "Liaison Office Marabi", "Marabi", "hq", None, ago(10)),
        UnitPlan("ts1", K.TEAM_SITE, "Team Site Tindal", "Tindal", "hq", "obs", ago(8)),
        UnitPlan("ts2", K.TEAM_SITE, "Team Site Amsaka", "Amsaka", "hq", "obs", ago(6)),
        UnitPlan("ts3", K.TEAM_SITE, "Team Site Kanembi", "Kanembi", "hq", "obs", ago(5)),
        UnitPlan("ts4", K.TEAM_SITE, "Team Site Dar Toumi", "Dar Toumi", "hq", "obs", ago(3)),
        UnitPlan("ts5", K.TEAM_SITE, "Team Site Tessouma", "Tessouma", "hq", "obs", None),
    ]
    posts = [
        PostPlan(
            "hom",
            "Head of Mission and Chief Military Observer",
            R.HOM,
            "obs",
            "hq",
            None,
            "ASG",
            (HolderPlan("GHA", MIL, ago(16), login="head-of-mission"),),
            mlt=True,
            designated_official=True,
        ),
        PostPlan(
            "cmo",
            "Chief Military Observer (head of the military component)",
            R.FORCE_COMMANDER,
            "obs",
            "hq",
            "hom",
            "ASG",
            (HolderPlan("=hom", MIL, ago(16)),),
            mlt=True,
        ),
        PostPlan(
            "cms",
            "Chief of Mission Support",
            R.CHIEF_MISSION_SUPPORT,
            "support",
            "hq",
            "hom",
            "P-5",
            (HolderPlan("*civ", INTL, ago(17), login="mission-support"),),
            mlt=True,
        ),
        PostPlan(
            "dcmo",
            "Deputy Chief Military Observer",
            R.STAFF,
            "obs",
            "hq",
            "cmo",
            "Colonel",
            (HolderPlan("URY", MIL, ago(12), login="mlt-member"),),
            mlt=True,
        ),
        PostPlan(
            "ops",
            "Chief Operations Officer (Joint Operations Centre)",
            R.CHIEF_JOC,
            "obs",
            "hq",
            "dcmo",
            "Lt Col",
            (HolderPlan("IDN", MIL, ago(10), login="joc-officer"),),
        ),
        PostPlan(
            "sa",
            "Security Adviser",
            R.CHIEF_SECURITY_ADVISER,
            None,
            "hq",
            "hom",
            "P-4",
            (HolderPlan("*civ", INTL, ago(15)),),
        ),
        PostPlan(
            "pol",
            "Senior Political Adviser",
            R.STAFF,
            None,
            "hq",
            "hom",
            "P-5",
            (HolderPlan("*civ", INTL, ago(9)),),
        ),
        PostPlan(
            "tl1",
            "Team Leader, Team Site Tindal",
            R.STAFF,
            "obs",
            "ts1",
            "ops",
            "Major",
            (HolderPlan("NPL", MIL, ago(8)),),
        ),
        PostPlan(
            "tl3",
            "Team Leader, Team Site Kanembi",
            R.STAFF,
            "obs",
            "ts3",
            "ops",
            "Major",
            (HolderPlan("IRL", MIL, ago(5)),),
        ),
    ]
    contingents = [
        ContingentPlan("Ghana Military Observers", "GHA", MILOB, 8, S.DEPLOYED, "ts1", ago(9)),
        ContingentPlan("Uruguay Military Observers", "URY", MILOB, 6, S.DEPLOYED, "ts2", ago(7)),
        ContingentPlan("Indonesia Military Observers", "IDN", MILOB, 6, S.DEPLOYED, "ts3", ago(6)),
        ContingentPlan(
            "Ireland Staff Officers", "IRL", UnitType.STAFF_OFFICERS, 4, S.DEPLOYED, "hq", ago(11)
        ),
        ContingentPlan("Nepal Military Observers", "NPL", MILOB, 6, S.DEPLOYING, "ts4"),
        ContingentPlan("Mongolia Military Observers", "MNG", MILOB, 5, S.PLEDGED, None),
    ]
    partners = [
        PartnerPlan(
            "Ministry of Foreign Affairs, Republic of Tamarsa",
            "MFA-TM",
            PartnerKind.HOST_GOVERNMENT,
            focal_pool="*TM",
            notes="SOMA counterpart.",
        ),
        PartnerPlan(
            "Cease-fire Liaison Cell, Ostemba Defence Forces",
            "ODF-CLC",
            PartnerKind.HOST_GOVERNMENT,
            sensitivity=Sensitivity.CONFIDENTIAL,
            focal_pool="*TM",
            notes="Receives violation reports for the Ostemba side.",
        ),
        PartnerPlan(
            "International Committee of the Red Cross",
            "ICRC",
            PartnerKind.HUMANITARIAN,
            focal_pool="*civ",
            notes="Exchanges of detainees across the line.",
        ),
    ]
    milestones = [
        (MilestoneKind.ADVANCE_TEAM_DEPLOYED, ago(17), "Advance team of 9 arrived in Ghedara."),
        (MilestoneKind.REPORTING_LINES, ago(9), "Observer reporting chain agreed."),
    ]
    transitions = [
        TransitionPlan(Phase.RAPID_DEPLOYMENT, ago(21)),
        TransitionPlan(Phase.HQ_START_UP, ago(15)),
        TransitionPlan(Phase.COMPONENT_START_UP, ago(6)),
    ]
    return MissionPlan(
        mission,
        "XTM",
        components,
        units,
        posts,
        contingents,
        partners,
        milestones,
        transitions,
        extra_people=[("*TM", PersonnelCategory.NATIONAL_CIVILIAN)],
    )
