"""The forecast page of a mission (Capstone §7.2: the JMAC's early warning for the Mission
Leadership Team): map and table of the latest run's forecasts, their track record against
persistence and climatology, CSV export, and a button that starts a new run. Where the track
record does not show the model beating both baselines at the unit and horizon shown, the page
says so beside the figures (``honesty_note``).

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
from django.utils.translation import gettext_lazy as _lazy
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
    lost = unbeaten_baselines(record)
    rows = [
        {"method": METHOD_LABELS[m], "code": m, "beats_model": m in lost, **record[m]}
        for m in METHODS
    ]
    return {"error": "", "rows": rows, **{k: record.get(k) for k in ("start", "end", "n_cells")}}


# The baselines the model must beat to be worth reading, named in plain words for the note.
BASELINE_NAMES = {"persistence": _lazy("persistence"), "climatology": _lazy("climatology")}
BASELINE_MEANING = {
    "persistence": _lazy("last month's counts"),
    "climatology": _lazy("each area's long-run average"),
}
# Lower is better for both: the Brier score judges the probabilities, the MSE on
# log(1 + fatalities) the expected fatalities.
LOSS_METRICS = ("brier", "mse_log")


def unbeaten_baselines(record: dict[str, Any]) -> dict[str, list[str]]:
    """The baselines the model has not beaten in ``record`` (one horizon of a run's track
    record), each with the measures on which it scored as well as or better than the model."""
    model = record.get("model") or {}
    lost: dict[str, list[str]] = {}
    for baseline in BASELINE_NAMES:
        scores = record.get(baseline) or {}
        for metric in LOSS_METRICS:
            ours, theirs = model.get(metric), scores.get(metric)
            if ours is not None and theirs is not None and ours >= theirs:
                lost.setdefault(baseline, []).append(metric)
    return lost


def honesty_note(run: ForecastRun, horizon: int) -> dict[str, Any] | None:
    """What the page must say next to the figures when the track record does not back them:
    the model lost to a baseline at this unit and horizon, or there is no record to judge by.
    ``None`` when the model beat both baselines on both measures."""
    record = (run.track_record or {}).get(str(horizon)) or {}
    if not record or "error" in record or not record.get("model"):
        text = _(
            "There is no track record for this unit and horizon: nobody can tell whether these "
            "figures are better than last month's counts."
        )
        return {"kind": "unknown", "text": text, "baselines": []}
    lost = unbeaten_baselines(record)
    if not lost:
        return None
    metrics = {metric for measures in lost.values() for metric in measures}
    if metrics == {"brier"}:
        figures = _("these probabilities")
    elif metrics == {"mse_log"}:
        figures = _("these expected fatalities")
    else:
        figures = _("these figures")
    text = _(
        "For this unit and horizon the model has not beaten %(baselines)s in its track record; "
        "read %(figures)s as no better than %(meaning)s."
    ) % {
        "baselines": _(" or ").join(str(BASELINE_NAMES[b]) for b in lost),
        "figures": figures,
        "meaning": _(" or ").join(str(BASELINE_MEANING[b]) for b in lost),
    }
    return {"kind": "lost", "text": text, "baselines": list(lost)}


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


# Hexagon areas by H3 resolution, rounded (https://h3geo.org/docs/core-library/restable).
H3_AREAS_KM2 = {0: "4,360,000", 1: "609,800", 2: "86,800", 3: "12,400", 4: "1,770", 5: "250"}
H3_AREAS_KM2 |= {6: "36", 7: "5"}


def unit_label(code: str) -> str:
    """A unit as a reader names it: "Admin areas (level 1)", "Hexagons, ~250 km² (H3 res 5)"."""
    if code == "admin1":
        return _("Admin areas (level 1)")
    try:
        resolution = Unit.parse(code).resolution
    except PanelError:
        return code
    area = H3_AREAS_KM2.get(resolution or 0)
    if area is None:
        return _("Hexagons (H3 res %(res)s)") % {"res": resolution}
    return _("Hexagons, ~%(area)s km² (H3 res %(res)s)") % {"area": area, "res": resolution}


def unit_choices(current: str) -> list[tuple[str, str]]:
    codes = [*UNIT_CHOICES, current] if current not in UNIT_CHOICES else list(UNIT_CHOICES)
    return [(code, unit_label(code)) for code in codes]


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
            "unit_label": unit_label((run.unit if run else unit) or "admin1"),
            "horizon": horizon,
            "horizons": list(range(1, (run.horizon_max if run else 0) + 1)),
            "rows": rows,
            "target_month": rows[0]["f"].target_month if rows else None,
            "track": track_rows(run, horizon) if run is not None else None,
            "honesty": honesty_note(run, horizon) if run is not None else None,
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
