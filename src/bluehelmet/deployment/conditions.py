"""Success conditions of an option (Capstone §4.2), judged from the factors and the records.

Each condition is a small function that reads the assessment and one option and returns a
``ConditionVerdict`` in plain words: met, weak, missing, or not applicable to this kind of
option. They advise; a planner may accept or dismiss a verdict with a recorded reason
(``do_override_condition``), kept and shown beside it, as for the principles app's verdicts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from bluehelmet.deployment.models import (
    PEACEKEEPING_TYPES,
    CouncilBacking,
    DeploymentOption,
    FactorKind,
    Judgement,
    OptionType,
    StrategicAssessment,
)

MET, WEAK, MISSING, NOT_APPLICABLE = "met", "weak", "missing", "not_applicable"
CITATION = "Capstone §4.2"


@dataclass
class ConditionVerdict:
    code: str
    name: str
    status: str
    explanation: str
    citation: str = CITATION
    subject: str = ""
    override: dict[str, Any] | None = field(default=None)

    @property
    def missing(self) -> bool:
        return self.status in {MISSING, WEAK}

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def option_subject(option: DeploymentOption) -> str:
    return f"option:{option.pk}"


def _judgements(assessment: StrategicAssessment) -> dict[str, Any]:
    return {f.factor: f for f in assessment.factors.all()}


def _factor_status(factor: Any) -> tuple[str, str]:
    """Verdict and words for one factor's judgement (an unjudged factor is missing)."""
    if factor is None:
        return MISSING, _("the factor has not been assessed")
    judgement = factor.judgement
    words = _("judged %(j)s with %(c)s confidence") % {
        "j": factor.get_judgement_display().lower(),
        "c": factor.get_confidence_display().lower(),
    }
    status = {Judgement.MET: MET, Judgement.PARTLY: WEAK}.get(judgement, MISSING)
    return status, words


def peace_to_keep(assessment: StrategicAssessment, option: DeploymentOption) -> ConditionVerdict:
    """A peace to keep: a cease-fire or agreement and parties committed to a political process."""
    name = _("A peace to keep")
    if option.option_type not in PEACEKEEPING_TYPES | {OptionType.REGIONAL_SUPPORT}:
        return ConditionVerdict("peace-to-keep", name, NOT_APPLICABLE, _("No force deploys."))
    status, words = _factor_status(_judgements(assessment).get(FactorKind.CEASEFIRE_PROCESS))
    parties = [p for p in assessment.situation.parties.all() if p.role != "neighbour"]
    uncommitted = [p.name for p in parties if p.committed is False]
    detail = _("Cease-fire and political process: %(w)s.") % {"w": words}
    if uncommitted:
        status = MISSING if status != MET or len(uncommitted) > 1 else WEAK
        detail += " " + _("Not committed to the process: %(p)s.") % {"p": ", ".join(uncommitted)}
    return ConditionVerdict("peace-to-keep", name, status, detail)


def regional_engagement(
    assessment: StrategicAssessment, option: DeploymentOption
) -> ConditionVerdict:
    """Positive regional engagement: neighbours and regional organisations support the process."""
    name = _("Positive regional engagement")
    if option.option_type == OptionType.NO_OPERATION:
        return ConditionVerdict("regional-engagement", name, NOT_APPLICABLE, _("No operation."))
    status, words = _factor_status(_judgements(assessment).get(FactorKind.REGIONAL_ARRANGEMENTS))
    detail = _("Regional arrangements: %(w)s.") % {"w": words}
    if option.option_type == OptionType.REGIONAL_SUPPORT and status != MET:
        status = MISSING
        detail += " " + _("This option rests on the regional force itself.")
    return ConditionVerdict("regional-engagement", name, status, detail)


def united_council(assessment: StrategicAssessment, option: DeploymentOption) -> ConditionVerdict:
    """A united Council: anything short of unanimous backing handicaps the operation."""
    name = _("A united Security Council")
    if option.option_type == OptionType.NO_OPERATION:
        return ConditionVerdict("united-council", name, NOT_APPLICABLE, _("No operation."))
    backing: dict[str, str] = {CouncilBacking.UNITED: MET, CouncilBacking.MAJORITY: WEAK}
    status = backing.get(assessment.council_backing, MISSING)
    detail = _("Council backing recorded as %(b)s.") % {
        "b": assessment.get_council_backing_display().lower()
    }
    if assessment.council_backing_note:
        detail += " " + assessment.council_backing_note.strip()
    return ConditionVerdict("united-council", name, status, detail)


def mandate_with_resources(
    assessment: StrategicAssessment, option: DeploymentOption
) -> ConditionVerdict:
    """A clear, achievable mandate with resources to match: goal, precise tasks and the means."""
    name = _("A clear and achievable mandate with resources to match")
    if option.option_type == OptionType.NO_OPERATION:
        return ConditionVerdict("mandate-resources", name, NOT_APPLICABLE, _("No operation."))
    factors = _judgements(assessment)
    statuses = []
    reasons = []
    for kind in (FactorKind.POLITICAL_GOAL, FactorKind.PRECISE_MANDATE):
        status, words = _factor_status(factors.get(kind))
        statuses.append(status)
        reasons.append(f"{FactorKind(kind).label}: {words}.")
    if not option.tasks.exists():
        statuses.append(MISSING)
        reasons.append(_("The option lists no tasks."))
    if option.option_type in PEACEKEEPING_TYPES and option.total_personnel == 0:
        statuses.append(MISSING)
        reasons.append(_("The option gives no size."))
    if not option.resources.strip():
        statuses.append(WEAK)
        reasons.append(_("No resources or contributors are identified."))
    worst = MISSING if MISSING in statuses else WEAK if WEAK in statuses else MET
    return ConditionVerdict("mandate-resources", name, worst, " ".join(reasons))


CONDITIONS: tuple[Callable[[StrategicAssessment, DeploymentOption], ConditionVerdict], ...] = (
    peace_to_keep,
    regional_engagement,
    united_council,
    mandate_with_resources,
)
RULE_CODES = ("peace-to-keep", "regional-engagement", "united-council", "mandate-resources")


def judge_option(
    assessment: StrategicAssessment, option: DeploymentOption, overrides: dict[Any, Any]
) -> list[ConditionVerdict]:
    """Every condition for ``option``, each marked with the decision taken on it, if any."""
    from bluehelmet.principles.overrides import describe

    verdicts = []
    for rule in CONDITIONS:
        verdict = rule(assessment, option)
        verdict.subject = option_subject(option)
        found = overrides.get((verdict.code, verdict.subject))
        verdict.override = describe(found) if found is not None else None
        verdicts.append(verdict)
    return verdicts


def missing_for(verdicts: list[ConditionVerdict]) -> list[ConditionVerdict]:
    """Conditions not in place that no planner has dismissed with a reason."""
    return [v for v in verdicts if v.missing and (v.override or {}).get("decision") != "dismissed"]


def overrides_for(assessment: StrategicAssessment, user: Any) -> dict[Any, Any]:
    rows = assessment.condition_overrides.restrict(user).select_related("decided_by")
    return {(o.rule, o.subject): o for o in rows}
