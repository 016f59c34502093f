"""Rules on mission support (Capstone §8.1-8.3), each a small function of plain readings that
returns verdicts in plain words: ``flagged`` when it finds something wanting, ``met`` when not.
They advise; a leader may accept or dismiss a flag with a recorded reason
(``actions.do_override_support_verdict``). The numbers they judge by are mission parameters:
the doctrine sets the 30-90 day self-sufficiency range and no other figure.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from bluehelmet.core.registry import ParameterSpec
from bluehelmet.core.verdicts import FLAGGED, MET, RuleVerdict

CITE_SUSTAIN, CITE_SECURITY, CITE_TRAINING = "Capstone §8.1", "Capstone §8.3", "Capstone §8.2, §3.2"

LEAD_KEY = "support-contract-lead-days"
SERVICEABILITY_KEY = "support-serviceability-percent"
MOSS_KEY = "support-moss-percent"
ROUTE_KM_KEY, ROUTE_DAYS_KEY = "support-route-km", "support-route-days"

PARAMETERS = (
    ParameterSpec(
        LEAD_KEY,
        _l("Days before self-sufficiency ends by which UN contracts must be in place"),
        30,
        _l("days"),
        0,
        90,
        CITE_SUSTAIN,
        _l("The doctrine sets the 30-90 day period, not how early the contracts must be ready."),
        weight=90,
    ),
    ParameterSpec(
        SERVICEABILITY_KEY,
        _l("Serviceable equipment expected against the MOU"),
        90,
        _l("%"),
        50,
        100,
        CITE_SUSTAIN,
        _l("Below this share of the agreed major equipment found serviceable, a shortfall."),
        weight=91,
    ),
    ParameterSpec(
        MOSS_KEY,
        _l("Minimum operating security standards a premises must meet"),
        100,
        _l("%"),
        50,
        100,
        CITE_SECURITY,
        _l("The share of the checklist a premises must meet at its latest check."),
        weight=92,
    ),
    ParameterSpec(
        ROUTE_KM_KEY,
        _l("Distance from a movement's route within which incidents are shown"),
        15,
        _l("km"),
        1,
        200,
        CITE_SECURITY,
        weight=93,
    ),
    ParameterSpec(
        ROUTE_DAYS_KEY,
        _l("Days of incidents shown along a movement's route"),
        14,
        _l("days"),
        1,
        180,
        CITE_SECURITY,
        weight=94,
    ),
)

RULE_CODES = (
    "contract-late",
    "serviceability-shortfall",
    "premises-below-standard",
    "designated-official-vacant",
    "rotation-untrained",
)


def _v(code: str, name: str, flagged: bool, text: str, cite: str, subject: str) -> RuleVerdict:
    return RuleVerdict(code, name, FLAGGED if flagged else MET, text, cite, subject)


@dataclass
class ContractReading:
    """One commodity of one contingent's self-sufficiency: when it ends and the contract."""

    period_id: int
    contingent: str
    commodity: str
    commodity_label: str
    ends_on: datetime.date | None
    contract_status: str | None  # None: no contract recorded
    status_label: str
    delivers_from: datetime.date | None

    @property
    def subject(self) -> str:
        return f"selfsufficiency:{self.period_id}|commodity:{self.commodity}"


def contract_in_time(r: ContractReading, today: datetime.date, lead_days: int) -> RuleVerdict:
    """UN contracts (rations, water, fuel) must be delivering when a contingent's own stocks
    run out; flagged when one is not in place ``lead_days`` before the end (§8.1)."""
    name = _("UN contract ready when self-sufficiency ends")
    label = {"c": r.contingent, "what": r.commodity_label}
    if r.ends_on is None:
        text = _("%(c)s has no arrival date: the end of its %(what)s self-sufficiency is unknown.")
        return _v("contract-late", name, False, text % label, CITE_SUSTAIN, r.subject)
    left = (r.ends_on - today).days
    ready = r.contract_status == "in_place" and (
        r.delivers_from is None or r.delivers_from <= r.ends_on
    )
    facts = {**label, "end": r.ends_on, "n": left, "lead": lead_days, "s": r.status_label}
    if ready:
        text = _("%(what)s for %(c)s: contract in place from %(end)s.") % facts
        return _v("contract-late", name, False, text, CITE_SUSTAIN, r.subject)
    if left > lead_days:
        text = _(
            "%(what)s for %(c)s: %(n)d days until self-sufficiency ends on %(end)s; the "
            "contract (%(s)s) must be in place %(lead)d days before."
        )
        return _v("contract-late", name, False, text % facts, CITE_SUSTAIN, r.subject)
    if left >= 0:
        text = _(
            "%(what)s for %(c)s: self-sufficiency ends on %(end)s, in %(n)d days, and the UN "
            "contract is not in place (%(s)s)."
        )
    else:
        facts["n"] = -left
        text = _(
            "%(what)s for %(c)s: self-sufficiency ended on %(end)s, %(n)d days ago, and no UN "
            "contract is in place (%(s)s): the contingent lives on what it has left."
        )
    return _v("contract-late", name, True, text % facts, CITE_SUSTAIN, r.subject)


@dataclass
class ServiceabilityReading:
    """The latest inspection of one contingent's equipment against its MOU."""

    lease_id: int
    contingent: str
    inspection_id: int | None
    inspected_on: datetime.date | None
    serviceable: int
    agreed: int

    @property
    def percent(self) -> int | None:
        return round(100 * self.serviceable / self.agreed) if self.agreed else None

    @property
    def subject(self) -> str:
        return f"equipmentinspection:{self.inspection_id}"


def serviceability(r: ServiceabilityReading, threshold: int) -> list[RuleVerdict]:
    """The major equipment found serviceable at the latest inspection, against the MOU; below
    the mission's threshold it is a shortfall (§8.1). No inspection yet: nothing to judge."""
    if r.inspection_id is None or r.percent is None:
        return []
    name = _("Equipment serviceable against the MOU")
    facts = {
        "c": r.contingent,
        "d": r.inspected_on,
        "s": r.serviceable,
        "q": r.agreed,
        "p": r.percent,
        "t": threshold,
    }
    flagged = r.percent < threshold
    if flagged:
        text = _(
            "%(c)s: %(s)d of %(q)d agreed items serviceable on %(d)s (%(p)d%%), below the "
            "mission's %(t)d%%."
        )
    else:
        text = _("%(c)s: %(s)d of %(q)d agreed items serviceable on %(d)s (%(p)d%%).")
    return [_v("serviceability-shortfall", name, flagged, text % facts, CITE_SUSTAIN, r.subject)]


@dataclass
class MossReading:
    premises_id: int
    premises: str
    checked_on: datetime.date | None
    percent: int | None
    missing: Sequence[str]

    @property
    def subject(self) -> str:
        return f"premises:{self.premises_id}|checked:{self.checked_on}"


def premises_standard(r: MossReading, threshold: int) -> RuleVerdict:
    """A premises must meet the minimum operating security standards at its latest check;
    one never checked is flagged too (§8.3)."""
    name = _("Premises meets the minimum operating security standards")
    facts = {"p": r.premises, "d": r.checked_on, "n": r.percent, "t": threshold}
    if r.percent is None:
        text = _("%(p)s has never been checked against the standards.") % facts
        return _v("premises-below-standard", name, True, text, CITE_SECURITY, r.subject)
    flagged = r.percent < threshold
    if flagged:
        facts["m"] = "; ".join(r.missing)
        text = _("%(p)s met %(n)d%% of the standards on %(d)s (%(t)d%% needed). Missing: %(m)s.")
    else:
        text = _("%(p)s met %(n)d%% of the standards on %(d)s.")
    return _v("premises-below-standard", name, flagged, text % facts, CITE_SECURITY, r.subject)


@dataclass
class DesignatedOfficial:
    mission_id: int
    post: str | None  # the post marked Designated Official, if any
    holder: str | None  # who holds it today, if anyone
    acting: bool = False


def designated_official(r: DesignatedOfficial) -> RuleVerdict:
    """Someone must hold the Designated Official's post: the person accountable for the
    security of UN personnel in the mission area (§8.3)."""
    name = _("Designated Official in post")
    subject = f"mission:{r.mission_id}|designated-official"
    if r.post is None:
        text = _("No post is marked as the Designated Official for security.")
        return _v("designated-official-vacant", name, True, text, CITE_SECURITY, subject)
    if r.holder is None:
        text = _("The post of %(p)s, the Designated Official, is vacant.") % {"p": r.post}
        return _v("designated-official-vacant", name, True, text, CITE_SECURITY, subject)
    text = _("%(h)s holds the post of %(p)s%(a)s.") % {
        "h": r.holder,
        "p": r.post,
        "a": _(" (acting)") if r.acting else "",
    }
    return _v("designated-official-vacant", name, False, text, CITE_SECURITY, subject)


@dataclass
class RotationReading:
    """A contingent's rotation and how many of its personnel completed each mandatory course."""

    rotation_id: int
    contingent: str
    arrives_on: datetime.date
    strength: int
    trained: dict[str, int]  # course label -> personnel trained (capped at the strength)

    @property
    def required(self) -> int:
        return self.strength * len(self.trained)

    @property
    def done(self) -> int:
        return sum(self.trained.values())

    @property
    def subject(self) -> str:
        return f"rotation:{self.rotation_id}"


def rotation_trained(r: RotationReading, today: datetime.date) -> RuleVerdict:
    """Every member of a rotation completes the mandatory courses (pre-deployment, prevention
    of sexual exploitation and abuse, protection of civilians) before arriving; a rotation that
    has arrived short is flagged (§8.2, §3.2)."""
    name = _("Rotation trained before arrival")
    short = [f"{c} {n}/{r.strength}" for c, n in r.trained.items() if n < r.strength]
    facts = {"c": r.contingent, "d": r.arrives_on, "s": "; ".join(short)}
    if not short:
        text = _("%(c)s, rotation of %(d)s: every member trained in every course.") % facts
        return _v("rotation-untrained", name, False, text, CITE_TRAINING, r.subject)
    if r.arrives_on > today:
        text = _("%(c)s, rotation arriving %(d)s: still to train (%(s)s).") % facts
        return _v("rotation-untrained", name, False, text, CITE_TRAINING, r.subject)
    text = _("%(c)s, rotation of %(d)s arrived without the training records: %(s)s.") % facts
    return _v("rotation-untrained", name, True, text, CITE_TRAINING, r.subject)
