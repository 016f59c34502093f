"""The demo's early warning: the JMAC's monthly forecast run for MINUSBEL (§7.2)."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

from django.utils.translation import gettext as _

from bluehelmet.core.models import Mission
from bluehelmet.demo.users import mission_username
from bluehelmet.forecasting.actions import default_origin, do_run_forecast


def build_forecasts(
    mission: Mission,
    users: dict[str, Any],
    acting_user: Any,
    progress: Callable[[str], None],
    today: datetime.date | None = None,
) -> None:
    """The JMAC's monthly early-warning run by admin area, as its analyst would start it
    (§7.2), from the last complete month before ``today`` (default: the real day). Finer H3
    runs take longer; `bluehelmet forecast run --unit h3:5` adds one."""
    analyst = users.get(mission_username(mission.code, "jmac-analyst"), acting_user)
    origin = default_origin(mission, today)
    run = do_run_forecast(mission, "admin1", acting_user=analyst, months=3, origin=origin)
    progress(
        _(
            "Mission %(code)s early warning: %(n)d forecasts for %(areas)d admin areas, "
            "%(h)d months ahead of %(origin)s."
        )
        % {
            "code": mission.code,
            "n": run.forecasts.count(),
            "areas": run.n_areas,
            "h": run.horizon_max,
            "origin": f"{run.origin_month:%Y-%m}",
        }
    )
