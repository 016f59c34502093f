"""``bluehelmet lifecycle CODE [--to PHASE --as USER --reason TEXT --date YYYY-MM-DD] [--json]``

Shows a mission's phase, deployment clock and the gates of its next phases (Capstone §6.1-6.2);
with ``--to`` it decides a transition through the same ``do_`` action as the page and the API.
"""

from __future__ import annotations

import datetime
import json
from dataclasses import asdict
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from bluehelmet.core.errors import ActionError
from bluehelmet.core.models import Mission
from bluehelmet.core.phases import Phase, next_phases
from bluehelmet.lifecycle.actions import do_transition_mission_phase
from bluehelmet.lifecycle.clock import deployment_clock
from bluehelmet.lifecycle.gates import check_gates


def _date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as exc:
        raise CommandError(f"--date {value!r} is not a date (use YYYY-MM-DD).") from exc


class Command(BaseCommand):
    help = "Show a mission's lifecycle and gates, or decide a phase transition (Capstone §6)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("mission", help="mission code, e.g. MINUSCA")
        parser.add_argument("--to", choices=Phase.values, help="phase to move to")
        parser.add_argument("--as", dest="username", help="user deciding (needs 'transition')")
        parser.add_argument("--reason", default="", help="override reason when gates fail")
        parser.add_argument("--date", help="effective date (YYYY-MM-DD), default today")
        parser.add_argument("--json", action="store_true", help="machine-readable output")

    def handle(self, *args: Any, **opts: Any) -> None:
        code = opts["mission"].upper()
        mission = Mission.objects.filter(code=code).first()
        if mission is None:
            raise CommandError(f"Unknown mission code {code}.")
        if opts["to"]:
            self._transition(mission, opts)
            mission.refresh_from_db()
        self._show(mission, as_json=opts["json"])

    def _transition(self, mission: Mission, opts: dict[str, Any]) -> None:
        user = None
        if opts["username"]:
            user = get_user_model().objects.filter(username=opts["username"]).first()
            if user is None:
                raise CommandError(f"Unknown user {opts['username']}.")
        effective_on = _date(opts["date"]) if opts["date"] else None
        try:
            do_transition_mission_phase(
                mission,
                opts["to"],
                acting_user=user,
                effective_on=effective_on,
                override_reason=opts["reason"],
            )
        except ActionError as exc:
            lines = [exc.message] + [
                f"  [{'ok' if c['passed'] else 'missing'}] {c['explanation']} ({c['citation']})"
                for c in exc.details.get("checks", [])
            ]
            raise CommandError("\n".join(lines)) from exc
        self.stderr.write(f"{mission.code} moved to {Phase(opts['to']).label}.")

    def _show(self, mission: Mission, *, as_json: bool) -> None:
        clock = deployment_clock(mission)
        nxt = {
            p: [c.as_dict() for c in check_gates(mission, p)] for p in next_phases(mission.phase)
        }
        if as_json:
            self.stdout.write(
                json.dumps(
                    {
                        "mission": mission.code,
                        "phase": mission.phase,
                        "clock": asdict(clock),
                        "next": nxt,
                    },
                    default=str,
                )
            )
            return
        self.stdout.write(f"{mission.code}: {Phase(mission.phase).label}")
        self.stdout.write(f"Deployment clock: {clock.explanation}")
        for phase, checks in nxt.items():
            self.stdout.write(f"Gates to {Phase(phase).label}:")
            for c in checks or [{"passed": True, "explanation": "no gate", "citation": ""}]:
                mark = "ok" if c["passed"] else "missing"
                self.stdout.write(f"  [{mark}] {c['explanation']} {c['citation']}".rstrip())
