"""Pages for the offline geography (admin areas): read-only reference lists."""

from __future__ import annotations

from bluehelmet.core import filtersets as fs
from bluehelmet.core import models as m
from bluehelmet.core.tables import Column
from bluehelmet.core.views import generic

ADMINAREA_COLUMNS = (
    Column("name", link=True),
    Column("country"),
    Column("level"),
    Column("pcode"),
)


class AdminAreaListView(generic.ObjectListView):
    model = m.AdminArea
    filterset_class = fs.AdminAreaFilterSet
    columns = ADMINAREA_COLUMNS


class AdminAreaDetailView(generic.ObjectDetailView):
    model = m.AdminArea
    fields = ("name", "country", "level", "pcode", "updated_at")
