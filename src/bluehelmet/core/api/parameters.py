"""``/api/missions/<code>/parameters/``: the mission's parameters (``core.parameters``).

GET lists every registered parameter with the mission's value, its default and whether it was
changed; POST sets one (Headquarters roles with ``change``, a reason required).
"""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from bluehelmet.core import parameters
from bluehelmet.core.actions import do_set_mission_parameter
from bluehelmet.core.models import Mission


class SetParameterSerializer(serializers.Serializer):
    key = serializers.CharField(max_length=80)
    value = serializers.IntegerField()
    # Blank passes here so the action gives its one message for a missing reason.
    reason = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="")


class MissionParametersView(APIView):
    """The numbers the mission's rules judge by: the mission's setting, not the doctrine's."""

    def mission(self, request: Any, code: str) -> Mission:
        return get_object_or_404(Mission.objects.restrict(request.user), code=code.upper())

    @extend_schema(responses=OpenApiTypes.OBJECT)
    def get(self, request: Any, code: str) -> Response:
        mission = self.mission(request, code)
        return Response(
            {
                "mission": mission.code,
                "can_change": parameters.may_set(request.user),
                "parameters": parameters.listing(mission),
            }
        )

    @extend_schema(request=SetParameterSerializer, responses=OpenApiTypes.OBJECT)
    def post(self, request: Any, code: str) -> Response:
        mission = self.mission(request, code)
        body = SetParameterSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        do_set_mission_parameter(
            mission, data["key"], data["value"], acting_user=request.user, reason=data["reason"]
        )
        entry = next(p for p in parameters.listing(mission) if p["key"] == data["key"])
        return Response(entry)
