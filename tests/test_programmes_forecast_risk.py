"""A polling centre's security risk reads the JMAC forecast (issue 17; Capstone §2.4, §7.2):
the forecast unit the centre lies in (admin area by name or by outline, or H3 cell), from the
latest finished run the reader may see; above the mission's threshold the risk is high, and
the explanation says both the incidents and the forecast in plain words."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.utils import timezone
from tests.forecasting_support import stored_run
from tests.pages_support import client_for

from bluehelmet.core.actions import do_set_mission_parameter
from bluehelmet.core.models import AdminArea
from bluehelmet.core.permissions import Sensitivity
from bluehelmet.programmes import elections
from bluehelmet.programmes import models as m

pytestmark = pytest.mark.django_db


def this_month() -> datetime.date:
    return timezone.now().date().replace(day=1)


def last_month() -> datetime.date:
    return (this_month() - datetime.timedelta(days=1)).replace(day=1)


def centre(mission: Any, code: str = "PC-1", **fields: Any) -> m.PollingCentre:
    values = {"name": "Bolobi school", "admin1": "Haut-Sanvi", "latitude": 4.4, "longitude": 18.6}
    values.update(fields)
    return m.PollingCentre.objects.create(mission=mission, code=code, **values)


def run(mission: Any, *areas: tuple[str, float], **extra: Any) -> Any:
    """A finished run from last month: its one forecast is for this month."""
    return stored_run(mission, origin=last_month(), areas=areas, **extra)


def risks(mission: Any, user: Any = None) -> dict[str, elections.CentreRisk]:
    found = elections.mission_risks(mission, user, timezone.now().date())
    return {r.centre.code: r for r in found}


def test_a_centre_in_a_unit_the_forecast_gives_a_high_chance_of_deaths_is_high(
    mission: Any,
) -> None:
    centre(mission)
    centre(mission, "PC-2", admin1="Bas-Sanvi", latitude=3.9)
    made = run(mission, ("Haut-Sanvi", 0.42), ("Bas-Sanvi", 0.1))
    found = risks(mission)
    high, calm = found["PC-1"], found["PC-2"]
    assert high.level == "high" and high.incident_level == "low" and high.incidents == 0
    assert high.forecast_probability == pytest.approx(0.42)
    assert high.forecast_unit == "Haut-Sanvi" and high.forecast_month == this_month()
    assert high.forecast_run == made.pk and high.forecast_threshold == 30
    assert "0 incident(s), 0 killed, within 15 km in the last 90 days." in high.explanation
    assert "The JMAC forecast gives a 42 % chance of deaths in Haut-Sanvi" in high.explanation
    assert f"in {this_month():%Y-%m} (run of {made.created_at.date().isoformat()})" in (
        high.explanation
    )
    assert "above the mission's threshold of 30 %: the risk is high." in high.explanation
    assert calm.level == "low" and calm.forecast_probability == pytest.approx(0.1)
    assert "10 % chance of deaths in Bas-Sanvi" in calm.explanation
    assert "not above the mission's threshold of 30 %." in calm.explanation


def test_the_threshold_is_a_mission_parameter(mission: Any) -> None:
    centre(mission)
    run(mission, ("Haut-Sanvi", 0.42))
    do_set_mission_parameter(
        mission, elections.FORECAST_KEY, 50, acting_user=None, reason="Only a likely death."
    )
    found = risks(mission)["PC-1"]
    assert found.level == "low" and found.forecast_threshold == 50
    assert "not above the mission's threshold of 50 %" in found.explanation


def test_without_a_forecast_run_the_explanation_says_so(mission: Any, other_mission: Any) -> None:
    centre(mission)
    run(other_mission, ("Haut-Sanvi", 0.9))  # another mission's run is never read
    found = risks(mission)["PC-1"]
    assert found.level == "low" and found.forecast_probability is None
    assert "No JMAC forecast run to read: the risk is judged from the incidents alone." in (
        found.explanation
    )


def test_a_unit_without_a_figure_is_named(mission: Any) -> None:
    centre(mission, admin1="Tabassi")
    run(mission, ("Haut-Sanvi", 0.9))
    found = risks(mission)["PC-1"]
    assert found.level == "low" and found.forecast_probability is None
    assert "has no figure for Tabassi" in found.explanation


def test_the_latest_run_is_read(mission: Any) -> None:
    centre(mission)
    stored_run(mission, origin=datetime.date(2022, 12, 1), areas=(("Haut-Sanvi", 0.9),))
    run(mission, ("Haut-Sanvi", 0.05))
    assert risks(mission)["PC-1"].forecast_probability == pytest.approx(0.05)
    assert risks(mission)["PC-1"].level == "low"


def test_a_centre_is_placed_in_its_admin_area_by_the_stored_outline(mission: Any) -> None:
    square = {"type": "Polygon", "coordinates": [[[18, 4], [19, 4], [19, 5], [18, 5], [18, 4]]]}
    AdminArea.objects.create(country=mission.host_country, level=1, name="Sanvi", geometry=square)
    centre(mission, admin1="Sanvi district (old name)")
    run(mission, ("Sanvi", 0.6))
    found = risks(mission)["PC-1"]
    assert found.level == "high" and found.forecast_unit == "Sanvi"


def test_a_run_by_h3_cell_is_read_at_its_resolution(mission: Any) -> None:
    centre(mission)
    cell = elections.h3_cell(4.4, 18.6, 5)
    far = elections.h3_cell(8.0, 25.0, 5)
    run(mission, (cell, 0.7), (far, 0.0), unit="h3:5")
    found = risks(mission)["PC-1"]
    assert found.level == "high" and found.forecast_unit == f"H3 cell {cell}"
    assert f"70 % chance of deaths in H3 cell {cell}" in found.explanation


def test_a_reader_who_may_not_see_the_run_does_not_get_its_figure(
    mission: Any, make_user: Any
) -> None:
    made = centre(mission)
    run(mission, ("Haut-Sanvi", 0.42))
    staff = make_user("component-staff", mission)  # unclassified: forecasts are confidential
    hidden = risks(mission, staff)["PC-1"]
    assert hidden.level == "low" and hidden.forecast_probability is None
    assert "42 %" not in hidden.explanation and "No JMAC forecast run" in hidden.explanation
    page = client_for(staff).get(f"/programmes/polling-centres/{made.pk}/").content.decode()
    assert 'data-level="low"' in page and "42 %" not in page and 'id="centre-forecast"' not in page
    api = client_for(staff).get(f"/api/programmes/polling-risk/?mission={mission.code}").json()
    assert api["centres"][0]["forecast"] is None and api["centres"][0]["level"] == "low"
    assert risks(mission, make_user("jmac-analyst", mission))["PC-1"].level == "high"


def test_a_strictly_confidential_run_stays_with_its_readers(mission: Any, make_user: Any) -> None:
    centre(mission)
    run(mission, ("Haut-Sanvi", 0.42), sensitivity=Sensitivity.STRICTLY_CONFIDENTIAL)
    assert risks(mission, make_user("jmac-analyst", mission))["PC-1"].forecast_probability is None
    assert risks(mission, make_user("head-of-mission", mission))["PC-1"].level == "high"


def test_the_api_and_the_page_give_the_forecast_figures(mission: Any, make_user: Any) -> None:
    made = centre(mission)
    forecast_run = run(mission, ("Haut-Sanvi", 0.42))
    web = client_for(make_user("jmac-analyst", mission))
    (row,) = web.get(f"/api/programmes/polling-risk/?mission={mission.code}").json()["centres"]
    assert row["level"] == "high" and row["incident_level"] == "low"
    assert row["forecast"] == {
        "probability": 0.42,
        "unit": "Haut-Sanvi",
        "month": f"{this_month():%Y-%m}",
        "run": forecast_run.pk,
        "run_on": forecast_run.created_at.date().isoformat(),
        "threshold_percent": 30,
    }
    assert "42 % chance of deaths in Haut-Sanvi" in row["explanation"]
    page = web.get(f"/programmes/polling-centres/{made.pk}/").content.decode()
    assert 'data-level="high"' in page and 'id="centre-forecast"' in page
    assert "42 % · Haut-Sanvi" in page and "42 % chance of deaths in Haut-Sanvi" in page


def test_the_overview_counts_the_forecast_raised_centres(mission: Any, make_user: Any) -> None:
    centre(mission)
    run(mission, ("Haut-Sanvi", 0.42))
    web = client_for(make_user("jmac-analyst", mission))
    page = web.get(f"/missions/{mission.code}/programmes/").content.decode()
    assert 'id="elections-risk">1 / 0 / 0<' in page
