"""Electoral support, State authority, SSR and rule of law (issue 17; Capstone §2.4): a polling
centre's risk read from the JOC incidents around it, the latest presence of State services by
admin area, and the share of prisoners awaiting trial."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from tests.operations_support import incident
from tests.pages_support import client_for

from bluehelmet.core.actions import do_set_mission_parameter
from bluehelmet.core.models import AdminArea
from bluehelmet.programmes import elections, state
from bluehelmet.programmes import models as m

pytestmark = pytest.mark.django_db

D = datetime.date


def centre(mission: Any, code: str = "PC-1", **fields: Any) -> m.PollingCentre:
    values = {"name": "Bolobi school", "admin1": "Haut-Sanvi", "latitude": 4.4, "longitude": 18.6}
    values.update(fields)
    return m.PollingCentre.objects.create(mission=mission, code=code, **values)


def recent(days: int) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=days)


def levels(mission: Any, user: Any = None) -> dict[str, str]:
    found = elections.mission_risks(mission, user, timezone.now().date())
    return {r.centre.code: r.level for r in found}


def test_a_polling_centres_risk_follows_the_incidents_around_it(mission: Any) -> None:
    centre(mission)
    centre(mission, "PC-FAR", latitude=5.4)  # about 110 km north
    assert levels(mission) == {"PC-1": "low", "PC-FAR": "low"}
    incident(mission, occurred_at=recent(5), killed=0, latitude=4.45)  # about 5.6 km away
    assert levels(mission)["PC-1"] == "medium"
    incident(mission, occurred_at=recent(200), killed=3)  # too old for the 90 days
    assert levels(mission)["PC-1"] == "medium"
    incident(mission, occurred_at=recent(10), killed=2)
    assert levels(mission) == {"PC-1": "high", "PC-FAR": "low"}
    do_set_mission_parameter(
        mission, elections.RADIUS_KEY, 100, acting_user=None, reason="Wider escort area."
    )
    assert levels(mission)["PC-1"] == "high" and levels(mission)["PC-FAR"] == "low"


def test_the_risk_uses_only_incidents_the_reader_may_see(mission: Any, make_user: Any) -> None:
    centre(mission)
    incident(mission, occurred_at=recent(3), killed=2, sensitivity=2)
    assert levels(mission)["PC-1"] == "high"
    assert levels(mission, make_user("component-staff", mission))["PC-1"] == "low"


def test_the_centre_page_shows_its_risk(mission: Any, make_user: Any) -> None:
    found = centre(mission)
    incident(mission, occurred_at=recent(3), killed=1)
    web = client_for(make_user("head-of-mission", mission))
    page = web.get(f"/programmes/polling-centres/{found.pk}/").content.decode()
    assert 'data-level="high"' in page and "1 incident(s), 1 killed" in page
    risk = web.get(f"/api/programmes/polling-risk/?mission={mission.code}").json()
    assert risk["centres"][0]["level"] == "high"


def test_the_latest_presence_of_each_service_counts(mission: Any) -> None:
    for day, present in ((D(2026, 1, 1), True), (D(2026, 6, 1), False)):
        m.StatePresence.objects.create(
            mission=mission, admin1="Tabassi", service="police", observed_on=day, present=present
        )
    m.StatePresence.objects.create(
        mission=mission, admin1="Tabassi", service="health", observed_on=D(2026, 1, 1), present=True
    )
    (row,) = state.presence_matrix(mission, None)
    police = row["cells"][m.StateService.values.index("police")]
    assert police.observed_on == D(2026, 6, 1) and not police.present
    figures = state.state_authority(mission, None)
    assert figures["areas_with_service"]["police"] == 0
    assert figures["areas_with_service"]["health"] == 1 and figures["areas_with_all"] == 0


def test_pretrial_detention_is_read_from_each_prisons_latest_report(mission: Any) -> None:
    prison = m.RuleOfLawInstitution.objects.create(
        mission=mission, name="Central prison", kind="prison", admin1="Bas-Sanvi"
    )
    for day, population, pretrial in ((D(2026, 3, 1), 100, 90), (D(2026, 9, 1), 200, 150)):
        m.SsrActivity.objects.create(
            mission=mission,
            institution=prison,
            reported_on=day,
            status="operating",
            prison_population=population,
            pretrial_detainees=pretrial,
        )
    figures = state.rule_of_law(mission, None)
    assert figures["pretrial_percent"] == 75 and figures["operating"] == 1


def test_a_report_keeps_to_its_institutions_mission_and_counts(
    mission: Any, other_mission: Any
) -> None:
    prison = m.RuleOfLawInstitution.objects.create(
        mission=other_mission, name="Prison", kind="prison", admin1="X"
    )
    report = m.SsrActivity(
        mission=mission, institution=prison, reported_on=D(2026, 1, 1), status="operating"
    )
    with pytest.raises(ValidationError, match="another mission"):
        report.full_clean()
    report.mission, report.prison_population, report.pretrial_detainees = other_mission, 5, 9
    with pytest.raises(ValidationError, match="awaiting trial"):
        report.full_clean()


def test_the_new_lists_render_and_export(mission: Any, make_user: Any) -> None:
    web = client_for(make_user("head-of-mission", mission))
    for name in (
        "electoral-calendar",
        "polling-centres",
        "state-presence",
        "rule-of-law-institutions",
        "ssr-reports",
    ):
        assert web.get(f"/programmes/{name}/").status_code == 200, name
        assert web.get(f"/programmes/{name}/add/").status_code == 200, name
        assert web.get(f"/programmes/{name}/?export=csv")["Content-Type"].startswith("text/csv")
    page = web.get(f"/missions/{mission.code}/programmes/").content.decode()
    assert 'id="figures-elections"' in page and 'id="figures-state"' in page


def test_the_overview_map_draws_what_the_reader_may_see(mission: Any, make_user: Any) -> None:
    square = {"type": "Polygon", "coordinates": [[[18, 4], [19, 4], [19, 5], [18, 5], [18, 4]]]}
    AdminArea.objects.create(country=mission.host_country, level=1, name="Sanvi", geometry=square)
    centre(mission)
    m.DdrSite.objects.create(
        mission=mission, name="Camp", kind="cantonment", capacity=10, latitude=4.2, longitude=18.2
    )
    m.DdrSite.objects.create(
        mission=mission, name="Secret camp", kind="cantonment", capacity=10, sensitivity=2,
        latitude=4.3, longitude=18.3,
    )  # fmt: skip
    page = client_for(make_user("jmac-analyst", mission))
    html = page.get(f"/missions/{mission.code}/programmes/").content.decode()
    assert 'id="programmes-map"' in html and 'data-kind="centre-low"' in html
    assert html.count('data-kind="site"') == 1 and "Secret camp" not in html
