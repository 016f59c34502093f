"""Pages for the offline geography (admin areas): read-only reference lists."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from bluehelmet.core import filtersets as fs
from bluehelmet.core import models as m
from bluehelmet.core.maps import SmallMap, outline
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
    template_name = "core/adminarea_detail.html"
    fields = ("name", "country", "level", "pcode", "updated_at")

    def extra_context(self, obj: m.AdminArea) -> dict[str, Any]:
        """The area outlined over its country's context (reference data: no incidents here,
        which belong to missions and have their own maps)."""
        small_map = SmallMap(obj.country, none_text=_("No usable outline is stored for this area."))
        small_map.add(outline(obj.geometry, obj.name))
        return {"small_map": small_map}
