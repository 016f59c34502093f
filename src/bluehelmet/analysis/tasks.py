"""Scheduled JMAC analytics run by the background worker (django-tasks; ``bluehelmet
worker``), for work too long for a request: relinking a whole mission's incidents to its
actors after an import (Capstone §7.2: the JMAC's picture follows every new source)."""

from __future__ import annotations

import logging
from typing import Any

from django_tasks import task

from bluehelmet.analysis import linking

logger = logging.getLogger(__name__)


@task()
def relink_mission_actors(mission_id: int) -> dict[str, Any]:
    """Recompute the mission's incident-actor links; returns the counts."""
    result = linking.relink_mission(mission_id)
    return {"mission": mission_id, **result.as_dict()}


def queue_relink(mission_id: int) -> None:
    """Queue the relink; if the queue is unavailable, relink now rather than leave links stale."""
    try:
        relink_mission_actors.enqueue(mission_id)
    except Exception:
        logger.exception(
            "Could not queue the actor relink of mission %s; running it now", mission_id
        )
        linking.relink_mission(mission_id)
