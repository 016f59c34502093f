"""Spatial helpers for the common operating picture: H3 cells and bounding boxes.

Incidents store their H3 cell at two resolutions (``H3_RESOLUTIONS``) so counts per hexagon are
a plain indexed GROUP BY; coarser resolutions roll up from the stored ones in Python.
"""

from __future__ import annotations

from dataclasses import dataclass

import h3
from h3.api import basic_int as h3int

H3_RESOLUTIONS = (5, 7)
H3_MAX_RESOLUTION = max(H3_RESOLUTIONS)


def h3_cells(latitude: float | None, longitude: float | None) -> dict[int, int | None]:
    """{resolution: cell as a 64-bit integer} for a point, None values when not located."""
    if latitude is None or longitude is None:
        return dict.fromkeys(H3_RESOLUTIONS)
    return {res: h3int.latlng_to_cell(latitude, longitude, res) for res in H3_RESOLUTIONS}


def stored_resolution_for(resolution: int) -> int:
    """The finest stored resolution a cell of ``resolution`` can be computed from."""
    if not 0 <= resolution <= H3_MAX_RESOLUTION:
        raise ValueError(f"h3_res must be between 0 and {H3_MAX_RESOLUTION}")
    return min(r for r in H3_RESOLUTIONS if r >= resolution)


def parent_cell(cell: int, resolution: int) -> int:
    if h3int.get_resolution(cell) == resolution:
        return cell
    return int(h3int.cell_to_parent(cell, resolution))


def cell_label(cell: int) -> str:
    return str(h3.int_to_str(cell))


def cell_centre(cell: int) -> tuple[float, float]:
    lat, lon = h3int.cell_to_latlng(cell)
    return float(lat), float(lon)


@dataclass(frozen=True)
class BBox:
    min_lon: float
    min_lat: float
    max_lon: float
    max_lat: float


def parse_bbox(text: str) -> BBox:
    """'minlon,minlat,maxlon,maxlat' (WGS84 degrees) or ValueError with a plain reason."""
    parts = [p.strip() for p in (text or "").split(",")]
    if len(parts) != 4:
        raise ValueError("bbox needs four numbers: minlon,minlat,maxlon,maxlat")
    try:
        min_lon, min_lat, max_lon, max_lat = (float(p) for p in parts)
    except ValueError as exc:
        raise ValueError("bbox values must be numbers: minlon,minlat,maxlon,maxlat") from exc
    if not (-180 <= min_lon <= 180 and -180 <= max_lon <= 180):
        raise ValueError("bbox longitudes must lie between -180 and 180")
    if not (-90 <= min_lat <= 90 and -90 <= max_lat <= 90):
        raise ValueError("bbox latitudes must lie between -90 and 90")
    if min_lat > max_lat or min_lon > max_lon:
        raise ValueError("bbox minimum exceeds maximum (give minlon,minlat,maxlon,maxlat)")
    return BBox(min_lon, min_lat, max_lon, max_lat)
