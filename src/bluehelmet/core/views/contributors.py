"""Pages for contributing countries, contingents and partners (Capstone §5.1, §7.1-7.2)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from bluehelmet.core import filtersets as fs
from bluehelmet.core import forms
from bluehelmet.core import models as m
from bluehelmet.core.tables import Column
from bluehelmet.core.views import generic

COUNTRY_COLUMNS = (Column("name", link=True), Column("iso3"))

CONTINGENT_COLUMNS = (
    Column("name", link=True),
    Column("mission", sort="mission__code"),
    Column("country", sort="country__name"),
    Column("unit_type"),
    Column("strength", css="num"),
    Column("status"),
    Column("arrival_date"),
    Column("org_unit", sort="org_unit__name"),
    Column("sensitivity"),
)

PARTNER_COLUMNS = (
    Column("name", link=True),
    Column("acronym"),
    Column("mission", sort="mission__code"),
    Column("kind"),
    Column("is_humanitarian", label=_("Humanitarian")),
    Column("is_un_system", label=_("UN system")),
    Column("focal_point"),
    Column("sensitivity"),
)


class ContributingCountryListView(generic.ObjectListView):
    model = m.ContributingCountry
    filterset_class = fs.ContributingCountryFilterSet
    columns = COUNTRY_COLUMNS


class ContributingCountryDetailView(generic.ObjectDetailView):
    model = m.ContributingCountry
    fields = ("name", "iso3")
    related = ((_("Contingents"), "contingents", CONTINGENT_COLUMNS[:6]),)


class ContributingCountryEditView(generic.ObjectEditView):
    model = m.ContributingCountry
    form_class = forms.ContributingCountryForm


class ContributingCountryDeleteView(generic.ObjectDeleteView):
    model = m.ContributingCountry


class ContingentListView(generic.ObjectListView):
    model = m.Contingent
    filterset_class = fs.ContingentFilterSet
    columns = CONTINGENT_COLUMNS
    select_related = ("mission", "country", "org_unit")
    hidden_filters = ("org_unit",)


class ContingentDetailView(generic.ObjectDetailView):
    model = m.Contingent
    select_related = ("mission", "country", "org_unit", "operational_control")


class ContingentEditView(generic.ObjectEditView):
    model = m.Contingent
    form_class = forms.ContingentForm


class ContingentDeleteView(generic.ObjectDeleteView):
    model = m.Contingent


class PartnerListView(generic.ObjectListView):
    model = m.Partner
    filterset_class = fs.PartnerFilterSet
    columns = PARTNER_COLUMNS
    select_related = ("mission",)


class PartnerDetailView(generic.ObjectDetailView):
    model = m.Partner
    select_related = ("mission",)


class PartnerEditView(generic.ObjectEditView):
    model = m.Partner
    form_class = forms.PartnerForm


class PartnerDeleteView(generic.ObjectDeleteView):
    model = m.Partner
