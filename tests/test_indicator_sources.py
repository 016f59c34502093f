"""Indicator sources (issue 17; Capstone §10.2, §2.4-2.5): the programmes' figures registered
in ``core.registry`` and read by the benchmarks app, which does not import programmes. A reading
respects the indicator's admin area, period and sensitivity, and the reader's reach; an unknown
source is refused with a clear message in the form, the API and the model."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from rest_framework.test import APIClient
from tests.operations_support import at, incident
from tests.pages_support import client_for
from tests.programmes_support import (
    centre,
    hazard,
    institution,
    participant,
    presence,
    qip,
    report,
    site,
)
from tests.progress_support import D, benchmark, indicator

from bluehelmet.benchmarks import actions, computed
from bluehelmet.benchmarks import models as bm
from bluehelmet.core.registry import IndicatorSource, Registry, registry
from bluehelmet.programmes import models as pm

pytestmark = pytest.mark.django_db

END = D(2026, 9, 30)  # the quarter computed: 2026-07-02 to 2026-09-30


def computed_indicator(mission: Any, computation: str, **extra: Any) -> Any:
    code = f"B{bm.Benchmark.objects.count() + 1}"
    fields = {"sensitivity": 1, "unit": "x", "direction": "increase", **extra}
    return indicator(benchmark(mission, code), computation=computation, **fields)


def reading(mission: Any, computation: str, user: Any = None, **extra: Any) -> Any:
    """The figure the indicator gives for the quarter ending on ``END``, or None."""
    ind = computed_indicator(mission, computation, **extra)
    return computed.run(computed.make_query(ind, END), user)


def collection(mission: Any, where: Any, day: datetime.date, collected: int, destroyed: int) -> Any:
    made = pm.WeaponCollection(
        mission=mission,
        site=where,
        collected_on=day,
        weapons_collected=collected,
        weapons_destroyed=destroyed,
    )
    made.full_clean()
    made.save()
    return made


def test_a_reading_is_computed_from_the_ddr_register_by_the_benchmarks_action(
    mission: Any, make_user: Any
) -> None:
    north = site(mission, "Cantonment Nord", admin1="Haut-Sanvi")
    south = site(mission, "Cantonment Sud", admin1="Bas-Sanvi")
    collection(mission, north, D(2026, 1, 10), 40, 40)
    collection(mission, north, D(2026, 8, 1), 60, 20)
    collection(mission, north, D(2026, 10, 5), 50, 0)  # after the end day
    collection(mission, south, D(2026, 8, 1), 10, 0)
    ind = computed_indicator(mission, "weapons_destroyed_share", admin1="Haut-Sanvi")
    user = make_user("head-of-mission", mission)
    made = actions.do_compute_observation(ind, observed_on=END, acting_user=user)
    assert made.value == Decimal("60.00")  # (40 + 20) of (40 + 60), cumulative to the end
    assert made.source_kind == "mission_data" and not made.independent
    assert made.source_name == "Weapons collected that were destroyed, to date (%)"
    assert made.query["computation"] == "weapons_destroyed_share"
    assert "Haut-Sanvi" in made.note
    whole = computed_indicator(mission, "weapons_destroyed_share")
    obs = actions.do_compute_observation(whole, observed_on=END, acting_user=user)
    assert obs.value == Decimal("54.55")  # 60 of 110
    # The stored query runs again: a late record of the period is counted.
    collection(mission, north, D(2026, 9, 1), 10, 10)
    again = actions.do_rerun_observation(made, acting_user=user)
    assert again.value == Decimal("63.64")  # 70 of 110


def test_the_page_computes_a_programmes_reading(mission: Any, make_user: Any) -> None:
    qip(mission, "Well", completed_on=D(2026, 8, 1), status=pm.QipStatus.COMPLETED)
    ind = computed_indicator(mission, "qips_completed", sensitivity=0)
    web = client_for(make_user("head-of-mission", mission))
    response = web.post(
        f"/missions/{mission.code}/benchmarks/compute/",
        {"indicator": ind.pk, "observed_on": END.isoformat()},
    )
    assert response.status_code == 302
    assert bm.Observation.objects.get(indicator=ind).value == 1
    page = web.get(f"/missions/{mission.code}/benchmarks/").content.decode()
    assert "Quick-impact projects completed in the period" in page


def test_admin_area_and_period_are_respected(mission: Any) -> None:
    for title, area, day, status in (
        ("Well", "Haut-Sanvi", D(2026, 8, 1), pm.QipStatus.COMPLETED),
        ("School roof", "Haut-Sanvi", D(2026, 9, 30), pm.QipStatus.HANDED_OVER),
        ("Bridge", "Haut-Sanvi", D(2026, 6, 1), pm.QipStatus.COMPLETED),  # before the period
        ("Market", "Bas-Sanvi", D(2026, 8, 15), pm.QipStatus.COMPLETED),
    ):
        qip(mission, title, admin1=area, completed_on=day, status=status)
    qip(mission, "Clinic", admin1="Haut-Sanvi", status=pm.QipStatus.APPROVED)
    assert reading(mission, "qips_completed", admin1="Haut-Sanvi") == 2
    assert reading(mission, "qips_completed") == 3
    north = site(mission, "Cantonment Nord", admin1="Haut-Sanvi")
    for number, day, status, where in (
        ("DDR-1", at(2026, 7, 10), "demobilised", north),
        ("DDR-2", at(2026, 8, 10), "reintegrated", north),
        ("DDR-3", at(2026, 8, 11), "registered", north),  # not yet demobilised
        ("DDR-4", at(2026, 3, 1), "demobilised", north),  # registered before the period
        ("DDR-5", at(2026, 8, 12), "in_reintegration", None),
    ):
        participant(mission, number, registered_at=day, status=status, site=where)
    assert reading(mission, "ddr_demobilised") == 3
    assert reading(mission, "ddr_demobilised", admin1="Haut-Sanvi") == 2


def test_a_confidential_ddr_record_is_not_counted_in_an_unclassified_indicator(
    mission: Any,
) -> None:
    participant(mission, "DDR-1", registered_at=at(2026, 8, 1), status="demobilised")
    participant(mission, "DDR-2", registered_at=at(2026, 8, 2), status="demobilised", sensitivity=0)
    assert pm.DdrParticipant.objects.get(registration_number="DDR-1").sensitivity == 1
    assert reading(mission, "ddr_demobilised", sensitivity=0) == 1
    assert reading(mission, "ddr_demobilised", sensitivity=1) == 2


def test_a_user_who_cannot_see_a_record_does_not_get_it_counted(
    mission: Any, other_mission: Any, make_user: Any
) -> None:
    participant(mission, "DDR-1", registered_at=at(2026, 8, 1), status="demobilised")
    participant(mission, "DDR-2", registered_at=at(2026, 8, 2), status="demobilised", sensitivity=0)
    cleared = make_user("head-of-mission", mission)
    unclassified = make_user("component-staff", mission)
    stranger = make_user("head-of-mission", other_mission)
    assert reading(mission, "ddr_demobilised", cleared) == 2
    assert reading(mission, "ddr_demobilised", unclassified) == 1
    assert reading(mission, "ddr_demobilised", stranger) == 0
    # Nor a share: the confidential collection is out of reach of the unclassified reader.
    collection(mission, None, D(2026, 8, 1), 10, 10)
    unclassified_share = pm.WeaponCollection(
        mission=mission, collected_on=D(2026, 8, 1), weapons_collected=10, sensitivity=0
    )
    unclassified_share.save()
    assert reading(mission, "weapons_destroyed_share", cleared) == 50
    assert reading(mission, "weapons_destroyed_share", unclassified) == 0
    assert reading(mission, "weapons_destroyed_share", stranger) is None


def test_state_authority_rule_of_law_and_mine_action_sources(mission: Any) -> None:
    services = pm.StateService.values
    for service in services:
        presence(mission, "Bas-Sanvi", service, D(2026, 5, 1), True)
    presence(mission, "Haut-Sanvi", "police", D(2026, 5, 1), True)
    presence(mission, "Haut-Sanvi", "police", D(2026, 9, 1), False)  # the latest: gone
    presence(mission, "Haut-Sanvi", "health", D(2026, 9, 1), True)
    presence(mission, "Haut-Sanvi", "justice", D(2026, 10, 15), True)  # after the end day
    assert reading(mission, "state_services_present", admin1="Haut-Sanvi") == 1
    assert reading(mission, "state_services_present") == len(services) + 1
    assert reading(mission, "state_areas_all_services") == 50
    assert reading(mission, "state_areas_all_services", admin1="Bas-Sanvi") == 100
    assert reading(mission, "state_areas_all_services", admin1="Tabassi") is None

    prison = institution(mission, "Lomassa prison", admin1="Bas-Sanvi")
    report(prison, reported_on=D(2026, 3, 31), prison_population=100, pretrial_detainees=90)
    report(prison, reported_on=D(2026, 9, 1), prison_population=200, pretrial_detainees=60)
    report(prison, reported_on=D(2026, 10, 20), prison_population=200, pretrial_detainees=10)
    north = institution(mission, "Bolobi prison", admin1="Haut-Sanvi")
    report(north, reported_on=D(2026, 8, 1), prison_population=50, pretrial_detainees=40)
    assert reading(mission, "pretrial_share", admin1="Bas-Sanvi") == 30  # 60 of 200
    assert reading(mission, "pretrial_share") == 40  # 100 of 250

    hazard(mission, "HA-1", admin1="Haut-Sanvi", released_m2=30000)
    hazard(mission, "HA-2", admin1="Bas-Sanvi", released_m2=5000)
    assert reading(mission, "land_released_m2", admin1="Haut-Sanvi") == 30000
    assert reading(mission, "land_released_m2") == 35000
    assert reading(mission, "land_released_m2", admin1="Tabassi") is None


def test_polling_centres_at_high_risk_read_only_incidents_up_to_the_sensitivity(
    mission: Any,
) -> None:
    centre(mission, "PC-1", admin1="Haut-Sanvi", latitude=4.4, longitude=18.6)
    centre(mission, "PC-2", admin1="Bas-Sanvi", latitude=2.0, longitude=16.0)
    assert reading(mission, "polling_high_risk") == 0
    incident(mission, occurred_at=at(2026, 9, 20), killed=2, sensitivity=1)
    assert reading(mission, "polling_high_risk", sensitivity=0) == 0
    assert reading(mission, "polling_high_risk", sensitivity=1) == 1
    assert reading(mission, "polling_high_risk", sensitivity=1, admin1="Bas-Sanvi") == 0
    incident(mission, occurred_at=at(2026, 10, 20), killed=2, latitude=2.0, longitude=16.0)
    assert reading(mission, "polling_high_risk", sensitivity=1) == 1  # after the end day
    assert reading(mission, "polling_high_risk", admin1="Tabassi") is None


def test_an_unknown_computation_is_refused_with_a_clear_message(
    mission: Any, make_user: Any
) -> None:
    bench = benchmark(mission)
    user = make_user("head-of-mission", mission)
    fields = {
        "benchmark": bench.pk,
        "name": "Courts open",
        "level": "outcome",
        "unit": "courts",
        "target": "12",
        "direction": "increase",
        "sensitivity": 0,
    }
    web = client_for(user)
    page = web.post("/indicators/add/", {**fields, "computation": "no_such_source"})
    assert page.status_code == 400
    assert "Unknown computation “no_such_source”" in page.content.decode()
    api = APIClient()
    api.force_authenticate(user)
    answer = api.post("/api/indicators/", {**fields, "computation": "no_such_source"})
    assert answer.status_code == 400
    assert answer.json()["computation"][0].startswith("Unknown computation “no_such_source”")
    made = api.post("/api/indicators/", {**fields, "computation": "pretrial_share"})
    assert made.status_code == 201, made.content
    assert made.json()["computation"] == "pretrial_share"
    stored = bm.Indicator.objects.get(pk=made.json()["id"])
    stored.computation = "no_such_source"
    with pytest.raises(ValidationError) as refused:
        stored.full_clean()
    assert "computation" in refused.value.message_dict
    # A reading kept from a source that is gone is refused too, not a server error.
    obs = actions.do_compute_observation(
        computed_indicator(mission, "qips_completed"), observed_on=END, acting_user=user
    )
    obs.query = {**obs.query, "computation": "no_such_source"}
    obs.save()
    with pytest.raises(actions.ActionError) as error:
        actions.do_rerun_observation(obs, acting_user=user)
    assert error.value.status == 400 and "no_such_source" in error.value.message


def test_the_registry_refuses_a_second_source_under_a_code() -> None:
    def nothing(query: dict[str, Any], user: Any) -> Decimal | None:
        return None

    fresh = Registry()
    first = IndicatorSource("wells_dug", "Wells dug", nothing, "wells", "Capstone §2.5", "x")
    fresh.add_indicator_source(first)
    fresh.add_indicator_source(first)  # the same source again: nothing changes
    with pytest.raises(ValueError, match="already registered"):
        fresh.add_indicator_source(IndicatorSource("wells_dug", "Other", nothing, app="y"))
    with pytest.raises(ValueError, match="lower-case"):
        fresh.add_indicator_source(IndicatorSource("Wells dug", "Wells", nothing))
    assert [s.code for s in fresh.indicator_sources()] == ["wells_dug"]
    assert fresh.indicator_source("wells_dug") is first and fresh.indicator_source("x") is None
    with pytest.raises(ValueError, match="already registered"):
        registry.add_indicator_source(IndicatorSource("incidents", "Mine", nothing))
    # One lookup: the built-in computations and the programmes' figures are both registered.
    codes = {s.code: s.app for s in registry.indicator_sources()}
    assert codes["incidents"] == "benchmarks" and codes["ddr_demobilised"] == "programmes"
    assert "human_rights" not in " ".join(codes)


def test_the_form_offers_the_programmes_sources_and_the_pages_show_labels(
    mission: Any, make_user: Any
) -> None:
    bench = benchmark(mission)
    web = client_for(make_user("head-of-mission", mission))
    form = web.get(f"/indicators/add/?benchmark={bench.pk}").content.decode()
    assert '<optgroup label="Peacebuilding programmes">' in form
    assert 'value="weapons_destroyed_share"' in form and 'value="incidents"' in form
    ind = computed_indicator(mission, "land_released_m2", name="Land released")
    listing = web.get("/indicators/").content.decode()
    detail = web.get(f"/indicators/{ind.pk}/").content.decode()
    for page in (listing, detail):
        assert "Land released by mine action, as recorded (m²)" in page
    filtered = web.get("/indicators/?computation=land_released_m2")
    assert filtered.status_code == 200 and "Land released" in filtered.content.decode()
    api = APIClient()
    api.force_authenticate(make_user("head-of-mission", mission))
    found = api.get("/api/indicators/", {"computation": "land_released_m2"}).json()
    assert [row["id"] for row in found["results"]] == [ind.pk]


def test_given_the_demo_then_minusbel_reads_weapons_destroyed_from_the_ddr_register(
    demo: Any,
) -> None:
    ind = bm.Indicator.objects.get(mission=demo["MINUSBEL"], computation="weapons_destroyed_share")
    readings = list(ind.observations.order_by("observed_on"))
    assert len(readings) == 4 and ind.benchmark.code == "B1" and ind.admin1 == "Haut-Sanvi"
    assert [r.value for r in readings] == [
        Decimal("100.00"),
        Decimal("62.39"),
        Decimal("62.39"),
        Decimal("62.39"),
    ]
    for r in readings:
        assert computed.run(r.query, None) == r.value
