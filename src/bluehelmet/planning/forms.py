"""Planning page forms (Capstone §5.2, §4.3). The parts of a revision are added to a draft of
one mission (the view pins it); the tasks offered are those of the mandate in force."""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.forms import DateInput, ScopedModelForm
from bluehelmet.planning import models as m
from bluehelmet.planning.coverage import mandate_in_force


class PlanPartForm(ScopedModelForm):
    """A part of a revision: only draft revisions are offered."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields.get("revision")
        if field is not None:
            field.queryset = field.queryset.filter(status=m.RevisionStatus.DRAFT)
        for name, path in (
            ("objective", "revision__status"),
            ("result", "objective__revision__status"),
        ):
            found: Any = self.fields.get(name)
            if found is not None:
                found.queryset = found.queryset.filter(**{path: m.RevisionStatus.DRAFT})


class StrategicObjectiveForm(PlanPartForm):
    class Meta:
        model = m.StrategicObjective
        fields = [
            "revision",
            "code",
            "title",
            "statement",
            "line",
            "modality",
            "tasks",
            "starts_on",
            "ends_on",
            "resources",
            "sensitivity",
        ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["tasks"]
        mission = self.fixed_mission
        mandate = mandate_in_force(mission.pk, timezone.now().date()) if mission else None
        linked = list(self.instance.tasks.values_list("pk", flat=True)) if self.instance.pk else []
        field.queryset = field.queryset.filter(Q(mandate=mandate) | Q(pk__in=linked))
        field.queryset = field.queryset.select_related("task_type", "mandate")
        field.label_from_instance = lambda t: f"{t.task_type.name} (v{t.mandate.version})"
        field.help_text = _("Tasks of the mandate in force (Capstone §5.2).")


class PlanActorForm(PlanPartForm):
    class Meta:
        model = m.PlanActor
        fields = ["objective", "role", "component", "org_unit", "partner", "contribution"]


class ExpectedResultForm(PlanPartForm):
    class Meta:
        model = m.ExpectedResult
        fields = ["objective", "code", "statement"]


class ResultIndicatorForm(PlanPartForm):
    class Meta:
        model = m.ResultIndicator
        fields = [
            "result",
            "name",
            "level",
            "unit",
            "baseline",
            "target",
            "direction",
            "frequency",
            "source",
        ]


class FrameworkLinkForm(PlanPartForm):
    class Meta:
        model = m.FrameworkLink
        fields = ["objective", "framework", "reference"]


class ParallelFrameworkForm(ScopedModelForm):
    class Meta:
        model = m.ParallelFramework
        fields = [
            "mission",
            "kind",
            "name",
            "owner",
            "reference",
            "starts_on",
            "ends_on",
            "sensitivity",
        ]


class DraftRevisionForm(forms.Form):
    title = forms.CharField(label=_("Title of the new revision"), max_length=200)
    reason = forms.CharField(
        label=_("Why the plan is revised"),
        max_length=4000,
        required=False,
        widget=forms.Textarea({"rows": 2}),
    )


class AdoptRevisionForm(forms.Form):
    adopted_on = forms.DateField(label=_("Adopted on"), widget=DateInput())

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["adopted_on"].initial = timezone.now().date()


class OverrideForm(forms.Form):
    rule = forms.CharField(max_length=40)
    subject = forms.CharField(max_length=200)
    decision = forms.ChoiceField(choices=(("dismissed", "dismissed"), ("accepted", "accepted")))
    reason = forms.CharField(max_length=4000)


class ConceptForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=m.ConceptKind.choices)
    title = forms.CharField(label=_("Title"), max_length=200)
    summary = forms.CharField(
        label=_("Summary"), max_length=4000, widget=forms.Textarea({"rows": 4})
    )
    changes = forms.CharField(
        label=_("What changed from the previous version"),
        max_length=4000,
        required=False,
        widget=forms.Textarea({"rows": 2}),
    )
    issued_on = forms.DateField(label=_("Issued on"), widget=DateInput())

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["issued_on"].initial = datetime.date.today()
