"""Mine action (Capstone §2.3, §2.4): hazard areas, their survey and clearance, the land
released, and the JOC's explosive incidents linked to them
(``actions.do_link_explosive_incidents``)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.models.base import MissionScopedModel
from bluehelmet.core.models.geography import validate_geometry


class HazardType(models.TextChoices):
    MINED = "mined", _("Mined area")
    BATTLE_AREA = "battle_area", _("Battle area")
    ERW = "erw", _("Explosive remnants of war")


class HazardStatus(models.TextChoices):
    SUSPECTED = "suspected", _("Suspected")
    CONFIRMED = "confirmed", _("Confirmed")
    SURVEY = "survey", _("Under survey")
    CLEARANCE = "clearance", _("Under clearance")
    RELEASED = "released", _("Released")


def validate_hazard_geometry(value: Any) -> None:
    """A GeoJSON Point ([lon, lat]) or a Polygon/MultiPolygon."""
    if isinstance(value, dict) and value.get("type") == "Point":
        try:
            lon, lat = (float(v) for v in value.get("coordinates", [])[:2])
        except (TypeError, ValueError) as exc:
            raise ValidationError(_("A point is [lon, lat].")) from exc
        if not (-180 <= lon <= 180 and -90 <= lat <= 90):
            raise ValidationError(_("A position lies outside [-180,180]x[-90,90]."))
        return
    validate_geometry(value)


class HazardArea(MissionScopedModel):
    """A suspected or confirmed hazardous area (Capstone §2.3-2.4): where it is (a point or a
    polygon), what it holds, how far survey and clearance have gone and how much land has been
    released to the population."""

    code = models.CharField(_("code"), max_length=30)
    name = models.CharField(_("name"), max_length=200)
    hazard_type = models.CharField(_("hazard type"), max_length=12, choices=HazardType.choices)
    status = models.CharField(
        _("status"), max_length=12, choices=HazardStatus.choices, default=HazardStatus.SUSPECTED
    )
    admin1 = models.CharField(_("admin area (level 1)"), max_length=120, blank=True)
    geometry = models.JSONField(
        _("geometry"),
        validators=[validate_hazard_geometry],
        help_text=_('GeoJSON, e.g. {"type": "Point", "coordinates": [lon, lat]}.'),
    )
    area_m2 = models.PositiveIntegerField(_("area (m²)"), default=0)
    surveyed_m2 = models.PositiveIntegerField(_("surveyed (m²)"), default=0)
    cleared_m2 = models.PositiveIntegerField(_("cleared (m²)"), default=0)
    released_m2 = models.PositiveIntegerField(_("land released (m²)"), default=0)
    incidents = models.ManyToManyField(
        "operations.Incident",
        blank=True,
        related_name="+",
        verbose_name=_("explosive incidents"),
    )

    class Meta:
        ordering = ["mission__code", "code"]
        constraints = [
            models.UniqueConstraint(fields=["mission", "code"], name="hazardarea_unique_code")
        ]
        verbose_name = _("hazard area")
        verbose_name_plural = _("hazard areas")

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    @property
    def cleared_percent(self) -> int:
        return round(100 * self.cleared_m2 / self.area_m2) if self.area_m2 else 0

    def clean(self) -> None:
        super().clean()
        errors = {
            name: _("Cannot exceed the area.")
            for name in ("surveyed_m2", "cleared_m2", "released_m2")
            if self.area_m2 and getattr(self, name) > self.area_m2
        }
        if errors:
            raise ValidationError(errors)
