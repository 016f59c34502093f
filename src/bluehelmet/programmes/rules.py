"""Rules on the programmes' records, each a small cited function returning verdicts in plain
words (``core.verdicts.RuleVerdict``): ``flagged`` when it finds the record wanting, ``met``
when it does not. They advise; a person may accept or dismiss a flag with a recorded reason
(``actions.do_override_programme_verdict``), shown beside it.

Each rule gives one verdict per subject: ``participant:<id>``, ``site:<id>``, ``qip:<id>``,
``event:<id>`` (a step of the electoral calendar), ``centre:<id>`` (a polling centre),
``presence:<id>`` (the latest observation of one State service in one admin area) and
``institution:<id>`` (a police station, court or prison).
"""

from __future__ import annotations

import datetime

from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from bluehelmet.core.registry import ParameterSpec
from bluehelmet.core.verdicts import FLAGGED, MET, RuleVerdict
from bluehelmet.programmes.models import (
    DdrParticipant,
    DdrSite,
    ElectoralEvent,
    OperatingStatus,
    PollingCentre,
    QipStatus,
    QuickImpactProject,
    RuleOfLawInstitution,
    SsrActivity,
    StatePresence,
)

REFERRAL_KEY, LINK_KEY = "ddr-child-referral-hours", "mine-incident-link-metres"
PRETRIAL_KEY = "ssr-pretrial-share-percent"
REFERRAL_HOURS = ParameterSpec(
    REFERRAL_KEY,
    _l("Hours within which a child registered for DDR is referred to child protection"),
    48,
    _l("hours"),
    1,
    720,
    "Capstone §1.4 (res. 1612), §2.4",
    _l(
        "Children are separated at once; the doctrine sets no number of hours, this is the "
        "mission's own limit."
    ),
    weight=90,
)
LINK_METRES = ParameterSpec(
    LINK_KEY,
    _l("Distance within which an explosive incident is linked to a hazard area"),
    1000,
    _l("metres"),
    0,
    20000,
    "Capstone §2.4",
    _l("How near an incident must be to a hazard area to be counted in it; the mission's choice."),
    weight=91,
)

PRETRIAL_SHARE = ParameterSpec(
    PRETRIAL_KEY,
    _l("Share of a prison's population awaiting trial above which the institution is flagged"),
    50,
    _l("%"),
    1,
    100,
    "Capstone §2.4",
    _l(
        "The doctrine sets no share; many awaiting trial mark a justice chain that does not "
        "work. This is the mission's own limit."
    ),
    weight=94,
)

CODES = (
    "ddr-child-not-referred",
    "ddr-site-over-capacity",
    "qip-no-humanitarian-coordination",
    "qip-no-community-consultation",
    "election-step-overdue",
    "polling-centre-risk-unsupported",
    "state-service-receding",
    "ssr-pretrial-detention-high",
    "ssr-institution-not-operating",
)


def _v(code: str, name: str, flagged: bool, text: str, cite: str, subject: str) -> RuleVerdict:
    return RuleVerdict(code, name, FLAGGED if flagged else MET, text, cite, subject)


def child_referred(p: DdrParticipant, now: datetime.datetime, hours: int) -> list[RuleVerdict]:
    """A registered child is referred to child protection within the mission's limit
    (res. 1612, Capstone §1.4, §2.4); adults are not judged."""
    if not p.is_child:
        return []
    name, subject = _("Child referred to child protection"), f"participant:{p.pk}"
    cite = "Capstone §1.4 (res. 1612), §2.4"
    if p.referred_at is not None:
        late = p.referred_at - p.registered_at > datetime.timedelta(hours=hours)
        text = _("Referred on %(d)s%(late)s.") % {
            "d": p.referred_at.date().isoformat(),
            "late": _(", later than %(h)d hours") % {"h": hours} if late else "",
        }
        return [_v("ddr-child-not-referred", name, False, text, cite, subject)]
    waited = now - p.registered_at
    flagged = waited > datetime.timedelta(hours=hours)
    text = _("Registered %(h)d hours ago and not yet referred (limit: %(l)d hours).") % {
        "h": int(waited.total_seconds() // 3600),
        "l": hours,
    }
    return [_v("ddr-child-not-referred", name, flagged, text, cite, subject)]


def site_capacity(site: DdrSite) -> list[RuleVerdict]:
    """A cantonment site holds no more people than it was built for (Capstone §2.4: the mission
    secures the sites; crowding breaks the order of the process)."""
    flagged = site.occupancy > site.capacity
    text = _("%(o)d people for a capacity of %(c)d.") % {"o": site.occupancy, "c": site.capacity}
    return [
        _v(
            "ddr-site-over-capacity",
            _("Site within capacity"),
            flagged,
            text,
            "Capstone §2.4",
            f"site:{site.pk}",
        )
    ]


def qip_consultations(qip: QuickImpactProject) -> list[RuleVerdict]:
    """A QIP is coordinated with the humanitarian country team (Capstone §7.2, §2.5) and
    discussed with the community it serves (§2.5: QIPs build confidence); a cancelled one is
    not judged."""
    if qip.status == QipStatus.CANCELLED:
        return []
    subject = f"qip:{qip.pk}"
    hct = qip.humanitarian_coordination
    community = qip.community_consulted
    return [
        _v(
            "qip-no-humanitarian-coordination",
            _("Humanitarian country team consulted"),
            not hct,
            _("Consulted.") if hct else _("The humanitarian country team has not been consulted."),
            "Capstone §7.2",
            subject,
        ),
        _v(
            "qip-no-community-consultation",
            _("Community consulted"),
            not community,
            _("Consulted.") if community else _("The community has not been consulted."),
            "Capstone §2.5",
            subject,
        ),
    ]


def electoral_step_done(event: ElectoralEvent, today: datetime.date) -> list[RuleVerdict]:
    """A step of the electoral calendar whose last day has passed is recorded as done (Capstone
    §2.4 electoral assistance: the mission supports a calendar the national authorities own; a
    step that slips moves every later one, and the mission's support with it)."""
    name, subject = _("Electoral step done on time"), f"event:{event.pk}"
    due = event.due_on
    if event.completed_on is not None:
        text = _("Done on %(d)s (due by %(due)s).") % {
            "d": event.completed_on.isoformat(),
            "due": due.isoformat(),
        }
        flagged = False
    elif due < today:
        text = _("Due by %(due)s, %(n)d day(s) ago, and not recorded as done.") % {
            "due": due.isoformat(),
            "n": (today - due).days,
        }
        flagged = True
    else:
        text, flagged = _("Due by %(due)s.") % {"due": due.isoformat()}, False
    return [_v("election-step-overdue", name, flagged, text, "Capstone §2.4", subject)]


RISK_LEVELS = {"low": _l("low"), "medium": _l("medium"), "high": _l("high")}


def polling_centre_supported(centre: PollingCentre, level: str, reading: str) -> list[RuleVerdict]:
    """A polling centre at high security risk has asked the mission for logistics or security
    support (Capstone §2.4 electoral assistance; §7.2 the JOC's picture of the risk). ``level``
    and ``reading`` are its risk and the plain-words reading of it (``elections``)."""
    needs = (centre.logistics_needs or "").strip()
    flagged = level == "high" and not needs
    if flagged:
        text = _(
            "High security risk (%(r)s) and no logistics or security support requested from "
            "the mission."
        ) % {"r": reading}
    elif needs:
        text = _("Risk %(l)s; support requested: %(n)s") % {
            "l": RISK_LEVELS.get(level, level),
            "n": Truncator(needs).chars(120),
        }
    else:
        text = _("Risk %(l)s (%(r)s); no support requested.") % {
            "l": RISK_LEVELS.get(level, level),
            "r": reading,
        }
    return [
        _v(
            "polling-centre-risk-unsupported",
            _("High-risk polling centre supported by the mission"),
            flagged,
            text,
            "Capstone §2.4, §7.2",
            f"centre:{centre.pk}",
        )
    ]


def state_service_held(observations: list[StatePresence]) -> list[RuleVerdict]:
    """A State service present in an admin area at an earlier observation is still there at
    the latest (Capstone §2.4 restoring and extending State authority: a service that leaves
    is authority receding). ``observations``: one service in one admin area, oldest first. A
    service never seen present is not judged (that is extension still to come, not
    recession)."""
    if not observations:
        return []
    latest = observations[-1]
    name, subject = _("State service still in place"), f"presence:{latest.pk}"
    service = {"s": latest.get_service_display(), "a": latest.admin1}
    if latest.present:
        text = _("%(s)s present and working in %(a)s on %(d)s.") % {
            **service,
            "d": latest.observed_on.isoformat(),
        }
        return [_v("state-service-receding", name, False, text, "Capstone §2.4", subject)]
    before = [o for o in observations[:-1] if o.present]
    if not before:
        return []
    text = _("%(s)s present in %(a)s on %(was)s, absent on %(now)s.") % {
        **service,
        "was": before[-1].observed_on.isoformat(),
        "now": latest.observed_on.isoformat(),
    }
    return [_v("state-service-receding", name, True, text, "Capstone §2.4", subject)]


def pretrial_detention(
    institution: RuleOfLawInstitution, report: SsrActivity | None, limit: int
) -> list[RuleVerdict]:
    """The share of an institution's prisoners awaiting trial stays within the mission's limit
    (Capstone §2.4 rule of law: long pre-trial detention shows courts that do not reach the
    detained). ``report``: its latest report; none, or no prisoner counted, is not judged."""
    if report is None or not report.prison_population:
        return []
    waiting, population = report.pretrial_detainees or 0, report.prison_population
    share = round(100 * waiting / population)
    text = _(
        "%(p)d%% of the prisoners await trial (%(w)d of %(n)d) on %(d)s; the mission's limit "
        "is %(l)d%%."
    ) % {"p": share, "w": waiting, "n": population, "d": report.reported_on.isoformat(), "l": limit}
    return [
        _v(
            "ssr-pretrial-detention-high",
            _("Pre-trial detention within the mission's limit"),
            100 * waiting > limit * population,
            text,
            "Capstone §2.4",
            f"institution:{institution.pk}",
        )
    ]


def institution_operating(
    institution: RuleOfLawInstitution, report: SsrActivity | None
) -> list[RuleVerdict]:
    """A police station, court or prison the mission supports is operating at its latest report
    (Capstone §2.4 SSR and rule of law: one link that closes breaks the chain from arrest to
    trial to prison). Not yet reported: not judged."""
    if report is None:
        return []
    closed = report.status == OperatingStatus.CLOSED
    text = _("%(s)s at the report of %(d)s.") % {
        "s": report.get_status_display(),
        "d": report.reported_on.isoformat(),
    }
    return [
        _v(
            "ssr-institution-not-operating",
            _("Institution operating"),
            closed,
            text,
            "Capstone §2.4",
            f"institution:{institution.pk}",
        )
    ]
