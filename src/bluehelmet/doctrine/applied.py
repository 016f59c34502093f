"""Where bluehelmet applies each doctrine entry: one data table, read by the reference pages.

Keys are ``(section, code)``; ``(section, "*")`` applies to every entry of a section that has no
row of its own. A ``Use`` names a page by URL name; ``mission`` pages take the current mission's
code; query values are ``str.format`` templates over the entry (``{obj.code}``). A use whose
``url_name`` is None is planned and shown without a link (DESIGN "Layout": one area per app).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Use:
    label: Any
    url_name: str | None = None
    mission: bool = False
    query: dict[str, str] = field(default_factory=dict)


PRINCIPLES = Use(
    _("Principles dashboard: consent, impartiality, use of force (§3.1)"),
    "mission-principles",
    True,
)
FORCE_REVIEW = Use(_("Use-of-force review queue"), "reviewflag-queue")
MANDATE = Use(_("Mandate page: Chapter VII and 'all necessary means'"), "mission-mandate", True)
STRENGTH = Use(_("Strength and mandate-resource gap (§4.2)"), "mission-strength", True)
LIFECYCLE = Use(_("Lifecycle page of the current mission"), "mission-lifecycle", True)
CONSULTATIONS = Use(_("Consultations with contributing countries (§4.3)"), "consultation-list")
OVERVIEW = Use(_("Mission overview"), "mission-detail", True)
TASKS_OF_TYPE = Use(
    _("Mandated tasks of this type"), "mandatedtask-list", query={"task_type": "{obj.code}"}
)
TASKS_OF_GROUP = Use(
    _("Mandated tasks in this group"), "mandatedtask-list", query={"group": "{obj.group}"}
)
TAXONOMY_OF_CATEGORY = Use(
    _("Task types in this category"), "tasktype-list", query={"category": "{obj.code}"}
)
TAXONOMY_OF_FUNCTION = Use(
    _("Task types serving this core function"),
    "tasktype-list",
    query={"core_function": "{obj.code}"},
)

APPLIED: dict[tuple[str, str], list[Use]] = {
    ("principles", "consent"): [
        PRINCIPLES,
        Use(_("Mission overview: SOFA/SOMA status"), "mission-detail", True),
    ],
    ("principles", "impartiality"): [PRINCIPLES],
    ("principles", "non-use-of-force"): [PRINCIPLES, FORCE_REVIEW, MANDATE],
    ("principles", "legitimacy"): [PRINCIPLES, CONSULTATIONS],
    ("principles", "credibility"): [PRINCIPLES, STRENGTH],
    ("principles", "national-local-ownership"): [PRINCIPLES, LIFECYCLE],
    ("core-functions", "*"): [
        TAXONOMY_OF_FUNCTION,
        Use(_("Mandate page"), "mission-mandate", True),
    ],
    ("spectrum", "peacekeeping"): [Use(_("All missions"), "mission-list")],
    ("spectrum", "peace-enforcement"): [MANDATE],
    ("spectrum", "peacebuilding"): [
        Use(_("Peacebuilding tasks"), "tasktype-list", query={"group": "peacebuilding"}),
        LIFECYCLE,
    ],
    ("spectrum", "*"): [Use(_("Not yet applied by a page"))],
    ("task-categories", "*"): [TAXONOMY_OF_CATEGORY, TASKS_OF_GROUP],
    ("task-types", "*"): [TASKS_OF_TYPE, Use(_("Mandate page"), "mission-mandate", True)],
    ("benchmarks", "*"): [
        Use(_("Progress against benchmarks"), "mission-benchmarks", True),
        Use(_("Benchmarks of every mission"), "benchmark-list"),
        LIFECYCLE,
    ],
    ("guidance", "*"): [Use(_("Guidance library (planned)"))],
    ("glossary", "tcc"): [CONSULTATIONS, Use(_("Contingents"), "contingent-list")],
    ("glossary", "pcc"): [CONSULTATIONS, Use(_("Contingents"), "contingent-list")],
    ("glossary", "sofa-soma"): [
        Use(_("Mission overview: SOFA/SOMA status"), "mission-detail", True)
    ],
    ("glossary", "robust-peacekeeping"): [MANDATE],
    ("glossary", "peace-enforcement"): [MANDATE],
    ("glossary", "transition"): [LIFECYCLE],
    ("glossary", "srsg"): [Use(_("Posts"), "post-list")],
    ("glossary", "designated-official"): [Use(_("Posts"), "post-list")],
    ("glossary", "integrated-mission"): [OVERVIEW, Use(_("Components"), "component-list")],
    ("glossary", "ddr"): [
        Use(_("DDR tasks in mandates"), "mandatedtask-list", query={"q": "DDR"}),
    ],
    ("glossary", "*"): [Use(_("Reference only"))],
    ("lifecycle", "*"): [LIFECYCLE],
}


def uses_for(section: str, code: str) -> list[Use]:
    return APPLIED.get((section, code)) or APPLIED.get((section, "*"), [])
