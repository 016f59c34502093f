"""The audit log: every change and strictly confidential read, append-only (DESIGN "Audit")."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from bluehelmet.core import models as m
from bluehelmet.core.context import acting_as
from bluehelmet.core.permissions import Sensitivity


def _api(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_create_update_delete_are_logged_with_actor_and_diff(mission, make_user):
    user = make_user("head-of-mission", mission)
    with acting_as(user):
        partner = m.Partner.objects.create(mission=mission, name="WFP", kind="unct_agency")
        partner.focal_point = "Country Director"
        partner.save()
        partner_id = partner.pk
        partner.delete()
    entries = m.AuditEntry.objects.filter(object_id=str(partner_id), content_type__model="partner")
    assert [e.action for e in entries.order_by("id")] == ["create", "update", "delete"]
    update = entries.get(action="update")
    assert update.actor == user and update.mission_code == mission.code
    assert update.changed_fields == ["focal_point"]
    assert update.before["focal_point"] == "" and update.after["focal_point"] == "Country Director"


def test_saving_without_change_writes_no_entry(mission):
    partner = m.Partner.objects.create(mission=mission, name="WFP", kind="unct_agency")
    partner = m.Partner.objects.get(pk=partner.pk)
    count = m.AuditEntry.objects.count()
    partner.save()
    assert m.AuditEntry.objects.count() == count


def test_audit_rows_cannot_be_edited_or_deleted(mission):
    entry = m.AuditEntry.objects.first()
    entry.note = "tampered"
    with pytest.raises(m.AuditImmutableError):
        entry.save()
    with pytest.raises(m.AuditImmutableError):
        entry.delete()
    with pytest.raises(m.AuditImmutableError):
        m.AuditEntry.objects.all().update(note="x")
    with pytest.raises(m.AuditImmutableError):
        m.AuditEntry.objects.all().delete()


def test_audit_api_is_read_only(mission, make_user):
    client = _api(make_user("head-of-mission", mission))
    entry = m.AuditEntry.objects.filter(mission=mission).first()
    assert client.get(f"/api/audit/{entry.pk}/").status_code == 200
    assert client.patch(f"/api/audit/{entry.pk}/", {"note": "x"}).status_code == 405
    assert client.delete(f"/api/audit/{entry.pk}/").status_code == 405


def test_audit_api_needs_the_audit_action_and_is_mission_scoped(mission, other_mission, make_user):
    assert _api(make_user("joc-officer", mission)).get("/api/audit/").json()["count"] == 0
    rows = _api(make_user("head-of-mission", mission)).get("/api/audit/?page_size=1000").json()
    codes = {r["mission_code"] for r in rows["results"]}
    assert codes == {mission.code}
    hq_rows = _api(make_user("hq-oversight")).get("/api/audit/?page_size=1000").json()["results"]
    assert {mission.code, other_mission.code} <= {r["mission_code"] for r in hq_rows}


def test_strictly_confidential_reads_are_logged(mission, make_user):
    secret = m.Partner.objects.create(
        mission=mission,
        name="Informant network",
        kind="ngo",
        sensitivity=Sensitivity.STRICTLY_CONFIDENTIAL,
    )
    m.Partner.objects.create(mission=mission, name="Open NGO", kind="ngo")
    reader = make_user("head-of-mission", mission)
    client = _api(reader)
    assert client.get(f"/api/partners/{secret.pk}/").status_code == 200
    client.get("/api/partners/")
    reads = m.AuditEntry.objects.filter(action="read", actor=reader)
    assert reads.count() == 2
    assert set(reads.values_list("object_id", flat=True)) == {str(secret.pk)}


def test_lower_clearance_auditor_does_not_see_secret_diffs(mission, make_user):
    m.Partner.objects.create(
        mission=mission, name="Source", kind="ngo", sensitivity=Sensitivity.STRICTLY_CONFIDENTIAL
    )
    role = m.Role.objects.create(
        code="junior-audit",
        name="Junior audit",
        scope="mission",
        clearance=Sensitivity.CONFIDENTIAL,
        actions=["view", "audit"],
    )
    user = make_user()
    m.Membership.objects.create(user=user, role=role, mission=mission)
    rows = _api(user).get("/api/audit/?page_size=1000").json()["results"]
    assert rows and all(r["object_repr"] != "Source" for r in rows)


def test_deleting_a_mission_leaves_its_audit_rows_untouched(mission, make_user):
    ids = list(m.AuditEntry.objects.filter(mission=mission).values_list("id", "mission_id"))
    mission_id = mission.pk
    m.Mission.objects.filter(pk=mission_id).delete()
    after = list(
        m.AuditEntry.objects.filter(id__in=[i for i, _ in ids]).values_list("id", "mission_id")
    )
    assert sorted(after) == sorted(ids) and all(mid == mission_id for _, mid in after)
    rows = _api(make_user("hq-oversight")).get("/api/audit/?mission=MINUSTEST").json()["results"]
    assert rows and all(r["mission_code"] == "MINUSTEST" for r in rows)
