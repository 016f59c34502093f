"""The mission lifecycle as a state machine (Capstone §6.1 phases, §6.2 start-up stages).

Pure data: no model imports, so ``core.Mission`` can use the choices.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Phase(models.TextChoices):
    PRE_DEPLOYMENT = "pre_deployment", _("Pre-deployment")
    RAPID_DEPLOYMENT = "rapid_deployment", _("Rapid deployment")
    HQ_START_UP = "hq_start_up", _("Mission HQ start-up")
    COMPONENT_START_UP = "component_start_up", _("Component and field-office start-up")
    IOC = "ioc", _("Initial operating capability")
    FOC = "foc", _("Full operating capability")
    MANDATE_IMPLEMENTATION = "mandate_implementation", _("Mandate implementation")
    TRANSITION = "transition", _("Transition and hand-over")
    WITHDRAWAL = "withdrawal", _("Withdrawal")
    LIQUIDATION = "liquidation", _("Liquidation")
    CLOSED = "closed", _("Closed")


ORDER: list[str] = [p.value for p in Phase]

# §6.1: phases may overlap and missions relapse, so a few backward moves are allowed
# (implementation can resume from transition; start-up stages can be re-entered).
ALLOWED: dict[str, set[str]] = {
    Phase.PRE_DEPLOYMENT: {Phase.RAPID_DEPLOYMENT},
    Phase.RAPID_DEPLOYMENT: {Phase.HQ_START_UP},
    Phase.HQ_START_UP: {Phase.COMPONENT_START_UP, Phase.IOC},
    Phase.COMPONENT_START_UP: {Phase.IOC},
    Phase.IOC: {Phase.FOC},
    Phase.FOC: {Phase.MANDATE_IMPLEMENTATION},
    Phase.MANDATE_IMPLEMENTATION: {Phase.TRANSITION},
    Phase.TRANSITION: {Phase.WITHDRAWAL, Phase.MANDATE_IMPLEMENTATION},
    Phase.WITHDRAWAL: {Phase.LIQUIDATION},
    Phase.LIQUIDATION: {Phase.CLOSED},
    Phase.CLOSED: set(),
}

START_UP = {
    Phase.PRE_DEPLOYMENT,
    Phase.RAPID_DEPLOYMENT,
    Phase.HQ_START_UP,
    Phase.COMPONENT_START_UP,
}


def next_phases(phase: str) -> list[str]:
    return [p for p in ORDER if p in ALLOWED.get(phase, set())]


def reached(current: str, target: str) -> bool:
    """Has a mission now in ``current`` passed through ``target`` on the forward path?"""
    return ORDER.index(current) >= ORDER.index(target)
