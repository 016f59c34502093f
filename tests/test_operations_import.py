"""Incident importers: the real UCDP GED file for the Central African Republic (GED 23.1,
Davies, Pettersson & Öberg 2023; CC BY 4.0) and ACLED-format rows written for these tests."""

from __future__ import annotations

import csv
import io
from collections import Counter
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count, Sum
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.conftest import skip_or_fail

from bluehelmet.core.models import AuditEntry, Mission
from bluehelmet.interop.importers import incidents as machinery
from bluehelmet.interop.importers.acled import import_acled
from bluehelmet.interop.importers.base import ImportFailed
from bluehelmet.interop.importers.ged import REQUIRED, import_ged, parse_ged_row
from bluehelmet.interop.importers.incidents import RowRejected
from bluehelmet.operations.catalogue import CATEGORIES
from bluehelmet.operations.models import Incident, IncidentSource

GED = Path(__file__).resolve().parents[2] / "shared" / "data" / "ucdp"
GED = GED / "ged_v23_1_central_african_republic.csv"
ACLED = Path(__file__).resolve().parent / "fixtures" / "acled_sample.csv"

needs_ged = pytest.mark.usefixtures("ged_file")


@pytest.fixture
def ged_file() -> Path:
    if not GED.exists():
        skip_or_fail(f"{GED} is not there")
    return GED


def ged_rows() -> list[dict[str, str]]:
    with GED.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture
def car(db):
    report = import_ged(GED, mission_code="MINUSCA", create_missions=True)
    return report


@needs_ged
def test_ged_file_imports_completely_with_the_files_deaths_by_year(car):
    rows = ged_rows()
    assert car.rows == len(rows) == 1848 and not car.rejected
    assert car.counts["incidents created"] == 1848
    mission = Mission.objects.get(code="MINUSCA")
    assert mission.host_country == "CAF"
    qs = Incident.objects.filter(mission=mission)
    expected_deaths, expected_events = Counter(), Counter()
    for row in rows:
        expected_deaths[int(row["year"])] += int(row["best"])
        expected_events[int(row["year"])] += 1
    got = {
        r["occurred_at__year"]: (r["n"], r["deaths"])
        for r in qs.values("occurred_at__year").annotate(n=Count("id"), deaths=Sum("killed"))
    }
    assert got == {y: (expected_events[y], expected_deaths[y]) for y in expected_events}
    civilians = sum(int(r["deaths_civilians"]) for r in rows)
    assert qs.aggregate(c=Sum("civilians_killed"))["c"] == civilians


@needs_ged
def test_ged_precision_ids_and_types_are_kept(car):
    rows = {r["id"]: r for r in ged_rows()}
    stored = {i.external_id: i for i in Incident.objects.select_related("category")}
    assert set(stored) == set(rows)
    for gid, row in rows.items():
        incident = stored[gid]
        assert incident.date_precision == int(row["date_prec"]), gid
        assert incident.location_precision == int(row["where_prec"]), gid
        assert incident.category.ged_type_of_violence == int(row["type_of_violence"]), gid
        assert incident.occurred_at.date().isoformat() == row["date_start"][:10], gid
        assert incident.occurred_until.date().isoformat() == row["date_end"][:10], gid
        figures = [int(row["best"]), int(row["low"]), int(row["high"])]
        # UCDP's range as given, widened where the file's best estimate lies outside it
        assert (incident.killed_low, incident.killed_high) == (min(figures), max(figures)), gid
    assert all(i.h3_r5 and i.h3_r7 for i in stored.values())


@needs_ged
def test_ged_reimport_changes_nothing(car):
    snapshot = list(Incident.objects.order_by("pk").values_list("pk", "updated_at", "import_hash"))
    audit = AuditEntry.objects.count()
    again = import_ged(GED, mission_code="minusca")
    assert again.counts["incidents unchanged"] == 1848 and not again.changed
    assert list(Incident.objects.order_by("pk").values_list("pk", "updated_at", "import_hash")) == (
        snapshot
    )
    assert AuditEntry.objects.count() == audit
    assert IncidentSource.objects.filter(name="UCDP GED").count() == 1


@needs_ged
def test_ged_reimport_keeps_local_edits_and_applies_source_corrections(car, tmp_path):
    first = Incident.objects.get(external_id="36210")
    first.verification_status = "verified"
    first.save()
    rows = ged_rows()
    rows[0]["best"] = "5"  # a corrected figure in a later GED release
    path = tmp_path / "ged.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    report = import_ged(path, mission_code="MINUSCA")
    assert report.counts["incidents updated"] == 1 and report.counts["incidents unchanged"] == 1847
    first.refresh_from_db()
    assert first.killed == 5 and first.verification_status == "verified"


def broken_ged(tmp_path: Path) -> Path:
    lines = GED.read_text(encoding="utf-8").splitlines(keepends=True)
    header, good = lines[0], lines[1:6]
    bad = [
        good[0].replace("2009-02-20T00:00:00,2009-02-20", "2009-02-30T00:00:00,2009-02-20", 1),
        good[1].replace("36211,0,2009,1,Clear,1,", "36299,0,2009,1,Clear,7,", 1),
        good[0],  # the same GED id again
    ]
    path = tmp_path / "ged_broken.csv"
    path.write_text(header + "".join(good) + "".join(bad), encoding="utf-8")
    return path


@needs_ged
def test_broken_rows_are_listed_and_the_good_ones_imported(db, tmp_path):
    Mission.objects.create(
        code="MINUSCA", name="MINUSCA", host_country="CAF", mission_type="multidimensional"
    )
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(SystemExit) as exit_:
        call_command(
            "import",
            "ucdp-ged",
            str(broken_ged(tmp_path)),
            "--mission",
            "MINUSCA",
            stdout=out,
            stderr=err,
        )
    assert exit_.value.code == 3
    text = err.getvalue()
    assert "line 7: date_start is not a date" in text
    assert "line 8: type_of_violence must be 1-3, not 7" in text
    assert "line 9: id 36210 repeats line 2" in text
    assert Incident.objects.count() == 5 and "incidents created: 5" in out.getvalue()


@needs_ged
def test_a_failure_half_way_leaves_nothing(db, tmp_path, monkeypatch):
    monkeypatch.setattr(machinery, "BATCH_SIZE", 10)  # several batches are written before it
    data = GED.read_bytes().splitlines(keepends=True)
    path = tmp_path / "ged_cut.csv"
    path.write_bytes(b"".join(data[:60]) + b"\xff\xfe broken bytes\n" + b"".join(data[60:80]))
    with pytest.raises(CommandError, match=r"not a UTF-8|line"):
        call_command(
            "import",
            "ucdp-ged",
            str(path),
            "--mission",
            "MINUSCA",
            "--create",
            stdout=io.StringIO(),
        )
    assert not Incident.objects.exists() and not Mission.objects.filter(code="MINUSCA").exists()


@needs_ged
def test_import_command_mission_options(db):
    with pytest.raises(CommandError, match="Unknown mission MINUSCA; add --create"):
        call_command("import", "ucdp-ged", str(GED), "--mission", "MINUSCA", stdout=io.StringIO())
    with pytest.raises(CommandError, match="--mission CODE"):
        call_command("import", "ucdp-ged", str(GED), stdout=io.StringIO())
    with pytest.raises(CommandError, match="--mission does not apply"):
        call_command("import", "tamm", str(GED), "--mission", "X", stdout=io.StringIO())
    out = io.StringIO()
    call_command("import", "ucdp-ged", str(GED), "--mission", "minusca", "--create", stdout=out)
    assert "incidents created: 1848" in out.getvalue()
    assert Mission.objects.get(code="MINUSCA").host_country_name == "Central African Republic"


GED_VALUES = st.one_of(
    st.text(max_size=12),
    st.sampled_from(
        [
            "",
            "1",
            "3",
            "7",
            "-1",
            "0.5",
            "1e400",
            "nan",
            "NA",
            "2009-02-20",
            "2009-02-20T00:00:00",
            "2009-13-01",
            "4.5",
            "200",
            "  12  ",
        ]
    ),
    st.integers(-10, 10**6).map(str),
    st.floats(allow_nan=True).map(str),
)


@given(
    st.fixed_dictionaries(
        dict.fromkeys(REQUIRED, GED_VALUES),
        optional={
            c: GED_VALUES | st.none()
            for c in (
                "low",
                "high",
                "event_clarity",
                "deaths_civilians",
                "side_a",
                "adm_1",
                "dyad_name",
            )
        },
    )
)
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_ged_row_parser_raises_only_row_rejected(row):
    categories = {spec.code: n for n, spec in enumerate(CATEGORIES, start=1)}
    try:
        external_id, fields = parse_ged_row(row, categories)
    except RowRejected:
        return
    assert external_id.isdigit() and fields["killed"] >= 0
    assert fields["occurred_at"].tzinfo is not None and 1 <= fields["date_precision"] <= 5


def test_acled_fixture_imports_good_rows_and_lists_bad_ones(db):
    report = import_acled(ACLED, mission_code="UNACLED", create_missions=True)
    assert report.rows == 23 and report.counts["incidents created"] == 18
    assert [(e.line, e.reason.split(":")[0]) for e in report.rejected] == [
        (20, "event_date is not a date"),
        (21, "unknown ACLED event type 'Battles' / 'Ambush'"),
        (22, "fatalities must be a whole number from 0 to 1000000000"),
        (23, "coordinates out of range"),
        (24, "id XCAF0003 repeats line 4"),
    ]
    assert Mission.objects.get(code="UNACLED").host_country == "CAF"
    by_id = {i.external_id: i for i in Incident.objects.select_related("category")}
    expected = {
        "XCAF0001": "clash-state",
        "XCAF0003": "clash-non-state",
        "XCAF0004": "attack-un-personnel",
        "XCAF0005": "explosive-hazard",
        "XCAF0008": "abduction",
        "XCAF0009": "sexual-violence",
        "XCAF0012": "territory-change",
        "XCAF0015": "attack-civilians",
    }
    assert {k: by_id[k].category.code for k in expected} == expected
    assert by_id["XCAF0002"].civilians_killed == 3 and by_id["XCAF0001"].civilians_killed == 0
    assert by_id["XCAF0005"].date_precision == 3 and by_id["XCAF0010"].date_precision == 4
    assert by_id["XCAF0010"].location_precision == 4
    assert by_id["XCAF0015"].occurred_at.date().isoformat() == "2023-02-14"


def test_acled_reimport_changes_nothing(db):
    import_acled(ACLED, mission_code="UNACLED", create_missions=True)
    again = import_acled(ACLED, mission_code="UNACLED")
    assert again.counts["incidents unchanged"] == 18 and not again.changed


def test_acled_file_without_its_columns_is_refused(db, tmp_path):
    path = tmp_path / "notacled.csv"
    path.write_text("a,b\n1,2\n")
    with pytest.raises(ImportFailed, match="lacks the columns"):
        import_acled(path, mission_code="UNACLED", create_missions=True)
