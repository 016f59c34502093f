"""Rules on the programmes' records, each a small cited function returning verdicts in plain
words (``core.verdicts.RuleVerdict``): ``flagged`` when it finds the record wanting, ``met``
when it does not. They advise; a person may accept or dismiss a flag with a recorded reason
(``actions.do_override_programme_verdict``), shown beside it.
"""

from __future__ import annotations

import datetime

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from bluehelmet.core.registry import ParameterSpec
from bluehelmet.core.verdicts import FLAGGED, MET, RuleVerdict
from bluehelmet.programmes.models import DdrParticipant, DdrSite, QipStatus, QuickImpactProject

REFERRAL_KEY, LINK_KEY = "ddr-child-referral-hours", "mine-incident-link-metres"
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

CODES = (
    "ddr-child-not-referred",
    "ddr-site-over-capacity",
    "qip-no-humanitarian-coordination",
    "qip-no-community-consultation",
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
