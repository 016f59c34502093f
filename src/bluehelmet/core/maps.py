"""Small maps on record pages (issue 13): what ``generic/includes/small_map.html`` draws.

A page builds one ``SmallMap`` from records it already read through ``restrict``: points (an
incident, the incidents naming an actor, the incidents an assessment cites) and outlines (an
admin area, an assessed area). The map draws them over the offline country context of the
mission map (``context_url``); a page with nothing to place says so instead of an empty map.
The data go to the page as a ``json_script`` block, so every text stays text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bluehelmet.core.views.missions import context_url


def point(latitude: float, longitude: float, **properties: Any) -> dict[str, Any]:
    """A GeoJSON point; ``properties`` are text the map shows (title, when, detail, url)."""
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [longitude, latitude]},
        "properties": {"role": "point", **properties},
    }


def outline(geometry: dict[str, Any] | None, name: str) -> dict[str, Any] | None:
    """A stored polygon as the map's outlined area (None when there is no usable one)."""
    if not isinstance(geometry, dict) or geometry.get("type") not in ("Polygon", "MultiPolygon"):
        return None
    return {"type": "Feature", "geometry": geometry, "properties": {"role": "area", "name": name}}


def has_location(obj: Any) -> bool:
    return (
        getattr(obj, "latitude", None) is not None and getattr(obj, "longitude", None) is not None
    )


@dataclass
class SmallMap:
    """What one small map shows; ``unplaced`` counts records without coordinates (the map says
    how many it could not place), ``truncated`` that more were found than it draws."""

    country: str
    none_text: str
    features: list[dict[str, Any]] = field(default_factory=list)
    unplaced: int = 0
    truncated: bool = False

    def add(self, feature: dict[str, Any] | None) -> None:
        if feature is not None:
            self.features.append(feature)

    @property
    def located(self) -> bool:
        return bool(self.features)

    @property
    def data(self) -> dict[str, Any]:
        """The ``json_script`` payload read by small-map.js."""
        return {
            "type": "FeatureCollection",
            "context_url": context_url(self.country),
            "features": self.features,
            "unplaced": self.unplaced,
            "truncated": self.truncated,
        }
