"""A reviewer's recorded decision on a verdict the rules compute on the fly (Capstone §3.1, §2.3).

Consent, impartiality and protection-of-civilians flags are readings of the records, not stored
rows; a ``VerdictOverride`` keeps a person's decision on one of them (accepted or dismissed),
with the reason, so that the rules advise and people decide, as for use-of-force review flags.
The verdict stays visible, marked with who decided, when and why.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.validators import TEXT_MAX_LENGTH
from bluehelmet.principles.models.base import PrinciplesRecord


class VerdictDecision(models.TextChoices):
    ACCEPTED = "accepted", _("Accepted")
    DISMISSED = "dismissed", _("Dismissed")


class VerdictOverride(PrinciplesRecord):
    """A decision on one computed verdict: ``rule`` (the flag's code) about ``subject`` (e.g.
    ``party:12|locality:Ouaka`` for consent, ``party:12`` for impartiality, ``alert:7``)."""

    rule = models.CharField(_("rule code"), max_length=40)
    subject = models.CharField(_("subject"), max_length=200)
    decision = models.CharField(_("decision"), max_length=10, choices=VerdictDecision.choices)
    reason = models.TextField(_("reason for the decision"), max_length=TEXT_MAX_LENGTH)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"))

    class Meta:
        ordering = ["mission__code", "rule", "subject"]
        constraints = [
            models.UniqueConstraint(
                fields=["mission", "rule", "subject"], name="verdictoverride_unique_subject"
            )
        ]
        verbose_name = _("verdict override")
        verbose_name_plural = _("verdict overrides")

    def __str__(self) -> str:
        return f"{self.rule} {self.subject}: {self.decision}"
