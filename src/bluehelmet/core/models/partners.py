"""Partners the mission works beside (Capstone §5.1, §7.2)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.models.base import MissionScopedModel
from bluehelmet.core.validators import TEXT_MAX_LENGTH


class PartnerKind(models.TextChoices):
    UNCT_AGENCY = "unct_agency", _("UN country team agency, fund or programme")
    HUMANITARIAN = "humanitarian", _("Humanitarian organisation")
    DONOR_IFI = "donor_ifi", _("Donor / international financial institution")
    REGIONAL = "regional", _("Regional organisation")
    NON_UN_FORCE = "non_un_force", _("Non-UN military force")
    NGO = "ngo", _("Non-governmental organisation")
    HOST_GOVERNMENT = "host_government", _("Host government institution")


class Partner(MissionScopedModel):
    """An actor the mission coordinates with. Humanitarian actors get only non-sensitive data,
    to protect humanitarian space (Capstone §7.2)."""

    name = models.CharField(_("name"), max_length=200)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=PartnerKind.choices)
    is_humanitarian = models.BooleanField(
        _("humanitarian actor"),
        default=False,
        help_text=_("Receives only unclassified, non-operational data (Capstone §7.2)."),
    )
    is_un_system = models.BooleanField(_("part of the UN system"), default=False)
    focal_point = models.CharField(_("focal point"), max_length=160, blank=True)
    notes = models.TextField(_("notes"), blank=True, max_length=TEXT_MAX_LENGTH)

    class Meta:
        ordering = ["mission__code", "name"]
        constraints = [
            models.UniqueConstraint(fields=["mission", "name"], name="partner_unique_name")
        ]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    def __str__(self) -> str:
        return self.acronym or self.name

    def save(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        if self.kind == PartnerKind.HUMANITARIAN:
            self.is_humanitarian = True
        if self.kind == PartnerKind.UNCT_AGENCY:
            self.is_un_system = True
        super().save(*args, **kwargs)
