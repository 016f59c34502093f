"""The demo's early warning: the JMAC's monthly forecast run for MINUSBEL (§7.2)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.utils.translation import gettext as _

from bluehelmet.core.models import Mission
from bluehelmet.demo.users import mission_username
from bluehelmet.forecasting.actions import do_run_forecast


def build_forecasts(
    mission: Mission, users: dict[str, Any], acting_user: Any, progress: Callable[[str], None]
) -> None:
    """The JMAC's monthly early-warning run by admin area, as its analyst would start it
    (§7.2). Finer H3 runs take longer; `bluehelmet forecast run --unit h3:5` adds one."""
    analyst = users.get(mission_username(mission.code, "jmac-analyst"), acting_user)
    run = do_run_forecast(mission, "admin1", acting_user=analyst, months=3)
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
