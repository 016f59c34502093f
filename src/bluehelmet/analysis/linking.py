"""Which incidents name which actor: the ``IncidentActor`` links (Capstone §3.1, §7.2).

Why stored links rather than matching at query time: names are compared normalised (case,
accents, spaces; ``models.normalise_name``), which no portable SQL expression does on an index,
and the trend and activity queries then join one indexed table instead of OR-ing every alias
of every actor over the whole log. The price is keeping the links current, done here:

- an actor saved or deleted relinks that actor (``receivers``), synchronously: a few indexed
  ``IN`` lookups on the distinct actor strings;
- an incident saved one by one (page, API) relinks that incident (``receivers``);
- an import writes incidents in bulk, past per-row signals; the one audit action every import
  writes queues ``tasks.relink_mission_actors`` for the mission after the commit.

The matching works on distinct strings: the log has thousands of incidents but a few dozen
distinct actor names, so each name is normalised once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Count, QuerySet

from bluehelmet.analysis.models import Actor, IncidentActor, normalise_name
from bluehelmet.core.dbstats import refresh_statistics
from bluehelmet.operations.models import Incident

SIDES = (("actor1", 1), ("actor2", 2))


@dataclass(frozen=True)
class LinkResult:
    links: int
    incidents: int
    actors: int
    unmatched: list[tuple[str, int]]  # actor strings no actor claims, with their incident count

    def as_dict(self) -> dict[str, object]:
        return {
            "links": self.links,
            "incidents": self.incidents,
            "actors": self.actors,
            "unmatched": [{"name": n, "incidents": c} for n, c in self.unmatched],
        }


def name_index(actors: Iterable[Actor]) -> dict[str, int]:
    """Normalised name -> actor id (names are unique per mission; ``Actor.clean``)."""
    index: dict[str, int] = {}
    for actor in actors:
        for name in actor.match_names():
            index.setdefault(name, actor.pk)
    return index


def _links_for(incidents: QuerySet[Incident], index: dict[str, int]) -> dict[tuple[int, int], int]:
    """(incident id, actor id) -> side bits, for the incidents of the queryset given."""
    found: dict[tuple[int, int], int] = defaultdict(int)
    for field, bit in SIDES:
        raw = incidents.exclude(**{field: ""}).values_list(field, flat=True).distinct()
        by_actor: dict[int, list[str]] = defaultdict(list)
        for text in raw.order_by():
            actor_id = index.get(normalise_name(text))
            if actor_id is not None:
                by_actor[actor_id].append(text)
        for actor_id, texts in by_actor.items():
            ids = incidents.filter(**{f"{field}__in": texts}).values_list("pk", flat=True)
            for incident_id in ids.order_by():
                found[(incident_id, actor_id)] |= bit
    return found


def _write(links: dict[tuple[int, int], int]) -> int:
    rows = [IncidentActor(incident_id=i, actor_id=a, side=s) for (i, a), s in links.items()]
    IncidentActor.objects.bulk_create(rows, batch_size=1000)
    if len(rows) > 1000:  # trend queries follow in the same transaction (core.dbstats)
        refresh_statistics(IncidentActor)
    return len(rows)


def relink_mission(mission_id: int) -> LinkResult:
    """Recompute every link of the mission (after an import, or on demand); the figures are
    the whole mission's (see ``relink_report`` for what a user is told)."""
    actors = list(Actor.objects.filter(mission_id=mission_id))
    incidents = Incident.objects.filter(mission_id=mission_id)
    with transaction.atomic():
        IncidentActor.objects.filter(actor__mission_id=mission_id).delete()
        links = _links_for(incidents, name_index(actors))
        written = _write(links)
    return LinkResult(
        links=written,
        incidents=len({i for i, _a in links}),
        actors=len({a for _i, a in links}),
        unmatched=unmatched_names(mission_id, actors),
    )


def relink_report(mission_id: int, reader: Any) -> LinkResult:
    """The links between the incidents and actors ``reader`` may see: the links cover every
    incident, but a user told the figures must not learn how many incidents above their
    clearance name an actor, nor those incidents' actor names (Capstone §7.2)."""
    shown = IncidentActor.objects.filter(
        actor__in=Actor.objects.restrict(reader).filter(mission_id=mission_id),
        incident__in=Incident.objects.restrict(reader).filter(mission_id=mission_id),
    ).order_by()
    return LinkResult(
        links=shown.count(),
        incidents=shown.values("incident_id").distinct().count(),
        actors=shown.values("actor_id").distinct().count(),
        unmatched=unmatched_names(mission_id, reader=reader),
    )


def relink_actor(actor: Actor) -> int:
    """Recompute one actor's links (its names changed, or it is new)."""
    incidents = Incident.objects.filter(mission_id=actor.mission_id)
    with transaction.atomic():
        IncidentActor.objects.filter(actor=actor).delete()
        return _write(_links_for(incidents, name_index([actor])))


def relink_incidents(mission_id: int, incident_ids: list[int]) -> int:
    """Recompute the links of some incidents (saved one by one)."""
    actors = Actor.objects.filter(mission_id=mission_id)
    incidents = Incident.objects.filter(mission_id=mission_id, pk__in=incident_ids)
    with transaction.atomic():
        IncidentActor.objects.filter(incident_id__in=incident_ids).delete()
        return _write(_links_for(incidents, name_index(actors)))


def unmatched_names(
    mission_id: int, actors: list[Actor] | None = None, *, reader: Any = None
) -> list[tuple[str, int]]:
    """Actor strings of the log that no actor claims, most frequent first (to add as aliases).

    With ``reader``, only the incidents and actors that user may see are counted and matched:
    a name or a count from a record above their clearance is never listed (Capstone §7.2)."""
    incidents = Incident.objects.filter(mission_id=mission_id)
    if reader is not None:
        incidents = incidents.restrict(reader)
        actors = list(Actor.objects.restrict(reader).filter(mission_id=mission_id))
    elif actors is None:
        actors = list(Actor.objects.filter(mission_id=mission_id))
    index = name_index(actors)
    counts: dict[str, int] = defaultdict(int)
    for field, _bit in SIDES:
        rows = incidents.exclude(**{field: ""}).values(field).annotate(n=Count("id")).order_by()
        for row in rows:
            if normalise_name(row[field]) not in index:
                counts[row[field]] += row["n"]
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))
