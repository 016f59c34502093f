"""Report forms (Capstone §4.3)."""

from __future__ import annotations

from bluehelmet.deployment.forms import DeploymentForm
from bluehelmet.reports.models import CouncilReport


class CouncilReportForm(DeploymentForm):
    class Meta:
        model = CouncilReport
        fields = [
            "assessment",
            "title",
            "symbol",
            "council_needs_to_know",
            "observations",
            "sensitivity",
        ]
