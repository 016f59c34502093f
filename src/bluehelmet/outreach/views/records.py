"""Lists, details and forms of the outreach records (Capstone §9.1-9.2, §7.2). Readings are
added from their indicator, action items from their meeting; their mission is their parent's."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from bluehelmet.core.permissions import Action, user_can
from bluehelmet.core.tables import Column, object_url
from bluehelmet.core.views import generic
from bluehelmet.outreach import filtersets as fs
from bluehelmet.outreach import forms, maps, rules
from bluehelmet.outreach import models as m
from bluehelmet.outreach.verdicts import mark, overrides_for

MISSION = Column("mission", sort="mission__code")
IMPACT_COLUMNS = (
    Column("name", link=True),
    Column("kind"),
    Column("measure"),
    Column("org_unit", sort="org_unit__name"),
    Column("admin1"),
    Column("threshold", css="num"),
    Column("unit"),
    Column("breach_when"),
    MISSION,
)
READING_COLUMNS = (
    Column("observed_on", link=True),
    Column("indicator", sort="indicator__name"),
    Column("value", css="num"),
    Column("source"),
    MISSION,
)
ACTIVITY_COLUMNS = (
    Column("title", link=True),
    Column("kind"),
    Column("held_on"),
    Column("admin1"),
    Column("audience"),
    Column("reached", css="num"),
    MISSION,
)
RUMOUR_COLUMNS = (
    Column("__str__", label=_l("What is said"), sort="said", link=True),
    Column("heard_at"),
    Column("admin1"),
    Column("spread"),
    Column("risk"),
    Column("verification"),
    Column("hours_to_respond", label=_l("Hours to respond"), sort=None, css="num"),
    MISSION,
)
MEETING_COLUMNS = (
    Column("title", link=True),
    Column("forum"),
    Column("held_on"),
    Column("chair"),
    MISSION,
)
ACTION_COLUMNS = (
    Column("text", link=True),
    Column("owner"),
    Column("due_on"),
    Column("done_on"),
    Column("meeting", sort="meeting__held_on"),
    MISSION,
)
SHARING_COLUMNS = (
    Column("item", link=True),
    Column("partner", sort="partner__name"),
    Column("item_class"),
    Column("operational"),
    Column("shared_on"),
    Column("shared_by", sort="shared_by__username"),
    MISSION,
)


class ChildEditView(generic.ParentScopedEditView):
    """Add or edit a record whose mission is its parent's (``parent``: the field naming it)."""

    parent: str = "indicator"
    parent_model: Any = m.ImpactIndicator


class VerdictDetailView(generic.ObjectDetailView):
    """A record page that shows the rule's verdict on it and the decision form."""

    template_name = "outreach/verdict_detail.html"

    def verdict(self, obj: Any) -> Any:
        raise NotImplementedError

    def extra_context(self, obj: Any) -> dict[str, Any]:
        verdict = mark(self.verdict(obj), overrides_for(obj.mission, self.request.user))
        return {
            "verdicts": [verdict],
            "mission": obj.mission,
            "can_change": user_can(self.request.user, Action.CHANGE, obj.mission_id),
            "next": object_url(obj),
        }


class ImpactIndicatorListView(generic.ObjectListView):
    model = m.ImpactIndicator
    filterset_class = fs.ImpactIndicatorFilterSet
    columns = IMPACT_COLUMNS
    select_related = ("mission", "org_unit")


class ImpactIndicatorDetailView(VerdictDetailView):
    model = m.ImpactIndicator
    related = ((_l("Readings"), "observations", READING_COLUMNS),)

    def verdict(self, obj: Any) -> Any:
        readings = list(obj.observations.restrict(self.request.user))
        return rules.impact_breach(obj, readings)

    def extra_context(self, obj: Any) -> dict[str, Any]:
        context = super().extra_context(obj)
        context["small_map"] = maps.impact_map(obj.mission, [obj])
        context["add_child"] = (
            f"{reverse('impactobservation-add')}?indicator={obj.pk}"
            if user_can(self.request.user, Action.ADD, obj.mission_id, obj.sensitivity)
            else None
        )
        context["add_child_label"] = _("Add a reading")
        return context


class ImpactIndicatorEditView(generic.ObjectEditView):
    model = m.ImpactIndicator
    form_class = forms.ImpactIndicatorForm


class ImpactObservationListView(generic.ObjectListView):
    model = m.ImpactObservation
    filterset_class = fs.ImpactObservationFilterSet
    columns = READING_COLUMNS
    select_related = ("mission", "indicator")

    def add_url(self) -> str | None:
        return None  # added from its indicator's page


class ImpactObservationDetailView(generic.ObjectDetailView):
    model = m.ImpactObservation


class ImpactObservationEditView(ChildEditView):
    model = m.ImpactObservation
    form_class = forms.ImpactObservationForm


class OutreachActivityListView(generic.ObjectListView):
    model = m.OutreachActivity
    filterset_class = fs.OutreachActivityFilterSet
    columns = ACTIVITY_COLUMNS
    select_related = ("mission",)


class OutreachActivityDetailView(generic.ObjectDetailView):
    model = m.OutreachActivity


class OutreachActivityEditView(generic.ObjectEditView):
    model = m.OutreachActivity
    form_class = forms.OutreachActivityForm


class RumourListView(generic.ObjectListView):
    model = m.Rumour
    filterset_class = fs.RumourFilterSet
    columns = RUMOUR_COLUMNS
    select_related = ("mission",)


class RumourEditView(generic.ObjectEditView):
    model = m.Rumour
    form_class = forms.RumourForm


class CoordinationMeetingListView(generic.ObjectListView):
    model = m.CoordinationMeeting
    filterset_class = fs.CoordinationMeetingFilterSet
    columns = MEETING_COLUMNS
    select_related = ("mission",)


class CoordinationMeetingDetailView(generic.ObjectDetailView):
    model = m.CoordinationMeeting
    template_name = "outreach/verdict_detail.html"
    related = (
        (_l("Action items"), "action_items", ACTION_COLUMNS),
        (_l("Information shared"), "sharings", SHARING_COLUMNS),
    )

    def extra_context(self, obj: Any) -> dict[str, Any]:
        may_add = user_can(self.request.user, Action.ADD, obj.mission_id, obj.sensitivity)
        return {
            "partners_present": list(obj.partners.restrict(self.request.user)),
            "add_child": f"{reverse('actionitem-add')}?meeting={obj.pk}" if may_add else None,
            "add_child_label": _("Add an action item"),
        }


class CoordinationMeetingEditView(generic.ObjectEditView):
    model = m.CoordinationMeeting
    form_class = forms.CoordinationMeetingForm


class ActionItemListView(generic.ObjectListView):
    model = m.ActionItem
    filterset_class = fs.ActionItemFilterSet
    columns = ACTION_COLUMNS
    select_related = ("mission", "meeting")

    def add_url(self) -> str | None:
        return None  # added from its meeting's page


class ActionItemDetailView(VerdictDetailView):
    model = m.ActionItem

    def verdict(self, obj: Any) -> Any:
        return rules.action_overdue(obj, timezone.localdate())


class ActionItemEditView(ChildEditView):
    model = m.ActionItem
    form_class = forms.ActionItemForm
    parent, parent_model = "meeting", m.CoordinationMeeting


class SharingRecordListView(generic.ObjectListView):
    model = m.SharingRecord
    filterset_class = fs.SharingRecordFilterSet
    columns = SHARING_COLUMNS
    select_related = ("mission", "partner", "shared_by")


class SharingRecordDetailView(generic.ObjectDetailView):
    model = m.SharingRecord
