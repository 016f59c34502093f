"""The lessons linked to a record, on that record's page (Capstone §10.2: lessons are found
where the next person will look: the crisis, the incident, the phase they are about).

Registered as a record panel for every model (``registry.add_record_panel``): the apps below
``benchmarks`` (operations, lifecycle ...) cannot import it, and a lesson may be about anything.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from bluehelmet.benchmarks.lessons import lessons_about
from bluehelmet.benchmarks.models import LessonLearned
from bluehelmet.core.audit import log_reads


def lessons_panel(request: HttpRequest, record: Any) -> dict[str, Any] | None:
    if isinstance(record, LessonLearned) or record.pk is None:
        return None
    lessons = list(lessons_about(record, request.user).order_by("-written_on", "-pk")[:20])
    if not lessons:
        return None
    log_reads(request.user, lessons)
    return {"lessons": lessons}
