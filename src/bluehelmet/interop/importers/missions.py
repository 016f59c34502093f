"""Finding or creating the mission an imported row belongs to."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError

from bluehelmet.core.models import Mission
from bluehelmet.interop.importers.base import ImportReport


def ensure_mission(
    code: str,
    iso3: str,
    country: str,
    mission_type: str,
    first_month: datetime.date,
    *,
    create: bool,
    report: ImportReport,
    line: int,
) -> Mission | None:
    """The mission with ``code``; created from the file's facts when allowed, else rejected."""
    mission = Mission.objects.filter(code=code).first()
    if mission is not None:
        return mission
    if not create:
        report.reject(line, f"unknown mission code {code} (use --create to add it)")
        return None
    mission = Mission(
        code=code,
        name=code,
        host_country=iso3,
        host_country_name=country,
        mission_type=mission_type,
        mandate_authorised_on=first_month,
        description="Created by import from a research dataset.",
    )
    try:
        mission.full_clean()
    except ValidationError as exc:
        report.reject(line, f"cannot create mission {code}: {'; '.join(exc.messages)}")
        return None
    mission.save()
    report.counts["missions created"] += 1
    return mission


def as_dict(mission: Mission) -> dict[str, Any]:
    return {"code": mission.code, "host_country": mission.host_country}
