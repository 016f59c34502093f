"""Report forms (Capstone §4.3; §9.1 for the periodic report and its calendar)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.forms import DateInput, ScopedModelForm
from bluehelmet.core.models import Mission
from bluehelmet.core.permissions import Action
from bluehelmet.deployment.forms import DeploymentForm
from bluehelmet.reports.models import CouncilReport, PeriodicReport, ReportingCalendar
from bluehelmet.reports.periodic import last_full_quarter


class CouncilReportForm(DeploymentForm):
    class Meta:
        model = CouncilReport
        fields = [
            "assessment",
            "title",
            "symbol",
            "council_needs_to_know",
            "observations",
            "sensitivity",
        ]


class PeriodicReportForm(ScopedModelForm):
    class Meta:
        model = PeriodicReport
        fields = [
            "mission",
            "title",
            "symbol",
            "period_start",
            "period_end",
            "language",
            "observations",
            "sensitivity",
        ]


class ReportingCalendarForm(ScopedModelForm):
    class Meta:
        model = ReportingCalendar
        fields = ["mission", "resolution", "starts_on", "cadence_days", "notes", "sensitivity"]


class PeriodicDraftForm(forms.Form):
    """Draft a periodic report: the mission and the period, the last full quarter by default
    (Capstone §9.1)."""

    mission = forms.ModelChoiceField(queryset=Mission.objects.none(), label=_("Mission"))
    period_start = forms.DateField(label=_("Period from"), widget=DateInput())
    period_end = forms.DateField(label=_("Period to"), widget=DateInput())
    title = forms.CharField(
        label=_("Title"),
        required=False,
        max_length=300,
        help_text=_("Empty: “Report of the Secretary-General on <mission>, <period>”."),
    )
    language = forms.ChoiceField(
        label=_("Language of the report"),
        choices=settings.LANGUAGES,
        required=False,  # the author's interface language
        help_text=_("The sections, the PDF and the DOCX are written in it."),
    )

    def __init__(self, *args: Any, user: Any, current: Any = None, **kwargs: Any) -> None:
        start, end = last_full_quarter(timezone.now().date())
        initial = {"period_start": start, "period_end": end, "mission": current}
        kwargs.setdefault("initial", {**initial, "language": translation.get_language() or "en"})
        super().__init__(*args, **kwargs)
        missions: Any = self.fields["mission"]
        missions.queryset = Mission.objects.restrict(user, Action.ADD).order_by("code")
