"""Deployment and report pages (Capstone §4.1-4.3): HQ pages, 404 for others, the actions
from the assessment page, the decision, and the report as page, DOCX and PDF."""

from __future__ import annotations

import io
import shutil

import pytest
from django.urls import reverse
from tests.conftest import skip_or_fail
from tests.deployment_support import make_crisis, scenario
from tests.pages_support import client_for

from bluehelmet.deployment import models as m
from bluehelmet.reports.models import CouncilReport

pytestmark = pytest.mark.django_db


@pytest.fixture
def planner(make_user):
    return make_user("hq-planner")


@pytest.fixture
def crisis():
    return make_crisis()


def pages(crisis):
    tam = crisis.assessment.assessment_missions.get()
    return [
        reverse("crisissituation-list"),
        reverse("crisissituation-detail", args=[crisis.situation.pk]),
        reverse("crisissituation-add"),
        reverse("strategicassessment-list"),
        reverse("strategicassessment-detail", args=[crisis.assessment.pk]),
        reverse("strategicassessment-edit", args=[crisis.assessment.pk]),
        reverse("strategicassessment-decision", args=[crisis.assessment.pk]),
        reverse("deploymentoption-list"),
        reverse("deploymentoption-detail", args=[crisis.options["multi"].pk]),
        reverse("deploymentoption-add") + f"?assessment={crisis.assessment.pk}",
        reverse("deploymentfactor-detail", args=[crisis.assessment.factors.first().pk]),
        reverse("assessmentmission-detail", args=[tam.pk]),
        reverse("assessmentfinding-detail", args=[tam.findings.get().pk]),
        reverse("scenario-add") + f"?option={crisis.options['multi'].pk}",
        reverse("deploymentdecision-list"),
        reverse("councilreport-list"),
        reverse("councilreport-add") + f"?assessment={crisis.assessment.pk}",
    ]


def test_given_a_planner_then_every_page_renders(planner, crisis):
    client = client_for(planner)
    for url in pages(crisis):
        assert client.get(url).status_code == 200, url


def test_given_a_mission_role_then_records_are_404_and_lists_empty(make_user, mission, crisis):
    client = client_for(make_user("head-of-mission", mission))
    for url in pages(crisis)[1:]:
        if "-list" in url or url.endswith("s/"):
            continue
        assert client.get(url).status_code == 404, url
    assert b"Crisis in Ostemba" not in client.get(reverse("crisissituation-list")).content


def test_given_the_assessment_page_then_missing_conditions_of_the_recommended_option(
    planner, crisis
):
    client = client_for(planner)
    assessment = crisis.assessment
    m.StrategicAssessment.objects.filter(pk=assessment.pk).update(
        council_backing=m.CouncilBacking.DIVIDED
    )
    url = reverse("strategicassessment-detail", args=[assessment.pk])
    action = reverse("strategicassessment-action", args=[assessment.pk, "recommend"])
    assert client.post(action, {"option": crisis.options["multi"].pk}).status_code == 302
    page = client.get(url).content.decode()
    assert "1 condition is not in place" in page and "A united Security Council" in page
    override = reverse("strategicassessment-action", args=[assessment.pk, "override"])
    client.post(
        override,
        {
            "option": crisis.options["multi"].pk,
            "rule": "united-council",
            "decision": "dismissed",
            "reason": "Agreed in consultations.",
        },
    )
    page = client.get(url).content.decode()
    assert "Every condition is in place or was dismissed" in page
    assert "Agreed in consultations." in page


def test_given_no_worst_case_then_the_page_refuses_final_with_the_reason(planner, crisis):
    client = client_for(planner)
    assessment = crisis.assessment
    act = lambda verb, **data: client.post(  # noqa: E731
        reverse("strategicassessment-action", args=[assessment.pk, verb]), data, follow=True
    )
    act("recommend", option=crisis.options["multi"].pk)
    act("status", status="in_review")
    page = act("status", status="final").content.decode()
    assert "has no worst-case scenario" in page
    scenario(crisis.options["multi"], m.ScenarioKind.WORST)
    act("status", status="final")
    assessment.refresh_from_db()
    assert assessment.status == m.AssessmentStatus.FINAL


def test_given_the_decision_form_then_a_mission_is_created(planner, crisis):
    client = client_for(planner)
    url = reverse("strategicassessment-decision", args=[crisis.assessment.pk])
    bad = client.post(url, {"outcome": "deploy"})
    assert bad.status_code == 400
    answer = client.post(
        url,
        {
            "outcome": "deploy",
            "decided_on": "2026-11-02",
            "decided_by": "Security Council",
            "option": crisis.options["multi"].pk,
            "resolution": 2998,
            "mission_code": "MINUOST",
            "mission_name": "UN Mission in Ostemba",
        },
    )
    assert answer.status_code == 302
    assert m.DeploymentDecision.objects.get().mission.code == "MINUOST"


def report_with_version(client, crisis):
    client.post(
        reverse("councilreport-add"),
        {
            "assessment": crisis.assessment.pk,
            "title": "Report on Ostemba",
            "council_needs_to_know": "Risks, plainly.",
            "sensitivity": 1,
        },
    )
    report = CouncilReport.objects.get()
    client.post(reverse("councilreport-action", args=[report.pk, "assemble"]))
    return report


def test_given_a_report_then_page_and_docx(planner, crisis):
    client = client_for(planner)
    report = report_with_version(client, crisis)
    page = client.get(reverse("councilreport-version", args=[report.pk, 1])).content.decode()
    assert "I. Political and security situation" in page and "Observations" in page
    answer = client.get(reverse("councilreport-version", args=[report.pk, 1]) + "?format=docx")
    assert answer.status_code == 200
    from docx import Document

    text = "\n".join(p.text for p in Document(io.BytesIO(answer.content)).paragraphs)
    assert "Report on Ostemba" in text and "VI. Observations" in text and "Annex" in text
    assert "1.\t" in text


def test_given_chromium_then_the_report_prints_to_pdf(planner, crisis):
    if shutil.which("chromium") is None:
        skip_or_fail("Chromium is not installed")
    client = client_for(planner)
    report = report_with_version(client, crisis)
    answer = client.get(reverse("councilreport-version", args=[report.pk, 1]) + "?format=pdf")
    assert answer.status_code == 200 and answer.content.startswith(b"%PDF")
