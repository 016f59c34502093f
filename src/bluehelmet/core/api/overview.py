"""``/api/overview/``: the headquarters overview's figures (``core.hq``, Capstone §7.1).

The same columns, cells and chart series as the page, for the missions the caller may see,
filtered by ``?q=``, ``?mission_type=`` and ``?phase=``; a cell the caller may see nothing of
is ``null``.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from bluehelmet.core import hq


class OverviewView(APIView):
    """One row per operation the caller may see, with every registered column."""

    @extend_schema(
        parameters=[
            OpenApiParameter("q", str, description="Text in the code, name or host country."),
            OpenApiParameter("mission_type", str),
            OpenApiParameter("phase", str),
            OpenApiParameter("sort", str, description="A column key; '-key' descending."),
        ],
        responses=OpenApiTypes.OBJECT,
    )
    def get(self, request: Any) -> Response:
        filters = hq.OverviewFilters.from_query(request.query_params)
        missions = hq.visible_missions(request.user, filters)
        overview = hq.build_overview(request.user, missions, sort=filters.sort)
        return Response(hq.as_json(overview))
