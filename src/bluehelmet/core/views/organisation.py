"""Pages for components, organisational units and posts (Capstone §6.2, §7.1-7.2)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from bluehelmet.core import filtersets as fs
from bluehelmet.core import forms
from bluehelmet.core import models as m
from bluehelmet.core.tables import Column
from bluehelmet.core.views import generic

COMPONENT_COLUMNS = (
    Column("name", link=True),
    Column("mission", sort="mission__code"),
    Column("kind"),
    Column("sensitivity"),
)

ORGUNIT_COLUMNS = (
    Column("name", link=True),
    Column("mission", sort="mission__code"),
    Column("kind"),
    Column("parent", sort="parent__name"),
    Column("component", sort="component__name"),
    Column("admin1"),
    Column("latitude"),
    Column("longitude"),
    Column("established_on"),
    Column("sensitivity"),
)

POST_COLUMNS = (
    Column("title", link=True),
    Column("mission", sort="mission__code"),
    Column("role"),
    Column("component", sort="component__name"),
    Column("org_unit", sort="org_unit__name"),
    Column("reports_to", sort="reports_to__title"),
    Column("is_mlt", label=_("MLT")),
    Column("sensitivity"),
)


class ComponentListView(generic.ObjectListView):
    model = m.Component
    filterset_class = fs.ComponentFilterSet
    columns = COMPONENT_COLUMNS
    select_related = ("mission",)


class ComponentDetailView(generic.ObjectDetailView):
    model = m.Component
    select_related = ("mission",)
    related = (
        (_("Organisational units"), "org_units", ORGUNIT_COLUMNS[:4]),
        (_("Posts"), "posts", POST_COLUMNS[:4]),
    )


class ComponentEditView(generic.ObjectEditView):
    model = m.Component
    form_class = forms.ComponentForm


class ComponentDeleteView(generic.ObjectDeleteView):
    model = m.Component


class OrgUnitListView(generic.ObjectListView):
    model = m.OrgUnit
    filterset_class = fs.OrgUnitFilterSet
    columns = ORGUNIT_COLUMNS
    select_related = ("mission", "parent", "component")
    hidden_filters = ("parent", "component")


class OrgUnitDetailView(generic.ObjectDetailView):
    model = m.OrgUnit
    select_related = ("mission", "parent", "component")
    related = (
        (_("Units under it"), "children", ORGUNIT_COLUMNS[:4]),
        (_("Posts at this duty station"), "posts", POST_COLUMNS[:4]),
        (
            _("Contingents deployed here"),
            "contingents",
            (Column("name", link=True), Column("country"), Column("unit_type"), Column("strength")),
        ),
    )


class OrgUnitEditView(generic.ObjectEditView):
    model = m.OrgUnit
    form_class = forms.OrgUnitForm


class OrgUnitDeleteView(generic.ObjectDeleteView):
    model = m.OrgUnit


class PostListView(generic.ObjectListView):
    model = m.Post
    filterset_class = fs.PostFilterSet
    columns = POST_COLUMNS
    select_related = ("mission", "component", "org_unit", "reports_to")
    hidden_filters = ("component",)


class PostDetailView(generic.ObjectDetailView):
    model = m.Post
    select_related = ("mission", "component", "org_unit", "reports_to")
    related = (
        (
            _("Assignments"),
            "assignments",
            (
                Column("person", link=True),
                Column("start_date"),
                Column("end_date"),
                Column("acting"),
            ),
        ),
        (_("Direct reports"), "direct_reports", POST_COLUMNS[:4]),
    )


class PostEditView(generic.ObjectEditView):
    model = m.Post
    form_class = forms.PostForm


class PostDeleteView(generic.ObjectDeleteView):
    model = m.Post
