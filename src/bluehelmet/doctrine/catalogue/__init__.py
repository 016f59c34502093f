"""The Capstone Doctrine (2008) as data, in bluehelmet's own words with § citations.

``CATALOGUE`` lists, in load order, each doctrine model with its entries; ``loader.py`` upserts
them by code. ``TAMM_TASK_COLUMNS`` is the list of TAMM v2.1 task-flag columns that importers
map onto ``TaskType.tamm_flag``.
"""

from __future__ import annotations

from typing import Any

from bluehelmet.doctrine.catalogue.categories import TASK_CATEGORIES
from bluehelmet.doctrine.catalogue.functions import CORE_FUNCTIONS, SPECTRUM
from bluehelmet.doctrine.catalogue.glossary import ACRONYMS, TERMS
from bluehelmet.doctrine.catalogue.guidance import BENCHMARK_TEMPLATES, GUIDANCE_SERIES
from bluehelmet.doctrine.catalogue.principles import PRINCIPLES
from bluehelmet.doctrine.catalogue.tasks import (
    INFORMATION_TASKS,
    POLITICAL_TASKS,
    SECURITY_TASKS,
    TAMM_TASK_COLUMNS,
    TRADITIONAL_TASKS,
)
from bluehelmet.doctrine.catalogue.tasks_peacebuilding import (
    AUTHORITY_TASKS,
    CROSS_CUTTING_TASKS,
    PARTNER_TASKS,
    PEACEBUILDING_TASKS,
)

TASK_TYPES: list[dict[str, Any]] = [
    *TRADITIONAL_TASKS,
    *POLITICAL_TASKS,
    *SECURITY_TASKS,
    *INFORMATION_TASKS,
    *PEACEBUILDING_TASKS,
    *CROSS_CUTTING_TASKS,
    *PARTNER_TASKS,
    *AUTHORITY_TASKS,
]

GLOSSARY_TERMS: list[dict[str, Any]] = sorted([*TERMS, *ACRONYMS], key=lambda t: t["name"].lower())

# (model name in the ``doctrine`` app, entries), in dependency order: task types refer to
# categories and core functions by code.
CATALOGUE: list[tuple[str, list[dict[str, Any]]]] = [
    ("Principle", PRINCIPLES),
    ("CoreFunction", CORE_FUNCTIONS),
    ("SpectrumActivity", SPECTRUM),
    ("TaskCategory", TASK_CATEGORIES),
    ("TaskType", TASK_TYPES),
    ("BenchmarkTemplate", BENCHMARK_TEMPLATES),
    ("GuidanceSeries", GUIDANCE_SERIES),
    ("GlossaryTerm", GLOSSARY_TERMS),
]

TAMM_FLAG_TO_TASK: dict[str, str] = {
    t["tamm_flag"]: t["code"] for t in TASK_TYPES if t["tamm_flag"]
}

__all__ = [
    "BENCHMARK_TEMPLATES",
    "CATALOGUE",
    "CORE_FUNCTIONS",
    "GLOSSARY_TERMS",
    "GUIDANCE_SERIES",
    "PRINCIPLES",
    "SPECTRUM",
    "TAMM_FLAG_TO_TASK",
    "TAMM_TASK_COLUMNS",
    "TASK_CATEGORIES",
    "TASK_TYPES",
]
