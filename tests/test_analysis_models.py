"""JMAC records: actor rules (§3.1), incident links, threat assessment citations and review
(§7.2, §4.2), and the audit rows the actions write."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings
from tests.analysis_support import D, actor, assessment, make_history
from tests.operations_support import incident

from bluehelmet.analysis import actions as act
from bluehelmet.analysis import linking
from bluehelmet.analysis import models as am
from bluehelmet.core.audit import log_action
from bluehelmet.core.errors import ActionError
from bluehelmet.core.models import AuditEntry
from bluehelmet.core.permissions import Sensitivity
from bluehelmet.principles.models import Party, PartyKind

pytestmark = pytest.mark.django_db


# -- actors ----------------------------------------------------------------------------------


def test_a_spoiler_needs_an_assessment_and_its_rationale(mission):
    bad = am.Actor(mission=mission, name="M9J", kind=am.ActorKind.SPOILER)
    with pytest.raises(ValidationError) as exc:
        bad.full_clean()
    assert "limited, greedy or total" in str(exc.value.message_dict["spoiler_assessment"])
    bad.spoiler_assessment = am.SpoilerAssessment.TOTAL
    with pytest.raises(ValidationError) as exc:
        bad.full_clean()
    assert "spoiler_rationale" in exc.value.message_dict
    bad.spoiler_rationale = "Rejected the agreement; attacks the mission."
    bad.full_clean()


def test_two_actors_of_a_mission_cannot_share_a_name_or_alias(mission, other_mission):
    actor(mission, "Movement of 9 January (M9J)", aliases="M9J")
    clash = am.Actor(mission=mission, name="Other group", kind="spoiler", aliases="m9j")
    with pytest.raises(ValidationError) as exc:
        clash.full_clean()
    assert "already names Movement of 9 January (M9J)" in str(exc.value)
    # Another mission may use the same names.
    actor(other_mission, "Other", aliases="M9J")


def test_the_linked_party_must_belong_to_the_same_mission(mission, other_mission):
    party = Party.objects.create(mission=other_mission, name="FRB", kind=PartyKind.SIGNATORY)
    bad = am.Actor(mission=mission, name="FRB", kind="signatory_movement", party=party)
    with pytest.raises(ValidationError) as exc:
        bad.full_clean()
    assert "another mission" in str(exc.value.message_dict["party"])


def test_a_non_signatory_group_cannot_be_a_signatory(mission):
    bad = am.Actor(mission=mission, name="X", kind="non_signatory_group", signatory=True)
    with pytest.raises(ValidationError):
        bad.full_clean()


# -- links -----------------------------------------------------------------------------------


def test_actors_link_to_incidents_by_name_and_alias_whatever_the_case_and_accents(
    mission, django_capture_on_commit_callbacks
):
    a = incident(mission, actor1="Kessaré self-defence committees", actor2="Civilians")
    b = incident(mission, actor1="FAB", actor2="KESSARE SELF-DEFENCE COMMITTEES")
    c = incident(mission, actor1="Someone else", actor2="")
    with django_capture_on_commit_callbacks(execute=True):
        kessare = actor(mission, "Kessaré self-defence committees", kind="communal_militia")
    links = {(link.incident_id, link.side) for link in kessare.incident_links.all()}
    assert links == {(a.pk, am.LinkSide.FIRST), (b.pk, am.LinkSide.SECOND)}
    assert not c.actor_links.exists()


def test_renaming_an_alias_relinks_and_a_new_incident_is_linked_when_saved(
    mission, django_capture_on_commit_callbacks
):
    incident(mission, actor1="Road gangs")
    with django_capture_on_commit_callbacks(execute=True):
        gangs = actor(mission, "Armed bandits", kind="criminal_group")
    assert gangs.incident_links.count() == 0
    with django_capture_on_commit_callbacks(execute=True):
        gangs.aliases = "Road gangs\nCoupeurs de route"
        gangs.save()
    assert gangs.incident_links.count() == 1
    with django_capture_on_commit_callbacks(execute=True):
        later = incident(mission, actor1="Coupeurs de route", actor2="Road gangs")
    assert later.actor_links.get().side == am.LinkSide.BOTH


@override_settings(
    TASKS={"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
)
def test_an_import_queues_a_relink_of_the_mission(mission, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        m9j = actor(mission, "M9J")
    # Imports write in bulk (no per-row signal) and then one audit action.
    make_history(mission, "Tabassi", [2], actor1="M9J")
    assert m9j.incident_links.count() == 0
    with django_capture_on_commit_callbacks(execute=True):
        log_action("import_incidents", mission, acting_user=None, before=None, after={})
    assert m9j.incident_links.count() == 2


def test_linking_reports_the_names_no_actor_claims(mission):
    make_history(mission, "A", [3], actor1="Unknown gunmen")
    make_history(mission, "A", [1], actor1="M9J")
    actor(mission, "M9J")
    result = act.do_link_actor_incidents(mission, acting_user=None)
    assert result.links == 1
    assert result.unmatched[:2] == [("Civilians", 4), ("Unknown gunmen", 3)]
    entry = AuditEntry.objects.get(verb="link_actor_incidents")
    assert entry.after["links"] == 1 and entry.mission_code == mission.code
    assert linking.unmatched_names(mission.pk)[0] == ("Civilians", 4)


# -- threat assessments ---------------------------------------------------------------------


def test_the_period_must_not_end_before_it_starts_and_an_h3_area_must_be_a_cell(mission):
    with pytest.raises(ValidationError) as exc:
        assessment(mission, period_end=D(2025, 1, 1), area_kind="h3", area="not-a-cell")
    assert set(exc.value.message_dict) == {"period_end", "area"}
    assessment(mission, area_kind="h3", area="8559a8c3fffffff")


def test_citing_an_incident_of_another_mission_is_refused_with_a_clear_message(
    mission, other_mission, make_user
):
    analyst = make_user("hq-planner")  # sees both missions
    mine = incident(mission)
    theirs = incident(other_mission)
    draft = assessment(mission, author=analyst)
    with pytest.raises(ActionError) as exc:
        act.do_set_threat_assessment_citations(draft, [mine, theirs], acting_user=analyst)
    assert exc.value.code == act.AnalysisErrorCode.INVALID
    assert f"Incident #{theirs.pk} belongs to another mission" in exc.value.message
    assert not draft.cited_incidents.exists()


def test_a_citation_must_be_visible_to_the_author_and_not_above_the_assessment(mission, make_user):
    analyst = make_user("jmac-analyst", mission)  # cleared to confidential
    secret = incident(mission, sensitivity=Sensitivity.STRICTLY_CONFIDENTIAL)
    confidential = incident(mission, sensitivity=Sensitivity.CONFIDENTIAL)
    draft = assessment(mission, author=analyst, sensitivity=Sensitivity.UNCLASSIFIED)
    errors = act.citation_errors(draft, [secret, confidential], [analyst])
    assert errors == [
        f"Incident #{secret.pk} is not visible to {analyst.username}.",
        f"Incident #{confidential.pk} is confidential: classify the assessment at least as "
        "high to cite it.",
    ]


def test_citations_are_set_with_one_audit_row(mission, make_user):
    analyst = make_user("jmac-analyst", mission)
    first, second = incident(mission), incident(mission)
    draft = assessment(mission, author=analyst)
    act.do_set_threat_assessment_citations(draft, [first, second], acting_user=analyst)
    act.do_set_threat_assessment_citations(draft, [first, second], acting_user=analyst)  # no-op
    entries = AuditEntry.objects.filter(verb="cite_incidents")
    assert entries.count() == 1
    assert entries.get().after == {"cited_incidents": sorted([first.pk, second.pk])}
    assert entries.get().actor == analyst


def test_review_cycle_submit_return_resubmit_approve(mission, make_user):
    analyst = make_user("jmac-analyst", mission)
    chief = make_user("head-of-mission", mission)
    draft = assessment(mission, author=analyst, worst_case="")
    with pytest.raises(ActionError) as exc:
        act.do_submit_threat_assessment(draft, acting_user=analyst)
    assert "worst case" in exc.value.message and "Cite at least one incident" in exc.value.message
    draft.worst_case = "The town falls."
    draft.save()
    act.do_set_threat_assessment_citations(draft, [incident(mission)], acting_user=analyst)
    act.do_submit_threat_assessment(draft, acting_user=analyst)
    assert draft.status == am.AssessmentStatus.IN_REVIEW and draft.submitted_at
    with pytest.raises(ActionError) as exc:
        act.do_approve_threat_assessment(draft, acting_user=analyst)
    assert exc.value.code == act.AnalysisErrorCode.FORBIDDEN
    with pytest.raises(ActionError) as exc:
        act.do_return_threat_assessment(draft, acting_user=chief, reason=" ")
    assert exc.value.message == "Say what the author should change."
    act.do_return_threat_assessment(draft, acting_user=chief, reason="Add the sources.")
    assert draft.status == am.AssessmentStatus.DRAFT and draft.review_reason == "Add the sources."
    act.do_submit_threat_assessment(draft, acting_user=analyst)
    act.do_approve_threat_assessment(draft, acting_user=chief, reason="Agreed.")
    draft.refresh_from_db()
    assert (draft.status, draft.reviewer, draft.review_reason) == ("approved", chief, "Agreed.")
    with pytest.raises(ActionError) as exc:
        act.do_set_threat_assessment_citations(draft, [], acting_user=analyst)
    assert exc.value.code == act.AnalysisErrorCode.WRONG_STATE
    verbs = list(
        AuditEntry.objects.filter(object_id=str(draft.pk), action="action")
        .order_by("id")
        .values_list("verb", flat=True)
    )
    assert verbs == [
        "cite_incidents",
        "submit_threat_assessment",
        "return_threat_assessment",
        "submit_threat_assessment",
        "approve_threat_assessment",
    ]
    approval = AuditEntry.objects.get(verb="approve_threat_assessment")
    assert approval.before["status"] == "in_review" and approval.after["status"] == "approved"


def test_a_user_without_change_rights_cannot_submit(mission, make_user):
    partner = make_user("partner-liaison", mission)
    draft = assessment(mission, sensitivity=Sensitivity.UNCLASSIFIED)
    with pytest.raises(ActionError) as exc:
        act.do_submit_threat_assessment(draft, acting_user=partner)
    assert exc.value.code == act.AnalysisErrorCode.FORBIDDEN
