"""``bluehelmet roles``: list the roles, their scope, clearance and actions."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from bluehelmet.core.models import Role


class Command(BaseCommand):
    help = "List the roles users can hold (roles are data: edit them in the admin)."

    def handle(self, *args: Any, **opts: Any) -> None:
        for role in Role.objects.all():
            self.stdout.write(
                f"{role.code:20} {role.get_scope_display():30} "
                f"{role.get_clearance_display():22} {', '.join(role.actions)}"
            )
