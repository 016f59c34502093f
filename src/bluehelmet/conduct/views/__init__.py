"""Conduct pages (Capstone §3.2)."""

from bluehelmet.conduct.views.cases import (
    AllegationDetailView,
    AllegationEditView,
    AllegationListView,
    AllegationStepView,
    AllegationVerdictView,
)
from bluehelmet.conduct.views.dashboard import MissionConductView

__all__ = [
    "AllegationDetailView",
    "AllegationEditView",
    "AllegationListView",
    "AllegationStepView",
    "AllegationVerdictView",
    "MissionConductView",
]
