"""Rules on the outreach records, each a small function returning a ``RuleVerdict`` in plain
words: an impact indicator past its threshold (Capstone §9.1), a high-risk rumour left
unanswered (Capstone §9.2), an action item past its date (Capstone §7.2). They advise; a leader
accepts or dismisses a flag with a recorded reason (``actions.do_override_outreach_verdict``).
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from bluehelmet.core.registry import ParameterSpec
from bluehelmet.core.verdicts import FLAGGED, MET, RuleVerdict
from bluehelmet.outreach.models import ActionItem, ImpactIndicator, ImpactObservation, Risk, Rumour

CITE_IMPACT, CITE_RUMOUR, CITE_COORDINATION = "Capstone §9.1", "Capstone §9.2", "Capstone §7.2"
IMPACT_BREACH, RUMOUR_UNANSWERED, ACTION_OVERDUE = (
    "impact-breach",
    "rumour-unanswered",
    "action-overdue",
)
RULE_CODES = (IMPACT_BREACH, RUMOUR_UNANSWERED, ACTION_OVERDUE)

WINDOW_KEY, RESPONSE_KEY = "rumour-incident-window-days", "rumour-response-hours"
WINDOW = ParameterSpec(
    WINDOW_KEY,
    _l("Days after a rumour in which an incident in the same area is linked to it"),
    14,
    _l("days"),
    1,
    90,
    CITE_RUMOUR,
    _l("The doctrine asks the mission to counter misinformation; it sets no period."),
    weight=90,
)
RESPONSE = ParameterSpec(
    RESPONSE_KEY,
    _l("Hours within which a high-risk rumour is answered"),
    48,
    _l("hours"),
    1,
    720,
    CITE_RUMOUR,
    _l("The doctrine asks for a timely answer to misinformation; it sets no figure."),
    weight=91,
)


def impact_subject(indicator: ImpactIndicator, since: datetime.date | None = None) -> str:
    """A breach is named by the first reading of its run, so a new breach is judged afresh."""
    base = f"impactindicator:{indicator.pk}"
    return f"{base}|since:{since.isoformat()}" if since else base


def impact_breach(
    indicator: ImpactIndicator, observations: Sequence[ImpactObservation]
) -> RuleVerdict:
    """Flag an indicator whose latest reading is past its threshold (Capstone §9.1)."""
    readings = sorted(observations, key=lambda o: (o.observed_on, o.pk))
    name = _("Impact within its threshold")
    if not readings or not indicator.breached_by(readings[-1].value):
        text = (
            _("No reading yet.")
            if not readings
            else _("The latest reading, %(v)s %(u)s, is within the threshold of %(t)s.")
            % {"v": readings[-1].value, "u": indicator.unit, "t": indicator.threshold}
        )
        return RuleVerdict(IMPACT_BREACH, name, MET, text, CITE_IMPACT, impact_subject(indicator))
    run = [o for o in readings if indicator.breached_by(o.value)]
    since = readings[-1].observed_on
    for o in reversed(readings):  # the start of the current run of breaching readings
        if not indicator.breached_by(o.value):
            break
        since = o.observed_on
    text = _(
        "%(place)s: %(v)s %(u)s on %(day)s is %(side)s the threshold of %(t)s (%(n)d readings "
        "past it in all); the leadership should look at the mission's footprint here."
    ) % {
        "place": indicator.place,
        "v": readings[-1].value,
        "u": indicator.unit,
        "day": readings[-1].observed_on.isoformat(),
        "side": _("above") if indicator.breach_when == "above" else _("below"),
        "t": indicator.threshold,
        "n": len(run),
    }
    return RuleVerdict(
        IMPACT_BREACH, name, FLAGGED, text, CITE_IMPACT, impact_subject(indicator, since)
    )


def rumour_unanswered(rumour: Rumour, now: datetime.datetime, hours: int) -> RuleVerdict:
    """Flag a high-risk rumour not answered within ``hours`` (Capstone §9.2)."""
    name, subject = _("High-risk rumour answered in time"), f"rumour:{rumour.pk}"
    answered = rumour.responded_at
    limit = datetime.timedelta(hours=hours)
    late = (answered or now) - rumour.heard_at > limit
    if rumour.risk < Risk.HIGH or not late:
        text = _("Answered in %(h)s hours.") % {"h": rumour.hours_to_respond}
        if answered is None:
            text = _("Not yet answered; within the %(n)d hours allowed.") % {"n": hours}
        if rumour.risk < Risk.HIGH:
            text = _("Not a high-risk rumour.")
        return RuleVerdict(RUMOUR_UNANSWERED, name, MET, text, CITE_RUMOUR, subject)
    text = _("A high-risk rumour heard in %(area)s went unanswered for more than %(n)d hours.") % {
        "area": rumour.admin1,
        "n": hours,
    }
    return RuleVerdict(RUMOUR_UNANSWERED, name, FLAGGED, text, CITE_RUMOUR, subject)


def action_overdue(item: ActionItem, today: datetime.date) -> RuleVerdict:
    """Flag an action item past its due date and not done (Capstone §7.2)."""
    name, subject = _("Action item on time"), f"actionitem:{item.pk}"
    if not item.overdue_on(today):
        text = (
            _("Done on %(d)s.") % {"d": item.done_on.isoformat()}
            if item.done_on
            else _("Due on %(d)s.") % {"d": item.due_on.isoformat()}
        )
        return RuleVerdict(ACTION_OVERDUE, name, MET, text, CITE_COORDINATION, subject)
    text = _("%(owner)s was to do this by %(d)s: %(n)d days overdue.") % {
        "owner": item.owner,
        "d": item.due_on.isoformat(),
        "n": (today - item.due_on).days,
    }
    return RuleVerdict(ACTION_OVERDUE, name, FLAGGED, text, CITE_COORDINATION, subject)
