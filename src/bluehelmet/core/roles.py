"""The roles bluehelmet ships with (DESIGN "Who uses it"). Data, loaded by a migration and kept
in step by ``sync_roles``; sites may add their own rows."""

from __future__ import annotations

from typing import Any

from bluehelmet.core.permissions import Action as A
from bluehelmet.core.permissions import Sensitivity as S

READ = [A.VIEW]
WRITE = [A.VIEW, A.ADD, A.CHANGE]

DEFAULT_ROLES: list[dict[str, Any]] = [
    {
        "code": "hq-admin",
        "name": "HQ administrator",
        "scope": "hq",
        "clearance": S.STRICTLY_CONFIDENTIAL,
        "actions": [*WRITE, A.DELETE, A.AUDIT, A.TRANSITION, A.MANDATE],
        "description": "Runs the platform for Headquarters; sees and manages every mission.",
    },
    {
        "code": "hq-planner",
        "name": "HQ planner (integrated operational team)",
        "scope": "hq",
        "clearance": S.CONFIDENTIAL,
        "actions": [*WRITE, A.MANDATE],
        "description": (
            "Follows and plans every mission (Capstone §7.1: integrated operational teams)."
        ),
    },
    {
        "code": "hq-oversight",
        "name": "Oversight and audit",
        "scope": "hq",
        "clearance": S.STRICTLY_CONFIDENTIAL,
        "actions": [A.VIEW, A.AUDIT],
        "description": "Reads every mission and its audit log; changes nothing.",
    },
    {
        "code": "researcher",
        "name": "Researcher / trainer",
        "scope": "hq",
        "clearance": S.UNCLASSIFIED,
        "actions": READ,
        "description": "Reads unclassified records of every mission for analysis and training.",
    },
    {
        "code": "head-of-mission",
        "name": "Head of Mission / SRSG",
        "scope": "mission",
        "clearance": S.STRICTLY_CONFIDENTIAL,
        "actions": [*WRITE, A.DELETE, A.AUDIT, A.TRANSITION, A.MANDATE],
        "description": "Operational authority over the mission (Capstone §7.1).",
    },
    {
        "code": "mlt-member",
        "name": "Mission Leadership Team member",
        "scope": "mission",
        "clearance": S.CONFIDENTIAL,
        "actions": WRITE,
        "description": "Deputies, heads of component, chief of mission support (Capstone §7.1).",
    },
    {
        "code": "joc-officer",
        "name": "Joint Operations Centre officer",
        "scope": "mission",
        "clearance": S.CONFIDENTIAL,
        "actions": WRITE,
        "description": "Situational awareness and crisis coordination (Capstone §7.2).",
    },
    {
        "code": "jmac-analyst",
        "name": "Joint Mission Analysis Centre analyst",
        "scope": "mission",
        "clearance": S.CONFIDENTIAL,
        "actions": WRITE,
        "description": "Integrated analysis and threat assessment (Capstone §7.2).",
    },
    {
        "code": "component-staff",
        "name": "Component staff",
        "scope": "mission",
        "clearance": S.UNCLASSIFIED,
        "actions": [A.VIEW, A.ADD],
        "description": "Military, police and civilian staff reporting into the platform.",
    },
    {
        "code": "mission-support",
        "name": "Mission support and security",
        "scope": "mission",
        "clearance": S.CONFIDENTIAL,
        "actions": WRITE,
        "description": "Contingents, logistics, premises and security (Capstone §8).",
    },
    {
        "code": "conduct-discipline",
        "name": "Conduct and discipline",
        "scope": "mission",
        "clearance": S.STRICTLY_CONFIDENTIAL,
        "actions": [*WRITE, A.AUDIT],
        "description": "Misconduct cases, strictly confidential (Capstone §3.2).",
    },
    {
        "code": "human-rights-officer",
        "name": "Human rights officer",
        "scope": "mission",
        "clearance": S.STRICTLY_CONFIDENTIAL,
        "actions": WRITE,
        "description": "Monitors, verifies and follows up human rights cases, strictly "
        "confidential (Capstone §1.2, §2.4).",
    },
    {
        "code": "partner-liaison",
        "name": "Contributor / partner liaison",
        "scope": "mission",
        "clearance": S.UNCLASSIFIED,
        "actions": READ,
        "description": "Troop/police contributors, UN country team and partners: what concerns "
        "them and nothing more (Capstone §4.3, §7.2).",
    },
]


def sync_roles(role_model: Any) -> int:
    """Create or update the shipped roles; returns how many rows were written."""
    written = 0
    for spec in DEFAULT_ROLES:
        fields: dict[str, Any] = {
            k: (list(map(str, v)) if k == "actions" else v) for k, v in spec.items()
        }
        fields["clearance"] = int(spec["clearance"])
        code = fields.pop("code")
        role_model.objects.update_or_create(code=code, defaults=fields)
        written += 1
    return written
