"""The columnar readers of ACLED exports and HXL-tagged tables (issue 12): row by row the same
fields, fingerprints, rejections and line numbers as the row parsers, on files built to take
each branch; the same import, preview, audit entry and progress through either path; an
idempotent re-import; files DuckDB cannot read (or would number otherwise) left to the row
reader; and the page's preview and background job on the columnar path.

ACLED rows start from ``fixtures/acled_sample.csv`` (ACLED-format rows written for the tests;
ACLED's own files are not redistributable)."""

from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from bluehelmet.core.models import AuditEntry, Mission
from bluehelmet.interop.importers import acled as acled_module
from bluehelmet.interop.importers import columnar
from bluehelmet.interop.importers import ged as ged_module
from bluehelmet.interop.importers import hxl as hxl_module
from bluehelmet.interop.importers.acled import AcledCategories, import_acled, parse_acled_row
from bluehelmet.interop.importers.base import ImportFailed, ImportReport, read_csv
from bluehelmet.interop.importers.columnar import ColumnarUnavailable, LineNumbers
from bluehelmet.interop.importers.hxl import import_hxl, parse_hxl_row, read_hxl
from bluehelmet.interop.importers.incidents import RowRejected, RowsRefused, category_ids
from bluehelmet.interop.importers.writer import fingerprint
from bluehelmet.interop.models import ImportJob, JobStatus
from bluehelmet.operations.export import COLUMNS
from bluehelmet.operations.models import Incident, IncidentImportBatch

ACLED_SAMPLE = Path(__file__).resolve().parent / "fixtures" / "acled_sample.csv"
STORED = ("external_id", "title", "description", "category_id", "occurred_at", "occurred_until",
          "date_precision", "reported_at", "latitude", "longitude", "location_precision",
          "location_name", "admin1", "admin2", "actor1", "actor2", "killed", "injured",
          "abducted", "civilians_killed", "un_personnel_killed", "un_personnel_injured",
          "source_reference", "reliability", "credibility", "import_hash", "h3_r5", "h3_r7",
          "source_dataset")  # fmt: skip
IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


# -- files -----------------------------------------------------------------------------------


def csv_text(
    header: list[str], rows: Iterable[list[str]], *, eol: str = "\n", delim: str = ","
) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator=eol, delimiter=delim)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def acled_sample() -> tuple[list[str], list[dict[str, str]]]:
    with ACLED_SAMPLE.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


# Each a copy of the sample's first row (a state-forces clash) with some cells changed.
ACLED_EDITS: list[dict[str, str]] = [
    {"actor1": "  Military Forces of the Central African Republic (2016-)  ",
     "location": " Bossangoa\u00a0"},  # blanks (and a no-break space) stripped: row parser
    {"notes": "two lines:\nthe second", "admin2": "Bossangoa\r\nnord"},  # quoted line breaks
    {"latitude": "", "longitude": ""},  # no point: kept without one
    {"latitude": ""},  # half a point: rejected
    {"location": "x" * 250},  # too long: cut at 200 by the row parser
    {"location": "é" * 200},  # at the limit in characters, not bytes
    {"event_id_cnty": "X" * 70},  # cut at 64 by the row parser
    {"event_date": "2023-01-04 24:00:00"},  # DuckDB reads the next day; Python refuses it
    {"event_date": "20 February 2009"},  # ACLED's long form
    {"event_date": "2023-01-04T06:30:00Z"},  # ISO, UTC
    {"event_date": "2023-01-04T06:30:00+02:00"},  # an offset, kept as the row parser keeps it
    {"event_date": "4 february 2023"},  # a lower-case month: the row parser reads it
    {"event_type": "battles", "sub_event_type": "armed clash"},  # types in lower case
    {"sub_event_type": "Ambush"},  # unknown pair: rejected
    {"time_precision": "0", "geo_precision": "", "timestamp": ""},  # a day, no precision
    {"time_precision": "4"},  # rejected
    {"geo_precision": "2.0", "fatalities": "3.0"},  # decimals: the row parser, same values
    {"fatalities": "NA"},  # rejected: empty
    {"fatalities": "-1"},  # rejected
    {"timestamp": "4102444801"},  # after 2100: rejected
    {"inter1": "Rebel group", "actor1": "CPC"},  # no state forces: a non-state clash
    {"actor2": "MINUSCA"},  # a battle against UN forces
    {"civilian_targeting": "CIVILIAN targeting"},
    {"notes": "ends with a space "},
    {"longitude": "181"},  # rejected: out of range
    {"latitude": "6.49260000000000000001"},  # too many digits for the plain form
    {"notes": "😀 emoji, İstanbul, Mbaïki"},
    {"event_id_cnty": ""},  # rejected
    {"event_date": ""},  # rejected
    {"event_date": "2023-01-04", "iso": "148", "country": "Chad"},  # another country
    {"actor2": "Militia of \u0130stanbul"},  # lower-cased apart by Python and DuckDB
    {"event_type": "Battles\u212a"},  # a Kelvin sign: the row parser (rejected)
]  # fmt: skip


def acled_file(
    tmp_path: Path, *, eol: str = "\n", blank_line: bool = False, bom: bool = False
) -> Path:
    header, rows = acled_sample()
    for n, edit in enumerate(ACLED_EDITS, start=1):
        rows.append({**rows[0], "event_id_cnty": f"XEDIT{n:02d}", **edit})
    text = csv_text(header, ([row[c] for c in header] for row in rows), eol=eol)
    if blank_line:  # after the header: both readers skip it, the lines after it move
        first, rest = text.split(eol, 1)
        text = first + eol + eol + rest
    path = tmp_path / "acled.csv"
    path.write_bytes(text.encode("utf-8-sig" if bom else "utf-8"))
    return path


HXL_TAG = {c.name: c.hxl for c in COLUMNS}
HXL_HEADER = ["reference", "occurred_at", "occurred_until", "reported_at", "date_precision",
              "category", "acled_event_type", "acled_sub_event_type", "title", "actor1",
              "actor2", "killed", "injured", "civilians_killed", "latitude", "longitude",
              "location_precision", "location_name", "admin1", "description", "source",
              "source_reference", "reliability", "credibility"]  # fmt: skip
HXL_BASE = {
    "reference": "HXL-0001", "occurred_at": "2025-01-03T10:00:00Z", "occurred_until": "",
    "reported_at": "2025-01-04T08:15:00.250Z", "date_precision": "1", "category": "clash-state",
    "acled_event_type": "", "acled_sub_event_type": "", "title": "Clash at Bossangoa",
    "actor1": "FACA", "actor2": "CPC", "killed": "4", "injured": "2", "civilians_killed": "0",
    "latitude": "6.4926", "longitude": "17.4552", "location_precision": "2",
    "location_name": "Bossangoa", "admin1": "Ouham", "description": 'Heavy fire, "quoted"',
    "source": "", "source_reference": "SITREP 12", "reliability": "B", "credibility": "2",
}  # fmt: skip
ACLED_PAIR = {"category": "", "acled_event_type": "Battles", "acled_sub_event_type": "Armed clash"}
HXL_EDITS: list[dict[str, str]] = [
    {},
    {**ACLED_PAIR, "actor1": "Military Forces of the CAR"},  # the ACLED pair: state forces
    {**ACLED_PAIR, "actor2": "MINUSCA"},  # ... against UN forces
    {**ACLED_PAIR, "actor1": "CPC", "actor2": "UPC"},  # ... no state forces
    {"category": "nope"},  # rejected
    {"occurred_at": "2025-02-30T00:00:00Z"},  # rejected
    {"occurred_at": "2025-01-03T24:00:00Z"},  # rejected
    {"latitude": "", "longitude": ""},
    {"longitude": ""},  # rejected
    {"reliability": "b"},
    {"reliability": "Bogus"},  # the row parser keeps the first letter
    {"reliability": "x"},  # rejected
    {"reliability": ""},  # F
    {"title": "t" * 250},  # cut at 200
    {"title": "  Padded title  ", "actor2": "\tCPC"},  # stripped
    {"title": ""},  # the reference stands in
    {"description": "line one\r\nline two\nline three"},  # libhxl reads '\n' for both
    {"description": "é" * 10000},
    {"description": "é" * 10001},  # cut
    {"location_precision": "0"},  # rejected
    {"killed": "NA", "injured": "2.0"},  # 0, and 2 by the row parser
    {"credibility": "", "date_precision": "0"},  # 6 and 1
    {"credibility": "7"},  # rejected
    {"reported_at": "20 February 2025"},
    {"occurred_until": "2025-01-02"},  # before the start: accepted as it is
    {"occurred_at": "2025-01-03T10:00:00+00:00"},
    {"occurred_at": "2025-01-03T10:00:00+01:00"},  # an offset: the row parser keeps it
    {"source_reference": "", "source": "Radio Ndeke Luka"},
    {"reference": ""},  # rejected
    {"reference": "HXL-0001"},  # repeats the first row
    {"reference": "r" * 70},  # cut at 64
]
HXL_EXTRA = ["notes for people", "another title"]  # an unknown tag, a repeated one
HXL_EXTRA_TAGS = ["#meta+comment", "#event+name"]


def hxl_file(
    tmp_path: Path,
    *,
    layout: str = "export",
    eol: str = "\n",
    edits: list[dict[str, str]] | None = None,
    bom: bool = False,
) -> Path:
    """Our export's header row and hashtag row, plus an untagged, an unknown and a repeated
    column; ``layout``: 'tags-only' (no header row), 'preamble' (a title row first),
    'semicolon' (';' between values)."""
    header = [*HXL_HEADER, *HXL_EXTRA, "untagged"]
    tags = [HXL_TAG[name] for name in HXL_HEADER] + [*HXL_EXTRA_TAGS, ""]
    rows = []
    for n, edit in enumerate(HXL_EDITS if edits is None else edits, start=1):
        row = {**HXL_BASE, "reference": f"HXL-{n:04d}", **edit}
        rows.append([row[c] for c in HXL_HEADER] + [f"comment {n}", "ignored", "x"])
    delim = ";" if layout == "semicolon" else ","
    if layout == "tags-only":
        text = csv_text(tags, rows, eol=eol, delim=delim)
    else:
        text = csv_text(header, [tags, *rows], eol=eol, delim=delim)
    if layout == "preamble":
        text = "Incidents of the month" + "," * (len(header) - 1) + eol + text
    path = tmp_path / "table.hxl.csv"
    path.write_bytes(text.encode("utf-8-sig" if bom else "utf-8"))
    return path


# -- the two paths, row by row ---------------------------------------------------------------

Parse = Callable[[dict[str, Any]], tuple[str, dict[str, Any]]]


def outcome(parse: Parse, row: dict[str, Any]) -> Any:
    try:
        external_id, fields = parse(row)
    except RowRejected as exc:
        return str(exc)
    return external_id, fields, fingerprint(fields)


def row_view(rows: Iterable[tuple[int, dict[str, Any]]], parse: Parse) -> list[tuple[int, Any]]:
    """(line, (id, fields, fingerprint) or the rejection) of each row, by the row parser."""
    return [(line, outcome(parse, row)) for line, row in rows]


def columnar_view(
    items: Iterable[tuple[int, Any, Any]], line_of: Callable[[int], int], parse: Parse
) -> tuple[list[tuple[int, Any]], set[str]]:
    """The same through the columnar reader (as ``run_import`` takes its items), and the ids
    of the rows it parsed in columns."""
    out, plain = [], set()
    for record, row, parsed in items:
        if parsed is None:
            result = outcome(parse, row)
        else:
            result = (parsed[0], parsed[1], fingerprint(parsed[1]))
            plain.add(parsed[0])
        out.append((line_of(record), result))
    return out, plain


@pytest.mark.parametrize(
    ("eol", "blank_line", "bom"),
    [("\n", False, False), ("\r\n", False, True), ("\n", True, False)],
)
def test_acled_rows_read_in_columns_as_the_row_parser_reads_them(
    db, tmp_path, eol, blank_line, bom
):
    path = acled_file(tmp_path, eol=eol, blank_line=blank_line, bom=bom)
    categories = AcledCategories()
    parse: Parse = lambda row: parse_acled_row(row, categories)  # noqa: E731
    expected = row_view(read_csv(path, acled_module.REQUIRED), parse)
    got, plain = columnar_view(
        acled_module.columnar_rows(path, categories), LineNumbers(path), parse
    )
    assert got == expected
    assert len(got) == 23 + len(ACLED_EDITS)
    # the fast path is the common one, and the odd forms leave it
    assert len(plain) >= 30
    assert {"XCAF0001", "XCAF0015", "XEDIT02", "XEDIT03", "XEDIT06", "XEDIT09", "XEDIT10",
            "XEDIT13", "XEDIT15", "XEDIT21", "XEDIT22", "XEDIT27", "XEDIT30"} <= plain  # fmt: skip
    assert not {"XEDIT01", "XEDIT05", "XEDIT11", "XEDIT12", "XEDIT17", "XEDIT24", "XEDIT31"} & plain
    assert "X" * 64 in {r[1][0] for r in got if isinstance(r[1], tuple)} - plain


@pytest.mark.parametrize(
    ("layout", "eol", "bom"),
    [("export", "\n", False), ("export", "\r\n", True), ("tags-only", "\n", False),
     ("tags-only", "\n", True), ("preamble", "\n", False), ("semicolon", "\n", False)],
)  # fmt: skip
def test_hxl_rows_read_in_columns_as_libhxl_and_the_row_parser_read_them(
    db, tmp_path, layout, eol, bom
):
    path = hxl_file(tmp_path, layout=layout, eol=eol, bom=bom)
    categories = AcledCategories()
    parse: Parse = lambda row: parse_hxl_row(row, categories)  # noqa: E731
    expected = row_view(read_hxl(path), parse)
    items, line_of = hxl_module.columnar_rows(path, categories)
    got, plain = columnar_view(items, line_of, parse)
    assert got == expected
    assert len(got) == len(HXL_EDITS)
    assert len(plain) >= 15
    ids = {f"HXL-{n:04d}" for n in (1, 2, 3, 4, 8, 10, 13, 16, 17, 18, 22, 24, 25, 26, 28)}
    assert ids <= plain
    assert not {f"HXL-{n:04d}" for n in (11, 14, 15, 19, 21, 27)} & plain


def test_a_ged_hour_24_is_refused_on_both_paths(db, tmp_path):
    """DuckDB reads '24:00:00' as the next day; the row parser refuses it: so the columnar
    reader leaves it to the row parser."""
    header = list(ged_module.REQUIRED)
    rows = [["1", "1", "1", "2009-02-20 24:00:00", "", "1", "3", "5.4", "26.5", "CAR"],
            ["2", "1", "1", "2009-02-20 23:59:59", "", "1", "3", "5.4", "26.5", "CAR"]]  # fmt: skip
    path = tmp_path / "ged.csv"
    path.write_text(csv_text(header, rows))
    categories = category_ids()
    parse: Parse = lambda row: ged_module.parse_ged_row(row, categories)  # noqa: E731
    expected = row_view(read_csv(path, header), parse)
    assert expected[0][1] == "date_start is not a date: '2009-02-20 24:00:00'"
    got, plain = columnar_view(ged_module.columnar_rows(path, categories), LineNumbers(path), parse)
    assert got == expected and plain == {"2"}


# -- whole imports -------------------------------------------------------------------------


class Paths:
    """Which reader each import of ``module`` used (``row_reader`` calls), and a switch that
    makes the columnar reader decline every file."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, module: ModuleType) -> None:
        self.monkeypatch, self.module, self.row_reads = monkeypatch, module, 0
        original = module.import_in_columns

        def spied(spec: Any, path: Path, columns: Any, row_reader: Any, **kw: Any) -> Any:
            def counted() -> ImportReport:
                self.row_reads += 1
                return row_reader()

            return original(spec, path, columns, counted, **kw)

        monkeypatch.setattr(module, "import_in_columns", spied)

    def rows_only(self) -> None:
        def declined(*args: Any) -> Any:
            raise ColumnarUnavailable("switched off by the test")

        self.monkeypatch.setattr(self.module, "columnar_rows", declined)


def stored(code: str) -> list[tuple[Any, ...]]:
    qs = Incident.objects.filter(mission__code=code).order_by("external_id")
    return list(qs.values_list(*STORED))


def audited(code: str) -> list[Any]:
    entries = AuditEntry.objects.filter(verb="import_incidents", mission__code=code)
    return [entry.after for entry in entries.order_by("pk")]


def rejections(report: ImportReport) -> list[tuple[int, str]]:
    return [(e.line, e.reason) for e in report.rejected]


Importer = Callable[..., ImportReport]
FORMATS: dict[str, tuple[ModuleType, Importer, Callable[[Path], Path]]] = {
    "acled": (acled_module, import_acled, acled_file),
    "hxl": (hxl_module, import_hxl, hxl_file),
}


@pytest.mark.parametrize("kind", FORMATS)
def test_an_import_through_either_path_stores_the_same_and_reimports_nothing(
    db, tmp_path, monkeypatch, kind
):
    module, importer, make = FORMATS[kind]
    path = make(tmp_path)
    paths = Paths(monkeypatch, module)
    progress: dict[str, list[tuple[int, int]]] = {"COLUMNS": [], "ROWS": []}

    def run(code: str, **options: Any) -> ImportReport:
        return importer(
            path,
            mission_code=code,
            on_progress=lambda done, total: progress[code].append((done, total)),
            **options,
        )

    create = {"create_missions": True} if kind == "acled" else {}
    if kind == "hxl":  # HXL tables do not name the host country: the missions exist
        for code in ("COLUMNS", "ROWS"):
            Mission.objects.create(code=code, name=code, host_country="CAF")
    columns = run("COLUMNS", **create)
    assert paths.row_reads == 0
    again = run("COLUMNS")
    assert paths.row_reads == 0
    paths.rows_only()
    rows = run("ROWS", **create)
    assert paths.row_reads == 1

    assert rejections(columns) == rejections(rows) and columns.rejected
    assert columns.counts == rows.counts and columns.rows == rows.rows
    assert stored("COLUMNS") == stored("ROWS") and len(stored("ROWS")) >= 20
    assert audited("COLUMNS")[:1] == audited("ROWS") != []
    assert progress["COLUMNS"][-2:] == [(columns.rows, columns.rows)] * 2  # the import, again
    assert progress["ROWS"][-1] == (rows.rows, rows.rows)
    assert Mission.objects.get(code="COLUMNS").host_country == "CAF"
    # the re-import changed nothing, and said so
    assert again.counts["incidents unchanged"] == len(stored("ROWS"))
    assert not again.counts["incidents created"] and not again.counts["incidents updated"]
    assert rejections(again) == rejections(columns) and len(audited("COLUMNS")) == 1


@pytest.mark.parametrize("kind", FORMATS)
def test_a_preview_through_either_path_says_the_same(db, tmp_path, monkeypatch, kind):
    module, importer, make = FORMATS[kind]
    path = make(tmp_path)
    paths = Paths(monkeypatch, module)
    Mission.objects.create(code="PREVIEW", name="Preview", host_country="CAF")
    columns = importer(path, mission_code="PREVIEW", dry_run=True)
    paths.rows_only()
    rows = importer(path, mission_code="PREVIEW", dry_run=True)
    assert paths.row_reads == 1
    assert columns.as_dict() == rows.as_dict()
    assert not Incident.all_objects.exists()
    if kind == "acled":  # the row in Chad, named by its line
        chad = [line for line, row in read_csv(path, ()) if row["iso"] == "148"]
        assert columns.preview and columns.preview["outside_country"]["lines"] == chad


@pytest.mark.parametrize("kind", FORMATS)
def test_strict_refuses_the_whole_file_on_the_columnar_path(db, tmp_path, monkeypatch, kind):
    module, importer, make = FORMATS[kind]
    paths = Paths(monkeypatch, module)
    Mission.objects.create(code="STRICT", name="Strict", host_country="CAF")
    with pytest.raises(RowsRefused):
        importer(make(tmp_path), mission_code="STRICT", strict=True)
    assert paths.row_reads == 0
    assert not Incident.all_objects.exists() and not IncidentImportBatch.objects.exists()


# -- files the columnar reader leaves to the row reader -----------------------------------------


def same_as_rows_only(
    monkeypatch: pytest.MonkeyPatch, kind: str, path: Path, *, declined: bool = True
) -> tuple[Any, Any]:
    """The outcome of importing ``path`` (report or refusal, and what is stored), then the same
    with the columnar reader switched off; with ``declined``, asserts the first went to the
    row reader."""
    module, importer, _make = FORMATS[kind]
    paths = Paths(monkeypatch, module)

    def attempt(code: str) -> Any:
        Mission.objects.get_or_create(code=code, defaults={"name": code, "host_country": "CAF"})
        try:
            report: Any = rejections(importer(path, mission_code=code))
        except ImportFailed as exc:
            report = str(exc)
        return report, [row[1:] for row in stored(code)]

    first = attempt("FIRST")
    assert paths.row_reads == (1 if declined else 0)  # the columnar reader declined the file
    paths.rows_only()
    return first, attempt("SECOND")


def test_a_cut_off_acled_file_is_refused_by_the_row_reader(db, tmp_path, monkeypatch):
    text = acled_file(tmp_path).read_text()
    path = tmp_path / "cut.csv"
    path.write_text(text[: text.index("XCAF0005") + 40])  # the last row ends mid-value
    first, second = same_as_rows_only(monkeypatch, "acled", path)
    assert first == second and "truncated" in first[0] and first[1] == []


def test_an_acled_row_with_an_extra_cell_is_read_by_the_row_reader(db, tmp_path, monkeypatch):
    text = acled_file(tmp_path).read_text().splitlines(keepends=True)
    text[3] = text[3].rstrip("\n") + ",one cell too many\n"
    path = tmp_path / "wide.csv"
    path.write_text("".join(text))
    first, second = same_as_rows_only(monkeypatch, "acled", path)
    assert first == second and len(first[1]) >= 30


@pytest.mark.parametrize("kind", FORMATS)
@pytest.mark.parametrize("bad", ["Mbaïki".encode("latin-1"), b"Mba\x00ki"])
def test_bad_bytes_and_nul_bytes_are_left_to_the_row_reader(db, tmp_path, monkeypatch, kind, bad):
    """Refused as the row reader refuses them: ACLED's header check reads the file's start, so
    bad UTF-8 there is refused before DuckDB runs; libhxl reads bad bytes as U+FFFD."""
    path = tmp_path / "bad.csv"
    path.write_bytes(FORMATS[kind][2](tmp_path).read_bytes().replace(b"Bossangoa", bad, 1))
    declined = kind == "hxl" or b"\x00" in bad
    first, second = same_as_rows_only(monkeypatch, kind, path, declined=declined)
    assert first == second
    assert (first[1] == []) == (kind == "acled" or b"\x00" in bad)


def test_a_field_longer_than_python_csv_reads_goes_to_the_row_reader(db, tmp_path, monkeypatch):
    limit = csv.field_size_limit()
    path = acled_file(tmp_path)
    try:
        csv.field_size_limit(5000)  # the notes below are longer than the csv module reads
        path.write_text(path.read_text().replace("the second", "n" * 6000))
        first, second = same_as_rows_only(monkeypatch, "acled", path)
    finally:
        csv.field_size_limit(limit)
    assert first == second and "field larger than field limit" in first[0]


@pytest.mark.parametrize(
    "case", ["blank line", "carriage return", "extra cell", "header over two lines", "no tags"]
)
def test_hxl_files_duckdb_would_read_otherwise_go_to_libhxl(db, tmp_path, monkeypatch, case):
    path = hxl_file(tmp_path)
    lines = path.read_text().splitlines(keepends=True)
    if case == "blank line":  # libhxl reads an empty row (rejected), DuckDB skips it
        lines.insert(5, "\n")
    elif case == "carriage return":  # a '\r' alone in a value
        lines[3] = lines[3].replace("Clash at Bossangoa", '"Clash at\rBossangoa"')
    elif case == "extra cell":
        lines[3] = lines[3].rstrip("\n") + ",one more\n"
    elif case == "header over two lines":
        lines[0] = '"refer\nence"' + lines[0][len("reference") :]
    else:
        lines.pop(1)
    path.write_text("".join(lines), newline="")
    first, second = same_as_rows_only(monkeypatch, "hxl", path)
    assert first == second
    if case == "no tags":
        assert "is not an HXL-tagged table" in first[0]
    elif case == "blank line":
        assert (6, "#event+code is empty") in first[0]


def test_a_failure_part_way_removes_what_was_written_before_the_row_reader_runs(
    db, tmp_path, monkeypatch
):
    """DuckDB may stop on a bad row after batches were written: they are removed, and the row
    reader imports (or refuses) the file as if the columnar reader had never run."""
    header, sample = acled_sample()
    rows = [{**sample[n % 14], "event_id_cnty": f"BULK{n:05d}"} for n in range(6200)]
    path = tmp_path / "bulk.csv"
    path.write_text(csv_text(header, ([r[c] for c in header] for r in rows)))
    original = columnar.Query.rows
    writes: list[int] = []

    def failing(self: columnar.Query) -> Iterator[Any]:
        for n, item in enumerate(original(self)):
            if n == 6000:
                writes.append(Incident.all_objects.count())
                raise ColumnarUnavailable("a bad row late in the file")
            yield item

    monkeypatch.setattr(columnar.Query, "rows", failing)
    paths = Paths(monkeypatch, acled_module)
    report = import_acled(path, mission_code="BULK", create_missions=True)
    assert writes == [5000] and paths.row_reads == 1
    assert report.counts["incidents created"] == 6200 and report.counts["missions created"] == 1
    assert Incident.all_objects.count() == Incident.objects.count() == 6200
    assert not IncidentImportBatch.objects.exists() and len(audited("BULK")) == 1


# -- the page: preview and background job ---------------------------------------------------------


@pytest.mark.parametrize("kind", FORMATS)
def test_the_pages_preview_and_background_job_read_in_columns(
    db, tmp_path, monkeypatch, settings, make_user, kind
):
    settings.TASKS = IMMEDIATE
    settings.DATA_DIR = tmp_path / "data"
    mission = Mission.objects.create(code="PAGES", name="Pages", host_country="CAF")
    path = FORMATS[kind][2](tmp_path)
    expected = rejections(FORMATS[kind][1](path, mission_code="PAGES", dry_run=True))
    queries = []
    original = columnar.Query.rows

    def counted(self: columnar.Query) -> Iterator[Any]:
        queries.append(self)
        yield from original(self)

    monkeypatch.setattr(columnar.Query, "rows", counted)
    client = Client()
    client.force_login(make_user("joc-officer", mission))
    url = reverse("mission-incident-import", kwargs={"code": "PAGES"})
    upload = SimpleUploadedFile("events.csv", path.read_bytes(), content_type="text/csv")
    assert client.post(url, {"kind": FORMATS[kind][0].DATASET, "file": upload}).status_code == 200
    job = ImportJob.objects.get(status=JobStatus.PREVIEW)
    assert [(r["line"], r["reason"]) for r in job.report["rejected"]] == expected
    client.post(url, {"decision": "confirm", "job": job.pk})
    job.refresh_from_db()
    assert job.status == JobStatus.DONE, job.error
    assert [(r["line"], r["reason"]) for r in job.report["rejected"]] == expected
    assert len(queries) == 2  # the preview and the job
    assert job.rows_done == job.rows_total == len(expected) + len(job.created_ids)
    assert Incident.objects.filter(mission=mission).count() == len(job.created_ids)


def test_dates_in_the_plain_forms_are_utc(db, tmp_path):
    path = hxl_file(tmp_path, edits=[{"occurred_at": "2025-01-03T10:00:00Z"}])
    items, _line_of = hxl_module.columnar_rows(path, AcledCategories())
    (_record, _row, parsed), *_ = list(items)
    assert parsed[1]["occurred_at"] == datetime.datetime(2025, 1, 3, 10, tzinfo=datetime.UTC)
