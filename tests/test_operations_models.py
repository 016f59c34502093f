"""JOC models and domain actions (Capstone §7.2): taxonomy, incidents, reports, crises."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from tests.operations_support import at, incident

from bluehelmet.core.errors import ActionError
from bluehelmet.core.models import AuditAction, AuditEntry, OrgUnit, OrgUnitKind
from bluehelmet.core.permissions import Sensitivity
from bluehelmet.operations import actions as act
from bluehelmet.operations.catalogue import CATEGORIES, GED_IN
from bluehelmet.operations.geo import cell_label, parse_bbox
from bluehelmet.operations.models import (
    CrisisLogEntry,
    CrisisStatus,
    CrisisTask,
    FlashReport,
    IncidentCategory,
    ReportStatus,
    SituationReport,
    TaskStatus,
)

ISSUE_TOPICS = {
    "armed_violence": {"clash-state", "clash-non-state", "remote-violence", "territory-change"},
    "un_safety": {"attack-un-personnel", "attack-un-premises"},
    "protection": {"attack-civilians", "poc-threat", "abduction", "sexual-violence"},
    "public_order": {"demonstration", "riot"},
    "crime": {"crime", "hijacking"},
    "movement": {"armed-group-movement", "movement-restriction"},
    "access": {"humanitarian-access"},
    "hazards": {"explosive-hazard", "natural-hazard"},
}


def actions_logged(verb: str) -> int:
    return AuditEntry.objects.filter(action=AuditAction.ACTION, verb=verb).count()


def test_taxonomy_is_loaded_and_covers_the_issue(db):
    loaded = {c.code: c for c in IncidentCategory.objects.all()}
    assert set(loaded) == {spec.code for spec in CATEGORIES}
    for group, codes in ISSUE_TOPICS.items():
        assert codes <= {c for c, cat in loaded.items() if cat.group == group}, group


ACLED_TYPES = {
    "Battles": [
        "Armed clash",
        "Government regains territory",
        "Non-state actor overtakes territory",
    ],
    "Explosions/Remote violence": [
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ],
    "Violence against civilians": ["Sexual violence", "Attack", "Abduction/forced disappearance"],
    "Protests": [
        "Peaceful protest",
        "Protest with intervention",
        "Excessive force against protesters",
    ],
    "Riots": ["Violent demonstration", "Mob violence"],
    "Strategic developments": [
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ],
}
ACLED_PAIRS = {(event, sub) for event, subs in ACLED_TYPES.items() for sub in subs}


def test_taxonomy_maps_both_ways_to_acled_and_ged(db):
    loaded = {c.code: c for c in IncidentCategory.objects.all()}
    for ged_type, code in GED_IN.items():  # GED in -> category -> the same GED type out
        assert loaded[code].ged_type_of_violence == ged_type
    read_in = [tuple(p) for c in loaded.values() for p in c.acled_in]
    assert set(read_in) == ACLED_PAIRS and len(read_in) == len(ACLED_PAIRS)  # each pair once
    for category in loaded.values():  # every category goes out as a real ACLED pair
        pair = (category.acled_event_type, category.acled_sub_event_type)
        assert pair in ACLED_PAIRS or category.code == "natural-hazard", category.code


def test_incident_gets_h3_cells_and_validates_its_links(mission, other_mission):
    item = incident(mission, latitude=5.399784, longitude=26.486881)
    assert cell_label(item.h3_r7) == "876a1c2c6ffffff" and item.h3_r5 is not None
    item.latitude = item.longitude = None
    item.save()
    assert item.h3_r5 is None and item.h3_r7 is None
    foreign = incident(other_mission)
    item.duplicate_of = foreign
    item.longitude = 3.0
    with pytest.raises(ValidationError) as err:
        item.full_clean()
    assert {"duplicate_of", "longitude"} <= set(err.value.message_dict)


def test_bbox_parser_refuses_nonsense():
    assert parse_bbox("14,2,27,11").max_lat == 11
    for bad in ["1,2,3", "a,b,c,d", "14,2,27,95", "27,2,14,11", "nan,1,2,3"]:
        with pytest.raises(ValueError):
            parse_bbox(bad)


def test_verification_keeps_history_and_one_audit_entry(mission, make_user):
    officer = make_user("joc-officer", mission)
    item = incident(mission)
    before = AuditEntry.objects.count()
    act.do_record_verification(item, "partial", acting_user=officer, note="UNPOL patrol")
    act.do_record_verification(item, "verified", acting_user=officer, note="site visit")
    assert AuditEntry.objects.count() == before + 2 == before + actions_logged("verify_incident")
    steps = list(item.verifications.values_list("previous_status", "status"))
    assert steps == [("unverified", "partial"), ("partial", "verified")]
    with pytest.raises(ActionError) as err:
        act.do_record_verification(
            item, "verified", acting_user=make_user("partner-liaison", mission)
        )
    assert err.value.code == "forbidden"


@pytest.fixture
def sector(mission):
    hq = OrgUnit.objects.get(mission=mission, kind=OrgUnitKind.MISSION_HQ)
    west = OrgUnit.objects.create(
        mission=mission,
        parent=hq,
        kind=OrgUnitKind.SECTOR_HQ,
        name="Sector West",
        latitude=5.0,
        longitude=16.0,
    )
    OrgUnit.objects.create(
        mission=mission,
        parent=west,
        kind=OrgUnitKind.TEAM_SITE,
        name="Team site Paoua",
        latitude=7.2,
        longitude=16.4,
    )
    return west


def test_sitrep_compiles_the_period_and_publishes_once(mission, sector, make_user):
    officer = make_user("joc-officer", mission)
    team_site = OrgUnit.objects.get(name="Team site Paoua")
    in_sector = incident(mission, occurred_at=at(2025, 3, 10, 8), org_unit=team_site)
    elsewhere = incident(mission, occurred_at=at(2025, 3, 10, 9))
    incident(mission, occurred_at=at(2025, 3, 11, 9))  # the next day
    incident(mission, occurred_at=at(2025, 3, 10, 10), duplicate_of=elsewhere)
    wide = SituationReport.objects.create(mission=mission, report_date=datetime.date(2025, 3, 10))
    west = SituationReport.objects.create(
        mission=mission, org_unit=sector, report_date=datetime.date(2025, 3, 10)
    )
    assert act.do_compile_situation_report(wide, acting_user=officer) == 2
    assert act.do_compile_situation_report(west, acting_user=officer) == 1
    assert list(west.incidents.all()) == [in_sector]
    before = AuditEntry.objects.count()
    act.do_publish_situation_report(wide, acting_user=officer)
    assert AuditEntry.objects.count() == before + 1
    assert actions_logged("publish_situation_report") == 1
    wide.refresh_from_db()
    assert wide.status == ReportStatus.PUBLISHED and wide.published_by == officer
    with pytest.raises(ActionError) as err:
        act.do_publish_situation_report(wide, acting_user=officer)
    assert err.value.code == "wrong_state"


def test_sitrep_classification_must_cover_its_incidents(mission, make_user):
    officer = make_user("joc-officer", mission)
    incident(mission, sensitivity=Sensitivity.CONFIDENTIAL)
    report = SituationReport.objects.create(mission=mission, report_date=datetime.date(2025, 3, 10))
    act.do_compile_situation_report(report, acting_user=officer)
    with pytest.raises(ActionError) as err:
        act.do_publish_situation_report(report, acting_user=officer)
    assert err.value.code == "classification" and "Confidential" in err.value.message
    report.sensitivity = Sensitivity.CONFIDENTIAL
    report.save()
    act.do_publish_situation_report(report, acting_user=officer)


def test_compiling_leaves_out_what_the_compiler_may_not_see(mission, make_user):
    staff = make_user("joc-officer", mission)
    incident(mission, sensitivity=Sensitivity.STRICTLY_CONFIDENTIAL)
    incident(mission)
    report = SituationReport.objects.create(mission=mission, report_date=datetime.date(2025, 3, 10))
    assert act.do_compile_situation_report(report, acting_user=staff) == 1


def test_one_mission_wide_sitrep_a_day(mission):
    SituationReport.objects.create(mission=mission, report_date=datetime.date(2025, 3, 10))
    duplicate = SituationReport(mission=mission, report_date=datetime.date(2025, 3, 10))
    with pytest.raises(ValidationError):
        duplicate.full_clean()


def test_flash_report_is_issued_with_one_audit_entry(mission, make_user):
    officer = make_user("joc-officer", mission)
    flash = FlashReport.objects.create(
        mission=mission, incident=incident(mission), title="Ambush", summary="QRF deployed"
    )
    before = AuditEntry.objects.count()
    act.do_issue_flash_report(flash, acting_user=officer)
    assert AuditEntry.objects.count() == before + 1 and flash.issued_at is not None


def test_crisis_opens_logs_and_closes(mission, make_user):
    officer = make_user("joc-officer", mission)
    trigger = incident(mission, category="attack-un-personnel", un_personnel_killed=2)
    before = AuditEntry.objects.count()
    crisis = act.do_open_crisis(
        mission, "Attack on team site", acting_user=officer, incidents=[trigger]
    )
    assert AuditEntry.objects.count() == before + 1 == before + actions_logged("open_crisis")
    assert crisis.log_entries.get().kind == "decision"
    task = CrisisTask.objects.create(mission=mission, crisis=crisis, title="MEDEVAC")
    CrisisTask.objects.create(
        mission=mission, crisis=crisis, title="Inform HQ", status=TaskStatus.DONE
    )
    assert CrisisTask.objects.get(title="Inform HQ").completed_at is not None
    before = AuditEntry.objects.count()
    act.do_close_crisis(crisis, acting_user=officer, summary="Situation stable")
    assert AuditEntry.objects.count() == before + 1
    crisis.refresh_from_db()
    assert crisis.status == CrisisStatus.CLOSED and crisis.closed_at is not None
    assert "1 task still open" in crisis.log_entries.last().text
    late = CrisisLogEntry(mission=mission, crisis=crisis, text="too late")
    with pytest.raises(ValidationError):
        late.full_clean()
    assert task.status == TaskStatus.TODO
