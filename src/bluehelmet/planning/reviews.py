"""Plan reviews a mandate change opens (Capstone §5.2, §4.3), and the mission parameter that
dates them: the doctrine says the plan follows the mandate, not within how many days."""

from __future__ import annotations

import datetime
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from bluehelmet.core.parameters import parameter
from bluehelmet.core.registry import ParameterSpec
from bluehelmet.mandates.models import Mandate
from bluehelmet.planning.models import PlanReview, PlanRevision

REVIEW_DAYS_KEY = "plan-review-days"
REVIEW_DAYS = ParameterSpec(
    REVIEW_DAYS_KEY,
    _l("Days to revise the integrated plan after a mandate change"),
    90,
    _l("days"),
    7,
    365,
    "Capstone §5.2",
    _l(
        "Days this mission allows after a new mandate version for a plan revision to be "
        "adopted; the doctrine asks for the revision, not for a deadline."
    ),
    weight=70,
)


def open_plan_review(mandate: Mandate) -> PlanReview | None:
    """Open the review a new mandate version calls for, if the mission has a plan to review
    (a mission without one has the whole plan to write, which the coverage rules show)."""
    if not PlanRevision.objects.filter(mission_id=mandate.mission_id).exists():
        return None
    days = parameter(mandate.mission_id, REVIEW_DAYS_KEY)
    review, _created = PlanReview.objects.get_or_create(
        mandate=mandate,
        defaults={
            "mission_id": mandate.mission_id,
            "opened_on": mandate.effective_from,
            "due_on": mandate.effective_from + datetime.timedelta(days=days),
            "reason": _("Mandate version %(v)d came into force.") % {"v": mandate.version},
        },
    )
    return review


def close_reviews(revision: PlanRevision, on: datetime.date) -> list[Any]:
    """Close the open reviews of the mission opened on or before ``on``."""
    open_ = PlanReview.objects.filter(
        mission_id=revision.mission_id, closed_on__isnull=True, opened_on__lte=on
    )
    closed = list(open_)
    for review in closed:
        review.closed_on = on
        review.closed_by = revision
        review.save(update_fields=["closed_on", "closed_by", "updated_at"])
    return [r.pk for r in closed]
