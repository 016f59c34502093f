"""Benchmark domain actions (Capstone §10.2): one transaction, one audit entry each.

A computed reading is taken and re-run here (the query it keeps is run again); an indicator is
taken over from the plan here; decisions on indicator verdicts are recorded here.
"""

from __future__ import annotations

import datetime
import enum

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bluehelmet.benchmarks import computed
from bluehelmet.benchmarks.models import (
    Benchmark,
    BenchmarkVerdictOverride,
    Indicator,
    Observation,
    SourceKind,
)
from bluehelmet.benchmarks.rules import RULE_CODES
from bluehelmet.core.audit import log_action
from bluehelmet.core.context import single_audit_entry
from bluehelmet.core.errors import ActionError
from bluehelmet.core.models import Mission
from bluehelmet.core.permissions import Action, require
from bluehelmet.core.types import Actor
from bluehelmet.core.verdicts import record_verdict_decision, require_decision
from bluehelmet.planning.models import ResultIndicator


class BenchmarkErrorCode(enum.StrEnum):
    NOT_COMPUTED = "not_computed"
    NO_DATA = "no_data"
    INVALID = "invalid"


def do_compute_observation(
    indicator: Indicator, *, observed_on: datetime.date | None = None, acting_user: Actor
) -> Observation:
    """Read a computed indicator from the platform's records for the quarter ending on
    ``observed_on`` (today): mission data, so never an independent source (Capstone §10.2)."""
    require(acting_user, Action.ADD, indicator.mission_id, indicator.sensitivity)
    if not indicator.computation:
        raise ActionError(
            BenchmarkErrorCode.NOT_COMPUTED, _("This indicator is observed, not computed.")
        )
    query = computed.make_query(indicator, observed_on or timezone.now().date())
    value = computed.run(query, acting_user)
    if value is None:
        raise ActionError(
            BenchmarkErrorCode.NO_DATA,
            _("No record you may read answers this query: %(q)s.")
            % {"q": computed.describe_query(query)},
        )
    with transaction.atomic(), single_audit_entry():
        observation = Observation.objects.create(
            indicator=indicator,
            observed_on=datetime.date.fromisoformat(query["end"]),
            value=value,
            source_kind=SourceKind.MISSION_DATA,
            source_name=indicator.get_computation_display(),
            note=computed.describe_query(query),
            query=query,
        )
        log_action(
            "compute_observation",
            observation,
            acting_user=acting_user,
            before=None,
            after=observation.snapshot(),
        )
    return observation


def do_rerun_observation(observation: Observation, *, acting_user: Actor) -> Observation:
    """Run a computed reading's stored query again and keep the figure it gives now (records
    are corrected and imported late); the audit entry keeps the figure before."""
    require(acting_user, Action.CHANGE, observation.mission_id, observation.sensitivity)
    if not observation.query:
        raise ActionError(
            BenchmarkErrorCode.NOT_COMPUTED, _("This reading was not computed: nothing to re-run.")
        )
    value = computed.run(observation.query, acting_user)
    if value is None:
        raise ActionError(BenchmarkErrorCode.NO_DATA, _("The query no longer finds any record."))
    with transaction.atomic(), single_audit_entry():
        before = observation.snapshot()
        observation.value = value
        observation.save()
        log_action(
            "rerun_observation",
            observation,
            acting_user=acting_user,
            before=before,
            after=observation.snapshot(),
        )
    return observation


def do_adopt_plan_indicator(
    benchmark: Benchmark, plan_indicator: ResultIndicator, *, acting_user: Actor
) -> Indicator:
    """Measure a benchmark by an indicator of the integrated plan: its name, level, unit,
    baseline, target and direction are taken over and linked (Capstone §5.2, §10.2)."""
    require(acting_user, Action.ADD, benchmark.mission_id, benchmark.sensitivity)
    if plan_indicator.mission_id != benchmark.mission_id:
        raise ActionError(
            BenchmarkErrorCode.INVALID, _("The plan indicator belongs to another mission.")
        )
    with transaction.atomic(), single_audit_entry():
        indicator = Indicator.objects.create(
            benchmark=benchmark,
            plan_indicator=plan_indicator,
            name=plan_indicator.name,
            level=plan_indicator.level,
            unit=plan_indicator.unit,
            baseline=plan_indicator.baseline,
            target=plan_indicator.target,
            direction=plan_indicator.direction,
            sensitivity=max(benchmark.sensitivity, plan_indicator.sensitivity),
        )
        log_action(
            "adopt_plan_indicator",
            indicator,
            acting_user=acting_user,
            before=None,
            after=indicator.snapshot(),
        )
    return indicator


def do_override_benchmark_verdict(
    mission: Mission, *, rule: str, subject: str, decision: str, reason: str, acting_user: Actor
) -> BenchmarkVerdictOverride:
    """A leader accepts or dismisses an indicator verdict with a reason; a later decision on the
    same verdict replaces it (rules advise, people decide)."""
    require(acting_user, Action.CHANGE, mission.pk)
    if rule not in RULE_CODES:
        raise ActionError(BenchmarkErrorCode.INVALID, _("No such benchmark rule."))
    require_decision(decision, reason, BenchmarkErrorCode.INVALID)
    if not (subject or "").startswith("indicator:") or len(subject) > 200:
        raise ActionError(BenchmarkErrorCode.INVALID, _("Name the indicator the verdict is on."))
    override: BenchmarkVerdictOverride = record_verdict_decision(
        BenchmarkVerdictOverride,
        {"mission": mission},
        rule=rule,
        subject=subject,
        decision=decision,
        reason=reason,
        verb="override_benchmark_verdict",
        acting_user=acting_user,
    )
    return override
