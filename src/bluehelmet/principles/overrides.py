"""Which computed verdict an override is about, and how a verdict shows its override.

A verdict is named by its rule (the flag's code) and its subject: the party and locality of a
consent reading, the party of an impartiality record, the alert of a protection flag. The
dashboard, the API and the overview mark a verdict with the decision on it (who, when, why);
none is hidden.
"""

from __future__ import annotations

import datetime
from typing import Any

from bluehelmet.principles import models as m

# Rule code -> the kind of subject it is about.
CONSENT, PARTY, ALERT = "consent", "party", "alert"
OVERRIDABLE = {
    "consent-withdrawal": CONSENT,
    "impartiality-absent": PARTY,
    "impartiality-one-sided": PARTY,
    "poc-unanswered": ALERT,
    "poc-late": ALERT,
}

Overrides = dict[tuple[str, str], m.VerdictOverride]


def consent_subject(party_id: int, locality: str) -> str:
    return f"party:{party_id}|locality:{locality}"


def party_subject(party_id: int) -> str:
    return f"party:{party_id}"


def alert_subject(alert_id: int) -> str:
    return f"alert:{alert_id}"


def parse(kind: str, subject: str) -> dict[str, Any] | None:
    """The ids a subject names (``party`` and ``locality``, ``party``, or ``alert``), or None
    if it is malformed. The locality comes last and may hold any character."""
    head, _sep, tail = subject.partition("|")
    name, _sep, number = head.partition(":")
    if not number.isdigit():
        return None
    if kind == CONSENT:
        locality = tail.removeprefix("locality:")
        ok = name == "party" and tail.startswith("locality:") and bool(locality.strip())
        return {"party": int(number), "locality": locality} if ok else None
    if tail or name != kind:
        return None
    return {kind: int(number)}


def for_mission(mission: Any, user: Any) -> Overrides:
    """The overrides of ``mission`` the user may see, by (rule, subject)."""
    rows = m.VerdictOverride.objects.restrict(user).filter(mission=mission)
    return {(o.rule, o.subject): o for o in rows.select_related("decided_by")}


def describe(override: m.VerdictOverride) -> dict[str, Any]:
    return {
        "id": override.pk,
        "decision": override.decision,
        "decision_label": str(override.get_decision_display()),
        "reason": override.reason,
        "decided_by": override.decided_by.get_username() if override.decided_by else None,
        "decided_at": override.decided_at.isoformat(),
    }


def annotate(
    flag: dict[str, Any],
    subject: str,
    overrides: Overrides,
    since: datetime.date | None = None,
) -> dict[str, Any]:
    """Add the verdict's ``subject`` and its ``override`` (or None) to a flag's dict. A decision
    taken before a verdict began (``since``) was about an earlier one and does not apply."""
    found = overrides.get((flag["code"], subject))
    if found is not None and since is not None and found.decided_at.date() < since:
        found = None
    flag["subject"] = subject
    flag["override"] = describe(found) if found is not None else None
    return flag


def dismissed(flags: list[dict[str, Any]]) -> bool:
    """Every flag of a verdict was dismissed by an override."""
    return bool(flags) and all(
        (f.get("override") or {}).get("decision") == m.VerdictDecision.DISMISSED for f in flags
    )


def annotate_consent(readings: list[dict[str, Any]], overrides: Overrides) -> None:
    for r in readings:
        since = datetime.date.fromisoformat(r["withdrawn_since"]) if r["withdrawn_since"] else None
        for flag in r["flags"]:
            annotate(flag, consent_subject(r["party_id"], r["locality"]), overrides, since)
        r["dismissed"] = dismissed(r["flags"])


def annotate_parties(parties: list[dict[str, Any]], overrides: Overrides) -> None:
    for p in parties:
        for flag in p["flags"]:
            annotate(flag, party_subject(p["party_id"]), overrides)


def annotate_alerts(flags: list[dict[str, Any]], overrides: Overrides) -> None:
    for flag in flags:
        annotate(flag, alert_subject(flag["alert"]), overrides)
