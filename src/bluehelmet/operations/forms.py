"""Page forms of the Joint Operations Centre (Capstone §7.2): incidents and their sources,
situation and flash reports, crises with their log and tasks, the COP filters.

Record forms build on ``ScopedModelForm`` (missions, related records and sensitivity limited by
the user's grants); state changes (verify, compile, publish, issue, open, close) go through the
``do_`` actions, so these forms only collect what the action needs.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.areas import admin1_at
from bluehelmet.core.forms import DateInput, ScopedModelForm
from bluehelmet.core.models import Mission, Post
from bluehelmet.core.permissions import (
    Action,
    Sensitivity,
    grants_for,
    sees_sources,
    user_can,
)
from bluehelmet.core.validators import validate_date_range
from bluehelmet.core.widgets import search_select
from bluehelmet.operations import models as m
from bluehelmet.operations.models.attachments import (
    ALLOWED_TYPES,
    SIGNATURES,
    extension,
    max_attachment_bytes,
)

INCIDENT_NOT_FOUND = _("No incident with that number in this mission, or not one you may see.")


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%dT%H:%M")


class JocModelForm(ScopedModelForm):
    """Date-times as ``datetime-local`` inputs (UTC, like every time in the JOC)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.DateTimeField):
                field.widget = DateTimeInput()


class IncidentForm(JocModelForm):
    class Meta:
        model = m.Incident
        fields = [
            "mission",
            "title",
            "category",
            "occurred_at",
            "occurred_until",
            "date_precision",
            "reported_at",
            "latitude",
            "longitude",
            "location_precision",
            "location_name",
            "admin1",
            "admin2",
            "org_unit",
            "actor1",
            "actor2",
            "killed",
            "killed_low",
            "killed_high",
            "injured",
            "abducted",
            "civilians_killed",
            "un_personnel_killed",
            "un_personnel_injured",
            "source",
            "source_reference",
            "reliability",
            "credibility",
            "duplicate_of",
            "description",
            "sensitivity",
        ]
        widgets = {"description": forms.Textarea({"rows": 4})}

    # The page groups the fields (issue 13): (key, legend, fields shown, fields folded away
    # in a <details> as rarely used). The map sits at the top of "where".
    FIELDSETS = (
        ("what", _("What"), ("title", "category", "description"), ()),
        (
            "where",
            _("Where"),
            ("latitude", "longitude", "location_precision", "location_name", "admin1"),
            ("admin2", "org_unit"),
        ),
        (
            "when",
            _("When"),
            ("occurred_at", "date_precision", "reported_at"),
            ("occurred_until",),
        ),
        (
            "who",
            _("Who"),
            ("actor1", "actor2", "killed", "civilians_killed", "injured", "abducted"),
            ("killed_low", "killed_high", "un_personnel_killed", "un_personnel_injured"),
        ),
        (
            "sources",
            _("Sources"),
            ("source", "reliability", "credibility"),
            ("source_reference", "duplicate_of"),
        ),
        ("sensitivity", _("Sensitivity"), ("sensitivity",), ()),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        original = self.fields["duplicate_of"]
        # A mission may hold a million incidents: the original is given by number, not picked.
        original.widget = forms.NumberInput({"min": 1})
        original.help_text = _("Number of the original report, when this one repeats it.")
        original.error_messages["invalid_choice"] = _(
            "No incident with that number in this mission, or not one you may see."
        )
        for name in ("latitude", "longitude"):
            self.fields[name].widget.attrs.update({"step": "any", "inputmode": "decimal"})
        self.fields["latitude"].help_text = _("Decimal degrees; click the map to place it.")
        self.fields["admin1"].help_text = _(
            "Left blank, it is filled in from the coordinates when you save."
        )
        for name in ("actor1", "actor2"):  # names already used, offered by incident-entry.js
            self.fields[name].widget.attrs.update({"list": "incident-actor-names"})
            self.fields[name].help_text = _("Pick a name used before, or type a new one.")

    def chosen_mission(self) -> Mission | None:
        """The mission the form is filled in for (to draw its map and fill its admin area)."""
        if self.fixed_mission is not None:
            return self.fixed_mission
        data: Any = getattr(self, "cleaned_data", None) or {}
        if isinstance(data.get("mission"), Mission):
            return data["mission"]
        code = self.selected_mission_code()
        if code:
            return Mission.objects.restrict(self.user, self.action).filter(code=code).first()
        return None

    def fieldsets(self) -> list[dict[str, Any]]:
        groups = []
        for key, legend, shown, folded in self.FIELDSETS:
            fields = [self[name] for name in shown if name in self.fields]
            more = [self[name] for name in folded if name in self.fields]
            if not fields and not more:
                continue
            groups.append(
                {
                    "key": key,
                    "legend": legend,
                    "fields": fields,
                    "folded": more,
                    # folded fields open when they hold a value or an error
                    "open": any(f.errors or f.value() not in (None, "", 0, "0") for f in more),
                }
            )
        return groups

    def clean(self) -> dict[str, Any]:
        data: dict[str, Any] = super().clean() or self.cleaned_data
        latitude, longitude = data.get("latitude"), data.get("longitude")
        if not data.get("admin1") and latitude is not None and longitude is not None:
            mission = data.get("mission") or self.fixed_mission or self.instance_mission()
            if isinstance(mission, Mission):
                data["admin1"] = admin1_at(mission, latitude, longitude)
        return data

    def instance_mission(self) -> Mission | None:
        return self.instance.mission if self.instance.mission_id else None


class IncidentSourceForm(ScopedModelForm):
    class Meta:
        model = m.IncidentSource
        fields = ["mission", "name", "kind", "reliability", "description", "sensitivity"]


class VerificationForm(forms.Form):
    verification_status = forms.ChoiceField(
        label=_("New verification status"), choices=m.VerificationStatus.choices
    )
    note = forms.CharField(
        label=_("How it was verified"),
        max_length=4000,
        required=False,
        widget=forms.Textarea({"rows": 2}),
    )


class SituationReportForm(JocModelForm):
    class Meta:
        model = m.SituationReport
        fields = [
            "mission",
            "org_unit",
            "report_date",
            "period_start",
            "period_end",
            "narrative",
            "sensitivity",
        ]
        widgets = {"narrative": forms.Textarea({"rows": 8})}


class FlashReportForm(JocModelForm):
    class Meta:
        model = m.FlashReport
        fields = ["mission", "org_unit", "title", "summary", "incident", "sensitivity"]
        widgets = {"summary": forms.Textarea({"rows": 5})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        search_select(  # a mission may hold a million incidents: searched, never listed
            self.fields["incident"],
            "incident-search",
            invalid=INCIDENT_NOT_FOUND,
            help_text=_("The incident this report is about (optional): search by number or title."),
            mission_code=self.fixed_mission.code if self.fixed_mission else None,
        )


class CrisisForm(ScopedModelForm):
    """Opening a crisis (the action logs the opening) or correcting its title and situation."""

    class Meta:
        model = m.Crisis
        fields = ["mission", "title", "description", "sensitivity"]
        widgets = {"description": forms.Textarea({"rows": 4})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:  # mission and class are fixed once the crisis is open
            self.fields.pop("sensitivity", None)


class CrisisLogForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=m.LogEntryKind.choices)
    text = forms.CharField(label=_("Entry"), max_length=8000, widget=forms.Textarea({"rows": 2}))


class CrisisCloseForm(forms.Form):
    summary = forms.CharField(
        label=_("Closing summary"), max_length=4000, required=False, widget=forms.TextInput()
    )


class CrisisTaskForm(forms.ModelForm):
    """A task handed out by the JOC; mission and class come from the crisis."""

    class Meta:
        model = m.CrisisTask
        fields = ["title", "details", "assigned_to", "assignee", "due_at", "status"]
        widgets = {"details": forms.Textarea({"rows": 2}), "due_at": DateTimeInput()}

    def __init__(self, *args: Any, crisis: m.Crisis, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.crisis = crisis
        self.instance.mission_id = crisis.mission_id
        if not self.instance.pk:
            self.instance.sensitivity = crisis.sensitivity
        posts: Any = self.fields["assigned_to"]
        posts.queryset = Post.objects.restrict(user).filter(mission_id=crisis.mission_id)


class TaskStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=m.TaskStatus.choices)


# -- the common operating picture's filters --------------------------------------------------


def view_clearance(user: Any, mission: Mission) -> int:
    """The highest sensitivity ``user`` may see in ``mission`` (0 when only unclassified)."""
    if user.is_superuser and user.is_active:
        return int(Sensitivity.STRICTLY_CONFIDENTIAL)
    level = grants_for(user, Action.VIEW).clearance_for(mission.pk)
    return int(level or 0)


LIST_SCOPES = [("view", _("in the map view")), ("all", _("all matching"))]


class CopFilterForm(forms.Form):
    """What the COP page shows: a time window and the incident filters (Capstone §7.2).

    Its values are turned into ``IncidentFilterSet`` parameters (``filter_params``), so the page
    and the API filter alike; the FilterSet has the last word on validity.
    """

    since = forms.DateField(
        label=_("From"), required=False, widget=DateInput(), validators=[validate_date_range]
    )
    until = forms.DateField(
        label=_("To"), required=False, widget=DateInput(), validators=[validate_date_range]
    )
    category = forms.ChoiceField(label=_("Category"), required=False)
    group = forms.ChoiceField(label=_("Category group"), required=False)
    actor = forms.CharField(label=_("Actor"), required=False, max_length=200)
    source = forms.ModelChoiceField(
        label=_("Source"), required=False, queryset=m.IncidentSource.objects.none()
    )
    reliability = forms.MultipleChoiceField(
        label=_("Source reliability"),
        required=False,
        choices=[(v, v) for v in m.Reliability.values],
        widget=forms.CheckboxSelectMultiple,
    )
    verification_status = forms.ChoiceField(label=_("Verification"), required=False)
    sensitivity = forms.ChoiceField(label=_("Sensitivity"), required=False)
    q = forms.CharField(label=_("Text"), required=False, max_length=200)
    scope = forms.ChoiceField(label=_("List"), required=False, choices=LIST_SCOPES)

    def __init__(self, *args: Any, user: Any, mission: Mission, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        any_choice = [("", _("Any"))]
        categories = m.IncidentCategory.objects.order_by("sort_order", "code")
        fields: Any = self.fields
        fields["category"].choices = any_choice + [(c.code, c.name) for c in categories]
        fields["group"].choices = any_choice + list(m.CategoryGroup.choices)
        fields["verification_status"].choices = any_choice + list(m.VerificationStatus.choices)
        fields["source"].queryset = m.IncidentSource.objects.restrict(user).filter(mission=mission)
        fields["source"].empty_label = _("Any")
        clearance = view_clearance(user, mission)
        if clearance > 0:
            levels = [(v, label) for v, label in Sensitivity.choices if v <= clearance]
            fields["sensitivity"].choices = any_choice + levels
        else:  # nothing to choose between: the user sees unclassified records only
            del self.fields["sensitivity"]
        if not sees_sources(user, mission.pk):  # the partner-safe view (Capstone §7.2)
            del self.fields["source"], self.fields["reliability"]

    def filter_params(self, mission: Mission, *, time: bool = True) -> dict[str, str]:
        """``IncidentFilterSet`` parameters for the cleaned values (``time``: the window too)."""
        data = self.cleaned_data
        params = {"mission": mission.code}
        if time:
            for name in ("since", "until"):
                if data.get(name):
                    params[name] = data[name].isoformat()
        for name in ("category", "group", "actor", "verification_status", "sensitivity", "q"):
            value = data.get(name)
            if value not in (None, ""):
                params[name] = str(value).strip()
        if data.get("source") is not None:
            params["source"] = str(data["source"].pk)
        if data.get("reliability"):
            params["reliability"] = "".join(sorted(data["reliability"]))
        return params


# -- incident attachments (issue 13) -----------------------------------------------------------


class IncidentAttachmentForm(forms.Form):
    """A photo or document for an incident: allowed kinds and size only, and a class at least
    the incident's (and not above the user's clearance in the mission)."""

    file = forms.FileField(label=_("File"))
    sensitivity = forms.TypedChoiceField(label=_("Sensitivity"), coerce=int)

    def __init__(self, *args: Any, incident: m.Incident, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.incident = incident
        self.user = user
        kinds = ", ".join(sorted({k for k in ALLOWED_TYPES if k != "jpeg"}))
        limit = max_attachment_bytes() // (1024 * 1024)
        file_field: Any = self.fields["file"]
        file_field.help_text = _("%(kinds)s; at most %(mb)s MB.") % {"kinds": kinds, "mb": limit}
        file_field.widget.attrs["accept"] = ",".join(f".{k}" for k in ALLOWED_TYPES)
        levels = [
            (value, label)
            for value, label in Sensitivity.choices
            if value >= incident.sensitivity
            and user_can(user, Action.CHANGE, incident.mission_id, value)
        ]
        field: Any = self.fields["sensitivity"]
        field.choices = levels
        field.initial = incident.sensitivity
        field.help_text = _("At least the incident's class.")

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        kind = extension(upload.name)
        if kind not in ALLOWED_TYPES:
            raise forms.ValidationError(
                _(
                    "Files of this kind are not accepted: attach a photo (jpg, png) or a document "
                    "(pdf, docx, txt)."
                )
            )
        if upload.size > max_attachment_bytes():
            raise forms.ValidationError(
                _("The file is too large (%(size)s MB; at most %(mb)s MB).")
                % {
                    "size": round(upload.size / (1024 * 1024), 1),
                    "mb": max_attachment_bytes() // (1024 * 1024),
                }
            )
        head = upload.read(16)
        upload.seek(0)
        signatures = SIGNATURES.get(kind)
        if signatures and not head.startswith(signatures):
            raise forms.ValidationError(
                _("The file's content does not match its name (.%(kind)s).") % {"kind": kind}
            )
        if kind == "txt" and b"\x00" in head:
            raise forms.ValidationError(_("This is not a text file."))
        return upload
