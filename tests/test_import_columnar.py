"""The columnar GED reader (issue 12): the same fields, rejections and line numbers as the row
parser, on the real file and on rows built to take each branch."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import skip_or_fail

from bluehelmet.core.models import Mission
from bluehelmet.interop.importers import ged as ged_module
from bluehelmet.interop.importers.base import read_csv
from bluehelmet.interop.importers.columnar import LineNumbers
from bluehelmet.interop.importers.ged import REQUIRED, columnar_rows, import_ged, parse_ged_row
from bluehelmet.interop.importers.incidents import RowRejected, category_ids
from bluehelmet.operations.models import Incident

GED = Path(__file__).resolve().parents[2] / "shared" / "data" / "ucdp"
GED = GED / "ged_v23_1_central_african_republic.csv"
COMPARED = ("external_id", "title", "description", "occurred_at", "occurred_until", "killed",
            "killed_low", "killed_high", "latitude", "longitude", "admin1", "actor1",
            "credibility", "import_hash", "h3_r7", "category_id")  # fmt: skip


@pytest.fixture
def ged_file() -> Path:
    if not GED.exists():
        skip_or_fail(f"{GED} is not there")
    return GED


def row_parser_view(path: Path, categories: dict[str, int]) -> list[tuple[int, Any]]:
    """(line, fields or the rejection) of every record, by the row parser."""
    out: list[tuple[int, Any]] = []
    for line, row in read_csv(path, REQUIRED):
        try:
            out.append((line, parse_ged_row(row, categories)))
        except RowRejected as exc:
            out.append((line, str(exc)))
    return out


def test_every_plain_row_of_the_real_file_reads_as_the_row_parser_reads_it(db, ged_file):
    categories = category_ids()
    expected = row_parser_view(ged_file, categories)
    got = list(columnar_rows(ged_file, categories))
    lines = LineNumbers(ged_file)
    assert len(got) == len(expected) == 1848
    plain = 0
    for (line, want), (record, _row, parsed) in zip(expected, got, strict=True):
        assert lines(record) == line
        if parsed is not None:
            plain += 1
            assert parsed == want
    assert plain >= 1800  # the fast path is the common one


def edited_file(path: Path, tmp_path: Path, edits: dict[int, dict[str, str]]) -> Path:
    """The first rows of ``path`` with some cells changed (row index -> column -> value)."""
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        rows = [row for _i, row in zip(range(12), reader, strict=False)]
        header = list(reader.fieldnames or [])
    for index, cells in edits.items():
        rows[index].update(cells)
    out = io.StringIO()
    writer = csv.DictWriter(out, header, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    target = tmp_path / "ged_edited.csv"
    target.write_text(out.getvalue(), encoding="utf-8")
    return target


EDITS = {
    0: {"best": "12.0", "where_description": "a place\nover two lines"},  # Python path, valid
    1: {"date_start": "2009-02-30"},  # no such day
    2: {"type_of_violence": "7"},
    3: {"side_a": "  Séléka  "},  # blanks stripped by the row parser
    4: {"date_end": "2000-01-01"},  # before the start
    5: {"latitude": "95.5"},
    6: {"low": "NA", "high": "NA", "deaths_civilians": "."},
    7: {"date_start": "2009-02-20 00:00:00.000"},
    8: {"best": "-4"},
    9: {"id": "abc"},
}


def test_odd_rows_take_the_row_parser_and_say_the_same(db, ged_file, tmp_path):
    categories = category_ids()
    path = edited_file(ged_file, tmp_path, EDITS)
    expected = row_parser_view(path, categories)
    lines = LineNumbers(path)
    for (line, want), (record, row, parsed) in zip(
        expected, columnar_rows(path, categories), strict=True
    ):
        assert lines(record) == line
        if parsed is None:  # what ``run_import`` does with it
            try:
                parsed = parse_ged_row(row, categories)
            except RowRejected as exc:
                parsed = str(exc)
        assert parsed == want


def test_an_import_through_either_path_stores_the_same_incidents(
    db, ged_file, tmp_path, monkeypatch
):
    path = edited_file(ged_file, tmp_path, EDITS)
    columnar = import_ged(path, mission_code="COLUMNS", create_missions=True)
    monkeypatch.setattr(ged_module, "has_nul", lambda _path: True)  # forces the row reader
    rows = import_ged(path, mission_code="ROWS", create_missions=True)
    assert [(e.line, e.reason) for e in columnar.rejected] == [
        (e.line, e.reason) for e in rows.rejected
    ]
    assert {e.line for e in columnar.rejected} == {
        4,
        5,
        7,
        8,
        11,
        12,
    }  # the first row spans 2 lines
    assert columnar.counts == rows.counts

    def stored(code: str) -> list[tuple[Any, ...]]:
        qs = Incident.objects.filter(mission__code=code).order_by("external_id")
        return list(qs.values_list(*COMPARED))

    assert stored("COLUMNS") == stored("ROWS") and len(stored("ROWS")) == 6
    again = import_ged(path, mission_code="COLUMNS")
    assert again.counts["incidents unchanged"] == 6 and not again.counts["incidents created"]


def test_a_file_duckdb_cannot_read_goes_to_the_row_reader(db, ged_file, tmp_path):
    text = ged_file.read_text(encoding="utf-8").splitlines(keepends=True)
    path = tmp_path / "cut.csv"
    path.write_text("".join(text[:6]) + text[6][:40], encoding="utf-8")  # last row cut off
    Mission.objects.create(code="CUT", name="Cut", host_country="CAF")
    with pytest.raises(Exception, match="truncated"):
        import_ged(path, mission_code="CUT")
    assert not Incident.all_objects.filter(mission__code="CUT").exists()
