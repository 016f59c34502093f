"""The demo's incident logs, written in bulk (issue 4; DESIGN "Demo scenario").

MINUSBEL gets three and a half years of incidents drawn by ``events`` (seasons, hotspots, the
2025 escalation in Tabassi, the election, the ANP's checkpoints, mines on the main roads), plus
the scripted key events of ``joc``; UNMOGTO gets the first cease-fire violations its observers
saw. Thousands of rows go in with ``bulk_create`` (H3 cells filled by ``Incident.locate`` as the
importers do) under ``single_audit_entry``, and one audit action per mission records what was
generated (Capstone §7.1: accountability; §7.2: the JOC's incident log).
"""

from __future__ import annotations

import datetime
import math
import random
from collections import Counter
from collections.abc import Callable
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext as _

from bluehelmet.core.audit import log_action
from bluehelmet.core.context import current_actor, single_audit_entry
from bluehelmet.core.dbstats import refresh_statistics
from bluehelmet.core.models import Mission, OrgUnit, OrgUnitKind
from bluehelmet.demo import actors as A
from bluehelmet.demo import joc, minusbel, unmogto
from bluehelmet.demo.events import END, START, Draft, Generator, Places, Spot
from bluehelmet.demo.world import World
from bluehelmet.operations.models import (
    Crisis,
    FlashReport,
    Incident,
    IncidentCategory,
    IncidentSource,
    IncidentVerification,
    SituationReport,
    SourceKind,
    VerificationStatus,
)

Progress = Callable[[str], None]
BATCH = 1000
FORCE_UNITS = (OrgUnitKind.TEAM_SITE, OrgUnitKind.SECTOR_HQ)
OFFICE_UNITS = (OrgUnitKind.FIELD_OFFICE, OrgUnitKind.MISSION_HQ)
UNIFORMED_SOURCES = (SourceKind.MILITARY, SourceKind.POLICE)


def _create(model: type[Any], **fields: Any) -> Any:
    obj = model(**fields)
    obj.full_clean()
    obj.save()
    return obj


def ensure_sources(mission: Mission, plans: list[A.SourcePlan]) -> dict[str, IncidentSource]:
    """The mission's graded information sources (saved one by one: the change log lists them)."""
    return {
        plan.key: _create(
            IncidentSource,
            mission=mission,
            name=plan.name,
            kind=plan.kind,
            reliability=plan.reliability,
            description=plan.description,
        )
        for plan in plans
    }


class Writer:
    """Turns drafts into ``Incident`` rows: related records resolved, H3 cells filled."""

    def __init__(self, mission: Mission, sources: dict[str, IncidentSource], user: Any) -> None:
        self.mission = mission
        self.sources = sources
        self.user = user if getattr(user, "is_authenticated", False) else None
        self.categories = {c.code: c for c in IncidentCategory.objects.all()}
        self.units = list(
            OrgUnit.objects.filter(mission=mission, kind__in=FORCE_UNITS + OFFICE_UNITS)
        )
        self.made: dict[int, Incident] = {}  # id(draft) -> incident

    def reporting_unit(self, draft: Draft) -> OrgUnit | None:
        """The nearest unit open on the day; field offices log only civilian-side reports.

        Team sites and sector headquarters cover the sector's area, so the sector SITREP
        (compiled from the sector's units) holds the area's incidents.
        """
        if draft.spot.point is None:
            return None
        uniformed = self.sources[draft.source].kind in UNIFORMED_SOURCES
        kinds = (*FORCE_UNITS, OrgUnitKind.MISSION_HQ) if uniformed else FORCE_UNITS + OFFICE_UNITS
        day, (lon, lat) = draft.occurred_at.date(), draft.spot.point
        open_units = [
            u
            for u in self.units
            if u.kind in kinds
            and u.established_on is not None
            and u.established_on <= day
            and (u.closed_on is None or u.closed_on > day)
        ]
        return min(
            open_units,
            key=lambda u: math.dist((u.longitude, u.latitude), (lon, lat)),
            default=None,
        )

    def incident(self, draft: Draft) -> Incident:
        lon, lat = draft.spot.point or (None, None)
        low, high = draft.killed_range or (None, None)
        incident = Incident(
            mission=self.mission,
            title=draft.title,
            description=draft.description,
            category=self.categories[draft.category],
            occurred_at=draft.occurred_at,
            occurred_until=draft.occurred_until,
            date_precision=draft.date_precision,
            reported_at=draft.reported_at or draft.occurred_at,
            latitude=lat,
            longitude=lon,
            location_precision=draft.spot.precision,
            location_name=draft.spot.name,
            admin1=draft.spot.region,
            org_unit=self.reporting_unit(draft),
            actor1=draft.actor1.name,
            actor2=draft.actor2.name,
            killed_low=low,
            killed_high=high,
            source=self.sources[draft.source],
            reliability=draft.reliability,
            credibility=draft.credibility,
            verification_status=draft.verification,
            sensitivity=draft.sensitivity,
            duplicate_of=self.made[id(draft.duplicate_of)] if draft.duplicate_of else None,
            **draft.counts,
        )
        incident.locate()
        return incident

    def write(self, drafts: list[Draft]) -> dict[str, int]:
        """Originals first (in time order), then the duplicates that point to them."""
        originals = sorted((d for d in drafts if d.duplicate_of is None), key=_order)
        copies = sorted((d for d in drafts if d.duplicate_of is not None), key=_order)
        for group in (originals, copies):
            rows = [self.incident(d) for d in group]
            Incident.objects.bulk_create(rows, batch_size=BATCH)
            self.made.update({id(d): row for d, row in zip(group, rows, strict=True)})
        steps = [
            IncidentVerification(
                incident=self.made[id(d)],
                time=at,
                status=status,
                previous_status=previous,
                note=note,
                by=self.user,
            )
            for d in originals + copies
            for status, previous, at, note in d.steps
        ]
        IncidentVerification.objects.bulk_create(steps, batch_size=BATCH)
        return {
            "incidents": len(drafts),
            "duplicates": len(copies),
            "verification_steps": len(steps),
        }


def _order(draft: Draft) -> tuple[datetime.datetime, str]:
    return draft.occurred_at, draft.title


def _summarise(mission: Mission, counts: dict[str, Any], user: Any, note: str) -> None:
    log_action(
        "generate_demo_incidents",
        mission,
        acting_user=user,
        before=None,
        after=counts,
        note=note,
    )


def build_minusbel(
    mission: Mission, world: World, seed: str, users: dict[str, Any], user: Any
) -> dict[str, Any]:
    """Sources, incidents, verification history; then the JOC's reports and the crisis."""
    sources = ensure_sources(mission, A.SOURCES)
    rng = random.Random(f"{seed}/{mission.code}/incidents")
    places = Places(world, rng)
    generator = Generator(rng, places)
    drafts = generator.run() + joc.key_events(generator)
    writer = Writer(mission, sources, user)
    with single_audit_entry():
        counts = writer.write(drafts)
        refresh_statistics(Incident, IncidentVerification)
        by_category = Counter(d.category for d in drafts)
        _summarise(
            mission,
            {**counts, "by_category": dict(sorted(by_category.items()))},
            user,
            f"Demo incidents generated for {START} to {END}.",
        )
    keyed = {d.key: writer.made[id(d)] for d in drafts if d.key}
    counts.update(joc.build_products(mission, keyed, places, users, user))
    return counts


# -- UNMOGTO: the first violations along the Line of Separation -------------------------------

TAF = A.Party("Tamarsan Armed Forces (TAF)", "TAF", "state forces")
ODF = A.Party("Ostemba Defence Forces (ODF)", "ODF", "state forces")
UNMOGTO_PARTY = A.Party("UNMOGTO", "UNMOGTO", "United Nations")
# fmt: off
UNMOGTO_SOURCES = [
    A.SourcePlan("obs", "UNMOGTO military observers", SourceKind.MILITARY, "A",
                 "Violations seen by the observer teams."),
    A.SourcePlan("tm", "Tamarsa liaison officer", SourceKind.PARTNER, "C",
                 "Complaints lodged by Tamarsa."),
    A.SourcePlan("os", "Ostemba liaison officer", SourceKind.PARTNER, "C",
                 "Complaints lodged by Ostemba."),
]
# days ago, hour, town, category, actor1, actor2, title, source, verified, (killed, injured)
VIOLATIONS = [
    (12, 22, "Amsaka", "clash-state", TAF, ODF,
     "Small-arms fire across the Line of Separation near Amsaka", "os", False, (0, 0)),
    (9, 5, "Kanembi", "armed-group-movement", ODF, A.NOBODY,
     "ODF armoured vehicles enter the zone of separation near Kanembi", "tm", True, (0, 0)),
    (7, 10, "Tindal", "movement-restriction", TAF, UNMOGTO_PARTY,
     "TAF checkpoint denies an UNMOGTO patrol passage at Tindal", "obs", True, (0, 0)),
    (5, 3, "Dar Toumi", "clash-state", ODF, TAF,
     "Mortar rounds fired on TAF positions near Dar Toumi", "obs", True, (1, 2)),
    (4, 14, "Tessouma", "explosive-hazard", A.NOBODY, A.NOBODY,
     "Anti-tank mine found on the Tessouma track", "obs", True, (0, 0)),
    (2, 23, "Kanembi", "clash-state", TAF, ODF,
     "Exchange of fire across the Line of Separation near Kanembi", "obs", False, (0, 1)),
    (1, 16, "Amsaka", "attack-un-personnel", TAF, UNMOGTO_PARTY,
     "Warning shots fired at UNMOGTO observers near Amsaka", "obs", True, (0, 0)),
]
# fmt: on


def build_unmogto(mission: Mission, world: World, today: datetime.date, user: Any) -> int:
    """A handful of cease-fire violations since the mandate, dated from ``today``."""
    sources = ensure_sources(mission, UNMOGTO_SOURCES)
    writer = Writer(mission, sources, user)
    drafts = []
    for days, hour, town, category, one, two, title, source, seen, (killed, hurt) in VIOLATIONS:
        (lon, lat), region, _iso3 = world.town(town)
        when = datetime.datetime.combine(
            today - datetime.timedelta(days=days), datetime.time(hour), tzinfo=datetime.UTC
        )
        draft = Draft(category, when, Spot((lon, lat), region, "", town, 2), one, two, source, "A")
        draft.reliability = sources[source].reliability
        draft.title, draft.reported_at = title, when + datetime.timedelta(hours=2)
        draft.description = f"Reported by {sources[source].name}. Protest lodged with both parties."
        draft.counts = {"killed": killed, "injured": hurt}
        draft.verification = VerificationStatus.VERIFIED if seen else VerificationStatus.UNVERIFIED
        draft.credibility = 1 if seen else 3
        draft.sensitivity = 1 if category == "armed-group-movement" else 0
        drafts.append(draft)
    with single_audit_entry():
        counts = writer.write(drafts)
        refresh_statistics(Incident, IncidentVerification)
        _summarise(mission, counts, user, "Cease-fire violations of the demo scenario.")
    return counts["incidents"]


def build_incidents(
    missions: dict[str, Mission],
    world: World,
    seed: str,
    today: datetime.date,
    users: dict[str, Any],
    acting_user: Any,
    progress: Progress,
) -> None:
    """Every demo mission's incident log and JOC products."""
    big = build_minusbel(missions[minusbel.CODE], world, seed, users, acting_user)
    progress(
        _(
            "Mission %(code)s: %(incidents)d incidents (%(duplicates)d duplicate reports), "
            "%(sitreps)d situation reports, %(flash)d flash reports, %(crises)d crisis."
        )
        % {"code": minusbel.CODE, **big}
    )
    small = build_unmogto(missions[unmogto.CODE], world, today, acting_user)
    progress(
        _("Mission %(code)s: %(incidents)d incidents.") % {"code": unmogto.CODE, "incidents": small}
    )


def delete_incidents(mission: Mission) -> dict[str, int]:
    """Remove a demo mission's JOC records before its units go (reports protect the units).

    Bulk deletes under one audit entry: thousands of per-row entries would only say "demo".
    """
    with single_audit_entry():
        counts = {
            "situation_reports": SituationReport.objects.filter(mission=mission).delete()[0],
            "flash_reports": FlashReport.objects.filter(mission=mission).delete()[0],
            "crises": Crisis.objects.filter(mission=mission).delete()[0],
            "incidents": _delete_incidents(mission),
            "sources": IncidentSource.objects.filter(mission=mission).delete()[0],
        }
        if any(counts.values()):
            log_action(
                "delete_demo_incidents",
                mission,
                acting_user=current_actor(),
                before=counts,
                after=None,
            )
    return counts


def _delete_incidents(mission: Mission) -> int:
    queryset = Incident.objects.filter(mission=mission)
    IncidentVerification.objects.filter(incident__mission=mission).delete()
    queryset.filter(~Q(duplicate_of=None)).update(duplicate_of=None)
    return queryset.delete()[0]
