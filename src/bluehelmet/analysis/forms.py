"""Page forms of the JMAC area (Capstone §7.2, §3.1, §4.2).

Record forms build on ``ScopedModelForm`` (missions, related records and sensitivity limited by
the user's grants). A threat assessment's citations are typed or picked as incident ids; they
are set through ``do_set_threat_assessment_citations`` so the same rules hold as in the API.
"""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from bluehelmet.analysis import actions as act
from bluehelmet.analysis import models as m
from bluehelmet.core.forms import ScopedModelForm
from bluehelmet.operations.models import CategoryGroup, Incident


class ActorForm(ScopedModelForm):
    class Meta:
        model = m.Actor
        fields = [
            "mission",
            "name",
            "short_name",
            "kind",
            "signatory",
            "spoiler_assessment",
            "spoiler_rationale",
            "party",
            "aliases",
            "ucdp_actor_id",
            "acled_actor",
            "description",
            "sensitivity",
        ]
        widgets = {"aliases": forms.Textarea(attrs={"rows": 4})}


_IDS = re.compile(r"[\s,;]+")


class ThreatAssessmentForm(ScopedModelForm):
    """Fields of the assessment and its citations as incident ids (``#`` optional)."""

    citations = forms.CharField(
        label=_("Cited incidents"),
        required=False,
        help_text=_("Incident numbers, separated by commas or spaces; search below to add."),
        widget=forms.TextInput(attrs={"data-citations": "1", "autocomplete": "off"}),
    )

    class Meta:
        model = m.ThreatAssessment
        fields = ["mission", *m.ASSESSMENT_CONTENT_FIELDS, "sensitivity"]
        widgets = {
            "narrative": forms.Textarea(attrs={"rows": 8}),
            "worst_case": forms.Textarea(attrs={"rows": 4}),
            "recommendations": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            ids = self.instance.cited_incidents.restrict(self.user).values_list("pk", flat=True)
            self.initial["citations"] = ", ".join(str(i) for i in sorted(ids))

    def clean_citations(self) -> list[Incident]:
        raw = [t.lstrip("#") for t in _IDS.split(self.cleaned_data.get("citations") or "") if t]
        bad = [t for t in raw if not t.isdigit()]
        if bad:
            raise forms.ValidationError(
                _("Give incident numbers only: %(bad)s is not one.") % {"bad": ", ".join(bad)}
            )
        ids = sorted({int(t) for t in raw})
        found = {i.pk: i for i in Incident.objects.restrict(self.user).filter(pk__in=ids)}
        missing = [str(i) for i in ids if i not in found]
        if missing:
            raise forms.ValidationError(
                _("No incident you may see has the number %(ids)s.") % {"ids": ", ".join(missing)}
            )
        return [found[i] for i in ids]

    def _post_clean(self) -> None:
        super()._post_clean()
        if "citations" in self.cleaned_data and not self.has_error("citations"):
            author = self.instance.author or self.user
            errors = act.citation_errors(
                self.instance, self.cleaned_data["citations"], [self.user, author]
            )
            for error in errors:
                self.add_error("citations", error)


class ReviewForm(forms.Form):
    reason = forms.CharField(
        label=_("Note to the author"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


UNIT_CHOICES = [
    ("admin1", _("Admin areas (level 1)")),
    ("h3:4", _("Hexagons, H3 resolution 4 (~1,770 km²)")),
    ("h3:5", _("Hexagons, H3 resolution 5 (~250 km²)")),
    ("h3:6", _("Hexagons, H3 resolution 6 (~36 km²)")),
    ("h3:7", _("Hexagons, H3 resolution 7 (~5 km²)")),
]
PERIOD_CHOICES = [
    ("7d", _("7 days")),
    ("14d", _("14 days")),
    ("30d", _("30 days")),
    ("90d", _("90 days")),
]


class HubForm(forms.Form):
    """The hub's filters; only for display: the values are parsed by ``analysis.params``."""

    unit = forms.ChoiceField(label=_("Areas"), choices=UNIT_CHOICES, required=False)
    period = forms.ChoiceField(label=_("Period"), choices=PERIOD_CHOICES, required=False)
    until = forms.DateField(
        label=_("Ending on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Default: the day of the latest incident logged."),
    )
    group = forms.ChoiceField(
        label=_("Category group"),
        choices=[("", _("All incidents")), *CategoryGroup.choices],
        required=False,
    )
    trend = forms.ChoiceField(
        label=_("Trends by"),
        choices=[
            ("category", _("Category")),
            ("group", _("Category group")),
            ("actor", _("Actor")),
        ],
        required=False,
    )
    step = forms.ChoiceField(
        label=_("Trend step"), choices=[("month", _("Month")), ("week", _("Week"))], required=False
    )
