"""MINUSBEL's Joint Mission Analysis Centre in the demo (issue 6; Capstone §7.2, §3.1, §4.2).

The JMAC's register of the actors of ``actors`` (parties, signatory movements, the M9J that
split from the FRB to reject the Lomassa Agreement and is assessed a total spoiler, the
self-defence committees and herders of the south, the road gangs), linked to the incident log
by their names; and three threat assessments that cite real incidents of the log: Tabassi
before the dry season of 2025 (approved), Kassongé after the attack on the team site (in
review) and Haut-Sanvi's checkpoints (returned to its author once, a draft again).

Everything goes through the models (``full_clean``) and the ``do_`` actions, acting as the
demo users; the actions stamp the current time, so the demo then sets the historical times,
as ``principles`` does. No randomness: incidents are chosen by fixed queries in log order.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from bluehelmet.analysis import actions as act
from bluehelmet.analysis.models import (
    Actor,
    ActorKind,
    AreaKind,
    SpoilerAssessment,
    ThreatAssessment,
    ThreatLevel,
)
from bluehelmet.core.models import Mission
from bluehelmet.core.permissions import Sensitivity
from bluehelmet.demo import actors as A
from bluehelmet.demo.users import DemoUser, add_memberships, mission_username
from bluehelmet.operations.models import Incident
from bluehelmet.principles.models import Party

D = datetime.date
UTC = datetime.UTC
K, S = ActorKind, SpoilerAssessment


@dataclass(frozen=True)
class ActorPlan:
    party: A.Party
    kind: str
    signatory: bool = False
    spoiler: str = S.NONE
    rationale: str = ""
    aliases: tuple[str, ...] = ()
    description: str = ""
    sensitivity: int = Sensitivity.CONFIDENTIAL


# fmt: off
ACTORS = [
    ActorPlan(A.FAB, K.STATE_FORCES, signatory=True, aliases=("Forces armées bélnaraises",),
              description="The national army; signed the Lomassa Agreement for the Government.",
              sensitivity=Sensitivity.UNCLASSIFIED),
    ActorPlan(A.PNB, K.STATE_FORCES, aliases=("Police nationale bélnaraise",),
              description="The national police; policing of demonstrations in the capital.",
              sensitivity=Sensitivity.UNCLASSIFIED),
    ActorPlan(A.GOV, K.PARTY, signatory=True, description="Signatory of the Lomassa Agreement.",
              sensitivity=Sensitivity.UNCLASSIFIED),
    ActorPlan(A.FRB, K.SIGNATORY_MOVEMENT, signatory=True,
              description="Signatory armed movement of the west; cantonment stalled since 2024."),
    ActorPlan(A.ANP, K.SIGNATORY_MOVEMENT, signatory=True, spoiler=S.LIMITED,
              rationale="Signed the agreement but keeps checkpoints in Haut-Sanvi that restrict "
                        "MINUSBEL and humanitarian movement; bargains for positions in the "
                        "integrated army rather than rejecting the process.",
              description="Signatory armed movement of the north."),
    ActorPlan(A.M9J, K.NON_SIGNATORY_GROUP, spoiler=S.TOTAL,
              rationale="Split from the FRB in January 2023 to reject the Lomassa Agreement; "
                        "attacks the FAB, civilians and MINUSBEL in Tabassi and Mekondé and "
                        "mines the main supply routes. No stated demand the process could meet.",
              aliases=("M9J", "Mouvement du 9 janvier"),
              description="Non-signatory splinter of the FRB, strongest in Tabassi."),
    ActorPlan(A.TOLO, K.COMMUNAL_MILITIA, aliases=("Tolo militia",),
              description="Self-defence militia of Haut-Sanvi; fights the ANP around Bangassi."),
    ActorPlan(A.KESSARE, K.UNCONTROLLED_GROUP, spoiler=S.LIMITED,
              rationale="Outside any party's control; refuses disarmament while armed herders "
                        "move through Tabassi.",
              description="Self-defence committees of Tabassi, in a cycle of reprisals with "
                          "armed herders."),
    ActorPlan(A.HERDERS, K.COMMUNAL_MILITIA, aliases=("Armed herders",),
              description="Armed transhumant herders on the Tabassi and Bas-Sanvi corridors."),
    ActorPlan(A.BANDITS, K.CRIMINAL_GROUP, spoiler=S.GREEDY,
              rationale="Profit from insecurity on the main supply routes; violence rises with "
                        "each gap in patrolling.",
              aliases=("Road gangs", "Coupeurs de route"),
              description="Road gangs on MSR-2 and MSR-4; hijackings and abductions."),
]
# fmt: on

TABASSI_NARRATIVE = (
    "Violence in Tabassi has risen steadily through 2025: M9J attacks on the FAB and on "
    "villages around Dagawa and Didiza, and a cycle of reprisals between the Kessaré committees "
    "and armed herders. The dry season from November will reopen the tracks the rains closed. "
    "The JMAC assesses that the M9J will seek to expand south of Kassongé before the end of the "
    "year, and that the committees will answer herder movements with attacks on civilians."
)
TABASSI_WORST = (
    "The M9J attacks Team Site Kassongé or the MSR-2 convoys, thousands of civilians seek "
    "protection at the team site, and the committees take the chance to settle scores."
)
KASSONGE_NARRATIVE = (
    "Since the attack on Team Site Kassongé on 8 November the M9J holds villages south of the "
    "town; attacks on civilians have replaced clashes with the FAB, and about 4,000 displaced "
    "people shelter at the team site. The local truce agreed at the end of the month is fragile."
)
KASSONGE_WORST = (
    "The truce collapses when the FAB try to retake the villages; the M9J turns on the "
    "displaced at the team site and mines MSR-2, cutting the sector off for weeks."
)
SANVI_NARRATIVE = (
    "ANP checkpoints in Haut-Sanvi block MINUSBEL patrols and humanitarian convoys more often "
    "than a year ago, while ANP-Tolo clashes around Bangassi continue at their usual level."
)


class AnalysisBuilder:
    def __init__(self, mission: Mission, users: dict[str, Any], fallback: Any) -> None:
        self.mission = mission
        self.users = users
        self.fallback = fallback

    def user(self, role: str) -> Any:
        name = mission_username(self.mission.code, role)
        if name not in self.users:
            return self.fallback
        code = self.mission.code
        add_memberships([DemoUser(name, role, code)], self.users, {code: self.mission})
        return self.users[name]

    def build(self) -> dict[str, int]:
        parties = {p.name: p for p in Party.objects.filter(mission=self.mission)}
        for plan in ACTORS:
            actor = Actor(
                mission=self.mission,
                name=plan.party.name,
                short_name=plan.party.short if plan.party.short != plan.party.name else "",
                kind=plan.kind,
                signatory=plan.signatory,
                spoiler_assessment=plan.spoiler,
                spoiler_rationale=plan.rationale,
                party=parties.get(plan.party.name),
                aliases="\n".join(plan.aliases),
                description=plan.description,
                sensitivity=plan.sensitivity,
            )
            actor.full_clean()
            actor.save()
        result = act.do_link_actor_incidents(self.mission, acting_user=self.user("jmac-analyst"))
        return {
            "actors": len(ACTORS),
            "incidents": result.incidents,
            "assessments": self._assessments(),
        }

    def incidents(self, start: D, end: D, limit: int, **q: Any) -> list[Incident]:
        """The first incidents of the log in [start, end) matching, at most confidential."""
        return list(
            Incident.objects.filter(
                mission=self.mission,
                duplicate_of__isnull=True,
                occurred_at__gte=_at(start),
                occurred_at__lt=_at(end),
                sensitivity__lte=Sensitivity.CONFIDENTIAL,
                **q,
            ).order_by("occurred_at", "title", "id")[:limit]
        )

    def _assessment(self, author: Any, cited: list[Incident], **fields: Any) -> ThreatAssessment:
        assessment = ThreatAssessment(mission=self.mission, author=author, **fields)
        assessment.full_clean()
        assessment.save()
        act.do_set_threat_assessment_citations(assessment, cited, acting_user=author)
        return assessment

    def _assessments(self) -> int:
        analyst, reviewer = self.user("jmac-analyst"), self.user("head-of-mission")
        violent = ("attack-civilians", "clash-state", "clash-non-state")
        tabassi = self._assessment(
            analyst,
            self.incidents(
                D(2025, 9, 1), D(2025, 10, 16), 8, admin1="Tabassi", category__code__in=violent
            ),
            title="Tabassi: M9J expansion and communal reprisals, fourth quarter of 2025",
            area_kind=AreaKind.ADMIN1,
            area="Tabassi",
            period_start=D(2025, 10, 1),
            period_end=D(2025, 12, 31),
            threat_level=ThreatLevel.HIGH,
            narrative=TABASSI_NARRATIVE,
            worst_case=TABASSI_WORST,
            recommendations="Reinforce Team Site Kassongé before November; escort MSR-2 convoys.",
        )
        _review(
            tabassi,
            analyst,
            reviewer,
            "approve",
            "Agreed; brief the Force Commander.",
            submitted=_at(D(2025, 10, 17)),
            reviewed=_at(D(2025, 10, 20)),
        )
        kassonge = self._assessment(
            analyst,
            self.incidents(
                D(2025, 11, 8),
                D(2025, 12, 1),
                10,
                admin1="Tabassi",
                category__code__in=(*violent, "attack-un-premises", "poc-threat"),
            ),
            title="Kassongé after the attack on the team site",
            area_kind=AreaKind.H3,
            area="856aa38ffffffff",
            period_start=D(2025, 12, 1),
            period_end=D(2026, 2, 28),
            threat_level=ThreatLevel.CRITICAL,
            narrative=KASSONGE_NARRATIVE,
            worst_case=KASSONGE_WORST,
        )
        _review(kassonge, analyst, reviewer, "submit", "", submitted=_at(D(2025, 12, 2)))
        sanvi = self._assessment(
            analyst,
            self.incidents(
                D(2026, 8, 1),
                D(2026, 10, 1),
                6,
                admin1="Haut-Sanvi",
                category__code="movement-restriction",
            ),
            title="Haut-Sanvi: ANP checkpoints and freedom of movement",
            area_kind=AreaKind.ADMIN1,
            area="Haut-Sanvi",
            period_start=D(2026, 10, 1),
            period_end=D(2026, 12, 31),
            threat_level=ThreatLevel.MODERATE,
            narrative=SANVI_NARRATIVE,
            worst_case="The ANP closes the road to Bangassi entirely.",
        )
        _review(
            sanvi,
            analyst,
            reviewer,
            "return",
            "Compare with the consent readings for the ANP in Haut-Sanvi before resubmitting.",
            submitted=_at(D(2026, 10, 5)),
            reviewed=_at(D(2026, 10, 7)),
        )
        return 3


def _at(day: D) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=UTC)


def _review(
    assessment: ThreatAssessment,
    author: Any,
    reviewer: Any,
    outcome: str,
    reason: str,
    *,
    submitted: datetime.datetime,
    reviewed: datetime.datetime | None = None,
) -> None:
    """Submit (as the author) and, unless only submitting, approve or return (as reviewer)."""
    act.do_submit_threat_assessment(assessment, acting_user=author)
    if outcome == "approve":
        act.do_approve_threat_assessment(assessment, acting_user=reviewer, reason=reason)
    elif outcome == "return":
        act.do_return_threat_assessment(assessment, acting_user=reviewer, reason=reason)
    times = {"submitted_at": submitted}
    if reviewed is not None:
        times["reviewed_at"] = reviewed
    ThreatAssessment.objects.filter(pk=assessment.pk).update(**times)


def build_analysis(mission: Mission, users: dict[str, Any], acting_user: Any) -> dict[str, int]:
    """The mission's actor register, its links and its threat assessments (after principles:
    actors point to the consent register's parties)."""
    return AnalysisBuilder(mission, users, acting_user).build()


def delete_analysis(mission: Mission) -> None:
    ThreatAssessment.objects.filter(mission=mission).delete()
    Actor.objects.filter(mission=mission).delete()
