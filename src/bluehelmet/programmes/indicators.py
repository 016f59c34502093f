"""The programmes' figures as indicator sources for the benchmarks (Capstone §10.2: progress
towards a benchmark is read from indicators; §2.4-2.5: the programmes that produce them).

Each source is a small function ``(query, user) -> Decimal | None`` registered in
``core.registry`` (``register``, called from ``navigation.register()``), so that ``benchmarks``,
which sits below this app, computes a reading from them without importing it. A query names
the mission, the admin area (``admin1``, empty for the whole mission), the period (``start``,
``end``) and the highest sensitivity read (``max_sensitivity``): a function reads only the
mission's records at or below it and, for a person, only what they may see (``user`` None is
the system), through ``benchmarks.computed.visible``. ``None`` means no record it may read
answers the query.

No human rights figure is offered: outside the human rights unit the case counts are shown
rounded or as "fewer than 5" (``figures.suppress``), and an exact count in a reading kept on a
benchmark would undo that.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.db.models import Q, Sum
from django.utils.translation import gettext_lazy as _

from bluehelmet.benchmarks.computed import Query, dates, visible, window
from bluehelmet.core.models import Mission
from bluehelmet.core.parameters import parameter
from bluehelmet.core.registry import IndicatorSource, registry
from bluehelmet.forecasting.models import Forecast
from bluehelmet.operations.models import Incident
from bluehelmet.programmes import elections
from bluehelmet.programmes.models import (
    DdrParticipant,
    HazardArea,
    PollingCentre,
    QipStatus,
    QuickImpactProject,
    Reintegration,
    SsrActivity,
    StatePresence,
    StateService,
    WeaponCollection,
)

# A participant counted as demobilised: demobilised, or further on (Capstone §2.4).
DEMOBILISED = (
    Reintegration.DEMOBILISED,
    Reintegration.IN_REINTEGRATION,
    Reintegration.REINTEGRATED,
)


def _share(part: int, whole: int) -> Decimal | None:
    return None if not whole else Decimal(100 * part) / Decimal(whole)


def ddr_demobilised(query: Query, user: Any) -> Decimal | None:
    """Former combatants registered in the period and since demobilised or further on
    (Capstone §2.4). The register keeps no day of demobilisation, so the period is that of the
    registration. By admin area: those placed in a site of that area."""
    start, end = window(query)
    found = visible(DdrParticipant.objects, user, query).filter(
        registered_at__gte=start, registered_at__lt=end, status__in=DEMOBILISED
    )
    if query["admin1"]:
        found = found.filter(site__admin1=query["admin1"])
    return Decimal(found.count())


def weapons_destroyed_share(query: Query, user: Any) -> Decimal | None:
    """Per cent of the weapons collected up to the end of the period that were destroyed
    (Capstone §2.4: collection and destruction of weapons); by admin area, at its sites."""
    _, end = dates(query)
    found = visible(WeaponCollection.objects, user, query).filter(collected_on__lte=end)
    if query["admin1"]:
        found = found.filter(site__admin1=query["admin1"])
    totals = found.aggregate(c=Sum("weapons_collected"), d=Sum("weapons_destroyed"))
    return _share(totals["d"] or 0, totals["c"] or 0)


def land_released(query: Query, user: Any) -> Decimal | None:
    """Square metres of land released by mine action, cumulative (Capstone §2.4). The register
    keeps each hazard area's figure as it stands, not its history: the reading is the figure
    when computed, whatever the period."""
    found = visible(HazardArea.objects, user, query)
    if query["admin1"]:
        found = found.filter(admin1=query["admin1"])
    if not found.exists():
        return None
    return Decimal(found.aggregate(r=Sum("released_m2"))["r"] or 0)


def qips_completed(query: Query, user: Any) -> Decimal | None:
    """Quick-impact projects completed in the period, handed over since or not (§2.5)."""
    start, end = dates(query)
    found = visible(QuickImpactProject.objects, user, query).filter(
        completed_on__gte=start,
        completed_on__lte=end,
        status__in=(QipStatus.COMPLETED, QipStatus.HANDED_OVER),
    )
    if query["admin1"]:
        found = found.filter(admin1=query["admin1"])
    return Decimal(found.count())


def _presence(query: Query, user: Any) -> dict[str, dict[str, bool]]:
    """Admin area -> service -> present, from the latest observation up to the end day."""
    _, end = dates(query)
    rows = visible(StatePresence.objects, user, query).filter(observed_on__lte=end)
    if query["admin1"]:
        rows = rows.filter(admin1=query["admin1"])
    latest: dict[str, dict[str, bool]] = {}
    ordered = rows.order_by("observed_on", "pk").values_list("admin1", "service", "present")
    for area, service, present in ordered:
        latest.setdefault(area, {})[service] = present
    return latest


def state_services_present(query: Query, user: Any) -> Decimal | None:
    """State services present and working at their latest observation up to the end day,
    counted by admin area and service (Capstone §2.4: restoration of State authority); in one
    admin area, how many of its services work."""
    latest = _presence(query, user)
    if not latest:
        return None
    return Decimal(sum(sum(services.values()) for services in latest.values()))


def state_areas_all_services(query: Query, user: Any) -> Decimal | None:
    """Per cent of the admin areas observed where every State service is present and working
    at its latest observation up to the end day (Capstone §2.4); a service never observed in
    an area counts as absent. For one admin area: 100 or 0."""
    latest = _presence(query, user)
    full = sum(
        1 for services in latest.values() if all(services.get(s) for s in StateService.values)
    )
    return _share(full, len(latest))


def pretrial_share(query: Query, user: Any) -> Decimal | None:
    """Per cent of prisoners awaiting trial, from each institution's latest report up to the
    end day (Capstone §2.4: rule of law and corrections)."""
    _, end = dates(query)
    reports = visible(SsrActivity.objects, user, query).filter(reported_on__lte=end)
    if query["admin1"]:
        reports = reports.filter(institution__admin1=query["admin1"])
    latest: dict[int, SsrActivity] = {}
    for report in reports.order_by("reported_on", "pk"):
        latest[report.institution_id] = report
    population = sum(r.prison_population or 0 for r in latest.values())
    pretrial = sum(r.pretrial_detainees or 0 for r in latest.values())
    return _share(pretrial, population)


def _forecast(mission: Mission, user: Any, query: Query, day: datetime.date) -> Any:
    """The JMAC forecast the polling risk reads (``elections.mission_forecast``), only when
    neither its run nor its figures for the month are above the query's sensitivity."""
    found = elections.mission_forecast(mission, user, day)
    if found is None:
        return None
    ceiling = query["max_sensitivity"]
    above = Forecast.objects.filter(
        run=found.run, target_month=found.month, sensitivity__gt=ceiling
    ).exists()
    return None if above or found.run.sensitivity > ceiling else found


def polling_high_risk(query: Query, user: Any) -> Decimal | None:
    """Polling centres whose security risk is high on the end day (Capstone §2.4 electoral
    assistance, §7.2): incidents within the mission's radius in its number of days before
    it, and the latest JMAC forecast, read as the programmes pages read them
    (``elections.centre_risk``) but only up to the query's sensitivity."""
    mission = Mission.objects.get(code=query["mission"])
    _, end = dates(query)
    centres = visible(PollingCentre.objects, user, query)
    if query["admin1"]:
        centres = centres.filter(admin1=query["admin1"])
    if not centres.exists():
        return None
    radius = parameter(mission.pk, elections.RADIUS_KEY)
    days = parameter(mission.pk, elections.DAYS_KEY)
    threshold = parameter(mission.pk, elections.FORECAST_KEY)
    since = datetime.datetime.combine(end - datetime.timedelta(days=days), datetime.time())
    until = datetime.datetime.combine(end + datetime.timedelta(days=1), datetime.time())
    rows = visible(Incident.objects, user, query).filter(
        occurred_at__gte=since.replace(tzinfo=datetime.UTC),
        occurred_at__lt=until.replace(tzinfo=datetime.UTC),
    )
    rows = rows.exclude(Q(latitude=None) | Q(longitude=None))
    near = [
        (lat, lon, k or 0) for lat, lon, k in rows.values_list("latitude", "longitude", "killed")
    ]
    forecast = _forecast(mission, user, query, end)
    risks = (
        elections.centre_risk(c, near, radius, days, forecast, threshold, mission) for c in centres
    )
    return Decimal(sum(1 for risk in risks if risk.level == "high"))


GROUP = _("Peacebuilding programmes")
SOURCES = (
    IndicatorSource(
        "ddr_demobilised",
        _("Former combatants registered in the period and since demobilised (DDR)"),
        ddr_demobilised,
        _("people"),
        "Capstone §2.4",
        "programmes",
        GROUP,
    ),
    IndicatorSource(
        "weapons_destroyed_share",
        _("Weapons collected that were destroyed, to date (%)"),
        weapons_destroyed_share,
        "%",
        "Capstone §2.4",
        "programmes",
        GROUP,
    ),
    IndicatorSource(
        "land_released_m2",
        _("Land released by mine action, as recorded (m²)"),
        land_released,
        "m²",
        "Capstone §2.4",
        "programmes",
        GROUP,
    ),
    IndicatorSource(
        "qips_completed",
        _("Quick-impact projects completed in the period"),
        qips_completed,
        _("projects"),
        "Capstone §2.5",
        "programmes",
        GROUP,
    ),
    IndicatorSource(
        "state_services_present",
        _("State services present and working, by admin area and service"),
        state_services_present,
        _("services"),
        "Capstone §2.4",
        "programmes",
        GROUP,
    ),
    IndicatorSource(
        "state_areas_all_services",
        _("Admin areas with every State service present (%)"),
        state_areas_all_services,
        "%",
        "Capstone §2.4",
        "programmes",
        GROUP,
    ),
    IndicatorSource(
        "pretrial_share",
        _("Prisoners awaiting trial, latest reports (%)"),
        pretrial_share,
        "%",
        "Capstone §2.4",
        "programmes",
        GROUP,
    ),
    IndicatorSource(
        "polling_high_risk",
        _("Polling centres at high security risk"),
        polling_high_risk,
        _("polling centres"),
        "Capstone §2.4, §7.2",
        "programmes",
        GROUP,
    ),
)


def register() -> None:
    registry.add_indicator_source(*SOURCES)
