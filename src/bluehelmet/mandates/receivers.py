"""Events that call for consultations with contributors (Capstone §4.3): lifecycle
transitions towards drawdown, and the serious developments other apps detect."""

from __future__ import annotations

from typing import Any

from django.dispatch import receiver
from django.utils.translation import gettext as _

from bluehelmet.core.events import serious_development
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


@receiver(serious_development)
def open_serious_development_consultation(
    sender: Any, mission: Any, kind: str, on: Any, reason: str, **kwargs: Any
) -> None:
    """A crisis (rapid deterioration) or a withdrawal of consent (serious development)."""
    open_consultation(mission, ConsultationTrigger(kind), on, reason)
