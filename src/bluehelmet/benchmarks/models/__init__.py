"""Benchmarks (Capstone §10.1-10.2, §6.1), split by entity group: benchmarks, their indicators
and observations; readiness assessments; decisions on verdicts; lessons learned."""

from bluehelmet.benchmarks.models.benchmarks import (
    MISSION_SOURCES,
    TEMPLATE_AREAS,
    Benchmark,
    BenchmarkArea,
    Computation,
    Indicator,
    Observation,
    SourceKind,
)
from bluehelmet.benchmarks.models.lessons import LessonKind, LessonLearned, LessonLink
from bluehelmet.benchmarks.models.overrides import BenchmarkVerdictOverride
from bluehelmet.benchmarks.models.readiness import ReadinessAssessment, ReadinessLevel

__all__ = [
    "MISSION_SOURCES",
    "TEMPLATE_AREAS",
    "Benchmark",
    "BenchmarkArea",
    "BenchmarkVerdictOverride",
    "Computation",
    "Indicator",
    "LessonKind",
    "LessonLearned",
    "LessonLink",
    "Observation",
    "ReadinessAssessment",
    "ReadinessLevel",
    "SourceKind",
]
