"""Mandate page forms: a mandate change, gap thresholds and consultations (§1.4, §4.2-4.3)."""

from __future__ import annotations

import datetime
from collections import defaultdict
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.forms import DateInput, ScopedModelForm
from bluehelmet.doctrine.models import TaskGroup, TaskType
from bluehelmet.mandates.models import Consultation


class MandateChangeForm(forms.Form):
    """A new mandate version as the Council adopted it; the diff is computed by the action."""

    resolution = forms.IntegerField(
        label=_("Security Council resolution number"),
        min_value=1,
        max_value=999999,
        required=False,
        help_text=_("e.g. 2149; a resolution not yet on record is added."),
    )
    basis_reference = forms.CharField(
        label=_("Or another basis"),
        max_length=100,
        required=False,
        help_text=_("When no Council resolution applies, e.g. a General Assembly resolution."),
    )
    effective_from = forms.DateField(label=_("Effective from"), widget=DateInput())
    tasks = forms.MultipleChoiceField(
        label=_("Tasks"), error_messages={"required": _("Choose at least one task.")}
    )
    priority_tasks = forms.MultipleChoiceField(label=_("Priority tasks"), required=False)
    chapter_vii = forms.BooleanField(label=_("Acting under Chapter VII"), required=False)
    all_necessary_means = forms.BooleanField(
        label=_("'All necessary means' authorised"),
        required=False,
        help_text=_("A robust mandate (Capstone §3.1)."),
    )
    summary = forms.CharField(
        label=_("Summary"), max_length=4000, required=False, widget=forms.Textarea({"rows": 3})
    )

    def __init__(self, *args: Any, task_types: list[TaskType], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.task_types = task_types
        choices = [(t.code, t.name) for t in task_types]
        self.fields["tasks"].choices = choices  # type: ignore[attr-defined]
        self.fields["priority_tasks"].choices = choices  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("resolution") and not (data.get("basis_reference") or "").strip():
            self.add_error(
                "resolution",
                _("Give the resolution number or name another basis for the mandate."),
            )
        extra = set(data.get("priority_tasks") or []) - set(data.get("tasks") or [])
        if extra and "tasks" in data:
            self.add_error("priority_tasks", _("A priority task must also be chosen as a task."))
        return data

    def _selected(self, name: str) -> set[str]:
        if self.is_bound:
            return set(self.data.getlist(name)) if hasattr(self.data, "getlist") else set()
        return set(self.initial.get(name) or [])

    def task_groups(self) -> list[dict[str, Any]]:
        """Task checkboxes by doctrine group and category, with their chosen state."""
        chosen, priority = self._selected("tasks"), self._selected("priority_tasks")
        by_category: dict[Any, list[dict[str, Any]]] = defaultdict(list)
        for t in self.task_types:
            by_category[t.category].append(
                {"task": t, "checked": t.code in chosen, "priority": t.code in priority}
            )
        groups = []
        for value, label in TaskGroup.choices:
            cats = [c for c in by_category if c.group == value]
            cats.sort(key=lambda c: (c.order, c.name))
            rows = [{"category": c, "tasks": by_category[c]} for c in cats]
            if rows:
                open_ = any(r["checked"] for c in rows for r in c["tasks"])
                groups.append({"label": label, "value": value, "categories": rows, "open": open_})
        return groups


class ThresholdForm(forms.Form):
    """``?ratio=&min_months=``: when a shortfall is flagged (Capstone §4.2)."""

    ratio = forms.FloatField(
        label=_("Flag when deployed is below (share of authorised)"),
        required=False,
        min_value=0.01,
        max_value=1.0,
        help_text=_("Between 0.01 and 1, e.g. 0.8 for 80%."),
        widget=forms.NumberInput({"step": "0.01"}),
    )
    min_months = forms.IntegerField(
        label=_("for at least (consecutive months)"),
        required=False,
        min_value=1,
        max_value=120,
    )


def not_in_future(value: datetime.date | None) -> datetime.date | None:
    if value and value > timezone.now().date():
        raise forms.ValidationError(_("A consultation cannot have been held in the future."))
    return value


class ConsultationForm(ScopedModelForm):
    """A consultation recorded by hand, e.g. after a serious development (§4.3 d-e)."""

    class Meta:
        model = Consultation
        fields = [
            "mission",
            "trigger",
            "due_on",
            "reason",
            "countries",
            "held_on",
            "summary",
            "sensitivity",
        ]
        widgets = {"countries": forms.SelectMultiple({"size": 8})}

    def clean_held_on(self) -> datetime.date | None:
        return not_in_future(self.cleaned_data.get("held_on"))


class ConsultationRecordForm(ScopedModelForm):
    """Record that a due consultation was held: when, with whom, and what was said."""

    class Meta:
        model = Consultation
        fields = ["held_on", "countries", "summary"]
        widgets = {"countries": forms.SelectMultiple({"size": 8})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["held_on"].help_text = _("Leave blank while the consultation is still due.")

    def clean_held_on(self) -> datetime.date | None:
        return not_in_future(self.cleaned_data.get("held_on"))
