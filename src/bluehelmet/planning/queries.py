"""The plan as a user may see it: which revision is in force, and the revisions to show
(Capstone §5.2). Every query starts from ``restrict(user)``."""

from __future__ import annotations

from typing import Any

from django.http import Http404

from bluehelmet.core.models import Mission
from bluehelmet.planning.models import PlanRevision, RevisionStatus


def revisions(mission: Mission, user: Any) -> Any:
    return PlanRevision.objects.restrict(user).filter(mission=mission).order_by("-number")


def current_revision(mission: Mission, user: Any) -> PlanRevision | None:
    """The adopted revision in force, else the draft being written, else none."""
    visible = revisions(mission, user)
    return (
        visible.filter(status=RevisionStatus.ADOPTED).first()
        or visible.filter(status=RevisionStatus.DRAFT).first()
    )


def revision_numbered(mission: Mission, user: Any, number: Any) -> PlanRevision:
    """Revision ``number`` of the mission, or 404 (also when out of the user's reach)."""
    if not str(number or "").isdigit():
        raise Http404
    found = revisions(mission, user).filter(number=int(number)).first()
    if found is None:
        raise Http404
    return found


def draft_revision(mission: Mission, user: Any) -> PlanRevision | None:
    return revisions(mission, user).filter(status=RevisionStatus.DRAFT).first()
