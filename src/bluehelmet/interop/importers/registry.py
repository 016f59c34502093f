"""The importers ``bluehelmet import <kind> FILE`` knows; other apps add theirs here."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bluehelmet.interop.importers.acled import import_acled
from bluehelmet.interop.importers.admin_areas import import_admin_areas
from bluehelmet.interop.importers.base import ImportReport
from bluehelmet.interop.importers.ged import import_ged
from bluehelmet.interop.importers.hxl import import_hxl
from bluehelmet.interop.importers.strength import import_strength
from bluehelmet.interop.importers.tamm import import_tamm

IMPORTERS: dict[str, tuple[Callable[..., ImportReport], str]] = {
    "tamm": (import_tamm, "TAMM v2.1 mission-month task flags -> mandate history (Capstone §1.4)"),
    "strength": (import_strength, "authorised vs deployed strength per mission-month (§4.2)"),
    "ucdp-ged": (import_ged, "UCDP GED events -> incidents of --mission (§7.2)"),
    "acled": (import_acled, "ACLED events -> incidents of --mission (§7.2)"),
    "hxl": (import_hxl, "HXL-tagged incident table -> incidents of --mission (§7.2)"),
    "admin-areas": (
        import_admin_areas,
        "admin-1 outlines of --country from GeoJSON (Natural Earth or geoBoundaries)",
    ),
}


def get_importer(kind: str) -> Callable[..., Any] | None:
    entry = IMPORTERS.get(kind)
    return entry[0] if entry else None
