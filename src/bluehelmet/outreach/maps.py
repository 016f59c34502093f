"""Outreach records on the small offline maps (``core.maps``): the places of impact breaches
(Capstone §9.1) and the rumours of a period (Capstone §9.2), read through ``restrict`` by the
caller; record text travels as data and is set with ``textContent`` by small-map.js."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.utils.translation import gettext as _

from bluehelmet.core.maps import SmallMap, has_location, point
from bluehelmet.core.tables import object_url
from bluehelmet.outreach.models import ImpactIndicator, Rumour


def impact_map(mission: Any, indicators: Iterable[ImpactIndicator], detail: str = "") -> SmallMap:
    """The places of ``indicators`` (the breached ones, on the flags page)."""
    drawn = SmallMap(mission.host_country, none_text=_("No located impact flag to show."))
    for ind in indicators:
        if not has_location(ind):
            drawn.unplaced += 1
            continue
        assert ind.latitude is not None and ind.longitude is not None
        drawn.add(
            point(
                ind.latitude,
                ind.longitude,
                kind="impact",
                title=ind.name,
                when=ind.place,
                detail=detail,
                url=object_url(ind) or "",
            )
        )
    return drawn


def rumour_map(mission: Any, rumours: Iterable[Rumour], limit: int = 500) -> SmallMap:
    """The located rumours of the period, newest first, at most ``limit``."""
    drawn = SmallMap(mission.host_country, none_text=_("No located rumour in this period."))
    for n, rumour in enumerate(rumours):
        if n >= limit:
            drawn.truncated = True
            break
        if not has_location(rumour):
            drawn.unplaced += 1
            continue
        assert rumour.latitude is not None and rumour.longitude is not None
        when = rumour.heard_at.astimezone(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
        drawn.add(
            point(
                rumour.latitude,
                rumour.longitude,
                kind="rumour",
                title=str(rumour),
                when=when,
                detail=f"{rumour.admin1} · {rumour.get_risk_display()}",
                url=object_url(rumour) or "",
            )
        )
    return drawn
