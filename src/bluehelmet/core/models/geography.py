"""Offline geography: country and admin-area outlines drawn on the mission map (DESIGN: no
tile server; field missions are often offline)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.models.base import ChangeLoggedModel


def validate_geometry(value: Any) -> None:
    """A GeoJSON Polygon or MultiPolygon with numeric [lon, lat] positions."""
    if not isinstance(value, dict) or value.get("type") not in {"Polygon", "MultiPolygon"}:
        raise ValidationError(_("Give a GeoJSON Polygon or MultiPolygon geometry."))
    polygons = value.get("coordinates") or []
    if value["type"] == "Polygon":
        polygons = [polygons]
    try:
        for polygon in polygons:
            for ring in polygon:
                if len(ring) < 4:
                    raise ValidationError(_("A ring needs at least four positions."))
                for lon, lat, *_rest in ring:
                    if not (-180 <= float(lon) <= 180 and -90 <= float(lat) <= 90):
                        raise ValidationError(_("A position lies outside [-180,180]x[-90,90]."))
    except (TypeError, ValueError) as exc:
        raise ValidationError(_("The coordinates are not nested [lon, lat] lists.")) from exc


class AdminArea(ChangeLoggedModel):
    """A country (level 0) or administrative area outline; reference data shared by missions."""

    mission_field = None
    sensitivity_field = None

    country = models.CharField(_("country (ISO alpha-3)"), max_length=3, db_index=True)
    level = models.PositiveSmallIntegerField(_("level"), default=1)
    name = models.CharField(_("name"), max_length=120)
    pcode = models.CharField(_("P-code"), max_length=30, blank=True)
    geometry = models.JSONField(_("geometry"), validators=[validate_geometry])

    class Meta:
        ordering = ["country", "level", "name"]
        constraints = [
            models.UniqueConstraint(fields=["country", "level", "name"], name="adminarea_unique")
        ]
        verbose_name = _("admin area")
        verbose_name_plural = _("admin areas")

    def __str__(self) -> str:
        return self.name

    @classmethod
    def outlines(cls, country: str, level: int = 1) -> dict[str, Any]:
        """The stored outlines of a country's areas at ``level``, by name (maps colour them)."""
        areas = cls.objects.filter(country=country, level=level)
        return dict(areas.values_list("name", "geometry"))
