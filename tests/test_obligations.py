"""Events the platform detects open the consultations Capstone §4.3 requires: a crisis (rapid
deterioration of security) and a de facto withdrawal of consent (serious development, §3.1)."""

from __future__ import annotations

import pytest
from tests.principles_support import D, party

from bluehelmet.core import models as core
from bluehelmet.mandates.models import Consultation, ConsultationTrigger
from bluehelmet.operations.actions import do_open_crisis
from bluehelmet.principles import models as m

pytestmark = pytest.mark.django_db


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run what a call sends after commit, as a real request would."""

    def run(fn, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return fn(*args, **kwargs)

    return run


@pytest.fixture
def contributors(mission):
    country = core.ContributingCountry.objects.create(iso3="NPL")
    core.Contingent.objects.create(
        mission=mission,
        country=country,
        name="NEPBATT",
        unit_type="infantry_battalion",
        strength=850,
    )
    return country


def test_given_a_crisis_opened_then_a_consultation_on_rapid_deterioration_is_due(
    mission, contributors, make_user, committed
):
    officer = make_user("joc-officer", mission)
    committed(do_open_crisis, mission, "Attack on a team site", acting_user=officer)
    consultation = Consultation.objects.get(mission=mission)
    assert consultation.trigger == ConsultationTrigger.SECURITY_DETERIORATION
    assert list(consultation.countries.all()) == [contributors]
    assert "Attack" not in consultation.reason  # the crisis may be classified; the reason is not


@pytest.fixture
def consent_event(committed):
    def record(mission, anp, day, kind=m.ConsentEventKind.FOM_RESTRICTION):
        return committed(
            m.ConsentEvent.objects.create,
            mission=mission,
            party=anp,
            admin1="Haut-Sanvi",
            kind=kind,
            occurred_on=day,
        )

    return record


def test_given_restrictions_that_amount_to_a_withdrawal_then_one_consultation_is_due(
    mission, contributors, consent_event
):
    anp = party(mission, "Alliance of the Northern Provinces (ANP)")
    consent_event(mission, anp, D(2026, 3, 1))
    consent_event(mission, anp, D(2026, 3, 4))
    assert not Consultation.objects.filter(mission=mission).exists()
    consent_event(mission, anp, D(2026, 3, 6))  # the third restriction in 30 days
    consent_event(mission, anp, D(2026, 3, 9))  # the withdrawal already stands: nothing new
    consultation = Consultation.objects.get(mission=mission)
    assert consultation.trigger == ConsultationTrigger.SERIOUS_DEVELOPMENT
    assert "ANP" not in consultation.reason and "Haut-Sanvi" not in consultation.reason


def test_given_cooperation_in_the_window_then_no_withdrawal_and_no_consultation(
    mission, contributors, consent_event
):
    anp = party(mission, "ANP")
    consent_event(mission, anp, D(2026, 3, 1))
    consent_event(mission, anp, D(2026, 3, 2), m.ConsentEventKind.COOPERATION)
    consent_event(mission, anp, D(2026, 3, 4))
    consent_event(mission, anp, D(2026, 3, 6))
    assert not Consultation.objects.filter(mission=mission).exists()
