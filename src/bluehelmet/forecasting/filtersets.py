"""Forecast FilterSets shared by the API and the pages (``?mission=<code>`` on every list)."""

from __future__ import annotations

import datetime
from typing import Any

import django_filters as df
from django import forms
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.filtersets import MissionScopedFilterSet
from bluehelmet.core.validators import DATE_RANGE_MESSAGE, in_date_range
from bluehelmet.forecasting.models import Forecast, ForecastRun
from bluehelmet.forecasting.units import PanelError, Unit, month_start, parse_month


class MonthField(forms.CharField):
    """``YYYY-MM`` (or an ISO date in that month) -> the month's first day."""

    def to_python(self, value: Any) -> datetime.date | None:  # type: ignore[override]
        text = super().to_python(value)
        if not text:
            return None
        try:
            month = month_start(parse_month(text[:7]))
        except PanelError as exc:
            raise forms.ValidationError(str(exc)) from exc
        if not in_date_range(month):
            raise forms.ValidationError(DATE_RANGE_MESSAGE)
        return month


class MonthFilter(df.Filter):
    field_class = MonthField


class UnitField(forms.CharField):
    def to_python(self, value: Any) -> str | None:  # type: ignore[override]
        text = super().to_python(value)
        if not text:
            return None
        try:
            return Unit.parse(text).code
        except PanelError as exc:
            raise forms.ValidationError(str(exc)) from exc


class UnitFilter(df.Filter):
    field_class = UnitField


class ForecastRunFilterSet(MissionScopedFilterSet):
    unit = UnitFilter(field_name="unit", label=_("Unit"))
    origin_month = MonthFilter(field_name="origin_month", label=_("Origin month"))

    class Meta:
        model = ForecastRun
        fields = ["mission", "unit", "status", "origin_month"]


class ForecastFilterSet(MissionScopedFilterSet):
    search_fields = ("area_code", "area_label")
    run = df.ModelChoiceFilter(
        queryset=ForecastRun.objects.all(),
        label=_("Run"),
        error_messages={"invalid_choice": _("Unknown forecast run, or not one you may see.")},
    )
    unit = UnitFilter(field_name="run__unit", label=_("Unit"))
    target_month = MonthFilter(field_name="target_month", label=_("Target month"))

    class Meta:
        model = Forecast
        fields = ["mission", "run", "unit", "target_month", "horizon", "area_code"]
