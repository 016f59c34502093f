"""Incident entry built for the JOC (issue 13): the admin area filled in from the coordinates
(on the form and on import), dates in the future refused, the fields grouped, actor names
offered, photos and documents attached under the incident's scoping, and in Chromium a click
on the map fills the coordinates."""

from __future__ import annotations

import datetime
import re
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from tests.operations_support import incident
from tests.test_browser import browser  # noqa: F401  (the Chromium fixture)

from bluehelmet.core.areas import AreaFinder, point_in_geometry
from bluehelmet.core.models import AdminArea, AuditEntry, Mission
from bluehelmet.operations.models import Incident, IncidentAttachment, IncidentCategory

# Two areas of the test mission's host country (XTA): a square with a hole, and its neighbour.
NORTH = {
    "type": "Polygon",
    "coordinates": [
        [[20, 4], [23, 4], [23, 6], [20, 6], [20, 4]],
        [[21, 4.5], [21.5, 4.5], [21.5, 5], [21, 5], [21, 4.5]],  # a hole (a lake)
    ],
}
SOUTH = {
    "type": "MultiPolygon",
    "coordinates": [[[[20, 2], [23, 2], [23, 4], [20, 4], [20, 2]]]],
}
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
COUNTS = ("injured", "abducted", "civilians_killed", "un_personnel_killed", "un_personnel_injured")


@pytest.fixture
def areas(db: Any) -> None:
    AdminArea.objects.create(country="XTA", level=1, name="Nordland", geometry=NORTH)
    AdminArea.objects.create(country="XTA", level=1, name="Sudland", geometry=SOUTH)


@pytest.fixture
def joc(make_user: Any, mission: Mission) -> Client:
    client = Client()
    client.force_login(make_user("joc-officer", mission))
    return client


def form_data(mission: Mission, **extra: Any) -> dict[str, Any]:
    now = timezone.now()
    data: dict[str, Any] = {
        "mission": mission.code,
        "title": "Checkpoint attacked",
        "category": IncidentCategory.objects.get(code="clash-state").pk,
        "occurred_at": (now - datetime.timedelta(hours=3)).strftime("%Y-%m-%dT%H:%M"),
        "date_precision": 1,
        "reported_at": (now - datetime.timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
        "killed": 0,
        **dict.fromkeys(COUNTS, 0),
        "reliability": "C",
        "credibility": 3,
        "sensitivity": 0,
    }
    data.update(extra)
    return data


def test_ray_casting_respects_holes_and_multipolygons() -> None:
    assert point_in_geometry(22.0, 5.5, NORTH)
    assert not point_in_geometry(21.2, 4.7, NORTH)  # in the hole
    assert point_in_geometry(21.0, 3.0, SOUTH)
    assert not point_in_geometry(25.0, 3.0, SOUTH)
    assert not point_in_geometry(1.0, 1.0, {"type": "Point", "coordinates": [1, 1]})


def test_admin1_is_filled_from_the_coordinates_inside_an_area(
    joc: Client, mission: Mission, areas: None
) -> None:
    response = joc.post(reverse("incident-add"), form_data(mission, latitude=5.5, longitude=22))
    assert response.status_code == 302, response.content.decode()[:3000]
    assert Incident.objects.get(title="Checkpoint attacked").admin1 == "Nordland"


def test_admin1_stays_blank_outside_every_area_and_a_typed_one_is_kept(
    joc: Client, mission: Mission, areas: None
) -> None:
    outside = form_data(mission, latitude=8.0, longitude=30.0, title="Far away")
    assert joc.post(reverse("incident-add"), outside).status_code == 302
    assert Incident.objects.get(title="Far away").admin1 == ""
    typed = form_data(mission, latitude=3, longitude=21, admin1="Typed", title="Typed")
    assert joc.post(reverse("incident-add"), typed).status_code == 302
    assert Incident.objects.get(title="Typed").admin1 == "Typed"
    in_hole = form_data(mission, latitude=4.7, longitude=21.2, title="On the lake")
    assert joc.post(reverse("incident-add"), in_hole).status_code == 302
    assert Incident.objects.get(title="On the lake").admin1 == ""


def test_the_finder_used_on_import_fills_admin1(mission: Mission, areas: None) -> None:
    finder = AreaFinder("XTA")
    assert finder.name_at(3.0, 21.0) == "Sudland"
    assert finder.name_at(None, None) == ""
    assert finder.name_at(40.0, 40.0) == ""


def test_a_date_in_the_future_is_refused_with_a_field_error(joc: Client, mission: Mission) -> None:
    tomorrow = (timezone.now() + datetime.timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    response = joc.post(reverse("incident-add"), form_data(mission, occurred_at=tomorrow))
    assert response.status_code == 400
    form = response.context["form"]
    assert "occurred_at" in form.errors and "future" in str(form.errors["occurred_at"])
    response = joc.post(reverse("incident-add"), form_data(mission, reported_at=tomorrow))
    assert response.status_code == 400 and "reported_at" in response.context["form"].errors
    soon = (timezone.now() + datetime.timedelta(minutes=20)).strftime("%Y-%m-%dT%H:%M")
    assert (
        joc.post(reverse("incident-add"), form_data(mission, reported_at=soon)).status_code == 302
    )
    assert not Incident.objects.filter(occurred_at__gt=timezone.now()).exists()


def test_the_form_is_grouped_with_a_map_and_actor_names(
    joc: Client, mission: Mission, other_mission: Mission
) -> None:
    incident(mission, actor1="Armed group <b>A</b>", actor2="Civilians")
    incident(other_mission, actor1="Secret militia")
    page = joc.get(reverse("incident-add")).content.decode()
    for legend in ("What", "Where", "When", "Who", "Sources", "Sensitivity"):
        assert f"<legend>{legend}</legend>" in page
    assert page.count('<details class="entry-more"') >= 3
    assert 'id="entry-map"' in page and f"/missions/{mission.code}/map.geojson" in page
    assert 'list="incident-actor-names"' in page
    existing = Incident.objects.filter(mission=mission).first()
    assert existing is not None
    edit = joc.get(reverse("incident-edit", kwargs={"pk": existing.pk})).content.decode()
    assert f"/missions/{mission.code}/map.geojson" in edit and 'value="4.4"' in edit
    # choosing another mission reloads the form (HTMX) with its fieldsets and map
    partial = joc.get(
        reverse("incident-add"), {"mission": mission.code}, headers={"HX-Request": "true"}
    ).content.decode()
    assert partial.startswith('<form id="object-form"') and 'id="entry-map"' in partial
    assert "<legend>Who</legend>" in partial
    names = joc.get(reverse("incident-actor-names"), {"mission": mission.code}).json()["names"]
    assert names == ["Armed group <b>A</b>", "Civilians"]
    other = joc.get(reverse("incident-actor-names"), {"mission": other_mission.code}).json()
    assert other["names"] == []
    found = joc.get(reverse("incident-actor-names"), {"mission": mission.code, "q": "civ"})
    assert found.json()["names"] == ["Civilians"]


# -- attachments -------------------------------------------------------------------------------


@pytest.fixture
def store(settings: Any, tmp_path: Any) -> Any:
    settings.DATA_DIR = tmp_path
    settings.INCIDENT_ATTACHMENT_MAX_BYTES = 1024
    return tmp_path / "attachments"


def attach(client: Client, item: Incident, upload: Any, sensitivity: int = 0) -> Any:
    url = reverse("incident-attachment-add", kwargs={"pk": item.pk})
    return client.post(url, {"file": upload, "sensitivity": sensitivity})


def test_an_allowed_file_is_stored_listed_and_downloaded(
    joc: Client, mission: Mission, store: Any, django_capture_on_commit_callbacks: Any
) -> None:
    item = incident(mission)
    response = attach(joc, item, SimpleUploadedFile("scene.png", PNG, "image/png"))
    assert response.status_code == 302
    saved = IncidentAttachment.objects.get(incident=item)
    assert saved.name == "scene.png" and saved.size == len(PNG)
    assert saved.content_type == "image/png" and saved.mission_id == mission.pk
    assert (store / saved.stored_as).read_bytes() == PNG
    page = joc.get(reverse("incident-detail", kwargs={"pk": item.pk})).content.decode()
    url = reverse("incident-attachment", kwargs={"pk": item.pk, "attachment": saved.pk})
    assert url in page and "scene.png" in page
    download = joc.get(url)
    assert download.status_code == 200 and b"".join(download.streaming_content) == PNG
    assert "attachment" in download["Content-Disposition"]
    assert AuditEntry.objects.filter(
        object_id=str(saved.pk), note__startswith="Downloaded"
    ).exists()
    # removing the attachment, or the incident, removes the stored file
    remove = reverse("incident-attachment-delete", kwargs={"pk": item.pk, "attachment": saved.pk})
    with django_capture_on_commit_callbacks(execute=True):
        assert joc.post(remove).status_code == 302
    assert not (store / saved.stored_as).exists() and not IncidentAttachment.objects.exists()
    attach(joc, item, SimpleUploadedFile("again.txt", b"text", "text/plain"))
    again = IncidentAttachment.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        item.delete()
    assert not (store / again.stored_as).exists()


def test_a_wrong_type_a_disguised_file_or_too_big_a_file_is_refused(
    joc: Client, mission: Mission, store: Any
) -> None:
    item = incident(mission)
    refused = [
        SimpleUploadedFile("run.exe", b"MZ...", "application/octet-stream"),
        SimpleUploadedFile("photo.jpg", b"<html>not a photo</html>", "image/jpeg"),
        SimpleUploadedFile("big.txt", b"x" * 2048, "text/plain"),
    ]
    for upload in refused:
        response = attach(joc, item, upload)
        assert response.status_code == 400, upload.name
        assert response.context["attach_form"].errors["file"]
    assert not IncidentAttachment.objects.exists()
    assert not store.exists() or not any(store.iterdir())


def test_an_attachment_is_never_less_sensitive_than_its_incident(
    joc: Client, mission: Mission, store: Any
) -> None:
    item = incident(mission, sensitivity=1)
    low = attach(joc, item, SimpleUploadedFile("note.txt", b"seen", "text/plain"), 0)
    assert low.status_code == 400 and not IncidentAttachment.objects.exists()
    ok = attach(joc, item, SimpleUploadedFile("note.txt", b"seen", "text/plain"), 1)
    assert ok.status_code == 302
    assert IncidentAttachment.objects.get().sensitivity == 1


def test_another_missions_user_gets_404_on_download_and_upload(
    joc: Client, mission: Mission, other_mission: Mission, make_user: Any, store: Any
) -> None:
    item = incident(mission)
    assert attach(joc, item, SimpleUploadedFile("a.txt", b"hello", "text/plain")).status_code == 302
    saved = IncidentAttachment.objects.get()
    url = reverse("incident-attachment", kwargs={"pk": item.pk, "attachment": saved.pk})
    stranger = Client()
    stranger.force_login(make_user("joc-officer", other_mission))
    assert stranger.get(url).status_code == 404
    upload = SimpleUploadedFile("b.txt", b"hello", "text/plain")
    assert attach(stranger, item, upload).status_code == 404
    # the attachment looked up under another incident of the user's own mission: 404 too
    theirs = incident(other_mission)
    wrong = reverse("incident-attachment", kwargs={"pk": theirs.pk, "attachment": saved.pk})
    assert stranger.get(wrong).status_code == 404


# -- in Chromium -------------------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_clicking_the_map_fills_the_coordinates_and_the_admin_area(
    browser: Any,  # noqa: F811
    live_server: Any,
    mission: Mission,
    make_user: Any,
) -> None:
    from playwright.sync_api import expect
    from tests.conftest import PASSWORD
    from tests.test_browser_a11y import BLOCKING, audit, axe_script, describe
    from tests.test_browser_security import HOSTILE, watched

    AdminArea.objects.create(country="XTA", level=1, name="Nordland", geometry=NORTH)
    AdminArea.objects.create(country="XTA", level=1, name="Sudland", geometry=SOUTH)
    incident(mission, actor1=HOSTILE, actor2="Civilians")
    make_user("joc-officer", mission, username="joc")
    page = browser.page
    page.set_viewport_size({"width": 1440, "height": 900})
    errors = watched(page)
    page.goto(f"{live_server.url}/login/?next=/incidents/add/")
    page.fill("#id_username", "joc")
    page.fill("#id_password", PASSWORD)
    page.click("form[action='/login/'] button[type=submit]")
    page.wait_for_url("**/incidents/add/")
    the_map = page.locator("#entry-map")
    expect(the_map).to_have_attribute("data-state", "ready")
    expect(the_map).to_have_attribute("data-area-count", "2")

    # a click in the north area: the coordinates and the admin area are filled in
    point = page.evaluate(
        "(() => { const m = document.getElementById('entry-map')._leaflet_map;"
        " const p = m.latLngToContainerPoint([5.5, 22.0]); return [p.x, p.y]; })()"
    )
    the_map.click(position={"x": point[0], "y": point[1]})
    latitude = float(page.input_value("#id_latitude"))
    longitude = float(page.input_value("#id_longitude"))
    assert abs(latitude - 5.5) < 0.1 and abs(longitude - 22.0) < 0.1
    expect(page.locator("#id_admin1")).to_have_value("Nordland")
    expect(page.locator("#entry-map-status")).to_contain_text("Nordland")

    # coordinates typed move the marker (and the area the script filled follows them)
    page.fill("#id_latitude", "3")
    page.fill("#id_longitude", "21")
    page.locator("#id_longitude").dispatch_event("change")
    expect(page.locator("#id_admin1")).to_have_value("Sudland")
    expect(the_map).to_have_attribute("data-area", "Sudland")

    # actor names of the mission are offered as values (a hostile name stays text)
    options = page.locator("#incident-actor-names option")
    expect(options).to_have_count(2)
    assert page.evaluate("typeof window.__xss") == "undefined"

    # axe finds nothing serious at either width, and the page fits a phone without scrolling
    # sideways
    script = axe_script()
    for width in (1440, 390):
        page.set_viewport_size({"width": width, "height": 844})
        page.wait_for_timeout(200)
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        blocking = [v for v in audit(page, script) if v["impact"] in BLOCKING]
        assert blocking == [], [describe("/incidents/add/", width, v) for v in blocking]

    # saved: the incident lands where it was placed
    page.fill("#id_title", "Placed on the map")
    earlier = timezone.now() - datetime.timedelta(hours=2)
    page.fill("#id_occurred_at", earlier.strftime("%Y-%m-%dT%H:%M"))
    page.select_option("#id_category", label=IncidentCategory.objects.get(code="clash-state").name)
    page.click("#object-form button[type=submit]")
    page.wait_for_url(re.compile(r"/incidents/\d+/$"))
    saved = Incident.objects.get(title="Placed on the map")
    expect(page.locator("#attachments input[type=file]")).to_be_visible()
    page.reload()  # (the "created" message's <ul role=status> is base.html's, not checked here)
    blocking = [v for v in audit(page, script) if v["impact"] in BLOCKING]
    assert blocking == [], [describe("incident page", 390, v) for v in blocking]
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert (saved.latitude, saved.longitude, saved.admin1) == (3.0, 21.0, "Sudland")
    assert page.evaluate("window.__problems") == []
    assert errors == []
    assert browser.outside == []


def test_an_imported_row_without_admin1_gets_it_from_its_coordinates(
    db: Any, tmp_path: Any
) -> None:
    import csv
    from pathlib import Path

    from bluehelmet.interop.importers.acled import import_acled

    fixture = Path(__file__).resolve().parent / "fixtures" / "acled_sample.csv"
    with fixture.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows[:2]:  # XCAF0001 lies in the outline below, XCAF0002 outside it
        row["admin1"] = ""
    path = tmp_path / "acled.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    ouham = {
        "type": "Polygon",
        "coordinates": [[[16.8, 6], [18, 6], [18, 7], [16.8, 7], [16.8, 6]]],
    }
    AdminArea.objects.create(country="CAF", level=1, name="Ouham (outline)", geometry=ouham)
    import_acled(path, mission_code="UNACLED", create_missions=True)
    admin1 = dict(Incident.objects.values_list("external_id", "admin1"))
    assert admin1["XCAF0001"] == "Ouham (outline)"
    assert admin1["XCAF0002"] == ""
    assert admin1["XCAF0003"] not in ("", "Ouham (outline)")  # a named area is kept
