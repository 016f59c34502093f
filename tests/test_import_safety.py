"""Incident imports (issue 11): a re-import changes only what the uploader may change, every
change keeps its before/after in the audit log, and bad files are reported precisely (NUL
bytes, a truncated last line, dates outside 1900-2100, UCDP's incoherent fatality ranges).

Rows come from the real UCDP GED 23.1 file for the Central African Republic (Davies, Pettersson
& Öberg 2023; CC BY 4.0), written to small files under ``tmp_path``."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from tests.conftest import skip_or_fail

from bluehelmet.core.models import AuditEntry, Mission
from bluehelmet.core.permissions import Sensitivity
from bluehelmet.interop.importers.base import ImportFailed
from bluehelmet.interop.importers.ged import import_ged
from bluehelmet.interop.models import ImportJob
from bluehelmet.operations.models import Incident

GED = (
    Path(__file__).resolve().parents[2] / "shared/data/ucdp/ged_v23_1_central_african_republic.csv"
)
OUT_OF_REACH = "an existing record with this id is outside what you may change"
HIDDEN_ID = "36210"  # the file's first row


@pytest.fixture
def ged_rows() -> list[dict[str, str]]:
    if not GED.exists():
        skip_or_fail(f"{GED} is not there")
    with GED.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def write(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def altered(row: dict[str, str]) -> dict[str, str]:
    """The same GED id with other values, as a hostile or careless re-import would carry."""
    return {
        **row,
        "where_description": "Overwritten description",
        "source_article": "Overwritten source",
        "best": "99",
        "low": "99",
        "high": "99",
    }


@pytest.fixture
def hidden(ged_rows: list[dict[str, str]], tmp_path: Path, db: Any) -> Incident:
    """Three real events imported by the system; the first made strictly confidential."""
    import_ged(
        write(tmp_path / "first.csv", ged_rows[:3]), mission_code="MINUSCA", create_missions=True
    )
    incident = Incident.objects.get(external_id=HIDDEN_ID)
    incident.sensitivity = Sensitivity.STRICTLY_CONFIDENTIAL
    incident.save()
    return incident


def audit_of(incident: Incident) -> Any:
    kind = ContentType.objects.get_for_model(Incident)
    return AuditEntry.objects.filter(content_type=kind, object_id=str(incident.pk))


def stored(incident: Incident) -> tuple[Any, ...]:
    incident.refresh_from_db()
    return incident.description, incident.source_reference, incident.killed, incident.updated_at


def rejected(report: Any) -> list[tuple[int, str]]:
    return [(e.line, e.reason) for e in report.rejected]


# -- who may overwrite --------------------------------------------------------------------


@pytest.mark.parametrize("role", ["component-staff", "joc-officer"])
def test_a_user_who_may_not_change_the_record_leaves_it_as_it_was(
    hidden, ged_rows, tmp_path, make_user, role
):
    """Add-only at the lowest clearance, or change rights below strictly confidential."""
    mission = Mission.objects.get(code="MINUSCA")
    user = make_user(role, mission)
    before = stored(hidden)
    audit = audit_of(hidden).count()
    rows = [altered(ged_rows[0]), ged_rows[1], ged_rows[3]]  # hidden, already there, new
    report = import_ged(
        write(tmp_path / "again.csv", rows), mission_code="MINUSCA", acting_user=user
    )
    assert stored(hidden) == before
    assert rejected(report) == [(2, OUT_OF_REACH)]
    assert report.counts["incidents created"] == 1 and report.counts["incidents unchanged"] == 1
    assert Incident.objects.filter(external_id=ged_rows[3]["id"]).exists()
    assert audit_of(hidden).count() == audit


def test_the_refusal_says_nothing_of_the_hidden_record(hidden, ged_rows, tmp_path, make_user):
    """A row equal to the hidden record is refused like any other, not reported "unchanged":
    otherwise an uploader could test guesses of its content."""
    user = make_user("component-staff", Mission.objects.get(code="MINUSCA"))
    report = import_ged(
        write(tmp_path / "same.csv", ged_rows[:1]), mission_code="MINUSCA", acting_user=user
    )
    assert rejected(report) == [(2, OUT_OF_REACH)] and not report.counts["incidents unchanged"]


def test_the_cli_as_a_user_lists_the_refused_row(hidden, ged_rows, tmp_path, make_user):
    user = make_user("component-staff", Mission.objects.get(code="MINUSCA"))
    path = write(tmp_path / "again.csv", [altered(ged_rows[0]), ged_rows[3]])
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(SystemExit) as exit_:
        call_command(
            "import", "ucdp-ged", str(path), "--mission", "MINUSCA", "--as", user.username,
            stdout=out, stderr=err,
        )  # fmt: skip
    assert exit_.value.code == 3
    assert f"line 2: {OUT_OF_REACH}" in err.getvalue() and "incidents created: 1" in out.getvalue()
    assert hidden.description == Incident.objects.get(pk=hidden.pk).description


def test_a_user_who_may_change_it_updates_it_and_the_audit_keeps_before_and_after(
    hidden, ged_rows, tmp_path, make_user
):
    user = make_user("head-of-mission", Mission.objects.get(code="MINUSCA"))
    old_description, old_source, old_killed, _ = stored(hidden)
    report = import_ged(
        write(tmp_path / "again.csv", [altered(ged_rows[0])]),
        mission_code="MINUSCA",
        acting_user=user,
    )
    assert not report.rejected and report.counts["incidents updated"] == 1
    hidden.refresh_from_db()
    assert (hidden.killed, hidden.source_reference) == (99, "Overwritten source")
    entry = audit_of(hidden).get(action="update", actor=user)
    assert entry.before["killed"] == old_killed and entry.after["killed"] == 99
    assert entry.before["source_reference"] == old_source
    assert entry.before["description"] == old_description
    assert "Overwritten description" in entry.after["description"]
    assert {"killed", "description", "source_reference"} <= set(entry.changed_fields)
    assert entry.sensitivity == Sensitivity.STRICTLY_CONFIDENTIAL  # the log is scoped like it


def test_a_system_import_still_updates_everything(hidden, ged_rows, tmp_path):
    report = import_ged(
        write(tmp_path / "again.csv", [altered(ged_rows[0])]), mission_code="MINUSCA"
    )
    assert report.counts["incidents updated"] == 1 and not report.rejected
    assert Incident.objects.get(pk=hidden.pk).killed == 99
    entry = audit_of(hidden).filter(action="update").latest("pk")
    assert entry.actor_name == "system" and entry.after["killed"] == 99


def test_a_user_without_add_rights_imports_nothing(ged_rows, tmp_path, make_user, db):
    Mission.objects.create(code="MINUSCA", name="MINUSCA", host_country="CAF")
    user = make_user("partner-liaison", Mission.objects.get(code="MINUSCA"))
    with pytest.raises(ImportFailed, match="does not add incidents"):
        import_ged(
            write(tmp_path / "f.csv", ged_rows[:2]), mission_code="MINUSCA", acting_user=user
        )
    assert not Incident.objects.exists()


# -- bad files ---------------------------------------------------------------------------


def real_lines(records: int) -> list[str]:
    """The header and the first ``records`` rows of the real file, as its physical lines: a
    row ends with CRLF, and a few hold a line break inside a quoted value."""
    lines: list[str] = []
    with GED.open(encoding="utf-8", newline="") as handle:
        for line in handle:
            lines.append(line)
            if sum(1 for kept in lines if kept.endswith("\r\n")) > records:
                break
    return lines


def test_a_nul_byte_refuses_the_file_naming_its_line(ged_rows, tmp_path, db):
    lines = real_lines(5)
    lines[3] = lines[3].replace("Obo town", "Obo\x00town", 1)  # line 4
    path = tmp_path / "nul.csv"
    path.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(CommandError, match=r"nul\.csv, line 4: a cell holds a NUL byte"):
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


def test_an_upload_with_a_nul_byte_past_the_first_block_is_refused_with_its_line(
    ged_rows, mission, make_user, settings, tmp_path
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.DATA_DIR = tmp_path
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 0  # as a large upload: on disk, read in chunks
    lines = real_lines(60)
    line = next(n for n in range(50, 60) if lines[n].endswith("\r\n"))  # a row's last line
    lines[line] = lines[line][:-2] + "\x00\r\n"  # beyond the form's 8 KB sniff
    client = Client()
    client.force_login(make_user("joc-officer", mission))
    url = reverse("mission-incident-import", kwargs={"code": mission.code})
    upload = SimpleUploadedFile("events.csv", "".join(lines).encode(), content_type="text/csv")
    response = client.post(url, {"kind": "ucdp-ged", "file": upload})
    assert response.status_code == 400, response.content.decode()[-3000:]
    # refused by the preview, which reads the whole file before anything is queued
    assert f"events.csv, line {line + 1}: a cell holds a NUL byte" in response.content.decode()
    assert not ImportJob.objects.exists() and not Incident.objects.exists()


@pytest.mark.parametrize(
    "cut",
    [
        lambda line: line[: line.index('"BBC') + 20],  # inside a quoted field
        lambda line: ",".join(line.split(",")[:12]),  # 12 of 48 columns
    ],
    ids=["quoted-field", "columns"],
)
def test_a_truncated_file_is_reported_as_truncated_with_its_line(ged_rows, tmp_path, db, cut):
    lines = real_lines(2)  # header, 36210, 36211 (whose source is quoted)
    path = tmp_path / "cut.csv"
    path.write_text("".join(lines[:2]) + cut(lines[2]), encoding="utf-8")
    with pytest.raises(CommandError) as refused:
        call_command(
            "import",
            "ucdp-ged",
            str(path),
            "--mission",
            "MINUSCA",
            "--create",
            stdout=io.StringIO(),
        )
    message = str(refused.value)
    assert (
        "cut.csv is truncated: its last line (3)" in message and "Nothing was imported" in message
    )
    assert not Incident.objects.exists()


def test_a_complete_file_without_a_final_newline_is_not_truncated(ged_rows, tmp_path, db):
    path = tmp_path / "whole.csv"
    path.write_text("".join(real_lines(3)).rstrip("\r\n"), encoding="utf-8")
    report = import_ged(path, mission_code="MINUSCA", create_missions=True)
    assert report.counts["incidents created"] == 3 and not report.rejected


def test_out_of_range_dates_are_rejected_rows_and_ucdp_ranges_are_widened(ged_rows, tmp_path, db):
    """A date outside 1900-2100 rejects its row; a GED event whose best estimate lies outside
    its own low-high range (UCDP's file has 20 such) is kept, its range widened to hold it."""
    rows = ged_rows[:6]
    rows[1] = {**rows[1], "date_start": "9999-12-31", "date_end": "9999-12-31"}
    rows[2] = {**rows[2], "date_start": "1899-12-31T00:00:00"}
    rows[3] = {**rows[3], "best": "5", "low": "6", "high": "4"}
    rows[4] = {**rows[4], "best": "9", "low": "1", "high": "4"}
    report = import_ged(
        write(tmp_path / "dates.csv", rows), mission_code="MINUSCA", create_missions=True
    )
    assert rejected(report) == [
        (3, "date_start is outside 1900-2100: '9999-12-31'"),
        (4, "date_start is outside 1900-2100: '1899-12-31T00:00:00'"),
    ]
    stored = {
        i.external_id: (i.killed, i.killed_low, i.killed_high) for i in Incident.objects.all()
    }
    assert set(stored) == {rows[0]["id"], rows[3]["id"], rows[4]["id"], rows[5]["id"]}
    assert stored[rows[3]["id"]] == (5, 4, 6) and stored[rows[4]["id"]] == (9, 1, 9)


def test_a_small_upload_with_a_nul_byte_is_refused_naming_its_line(ged_rows, mission, make_user):
    lines = real_lines(5)
    lines[3] = lines[3].replace(",", ",\x00", 1)
    client = Client()
    client.force_login(make_user("joc-officer", mission))
    url = reverse("mission-incident-import", kwargs={"code": mission.code})
    upload = SimpleUploadedFile("events.csv", "".join(lines).encode(), content_type="text/csv")
    response = client.post(url, {"kind": "ucdp-ged", "file": upload})
    assert response.status_code == 400
    assert "line 4 holds a NUL byte" in response.content.decode()
    assert not ImportJob.objects.exists()
