"""Mandate pages: a mission's mandate and its history (Capstone §1.4), the strength and
mandate-resource gap (§4.2), consultations with contributors (§4.3), and the record lists."""

from bluehelmet.mandates.views.mandate import (
    MandateChangeView,
    MandateHistoryCsvView,
    MandatePageView,
)
from bluehelmet.mandates.views.records import (
    ConsultationAddView,
    ConsultationDetailView,
    ConsultationEditView,
    ConsultationListView,
    MandateDetailView,
    MandatedTaskDetailView,
    MandatedTaskListView,
    MandateListView,
    ResolutionDetailView,
    ResolutionListView,
)
from bluehelmet.mandates.views.strength import StrengthView

__all__ = [
    "ConsultationAddView",
    "ConsultationDetailView",
    "ConsultationEditView",
    "ConsultationListView",
    "MandateChangeView",
    "MandateDetailView",
    "MandateHistoryCsvView",
    "MandateListView",
    "MandatePageView",
    "MandatedTaskDetailView",
    "MandatedTaskListView",
    "ResolutionDetailView",
    "ResolutionListView",
    "StrengthView",
]
