"""The security risk of a polling centre (Capstone §2.4 electoral assistance; §7.2 the JOC's
picture and the JMAC's analysis): how many incidents the reader may see lie within the mission's
radius of the centre in the mission's number of days, and how many killed; then the JMAC
forecast of the unit the centre lies in (its admin area, or its H3 cell at the run's
resolution), read from the latest finished run the reader may see. A forecast chance of deaths
above the mission's threshold raises the risk to high; the explanation names both."""

from __future__ import annotations

import datetime
import math
from dataclasses import dataclass
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from bluehelmet.core.areas import admin1_at
from bluehelmet.core.parameters import parameter
from bluehelmet.core.registry import ParameterSpec
from bluehelmet.forecasting.hq import latest_run
from bluehelmet.forecasting.models import Forecast, ForecastRun, RunStatus
from bluehelmet.forecasting.units import PanelError, Unit
from bluehelmet.operations.models import Incident
from bluehelmet.programmes.geo import EARTH_RADIUS_M
from bluehelmet.programmes.models import PollingCentre

RADIUS_KEY, DAYS_KEY = "polling-risk-radius-km", "polling-risk-days"
FORECAST_KEY = "polling-risk-forecast-percent"
RADIUS = ParameterSpec(
    RADIUS_KEY,
    _l("Radius around a polling centre in which incidents count towards its risk"),
    15,
    _l("km"),
    1,
    100,
    "Capstone §2.4",
    _l("The mission's choice; the doctrine sets no distance."),
    weight=92,
)
DAYS = ParameterSpec(
    DAYS_KEY,
    _l("Days of incidents a polling centre's risk is read from"),
    90,
    _l("days"),
    7,
    365,
    "Capstone §2.4",
    _l("The mission's choice; the doctrine sets no period."),
    weight=93,
)
FORECAST = ParameterSpec(
    FORECAST_KEY,
    _l(
        "Chance of deaths in the JMAC forecast for a polling centre's area above which its "
        "risk is high"
    ),
    30,
    _l("%"),
    1,
    99,
    "Capstone §2.4, §7.2",
    _l("The mission's choice; the doctrine sets no threshold."),
    weight=94,
)
# Incidents (or deaths) from which a centre's risk is high; one incident makes it medium.
HIGH_INCIDENTS, HIGH_KILLED = 3, 1


@dataclass
class CentreRisk:
    """``level`` combines the incidents and the forecast; ``incident_level`` is the incidents'
    alone. The ``forecast_*`` fields are empty when no run the reader may see covers the
    centre's unit."""

    centre: PollingCentre
    level: str
    incidents: int
    killed: int
    explanation: str
    incident_level: str = ""
    forecast_probability: float | None = None
    forecast_unit: str = ""
    forecast_month: datetime.date | None = None
    forecast_run: int | None = None
    forecast_run_on: datetime.date | None = None
    forecast_threshold: int | None = None


@dataclass
class JmacForecast:
    """The figures of one forecast run for one target month: the chance of at least one fatal
    incident by unit code (admin area names folded to lower case, H3 cells in hex)."""

    run: ForecastRun
    unit: Unit
    month: datetime.date
    by_code: dict[str, tuple[float, str]]

    @property
    def run_on(self) -> datetime.date:
        moment = self.run.finished_at or self.run.created_at
        return moment.date()

    def unit_of(self, centre: PollingCentre, mission: Any) -> str:
        """The code of the run's unit the centre lies in: its admin area by the centre's
        ``admin1``, else by the stored outlines; or its H3 cell at the run's resolution."""
        if self.unit.kind == "h3":
            return h3_cell(centre.latitude, centre.longitude, self.unit.resolution or 0)
        named = _fold(centre.admin1)
        if named in self.by_code:
            return named
        return _fold(admin1_at(mission, centre.latitude, centre.longitude))

    def unit_name(self, code: str, label: str = "") -> str:
        if self.unit.kind == "h3":
            return _("H3 cell %(code)s") % {"code": code}
        return label or code

    def reading(self, centre: PollingCentre, mission: Any) -> tuple[float, str] | None:
        """(probability, unit name) for the centre, or None when the run has no figure."""
        code = self.unit_of(centre, mission)
        found = self.by_code.get(code)
        return None if found is None else (found[0], self.unit_name(code, found[1]))


def _fold(name: str | None) -> str:
    return (name or "").strip().casefold()


def h3_cell(latitude: float, longitude: float, resolution: int) -> str:
    """The hex code of the H3 cell holding the point, as forecast runs store it."""
    from h3.api import basic_int as h3int  # only when a run is by H3 cell

    return format(int(h3int.latlng_to_cell(latitude, longitude, resolution)), "x")


def _latest_run(mission: Any, user: Any) -> ForecastRun | None:
    if user is not None:
        return latest_run(user, mission)  # scoped to what the user may see
    runs = ForecastRun.objects.filter(mission=mission, status=RunStatus.DONE)  # the system
    return runs.order_by("-origin_month", "-created_at", "-id").first()  # as ``latest_run``


def mission_forecast(mission: Any, user: Any, today: datetime.date) -> JmacForecast | None:
    """The latest finished forecast run of ``mission`` the user may see, read for the coming
    month: the first target month not yet over on ``today`` (else the run's last month). None
    without a readable run."""
    run = _latest_run(mission, user)
    if run is None:
        return None
    try:
        unit = Unit.parse(run.unit)
    except PanelError:
        return None
    rows = Forecast.objects.filter(run=run)
    if user is not None:
        rows = rows.restrict(user)
    months = sorted(set(rows.values_list("target_month", flat=True)))
    if not months:
        return None
    start = today.replace(day=1)
    month = next((m for m in months if m >= start), months[-1])
    by_code: dict[str, tuple[float, str]] = {}
    for code, label, probability in rows.filter(target_month=month).values_list(
        "area_code", "area_label", "probability"
    ):
        key = _fold(code) if unit.kind == "admin1" else code.strip().lower()
        by_code[key] = (probability, label or code)
    return JmacForecast(run, unit, month, by_code)


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine), in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M / 1000 * math.asin(math.sqrt(a))


def centre_risk(
    centre: PollingCentre,
    near: list[tuple[float, float, int]],
    radius: float,
    days: int,
    forecast: JmacForecast | None = None,
    threshold: int | None = None,
    mission: Any = None,
) -> CentreRisk:
    """``near``: (lat, lon, killed) of the incidents of the period. Low with none within the
    radius, high from ``HIGH_INCIDENTS`` incidents or any death, medium otherwise; then high
    if ``forecast`` gives the centre's unit a chance of deaths above ``threshold`` percent."""
    inside = [
        k
        for lat, lon, k in near
        if km_between(centre.latitude, centre.longitude, lat, lon) <= radius
    ]
    killed = sum(inside)
    if not inside:
        level = "low"
    elif len(inside) >= HIGH_INCIDENTS or killed >= HIGH_KILLED:
        level = "high"
    else:
        level = "medium"
    text = _("%(n)d incident(s), %(k)d killed, within %(r)s km in the last %(d)d days.") % {
        "n": len(inside),
        "k": killed,
        "r": radius,
        "d": days,
    }
    risk = CentreRisk(centre, level, len(inside), killed, text, incident_level=level)
    if forecast is None:
        risk.explanation += " " + _(
            "No JMAC forecast run to read: the risk is judged from the incidents alone."
        )
        return risk
    threshold = FORECAST.default if threshold is None else threshold
    mission = mission or centre.mission
    found = forecast.reading(centre, mission)
    facts = {"month": f"{forecast.month:%Y-%m}", "run": forecast.run_on.isoformat()}
    if found is None:
        where = forecast.unit_name(forecast.unit_of(centre, mission), centre.admin1)
        risk.explanation += " " + _(
            "The JMAC forecast (run of %(run)s) has no figure for %(area)s in %(month)s: the "
            "risk is judged from the incidents alone."
        ) % {**facts, "area": where}
        return risk
    probability, name = found
    risk.forecast_probability, risk.forecast_unit = probability, name
    risk.forecast_month, risk.forecast_run = forecast.month, forecast.run.pk
    risk.forecast_run_on, risk.forecast_threshold = forecast.run_on, threshold
    said = _(
        "The JMAC forecast gives a %(p)d %% chance of deaths in %(area)s in %(month)s "
        "(run of %(run)s)"
    ) % {**facts, "p": round(100 * probability), "area": name}
    if 100 * probability > threshold:
        risk.level = "high"
        said += _(", above the mission's threshold of %(t)d %%: the risk is high.") % {
            "t": threshold
        }
    else:
        said += _(", not above the mission's threshold of %(t)d %%.") % {"t": threshold}
    risk.explanation += " " + said
    return risk


def mission_risks(mission: Any, user: Any, today: datetime.date) -> list[CentreRisk]:
    """Every polling centre of ``mission`` the user may see, with its risk from the incidents
    and the JMAC forecast the user may see (the system, ``None``, reads everything)."""
    radius = parameter(mission.pk, RADIUS_KEY)
    days = parameter(mission.pk, DAYS_KEY)
    threshold = parameter(mission.pk, FORECAST_KEY)
    centres = PollingCentre.objects.filter(mission=mission)
    incidents = Incident.objects.filter(mission=mission)
    if user is not None:
        centres, incidents = centres.restrict(user), incidents.restrict(user)
    since = datetime.datetime.combine(
        today - datetime.timedelta(days=days), datetime.time(), tzinfo=datetime.UTC
    )
    rows = incidents.filter(occurred_at__gte=since).exclude(Q(latitude=None) | Q(longitude=None))
    near = [
        (lat, lon, k or 0) for lat, lon, k in rows.values_list("latitude", "longitude", "killed")
    ]
    forecast = mission_forecast(mission, user, today)
    return [centre_risk(c, near, radius, days, forecast, threshold, mission) for c in centres]
