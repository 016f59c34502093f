"""The permission-aware manager: mission, role and sensitivity scoping (Capstone §7.1-7.2)."""

from __future__ import annotations

import pytest

from bluehelmet.core import models as m
from bluehelmet.core.permissions import Action, Sensitivity, user_can


def _partner(mission, name, sensitivity=Sensitivity.UNCLASSIFIED):
    return m.Partner.objects.create(mission=mission, name=name, kind="ngo", sensitivity=sensitivity)


def test_given_a_mission_user_when_listing_then_only_their_mission(
    mission, other_mission, make_user
):
    user = make_user("joc-officer", mission)
    assert list(m.Mission.objects.restrict(user)) == [mission]


def test_given_an_hq_role_when_listing_then_every_mission(mission, other_mission, make_user):
    assert set(m.Mission.objects.restrict(make_user("hq-planner"))) == {mission, other_mission}


def test_given_no_membership_then_nothing_is_visible(mission, make_user):
    assert not m.Mission.objects.restrict(make_user()).exists()
    assert not m.OrgUnit.objects.restrict(make_user()).exists()


def test_anonymous_sees_nothing(mission):
    from django.contrib.auth.models import AnonymousUser

    assert not m.Mission.objects.restrict(AnonymousUser()).exists()


@pytest.mark.parametrize(
    ("role", "visible"),
    [
        ("partner-liaison", {"open"}),
        ("component-staff", {"open"}),
        ("joc-officer", {"open", "conf"}),
        ("head-of-mission", {"open", "conf", "secret"}),
        ("conduct-discipline", {"open", "conf", "secret"}),
    ],
)
def test_sensitivity_follows_the_roles_clearance(role, visible, mission, make_user):
    _partner(mission, "open")
    _partner(mission, "conf", Sensitivity.CONFIDENTIAL)
    _partner(mission, "secret", Sensitivity.STRICTLY_CONFIDENTIAL)
    names = set(m.Partner.objects.restrict(make_user(role, mission)).values_list("name", flat=True))
    assert names == visible


def test_hq_clearance_applies_across_missions(mission, other_mission, make_user):
    _partner(mission, "a-conf", Sensitivity.CONFIDENTIAL)
    _partner(other_mission, "b-secret", Sensitivity.STRICTLY_CONFIDENTIAL)
    researcher = make_user("researcher")
    planner = make_user("hq-planner")
    assert not m.Partner.objects.restrict(researcher).exists()
    assert set(m.Partner.objects.restrict(planner).values_list("name", flat=True)) == {"a-conf"}


def test_two_memberships_combine_per_mission(mission, other_mission, make_user):
    user = make_user("partner-liaison", mission)
    m.Membership.objects.create(
        user=user, role=m.Role.objects.get(code="head-of-mission"), mission=other_mission
    )
    _partner(mission, "here-conf", Sensitivity.CONFIDENTIAL)
    _partner(other_mission, "there-secret", Sensitivity.STRICTLY_CONFIDENTIAL)
    names = set(m.Partner.objects.restrict(user).values_list("name", flat=True))
    assert names == {"there-secret"}


def test_actions_come_from_the_role(mission, make_user):
    staff = make_user("component-staff", mission)
    assert user_can(staff, Action.ADD, mission.pk)
    assert not user_can(staff, Action.CHANGE, mission.pk)
    assert not user_can(staff, Action.ADD, mission.pk, Sensitivity.CONFIDENTIAL)
    assert user_can(make_user("head-of-mission", mission), Action.TRANSITION, mission.pk)


def test_inactive_membership_grants_nothing(mission, make_user):
    user = make_user("joc-officer", mission)
    user.memberships.update(active=False)
    assert not m.Mission.objects.restrict(user).exists()


def test_changing_a_role_row_changes_access_without_code(mission, make_user):
    user = make_user("component-staff", mission)
    _partner(mission, "conf", Sensitivity.CONFIDENTIAL)
    assert not m.Partner.objects.restrict(user).exists()
    m.Role.objects.filter(code="component-staff").update(clearance=Sensitivity.CONFIDENTIAL)
    fresh = type(user).objects.get(pk=user.pk)  # grants are cached per request/user object
    assert m.Partner.objects.restrict(fresh).count() == 1


def test_reference_data_is_readable_by_all_but_written_by_hq(mission, make_user):
    m.ContributingCountry.objects.create(iso3="NPL")
    staff = make_user("head-of-mission", mission)
    assert m.ContributingCountry.objects.restrict(staff).count() == 1
    assert not m.ContributingCountry.objects.restrict(staff, Action.CHANGE).exists()
    assert m.ContributingCountry.objects.restrict(make_user("hq-admin"), Action.CHANGE).exists()


def test_membership_scope_is_validated(mission, make_user):
    from django.core.exceptions import ValidationError

    user = make_user()
    with pytest.raises(ValidationError):
        m.Membership(
            user=user, role=m.Role.objects.get(code="hq-planner"), mission=mission
        ).full_clean()
    with pytest.raises(ValidationError):
        m.Membership(user=user, role=m.Role.objects.get(code="joc-officer")).full_clean()
