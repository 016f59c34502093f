"""``bluehelmet grant USER ROLE [--mission CODE] [--for PARTNER] [--revoke]``: manage who holds
which role, and for which partner organisation a user acts (humanitarian space, §7.2).

The command is for the platform's administrators (it runs with server access); pages and API
apply the stricter rule that nobody grants more than they hold (core/api/membership_rules.py).
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db.models import Q

from bluehelmet.core.models import Membership, Mission, Partner, Role


class Command(BaseCommand):
    help = "Give a user a role in a mission (or an HQ role), or take it away."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("role", help="role code, e.g. joc-officer; see `bluehelmet roles`")
        parser.add_argument("--mission", help="mission code (omit for HQ roles)")
        parser.add_argument(
            "--for",
            dest="partner",
            help="name or acronym of the mission's partner the user acts for; a humanitarian "
            "partner caps the role at unclassified records without sources (Capstone §7.2)",
        )
        parser.add_argument("--revoke", action="store_true", help="remove the membership")

    def handle(self, *args: Any, **opts: Any) -> None:
        user = get_user_model().objects.filter(username=opts["username"]).first()
        if user is None:
            raise CommandError(f"Unknown user {opts['username']}.")
        role = Role.objects.filter(code=opts["role"]).first()
        if role is None:
            codes = ", ".join(Role.objects.values_list("code", flat=True))
            raise CommandError(f"Unknown role {opts['role']}. Roles: {codes}.")
        mission = None
        if opts["mission"]:
            mission = Mission.objects.filter(code=opts["mission"].upper()).first()
            if mission is None:
                raise CommandError(f"Unknown mission code {opts['mission'].upper()}.")
        if opts["revoke"]:
            deleted, _ = Membership.objects.filter(user=user, role=role, mission=mission).delete()
            if not deleted:
                raise CommandError("No such membership to revoke.")
            self.stdout.write(f"Revoked {role.code} from {user.username}.")
            return
        membership = Membership(user=user, role=role, mission=mission)
        if opts["partner"]:
            membership.on_behalf_of = self._partner(mission, opts["partner"])
        try:
            membership.full_clean()
        except ValidationError as exc:
            raise CommandError("; ".join(exc.messages)) from exc
        membership.save()
        where = mission.code if mission else "all missions"
        self.stdout.write(f"{user.username} is now {role.name} ({where}).")

    def _partner(self, mission: Mission | None, name: str) -> Partner:
        partners = Partner.objects.filter(mission=mission) if mission else Partner.objects.none()
        found = partners.filter(Q(name__iexact=name) | Q(acronym__iexact=name)).first()
        if found is None:
            where = mission.code if mission else "an HQ role"
            raise CommandError(f"No partner {name!r} in {where}.")
        return found
