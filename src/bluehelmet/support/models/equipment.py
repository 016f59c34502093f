"""Contingent-owned equipment: the memorandum of understanding with each contributing country,
its equipment lines and the inspections that verify them (Capstone §8.1: contingents deploy
with their own equipment and the UN reimburses what is there and working)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.models.base import MissionScopedModel
from bluehelmet.core.validators import TEXT_MAX_LENGTH, validate_date_range
from bluehelmet.support.models.base import inherit, related_text, same_mission


class LeaseType(models.TextChoices):
    """Wet lease: the country maintains its equipment; dry lease: the UN does."""

    WET = "wet", _("Wet lease (the contributor maintains)")
    DRY = "dry", _("Dry lease (the UN maintains)")


class LineKind(models.TextChoices):
    MAJOR = "major", _("Major equipment")
    SELF_SUSTAINMENT = "self_sustainment", _("Self-sustainment")


class SustainmentCategory(models.TextChoices):
    """The self-sustainment services a contingent may provide for itself."""

    NONE = "", _("Not applicable (major equipment)")
    CATERING = "catering", _("Catering")
    COMMUNICATIONS = "communications", _("Communications")
    OFFICE = "office", _("Office")
    ELECTRICAL = "electrical", _("Electrical")
    MINOR_ENGINEERING = "minor_engineering", _("Minor engineering")
    EOD = "eod", _("Explosive ordnance disposal")
    LAUNDRY = "laundry", _("Laundry and cleaning")
    TENTAGE = "tentage", _("Tentage")
    ACCOMMODATION = "accommodation", _("Accommodation")
    MEDICAL = "medical", _("Medical")
    OBSERVATION = "observation", _("Observation")
    FIELD_DEFENCE = "field_defence", _("Field defence stores")


class InspectionKind(models.TextChoices):
    ARRIVAL = "arrival", _("Arrival")
    PERIODIC = "periodic", _("Periodic")
    REPATRIATION = "repatriation", _("Repatriation")


class EquipmentLease(MissionScopedModel):
    """The memorandum of understanding with a contingent's country: what equipment it brings,
    what services it sustains itself with, wet or dry lease (Capstone §8.1)."""

    contingent = models.OneToOneField(
        "core.Contingent",
        on_delete=models.CASCADE,
        related_name="equipment_lease",
        verbose_name=_("contingent"),
    )
    reference = models.CharField(_("MOU reference"), max_length=80)
    lease_type = models.CharField(_("lease"), max_length=4, choices=LeaseType.choices)
    signed_on = models.DateField(
        _("signed on"), null=True, blank=True, validators=[validate_date_range]
    )
    notes = models.TextField(_("notes"), blank=True, max_length=TEXT_MAX_LENGTH)

    class Meta:
        ordering = ["mission__code", "contingent__name"]
        verbose_name = _("equipment MOU")
        verbose_name_plural = _("equipment MOUs")

    def __str__(self) -> str:
        return f"{self.reference} · {related_text(self, 'contingent')}"

    def clean(self) -> None:
        super().clean()
        same_mission(self, "contingent")


class EquipmentLine(MissionScopedModel):
    """One line of the MOU: an item of major equipment and how many, or a self-sustainment
    category (Capstone §8.1)."""

    lease = models.ForeignKey(
        EquipmentLease, on_delete=models.CASCADE, related_name="lines", verbose_name=_("MOU")
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=LineKind.choices, default=LineKind.MAJOR
    )
    item = models.CharField(_("item"), max_length=160)
    category = models.CharField(
        _("self-sustainment category"),
        max_length=24,
        choices=SustainmentCategory.choices,
        blank=True,
    )
    quantity = models.PositiveIntegerField(_("quantity agreed"), validators=[MinValueValidator(1)])

    class Meta:
        ordering = ["lease", "kind", "item"]
        constraints = [
            models.UniqueConstraint(fields=["lease", "item"], name="equipmentline_unique_item")
        ]
        verbose_name = _("MOU equipment line")
        verbose_name_plural = _("MOU equipment lines")

    def __str__(self) -> str:
        return f"{self.item} x {self.quantity}"

    def clean(self) -> None:
        super().clean()
        if self.kind == LineKind.SELF_SUSTAINMENT and not self.category:
            raise ValidationError({"category": _("Name the self-sustainment category.")})
        if self.lease_id and self.mission_id and self.lease.mission_id != self.mission_id:
            raise ValidationError({"lease": _("It belongs to another mission.")})

    def save(self, *args: Any, **kwargs: Any) -> None:
        inherit(self, "lease")
        super().save(*args, **kwargs)


class EquipmentInspection(MissionScopedModel):
    """A verification of a contingent's equipment against its MOU: on arrival, periodically and
    on repatriation (Capstone §8.1)."""

    lease = models.ForeignKey(
        EquipmentLease,
        on_delete=models.CASCADE,
        related_name="inspections",
        verbose_name=_("MOU"),
    )
    kind = models.CharField(_("inspection"), max_length=14, choices=InspectionKind.choices)
    inspected_on = models.DateField(_("inspected on"), validators=[validate_date_range])
    inspector = models.CharField(_("inspection team"), max_length=160, blank=True)
    notes = models.TextField(_("notes"), blank=True, max_length=TEXT_MAX_LENGTH)

    class Meta:
        ordering = ["lease", "-inspected_on", "-pk"]
        verbose_name = _("equipment inspection")
        verbose_name_plural = _("equipment inspections")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.inspected_on} · {related_text(self, 'lease')}"

    def clean(self) -> None:
        super().clean()
        if self.lease_id and self.mission_id and self.lease.mission_id != self.mission_id:
            raise ValidationError({"lease": _("It belongs to another mission.")})

    def save(self, *args: Any, **kwargs: Any) -> None:
        inherit(self, "lease")
        super().save(*args, **kwargs)


class InspectionFinding(MissionScopedModel):
    """How many of one MOU line the inspection found there and serviceable (Capstone §8.1)."""

    inspection = models.ForeignKey(
        EquipmentInspection,
        on_delete=models.CASCADE,
        related_name="findings",
        verbose_name=_("inspection"),
    )
    line = models.ForeignKey(
        EquipmentLine, on_delete=models.CASCADE, related_name="findings", verbose_name=_("line")
    )
    serviceable = models.PositiveIntegerField(_("found serviceable"))

    class Meta:
        ordering = ["inspection", "line"]
        constraints = [
            models.UniqueConstraint(fields=["inspection", "line"], name="finding_one_per_line")
        ]
        verbose_name = _("inspection finding")
        verbose_name_plural = _("inspection findings")

    def __str__(self) -> str:
        line = related_text(self, "line")
        return f"{line}: {self.serviceable}"

    def clean(self) -> None:
        super().clean()
        if self.inspection_id and self.line_id and self.line.lease_id != self.inspection.lease_id:
            raise ValidationError({"line": _("The line is not in this inspection's MOU.")})
        if self.inspection_id and self.mission_id and self.inspection.mission_id != self.mission_id:
            raise ValidationError({"inspection": _("It belongs to another mission.")})

    def save(self, *args: Any, **kwargs: Any) -> None:
        inherit(self, "inspection")
        super().save(*args, **kwargs)
