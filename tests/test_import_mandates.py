"""TAMM and strength importers on the real files in ../shared/data (Lloyd 2021; the
authorised-vs-deployed research dataset), and the mandate-resource gap on their data."""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from pathlib import Path

import pytest
from django.core.management import call_command
from tests.conftest import skip_or_fail

from bluehelmet.core import models as core
from bluehelmet.doctrine.models import TaskType
from bluehelmet.interop.importers.base import mission_code
from bluehelmet.interop.importers.strength import import_strength
from bluehelmet.interop.importers.tamm import import_tamm
from bluehelmet.mandates.gap import Thresholds, gap_flags, gap_series
from bluehelmet.mandates.models import AuthorisedStrength, DeployedStrength, Mandate

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "peacekeeping"
TAMM = DATA / "tamm_v2_1_mission_month.csv"
STRENGTH = DATA / "personnel_shortfall_mission_month.csv"


@pytest.fixture(autouse=True)
def shared_data() -> None:
    if not TAMM.exists():
        skip_or_fail(f"{TAMM} is not there")


def _tamm_rows() -> dict[str, list[dict[str, str]]]:
    rows: dict[str, list[dict[str, str]]] = defaultdict(list)
    with TAMM.open() as handle:
        for row in csv.DictReader(handle):
            rows[mission_code(row["mission"])].append(row)
    return rows


@pytest.fixture
def tamm(db):
    return import_tamm(TAMM)


def test_tamm_yields_all_72_missions_with_their_resolutions(tamm):
    file_rows = _tamm_rows()
    assert len(file_rows) == 72 and not tamm.rejected
    assert set(core.Mission.objects.values_list("code", flat=True)) == set(file_rows)
    for code in ["UNMISS", "MINUSCA", "UNTSO", "UNOSOM-II", "MONUSCO", "UNFICYP", "UNIFIL"]:
        expected = {int(n) for r in file_rows[code] for n in r["unsc_resolution"].split("/")}
        got = {
            n for m in Mandate.objects.filter(mission__code=code) for n in m.resolution_numbers()
        }
        assert got == expected, code


def test_tamm_keeps_mandates_resting_on_other_documents(tamm):
    unmik = set(
        Mandate.objects.filter(mission__code="UNMIK").values_list("basis_reference", flat=True)
    )
    assert "S/2008/354" in unmik
    unsf = Mandate.objects.get(mission__code="UNSF")
    assert unsf.resolution is None and unsf.basis_reference == "A/RES/1752 (General Assembly)"


@pytest.mark.parametrize("code", ["UNMISS", "MINUSCA", "UNAMID", "UNTSO", "BINUB", "UNEF-I"])
def test_tamm_task_sets_match_the_file_month_by_month(tamm, code):
    flags = dict(TaskType.objects.exclude(tamm_flag="").values_list("tamm_flag", "code"))
    mandates = list(Mandate.objects.filter(mission__code=code).prefetch_related("tasks__task_type"))
    for row in _tamm_rows()[code]:
        day = f"{int(row['year']):04d}-{int(row['month']):02d}-15"
        in_force = [m for m in mandates if str(m.effective_from) <= day <= str(m.effective_to)]
        assert len(in_force) == 1, (code, day)
        expected = {flags[c] for c in flags if row[c] == "1"}
        assert {t.task_type.code for t in in_force[0].tasks.all()} == expected, (code, day)
        assert in_force[0].chapter_vii == (row["ch7"] == "1")


def test_tamm_mission_types_and_versions_are_sensible(tamm):
    assert core.Mission.objects.get(code="UNTSO").mission_type == "traditional"
    assert core.Mission.objects.get(code="MINUSCA").mission_type == "multidimensional"
    minusca = Mandate.objects.filter(mission__code="MINUSCA").order_by("version")
    assert minusca[0].chapter_vii and minusca[0].diff["tasks_removed"] == []
    assert all(v.version == i + 1 for i, v in enumerate(minusca))


def test_tamm_reimport_changes_nothing(tamm):
    ids = sorted(Mandate.objects.values_list("id", flat=True))
    audit = core.AuditEntry.objects.count()
    again = import_tamm(TAMM)
    assert not again.changed and not again.rejected
    assert sorted(Mandate.objects.values_list("id", flat=True)) == ids
    assert core.AuditEntry.objects.count() == audit


def test_strength_yields_71_series_with_the_files_totals(db):
    report = import_strength(STRENGTH)
    assert not report.rejected
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    with STRENGTH.open() as handle:
        for row in csv.DictReader(handle):
            t = totals[mission_code(row["mission"])]
            t[0] += 1
            for i, col in enumerate(("troop", "police", "milobs"), start=1):
                t[i] += round(float(row[col])) if row[col] else 0
    assert len(totals) == 71
    for code, (months, troops, police, milobs) in totals.items():
        qs = DeployedStrength.objects.filter(mission__code=code)
        assert qs.count() == months, code
        got = [
            sum(getattr(d, f) or 0 for d in qs) for f in ("troops", "police", "military_observers")
        ]
        assert got == [troops, police, milobs], code
    assert AuthorisedStrength.objects.filter(mission__code="UNAMID").exists()


def test_strength_reimport_changes_nothing(db):
    import_strength(STRENGTH)
    audit = core.AuditEntry.objects.count()
    again = import_strength(STRENGTH)
    assert not again.changed and core.AuditEntry.objects.count() == audit


def test_gap_flags_unamid_troop_shortfall_end_to_end(db):
    """A reader of the file sees UNAMID with far fewer troops than authorised from its first
    month (Sept 2008: 8,287 of 19,195) until Dec 2009 (15,114, 79%); Jan 2010 crosses 80%."""
    import_tamm(TAMM)
    import_strength(STRENGTH)
    unamid = core.Mission.objects.get(code="UNAMID")
    flags = [f for f in gap_flags(gap_series(unamid), Thresholds(0.8, 3)) if f.category == "troops"]
    first = flags[0]
    assert (str(first.start), str(first.end), first.months) == ("2008-09-01", "2009-12-01", 16)
    assert first.lowest_ratio == pytest.approx(8287 / 19195, abs=1e-3)
    assert first.explanation.startswith("Chapter VII protection-of-civilians mandate")
    assert "16 months" in first.explanation


def test_gap_api_with_thresholds(db, make_user):
    from rest_framework.test import APIClient

    import_strength(STRENGTH)
    client = APIClient()
    client.force_authenticate(make_user("hq-planner"))
    body = client.get("/api/missions/UNAMID/gap/?ratio=0.5&min_months=2").json()
    assert body["thresholds"] == {"ratio": 0.5, "min_months": 2}
    assert body["flags"] and all(f["lowest_ratio"] < 0.5 for f in body["flags"])
    assert client.get("/api/missions/UNAMID/gap/?ratio=abc").status_code == 400
    assert client.get("/api/missions/UNAMID/gap/?ratio=3").status_code == 400


def test_import_command_reports_bad_rows_with_line_numbers(db, tmp_path):
    bad = tmp_path / "strength.csv"
    header = STRENGTH.open().readline()
    good = STRENGTH.open().readlines()[1]
    bad.write_text(
        header + good + good.replace("BINUB", "") + good.replace(",2007,1,", ",2007,13,")
    )
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(SystemExit) as exit_:
        call_command("import", "strength", str(bad), stdout=out, stderr=err)
    assert exit_.value.code == 3
    text = err.getvalue()
    assert "line 3: mission is empty" in text and "line 4: no such month 2007-13" in text
    assert DeployedStrength.objects.filter(mission__code="BINUB").count() == 1


def test_import_command_strict_writes_nothing(db, tmp_path):
    bad = tmp_path / "strength.csv"
    lines = STRENGTH.open().readlines()
    bad.write_text(lines[0] + lines[1] + lines[2].replace("BINUB", ""))
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="--strict: nothing was imported"):
        call_command(
            "import", "strength", str(bad), "--strict", stdout=io.StringIO(), stderr=io.StringIO()
        )
    assert not DeployedStrength.objects.exists() and not core.Mission.objects.exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("a,b\n1,2\n", "lacks the columns"),
        (b"\xff\xfe\x00garbage", "not a UTF-8 CSV"),
    ],
)
def test_import_command_refuses_bad_files(db, tmp_path, content, message):
    from django.core.management import CommandError

    path = tmp_path / "bad.csv"
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    with pytest.raises(CommandError, match=message):
        call_command("import", "tamm", str(path), stdout=io.StringIO())


def test_import_command_json_and_missing_file(db, tmp_path):
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="No such file"):
        call_command("import", "tamm", str(tmp_path / "nope.csv"))
    out = io.StringIO()
    call_command("import", "strength", str(STRENGTH), "--json", stdout=out)
    report = json.loads(out.getvalue())
    assert report["rows"] == 4833 and report["counts"]["missions created"] == 71
