"""Pages for people and their assignments to posts (Capstone §7.1: the leadership team)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from bluehelmet.core import filtersets as fs
from bluehelmet.core import forms
from bluehelmet.core import models as m
from bluehelmet.core.tables import Column
from bluehelmet.core.views import generic

PERSON_COLUMNS = (
    Column("full_name", link=True),
    Column("mission", sort="mission__code"),
    Column("category"),
    Column("nationality"),
    Column("email"),
    Column("sensitivity"),
)

ASSIGNMENT_COLUMNS = (
    Column("person", sort="person__full_name", label=_("Person")),
    Column("post", sort="post__title"),
    Column("mission", sort="mission__code"),
    Column("start_date", link=True),
    Column("end_date"),
    Column("acting"),
    Column("sensitivity"),
)


class PersonListView(generic.ObjectListView):
    model = m.Person
    filterset_class = fs.PersonFilterSet
    columns = PERSON_COLUMNS
    select_related = ("mission",)


class PersonDetailView(generic.ObjectDetailView):
    model = m.Person
    select_related = ("mission",)
    fields = (
        "full_name",
        "mission",
        "category",
        "nationality",
        "email",
        "sensitivity",
        "updated_at",
    )
    related = (
        (
            _("Assignments"),
            "assignments",
            (
                Column("post", link=False),
                Column("start_date", link=True),
                Column("end_date"),
                Column("acting"),
            ),
        ),
    )


class PersonEditView(generic.ObjectEditView):
    model = m.Person
    form_class = forms.PersonForm


class PersonDeleteView(generic.ObjectDeleteView):
    model = m.Person


class AssignmentListView(generic.ObjectListView):
    model = m.Assignment
    filterset_class = fs.AssignmentFilterSet
    columns = ASSIGNMENT_COLUMNS
    select_related = ("mission", "post", "person")
    hidden_filters = ("post", "person")


class AssignmentDetailView(generic.ObjectDetailView):
    model = m.Assignment
    select_related = ("mission", "post", "person")


class AssignmentEditView(generic.ObjectEditView):
    model = m.Assignment
    form_class = forms.AssignmentForm


class AssignmentDeleteView(generic.ObjectDeleteView):
    model = m.Assignment
