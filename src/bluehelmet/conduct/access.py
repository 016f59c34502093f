"""Who may see misconduct cases (Capstone §3.2, §7.1): clearance is not enough.

A strictly confidential clearance lets a role read strictly confidential records in general;
misconduct cases are narrower still. Only the conduct and discipline team and the Head of
Mission, in their own mission, see a case, its steps and the decisions on its flags. Every other
role (an HQ planner, a JOC officer, an auditor with Headquarters reach, a superuser who
administers the platform) sees the aggregates of ``conduct.figures`` and nothing else.
"""

from __future__ import annotations

from bluehelmet.core.case_access import CaseAccess
from bluehelmet.core.case_access import CaseQuerySet as BaseCaseQuerySet

# Role codes, not a Role column: a site that adds its own conduct role adds one line here.
CASES = CaseAccess("conduct", {"conduct-discipline", "head-of-mission"})
CASE_ROLES = CASES.roles
case_mission_ids = CASES.mission_ids
sees_cases = CASES.sees
may_handle = CASES.may_handle
require_case_role = CASES.require


class CaseQuerySet(BaseCaseQuerySet):
    access = CASES
