"""JOC pages (issue 4): common operating picture and its data, incident pages, the import page
with its background job, situation and flash reports, crises.

A user of one mission never sees another mission's incidents; bad input answers 4xx with a
message; state changes go through the ``do_`` actions (Capstone §7.2).
"""

from __future__ import annotations

import datetime
import itertools
import json
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from tests.operations_support import at, incident

from bluehelmet.core.permissions import Sensitivity
from bluehelmet.interop.models import ImportJob
from bluehelmet.operations.models import (
    Crisis,
    CrisisLogEntry,
    CrisisStatus,
    CrisisTask,
    FlashReport,
    Incident,
    IncidentVerification,
    SituationReport,
)

ACLED = Path(__file__).resolve().parent / "fixtures" / "acled_sample.csv"
BANGUI = {"latitude": 4.36, "longitude": 18.55}
BAMBARI = {"latitude": 5.77, "longitude": 20.68}
EVERYWHERE = "10,0,30,10"


@pytest.fixture(autouse=True)
def fast_password_hasher(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def tasks_in_process(settings: Any, tmp_path: Path) -> None:
    """No worker in tests: the task runs inside the request; uploads go to a temporary dir."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.DATA_DIR = tmp_path


def client_for(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def users(mission: Any, other_mission: Any, make_user: Any) -> dict[str, Any]:
    return {
        "joc": make_user("joc-officer", mission),
        "staff": make_user("component-staff", mission),
        "other": make_user("joc-officer", other_mission),
    }


@pytest.fixture
def incidents(mission: Any, other_mission: Any) -> dict[str, Incident]:
    """Three in March 2025 (two in Bangui, one in Bambari), one in June, one confidential, one
    of the other mission."""
    return {
        "b1": incident(mission, title="Clash in Bangui", **BANGUI),
        "b2": incident(mission, "attack-civilians", title="Attack in Bangui", **BANGUI),
        "bam": incident(mission, title="Clash in Bambari", actor1="Group B", **BAMBARI),
        "june": incident(mission, title="June clash", occurred_at=at(2025, 6, 20), **BANGUI),
        "secret": incident(
            mission,
            title="Confidential report",
            sensitivity=Sensitivity.CONFIDENTIAL,
            occurred_at=at(2025, 3, 12),
            **BAMBARI,
        ),
        "theirs": incident(other_mission, title="Other mission clash", **BANGUI),
    }


def cop(name: str, mission: Any) -> str:
    return reverse(f"mission-cop{name}", kwargs={"code": mission.code})


# -- common operating picture ---------------------------------------------------------------


def test_cop_page_renders_for_own_mission_and_404_for_another(users, mission, other_mission):
    client = client_for(users["joc"])
    response = client.get(cop("", mission))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="cop-map"' in html and "cop.js" in html and "uPlot.iife.min.js" in html
    assert cop("-hexagons", mission) in html and cop("-timeline", mission) in html
    assert client.get(cop("", other_mission)).status_code == 404
    for name in ("-hexagons", "-points", "-timeline", "-list"):
        assert client.get(cop(name, other_mission)).status_code == 404


def test_cop_page_lists_incidents_and_filters_without_javascript(users, mission, incidents):
    client = client_for(users["joc"])
    html = client.get(cop("", mission), {"since": "2025-06-01"}).content.decode()
    assert "June clash" in html and "Clash in Bangui" not in html
    assert "Other mission clash" not in html
    bad = client.get(cop("", mission), {"since": "yesterday"})
    assert bad.status_code == 400 and "Enter a valid date" in bad.content.decode()


def test_hexagons_are_geojson_counted_server_side_and_honour_filters(users, mission, incidents):
    client = client_for(users["joc"])
    response = client.get(cop("-hexagons", mission), {"bbox": EVERYWHERE, "zoom": 6})
    assert response.status_code == 200 and response["Content-Type"] == "application/geo+json"
    data = response.json()
    assert data["type"] == "FeatureCollection" and data["resolution"] == 3
    counts = sorted(f["properties"]["count"] for f in data["features"])
    assert counts == [2, 3] and data["total"] == 5  # Bambari: 2 (one confidential), Bangui: 3
    ring = data["features"][0]["geometry"]["coordinates"][0]
    assert data["features"][0]["geometry"]["type"] == "Polygon"
    assert len(ring) == 7 and ring[0] == ring[-1]  # a closed hexagon, [lon, lat]
    assert all(10 < lon < 30 and 0 < lat < 10 for lon, lat in ring)

    only_bangui = client.get(cop("-hexagons", mission), {"bbox": "18,4,19,5", "zoom": 6}).json()
    assert [f["properties"]["count"] for f in only_bangui["features"]] == [3]
    window = {"bbox": EVERYWHERE, "since": "2025-06-01", "until": "2025-06-30"}
    assert client.get(cop("-hexagons", mission), window).json()["total"] == 1
    category = {"bbox": EVERYWHERE, "category": "attack-civilians"}
    assert client.get(cop("-hexagons", mission), category).json()["total"] == 1
    actor = {"bbox": EVERYWHERE, "actor": "group b"}
    assert client.get(cop("-hexagons", mission), actor).json()["total"] == 1

    staff = client_for(users["staff"])  # unclassified only: the confidential one is not counted
    assert staff.get(cop("-hexagons", mission), {"bbox": EVERYWHERE}).json()["total"] == 4


def test_hexagon_resolution_follows_the_zoom_and_bad_input_is_400(users, mission, incidents):
    client = client_for(users["joc"])
    fine = client.get(cop("-hexagons", mission), {"bbox": EVERYWHERE, "zoom": 11}).json()
    assert fine["resolution"] == 7
    assert client.get(cop("-hexagons", mission), {"h3_res": 5}).json()["resolution"] == 5
    for bad in ({"bbox": "1,2,3"}, {"zoom": "far"}, {"h3_res": 12}, {"category": "nonsense"}):
        response = client.get(cop("-hexagons", mission), bad)
        assert response.status_code == 400, bad
        assert response.json()["errors"]


def test_points_honour_bbox_filters_limit_and_clearance(users, mission, incidents):
    client = client_for(users["joc"])
    response = client.get(cop("-points", mission), {"bbox": "18,4,19,5"})
    assert response.status_code == 200 and response["Content-Type"] == "application/geo+json"
    data = response.json()
    titles = [f["properties"]["title"] for f in data["features"]]
    assert titles == ["June clash", "Attack in Bangui", "Clash in Bangui"]  # newest first
    assert "Other mission clash" not in titles and data["truncated"] is False
    first = data["features"][0]
    assert first["geometry"] == {"type": "Point", "coordinates": [18.55, 4.36]}
    assert first["properties"]["url"] == reverse("incident-detail", kwargs={"pk": first["id"]})

    limited = client.get(cop("-points", mission), {"bbox": EVERYWHERE, "limit": 2}).json()
    assert len(limited["features"]) == 2 and limited["truncated"] is True
    assert client.get(cop("-points", mission), {"limit": 5000}).status_code == 400
    march = client.get(cop("-points", mission), {"until": "2025-03-31"}).json()
    assert len(march["features"]) == 4
    staff = client_for(users["staff"]).get(cop("-points", mission)).json()
    assert "Confidential report" not in [f["properties"]["title"] for f in staff["features"]]
    joc_sees = client.get(cop("-points", mission), {"sensitivity": 1}).json()
    assert [f["properties"]["title"] for f in joc_sees["features"]] == ["Confidential report"]


def test_timeline_counts_per_week_and_ignores_the_time_window(users, mission, incidents):
    client = client_for(users["joc"])
    data = client.get(cop("-timeline", mission), {"since": "2025-06-01"}).json()
    assert data["period"] == "week" and data["total"] == 5
    buckets = data["buckets"]
    assert buckets[0] == {"start": "2025-03-10", "count": 4, "killed": 4}
    assert buckets[-1]["start"] == "2025-06-16" and buckets[-1]["count"] == 1
    starts = [datetime.date.fromisoformat(b["start"]) for b in buckets]
    assert all((b - a).days == 7 for a, b in itertools.pairwise(starts))  # zero-filled
    assert sum(b["count"] == 0 for b in buckets) == len(buckets) - 2
    monthly = client.get(cop("-timeline", mission), {"period": "month"}).json()
    assert [(b["start"], b["count"]) for b in monthly["buckets"]] == [
        ("2025-03-01", 4),
        ("2025-04-01", 0),
        ("2025-05-01", 0),
        ("2025-06-01", 1),
    ]
    assert client.get(cop("-timeline", mission), {"period": "day"}).status_code == 400
    attacks = client.get(cop("-timeline", mission), {"category": "attack-civilians"}).json()
    assert attacks["total"] == 1


def test_list_fragment_follows_filters_and_map_view(users, mission, incidents):
    client = client_for(users["joc"])
    response = client.get(cop("-list", mission), {"bbox": "20,5,21,6", "scope": "view"})
    html = response.content.decode()
    assert response.status_code == 200 and 'data-count="2"' in html
    assert "Clash in Bambari" in html and "Clash in Bangui" not in html
    everything = client.get(cop("-list", mission), {"bbox": "20,5,21,6", "scope": "all"})
    assert 'data-count="5"' in everything.content.decode()
    reliable = client.get(cop("-list", mission), {"reliability": ["A", "B"], "scope": "all"})
    assert 'data-count="0"' in reliable.content.decode()  # the helper's incidents are graded F
    bad = client.get(cop("-list", mission), {"until": "31/03/2025"})
    assert bad.status_code == 400 and "errorlist" in bad.content.decode()


# -- incident pages --------------------------------------------------------------------------


def test_incident_detail_404_across_missions_and_edit(users, mission, incidents):
    client = client_for(users["joc"])
    ours, theirs = incidents["b1"], incidents["theirs"]
    detail = client.get(reverse("incident-detail", kwargs={"pk": ours.pk}))
    assert detail.status_code == 200 and "Clash in Bangui" in detail.content.decode()
    assert client.get(reverse("incident-detail", kwargs={"pk": theirs.pk})).status_code == 404
    assert client.get(reverse("incident-edit", kwargs={"pk": theirs.pk})).status_code == 404
    staff = client_for(users["staff"])
    secret = incidents["secret"]
    assert staff.get(reverse("incident-detail", kwargs={"pk": secret.pk})).status_code == 404
    listing = client.get(reverse("incident-list"), {"mission": mission.code}).content.decode()
    assert "Clash in Bambari" in listing and "Other mission clash" not in listing

    edit = reverse("incident-edit", kwargs={"pk": ours.pk})
    form = client.get(edit).content.decode()
    assert 'type="datetime-local"' in form and 'name="duplicate_of"' in form
    data = {
        "mission": mission.code,
        "title": "Clash in Bangui (corrected)",
        "category": ours.category_id,
        "occurred_at": "2025-03-10T12:00",
        "date_precision": 1,
        "reported_at": "2025-03-10T13:00",
        "latitude": 4.36,
        "longitude": 18.55,
        "killed": 2,
        **dict.fromkeys(
            (
                "injured",
                "abducted",
                "civilians_killed",
                "un_personnel_killed",
                "un_personnel_injured",
            ),
            0,
        ),
        "reliability": "B",
        "credibility": 2,
        "duplicate_of": incidents["b2"].pk,
        "sensitivity": 0,
    }
    response = client.post(edit, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    ours.refresh_from_db()
    assert ours.title.endswith("(corrected)") and ours.duplicate_of == incidents["b2"]
    original = client.get(reverse("incident-detail", kwargs={"pk": incidents["b2"].pk}))
    assert "Reported again as" in original.content.decode()
    assert "Clash in Bangui (corrected)" in original.content.decode()
    bad = client.post(edit, {**data, "duplicate_of": theirs.pk})
    assert bad.status_code == 400 and "No incident with that number" in bad.content.decode()


def test_verification_goes_through_the_action(users, incidents):
    client = client_for(users["joc"])
    target = incidents["b1"]
    url = reverse("incident-verify", kwargs={"pk": target.pk})
    response = client.post(url, {"verification_status": "verified", "note": "Seen by patrol"})
    assert response.status_code == 302
    target.refresh_from_db()
    assert target.verification_status == "verified"
    step = IncidentVerification.objects.get(incident=target)
    assert (step.previous_status, step.note, step.by) == (
        "unverified",
        "Seen by patrol",
        users["joc"],
    )
    page = client.get(reverse("incident-detail", kwargs={"pk": target.pk})).content.decode()
    assert "Seen by patrol" in page
    assert client.post(url, {"verification_status": "maybe"}).status_code == 400
    assert client.get(url).status_code == 405
    other = client_for(users["other"])
    assert other.post(url, {"verification_status": "refuted"}).status_code == 404
    staff = client_for(users["staff"])  # may add, not change
    assert staff.post(url, {"verification_status": "refuted"}).status_code == 404


# -- import page -----------------------------------------------------------------------------


def import_url(mission: Any) -> str:
    return reverse("mission-incident-import", kwargs={"code": mission.code})


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="text/csv")


def test_acled_upload_runs_as_a_job_and_reports_bad_rows(users, mission, settings):
    client = client_for(users["joc"])
    assert client.get(import_url(mission)).status_code == 200
    preview = client.post(
        import_url(mission), {"kind": "acled", "file": upload("acled.csv", ACLED.read_bytes())}
    )
    assert preview.status_code == 200 and "Import these 18 rows" in preview.content.decode()
    assert not Incident.objects.exists()  # nothing written before the confirmation
    job = ImportJob.objects.get()
    response = client.post(import_url(mission), {"decision": "confirm", "job": job.pk})
    job.refresh_from_db()
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "mission-incident-import-job", kwargs={"code": mission.code, "pk": job.pk}
    )
    assert job.status == "done" and job.user == users["joc"] and job.file_name == "acled.csv"
    assert (job.rows_done, job.rows_total) == (23, 23)
    assert [(r["line"], r["reason"].split(":")[0]) for r in job.rejected] == [
        (20, "event_date is not a date"),
        (21, "unknown ACLED event type 'Battles' / 'Ambush'"),
        (22, "fatalities must be a whole number from 0 to 1000000000"),
        (23, "coordinates out of range"),
        (24, "id XCAF0003 repeats line 4"),
    ]
    assert Incident.objects.filter(mission=mission, source_dataset="acled").count() == 18
    assert list((Path(settings.DATA_DIR) / "imports").iterdir()) == []  # upload deleted

    page = client.get(response["Location"]).content.decode()
    assert "Rejected rows" in page and "event_date is not a date" in page
    assert 'hx-trigger="every 1s"' not in page  # finished: no more polling
    status = client.get(response["Location"], {"format": "json"}).json()
    assert status["status"] == "done" and status["rows_done"] == 23
    fragment = client.get(response["Location"], HTTP_HX_REQUEST="true").content.decode()
    assert fragment.startswith('<section id="import-job"') and "<html" not in fragment

    other = client_for(users["other"])
    assert other.get(response["Location"]).status_code == 404
    assert other.get(import_url(mission)).status_code == 404


def test_a_running_job_polls_and_shows_progress(users, mission, settings):
    job = ImportJob.objects.create(
        mission=mission, user=users["joc"], kind="acled", file_name="big.csv", stored_as="x.csv"
    )
    job.status, job.rows_total = "running", 1000
    job.save()
    folder = Path(settings.DATA_DIR) / "imports"
    folder.mkdir()
    (folder / "x.csv.progress").write_text(json.dumps({"done": 250, "total": 1000}))
    url = reverse("mission-incident-import-job", kwargs={"code": mission.code, "pk": job.pk})
    html = client_for(users["joc"]).get(url, {"partial": 1}).content.decode()
    assert 'hx-trigger="every 1s"' in html and 'value="250"' in html and "25%" in html


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("events.xlsx", b"a,b\n1,2\n", "is not a CSV file"),
        ("events.csv", b"\xff\xfe\x00h\x00e\x00l\x00l\x00o" * 20, "not UTF-8"),
        ("events.csv", b"id,date\n1,2020-01-01\n", "lacks the columns"),
        ("events.csv", b"", "The submitted file is empty"),
    ],
)
def test_bad_uploads_are_refused_with_400(users, mission, name, content, message):
    response = client_for(users["joc"]).post(
        import_url(mission), {"kind": "acled", "file": upload(name, content)}
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ImportJob.objects.exists()


def test_oversize_upload_is_refused(users, mission, settings):
    settings.IMPORT_UPLOAD_MAX_BYTES = 1024
    response = client_for(users["joc"]).post(
        import_url(mission), {"kind": "acled", "file": upload("acled.csv", ACLED.read_bytes())}
    )
    assert response.status_code == 400 and "the limit is 1.0" in response.content.decode()
    huge = client_for(users["joc"]).post(  # refused from its length, before it is read
        import_url(mission), {"kind": "acled", "file": upload("huge.csv", b"x" * 100_000)}
    )
    assert huge.status_code == 400 and "the limit is 1.0" in huge.content.decode()
    assert "has-error" not in huge.content.decode()
    assert not ImportJob.objects.exists()


def test_a_file_the_importer_refuses_is_refused_at_the_preview(users, mission, settings):
    bad_hxl = b"title,date\nno hashtags,2020-01-01\n"
    response = client_for(users["joc"]).post(
        import_url(mission), {"kind": "hxl", "file": upload("table.csv", bad_hxl)}
    )
    assert response.status_code == 400
    assert "table.csv is not an HXL-tagged table" in response.content.decode()
    assert not ImportJob.objects.exists() and not Incident.objects.exists()
    assert list((Path(settings.DATA_DIR) / "imports").iterdir()) == []  # upload deleted


# -- situation and flash reports ----------------------------------------------------------


def test_sitrep_create_compile_publish_and_print(users, mission, incidents):
    client = client_for(users["joc"])
    response = client.post(
        reverse("situationreport-add"),
        {
            "mission": mission.code,
            "report_date": "2025-03-10",
            "narrative": "Calm overall.",
            "sensitivity": 0,
        },
    )
    assert response.status_code == 302, response.content.decode()[:1500]
    report = SituationReport.objects.get()
    detail = reverse("situationreport-detail", kwargs={"pk": report.pk})
    compile_url = reverse("situationreport-compile", kwargs={"pk": report.pk})
    assert client.post(compile_url).status_code == 302
    assert report.incidents.count() == 3  # 10 March: two in Bangui, one in Bambari
    page = client.get(detail).content.decode()
    assert "Clash in Bambari" in page and "Calm overall." in page and "June clash" not in page
    publish = reverse("situationreport-publish", kwargs={"pk": report.pk})
    assert client.post(publish).status_code == 302
    report.refresh_from_db()
    assert report.status == "published" and report.published_by == users["joc"]
    again = client.post(publish)
    assert again.status_code == 409 and "Already published" in again.content.decode()
    recompile = client.post(compile_url)
    assert recompile.status_code == 409
    edit = client.get(reverse("situationreport-edit", kwargs={"pk": report.pk}))
    assert edit.status_code == 409 and "final" in edit.content.decode()
    printable = client.get(reverse("situationreport-print", kwargs={"pk": report.pk}))
    assert printable.status_code == 200 and 'class="sidenav"' not in printable.content.decode()
    assert client_for(users["other"]).get(detail).status_code == 404


def test_sitrep_with_a_confidential_incident_must_be_classified(users, mission, incidents):
    client = client_for(users["joc"])
    report = SituationReport.objects.create(mission=mission, report_date=datetime.date(2025, 3, 12))
    client.post(reverse("situationreport-compile", kwargs={"pk": report.pk}))
    assert list(report.incidents.all()) == [incidents["secret"]]
    response = client.post(reverse("situationreport-publish", kwargs={"pk": report.pk}))
    assert response.status_code == 400 and "classify it at least" in response.content.decode()
    bad = client.post(
        reverse("situationreport-add"), {"mission": mission.code, "report_date": "not a date"}
    )
    assert bad.status_code == 400


def test_flash_report_create_and_issue(users, mission, incidents):
    client = client_for(users["joc"])
    response = client.post(
        reverse("flashreport-add"),
        {
            "mission": mission.code,
            "title": "Attack on patrol",
            "summary": "Patrol ambushed.",
            "incident": incidents["b1"].pk,
            "sensitivity": 0,
        },
    )
    assert response.status_code == 302, response.content.decode()[:1500]
    flash = FlashReport.objects.get()
    issue = reverse("flashreport-issue", kwargs={"pk": flash.pk})
    assert client.post(issue).status_code == 302
    flash.refresh_from_db()
    assert flash.status == "issued" and flash.issued_at is not None
    assert client.post(issue).status_code == 409
    assert client.get(reverse("flashreport-edit", kwargs={"pk": flash.pk})).status_code == 409
    wrong = client.post(
        reverse("flashreport-add"),
        {
            "mission": mission.code,
            "title": "x",
            "summary": "y",
            "incident": incidents["theirs"].pk,
            "sensitivity": 0,
        },
    )
    assert wrong.status_code == 400


# -- crises --------------------------------------------------------------------------------


def test_crisis_open_log_tasks_and_close(users, mission):
    client = client_for(users["joc"])
    response = client.post(
        reverse("crisis-add"),
        {
            "mission": mission.code,
            "title": "Bangui unrest",
            "description": "Riots",
            "sensitivity": 0,
        },
    )
    assert response.status_code == 302, response.content.decode()[:1500]
    crisis = Crisis.objects.get()
    detail = reverse("crisis-detail", kwargs={"pk": crisis.pk})
    assert CrisisLogEntry.objects.get(crisis=crisis).text.startswith("Crisis opened")

    log = reverse("crisis-log", kwargs={"pk": crisis.pk})
    assert client.post(log, {"kind": "decision", "text": "QRF on standby"}).status_code == 302
    assert client.post(log, {"kind": "rumour", "text": "x"}).status_code == 400
    tasks = reverse("crisis-task-add", kwargs={"pk": crisis.pk})
    assert client.post(tasks, {"title": "Evacuate staff", "status": "todo"}).status_code == 302
    assert client.post(tasks, {"title": "", "status": "todo"}).status_code == 400
    task = CrisisTask.objects.get()
    assert (task.mission, task.sensitivity) == (mission, crisis.sensitivity)
    status = reverse("crisistask-status", kwargs={"pk": task.pk})
    assert client.post(status, {f"t{task.pk}-status": "in_progress"}).status_code == 302
    task.refresh_from_db()
    assert task.status == "in_progress"
    assert client.post(status, {"status": "finished?"}).status_code == 400

    page = client.get(detail).content.decode()
    assert "QRF on standby" in page and "Evacuate staff" in page
    close = reverse("crisis-close", kwargs={"pk": crisis.pk})
    assert client.post(close, {"summary": "Calm restored"}).status_code == 302
    crisis.refresh_from_db()
    assert crisis.status == CrisisStatus.CLOSED
    texts = list(crisis.log_entries.values_list("text", flat=True))
    assert texts[-1].startswith("Crisis closed. Calm restored (1 task still open)")
    late = client.post(log, {"kind": "information", "text": "Too late"})
    assert late.status_code == 409 and "log is final" in late.content.decode()
    assert client.post(close, {}).status_code == 409
    assert client_for(users["other"]).get(detail).status_code == 404
    assert (
        client_for(users["other"]).post(log, {"kind": "decision", "text": "x"}).status_code == 404
    )


def test_navigation_has_the_joc_area(users, mission):
    client = client_for(users["joc"])
    html = client.get(reverse("mission-detail", kwargs={"code": mission.code})).content.decode()
    assert "Operations (JOC)" in html and cop("", mission) in html
    assert import_url(mission) in html
    for name in ("incident", "situationreport", "flashreport", "crisis", "incidentsource"):
        assert client.get(reverse(f"{name}-list"), {"mission": mission.code}).status_code == 200
        assert client.get(reverse(f"{name}-add")).status_code == 200
