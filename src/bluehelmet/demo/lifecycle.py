"""The demo missions' lifecycle: start-up milestones and the phase history (Capstone §6.1-6.2).

The history is replayed through ``do_transition_mission_phase``, the action a Head of Mission
would use, so the gate checks and override reasons are recorded as for a real decision. It runs
after the mission's organisation and contingents exist, since the gates look at them.
"""

from __future__ import annotations

from typing import Any

from bluehelmet.core.models import Mission
from bluehelmet.demo.plan import MissionPlan
from bluehelmet.lifecycle.actions import do_transition_mission_phase
from bluehelmet.lifecycle.models import StartUpMilestone


def build_lifecycle(mission: Mission, plan: MissionPlan, acting_user: Any) -> None:
    """The plan's milestones, then its transitions in order; ``mission`` ends in its phase."""
    for kind, day, evidence in plan.milestones:
        milestone = StartUpMilestone(mission=mission, kind=kind, achieved_on=day, evidence=evidence)
        milestone.full_clean()
        milestone.save()
    for step in plan.transitions:
        do_transition_mission_phase(
            mission,
            step.to_phase,
            acting_user=acting_user,
            effective_on=step.effective_on,
            override_reason=step.override,
        )
        mission.refresh_from_db()
