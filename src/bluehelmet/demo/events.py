"""Generate MINUSBEL's incident log as plain drafts, day by day, from ``actors.STREAMS``.

Nothing here touches the database: ``incidents`` writes the drafts in bulk. Every draw comes from
one seeded generator in a fixed order, so the same seed gives the same years of incidents
(Capstone §7.2: the JOC's picture is built from reports of every source, of varying quality:
precision of time and place, source grading, verification and duplicate reports all vary).
"""

from __future__ import annotations

import datetime
import math
import random
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from bluehelmet.demo import actors as A
from bluehelmet.demo.geography import Point, contains
from bluehelmet.demo.world import World
from bluehelmet.operations.catalogue import CATEGORIES
from bluehelmet.operations.models import DatePrecision, LocationPrecision, VerificationStatus

UTC = datetime.UTC
START, END = datetime.date(2023, 4, 1), datetime.date(2026, 10, 31)
SYLLABLES = "ba bo da di ga go ka ke ki ko la lo ma mbo mo na ndo ngo nza ou ri sa si ta to wa za"

# Per category: chance of deaths, their scale; chance of injuries, scale; abductions likewise.
CASUALTIES: dict[str, tuple[float, float, float, float, float, float]] = {
    "clash-state": (0.55, 1.5, 0.5, 2, 0, 0),
    "clash-non-state": (0.5, 1.5, 0.45, 2, 0.05, 2),
    "territory-change": (0.35, 1.5, 0.3, 1.5, 0, 0),
    "remote-violence": (0.4, 1.5, 0.5, 2, 0, 0),
    "attack-un-personnel": (0.1, 1, 0.45, 1, 0, 0),
    "attack-un-premises": (0.03, 1, 0.15, 1, 0, 0),
    "attack-civilians": (0.75, 1.3, 0.45, 1.5, 0.08, 2),
    "abduction": (0.05, 1, 0.1, 1, 1.0, 1.5),
    "demonstration": (0.01, 1, 0.08, 2, 0, 0),
    "riot": (0.12, 1, 0.6, 3, 0, 0),
    "crime": (0.12, 1, 0.3, 1, 0.03, 1),
    "hijacking": (0.05, 1, 0.15, 1, 0.15, 1.5),
    "humanitarian-access": (0.01, 1, 0.05, 1, 0.05, 1.5),
    "explosive-hazard": (0.35, 1.2, 0.5, 1.5, 0, 0),
    "natural-hazard": (0.3, 2, 0.2, 2, 0, 0),
}
VIOLENT_HOURS = [1, 1, 2, 4, 8, 9, 7, 4, 3, 2, 2, 2, 2, 2, 2, 3, 3, 4, 4, 3, 2, 2, 1, 1]
NIGHT_HOURS = [5, 5, 4, 3, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 3, 4, 5, 6, 6, 6]
DAY_HOURS = [0, 0, 0, 0, 0, 0, 1, 3, 6, 8, 9, 9, 8, 7, 6, 5, 3, 2, 1, 0, 0, 0, 0, 0]
HOURS_BY_GROUP = {
    "armed_violence": VIOLENT_HOURS,
    "protection": VIOLENT_HOURS,
    "un_safety": VIOLENT_HOURS,
    "crime": NIGHT_HOURS,
    "public_order": DAY_HOURS,
}
# Hours from the event to the JOC's log, by source kind: (typical, spread factor).
REPORT_DELAY = {
    "military": (3, 3),
    "police": (4, 3),
    "civilian": (30, 2.5),
    "unct": (36, 2.5),
    "open_source": (14, 3),
    "partner": (24, 3),
}
GROUP_OF = {spec.code: spec.group for spec in CATEGORIES}  # the shipped taxonomy, no query
SOURCE_PLANS = {plan.key: plan for plan in A.SOURCES}
DUPLICATED = {
    "clash-state",
    "clash-non-state",
    "territory-change",
    "attack-civilians",
    "attack-un-personnel",
    "riot",
    "abduction",
    "explosive-hazard",
}


@dataclass
class Spot:
    point: Point | None
    region: str
    at: str  # "near Kolémbi", "in Bangassi", "on the MSR-2 ..."
    name: str
    precision: int


@dataclass
class Draft:
    """An incident before it has a database row: plain values plus keys of related records."""

    category: str
    occurred_at: datetime.datetime
    spot: Spot
    actor1: A.Party
    actor2: A.Party
    source: str  # SourcePlan.key
    reliability: str
    title: str = ""
    description: str = ""
    occurred_until: datetime.datetime | None = None
    date_precision: int = DatePrecision.DAY
    reported_at: datetime.datetime | None = None
    counts: dict[str, int] = field(default_factory=dict)
    killed_range: tuple[int, int] | None = None
    credibility: int = 6
    verification: str = VerificationStatus.UNVERIFIED
    steps: list[tuple[str, str, datetime.datetime, str]] = field(default_factory=list)
    sensitivity: int = 0
    duplicate_of: Draft | None = None
    key: str = ""  # scripted events: how the flash reports and the crisis find them


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def poisson(rng: random.Random, lam: float) -> int:
    """Knuth's method; the daily rates stay small."""
    limit, k, p = math.exp(-lam), 0, rng.random()
    while p > limit:
        k += 1
        p *= rng.random()
    return k


def pick(rng: random.Random, weights: Mapping[Any, float]) -> Any:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


class Places:
    """Belnara's towns, a few generated villages around each, regions and main roads."""

    def __init__(self, world: World, rng: random.Random) -> None:
        country = world.countries["XBN"]
        self.towns = dict(country.towns)
        self.rings = {r.name: r.ring for r in country.regions}
        self.capital: dict[str, str] = {}
        for town, (_point, region) in self.towns.items():
            self.capital.setdefault(region, town)
        self.villages = {town: self._villages(rng, town) for town in self.towns}

    def _villages(self, rng: random.Random, town: str) -> list[tuple[str, Point]]:
        (lon, lat), region = self.towns[town]
        found = []
        for _ in range(4):
            for _attempt in range(20):
                angle, dist = rng.uniform(0, 2 * math.pi), rng.uniform(0.05, 0.22)
                point = (
                    round(lon + dist * math.cos(angle), 4),
                    round(lat + dist * math.sin(angle), 4),
                )
                if contains(self.rings[region], *point):
                    break
            else:
                continue
            syllables = SYLLABLES.split()
            name = "".join(rng.choice(syllables) for _ in range(3))  # 3: rarely a real place
            found.append((cap(name.replace("oo", "o")), point))
        return found

    def region_of(self, town: str) -> str:
        return self.towns[town][1]

    def _jitter(self, rng: random.Random, base: Point, region: str, sigma: float) -> Point:
        for _attempt in range(8):
            point = (
                round(base[0] + rng.gauss(0, sigma), 4),
                round(base[1] + rng.gauss(0, sigma), 4),
            )
            if contains(self.rings[region], *point):
                return point
        return base

    def around(self, rng: random.Random, town: str) -> Spot:
        """A place in or near ``town``, with GED-style location precision."""
        centre, region = self.towns[town]
        precision = pick(rng, {1: 55, 2: 28, 3: 10, 4: 7})
        if precision == LocationPrecision.ADMIN1:
            seat = self.capital[region]
            return Spot(self.towns[seat][0], region, f"in {region}", region, precision)
        if precision == LocationPrecision.ADMIN2:
            return Spot(centre, region, f"in {town} sub-prefecture", f"{town} sub-prefecture", 3)
        name, base = town, centre
        if self.villages[town] and rng.random() < 0.7:
            name, base = rng.choice(self.villages[town])
        sigma = 0.004 if precision == LocationPrecision.EXACT else 0.05
        point = self._jitter(rng, base, region, sigma)
        if precision == LocationPrecision.EXACT:
            return Spot(point, region, f"in {name}", name, precision)
        return Spot(point, region, f"near {name}", name, precision)

    def on_road(self, rng: random.Random, road: str) -> Spot:
        start, end = A.ROADS[road]
        (x1, y1), region1 = self.towns[start]
        (x2, y2), region2 = self.towns[end]
        t = rng.uniform(0.08, 0.92)
        point = (round(x1 + t * (x2 - x1), 4), round(y1 + t * (y2 - y1), 4))
        region = next(
            (r for r in (region1, region2, *self.rings) if contains(self.rings[r], *point)),
            region1,
        )
        km = round(t * math.dist((x1, y1), (x2, y2)) * 111)
        name = f"{road}, {km} km from {start}"
        precision = LocationPrecision.EXACT if rng.random() < 0.5 else LocationPrecision.ESTIMATED
        return Spot(point, region, f"on the {road} road, {km} km from {start}", name, precision)


def coverage(day: datetime.date) -> float:
    """Reporting grows as team sites deploy: about half the events are heard of in April 2023."""
    months = (day - START).days / 30.4
    return min(1.0, 0.45 + 0.55 * months / 9)


class Generator:
    """Draws the drafts day by day, stream by stream, from one seeded generator."""

    def __init__(self, rng: random.Random, places: Places) -> None:
        self.rng = rng
        self.places = places
        self.drafts: list[Draft] = []

    def run(self) -> list[Draft]:
        day = START
        while day <= END:
            for stream in A.STREAMS:
                self._stream_day(stream, day)
            day += datetime.timedelta(days=1)
        return self.drafts

    def _weights(self, stream: A.Stream, day: datetime.date) -> dict[str, float]:
        factor = A.escalation(day) if stream.escalates else 1.0
        weights = {}
        for place, weight in stream.places.items():
            town = A.ROADS[place][0] if stream.on_roads else place
            hot = self.places.region_of(town) == A.ESCALATION_REGION
            weights[place] = weight * (factor if hot else 1.0)
        return weights

    def _stream_day(self, stream: A.Stream, day: datetime.date) -> None:
        weights = self._weights(stream, day)
        lam = stream.rate * A.SEASONS[stream.season][day.month - 1] * coverage(day)
        lam *= sum(weights.values()) / sum(stream.places.values())
        if stream.profile:
            lam *= A.PROFILES[stream.profile](day)
        for _ in range(poisson(self.rng, lam)):
            place = pick(self.rng, weights)
            categories = stream.categories
            in_crisis = A.CRISIS_START.date() <= day <= A.CRISIS_END.date()
            if in_crisis and stream.key == "tabassi":
                categories = A.CRISIS_MIX
            category = pick(self.rng, categories)
            spot = (
                self.places.on_road(self.rng, place)
                if stream.on_roads
                else self.places.around(self.rng, place)
            )
            actor1, actor2 = self._actors(stream.actors[category])
            moment = self._moment(day, category)
            draft = self.make(category, moment, spot, actor1, actor2, intense=in_crisis)
            self.drafts.append(draft)
            if category in DUPLICATED and self.rng.random() < 0.06:
                self.drafts.append(self.duplicate(draft))

    def _actors(self, pairs: A.Pairs) -> tuple[A.Party, A.Party]:
        (one, two, _w), *_ = self.rng.choices(pairs, weights=[w for _a, _b, w in pairs])
        return one, two

    def _moment(self, day: datetime.date, category: str) -> datetime.datetime:
        group = GROUP_OF.get(category, "")
        hours = HOURS_BY_GROUP.get(group)
        hour = self.rng.choices(range(24), weights=hours)[0] if hours else self.rng.randrange(6, 20)
        return datetime.datetime.combine(
            day, datetime.time(hour, self.rng.randrange(0, 60, 5)), tzinfo=UTC
        )

    # -- one draft -----------------------------------------------------------------------------

    def make(
        self,
        category: str,
        moment: datetime.datetime,
        spot: Spot,
        actor1: A.Party,
        actor2: A.Party,
        *,
        intense: bool = False,
        source: str | None = None,
    ) -> Draft:
        source = source or self._source(category, spot.region)
        plan = SOURCE_PLANS[source]
        grade = "ABCDEF".index(plan.reliability)
        if self.rng.random() < 0.1:  # this report is better or worse than the source's usual
            grade = max(0, min(5, grade + self.rng.choice((-1, 1))))
        draft = Draft(category, moment, spot, actor1, actor2, source, "ABCDEF"[grade])
        draft.counts = self._casualties(category, actor2, intense)
        killed = draft.counts["killed"]
        if killed and (plan.kind == "open_source" or spot.precision != LocationPrecision.EXACT):
            draft.killed_range = (max(1, round(killed * 0.7)), round(killed * 1.5) + 1)
        self._dates(draft, plan.kind)
        self._grade(draft)
        draft.sensitivity = self._sensitivity(draft)
        draft.title, draft.description = describe(draft, self.rng)
        return draft

    def duplicate(self, original: Draft) -> Draft:
        """A second report of the same event from a weaker source, linked by the JOC."""
        others = {k: w for k, w in A.DUPLICATE_SOURCES.items() if k != original.source}
        source = pick(self.rng, others)
        spot = original.spot
        if spot.point is not None:
            jittered = (
                round(spot.point[0] + self.rng.gauss(0, 0.03), 4),
                round(spot.point[1] + self.rng.gauss(0, 0.03), 4),
            )
            if contains(self.places.rings[spot.region], *jittered):
                spot = Spot(jittered, spot.region, spot.at, spot.name, LocationPrecision.NEAR)
        copy = self.make(
            original.category,
            original.occurred_at,
            spot,
            original.actor1,
            original.actor2,
            source=source,
        )
        counts = dict(original.counts)  # a second count of the dead and injured differs a little
        for key in ("killed", "injured"):
            counts[key] = (
                max(0, counts[key] + self.rng.choice((-1, 0, 0, 1, 2))) if counts[key] else 0
            )
        for key in ("civilians_killed", "un_personnel_killed"):
            if key in counts:
                counts[key] = min(counts[key], counts["killed"])
        copy.counts, copy.killed_range = counts, None
        copy.occurred_at, copy.occurred_until = original.occurred_at, original.occurred_until
        copy.date_precision = original.date_precision
        copy.verification, copy.steps, copy.credibility = VerificationStatus.UNVERIFIED, [], 3
        copy.sensitivity = original.sensitivity
        first = max(filter(None, (copy.reported_at, original.reported_at)))
        copy.reported_at = first + datetime.timedelta(hours=self.rng.randint(4, 60))
        copy.description = (
            f"Second report of the event, by {SOURCE_PLANS[source].name}; the JOC linked it to "
            f"the first report. {toll(copy.counts)}"
        )
        copy.duplicate_of = original
        return copy

    def _source(self, category: str, region: str) -> str:
        group = GROUP_OF[category]
        table = A.SOURCES_BY_CATEGORY.get(category) or A.SOURCES_BY_CATEGORY[group]
        key = pick(self.rng, table)
        return A.SECTOR_OF_REGION[region] if key == "mil" else key

    def _count(self, chance: float, scale: float) -> int:
        if not chance or self.rng.random() >= chance:
            return 0
        while True:  # heavy tail, cut at 40: bigger events are scripted, not drawn
            count = int(scale * self.rng.paretovariate(1.6))
            if count <= 40:
                return count

    def _casualties(self, category: str, actor2: A.Party, intense: bool) -> dict[str, int]:
        pk, sk, pi, si, pa, sa = CASUALTIES.get(category, (0, 0, 0, 0, 0, 0))
        boost = 1.6 if intense else 1.0
        killed, injured = self._count(pk, sk * boost), self._count(pi, si * boost)
        counts = {"killed": killed, "injured": injured, "abducted": self._count(pa, sa)}
        civilian_target = actor2 in (A.CIVILIANS, A.TRADERS, A.HUMANITARIANS)
        if category in ("attack-civilians", "natural-hazard") or civilian_target:
            counts["civilians_killed"] = killed
        elif killed and GROUP_OF[category] == "armed_violence":
            counts["civilians_killed"] = sum(self.rng.random() < 0.12 for _ in range(killed))
        if actor2 is A.MINUSBEL and category in ("attack-un-personnel", "explosive-hazard"):
            counts["un_personnel_killed"] = min(killed, 3)
            counts["un_personnel_injured"] = min(injured, 12)
        return counts

    def _dates(self, draft: Draft, kind: str) -> None:
        precision = pick(self.rng, {1: 86, 2: 7, 3: 4, 4: 3})
        start = draft.occurred_at
        if precision != DatePrecision.DAY:
            span = {2: 4, 3: 7, 4: 30}[precision]
            day = start.date() - datetime.timedelta(days=self.rng.randrange(span))
            # The window holds the event and stays inside the scenario's period.
            day = max(START, min(day, END - datetime.timedelta(days=span - 1)))
            start = datetime.datetime.combine(day, datetime.time(), tzinfo=UTC)
            draft.occurred_until = start + datetime.timedelta(days=span, seconds=-1)
        draft.occurred_at, draft.date_precision = start, precision
        typical, spread = REPORT_DELAY[kind]
        hours = typical * math.exp(self.rng.gauss(0, math.log(spread) / 2))
        draft.reported_at = moment_of(draft) + datetime.timedelta(hours=round(hours, 2))

    def _grade(self, draft: Draft) -> None:
        """Verification status, its history and the credibility it earned."""
        rng = self.rng
        trusted = draft.reliability in "AB"
        verified = 0.6 if trusted else 0.45 if draft.reliability == "C" else 0.2
        refuted = 0.02 if trusted else 0.07
        recent = (END - draft.occurred_at.date()).days < 45
        if recent:
            verified /= 2
        roll = rng.random()
        reported = draft.reported_at or draft.occurred_at
        if roll < refuted:
            self._step(draft, VerificationStatus.REFUTED, reported, rng.choice(A.REFUTED_NOTES))
            draft.credibility = rng.choice((4, 5))
        elif roll < refuted + verified:
            if rng.random() < 0.5:
                self._step(draft, VerificationStatus.PARTIAL, reported, rng.choice(A.PARTIAL_NOTES))
            self._step(draft, VerificationStatus.VERIFIED, reported, rng.choice(A.VERIFIED_NOTES))
            draft.credibility = 1 if rng.random() < 0.7 else 2
        elif roll < refuted + verified + 0.2:
            self._step(draft, VerificationStatus.PARTIAL, reported, rng.choice(A.PARTIAL_NOTES))
            draft.credibility = rng.choice((2, 3))
        else:
            draft.credibility = rng.choice((2, 3, 3, 6)) if trusted else rng.choice((3, 6))

    def _step(self, draft: Draft, status: str, after: datetime.datetime, note: str) -> None:
        previous = draft.steps[-1][2] if draft.steps else after
        at = previous + datetime.timedelta(hours=self.rng.randint(6, 24 * 12))
        draft.steps.append((status, draft.verification, at, note))
        draft.verification = status

    def _sensitivity(self, draft: Draft) -> int:
        rng, category = self.rng, draft.category
        if draft.source == "jmac":
            return 2 if rng.random() < 0.6 else 1
        if category == "sexual-violence":
            return 2 if rng.random() < 0.4 else 1
        if category == "armed-group-movement" and draft.source.startswith("mil"):
            return int(rng.random() < 0.5)
        if category.startswith("attack-un") or draft.source == "emfab":
            return int(rng.random() < 0.3)
        roll = rng.random()
        return 2 if roll < 0.005 else 1 if roll < 0.065 else 0


def moment_of(draft: Draft) -> datetime.datetime:
    """When the event was over: the end of an imprecise period, or the moment itself."""
    return draft.occurred_until or draft.occurred_at


# -- titles and descriptions -------------------------------------------------------------------


def describe(draft: Draft, rng: random.Random) -> tuple[str, str]:
    """Title and a short description in the JOC's plain style."""
    one, two, counts = draft.actor1.short, draft.actor2.short, draft.counts
    template = rng.choice(A.TITLES[draft.category])
    if draft.category == "explosive-hazard" and draft.actor1 is A.NOBODY:
        template = "Unexploded ordnance found {at}"
    title = template.format(
        a1=one,
        A1=cap(one),
        a2=two,
        at=draft.spot.at,
        name=draft.spot.name,
        abducted=f"{counts['abducted']} {two}" if counts.get("abducted", 0) > 1 else "a person",
        vehicle=A.VEHICLES.get(two, "a MINUSBEL contractor truck"),
    )
    return cap(title)[:200], f"Reported by {SOURCE_PLANS[draft.source].name}. {toll(counts)}"


def toll(counts: dict[str, int]) -> str:
    parts = []
    if counts.get("killed"):
        civilians = counts.get("civilians_killed", 0)
        extra = ""
        if 0 < civilians < counts["killed"]:
            extra = f" ({civilians} civilian{'s' if civilians > 1 else ''})"
        parts.append(f"{counts['killed']} killed{extra}")
    if counts.get("injured"):
        parts.append(f"{counts['injured']} injured")
    if counts.get("abducted"):
        parts.append(f"{counts['abducted']} abducted")
    if counts.get("un_personnel_killed") or counts.get("un_personnel_injured"):
        parts.append(
            f"UN personnel: {counts.get('un_personnel_killed', 0)} killed, "
            f"{counts.get('un_personnel_injured', 0)} injured"
        )
    return (cap(", ".join(parts)) + ".") if parts else "No casualties reported."
