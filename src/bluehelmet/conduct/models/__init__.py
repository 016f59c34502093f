"""Conduct and discipline records (Capstone §3.2, §7.1): strictly confidential cases."""

from bluehelmet.conduct.models.allegations import (
    STAGE_ORDER,
    AssessmentFinding,
    MisconductAllegation,
    MisconductCategory,
    Stage,
)
from bluehelmet.conduct.models.overrides import ConductVerdictOverride
from bluehelmet.conduct.models.steps import Investigation, Outcome, Referral, ReferredTo

__all__ = [
    "STAGE_ORDER",
    "AssessmentFinding",
    "ConductVerdictOverride",
    "Investigation",
    "MisconductAllegation",
    "MisconductCategory",
    "Outcome",
    "Referral",
    "ReferredTo",
    "Stage",
]
