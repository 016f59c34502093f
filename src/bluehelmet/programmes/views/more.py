"""Lists, details and forms of electoral support, State authority and the rule of law
(Capstone §2.4). A polling centre's page shows its security risk from the JOC's incidents; the
pages of an electoral step, a polling centre, a State presence observation and a rule of law
institution show their verdicts with the decision form (``RecordDetailView``)."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _l

from bluehelmet.core.tables import Column
from bluehelmet.core.verdicts import RuleVerdict
from bluehelmet.core.views import generic
from bluehelmet.programmes import filtersets as fs
from bluehelmet.programmes import forms, verdicts
from bluehelmet.programmes import models as m
from bluehelmet.programmes.views.records import (
    MISSION,
    RecordDetailView,
    edit_view,
    list_view,
)

EVENT_COLUMNS = (
    Column("starts_on", link=True),
    Column("title"),
    Column("kind"),
    Column("ends_on"),
    Column("completed_on"),
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


class ElectoralEventDetailView(RecordDetailView):
    model = m.ElectoralEvent


PollingCentreListView = list_view(m.PollingCentre, fs.PollingCentreFilterSet, CENTRE_COLUMNS, ())
PollingCentreEditView = edit_view(m.PollingCentre, forms.PollingCentreForm)


class PollingCentreDetailView(RecordDetailView):
    """The centre, its risk and the rule read from it (the risk is computed once)."""

    model = m.PollingCentre
    template_name = "programmes/polling_centre_detail.html"
    risk: Any = None

    def verdicts(self, obj: Any) -> list[RuleVerdict]:
        found = verdicts.centre_verdicts(obj, self.risk)
        return verdicts.mark(found, verdicts.overrides_for(obj.mission_id, self.request.user))

    def extra_context(self, obj: Any) -> dict[str, Any]:
        today = timezone.now().date()
        self.risk = verdicts.centre_risks(obj.mission, self.request.user, today).get(obj.pk)
        return {**super().extra_context(obj), "risk": self.risk}


StatePresenceListView = list_view(m.StatePresence, fs.StatePresenceFilterSet, PRESENCE_COLUMNS, ())
StatePresenceEditView = edit_view(m.StatePresence, forms.StatePresenceForm)


class StatePresenceDetailView(RecordDetailView):
    model = m.StatePresence


RuleOfLawInstitutionListView = list_view(
    m.RuleOfLawInstitution, fs.RuleOfLawInstitutionFilterSet, INSTITUTION_COLUMNS, ()
)
RuleOfLawInstitutionEditView = edit_view(m.RuleOfLawInstitution, forms.RuleOfLawInstitutionForm)


class RuleOfLawInstitutionDetailView(RecordDetailView):
    model = m.RuleOfLawInstitution
    related = ((_l("Reports"), "reports", REPORT_COLUMNS),)


SsrActivityListView = list_view(
    m.SsrActivity, fs.SsrActivityFilterSet, REPORT_COLUMNS, ("institution",)
)
SsrActivityEditView = edit_view(m.SsrActivity, forms.SsrActivityForm)


class SsrActivityDetailView(generic.ObjectDetailView):
    model = m.SsrActivity
