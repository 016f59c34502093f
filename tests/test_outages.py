"""Outages and recovery (issue 11): the worker survives a passing "database is locked", a job
whose worker vanished is failed with a clear message and its upload removed, imports commit in
short batches, a request that meets a locked database answers 503 with a reason, and
``/healthz`` reports a database it cannot write to.
"""

from __future__ import annotations

import datetime
import signal
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.db import OperationalError, connections
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from bluehelmet.core.api import health
from bluehelmet.core.models.base import RestrictedQuerySet
from bluehelmet.forecasting.models import ForecastRun
from bluehelmet.interop import views as interop_views
from bluehelmet.interop.importers import incidents as machinery
from bluehelmet.interop.importers.acled import import_acled
from bluehelmet.interop.importers.base import ImportFailed
from bluehelmet.interop.importers.writer import STALE_AFTER, discard_stale_batches
from bluehelmet.interop.models import ImportJob
from bluehelmet.interop.tasks import run_incident_import, start_import
from bluehelmet.operations.models import Incident, IncidentImportBatch

ACLED = Path(__file__).resolve().parent / "fixtures" / "acled_sample.csv"
LONG_AGO = datetime.timedelta(minutes=10)
DEAD = "The worker stopped while importing; import the file again."


@pytest.fixture(autouse=True)
def private_data_dir(settings: Any, tmp_path: Path) -> None:
    settings.DATA_DIR = tmp_path / "data"


@pytest.fixture
def joc(mission: Any, make_user: Any) -> Any:
    return make_user("joc-officer", mission)


def client_for(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def uploads(settings: Any) -> list[str]:
    folder = Path(settings.DATA_DIR) / "imports"
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def running_job(mission: Any, user: Any, settings: Any, *, beat: datetime.datetime) -> ImportJob:
    """A job a worker claimed, with its upload and progress file on disk."""
    job = ImportJob.objects.create(
        mission=mission, user=user, kind="acled", file_name="big.csv", stored_as="7-abc.csv"
    )
    ImportJob.objects.filter(pk=job.pk).update(status="running", heartbeat_at=beat)
    folder = Path(settings.DATA_DIR) / "imports"
    folder.mkdir(parents=True)
    (folder / "7-abc.csv").write_bytes(ACLED.read_bytes())
    (folder / "7-abc.csv.progress").write_text('{"done": 5, "total": 23}')
    return job


def job_url(job: ImportJob) -> str:
    return reverse("mission-incident-import-job", kwargs={"code": job.mission.code, "pk": job.pk})


# -- jobs whose worker vanished ------------------------------------------------------------


def test_a_job_whose_worker_vanished_is_shown_failed_and_its_upload_deleted(mission, joc, settings):
    job = running_job(mission, joc, settings, beat=timezone.now() - LONG_AGO)
    client = client_for(joc)
    status = client.get(job_url(job), {"format": "json"}).json()
    assert status["status"] == "failed" and status["error"] == DEAD
    assert uploads(settings) == []
    assert DEAD in client.get(job_url(job)).content.decode()


def test_a_job_with_a_recent_heartbeat_keeps_running(mission, joc, settings):
    job = running_job(mission, joc, settings, beat=timezone.now())
    status = client_for(joc).get(job_url(job), {"format": "json"}).json()
    assert status["status"] == "running" and status["error"] == ""
    assert uploads(settings) == ["7-abc.csv", "7-abc.csv.progress"]


@pytest.fixture
def restore_signals() -> Iterator[None]:
    """The worker installs its own SIGINT/SIGTERM handlers; give pytest its own back."""
    saved = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
    yield
    for number, handler in saved.items():
        signal.signal(number, handler)


def run_worker() -> None:
    call_command(
        "worker", "--batch", "--no-reload", "--no-startup-delay", "--interval", "0", verbosity=0
    )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_worker_fails_vanished_jobs_and_runs_when_it_starts(
    mission, joc, settings, restore_signals
):
    job = running_job(mission, joc, settings, beat=timezone.now() - LONG_AGO)
    run = ForecastRun.objects.create(mission=mission, unit="admin1", status="running")
    ForecastRun.objects.filter(pk=run.pk).update(updated_at=timezone.now() - LONG_AGO)
    run_worker()
    job.refresh_from_db()
    run.refresh_from_db()
    assert (job.status, job.error) == ("failed", DEAD)
    assert run.status == "failed" and "worker stopped" in run.error
    assert uploads(settings) == []


def test_a_stale_forecast_run_no_longer_blocks_the_page(mission, make_user):
    analyst = make_user("jmac-analyst", mission)
    run = ForecastRun.objects.create(mission=mission, unit="admin1", status="running")
    ForecastRun.objects.filter(pk=run.pk).update(updated_at=timezone.now() - LONG_AGO)
    url = reverse("forecastrun-status", kwargs={"pk": run.pk})
    status = client_for(analyst).get(url, {"format": "json"}).json()
    assert status["status"] == "failed" and "worker stopped" in status["error"]


# -- the worker survives a passing lock ----------------------------------------------------


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_worker_retries_a_locked_database_then_runs_the_job(
    mission, joc, settings, monkeypatch, restore_signals
):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django_tasks_db.management.commands import db_worker

    job = ImportJob.objects.create(mission=mission, user=joc, kind="acled", file_name="a.csv")
    start_import(job, SimpleUploadedFile("a.csv", ACLED.read_bytes()))
    assert uploads(settings) == [job.stored_as] and job.status == "queued"
    real, calls = db_worker.close_old_connections, []

    def locked_once() -> None:
        calls.append(1)
        if len(calls) == 1:
            raise OperationalError("database is locked")
        real()

    monkeypatch.setattr(db_worker, "close_old_connections", locked_once)
    monkeypatch.setattr("bluehelmet.core.worker.FIRST_BACKOFF", 0.01)
    run_worker()
    job.refresh_from_db()
    assert len(calls) > 1 and job.status == "done" and job.rows_done == 23
    assert job.heartbeat_at is not None
    assert uploads(settings) == []  # a finished job's upload is deleted
    assert Incident.objects.filter(mission=mission, source_dataset="acled").count() == 18


def test_a_failed_job_deletes_its_upload(mission, joc, settings):
    job = running_job(mission, joc, settings, beat=timezone.now())
    ImportJob.objects.filter(pk=job.pk).update(status="queued", kind="hxl")
    run_incident_import.call(job.pk)
    job.refresh_from_db()
    assert job.status == "failed" and uploads(settings) == []


# -- imports write in short batches, and are all or nothing -------------------------------


def fail_on_third_flush(monkeypatch: Any) -> None:
    monkeypatch.setattr(machinery, "BATCH_SIZE", 5)
    real_flush, flushes = machinery.IncidentWriter.flush, []

    def flush_then_fail(writer: Any) -> None:
        flushes.append(1)
        if len(flushes) == 3:
            raise OperationalError("disk I/O error")
        real_flush(writer)

    monkeypatch.setattr(machinery.IncidentWriter, "flush", flush_then_fail)


def test_an_interrupted_import_leaves_nothing_and_a_rerun_imports_all(mission, monkeypatch):
    fail_on_third_flush(monkeypatch)
    with pytest.raises(ImportFailed, match="Nothing was saved") as failure:
        import_acled(ACLED, mission_code=mission.code)
    assert "disk I/O error" in str(failure.value)
    assert Incident.all_objects.filter(mission=mission).count() == 0  # two batches removed
    assert not IncidentImportBatch.objects.exists()
    monkeypatch.undo()
    report = import_acled(ACLED, mission_code=mission.code)
    assert report.counts["incidents created"] == 18
    assert Incident.objects.filter(mission=mission).count() == 18


def test_incidents_of_an_unfinished_import_are_invisible_until_it_publishes(mission, monkeypatch):
    seen: list[int] = []
    real_finish = machinery.IncidentWriter.finish

    def look_then_finish(writer: Any, acting_user: Any) -> None:
        writer.flush()  # every row is written, hidden, before publishing
        seen.append(Incident.objects.filter(mission=mission).count())
        seen.append(Incident.all_objects.filter(mission=mission).count())
        real_finish(writer, acting_user)

    monkeypatch.setattr(machinery, "BATCH_SIZE", 5)
    monkeypatch.setattr(machinery.IncidentWriter, "finish", look_then_finish)
    import_acled(ACLED, mission_code=mission.code)
    assert seen == [0, 18]
    assert Incident.objects.filter(mission=mission).count() == 18


def test_a_killed_import_is_cleaned_up_by_the_next_start(mission, monkeypatch):
    fail_on_third_flush(monkeypatch)
    monkeypatch.setattr(machinery.IncidentWriter, "abandon", lambda writer: None)  # kill -9
    with pytest.raises(ImportFailed):
        import_acled(ACLED, mission_code=mission.code)
    assert Incident.all_objects.filter(mission=mission).count() == 10
    assert Incident.objects.filter(mission=mission).count() == 0
    assert discard_stale_batches() == 0  # its heartbeat is fresh: perhaps still running
    later = timezone.now() + STALE_AFTER + datetime.timedelta(seconds=1)
    assert discard_stale_batches(now=later) == 10
    assert not Incident.all_objects.filter(mission=mission).exists()
    assert not IncidentImportBatch.objects.exists()


# -- a locked database answers 503, not 500 ------------------------------------------------


def locked(*args: Any, **kwargs: Any) -> Any:
    raise OperationalError("database is locked")


def test_an_api_request_that_meets_a_locked_database_answers_503(joc, monkeypatch):
    client = Client(raise_request_exception=False)
    client.force_login(joc)
    monkeypatch.setattr(RestrictedQuerySet, "restrict", locked)
    response = client.get("/api/incidents/")
    assert response.status_code == 503 and response["Retry-After"]
    body = response.json()
    assert body["code"] == "database_busy" and "try again" in body["detail"]


def test_a_page_that_meets_a_locked_database_answers_503(mission, joc, monkeypatch):
    client = Client(raise_request_exception=False)
    client.force_login(joc)
    monkeypatch.setattr(interop_views, "importing_mission", locked)
    response = client.get(reverse("mission-incident-import", kwargs={"code": mission.code}))
    assert response.status_code == 503
    assert "The database is busy" in response.content.decode()


def test_a_locked_session_save_after_the_view_answers_503(mission, joc, monkeypatch):
    from django.contrib.sessions.backends.db import SessionStore

    client = Client(raise_request_exception=False)
    client.force_login(joc)
    monkeypatch.setattr(SessionStore, "save", locked)
    # The page remembers the mission chosen in the session, saved after the view returned.
    response = client.get(reverse("mission-incident-import", kwargs={"code": mission.code}))
    assert response.status_code == 503
    assert "The database is busy" in response.content.decode()


# -- /healthz tries a write ----------------------------------------------------------------


def test_healthz_is_ok_when_the_database_takes_writes(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.json()["database"]["status"] == "ok"


@pytest.fixture
def file_database(tmp_path: Path) -> Iterator[Path]:
    """A second, file-based SQLite database the health check probes instead of the default."""
    from django.db.backends.sqlite3.base import DatabaseWrapper

    path = tmp_path / "probe.sqlite3"
    sqlite3.connect(path).close()
    settings_dict = {**connections["default"].settings_dict, "NAME": str(path)}
    # Known to ``connections[...]`` but not configured: Django's test isolation allows it.
    connections._connections.probe = DatabaseWrapper(settings_dict, "probe")
    yield path
    connections["probe"].close()
    del connections["probe"]


@pytest.mark.skipif(connections["default"].vendor != "sqlite", reason="a SQLite write lock")
def test_healthz_reports_a_database_it_cannot_write_to(client, db, file_database, monkeypatch):
    monkeypatch.setattr(health, "DATABASE", "probe")
    monkeypatch.setattr(health, "WRITE_WAIT_SECONDS", 0.2)
    assert client.get("/healthz").status_code == 200
    holder = sqlite3.connect(file_database, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another process holds the only write lock
    try:
        response = client.get("/healthz")
    finally:
        holder.rollback()
        holder.close()
    body = response.json()
    assert response.status_code == 503 and body["status"] == "degraded"
    assert body["database"]["status"] == "error" and "cannot write" in body["database"]["error"]
    assert "locked" in body["database"]["error"]


def test_no_page_count_or_export_shows_an_unfinished_import(mission, joc):
    from tests.operations_support import incident

    batch = IncidentImportBatch.objects.create(mission=mission, source_name="big.csv")
    incident(mission, title="Hidden while importing", import_batch=batch.pk)
    incident(mission, title="Already there")
    client = client_for(joc)
    paths = [
        f"/api/incidents/?mission={mission.code}",
        f"/api/incidents/aggregate/?mission={mission.code}&group_by=category",
        f"/api/incidents/geojson/?mission={mission.code}",
        f"/incidents/?mission={mission.code}",
        f"/api/incidents/export/?mission={mission.code}&as=csv",
    ]
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert b"Hidden while importing" not in body, path
    listed = client.get(f"/api/incidents/?mission={mission.code}").json()
    assert listed["count"] == 1
    batch.delete()  # published
    assert client.get(f"/api/incidents/?mission={mission.code}").json()["count"] == 2
