"""Mission-, role- and sensitivity-scoped access (Capstone §7.1-7.2).

Access is data: a user holds ``Membership`` rows, each giving a ``Role`` in one mission (or in
every mission for headquarters roles). A role lists the actions it may take and the highest
information-sensitivity class it may see. Every page and API list goes through
``RestrictedQuerySet.restrict(user, action)``, which turns those grants into one filter.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.errors import ActionError, ErrorCode


class Sensitivity(models.IntegerChoices):
    """UN information-sensitivity classes (ST/SGB/2007/6), ordered so that higher is stricter."""

    UNCLASSIFIED = 0, _("Unclassified")
    CONFIDENTIAL = 1, _("Confidential")
    STRICTLY_CONFIDENTIAL = 2, _("Strictly confidential")


class Action(models.TextChoices):
    VIEW = "view", _("View")
    ADD = "add", _("Add")
    CHANGE = "change", _("Change")
    DELETE = "delete", _("Delete")
    AUDIT = "audit", _("Read the audit log")
    TRANSITION = "transition", _("Decide lifecycle transitions")
    MANDATE = "mandate", _("Record Security Council mandates")


@dataclass(frozen=True)
class Grants:
    """What one user may do for one action: every mission up to a clearance, and per mission."""

    all_missions: int | None  # clearance over every mission (HQ roles), None if no HQ grant
    per_mission: dict[int, int]  # mission id -> clearance

    @property
    def empty(self) -> bool:
        return self.all_missions is None and not self.per_mission

    def clearance_for(self, mission_id: int | None) -> int | None:
        levels = [self.all_missions] if self.all_missions is not None else []
        if mission_id is not None and mission_id in self.per_mission:
            levels.append(self.per_mission[mission_id])
        return max(levels) if levels else None


def grants_for(user: Any, action: str) -> Grants:
    """Collect the user's grants for ``action``, cached on the user object for the request."""
    if user is None:
        return Grants(None, {})
    cache: dict[str, Grants] | None = getattr(user, "_bluehelmet_grants", None)
    if cache is None:
        cache = {}
        user._bluehelmet_grants = cache
    if action not in cache:
        cache[action] = _load_grants(user, action)
    return cache[action]


# Roles that always get the partner-safe view, whatever the request asks (Capstone §7.2:
# humanitarian space): records they may see, without how the mission learnt of them. Role codes
# rather than a Role column, so that a site's own partner role is one line here.
PARTNER_SAFE_ROLES = frozenset({"partner-liaison"})
# Pseudo-action: viewing through a role that is not partner-safe (``sees_sources``).
VIEW_SOURCES = "view+sources"


def _load_grants(user: Any, action: str) -> Grants:
    from bluehelmet.core.models import Membership

    all_missions: int | None = None
    per_mission: dict[int, int] = {}
    if user is None or not user.is_authenticated or not user.is_active:
        return Grants(None, {})
    sources = action == VIEW_SOURCES
    needed = Action.VIEW if sources else action
    memberships = Membership.objects.filter(user=user, active=True).select_related(
        "role", "on_behalf_of"
    )
    for m in memberships:
        partner_safe = m.role.code in PARTNER_SAFE_ROLES or m.humanitarian
        if needed not in m.role.actions or (sources and partner_safe):
            continue
        # Humanitarian space (§7.2): acting for a humanitarian partner caps the role's clearance.
        clearance = Sensitivity.UNCLASSIFIED if m.humanitarian else m.role.clearance
        if m.mission_id is None:
            all_missions = max(all_missions or 0, clearance)
        else:
            per_mission[m.mission_id] = max(per_mission.get(m.mission_id, 0), clearance)
    return Grants(all_missions, per_mission)


def forget_grants(user: Any) -> None:
    if hasattr(user, "_bluehelmet_grants"):
        del user._bluehelmet_grants


def grant_filter(model: type[models.Model], user: Any, action: str) -> Q | None:
    """The Q that keeps what ``user`` may ``action``; ``Q()`` means everything, None nothing."""
    if user is not None and user.is_authenticated and user.is_superuser and user.is_active:
        return Q()
    grants = grants_for(user, action)
    if grants.empty:
        return None
    mission_field: str | None = getattr(model, "mission_field", "mission_id")
    sensitivity_field: str | None = getattr(model, "sensitivity_field", "sensitivity")
    if mission_field is None:
        # Reference data shared by all missions: anyone may read, only HQ roles may write.
        if action == Action.VIEW or grants.all_missions is not None:
            return Q()
        return None
    clauses = []
    if grants.all_missions is not None:
        clauses.append(_sensitivity_q(sensitivity_field, grants.all_missions))
    by_level: dict[int, list[int]] = {}
    for mission_id, level in grants.per_mission.items():
        if grants.all_missions is not None and level <= grants.all_missions:
            continue
        by_level.setdefault(level, []).append(mission_id)
    for level, mission_ids in sorted(by_level.items()):
        clauses.append(
            Q(**{f"{mission_field}__in": sorted(mission_ids)})
            & _sensitivity_q(sensitivity_field, level)
        )
    combined = Q(pk__in=[])
    for clause in clauses:
        if not clause:  # an empty Q is "everything"; OR-ing it would drop it
            return Q()
        combined |= clause
    return combined


def _sensitivity_q(field: str | None, level: int) -> Q:
    if field is None or level >= Sensitivity.STRICTLY_CONFIDENTIAL:
        return Q()
    return Q(**{f"{field}__lte": level})


def user_can(user: Any, action: str, mission_id: int | None, sensitivity: int = 0) -> bool:
    """May ``user`` take ``action`` on a record of ``mission_id`` at ``sensitivity``?"""
    if user is not None and user.is_authenticated and user.is_superuser and user.is_active:
        return True
    clearance = grants_for(user, action).clearance_for(mission_id)
    return clearance is not None and clearance >= sensitivity


def sees_sources(user: Any, mission_id: int | None) -> bool:
    """May ``user`` see how the mission learnt of its records in ``mission_id`` (source,
    reference, grading, reporting unit, duplicate links)? Only through a role that is not
    partner-safe: a partner liaison gets the partner-safe view even where it may read.
    ``None`` is the system (the CLI without ``--as``), which sees everything."""
    if user is None or (user.is_authenticated and user.is_superuser and user.is_active):
        return True
    return grants_for(user, VIEW_SOURCES).clearance_for(mission_id) is not None


def sees_sources_everywhere(user: Any) -> bool:
    """``sees_sources`` in every mission ``user`` may view: what one file or one page of many
    missions' records decides by (``None``, the system, sees everything)."""
    if user is not None and user.is_authenticated and user.is_superuser and user.is_active:
        return True
    full, view = grants_for(user, VIEW_SOURCES), grants_for(user, Action.VIEW)
    if full.all_missions is not None:
        return True
    if view.all_missions is not None:
        return False
    return all(mission_id in full.per_mission for mission_id in view.per_mission)


REFUSED = {
    "view": _("Your role does not see these records."),
    "add": _("Your role does not add these records."),
    "change": _("Your role does not change these records."),
    "delete": _("Your role does not delete these records."),
    "": _("Your role does not allow this."),
}


def require(
    user: Any, action: str, mission_id: int | None, sensitivity: int = 0, message: str = ""
) -> None:
    """Refuse a domain action the acting ``user`` may not take (``None`` is the system: the CLI
    without ``--as``, the demo, background tasks acting for nobody)."""
    if user is not None and not user_can(user, action, mission_id, sensitivity):
        raise ActionError(ErrorCode.FORBIDDEN, message or REFUSED.get(action, REFUSED[""]))


class RestrictedQuerySet(models.QuerySet):
    """QuerySet whose ``restrict`` is the single gate between stored records and a user."""

    def restrict(self, user: Any, action: str = Action.VIEW) -> RestrictedQuerySet:
        condition = grant_filter(self.model, user, action)
        if condition is None:
            return self.none()
        return self.filter(condition) if condition else self
