"""A reviewer's recorded decision on a verdict the rules compute on the fly (Capstone §3.1, §2.3).

Consent, impartiality and protection-of-civilians flags are readings of the records, not stored
rows; a ``VerdictOverride`` keeps a person's decision on one of them (accepted or dismissed),
with the reason, so that the rules advise and people decide, as for use-of-force review flags.
The verdict stays visible, marked with who decided, when and why.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.models.verdicts import VerdictDecision, VerdictDecisionRecord
from bluehelmet.principles.models.base import PrinciplesRecord

__all__ = ["VerdictDecision", "VerdictOverride"]


class VerdictOverride(PrinciplesRecord, VerdictDecisionRecord):
    """A decision on one computed verdict: ``rule`` (the flag's code) about ``subject`` (e.g.
    ``party:12|locality:Ouaka`` for consent, ``party:12`` for impartiality, ``alert:7``)."""

    class Meta:
        ordering = ["mission__code", "rule", "subject"]
        constraints = [
            models.UniqueConstraint(
                fields=["mission", "rule", "subject"], name="verdictoverride_unique_subject"
            )
        ]
        verbose_name = _("verdict override")
        verbose_name_plural = _("verdict overrides")
