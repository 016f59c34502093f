"""Who may see human rights cases (issue 17; Capstone §1.2, §2.4, §7.2): clearance is not enough.

A strictly confidential clearance lets a role read strictly confidential records in general; a
human rights case may name victims and witnesses (sexual violence, res. 1325/1820), so it is
narrower still. Only the human rights officers and the Head of Mission, in their own mission,
see a case. Every other role (conduct and discipline, ``hq-admin``, ``hq-oversight``, a
superuser who administers the platform) sees the aggregates of ``programmes.figures`` and
nothing else.

The rule is ``core.case_access.CaseAccess``, shared with ``conduct.access``.
"""

from __future__ import annotations

from bluehelmet.core.case_access import CaseAccess, CaseQuerySet, redact

# Role codes, not a Role column: a site that adds its own human rights role adds one line here.
HR_CASES = CaseAccess("human_rights", {"human-rights-officer", "head-of-mission"})
HR_CASE_ROLES = HR_CASES.roles
hr_case_mission_ids = HR_CASES.mission_ids
sees_hr_cases = HR_CASES.sees
may_handle_hr = HR_CASES.may_handle
require_hr_case_role = HR_CASES.require


class HumanRightsCaseQuerySet(CaseQuerySet):
    access = HR_CASES


__all__ = [
    "HR_CASES",
    "HR_CASE_ROLES",
    "HumanRightsCaseQuerySet",
    "hr_case_mission_ids",
    "may_handle_hr",
    "redact",
    "require_hr_case_role",
    "sees_hr_cases",
]
