"""Training compliance beside the conduct figures (Capstone §3.2, §8.2: mandatory training,
the prevention of sexual exploitation and abuse among it, at each rotation).

The ``support`` app keeps the training records and offers the public reading
(``support.training.training_compliance``); this module puts it beside each contingent's
misconduct figures. It holds no case and reads none.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from bluehelmet.conduct.figures import ConductFigures
from bluehelmet.core.models import Mission
from bluehelmet.support.training import training_compliance


def contingent_rows(mission: Mission, found: ConductFigures, *, user: Any) -> list[dict[str, Any]]:
    """Each contingent's figures with its current rotation's training, as ``user`` sees it."""
    trained = {c.contingent: c for c in training_compliance(mission, user=user)}
    rows = []
    for cell in found.by_contingent:
        reading = trained.get(cell.label)
        text = ""
        if reading is not None:
            words = _("complete") if reading.complete else _("short")
            text = f"{reading.percent}% ({words})"
        rows.append({"cell": cell, "training": text})
    return rows
