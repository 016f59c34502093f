"""Demo users: one per role and mission, four Headquarters users and a superuser.

Roles are data (``core.roles``), so the list of users follows the shipped roles: each
mission-scoped role gets ``<mission code>.<role>`` in every demo mission, and each HQ role an
``hq.*`` user that sees every mission (Capstone §7.1: HQ integrated operational teams).
Demo users are recognised by their e-mail domain; an account that already exists under the same
name without it belongs to someone else and is never touched.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from bluehelmet.core.models import Membership, Mission, Role, RoleScope, UserPreference
from bluehelmet.core.roles import DEFAULT_ROLES

PASSWORD_ENV = "BLUEHELMET_DEMO_PASSWORD"  # noqa: S105 - a variable name, not a secret
DEMO_EMAIL_DOMAIN = "demo.bluehelmet.invalid"  # RFC 2606: never a real mailbox
SUPERUSER = "admin"
SUPERUSER_ROLE = "superuser"
HQ_USERNAMES = {
    "hq-admin": "hq.admin",
    "hq-planner": "hq.planner",
    "hq-oversight": "hq.oversight",
    "researcher": "hq.researcher",
}


@dataclass(frozen=True)
class DemoUser:
    username: str
    role: str
    mission: str | None
    language: str = "en"

    def as_dict(self) -> dict[str, str | None]:
        return {
            "username": self.username,
            "role": self.role,
            "mission": self.mission,
            "language": self.language,
        }


FRENCH_ROLE = "mlt-member"


def mission_username(code: str, role: str) -> str:
    return f"{code.lower()}.{role}"


def mission_roles() -> list[str]:
    return [str(r["code"]) for r in DEFAULT_ROLES if r["scope"] == RoleScope.MISSION]


def planned_users(mission_codes: list[str]) -> list[DemoUser]:
    """Every demo account, in a stable order: HQ roles, then each mission's roles, then admin."""
    users = [
        DemoUser(HQ_USERNAMES.get(str(r["code"]), f"hq.{r['code']}"), str(r["code"]), None)
        for r in DEFAULT_ROLES
        if r["scope"] == RoleScope.HQ
    ]
    for code in mission_codes:
        users += [DemoUser(mission_username(code, role), role, code) for role in mission_roles()]
        # One French-speaking member of each mission's leadership (issue 20: the data stay in
        # English, the interface follows the user's language).
        users.append(DemoUser(mission_username(code, FRENCH_ROLE) + "-fr", FRENCH_ROLE, code, "fr"))
    users.append(DemoUser(SUPERUSER, SUPERUSER_ROLE, None))
    return users


class DemoPasswordError(ValueError):
    """The password given in BLUEHELMET_DEMO_PASSWORD fails the password validators."""


def resolve_password() -> tuple[str, bool]:
    """The demo password from the environment, or a fresh random one (``generated`` is True).

    A chosen password goes through the same validators as any user's: demo accounts include a
    superuser, and a demo is sometimes left running where others can reach it.
    """
    value = os.environ.get(PASSWORD_ENV, "")
    if not value.strip():
        return secrets.token_urlsafe(12), True
    try:
        validate_password(value)
    except ValidationError as exc:
        raise DemoPasswordError(
            _("%(var)s is refused: %(reasons)s")
            % {"var": PASSWORD_ENV, "reasons": " ".join(exc.messages)}
        ) from exc
    return value, False


def is_demo_user(user: Any) -> bool:
    return str(user.email).lower().endswith("@" + DEMO_EMAIL_DOMAIN)


def existing_demo_users(planned: list[DemoUser]) -> list[DemoUser]:
    """The planned accounts that exist and belong to the demo."""
    found = get_user_model().objects.filter(
        username__in=[u.username for u in planned], email__iendswith="@" + DEMO_EMAIL_DOMAIN
    )
    names = set(found.values_list("username", flat=True))
    return [u for u in planned if u.username in names]


def ensure_users(
    planned: list[DemoUser], password: str, warn: Callable[[str], None]
) -> dict[str, Any]:
    """Create or refresh the demo accounts; returns username -> user for those that are ours.

    The password is hashed once and the hash shared: hashing twenty times would dominate the
    build time and every demo account has the same password anyway.
    """
    model = get_user_model()
    encoded = make_password(password)
    labels = {str(r["code"]): str(r["name"]) for r in DEFAULT_ROLES}
    users: dict[str, Any] = {}
    for plan in planned:
        user = model.objects.filter(username=plan.username).first()
        if user is not None and not is_demo_user(user):
            warn(
                _(
                    "%(username)s: an account with this name exists and is not a demo account; "
                    "left unchanged."
                )
                % {"username": plan.username}
            )
            continue
        user = user or model(username=plan.username)
        user.email = f"{plan.username}@{DEMO_EMAIL_DOMAIN}"
        user.password = encoded
        user.is_active = True
        user.is_staff = user.is_superuser = plan.role == SUPERUSER_ROLE
        user.first_name = "Demo"
        suffix = f" ({plan.mission})" if plan.mission else ""
        user.last_name = (labels.get(plan.role, "superuser") + suffix)[:150]
        user.save()
        UserPreference.objects.update_or_create(user=user, defaults={"language": plan.language})
        users[plan.username] = user
    return users


def add_memberships(
    planned: list[DemoUser], users: dict[str, Any], missions: dict[str, Mission]
) -> int:
    """Give each demo user its role, in its mission or (HQ roles) in every mission."""
    roles = {r.code: r for r in Role.objects.all()}
    created = 0
    for plan in planned:
        user = users.get(plan.username)
        if user is None or plan.role == SUPERUSER_ROLE:
            continue
        if plan.mission is not None and plan.mission not in missions:
            continue
        mission = missions[plan.mission] if plan.mission else None
        _membership, new = Membership.objects.get_or_create(
            user=user, role=roles[plan.role], mission=mission, defaults={"active": True}
        )
        created += int(new)
    return created


def missing_roles() -> list[str]:
    """Shipped role codes absent from the database (roles are loaded by a migration)."""
    present = set(Role.objects.values_list("code", flat=True))
    return [str(r["code"]) for r in DEFAULT_ROLES if r["code"] not in present]
