"""The forecast page of a mission (Capstone §7.2: the JMAC's early warning for the Mission
Leadership Team): map and table of the latest run's forecasts, their track record against
persistence and climatology, CSV export, and a button that starts a new run.

Runs and forecasts come from ``restrict``-ed querysets: a role without confidential clearance
in the mission sees a page that says so and no forecast; a run of another mission is 404.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from h3.api import basic_int as h3int

from bluehelmet.core.errors import ActionError
from bluehelmet.core.models import AdminArea, Mission
from bluehelmet.core.permissions import Action, Sensitivity, user_can
from bluehelmet.core.tables import SafeCsvWriter
from bluehelmet.core.views.current import set_current_mission
from bluehelmet.core.views.missions import get_mission
from bluehelmet.forecasting.actions import may_run, parse_unit
from bluehelmet.forecasting.limits import MAX_HORIZON, METHODS
from bluehelmet.forecasting.models import Forecast, ForecastRun, RunStatus
from bluehelmet.forecasting.tasks import active_run, fail_vanished_runs, start_run
from bluehelmet.forecasting.units import PanelError, Unit

UNIT_CHOICES = ("admin1", "h3:4", "h3:5")
METHOD_LABELS = {"model": "Model", "persistence": "Persistence", "climatology": "Climatology"}


def runs_of(user: Any, mission: Mission) -> Any:
    return ForecastRun.objects.restrict(user).filter(mission=mission)


def chosen_run(request: HttpRequest, mission: Mission, unit: str | None) -> ForecastRun | None:
    """``?run=<id>`` (404 unless visible and of this mission), else the latest finished run
    of ``unit`` (of any unit when none is asked for)."""
    runs = runs_of(request.user, mission)
    if request.GET.get("run"):
        try:
            return get_object_or_404(runs, pk=int(request.GET["run"]))
        except ValueError as exc:
            raise Http404 from exc
    done = runs.filter(status=RunStatus.DONE)
    if unit:
        done = done.filter(unit=unit)
    return done.order_by("-origin_month", "-created_at").first()


def previous_run(user: Any, run: ForecastRun) -> ForecastRun | None:
    return (
        runs_of(user, run.mission)
        .filter(status=RunStatus.DONE, unit=run.unit, origin_month__lt=run.origin_month)
        .order_by("-origin_month", "-created_at")
        .first()
    )


def forecast_rows(user: Any, run: ForecastRun, horizon: int) -> list[dict[str, Any]]:
    """The run's forecasts at ``horizon``, with the change against the previous run's."""
    forecasts = list(Forecast.objects.restrict(user).filter(run=run, horizon=horizon))
    before = previous_run(user, run)
    earlier: dict[str, float] = {}
    if before is not None:
        earlier = dict(
            Forecast.objects.restrict(user)
            .filter(run=before, horizon=horizon)
            .values_list("area_code", "probability")
        )
    rows = []
    for f in forecasts:
        change = None if f.area_code not in earlier else f.probability - earlier[f.area_code]
        text = "" if change is None else f"{100 * change:+.0f} pts"
        rows.append(
            {"f": f, "change": change, "change_text": text, "percent": round(100 * f.probability)}
        )
    rows.sort(key=lambda r: (-r["f"].probability, r["f"].area_code))
    return rows


def track_rows(run: ForecastRun, horizon: int) -> dict[str, Any]:
    record = (run.track_record or {}).get(str(horizon)) or {}
    if "error" in record or not record:
        return {"error": record.get("error", ""), "rows": []}
    rows = [{"method": METHOD_LABELS[m], "code": m, **record[m]} for m in METHODS]
    return {"error": "", "rows": rows, **{k: record.get(k) for k in ("start", "end", "n_cells")}}


def map_features(run: ForecastRun, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """GeoJSON features: H3 cells as polygons; admin-1 areas as their stored outlines, or as
    points (drawn as circles) where no outline is stored, as for an imported dataset."""
    outlines = AdminArea.outlines(run.mission.host_country) if run.unit == "admin1" else {}
    features = []
    for row in rows:
        f = row["f"]
        props = {
            "area": f.area_label or f.area_code,
            "probability": f.probability,
            "expected": f.expected_fatalities,
            "low": f.fatalities_low,
            "high": f.fatalities_high,
        }
        if run.unit.startswith("h3:"):
            ring = [[lon, lat] for lat, lon in h3int.cell_to_boundary(int(f.area_code, 16))]
            geometry = {"type": "Polygon", "coordinates": [[*ring, ring[0]]]}
        elif f.area_code in outlines:
            geometry = outlines[f.area_code]
        elif f.latitude is not None and f.longitude is not None:
            geometry = {"type": "Point", "coordinates": [f.longitude, f.latitude]}
        else:
            continue
        features.append({"type": "Feature", "geometry": geometry, "properties": props})
    return features


def unit_choices(current: str) -> list[str]:
    return [*UNIT_CHOICES, current] if current not in UNIT_CHOICES else list(UNIT_CHOICES)


def horizon_of(request: HttpRequest, run: ForecastRun | None) -> int:
    try:
        horizon = int(request.GET.get("horizon", 1))
    except ValueError:
        horizon = 1
    top = run.horizon_max if run is not None else 1
    return min(max(horizon, 1), max(top, 1))


class ForecastPageView(LoginRequiredMixin, View):
    """``/missions/<code>/forecasts/``: where violence is likely next, and how sure we are."""

    def get(self, request: HttpRequest, code: str) -> HttpResponse:
        mission = get_mission(request, code)
        set_current_mission(request, mission)
        cleared = user_can(request.user, Action.VIEW, mission.pk, Sensitivity.CONFIDENTIAL)
        unit = request.GET.get("unit") or None
        if unit:
            try:
                unit = Unit.parse(unit).code
            except PanelError:
                unit = None
        run = chosen_run(request, mission, unit) if cleared else None
        horizon = horizon_of(request, run)
        rows = forecast_rows(request.user, run, horizon) if run is not None else []
        context = {
            "mission": mission,
            "title": _("Forecasts of %(code)s") % {"code": mission.code},
            "cleared": cleared,
            "run": run,
            "unit": (run.unit if run else unit) or "admin1",
            "units": unit_choices((run.unit if run else unit) or "admin1"),
            "horizon": horizon,
            "horizons": list(range(1, (run.horizon_max if run else 0) + 1)),
            "rows": rows,
            "target_month": rows[0]["f"].target_month if rows else None,
            "track": track_rows(run, horizon) if run is not None else None,
            "features": map_features(run, rows) if run is not None else [],
            "can_run": cleared and may_run(request.user, mission),
            "active": active_run(mission, (run.unit if run else unit) or "admin1")
            if cleared
            else None,
            "months_choices": range(1, MAX_HORIZON + 1),
        }
        return render(request, "forecasting/forecasts.html", context)


class ForecastStartView(LoginRequiredMixin, View):
    """POST: queue a run (403 for roles that may not; 400 for a bad unit or horizon)."""

    def post(self, request: HttpRequest, code: str) -> HttpResponse:
        mission = get_mission(request, code)
        unit = request.POST.get("unit", "admin1")
        try:
            months = int(request.POST.get("months", 3))
            if not 1 <= months <= MAX_HORIZON:
                raise ValueError
        except ValueError:
            return self.refuse(request, mission, _("Forecast 1 to 12 months ahead."), 400)
        try:
            parsed = parse_unit(unit)
            if may_run(request.user, mission) and active_run(mission, parsed.code):
                message = _("A run for these areas is already queued or running.")
                return self.refuse(request, mission, message, 409)
            run = start_run(mission, unit, acting_user=request.user, months=months)
        except ActionError as exc:
            return self.refuse(request, mission, exc.message, exc.status)
        if run.status == RunStatus.FAILED:
            messages.error(request, run.error)
        else:
            messages.success(request, _("Forecast run queued; this page shows its progress."))
        return redirect(f"{reverse('mission-forecasts', args=[mission.code])}?unit={run.unit}")

    def refuse(self, request: HttpRequest, mission: Mission, message: str, status: int) -> Any:
        context = {"mission": mission, "title": _("Forecast run refused"), "message": message}
        return render(request, "forecasting/refused.html", context, status=status)


class RunStatusView(LoginRequiredMixin, View):
    """The progress of a run: an HTML fragment the page polls, or JSON (``?format=json``)."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        fail_vanished_runs(pk=pk)  # its worker may have been killed
        run = get_object_or_404(
            ForecastRun.objects.restrict(request.user).select_related("mission"), pk=pk
        )
        if request.GET.get("format") == "json":
            return JsonResponse(
                {
                    "id": run.pk,
                    "status": run.status,
                    "progress": run.progress,
                    "step": run.progress_note,
                    "error": run.error,
                }
            )
        response = render(request, "forecasting/includes/run_status.html", {"active": run})
        if run.status == RunStatus.DONE and request.headers.get("HX-Request"):
            response["HX-Refresh"] = "true"
        return response


class ForecastExportView(LoginRequiredMixin, View):
    """CSV of every forecast of a run (``?run=``, default the latest), with its track record."""

    def get(self, request: HttpRequest, code: str) -> HttpResponse:
        mission = get_mission(request, code)
        run = chosen_run(request, mission, request.GET.get("unit") or None)
        if run is None:
            raise Http404(_("No forecast run to export."))
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        name = f"forecasts-{mission.code}-{run.unit.replace(':', '')}-{run.origin_month:%Y-%m}"
        response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
        writer = SafeCsvWriter(response)  # no spreadsheet formulas
        writer.writerow(EXPORT_COLUMNS)
        for f in (
            Forecast.objects.restrict(request.user)
            .filter(run=run)
            .order_by("horizon", "-probability", "area_code")
        ):
            writer.writerow(export_row(run, f))
        return response


EXPORT_COLUMNS = [
    "mission",
    "unit",
    "origin_month",
    "area",
    "target_month",
    "horizon",
    "probability",
    "expected_fatalities",
    "fatalities_p10",
    "fatalities_p90",
    "incidents_origin_month",
    "fatalities_origin_month",
    "model_brier",
    "persistence_brier",
    "climatology_brier",
    "model_average_precision",
]


def export_row(run: ForecastRun, f: Forecast) -> list[Any]:
    record = (run.track_record or {}).get(str(f.horizon)) or {}
    metric = lambda method, key: (record.get(method) or {}).get(key, "")  # noqa: E731
    return [
        run.mission.code,
        run.unit,
        f"{run.origin_month:%Y-%m}",
        f.area_label or f.area_code,
        f"{f.target_month:%Y-%m}",
        f.horizon,
        f"{f.probability:.4f}",
        f"{f.expected_fatalities:.2f}",
        f"{f.fatalities_low:.2f}",
        f"{f.fatalities_high:.2f}",
        f.events_last_month,
        f.fatalities_last_month,
        metric("model", "brier"),
        metric("persistence", "brier"),
        metric("climatology", "brier"),
        metric("model", "average_precision"),
    ]
