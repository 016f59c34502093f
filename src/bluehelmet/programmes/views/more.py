"""Lists, details and forms of electoral support, State authority and the rule of law
(Capstone §2.4). A polling centre's page shows its security risk from the JOC's incidents."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _l

from bluehelmet.core.tables import Column
from bluehelmet.core.views import generic
from bluehelmet.programmes import elections, forms
from bluehelmet.programmes import filtersets as fs
from bluehelmet.programmes import models as m
from bluehelmet.programmes.views.records import MISSION, edit_view, list_view

EVENT_COLUMNS = (
    Column("starts_on", link=True),
    Column("title"),
    Column("kind"),
    Column("ends_on"),
    MISSION,
)
CENTRE_COLUMNS = (
    Column("code", link=True),
    Column("name"),
    Column("admin1"),
    Column("registered_voters", css="num"),
    Column("polling_stations", css="num"),
    MISSION,
)
PRESENCE_COLUMNS = (
    Column("observed_on", link=True),
    Column("admin1"),
    Column("service"),
    Column("present"),
    Column("officials", css="num"),
    MISSION,
)
INSTITUTION_COLUMNS = (
    Column("name", link=True),
    Column("kind"),
    Column("admin1"),
    MISSION,
)
REPORT_COLUMNS = (
    Column("reported_on", link=True),
    Column("institution", sort="institution__name"),
    Column("status"),
    Column("personnel", css="num"),
    Column("personnel_trained", css="num"),
    Column("personnel_vetted", css="num"),
    Column("prison_population", css="num"),
    Column("pretrial_detainees", css="num"),
    MISSION,
)

ElectoralEventListView = list_view(m.ElectoralEvent, fs.ElectoralEventFilterSet, EVENT_COLUMNS, ())
ElectoralEventEditView = edit_view(m.ElectoralEvent, forms.ElectoralEventForm)


class ElectoralEventDetailView(generic.ObjectDetailView):
    model = m.ElectoralEvent


PollingCentreListView = list_view(m.PollingCentre, fs.PollingCentreFilterSet, CENTRE_COLUMNS, ())
PollingCentreEditView = edit_view(m.PollingCentre, forms.PollingCentreForm)


class PollingCentreDetailView(generic.ObjectDetailView):
    model = m.PollingCentre
    template_name = "programmes/polling_centre_detail.html"

    def extra_context(self, obj: Any) -> dict[str, Any]:
        risks = elections.mission_risks(obj.mission, self.request.user, timezone.now().date())
        return {"risk": next((r for r in risks if r.centre.pk == obj.pk), None)}


StatePresenceListView = list_view(m.StatePresence, fs.StatePresenceFilterSet, PRESENCE_COLUMNS, ())
StatePresenceEditView = edit_view(m.StatePresence, forms.StatePresenceForm)


class StatePresenceDetailView(generic.ObjectDetailView):
    model = m.StatePresence


RuleOfLawInstitutionListView = list_view(
    m.RuleOfLawInstitution, fs.RuleOfLawInstitutionFilterSet, INSTITUTION_COLUMNS, ()
)
RuleOfLawInstitutionEditView = edit_view(m.RuleOfLawInstitution, forms.RuleOfLawInstitutionForm)


class RuleOfLawInstitutionDetailView(generic.ObjectDetailView):
    model = m.RuleOfLawInstitution
    related = ((_l("Reports"), "reports", REPORT_COLUMNS),)


SsrActivityListView = list_view(
    m.SsrActivity, fs.SsrActivityFilterSet, REPORT_COLUMNS, ("institution",)
)
SsrActivityEditView = edit_view(m.SsrActivity, forms.SsrActivityForm)


class SsrActivityDetailView(generic.ObjectDetailView):
    model = m.SsrActivity
