"""Helpers shared by the tests/test_programmes_*.py files: small factories for the programmes'
records (Capstone §2.4-2.5, §7.2), each validated like a form would."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from tests.analysis_support import actor

from bluehelmet.programmes import models as m

UTC = datetime.UTC
D = datetime.date


def _saved(obj: Any) -> Any:
    obj.full_clean()
    obj.save()
    return obj


def case(mission: Any, reference: str = "HR-1", **fields: Any) -> m.HumanRightsCase:
    values: dict[str, Any] = {
        "summary": "Villagers beaten at a checkpoint",
        "violation_type": m.ViolationType.TORTURE,
        "occurred_on": D(2026, 5, 2),
        "admin1": "Haut-Sanvi",
        "victim_identities": "Amina Kolo, 34",
    }
    values.update(fields)
    return _saved(m.HumanRightsCase(mission=mission, reference=reference, **values))  # type: ignore[no-any-return]


def group(mission: Any, name: str = "Armed group A") -> Any:
    return actor(mission, name)


def participant(mission: Any, number: str = "DDR-1", **fields: Any) -> m.DdrParticipant:
    values: dict[str, Any] = {
        "sex": m.Sex.MALE,
        "age_group": m.AgeGroup.ADULT,
        "registered_at": datetime.datetime(2026, 6, 1, 8, tzinfo=UTC),
    }
    values.update(fields)
    if "armed_group" not in values:
        values["armed_group"] = group(mission, f"Group of {number}")
    return _saved(m.DdrParticipant(mission=mission, registration_number=number, **values))  # type: ignore[no-any-return]


def site(mission: Any, name: str = "Cantonment Nord", **fields: Any) -> m.DdrSite:
    values: dict[str, Any] = {"kind": m.SiteKind.CANTONMENT, "capacity": 100, "occupancy": 40}
    values.update(fields)
    return _saved(m.DdrSite(mission=mission, name=name, **values))  # type: ignore[no-any-return]


def qip(mission: Any, title: str = "Well at Kolembi", **fields: Any) -> m.QuickImpactProject:
    values: dict[str, Any] = {
        "admin1": "Haut-Sanvi",
        "budget_usd": Decimal("25000.00"),
        "beneficiaries": 1200,
        "community_consulted": True,
        "humanitarian_coordination": True,
    }
    values.update(fields)
    return _saved(m.QuickImpactProject(mission=mission, title=title, **values))  # type: ignore[no-any-return]


SQUARE = {
    "type": "Polygon",
    "coordinates": [[[18.0, 4.0], [18.1, 4.0], [18.1, 4.1], [18.0, 4.1], [18.0, 4.0]]],
}


def hazard(mission: Any, code: str = "HA-1", **fields: Any) -> m.HazardArea:
    values: dict[str, Any] = {
        "name": "Field beside the road",
        "hazard_type": m.HazardType.MINED,
        "geometry": SQUARE,
        "area_m2": 120000,
    }
    values.update(fields)
    return _saved(m.HazardArea(mission=mission, code=code, **values))  # type: ignore[no-any-return]


def event(mission: Any, title: str = "Voter registration", **fields: Any) -> m.ElectoralEvent:
    values: dict[str, Any] = {
        "kind": m.ElectoralEventKind.REGISTRATION,
        "starts_on": D(2026, 3, 1),
        "ends_on": D(2026, 4, 30),
    }
    values.update(fields)
    return _saved(m.ElectoralEvent(mission=mission, title=title, **values))  # type: ignore[no-any-return]


def centre(mission: Any, code: str = "PC-1", **fields: Any) -> m.PollingCentre:
    values: dict[str, Any] = {
        "name": "Bolobi school",
        "admin1": "Haut-Sanvi",
        "latitude": 4.4,
        "longitude": 18.6,
        "registered_voters": 3200,
    }
    values.update(fields)
    return _saved(m.PollingCentre(mission=mission, code=code, **values))  # type: ignore[no-any-return]


def presence(
    mission: Any,
    admin1: str,
    service: str,
    observed_on: datetime.date,
    present: bool,
    **fields: Any,
) -> m.StatePresence:
    values: dict[str, Any] = {"officials": 3 if present else 0}
    values.update(fields)
    return _saved(  # type: ignore[no-any-return]
        m.StatePresence(
            mission=mission,
            admin1=admin1,
            service=service,
            observed_on=observed_on,
            present=present,
            **values,
        )
    )


def institution(
    mission: Any, name: str = "Lomassa prison", **fields: Any
) -> m.RuleOfLawInstitution:
    values: dict[str, Any] = {"kind": m.InstitutionKind.PRISON, "admin1": "Bas-Sanvi"}
    values.update(fields)
    return _saved(m.RuleOfLawInstitution(mission=mission, name=name, **values))  # type: ignore[no-any-return]


def report(place: m.RuleOfLawInstitution, **fields: Any) -> m.SsrActivity:
    values: dict[str, Any] = {
        "reported_on": D(2026, 9, 30),
        "status": m.OperatingStatus.OPERATING,
        "personnel": 40,
        "personnel_trained": 20,
        "personnel_vetted": 10,
        "prison_population": 200,
        "pretrial_detainees": 60,
    }
    if fields.get("prison_population", 0) is None:  # no prisoners counted (a court, a station)
        values["pretrial_detainees"] = None
    values.update(fields)
    return _saved(  # type: ignore[no-any-return]
        m.SsrActivity(mission=place.mission, institution=place, **values)
    )
