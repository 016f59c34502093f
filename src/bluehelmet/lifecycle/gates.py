"""Gate checks before each lifecycle phase (Capstone §6.1-6.3).

Each check is a small function returning a ``GateCheck`` that says, in words a mission leader
can read, what is there and what is missing. Gates advise; a transition can override them with a
recorded reason (DESIGN "Doctrine as code").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from bluehelmet.core.models import (
    Assignment,
    Component,
    ComponentKind,
    Contingent,
    ContingentStatus,
    Mission,
    OrgUnit,
    OrgUnitKind,
    PostRole,
    SofaStatus,
)
from bluehelmet.core.permissions import Action, Sensitivity, user_can
from bluehelmet.core.phases import Phase
from bluehelmet.lifecycle.models import (
    AssetDisposal,
    DisposalStatus,
    DrawdownStep,
    HandoverItem,
    HandoverStatus,
    MilestoneKind,
    StartUpMilestone,
)


@dataclass(frozen=True)
class GateCheck:
    code: str
    passed: bool
    explanation: str
    citation: str

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def _milestone(mission: Mission, kind: str, citation: str) -> GateCheck:
    label = MilestoneKind(kind).label
    found = StartUpMilestone.objects.filter(mission=mission, kind=kind).first()
    if found:
        text = _("%(label)s recorded on %(date)s.") % {"label": label, "date": found.achieved_on}
    else:
        text = _("%(label)s is not recorded yet.") % {"label": label}
    return GateCheck(kind, found is not None, str(text), citation)


def _mandate_date(mission: Mission) -> GateCheck:
    ok = mission.mandate_authorised_on is not None
    text = (
        _("Mandate authorised on %(date)s.") % {"date": mission.mandate_authorised_on}
        if ok
        else _("No Security Council mandate date is recorded; the deployment clock cannot start.")
    )
    return GateCheck("mandate_authorised", ok, str(text), "Capstone §6.2")


# An agreement still being negotiated gives the deploying mission no legal status yet; the
# model agreement applied provisionally does (Capstone §6.2).
SOFA_IN_EFFECT = {SofaStatus.SIGNED, SofaStatus.IN_FORCE, SofaStatus.MODEL_APPLIED}


def _sofa(mission: Mission) -> GateCheck:
    ok = mission.sofa_status in SOFA_IN_EFFECT
    if ok:
        text = _("SOFA/SOMA status: %(status)s.") % {"status": mission.get_sofa_status_display()}
    elif mission.sofa_status == SofaStatus.NEGOTIATING:
        text = _(
            "The SOFA/SOMA is still under negotiation: deploy once it is signed, or apply the "
            "model agreement provisionally and record that."
        )
    else:
        text = _("No SOFA/SOMA negotiation with the host government is recorded.")
    return GateCheck("sofa_soma", ok, str(text), "Capstone §6.2")


def _mission_hq(mission: Mission) -> GateCheck:
    hq = OrgUnit.objects.filter(mission=mission, kind=OrgUnitKind.MISSION_HQ).first()
    text = (
        _("Mission headquarters: %(name)s.") % {"name": hq.name}
        if hq
        else _("No mission headquarters is recorded in the organisation.")
    )
    return GateCheck("mission_hq", hq is not None, str(text), "Capstone §6.2")


def _filled(mission: Mission, role: str) -> bool:
    return Assignment.objects.current().filter(mission=mission, post__role=role).exists()


def _head_of_mission(mission: Mission) -> GateCheck:
    ok = _filled(mission, PostRole.HOM)
    text = _("The Head of Mission is in post.") if ok else _("No Head of Mission is in post.")
    return GateCheck("head_of_mission", ok, str(text), "Capstone §6.2, §7.1")


def _components(mission: Mission) -> GateCheck:
    kinds = sorted(set(Component.objects.filter(mission=mission).values_list("kind", flat=True)))
    text = (
        _("Components recorded: %(kinds)s.") % {"kinds": ", ".join(kinds)}
        if kinds
        else _("No functional component is recorded.")
    )
    return GateCheck("components", bool(kinds), str(text), "Capstone §6.2")


def _leadership_team(mission: Mission) -> GateCheck:
    current = Assignment.objects.current().filter(mission=mission, post__is_mlt=True)
    posts = sorted(set(current.values_list("post__title", flat=True)))
    has_hom = current.filter(post__role=PostRole.HOM).exists()
    ok = has_hom and len(posts) >= 3
    if ok:
        text = _("Mission Leadership Team in post: %(posts)s.") % {"posts": ", ".join(posts)}
    else:
        text = ngettext(
            "The Mission Leadership Team needs the Head of Mission and at least two heads of "
            "component or deputies in post; %(n)d leadership post is filled.",
            "The Mission Leadership Team needs the Head of Mission and at least two heads of "
            "component or deputies in post; %(n)d leadership posts are filled.",
            len(posts),
        ) % {"n": len(posts)}
    return GateCheck("leadership_team", ok, str(text), "Capstone §7.1")


# The verdict is a fact about the mission, so it counts every record; the figures in the text
# count only what the reader may see, or a reader would learn how many records above their
# clearance there are. A reader not cleared for everything is told so whether or not anything is
# hidden from them: a note only when something is hidden would itself disclose it.
def _shown(queryset: Any, reader: Any) -> Any:
    return queryset if reader is None else queryset.restrict(reader)


def _partial(mission: Mission, reader: Any) -> bool:
    top = Sensitivity.STRICTLY_CONFIDENTIAL
    return reader is not None and not user_can(reader, Action.VIEW, mission.pk, top)


def _worded(text: Any, mission: Mission, reader: Any) -> str:
    if not _partial(mission, reader):
        return str(text)
    note = _("Figures count the records you may see; the verdict counts every record.")
    return f"{text} {note}"


def _field_presence(mission: Mission, reader: Any = None) -> GateCheck:
    kinds = [OrgUnitKind.SECTOR_HQ, OrgUnitKind.FIELD_OFFICE, OrgUnitKind.TEAM_SITE]
    units = OrgUnit.objects.filter(mission=mission, kind__in=kinds, established_on__isnull=False)
    ok = units.exists()
    n = _shown(units, reader).count()
    text = (
        _("%(n)d sector headquarters, field offices or team sites established.") % {"n": n}
        if n
        else _("No sector headquarters, field office or team site is established yet.")
    )
    return GateCheck("field_presence", ok, _worded(text, mission, reader), "Capstone §6.2")


def _heads_of_uniformed_components(mission: Mission) -> GateCheck:
    kinds = set(Component.objects.filter(mission=mission).values_list("kind", flat=True))
    needed = {
        ComponentKind.MILITARY: PostRole.FORCE_COMMANDER,
        ComponentKind.POLICE: PostRole.POLICE_COMMISSIONER,
    }
    missing = [
        str(PostRole(role).label)
        for kind, role in needed.items()
        if kind in kinds and not _filled(mission, role)
    ]
    text = (
        _("Missing in post: %(posts)s.") % {"posts": ", ".join(missing)}
        if missing
        else _("Every uniformed component has its head in post.")
    )
    return GateCheck("heads_of_components", not missing, str(text), "Capstone §7.1")


def _deployment(queryset: Any) -> tuple[int, int]:
    """(deployed, not yet repatriated) contingents of the queryset."""
    deployed = queryset.filter(status=ContingentStatus.DEPLOYED).count()
    return deployed, queryset.exclude(status=ContingentStatus.REPATRIATED).count()


def _contingents_deployed(mission: Mission, reader: Any = None) -> GateCheck:
    qs = Contingent.objects.filter(mission=mission)
    deployed, total = _deployment(qs)
    ok = total == 0 or deployed == total
    shown_deployed, shown_total = _deployment(_shown(qs, reader))
    text = _("%(d)d of %(t)d contingents deployed.") % {"d": shown_deployed, "t": shown_total}
    return GateCheck(
        "contingents_deployed", ok, _worded(text, mission, reader), "Capstone §6.1-6.2"
    )


def _contingents_repatriated(mission: Mission, reader: Any = None) -> GateCheck:
    qs = Contingent.objects.filter(mission=mission).exclude(status=ContingentStatus.REPATRIATED)
    ok = not qs.exists()
    remaining = _shown(qs, reader).count()
    if remaining:
        text = ngettext(
            "%(n)d contingent is still in the mission area.",
            "%(n)d contingents are still in the mission area.",
            remaining,
        ) % {"n": remaining}
    elif ok:
        text = _("Every contingent has been repatriated.")
    else:
        text = _("Not every contingent has been repatriated.")
    return GateCheck("contingents_repatriated", ok, _worded(text, mission, reader), "Capstone §6.1")


def _handover_complete(mission: Mission, reader: Any = None) -> GateCheck:
    """The drawdown is complete when every item of the hand-over plan is handed over: no
    liquidation before (Capstone §6.1, §10.2)."""
    items = HandoverItem.objects.filter(mission=mission)
    open_ = items.exclude(status=HandoverStatus.HANDED_OVER)
    ok = items.exists() and not open_.exists()
    shown, shown_open = _shown(items, reader).count(), _shown(open_, reader).count()
    if not shown and not ok:
        text = _("No hand-over item is recorded: the drawdown plan is empty.")
    elif shown_open:
        text = _("%(n)d of %(t)d hand-over items are not handed over yet.") % {
            "n": shown_open,
            "t": shown,
        }
    else:
        text = _("Every hand-over item is handed over.")
    return GateCheck("handover_complete", ok, _worded(text, mission, reader), "Capstone §10.2")


def _assets_decided(mission: Mission, reader: Any = None) -> GateCheck:
    """No closure while an asset of the liquidation register has no completed disposal
    (Capstone §6.1)."""
    assets = AssetDisposal.objects.filter(mission=mission)
    pending = assets.exclude(status=DisposalStatus.COMPLETED)
    undecided = pending.exclude(status=DisposalStatus.APPROVED)
    ok = not pending.exists()
    n_pending, n_undecided = _shown(pending, reader).count(), _shown(undecided, reader).count()
    if n_pending:
        text = _(
            "%(p)d assets are not disposed of yet, %(u)d of them without an approved method."
        ) % {"p": n_pending, "u": n_undecided}
    else:
        text = _("Every asset of the liquidation register is disposed of.")
    return GateCheck("assets_disposed", ok, _worded(text, mission, reader), "Capstone §6.1")


def _drawdown_complete(mission: Mission, reader: Any = None) -> GateCheck:
    """No liquidation before the drawdown plan is carried out: every contingent it names
    repatriated and every site closed (Capstone §6.1)."""
    steps = DrawdownStep.objects.filter(mission=mission)
    open_ = steps.filter(completed_on__isnull=True)
    ok = steps.exists() and not open_.exists()
    shown, shown_open = _shown(steps, reader).count(), _shown(open_, reader).count()
    if not shown and not ok:
        text = _("No drawdown step is recorded: the drawdown plan is empty.")
    elif shown_open:
        text = _("%(n)d of %(t)d drawdown steps are not carried out yet.") % {
            "n": shown_open,
            "t": shown,
        }
    else:
        text = _("Every step of the drawdown plan is carried out.")
    return GateCheck("drawdown_complete", ok, _worded(text, mission, reader), "Capstone §6.1")


def _ms(kind: str, citation: str) -> Callable[[Mission], GateCheck]:
    return lambda mission: _milestone(mission, kind, citation)


GATES: dict[str, list[Callable[[Mission], GateCheck]]] = {
    Phase.RAPID_DEPLOYMENT: [_mandate_date, _sofa],
    Phase.HQ_START_UP: [_ms(MilestoneKind.ADVANCE_TEAM_DEPLOYED, "Capstone §6.2"), _mission_hq],
    Phase.COMPONENT_START_UP: [_head_of_mission, _components],
    Phase.IOC: [
        _leadership_team,
        _ms(MilestoneKind.JOC_ESTABLISHED, "Capstone §7.2"),
        _ms(MilestoneKind.JMAC_ESTABLISHED, "Capstone §7.2"),
        _ms(MilestoneKind.DECISION_FORUMS, "Capstone §6.3"),
        _ms(MilestoneKind.INFORMATION_MANAGEMENT, "Capstone §6.3"),
        _ms(MilestoneKind.REPORTING_LINES, "Capstone §6.3"),
    ],
    Phase.FOC: [_field_presence, _heads_of_uniformed_components, _contingents_deployed],
    Phase.TRANSITION: [_ms(MilestoneKind.COUNCIL_DRAWDOWN_DECISION, "Capstone §6.1")],
    Phase.WITHDRAWAL: [_ms(MilestoneKind.HANDOVER_PLAN, "Capstone §6.1, §10.1")],
    Phase.LIQUIDATION: [_contingents_repatriated, _handover_complete, _drawdown_complete],
    Phase.CLOSED: [_ms(MilestoneKind.ASSET_DISPOSAL_COMPLETE, "Capstone §6.1"), _assets_decided],
}


# Checks whose text counts records; the others name only the mission's own facts or milestones.
COUNTING = {
    _field_presence,
    _contingents_deployed,
    _contingents_repatriated,
    _handover_complete,
    _drawdown_complete,
    _assets_decided,
}


def check_gates(mission: Mission, to_phase: str, reader: Any = None) -> list[GateCheck]:
    """Run the gate checks for entering ``to_phase``; an empty list means no gate applies.

    The verdicts count every record; with ``reader`` the texts count only what that user may
    see (``None``: the decision itself and its stored report, which count everything)."""
    return [
        check(mission, reader) if check in COUNTING else check(mission)  # type: ignore[call-arg]
        for check in GATES.get(to_phase, [])
    ]
