"""Mandate versions, diffs and the consultations they call for (Capstone §1.4, §4.3)."""

from __future__ import annotations

import datetime

import pytest
from rest_framework.test import APIClient

from bluehelmet.core import models as core
from bluehelmet.core.errors import ActionError
from bluehelmet.doctrine.models import TaskType
from bluehelmet.lifecycle.actions import do_transition_mission_phase
from bluehelmet.mandates.actions import MandateErrorCode, do_change_mandate
from bluehelmet.mandates.models import Consultation, ConsultationTrigger, Mandate, Resolution

D = datetime.date


def code(flag: str) -> str:
    return TaskType.objects.get(tamm_flag=flag).code


@pytest.fixture
def tasks(db):
    return {f: code(f) for f in ("prociv", "ddr_assist", "election_assist", "humrts_monitor")}


@pytest.fixture
def res(db):
    return {
        n: Resolution.objects.create(number=n, chapter_vii=n != 2000) for n in (2000, 2100, 2200)
    }


@pytest.fixture
def contingent(mission):
    country = core.ContributingCountry.objects.create(iso3="BGD")
    return core.Contingent.objects.create(
        mission=mission,
        country=country,
        name="BANBATT",
        unit_type="infantry_battalion",
        strength=850,
    )


def change(mission, resolution, tasks, on, user=None, **kw):
    return do_change_mandate(
        mission, resolution, acting_user=user, effective_from=on, task_codes=tasks, **kw
    )


def test_given_a_first_mandate_then_concept_of_operations_consultation(
    mission, res, tasks, contingent
):
    mandate = change(mission, res[2000], [tasks["humrts_monitor"]], D(2025, 1, 10))
    assert mandate.version == 1 and not mandate.chapter_vii
    consultation = Consultation.objects.get(mission=mission)
    assert consultation.trigger == ConsultationTrigger.CONCEPT_OF_OPERATIONS
    assert list(consultation.countries.values_list("iso3", flat=True)) == ["BGD"]


def test_given_new_tasks_and_chapter_vii_then_diff_and_mandate_change(mission, res, tasks):
    change(mission, res[2000], [tasks["humrts_monitor"]], D(2025, 1, 10))
    v2 = change(
        mission,
        res[2100],
        [tasks["humrts_monitor"], tasks["prociv"]],
        D(2025, 7, 1),
        all_necessary_means=True,
    )
    assert v2.version == 2
    assert v2.diff["tasks_added"] == [tasks["prociv"]] and v2.diff["tasks_removed"] == []
    assert v2.diff["chapter_vii"] == {"before": False, "after": True}
    v1 = Mandate.objects.get(mission=mission, version=1)
    assert v1.effective_to == D(2025, 6, 30)
    latest = Consultation.objects.filter(mission=mission).order_by("-id").first()
    assert latest.trigger == ConsultationTrigger.MANDATE_CHANGE and latest.mandate == v2


def test_given_same_scope_then_renewal(mission, res, tasks):
    change(mission, res[2100], [tasks["prociv"]], D(2025, 1, 10))
    change(mission, res[2200], [tasks["prociv"]], D(2026, 1, 10))
    triggers = list(
        Consultation.objects.filter(mission=mission)
        .order_by("id")
        .values_list("trigger", flat=True)
    )
    assert triggers == ["concept_of_operations", "renewal"]


def test_one_audit_entry_per_change(mission, res, tasks):
    before = core.AuditEntry.objects.count()
    change(mission, res[2000], [tasks["prociv"], tasks["ddr_assist"]], D(2025, 1, 10))
    new = core.AuditEntry.objects.order_by("id")[before:]
    assert [(e.action, e.verb) for e in new] == [("action", "change_mandate")]


def test_bad_changes_are_refused_and_write_nothing(mission, res, tasks, make_user):
    change(mission, res[2000], [tasks["prociv"]], D(2025, 6, 1))
    with pytest.raises(ActionError) as err:
        change(mission, res[2100], [tasks["prociv"]], D(2025, 5, 1))
    assert err.value.code == MandateErrorCode.BAD_DATE
    with pytest.raises(ActionError) as err:
        change(mission, res[2100], ["no-such-task"], D(2025, 7, 1))
    assert err.value.code == MandateErrorCode.UNKNOWN_TASK
    with pytest.raises(ActionError) as err:
        change(
            mission,
            res[2100],
            [tasks["prociv"]],
            D(2025, 7, 1),
            user=make_user("joc-officer", mission),
        )
    assert err.value.code == MandateErrorCode.FORBIDDEN
    assert Mandate.objects.filter(mission=mission).count() == 1


def test_drawdown_transition_opens_a_consultation(
    mission, make_user, django_capture_on_commit_callbacks
):
    hom = make_user("head-of-mission", mission)
    path = ["rapid_deployment", "hq_start_up", "ioc", "foc", "mandate_implementation", "transition"]
    with django_capture_on_commit_callbacks(execute=True):
        for i, phase in enumerate(path):
            mission.refresh_from_db()
            do_transition_mission_phase(
                mission,
                phase,
                acting_user=hom,
                effective_on=D(2025, 2, 1) + datetime.timedelta(days=i),
                override_reason="test path",
            )
    consultation = Consultation.objects.get(mission=mission)
    assert consultation.trigger == ConsultationTrigger.DRAWDOWN
    assert consultation.due_on == D(2025, 2, 6) + datetime.timedelta(days=14)


def test_overdue_status_and_api_filter(mission, res, tasks, make_user):
    change(mission, res[2000], [tasks["prociv"]], D(2025, 1, 10))
    held = Consultation.objects.create(
        mission=mission, trigger="serious_development", due_on=D(2025, 3, 1), held_on=D(2025, 2, 27)
    )
    client = APIClient()
    client.force_authenticate(make_user("joc-officer", mission))
    overdue = client.get("/api/consultations/?status=overdue").json()["results"]
    assert [c["trigger"] for c in overdue] == ["concept_of_operations"]
    assert overdue[0]["status"] == "overdue"
    done = client.get(f"/api/consultations/?status=held&mission={mission.code}").json()["results"]
    assert [c["id"] for c in done] == [held.pk]


def test_record_a_consultation_as_held_through_the_api(mission, res, tasks, make_user, contingent):
    change(mission, res[2000], [tasks["prociv"]], D(2025, 1, 10))
    consultation = Consultation.objects.get(mission=mission)
    client = APIClient()
    client.force_authenticate(make_user("mlt-member", mission))
    response = client.patch(
        f"/api/consultations/{consultation.pk}/",
        {"held_on": "2025-02-01", "summary": "TCC meeting at UNHQ."},
        format="json",
    )
    assert response.status_code == 200 and response.json()["status"] == "held"
    bad = client.patch(
        f"/api/consultations/{consultation.pk}/", {"countries": ["ATL"]}, format="json"
    )
    assert bad.status_code == 400


def test_mandate_api_is_scoped_and_read_only(mission, other_mission, res, tasks, make_user):
    change(mission, res[2000], [tasks["prociv"]], D(2025, 1, 10))
    change(other_mission, res[2100], [tasks["ddr_assist"]], D(2025, 1, 10))
    client = APIClient()
    client.force_authenticate(make_user("head-of-mission", mission))
    rows = client.get("/api/mandates/").json()["results"]
    assert [r["mission"] for r in rows] == [mission.code]
    assert rows[0]["task_codes"] == [tasks["prociv"]] and rows[0]["resolution"] == 2000
    other = Mandate.objects.get(mission=other_mission)
    assert client.get(f"/api/mandates/{other.pk}/").status_code == 404
    assert client.post("/api/mandates/", {}).status_code == 405
    tasks_rows = client.get(f"/api/mandated-tasks/?mission={mission.code}").json()["results"]
    assert len(tasks_rows) == 1


def _history_fixture(mission, res, tasks):
    change(mission, res[2000], [tasks["humrts_monitor"]], D(2025, 1, 10))
    change(mission, res[2100], [tasks["humrts_monitor"], tasks["prociv"]], D(2025, 7, 1))


def test_history_api_json_and_csv(mission, other_mission, res, tasks, make_user):
    _history_fixture(mission, res, tasks)
    client = APIClient()
    client.force_authenticate(make_user("joc-officer", mission))
    rows = client.get(f"/api/missions/{mission.code}/mandate-history/").json()
    assert [r["version"] for r in rows] == [1, 2]
    assert rows[1]["tasks_added"] == tasks["prociv"] and rows[1]["chapter_vii"] is True
    response = client.get(f"/api/missions/{mission.code}/mandate-history/?export=csv")
    assert response["Content-Type"].startswith("text/csv")
    lines = response.content.decode().splitlines()
    assert lines[0].startswith("mission,version,resolutions") and len(lines) == 3
    assert client.get(f"/api/missions/{other_mission.code}/mandate-history/").status_code == 404


def test_mandate_cli_history_gap_consultations(mission, res, tasks):
    import io

    from django.core.management import CommandError, call_command

    _history_fixture(mission, res, tasks)
    out = io.StringIO()
    call_command("mandate", "history", mission.code, stdout=out)
    assert "v2 2025-07-01..now [2100] Chapter VII: 2 tasks" in out.getvalue()
    assert f"+ {tasks['prociv']}" in out.getvalue()
    out = io.StringIO()
    call_command("mandate", "history", mission.code, "--csv", stdout=out)
    assert out.getvalue().count("\n") == 3
    out = io.StringIO()
    call_command("mandate", "gap", mission.code, stdout=out)
    assert "No mandate-resource gap" in out.getvalue()
    out = io.StringIO()
    call_command("mandate", "consultations", mission.code, "--overdue", stdout=out)
    assert "overdue" in out.getvalue()
    with pytest.raises(CommandError, match="Unknown mission code NOPE"):
        call_command("mandate", "history", "nope")
    with pytest.raises(CommandError, match="ratio must be"):
        call_command("mandate", "gap", mission.code, "--ratio", "2")


def test_api_records_a_mandate_change(mission, tasks, make_user, contingent):
    client = APIClient()
    client.force_authenticate(make_user("head-of-mission", mission))
    url = f"/api/missions/{mission.code}/mandate/"
    first = client.post(
        url,
        {"resolution": 2301, "effective_from": "2025-01-10", "tasks": [tasks["humrts_monitor"]]},
        format="json",
    )
    assert first.status_code == 201, first.json()
    second = client.post(
        url,
        {
            "resolution": 2350,
            "effective_from": "2025-07-01",
            "chapter_vii": True,
            "all_necessary_means": True,
            "tasks": [tasks["humrts_monitor"], tasks["prociv"]],
            "priority_tasks": [tasks["prociv"]],
        },
        format="json",
    )
    body = second.json()
    assert second.status_code == 201 and body["version"] == 2 and body["chapter_vii"] is True
    assert body["diff"]["tasks_added"] == [tasks["prociv"]]
    assert Consultation.objects.filter(mission=mission, trigger="mandate_change").exists()


@pytest.mark.parametrize(
    ("payload", "status", "key"),
    [
        ({"effective_from": "2025-01-10", "tasks": ["x"]}, 400, "resolution"),
        ({"resolution": 1, "effective_from": "2025-02-30", "tasks": ["x"]}, 400, "effective_from"),
        ({"resolution": 1, "effective_from": "2025-01-10", "tasks": []}, 400, "tasks"),
        ({"resolution": 1, "effective_from": "2025-01-10", "tasks": ["no-such"]}, 400, "code"),
    ],
)
def test_api_mandate_change_bad_input(mission, make_user, payload, status, key):
    client = APIClient()
    client.force_authenticate(make_user("head-of-mission", mission))
    response = client.post(f"/api/missions/{mission.code}/mandate/", payload, format="json")
    assert response.status_code == status and key in response.json()
    assert not Mandate.objects.exists()


def test_api_mandate_change_forbidden_role(mission, tasks, make_user):
    client = APIClient()
    client.force_authenticate(make_user("joc-officer", mission))
    response = client.post(
        f"/api/missions/{mission.code}/mandate/",
        {"resolution": 1, "effective_from": "2025-01-10", "tasks": [tasks["prociv"]]},
        format="json",
    )
    assert response.status_code == 403


def test_given_a_mandate_on_two_resolutions_then_the_mission_filter_lists_both(mission, make_user):
    """UNIFIL's model: one mandate resting on resolutions 425 and 426 adopted together."""
    first = Resolution.objects.create(number=425, adopted_on=D(1978, 3, 19))
    second = Resolution.objects.create(number=426, adopted_on=D(1978, 3, 19))
    mandate = Mandate.objects.create(
        mission=mission, resolution=first, version=1, effective_from=D(1978, 3, 19)
    )
    mandate.joint_resolutions.add(second)
    client = APIClient()
    client.force_authenticate(make_user("head-of-mission", mission))
    body = client.get("/api/resolutions/", {"mission": mission.code}).json()
    assert sorted(r["number"] for r in body["results"]) == [425, 426]


def test_given_the_first_mandate_then_the_deployment_clock_runs_from_its_resolution(
    mission, res, tasks
):
    """The clock follows the mandate records, not a date typed on the mission (§6.2)."""
    from bluehelmet.lifecycle.clock import deployment_clock

    mission.mandate_authorised_on = None
    mission.save()
    res[2000].adopted_on = D(2025, 2, 3)
    res[2000].save()
    change(mission, res[2000], [tasks["humrts_monitor"]], D(2025, 2, 10))
    mission.refresh_from_db()
    assert mission.mandate_authorised_on == D(2025, 2, 3)
    assert deployment_clock(mission, D(2025, 2, 13)).mandate_on == D(2025, 2, 3)
    change(mission, res[2100], [tasks["humrts_monitor"]], D(2025, 8, 1))
    mission.refresh_from_db()
    assert mission.mandate_authorised_on == D(2025, 2, 3)  # renewals do not restart it
