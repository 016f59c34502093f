"""How the Council came to deploy, in the demo (issue 14; Capstone §4.1-4.3, §1.4).

Two stories. MINUSBEL's own: the strategic assessment of Belnara in 2022, the technical
assessment mission of October 2022, three options, the report of January 2023 and the decision
of 14 March 2023 (resolution 2911), which the mandates module already records. And a crisis in
Ostemba under assessment now: an assessment mission just back, three options, a Council that is
not united behind the recommended one (so one success condition is missing), a draft report.

Every state change goes through the deployment and report actions as the demo HQ user. The
texts are fictional and bluehelmet's own.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

from bluehelmet.analysis.models import Actor
from bluehelmet.core.models import ContributingCountry, Mission
from bluehelmet.deployment import models as m
from bluehelmet.deployment.actions import do_change_assessment_status, do_recommend_option
from bluehelmet.deployment.decisions import DecisionInput, do_record_decision
from bluehelmet.doctrine.models import TaskType
from bluehelmet.reports.actions import do_assemble_council_report, do_clear_council_report
from bluehelmet.reports.models import CouncilReport

D = datetime.date
F, J = m.FactorKind, m.Judgement
DEMO_COUNTRIES = ("XBN", "XOS")

BELNARA_FACTORS = {
    F.THREAT_TO_PEACE: (
        J.MET,
        "high",
        "Ten years of fighting, 240,000 refugees in Tamarsa and "
        "Ostemba, armed groups crossing both borders.",
    ),
    F.REGIONAL_ARRANGEMENTS: (
        J.PARTLY,
        "medium",
        "The regional organisation mediated the "
        "Lomassa talks but has no force to offer; neighbours back the deal.",
    ),
    F.CEASEFIRE_PROCESS: (
        J.MET,
        "medium",
        "The Government, the FRB and the ANP signed the "
        "Lomassa Agreement; the M9J rejects it and holds ground in Tabassi.",
    ),
    F.POLITICAL_GOAL: (
        J.MET,
        "high",
        "Implement the Lomassa Agreement and restore state authority in the six provinces.",
    ),
    F.PRECISE_MANDATE: (J.MET, "medium", "The agreement names the tasks it asks of the UN."),
    F.PERSONNEL_SAFETY: (
        J.PARTLY,
        "medium",
        "Signatories give guarantees; the M9J and road gangs threaten the southern routes.",
    ),
}
OSTEMBA_FACTORS = {
    F.THREAT_TO_PEACE: (
        J.MET,
        "medium",
        "Fighting in the east has pushed refugees into "
        "Tamarsa, close to the line UNMOGTO observes.",
    ),
    F.REGIONAL_ARRANGEMENTS: (
        J.MET,
        "high",
        "The regional organisation leads a mediation and offers liaison officers.",
    ),
    F.CEASEFIRE_PROCESS: (
        J.MET,
        "medium",
        "A cease-fire signed in the capital holds along "
        "the front; the parties meet weekly under regional mediation.",
    ),
    F.POLITICAL_GOAL: (J.MET, "medium", "Elections under a transitional charter."),
    F.PRECISE_MANDATE: (J.MET, "medium", "The charter lists what the parties ask of the UN."),
    F.PERSONNEL_SAFETY: (
        J.PARTLY,
        "low",
        "Guarantees from the Government and the Eastern "
        "Front; none yet from the militias of the lakes.",
    ),
}


def _tasks(*codes: str) -> list[TaskType]:
    return list(TaskType.objects.filter(code__in=codes))


def _option(
    assessment: Any,
    order: int,
    title: str,
    kind: str,
    tasks: tuple[str, ...],
    scenarios: dict[str, str],
    **fields: Any,
) -> m.DeploymentOption:
    option = m.DeploymentOption.objects.create(
        assessment=assessment, title=title, option_type=kind, order=order, **fields
    )
    option.tasks.set(_tasks(*tasks))
    for scenario_kind, text in scenarios.items():
        m.Scenario.objects.create(option=option, kind=scenario_kind, description=text)
    return option


def _factors(assessment: Any, spec: dict[Any, tuple[Any, str, str]]) -> dict[str, Any]:
    return {
        kind: m.DeploymentFactor.objects.create(
            assessment=assessment,
            factor=kind,
            judgement=j,
            confidence=c,
            evidence=text,
            sources="Assessment mission notes\nUN country team situation reports",
        )
        for kind, (j, c, text) in spec.items()
    }


def _tam(
    assessment: Any,
    start: datetime.date,
    lead: str,
    sites: str,
    meetings: str,
    members: list[tuple[str, str]],
    findings: list[tuple[str, str, list[Any]]],
) -> Any:
    tam = m.AssessmentMission.objects.create(
        assessment=assessment,
        started_on=start,
        ended_on=start + datetime.timedelta(days=12),
        led_by=lead,
        sites_visited=sites,
        meetings=meetings,
    )
    for name, department in members:
        m.AssessmentMissionMember.objects.create(
            assessment_mission=tam, name=name, department=department
        )
    for area, text, factors in findings:
        finding = m.AssessmentFinding.objects.create(
            assessment_mission=tam, area=area, finding=text
        )
        finding.factors.set(factors)
    return tam


MEMBERS = [
    ("Amina Diallo", "DPO"),
    ("Tomas Keller", "DPPA"),
    ("Lin Wei", "DOS"),
    ("Rosa Mendes", "OHCHR"),
    ("Idris Okafor", "UNDSS"),
    ("Claire Martin", "OCHA"),
    ("Sami Haddad", "UN country team"),
]


def build_belnara(mission: Mission, acting_user: Any, countries: list[Any]) -> CouncilReport:
    """MINUSBEL's pre-deployment story, ending in the decision already recorded in mandates."""
    situation = m.CrisisSituation.objects.create(
        name="Conflict in Belnara",
        country="XBN",
        country_name="Belnara",
        started_on=D(2013, 5, 1),
        ucdp_conflict_id=None,
        summary="A decade of war between the Government and armed movements of the north and "
        "west ended in the Lomassa Agreement of January 2023.",
        sources="Reports of the UN country team\nRegional organisation mediation notes",
    )
    for name, role, signatory, committed in (
        ("Government of Belnara", "government", True, True),
        ("Front for the Renewal of Belnara (FRB)", "armed_movement", True, True),
        ("Alliance of the Northern Provinces (ANP)", "armed_movement", True, True),
        ("Movement of 9 January (M9J)", "armed_group", False, False),
    ):
        actor = Actor.objects.filter(mission=mission, name=name).first()
        m.CrisisParty.objects.create(
            situation=situation,
            name=name,
            role=role,
            actor=actor,
            signatory=signatory,
            committed=committed,
        )
    assessment = m.StrategicAssessment.objects.create(
        situation=situation,
        title="Strategic assessment of Belnara",
        started_on=D(2022, 6, 1),
        political_options="Support the Lomassa talks; good offices of a Special Envoy.",
        security_options="Monitor a cease-fire; protect civilians in the north and south.",
        humanitarian_options="Secure access for aid to 1.1 million people in need.",
        development_options="Restore state services in the six provinces.",
        participants="DPO\nDPPA\nDOS\nOCHA\nUNDP\nRegional organisation\nGovernment of Belnara",
        council_backing=m.CouncilBacking.UNITED,
        council_backing_note="The members supported the agreement in consultations.",
    )
    factors = _factors(assessment, BELNARA_FACTORS)
    _tam(
        assessment,
        D(2022, 10, 3),
        "DPO, Office of Operations",
        "Mbarenga\nOuadjé\nKourala\nLomassa\nTabassi",
        "Government of Belnara (Mbarenga)\nFRB (Ouadjé)\nANP (Kourala)",
        MEMBERS,
        [
            (
                "political",
                "The signatories want a UN role in the agreement's monitoring bodies.",
                [factors[F.CEASEFIRE_PROCESS], factors[F.POLITICAL_GOAL]],
            ),
            (
                "security",
                "The M9J and road gangs make the south the main risk.",
                [factors[F.PERSONNEL_SAFETY]],
            ),
            ("logistics", "One paved road north; airstrips at Ouadjé and Kourala only.", []),
        ],
    )
    _option(
        assessment,
        1,
        "Special political mission",
        m.OptionType.GOOD_OFFICES,
        ("good-offices",),
        {"worst": "Fighting resumes with no one to protect civilians."},
        civilians=150,
        resources="Regular budget.",
    )
    _option(
        assessment,
        2,
        "Cease-fire observer mission",
        m.OptionType.TRADITIONAL,
        ("ceasefire-monitoring",),
        {"worst": "Observers withdraw when the south flares."},
        military_observers=200,
        resources="Observers from current contributors.",
    )
    multi = _option(
        assessment,
        3,
        "Multi-dimensional stabilization mission",
        m.OptionType.MULTIDIMENSIONAL,
        (
            "civilian-protection",
            "peace-agreement-support",
            "ceasefire-monitoring",
            "good-offices",
            "ddr-assistance",
            "human-rights-monitoring",
            "state-authority-extension",
        ),
        {
            "best": "The parties disarm on time; elections in 2025.",
            "most_likely": "The north stabilises; the M9J keeps the south insecure.",
            "worst": "The FRB splits again and attacks the mission's bases in the south.",
        },
        chapter_vii=True,
        troops=4300,
        police=700,
        military_observers=40,
        civilians=650,
        risks="Spoilers in the south; a thin road network; rainy-season access.",
        resources="Assessed contributions; battalions pledged by Bangladesh, Pakistan, Rwanda.",
    )
    multi.contributors_to_consult.set(countries)
    do_recommend_option(assessment, multi, acting_user=acting_user)
    do_change_assessment_status(assessment, m.AssessmentStatus.IN_REVIEW, acting_user=acting_user)
    do_change_assessment_status(assessment, m.AssessmentStatus.FINAL, acting_user=acting_user)
    report = CouncilReport.objects.create(
        assessment=assessment,
        title="Report of the Secretary-General on the situation in Belnara",
        symbol="S/2023/XBN-1",
        observations="The agreement gives the UN a peace to keep, with a "
        "spoiler outside it.\n\nThe Council should plan for the worst case in the south.",
        council_needs_to_know="The M9J rejects the agreement and can strike the southern routes.",
    )
    do_assemble_council_report(report, acting_user=acting_user)
    do_clear_council_report(report, acting_user=acting_user)
    # Cleared in the story's January 2023, not on the day the demo is built.
    CouncilReport.objects.filter(pk=report.pk).update(cleared_on=D(2023, 1, 20))
    do_record_decision(
        assessment,
        DecisionInput(
            outcome=m.DecisionOutcome.DEPLOY,
            decided_on=D(2023, 3, 14),
            decided_by="Security Council",
            option=multi,
            resolution_number=2911,
            existing_mission=mission,
        ),
        acting_user=acting_user,
    )
    return report


def build_ostemba(today: datetime.date, acting_user: Any, countries: list[Any]) -> CouncilReport:
    """A crisis under assessment now; the Council is divided on the recommended option."""
    ago = lambda days: today - datetime.timedelta(days=days)  # noqa: E731
    situation = m.CrisisSituation.objects.create(
        name="Crisis in eastern Ostemba",
        country="XOS",
        country_name="Ostemba",
        started_on=ago(300),
        summary="The Eastern Front took three towns near the lakes; a "
        "transitional charter and a partial cease-fire followed.",
        sources="Regional organisation mediation notes\nUNHCR refugee figures (Tamarsa)",
    )
    for name, role, committed in (
        ("Government of Ostemba", "government", True),
        ("Eastern Front", "armed_movement", True),
        ("Lakes militias", "armed_group", None),
    ):
        m.CrisisParty.objects.create(
            situation=situation,
            name=name,
            role=role,
            signatory=committed is True,
            committed=committed,
        )
    assessment = m.StrategicAssessment.objects.create(
        situation=situation,
        title="Strategic assessment of Ostemba",
        started_on=ago(120),
        political_options="Back the regional mediation; a Special Envoy.",
        security_options="Monitor the cease-fire lines; protect displaced people at the lakes.",
        humanitarian_options="Reach 300,000 displaced people east of the lakes.",
        development_options="Support the transitional authorities.",
        participants="DPO\nDPPA\nOCHA\nUNHCR\nRegional organisation",
        council_backing=m.CouncilBacking.DIVIDED,
        council_backing_note="Two permanent members question a force under Chapter VII.",
    )
    factors = _factors(assessment, OSTEMBA_FACTORS)
    _tam(
        assessment,
        ago(60),
        "DPO, Africa Division",
        "Ostemba City\nLakes region\nEastern border crossing",
        "Transitional Government\nEastern Front (lakes)",
        MEMBERS[:5],
        [
            (
                "military",
                "The Eastern Front holds its lines; the lakes militias do not.",
                [factors[F.CEASEFIRE_PROCESS]],
            ),
            (
                "humanitarian",
                "Access east of the lakes depends on local commanders.",
                [factors[F.PERSONNEL_SAFETY]],
            ),
        ],
    )
    _option(
        assessment,
        1,
        "Reinforced good offices",
        m.OptionType.GOOD_OFFICES,
        ("good-offices",),
        {"worst": "Mediation stalls; the east fights on."},
        civilians=60,
        resources="Regular budget.",
    )
    _option(
        assessment,
        2,
        "Support to a regional observer force",
        m.OptionType.REGIONAL_SUPPORT,
        ("ceasefire-monitoring",),
        {"worst": "The regional force lacks funds after a year."},
        resources="Assessed support package; regional observers.",
    )
    recommended = _option(
        assessment,
        3,
        "Observer and protection mission",
        m.OptionType.MULTIDIMENSIONAL,
        ("ceasefire-monitoring", "civilian-protection", "humanitarian-aid-support"),
        {
            "most_likely": "The cease-fire holds in the west; incidents at the lakes.",
            "worst": "The lakes militias attack displaced camps and the mission's patrols.",
        },
        chapter_vii=True,
        troops=2500,
        police=300,
        military_observers=120,
        civilians=300,
        risks="The lakes militias gave no guarantee; a divided Council.",
        resources="Assessed contributions; Rwanda and Nepal signalled interest.",
    )
    recommended.contributors_to_consult.set(countries)
    do_recommend_option(assessment, recommended, acting_user=acting_user)
    report = CouncilReport.objects.create(
        assessment=assessment,
        title="Report of the Secretary-General on the situation in Ostemba",
        council_needs_to_know="Without a united Council the parties may read the mission as "
        "half-hearted; the lakes militias are outside any agreement.",
    )
    do_assemble_council_report(report, acting_user=acting_user)
    return report


def build_deployment(
    missions: dict[str, Mission],
    today: datetime.date,
    acting_user: Any,
    progress: Callable[[str], None],
) -> None:
    belnara = missions.get("MINUSBEL")
    countries = list(ContributingCountry.objects.filter(iso3__in=("BGD", "PAK", "RWA", "NPL")))
    if belnara is not None:
        build_belnara(belnara, acting_user, countries)
    build_ostemba(today, acting_user, countries[2:])
    progress("Deciding to deploy: Belnara (decided March 2023) and Ostemba (under assessment).")


def delete_deployment() -> None:
    """The demo's crises and everything that hangs from them (their reports too)."""
    m.CrisisSituation.objects.filter(country__in=DEMO_COUNTRIES).delete()
