"""API viewsets for the core entities: each is data on top of ``generic``."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.views import redirect_to_login
from drf_spectacular.views import SpectacularSwaggerSplitView
from rest_framework.exceptions import NotAuthenticated

from bluehelmet.core import filtersets as fs
from bluehelmet.core import models as m
from bluehelmet.core.api import serializers as s
from bluehelmet.core.api.generic import BaseModelViewSet, BaseReadOnlyViewSet
from bluehelmet.core.permissions import Action


class MissionViewSet(BaseModelViewSet):
    queryset = m.Mission.objects.all()
    serializer_class = s.MissionSerializer
    filterset_class = fs.MissionFilterSet
    lookup_field = "code"
    lookup_value_regex = "[A-Za-z0-9-]+"
    ordering_fields = ("code", "name", "mandate_authorised_on")

    def get_object(self):  # type: ignore[no-untyped-def]
        self.kwargs["code"] = self.kwargs["code"].upper()
        return super().get_object()


class ComponentViewSet(BaseModelViewSet):
    queryset = m.Component.objects.select_related("mission")
    serializer_class = s.ComponentSerializer
    filterset_class = fs.ComponentFilterSet


class OrgUnitViewSet(BaseModelViewSet):
    queryset = m.OrgUnit.objects.select_related("mission")
    serializer_class = s.OrgUnitSerializer
    filterset_class = fs.OrgUnitFilterSet
    ordering_fields = ("name", "kind", "established_on")


class PostViewSet(BaseModelViewSet):
    queryset = m.Post.objects.select_related("mission")
    serializer_class = s.PostSerializer
    filterset_class = fs.PostFilterSet


class PersonViewSet(BaseModelViewSet):
    queryset = m.Person.objects.select_related("mission")
    serializer_class = s.PersonSerializer
    filterset_class = fs.PersonFilterSet


class AssignmentViewSet(BaseModelViewSet):
    queryset = m.Assignment.objects.select_related("mission", "post", "person")  # str(): audit
    serializer_class = s.AssignmentSerializer
    filterset_class = fs.AssignmentFilterSet
    ordering_fields = ("start_date", "end_date")


class ContributingCountryViewSet(BaseModelViewSet):
    queryset = m.ContributingCountry.objects.all()
    serializer_class = s.ContributingCountrySerializer
    filterset_class = fs.ContributingCountryFilterSet


class ContingentViewSet(BaseModelViewSet):
    queryset = m.Contingent.objects.select_related("mission", "country")
    serializer_class = s.ContingentSerializer
    filterset_class = fs.ContingentFilterSet
    ordering_fields = ("name", "strength", "arrival_date")


class PartnerViewSet(BaseModelViewSet):
    queryset = m.Partner.objects.select_related("mission")
    serializer_class = s.PartnerSerializer
    filterset_class = fs.PartnerFilterSet


class AdminAreaViewSet(BaseModelViewSet):
    queryset = m.AdminArea.objects.all()
    serializer_class = s.AdminAreaSerializer
    filterset_class = fs.AdminAreaFilterSet


class RoleViewSet(BaseReadOnlyViewSet):
    queryset = m.Role.objects.all()
    serializer_class = s.RoleSerializer
    filterset_fields = ("scope", "clearance")


class MembershipViewSet(BaseModelViewSet):
    queryset = m.Membership.objects.select_related("user", "role", "mission")
    serializer_class = s.MembershipSerializer
    filterset_fields = ("role__code", "mission__code", "active")


class AuditEntryViewSet(BaseReadOnlyViewSet):
    """The audit log; only roles with the ``audit`` action, scoped like everything else."""

    queryset = m.AuditEntry.objects.select_related("content_type")
    serializer_class = s.AuditEntrySerializer
    filterset_class = fs.AuditEntryFilterSet
    required_action = Action.AUDIT


class DocsView(SpectacularSwaggerSplitView):
    """Swagger UI for signed-in users; an anonymous browser is sent to the log-in page.

    The split view serves Swagger UI's start-up script as a file (``?script``): no inline
    script, so the page works under the Content-Security-Policy.
    """

    def handle_exception(self, exc: Exception) -> Any:
        if isinstance(exc, NotAuthenticated):
            return redirect_to_login(self.request.get_full_path())
        return super().handle_exception(exc)
