"""The Capstone Doctrine as reference data, written in bluehelmet's own words with § citations.

Reference data shared by every mission (``mission_field = None``): anyone signed in may read it,
only Headquarters roles may change it. Split by entity group: principles, task taxonomy, guidance.
"""

from bluehelmet.doctrine.models.base import DoctrineEntry
from bluehelmet.doctrine.models.guidance import BenchmarkTemplate, GlossaryTerm, GuidanceSeries
from bluehelmet.doctrine.models.index import (
    GuidanceDocument,
    GuidanceStatus,
    GuidanceVerdictOverride,
)
from bluehelmet.doctrine.models.principles import CoreFunction, Principle, SpectrumActivity
from bluehelmet.doctrine.models.taxonomy import TaskCategory, TaskGroup, TaskType

__all__ = [
    "BenchmarkTemplate",
    "CoreFunction",
    "DoctrineEntry",
    "GlossaryTerm",
    "GuidanceDocument",
    "GuidanceSeries",
    "GuidanceStatus",
    "GuidanceVerdictOverride",
    "Principle",
    "SpectrumActivity",
    "TaskCategory",
    "TaskGroup",
    "TaskType",
]
