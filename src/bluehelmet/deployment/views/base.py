"""What every deployment page shares: who may add (Headquarters roles cleared for
confidential records, Capstone §4.1) and the columns of each record list."""

from __future__ import annotations

from typing import Any

from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _l

from bluehelmet.core.permissions import Action, Sensitivity, grants_for
from bluehelmet.core.tables import Column
from bluehelmet.core.views import generic


def may_add(user: Any) -> bool:
    """Headquarters roles cleared for confidential records add crisis records: a crisis under
    assessment has no mission whose staff could (mission roles still edit their mission's)."""
    if user.is_superuser and user.is_active:
        return True
    level = grants_for(user, Action.ADD).all_missions
    return level is not None and level >= Sensitivity.CONFIDENTIAL


class DeploymentListView(generic.ObjectListView):
    def add_url(self) -> str | None:
        if not may_add(self.request.user):
            return None
        return reverse(f"{self.model._meta.model_name}-add")


class DeploymentEditView(generic.ObjectEditView):
    def get_instance(self) -> Any:
        if self.creating:
            if not may_add(self.request.user):
                raise Http404
            return self.model()
        return self.get_object()


SITUATION_COLUMNS = (
    Column("name", link=True),
    Column("country_name", label=_l("Country")),
    Column("started_on"),
    Column("mission", sort="mission__code"),
    Column("sensitivity"),
)
PARTY_COLUMNS = (
    Column("name", link=True),
    Column("role"),
    Column("signatory"),
    Column("committed"),
    Column("actor", sort=None),
    Column("ucdp_actor_id"),
)
ASSESSMENT_COLUMNS = (
    Column("title", link=True),
    Column("situation", sort="situation__name"),
    Column("started_on"),
    Column("status"),
    Column("council_backing"),
    Column("recommended_option", sort=None),
)
FACTOR_COLUMNS = (
    Column("factor", link=True),
    Column("judgement"),
    Column("confidence"),
    Column("ucdp_summary", sort=None),
)
TAM_COLUMNS = (
    Column("__str__", label=_l("Mission"), sort=None, link=True),
    Column("started_on"),
    Column("ended_on"),
    Column("led_by"),
)
MEMBER_COLUMNS = (
    Column("name", link=True),
    Column("department"),
    Column("function"),
)
FINDING_COLUMNS = (
    Column("area", link=True),
    Column("finding", sort=None),
)
OPTION_COLUMNS = (
    Column("title", link=True),
    Column("assessment", sort="assessment__title"),
    Column("option_type"),
    Column("troops", css="num"),
    Column("police", css="num"),
    Column("military_observers", css="num"),
    Column("civilians", css="num"),
)
SCENARIO_COLUMNS = (
    Column("kind", link=True),
    Column("description", sort=None),
    Column("implications", sort=None),
)
DECISION_COLUMNS = (
    Column("__str__", label=_l("Decision"), sort=None, link=True),
    Column("assessment", sort="assessment__title"),
    Column("decided_by"),
    Column("option", sort=None),
    Column("resolution", sort="resolution__number"),
    Column("mission", sort="mission__code"),
)
