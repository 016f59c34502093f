"""Import admin-1 outlines, names and codes of one country from a GeoJSON file.

Two property sets are understood: Natural Earth's admin-1 layer (``adm0_a3``/``iso_a3``,
``name``, ``iso_3166_2``/``adm1_code``) and geoBoundaries (``shapeGroup``, ``shapeName``,
``shapeISO``). The key is (country, level 1, name): a second import of the same file changes
nothing; a changed outline or code is updated. Features of other countries are skipped
(a Natural Earth file holds many); a file with none of ``country`` is refused.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError

from bluehelmet.core.models import AdminArea
from bluehelmet.core.permissions import Action, user_can
from bluehelmet.core.types import Actor
from bluehelmet.interop.countries import USER_ASSIGNED_NAMES, country_label
from bluehelmet.interop.geodata import NE_TO_ISO3
from bluehelmet.interop.importers.base import ImportFailed, ImportReport

LEVEL = 1
MAX_BYTES = 200 * 1024 * 1024


def known_country(code: str) -> bool:
    import pycountry

    return code in USER_ASSIGNED_NAMES or pycountry.countries.get(alpha_3=code) is not None


def feature_country(props: dict[str, Any]) -> str:
    for key in ("iso_a3", "adm0_a3", "shapeGroup", "ADM0_A3", "ISO_A3"):
        value = str(props.get(key) or "").strip().upper()
        if value and value != "-99":
            return NE_TO_ISO3.get(value, value)
    return ""


def feature_name_code(props: dict[str, Any]) -> tuple[str, str]:
    if "shapeName" in props:  # geoBoundaries
        name = str(props.get("shapeName") or "").strip()
        code = str(props.get("shapeISO") or "").strip()
    else:  # Natural Earth
        name = str(props.get("name") or props.get("name_en") or "").strip()
        code = str(props.get("iso_3166_2") or "").strip()
        if not code or "-99" in code:
            code = str(props.get("adm1_code") or "").strip()
    if code.upper() in {"N/A", "NA", "-99", "NONE"}:
        code = ""
    return name, code


def polygons(geometry: dict[str, Any]) -> list[Any]:
    if geometry.get("type") == "Polygon":
        return [geometry["coordinates"]]
    if geometry.get("type") == "MultiPolygon":
        return list(geometry["coordinates"])
    return []


def read_collection(path: Path) -> list[dict[str, Any]]:
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ImportFailed(f"{path.name} is larger than {MAX_BYTES // 2**20} MB.")
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise ImportFailed(f"Cannot read {path}: {exc.strerror or exc}.") from exc
    except (UnicodeDecodeError, ValueError) as exc:
        raise ImportFailed(f"{path.name} is not a GeoJSON file (not JSON: {exc}).") from exc
    if (
        not isinstance(data, dict)
        or data.get("type") != "FeatureCollection"
        or not isinstance(data.get("features"), list)
    ):
        raise ImportFailed(f"{path.name} is not a GeoJSON FeatureCollection.")
    return [f for f in data["features"] if isinstance(f, dict)]


def import_admin_areas(
    path: Path,
    *,
    country: str | None,
    acting_user: Actor = None,
    show_progress: bool = False,
    **_ignored: Any,
) -> ImportReport:
    """Load the admin-1 areas of ``country`` (ISO3) in ``path``; see the module docstring."""
    code = (country or "").strip().upper()
    if not code:
        raise ImportFailed("Name the country the areas belong to (--country ISO3).")
    if not known_country(code):
        raise ImportFailed(f"Unknown country code {code!r}: give an ISO 3166 alpha-3 code.")
    if acting_user is not None and not all(
        user_can(acting_user, action, None) for action in (Action.ADD, Action.CHANGE)
    ):  # reference data shared by every mission: HQ writes it (``mission_field = None``)
        raise ImportFailed("Admin areas are shared reference data: only HQ roles load them.")
    features = read_collection(path)
    report = ImportReport(source=path.name)
    merged: dict[str, dict[str, Any]] = {}  # name -> {"code", "parts", "line"}
    for index, feat in enumerate(features, start=1):
        props = feat.get("properties") or {}
        if not isinstance(props, dict) or feature_country(props) != code:
            continue
        report.rows += 1
        name, pcode = feature_name_code(props)
        parts = polygons(feat.get("geometry") or {})
        if not name:
            report.reject(index, "feature without a name")
            continue
        if not parts:
            report.reject(index, f"{name}: not a Polygon or MultiPolygon")
            continue
        entry = merged.setdefault(name, {"code": pcode, "parts": [], "line": index})
        entry["parts"] += parts
        entry["code"] = entry["code"] or pcode
    if not report.rows:
        raise ImportFailed(
            f"{path.name} holds no features of {code} ({country_label(code)}); check the "
            "country code and the file."
        )
    existing = {a.name: a for a in AdminArea.objects.filter(country=code, level=LEVEL)}
    for name, entry in merged.items():
        parts = entry["parts"]
        geometry: dict[str, Any] = (
            {"type": "Polygon", "coordinates": parts[0]}
            if len(parts) == 1
            else {"type": "MultiPolygon", "coordinates": parts}
        )
        area = existing.get(name) or AdminArea(country=code, level=LEVEL, name=name)
        if area.pk and area.geometry == geometry and area.pcode == entry["code"][:30]:
            report.counts["admin areas unchanged"] += 1
            continue
        created = area.pk is None
        area.geometry = geometry
        area.pcode = entry["code"][:30]
        try:
            area.full_clean(validate_unique=False)
        except ValidationError as exc:
            report.reject(entry["line"], f"{name}: {'; '.join(exc.messages)}")
            continue
        area.save()
        report.counts["admin areas created" if created else "admin areas updated"] += 1
    return report
