"""A person's recorded decision on a verdict a rule computes on the fly (Capstone §3.1, §4.2,
§5.2: the rules advise, people decide).

Consent, impartiality, protection, success-condition and plan-coverage flags are readings of
the records, not stored rows; each app keeps the decisions on its own flags in a model built on
``VerdictDecisionRecord`` (which flag, about what, accepted or dismissed, why, by whom, when),
scoped as that app's records are. The verdict stays visible, marked with the decision.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.validators import TEXT_MAX_LENGTH


class VerdictDecision(models.TextChoices):
    ACCEPTED = "accepted", _("Accepted")
    DISMISSED = "dismissed", _("Dismissed")


class VerdictDecisionRecord(models.Model):
    """The fields of a decision on one computed verdict: ``rule`` (the flag's code) about
    ``subject`` (what it is about, e.g. ``party:12|locality:Ouaka`` or ``task:ddr``)."""

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
        abstract = True

    def __str__(self) -> str:
        return f"{self.rule} {self.subject}: {self.decision}"
