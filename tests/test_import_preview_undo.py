"""Safe imports (issue 13): a preview that writes nothing, warnings for rows outside the
mission's host country or area, confirmation, and "undo this import" as one audited batch
(page and CLI).

Rows come from the real UCDP GED 23.1 file for the Central African Republic (Davies, Pettersson
& Öberg 2023; CC BY 4.0), written to small files under ``tmp_path``."""

from __future__ import annotations

import csv
import datetime
import io
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from tests.conftest import skip_or_fail

from bluehelmet.core.models import AdminArea, AuditEntry, Mission, MissionType
from bluehelmet.interop.importers.ged import import_ged
from bluehelmet.interop.models import ImportJob, JobStatus
from bluehelmet.operations.models import Incident, SituationReport

GED = (
    Path(__file__).resolve().parents[2] / "shared/data/ucdp/ged_v23_1_central_african_republic.csv"
)
IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def ged_rows() -> list[dict[str, str]]:
    if not GED.exists():
        skip_or_fail(f"{GED} is not there")
    with GED.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(autouse=True)
def tasks_in_process(settings: Any, tmp_path: Path) -> None:
    settings.TASKS = IMMEDIATE
    settings.DATA_DIR = tmp_path / "data"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def car(db: Any) -> Mission:
    return Mission.objects.create(
        code="MINUSCA",
        name="UN Multidimensional Integrated Stabilization Mission in the CAR",
        host_country="CAF",
        mission_type=MissionType.MULTIDIMENSIONAL,
        mandate_authorised_on=datetime.date(2014, 4, 10),
    )


def csv_bytes(rows: list[dict[str, str]]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


def write(path: Path, rows: list[dict[str, str]]) -> Path:
    path.write_bytes(csv_bytes(rows))
    return path


def client_for(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def import_url(mission: Mission) -> str:
    return reverse("mission-incident-import", kwargs={"code": mission.code})


def job_url(job: ImportJob) -> str:
    return reverse("mission-incident-import-job", kwargs={"code": job.mission.code, "pk": job.pk})


def upload(client: Client, mission: Mission, rows: list[dict[str, str]]) -> Any:
    file = SimpleUploadedFile("events.csv", csv_bytes(rows), content_type="text/csv")
    return client.post(import_url(mission), {"kind": "ucdp-ged", "file": file})


def confirm(client: Client, mission: Mission) -> ImportJob:
    job = ImportJob.objects.get(status=JobStatus.PREVIEW)
    response = client.post(import_url(mission), {"decision": "confirm", "job": job.pk})
    assert response.status_code == 302 and response["Location"] == job_url(job)
    job.refresh_from_db()
    return job


def sample(ged_rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """Eight real events, the fourth given a date that does not exist."""
    rows = [dict(r) for r in ged_rows[:8]]
    rows[3]["date_start"] = "2009-02-30"
    return rows


# -- preview ---------------------------------------------------------------------------------


def test_the_preview_writes_nothing_and_reports_what_the_file_holds(
    ged_rows, car, make_user, settings
):
    rows = sample(ged_rows)
    client = client_for(make_user("joc-officer", car))
    audit = AuditEntry.objects.count()
    response = upload(client, car, rows)
    assert response.status_code == 200
    html = response.content.decode()
    assert not Incident.objects.exists()
    assert AuditEntry.objects.count() == audit
    job = ImportJob.objects.get()
    assert job.status == JobStatus.PREVIEW
    preview = job.report["preview"]
    good = [r for i, r in enumerate(rows) if i != 3]
    dates = sorted(r["date_start"][:10] for r in good)
    assert (preview["first"], preview["last"]) == (dates[0], dates[-1])
    assert preview["countries"] == [{"country": "CAF", "rows": 7}]
    assert sum(c["rows"] for c in preview["categories"]) == 7
    assert job.report["counts"]["incidents to create"] == 7
    assert job.rejected == [{"line": 5, "reason": "date_start is not a date: '2009-02-30'"}]
    assert "Preview of events.csv" in html and "Import these 7 rows" in html
    assert f"{dates[0]} to {dates[-1]}" in html and preview["categories"][0]["category"] in html
    assert "date_start is not a date" in html
    assert "Recent imports" in html and "job-preview" not in html  # not listed as an import

    # cancelled: nothing stays
    response = client.post(import_url(car), {"decision": "cancel", "job": job.pk})
    assert response.status_code == 302
    assert not ImportJob.objects.exists() and not Incident.objects.exists()
    assert list((Path(settings.DATA_DIR) / "imports").iterdir()) == []


def test_the_preview_tells_new_from_known_incidents(ged_rows, car, make_user, tmp_path):
    import_ged(write(tmp_path / "first.csv", ged_rows[:3]), mission_code="MINUSCA")
    changed = {**ged_rows[2], "best": "40", "high": "40"}
    report = import_ged(
        write(tmp_path / "again.csv", [*ged_rows[:2], changed, *ged_rows[3:5]]),
        mission_code="MINUSCA",
        dry_run=True,
    )
    assert report.counts == {
        "incidents unchanged": 2,
        "incidents to update": 1,
        "incidents to create": 2,
    }
    assert Incident.objects.count() == 3
    assert Incident.objects.get(external_id=ged_rows[2]["id"]).killed != 40


def test_rows_outside_the_host_country_or_area_are_warned_about(ged_rows, car, make_user, tmp_path):
    rows = [dict(r) for r in ged_rows[:5]]
    rows[1].update(country="Cameroon", country_id="471")
    rows[2].update(latitude="-20.5", longitude="47.5")  # Madagascar, far from the CAR
    lons = [float(r["longitude"]) for r in rows if r is not rows[2]]
    lats = [float(r["latitude"]) for r in rows if r is not rows[2]]
    ring = [
        [min(lons), min(lats)],
        [max(lons), min(lats)],
        [max(lons), max(lats)],
        [min(lons), max(lats)],
        [min(lons), min(lats)],
    ]
    AdminArea.objects.create(
        country="CAF",
        level=1,
        name="Test area",
        geometry={"type": "Polygon", "coordinates": [ring]},
    )
    report = import_ged(write(tmp_path / "w.csv", rows), mission_code="MINUSCA", dry_run=True)
    assert report.preview is not None
    assert report.preview["outside_country"] == {"rows": 1, "lines": [3]}
    assert report.preview["outside_area"] == {"rows": 1, "lines": [4], "checked": True}

    client = client_for(make_user("joc-officer", car))
    html = upload(client, car, rows).content.decode()
    assert "1 row(s) are in another country than the mission&#x27;s host country CAF" in html
    assert "outside the mission&#x27;s area" in html and "(lines 4)" in html
    assert not Incident.objects.exists()


# -- confirm and undo ------------------------------------------------------------------------


@pytest.fixture
def imported(ged_rows, car, make_user, tmp_path) -> ImportJob:
    """Three events imported earlier by the system; then a page import of six events (three
    already known, three new) previewed and confirmed by the JOC officer."""
    import_ged(write(tmp_path / "first.csv", ged_rows[:3]), mission_code="MINUSCA")
    client = client_for(make_user("joc-officer", car))
    assert upload(client, car, ged_rows[:6]).status_code == 200
    job = confirm(client, car)
    assert job.status == JobStatus.DONE
    return job


def test_confirming_runs_the_import(imported, ged_rows):
    counts = {k: v for k, v in imported.report["counts"].items() if v}
    assert counts == {"incidents created": 3, "incidents unchanged": 3}
    assert Incident.objects.count() == 6
    new = Incident.objects.filter(external_id__in=[r["id"] for r in ged_rows[3:6]])
    assert sorted(imported.created_ids) == sorted(new.values_list("pk", flat=True))


def test_undo_removes_exactly_the_created_incidents_with_one_audit_entry(
    imported, ged_rows, car, make_user
):
    before = set(Incident.objects.exclude(pk__in=imported.created_ids).values_list("pk", flat=True))
    head = make_user("head-of-mission", car)
    audit = AuditEntry.objects.count()
    client = client_for(head)
    page = client.get(job_url(imported)).content.decode()
    assert "Undo this import" in page and "Yes, undo this import" in page
    response = client.post(job_url(imported), {"undo": "1"})
    assert response.status_code == 302
    assert set(Incident.objects.values_list("pk", flat=True)) == before
    assert AuditEntry.objects.count() == audit + 1
    entry = AuditEntry.objects.latest("pk")
    assert entry.verb == "undo_import_incidents" and entry.actor == head
    assert sorted(entry.before["incidents"]) == sorted(imported.created_ids)
    imported.refresh_from_db()
    assert imported.undone_at is not None and imported.undone_by == head
    page = client.get(job_url(imported)).content.decode()
    assert "3 incidents removed." in page and "This import was undone" in page
    again = client.post(job_url(imported), {"undo": "1"})
    assert again.status_code == 409 and Incident.objects.count() == 3


def test_undo_is_refused_to_a_user_who_may_not_delete(imported, car, make_user):
    client = client_for(make_user("joc-officer", car))
    assert "needs a role that may delete" in client.get(job_url(imported)).content.decode()
    response = client.post(job_url(imported), {"undo": "1"})
    assert response.status_code == 403
    assert Incident.objects.count() == 6
    imported.refresh_from_db()
    assert imported.undone_at is None


def test_undo_is_refused_when_an_incident_was_edited_since(imported, car, make_user):
    edited = Incident.objects.get(pk=imported.created_ids[0])
    edited.title = "Checked by the JOC"
    edited.save()
    client = client_for(make_user("head-of-mission", car))
    response = client.post(job_url(imported), {"undo": "1"})
    assert response.status_code == 409
    assert "1 incident it created was edited since" in response.content.decode()
    assert Incident.objects.count() == 6


def test_undo_is_refused_when_a_sitrep_cites_its_incidents(imported, car, make_user):
    sitrep = SituationReport.objects.create(
        mission=car,
        report_date=datetime.date(2009, 3, 1),
        period_start=datetime.datetime(2009, 3, 1, tzinfo=datetime.UTC),
        period_end=datetime.datetime(2009, 3, 2, tzinfo=datetime.UTC),
    )
    sitrep.incidents.set(imported.created_ids[:2])
    client = client_for(make_user("head-of-mission", car))
    response = client.post(job_url(imported), {"undo": "1"})
    assert response.status_code == 409
    assert "situation reports citing its incidents: 1" in response.content.decode()
    assert Incident.objects.count() == 6


# -- the CLI ---------------------------------------------------------------------------------


def test_cli_dry_run_writes_nothing(ged_rows, db, tmp_path):
    path = write(tmp_path / "events.csv", sample(ged_rows))
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(SystemExit) as exited:
        call_command(
            "import",
            "ucdp-ged",
            str(path),
            "--mission",
            "MINUSCA",
            "--create",
            "--dry-run",
            stdout=out,
            stderr=err,
        )
    assert exited.value.code == 3  # one row would be rejected
    text = out.getvalue()
    assert "dry run: nothing written" in text and "incidents to create: 7" in text
    assert "missions to create: 1" in text and "countries: CAF (7)" in text
    assert "line 5: date_start is not a date" in err.getvalue()
    assert not Mission.objects.exists() and not Incident.objects.exists()
    assert not ImportJob.objects.exists() and not AuditEntry.objects.exists()


def test_cli_import_is_kept_as_a_job_and_undone_from_the_cli(ged_rows, car, make_user, tmp_path):
    path = write(tmp_path / "events.csv", ged_rows[:4])
    out = io.StringIO()
    call_command("import", "ucdp-ged", str(path), "--mission", "MINUSCA", stdout=out)
    job = ImportJob.objects.get()
    assert f"import job: {job.pk}" in out.getvalue() and len(job.created_ids) == 4
    joc = make_user("joc-officer", car)
    with pytest.raises(CommandError, match="does not delete"):
        call_command("import", "undo", str(job.pk), "--as", joc.username, stdout=io.StringIO())
    head = make_user("head-of-mission", car)
    out = io.StringIO()
    call_command("import", "undo", str(job.pk), "--as", head.username, stdout=out)
    assert "4 incidents removed" in out.getvalue()
    assert not Incident.objects.exists()


def test_the_uploader_may_undo_their_own_import_without_delete_rights(mission, make_user, tmp_path):
    """A JOC officer who uploaded the wrong file takes it back; another officer may not."""
    from tests.operations_support import incident

    from bluehelmet.core.errors import ActionError
    from bluehelmet.interop.actions import do_undo_import
    from bluehelmet.interop.models import ImportJob, JobStatus
    from bluehelmet.operations.models import Incident

    uploader = make_user("joc-officer", mission)
    colleague = make_user("joc-officer", mission)
    made = incident(mission, title="Imported by mistake")
    job = ImportJob.objects.create(
        mission=mission, user=uploader, kind="ucdp-ged", file_name="wrong.csv",
        status=JobStatus.DONE, created_ids=[made.pk],
    )  # fmt: skip
    job.finished_at = made.updated_at
    job.save()
    with pytest.raises(ActionError) as refused:
        do_undo_import(job, acting_user=colleague)
    assert refused.value.status == 403
    do_undo_import(job, acting_user=uploader)
    assert not Incident.objects.filter(pk=made.pk).exists()
