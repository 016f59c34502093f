"""The guidance index (Capstone Annex 1): documents of the series 1000-6000 and the principles
each cites; a subordinate document citing none is flagged; HQ may dismiss the flag with a
reason; the index is read by all and written by HQ only."""

from __future__ import annotations

from typing import Any

import pytest
from rest_framework.test import APIClient
from tests.pages_support import client_for

from bluehelmet.core.errors import ActionError
from bluehelmet.doctrine import models as dm
from bluehelmet.doctrine.index import do_override_guidance_verdict, judge

pytestmark = pytest.mark.django_db


def document(series: int, title: str = "Policy on civil affairs", **extra: Any) -> Any:
    return dm.GuidanceDocument.objects.create(
        title=title,
        series=dm.GuidanceSeries.objects.get(series=series),
        issuing_office=extra.pop("issuing_office", "DPKO Policy and Best Practices Service"),
        **extra,
    )


def test_subordinate_guidance_citing_no_principle_is_flagged() -> None:
    uncited = document(4000)
    verdict = judge(uncited)
    assert verdict.flagged and "4000-series" in verdict.explanation
    uncited.principles.add(dm.Principle.objects.get(code="consent"))
    assert not judge(uncited).flagged
    assert not judge(document(1000, "Principles and Guidelines")).flagged


def test_hq_dismisses_the_flag_with_a_reason_and_a_mission_role_may_not(
    mission: Any, make_user: Any
) -> None:
    doc = document(5000, "Aviation manual")
    with pytest.raises(ActionError) as forbidden:
        do_override_guidance_verdict(
            doc,
            decision="dismissed",
            reason="Technical manual.",
            acting_user=make_user("head-of-mission", mission),
        )
    assert forbidden.value.status == 403
    planner = make_user("hq-planner")
    with pytest.raises(ActionError) as no_reason:
        do_override_guidance_verdict(doc, decision="dismissed", reason="", acting_user=planner)
    assert no_reason.value.status == 400
    do_override_guidance_verdict(
        doc, decision="dismissed", reason="A technical manual.", acting_user=planner
    )
    verdict = judge(doc)
    assert verdict.flagged and verdict.dismissed
    cited = document(3000)
    cited.principles.add(dm.Principle.objects.get(code="impartiality"))
    with pytest.raises(ActionError) as not_flagged:
        do_override_guidance_verdict(cited, decision="accepted", reason="x", acting_user=planner)
    assert not_flagged.value.status == 409


def test_the_index_is_browsed_by_series_searched_and_written_by_hq_only(
    mission: Any, make_user: Any
) -> None:
    document(4000, "Civil affairs handbook").principles.add(
        dm.Principle.objects.get(code="consent")
    )
    document(5000, "Aviation manual")
    reader = client_for(make_user("partner-liaison", mission))
    page = reader.get("/doctrine/guidance-index/", {"series": "5000"}).content.decode()
    assert "Aviation manual" in page and "Civil affairs handbook" not in page
    found = reader.get("/doctrine/guidance-index/", {"q": "handbook"}).content.decode()
    assert "Civil affairs handbook" in found and "Aviation manual" not in found
    uncited = reader.get("/doctrine/guidance-index/", {"uncited": "true"}).content.decode()
    assert "Aviation manual" in uncited and "Civil affairs handbook" not in uncited
    assert "Aviation manual" in reader.get("/doctrine/guidance/series-5000/").content.decode()
    assert reader.get("/doctrine/guidance-index/add/").status_code == 404
    hom = APIClient()
    hom.force_authenticate(make_user("head-of-mission", mission))
    body = {"title": "SOP", "series": 3000, "issuing_office": "DPKO", "principles": []}
    assert hom.post("/api/doctrine/guidance-index/", body, format="json").status_code == 403
    hq = APIClient()
    hq.force_authenticate(make_user("hq-planner"))
    made = hq.post("/api/doctrine/guidance-index/", body, format="json")
    assert made.status_code == 201 and made.json()["verdict"]["status"] == "flagged"
    listed = hom.get("/api/doctrine/guidance-index/", {"series": 3000}).json()
    assert [d["title"] for d in listed["results"]] == ["SOP"]
    planner = client_for(make_user("hq-planner"))
    added = planner.post(
        "/doctrine/guidance-index/add/",
        {
            "title": "Policy on PoC",
            "series": dm.GuidanceSeries.objects.get(series=1000).pk,
            "issuing_office": "DPKO/DFS",
            "status": "in_force",
        },
    )
    assert added.status_code == 302
