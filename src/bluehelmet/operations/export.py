"""Incident exports: CSV, GeoJSON and HXL-tagged CSV, for the mission or for partners.

The humanitarian-partner variant keeps only unclassified records and drops the operationally
sensitive fields (who reported, how they are graded, which unit, internal links): Capstone §7.2
asks the mission to share non-operationally-sensitive information with humanitarian actors
while respecting humanitarian space. The HXL hashtags are those used on the Humanitarian Data
Exchange for conflict-event data (see shared/data/SOURCES.md).

Each writer yields text chunks, so a file or an HTTP response streams without holding a
million rows in memory.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

from bluehelmet.core.audit import log_reads
from bluehelmet.core.permissions import (
    VIEW_SOURCES,
    Action,
    Sensitivity,
    grants_for,
    sees_sources,
    sees_sources_everywhere,
    user_can,
)
from bluehelmet.core.tables import spreadsheet_safe
from bluehelmet.operations.models import Incident

CHUNK = 2000


@dataclass(frozen=True)
class Column:
    name: str
    hxl: str
    value: Callable[[Incident], Any]
    sensitive: bool = False


def _iso(moment: Any) -> str:
    return moment.isoformat().replace("+00:00", "Z") if moment else ""


COLUMNS: tuple[Column, ...] = (
    Column("reference", "#event+code", lambda i: i.reference),
    Column("mission", "#org+mission", lambda i: i.mission.code),
    Column("occurred_at", "#date+occurred", lambda i: _iso(i.occurred_at)),
    Column("occurred_until", "#date+end", lambda i: _iso(i.occurred_until)),
    Column("date_precision", "#date+precision", lambda i: i.date_precision),
    Column("reported_at", "#date+reported", lambda i: _iso(i.reported_at)),
    Column("category", "#event+type+code", lambda i: i.category.code),
    Column("category_name", "#event+type+name", lambda i: i.category.name),
    Column("acled_event_type", "#event+type", lambda i: i.category.acled_event_type),
    Column("acled_sub_event_type", "#event+type+sub", lambda i: i.category.acled_sub_event_type),
    Column("ged_type_of_violence", "#event+type+ged", lambda i: i.category.ged_type_of_violence),
    Column("title", "#event+name", lambda i: i.title),
    Column("actor1", "#group+name+first", lambda i: i.actor1),
    Column("actor2", "#group+name+second", lambda i: i.actor2),
    Column("killed", "#affected+killed", lambda i: i.killed),
    Column("injured", "#affected+injured", lambda i: i.injured),
    Column("abducted", "#affected+abducted", lambda i: i.abducted),
    Column("civilians_killed", "#affected+killed+civilians", lambda i: i.civilians_killed),
    Column("un_personnel_killed", "#affected+killed+un", lambda i: i.un_personnel_killed),
    Column("un_personnel_injured", "#affected+injured+un", lambda i: i.un_personnel_injured),
    Column("admin1", "#adm1+name", lambda i: i.admin1),
    Column("admin2", "#adm2+name", lambda i: i.admin2),
    Column("location_name", "#loc+name", lambda i: i.location_name),
    Column("latitude", "#geo+lat", lambda i: i.latitude),
    Column("longitude", "#geo+lon", lambda i: i.longitude),
    Column("location_precision", "#geo+precision", lambda i: i.location_precision),
    Column("verification_status", "#status+verification", lambda i: i.verification_status),
    Column("description", "#description", lambda i: i.description),
    Column("sensitivity", "#meta+classification", lambda i: i.sensitivity, sensitive=True),
    Column("source", "#meta+source", lambda i: _source_name(i), True),
    Column("source_kind", "#meta+source+type", lambda i: i.source.kind if i.source else "", True),
    Column("source_reference", "#meta+source+ref", lambda i: i.source_reference, True),
    Column("reliability", "#meta+reliability", lambda i: i.reliability, True),
    Column("credibility", "#meta+credibility", lambda i: i.credibility, True),
    Column("reporting_unit", "#org+unit", lambda i: i.org_unit.name if i.org_unit else "", True),
    Column("duplicate_of", "#event+code+original", lambda i: _original(i), True),
    Column("source_dataset", "#meta+dataset", lambda i: i.source_dataset, True),
)

FORMATS = ("csv", "geojson", "hxl")
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "hxl": "text/csv; charset=utf-8",
    "geojson": "application/geo+json",
}
EXTENSIONS = {"csv": "csv", "hxl": "hxl.csv", "geojson": "geojson"}


def _source_name(incident: Incident) -> str:
    source = incident.source
    if source is None or getattr(incident, "_source_hidden", False):
        return ""
    return source.name


def _mark(incident: Incident, user: Any) -> Incident:
    """Hide the source's name, and the original this incident duplicates, from a caller who
    may not see them: a link must not reveal a record above the caller's clearance."""
    source, original = incident.source, incident.duplicate_of
    if user is not None and source is not None:
        visible = user_can(user, Action.VIEW, source.mission_id, source.sensitivity)
        incident._source_hidden = not visible  # type: ignore[attr-defined]
    if user is not None and original is not None:
        visible = user_can(user, Action.VIEW, original.mission_id, original.sensitivity)
        incident._original_hidden = not visible  # type: ignore[attr-defined]
    return incident


def _original(incident: Incident) -> str:
    original = incident.duplicate_of
    if original is None or getattr(incident, "_original_hidden", False):
        return ""
    return original.reference


def partner_variant(user: Any, asked: bool = False) -> bool:
    """Is a file for ``user`` the partner variant? When asked, and always for a role that gets
    the partner-safe view (Capstone §7.2) in any mission it reads: a file has one set of
    columns, so a user partner-safe in one mission gets the partner variant for all."""
    return asked or not sees_sources_everywhere(user)


def columns_for(humanitarian: bool) -> tuple[Column, ...]:
    return tuple(c for c in COLUMNS if not (humanitarian and c.sensitive))


def export_queryset(queryset: QuerySet[Incident], humanitarian: bool) -> QuerySet[Incident]:
    """Only unclassified records leave for partners; related rows fetched in one query."""
    if humanitarian:
        queryset = queryset.filter(sensitivity=Sensitivity.UNCLASSIFIED)
    return queryset.select_related(
        "mission", "category", "source", "org_unit", "duplicate_of__mission"
    ).order_by("occurred_at", "pk")


def _incidents(queryset: QuerySet[Incident], user: Any) -> Iterator[Incident]:
    """Iterate in chunks; strictly confidential records written out are logged as reads."""
    batch: list[Incident] = []
    for incident in queryset.iterator(chunk_size=CHUNK):
        batch.append(incident)
        if len(batch) >= CHUNK:
            log_reads(user, batch)
            batch = []
        yield _mark(incident, user)
    log_reads(user, batch)


def _csv_line(values: Iterable[Any]) -> str:
    buffer = io.StringIO()
    row = ["" if v is None else spreadsheet_safe(v) for v in values]  # no formulas
    csv.writer(buffer, lineterminator="\n").writerow(row)
    return buffer.getvalue()


def write_csv(
    queryset: QuerySet[Incident], *, humanitarian: bool = False, hxl: bool = False, user: Any = None
) -> Iterator[str]:
    """CSV with a header; with ``hxl`` a second row of HXL hashtags under it."""
    columns = columns_for(humanitarian)
    yield _csv_line(c.name for c in columns)
    if hxl:
        yield _csv_line(c.hxl for c in columns)
    for incident in _incidents(export_queryset(queryset, humanitarian), user):
        yield _csv_line(c.value(incident) for c in columns)


def feature(incident: Incident, columns: Iterable[Column]) -> dict[str, Any]:
    geometry = None
    if incident.latitude is not None and incident.longitude is not None:
        geometry = {"type": "Point", "coordinates": [incident.longitude, incident.latitude]}
    return {
        "type": "Feature",
        "id": incident.reference,
        "geometry": geometry,
        "properties": {
            c.name: c.value(incident) for c in columns if c.name not in {"latitude", "longitude"}
        },
    }


def features(incidents: Iterable[Incident], user: Any) -> list[dict[str, Any]]:
    """GeoJSON features for a page of incidents shown to ``user`` (reads are logged)."""
    rows = [_mark(i, user) for i in incidents]
    log_reads(user, rows)
    return [feature(i, columns_for(not sees_sources(user, i.mission_id))) for i in rows]


# The map API (``/api/incidents/geojson/``) reads only the columns a feature shows: one query
# of values, no model instances (issue 12). The same properties as ``feature`` above, in the
# same order; tests/test_operations_export.py holds the two to the same output.
COUNT_COLUMNS = (
    "killed",
    "injured",
    "abducted",
    "civilians_killed",
    "un_personnel_killed",
    "un_personnel_injured",
)
MAP_FIELDS = (
    "id",
    "external_id",
    "mission_id",
    "mission__code",
    "sensitivity",
    "occurred_at",
    "occurred_until",
    "date_precision",
    "reported_at",
    "category__code",
    "category__name",
    "category__acled_event_type",
    "category__acled_sub_event_type",
    "category__ged_type_of_violence",
    "title",
    "actor1",
    "actor2",
    *COUNT_COLUMNS,
    "admin1",
    "admin2",
    "location_name",
    "latitude",
    "longitude",
    "location_precision",
    "verification_status",
    "description",
)
# Read only for a caller who sees sources in some mission (never for a partner-safe role).
MAP_SOURCE_FIELDS = (
    "source_id",
    "source__name",
    "source__kind",
    "source__mission_id",
    "source__sensitivity",
    "source_reference",
    "reliability",
    "credibility",
    "org_unit__name",
    "duplicate_of_id",
    "duplicate_of__external_id",
    "duplicate_of__mission__code",
    "duplicate_of__mission_id",
    "duplicate_of__sensitivity",
    "source_dataset",
)


def _shown(user: Any, mission_id: Any, sensitivity: Any) -> bool:
    return user is None or user_can(user, Action.VIEW, mission_id, sensitivity)


def _row_feature(row: dict[str, Any], user: Any, with_sources: bool) -> dict[str, Any]:
    """One GeoJSON feature from a row of ``MAP_FIELDS`` (and ``MAP_SOURCE_FIELDS``)."""
    reference = row["external_id"] or f"{row['mission__code']}-{row['id']}"
    properties = {
        "reference": reference,
        "mission": row["mission__code"],
        "occurred_at": _iso(row["occurred_at"]),
        "occurred_until": _iso(row["occurred_until"]),
        "date_precision": row["date_precision"],
        "reported_at": _iso(row["reported_at"]),
        "category": row["category__code"],
        "category_name": row["category__name"],
        "acled_event_type": row["category__acled_event_type"],
        "acled_sub_event_type": row["category__acled_sub_event_type"],
        "ged_type_of_violence": row["category__ged_type_of_violence"],
        "title": row["title"],
        "actor1": row["actor1"],
        "actor2": row["actor2"],
    }
    for name in COUNT_COLUMNS:
        properties[name] = row[name]
    properties["admin1"] = row["admin1"]
    properties["admin2"] = row["admin2"]
    properties["location_name"] = row["location_name"]
    properties["location_precision"] = row["location_precision"]
    properties["verification_status"] = row["verification_status"]
    properties["description"] = row["description"]
    if with_sources and sees_sources(user, row["mission_id"]):
        source_shown = row["source_id"] is not None and _shown(
            user, row["source__mission_id"], row["source__sensitivity"]
        )
        original = ""
        if row["duplicate_of_id"] is not None and _shown(
            user, row["duplicate_of__mission_id"], row["duplicate_of__sensitivity"]
        ):
            original = (
                row["duplicate_of__external_id"]
                or f"{row['duplicate_of__mission__code']}-{row['duplicate_of_id']}"
            )
        properties["sensitivity"] = row["sensitivity"]
        properties["source"] = row["source__name"] if source_shown else ""
        properties["source_kind"] = row["source__kind"] or ""
        properties["source_reference"] = row["source_reference"]
        properties["reliability"] = row["reliability"]
        properties["credibility"] = row["credibility"]
        properties["reporting_unit"] = row["org_unit__name"] or ""
        properties["duplicate_of"] = original
        properties["source_dataset"] = row["source_dataset"]
    geometry = None
    if row["latitude"] is not None and row["longitude"] is not None:
        geometry = {"type": "Point", "coordinates": [row["longitude"], row["latitude"]]}
    return {"type": "Feature", "id": reference, "geometry": geometry, "properties": properties}


def map_features(
    queryset: QuerySet[Incident], user: Any, limit: int
) -> tuple[list[dict[str, Any]], bool]:
    """The first ``limit`` incidents of ``queryset`` (already restricted to ``user``) as GeoJSON
    features, and whether there were more: one query, reads of strictly confidential records
    logged as ``features`` does. The partner-safe columns for missions where ``user`` gets
    the partner-safe view; their source columns are not even read when it gets it everywhere."""
    with_sources = user is None or user.is_superuser or not grants_for(user, VIEW_SOURCES).empty
    fields = (*MAP_FIELDS, *MAP_SOURCE_FIELDS) if with_sources else MAP_FIELDS
    rows = list(queryset.values(*fields)[: limit + 1])
    truncated = len(rows) > limit
    del rows[limit:]
    secret = [
        Incident(
            pk=r["id"],
            mission_id=r["mission_id"],
            sensitivity=r["sensitivity"],
            title=r["title"],
            occurred_at=r["occurred_at"],
        )
        for r in rows
        if r["sensitivity"] >= Sensitivity.STRICTLY_CONFIDENTIAL
    ]
    log_reads(user, secret)
    return [_row_feature(r, user, with_sources) for r in rows], truncated


def write_geojson(
    queryset: QuerySet[Incident], *, humanitarian: bool = False, user: Any = None
) -> Iterator[str]:
    """A GeoJSON FeatureCollection (RFC 7946); unlocated incidents have a null geometry."""
    columns = columns_for(humanitarian)
    yield '{"type": "FeatureCollection", "features": ['
    separator = "\n"
    for incident in _incidents(export_queryset(queryset, humanitarian), user):
        yield separator + json.dumps(feature(incident, columns), ensure_ascii=False)
        separator = ",\n"
    yield "\n]}\n"


def write(
    kind: str, queryset: QuerySet[Incident], *, humanitarian: bool = False, user: Any = None
) -> Iterator[str]:
    humanitarian = partner_variant(user, humanitarian)
    if kind == "geojson":
        return write_geojson(queryset, humanitarian=humanitarian, user=user)
    if kind in {"csv", "hxl"}:
        return write_csv(queryset, humanitarian=humanitarian, hxl=kind == "hxl", user=user)
    raise ValueError(f"unknown export format {kind!r}; choose one of {', '.join(FORMATS)}")
