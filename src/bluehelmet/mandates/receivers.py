"""Lifecycle transitions that call for consultations with contributors (Capstone §4.3 f)."""

from __future__ import annotations

from typing import Any

from django.dispatch import receiver
from django.utils.translation import gettext as _

from bluehelmet.core.phases import Phase
from bluehelmet.lifecycle.actions import phase_changed
from bluehelmet.mandates.consultations import open_consultation
from bluehelmet.mandates.models import ConsultationTrigger

DRAWDOWN_PHASES = {Phase.TRANSITION, Phase.WITHDRAWAL, Phase.LIQUIDATION}


@receiver(phase_changed)
def open_drawdown_consultation(sender: Any, transition: Any, **kwargs: Any) -> None:
    if transition.to_phase in DRAWDOWN_PHASES:
        open_consultation(
            transition.mission,
            ConsultationTrigger.DRAWDOWN,
            transition.effective_on,
            _("The mission entered %(phase)s.") % {"phase": Phase(transition.to_phase).label},
        )
