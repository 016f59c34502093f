"""Build the demo scenario through the models (DESIGN "Demo scenario").

Every record is validated (``full_clean``) and saved through the ORM, so the change log records
it like any user's change, and the lifecycle history is written by the same ``do_`` action a
Head of Mission would use (Capstone §6.1-6.2), gate checks and override reasons included
(``lifecycle``). This module builds the core records (geography, organisation, people,
contingents, partners) and calls each app's share in turn.
Randomness comes from generators seeded per purpose, so the same code gives the same scenario.
The incident logs are the exception to row-by-row saving: thousands of incidents go in bulk with
one summary audit entry per mission (``incidents``).
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Callable
from typing import Any

from django.db import models
from django.utils.translation import gettext as _

from bluehelmet.core.audit import log_action
from bluehelmet.core.models import (
    AdminArea,
    Assignment,
    Component,
    Contingent,
    ContributingCountry,
    Mission,
    OrgUnit,
    Partner,
    Person,
    PersonnelCategory,
    Post,
)
from bluehelmet.demo import minusbel, unmogto
from bluehelmet.demo.analysis import build_analysis, delete_analysis
from bluehelmet.demo.benchmarks import build_demo_benchmarks, compute_benchmark_readings
from bluehelmet.demo.conduct import build_demo_conduct, delete_conduct
from bluehelmet.demo.deployment import build_deployment, delete_deployment
from bluehelmet.demo.drawdown import build_drawdown
from bluehelmet.demo.forecasting import build_forecasts
from bluehelmet.demo.geography import polygon
from bluehelmet.demo.incidents import build_incidents, delete_incidents
from bluehelmet.demo.joc import rewrite_narratives
from bluehelmet.demo.lifecycle import build_lifecycle
from bluehelmet.demo.mandates import build_mandates, delete_demo_resolutions
from bluehelmet.demo.mapcontext import remove_contexts, write_contexts
from bluehelmet.demo.names import NameMaker, email_for, iso_nationality
from bluehelmet.demo.outreach import build_demo_outreach, delete_outreach
from bluehelmet.demo.plan import HolderPlan, MissionPlan, PostPlan, UnitPlan
from bluehelmet.demo.planning import build_planning, delete_planning
from bluehelmet.demo.principles import build_principles, delete_principles
from bluehelmet.demo.programmes import build_programmes, delete_programmes
from bluehelmet.demo.reports import build_periodic_reports
from bluehelmet.demo.support import build_demo_support, delete_support
from bluehelmet.demo.timeline import STORY_END, move_story, shift_to, watermarks
from bluehelmet.demo.users import mission_roles, mission_username
from bluehelmet.demo.world import World, build_world

SEED = "bluehelmet-demo-v1"
PLANS: list[Callable[[datetime.date], MissionPlan]] = [minusbel.plan, unmogto.plan]
DEMO_MISSION_CODES = [minusbel.CODE, unmogto.CODE]
DEMO_COUNTRIES = ["XBN", "XTM", "XOS"]

# Chance that a generated holder is a woman, by personnel category.
FEMALE_SHARE = {
    PersonnelCategory.MILITARY: 0.12,
    PersonnelCategory.POLICE: 0.3,
}

Progress = Callable[[str], None]


def _create(model: type[models.Model], **fields: Any) -> Any:
    """Validate like a form would, then save (the change log records the creation)."""
    obj = model(**fields)
    obj.full_clean()
    obj.save()
    return obj


def save_geography(world: World) -> int:
    """Write (or refresh) the countries' outlines and admin-1 regions as AdminArea rows."""
    written = 0
    for country in world.countries.values():
        rows = [(0, country.name, country.iso3, country.outline)]
        rows += [(1, r.name, r.pcode, r.ring) for r in country.regions]
        for level, name, pcode, ring in rows:
            area = AdminArea.objects.filter(country=country.iso3, level=level, name=name).first()
            area = area or AdminArea(country=country.iso3, level=level, name=name)
            area.pcode, area.geometry = pcode, polygon(ring)
            area.full_clean()
            area.save()
            written += 1
    return written


def ensure_contributing_countries(plans: list[MissionPlan]) -> dict[str, ContributingCountry]:
    codes = list(dict.fromkeys(c.country for p in plans for c in p.contingents))
    countries = {}
    for code in codes:
        countries[code] = ContributingCountry.objects.filter(iso3=code).first() or _create(
            ContributingCountry, iso3=code
        )
    return countries


class MissionBuilder:
    """Turns one ``MissionPlan`` into records, in dependency order."""

    def __init__(
        self,
        plan: MissionPlan,
        world: World,
        countries: dict[str, ContributingCountry],
        logins: dict[str, Any],
    ) -> None:
        self.plan = plan
        self.world = world
        self.countries = countries
        self.logins = logins  # role code -> demo user of this mission
        self.names = NameMaker(random.Random(f"{SEED}/{plan.code}/people"))
        self.mission: Mission
        self.components: dict[str, Component] = {}
        self.units: dict[str, OrgUnit] = {}
        self.posts: dict[str, Post] = {}
        self.first_holder: dict[str, Person] = {}
        self.domain = f"{plan.code.lower()}.example.org"

    def build(self, acting_user: Any) -> Mission:
        self.mission = _create(Mission, **self.plan.mission)
        for key, kind, name in self.plan.components:
            self.components[key] = _create(Component, mission=self.mission, kind=kind, name=name)
        self._units()
        for post in self.plan.posts:
            self._post(post)
        for pool, category in self.plan.extra_people:
            self._person(HolderPlan(pool, category, datetime.date.min))
        self._contingents()
        self._partners()
        build_lifecycle(self.mission, self.plan, acting_user)
        return self.mission

    def _units(self) -> None:
        seen: dict[str, int] = {}
        for unit in self.plan.units:
            self.units[unit.key] = self._unit(unit, seen.get(unit.town, 0))
            seen[unit.town] = seen.get(unit.town, 0) + 1

    def _unit(self, unit: UnitPlan, nth: int) -> OrgUnit:
        (lon, lat), region, _country = self.world.town(unit.town)
        return _create(
            OrgUnit,
            mission=self.mission,
            kind=unit.kind,
            name=unit.name,
            parent=self.units[unit.parent] if unit.parent else None,
            component=self.components[unit.component] if unit.component else None,
            # Units sharing a town sit a few hundred metres apart so the map shows both.
            latitude=round(lat - 0.006 * nth, 4),
            longitude=round(lon + 0.009 * nth, 4),
            admin1=region,
            established_on=unit.established,
            closed_on=unit.closed,
        )

    def _post(self, plan: PostPlan) -> None:
        post = _create(
            Post,
            mission=self.mission,
            title=plan.title,
            role=plan.role,
            component=self.components[plan.component] if plan.component else None,
            org_unit=self.units[plan.unit] if plan.unit else None,
            reports_to=self.posts[plan.reports_to] if plan.reports_to else None,
            grade=plan.grade,
            is_mlt=plan.mlt,
            is_designated_official=plan.designated_official,
            sensitivity=plan.sensitivity,
        )
        self.posts[plan.key] = post
        for holder in plan.holders:
            person = self._person(holder)
            self.first_holder.setdefault(plan.key, person)
            _create(
                Assignment,
                mission=self.mission,
                post=post,
                person=person,
                start_date=holder.start,
                end_date=holder.end,
                acting=holder.acting,
            )

    def _person(self, holder: HolderPlan) -> Person:
        if holder.pool.startswith("="):
            return self.first_holder[holder.pool[1:]]
        pool = self.names.nationality(holder.pool)
        share = FEMALE_SHARE.get(PersonnelCategory(holder.category), 0.45)
        name = self.names.full_name(pool, holder.female, share)
        return _create(
            Person,
            mission=self.mission,
            full_name=name,
            nationality=iso_nationality(pool),
            category=holder.category,
            email=email_for(name, self.domain),
            user=self.logins.get(holder.login) if holder.login else None,
        )

    def _contingents(self) -> None:
        for c in self.plan.contingents:
            _create(
                Contingent,
                mission=self.mission,
                country=self.countries[c.country],
                name=c.name,
                unit_type=c.unit_type,
                strength=c.strength,
                status=c.status,
                arrival_date=c.arrival,
                repatriation_date=c.repatriation,
                org_unit=self.units[c.unit] if c.unit else None,
                sensitivity=c.sensitivity,
            )

    def _partners(self) -> None:
        for p in self.plan.partners:
            focal = ""
            if p.focal_pool:
                focal = self.names.full_name(self.names.nationality(p.focal_pool))
            _create(
                Partner,
                mission=self.mission,
                name=p.name,
                acronym=p.acronym,
                kind=p.kind,
                is_humanitarian=p.humanitarian,
                is_un_system=p.un_system,
                focal_point=focal,
                notes=p.notes,
                sensitivity=p.sensitivity,
            )


def build_missions(
    today: datetime.date, users: dict[str, Any], acting_user: Any, progress: Progress
) -> dict[str, Mission]:
    """Geography, contributing countries and every demo mission; returns code -> mission."""
    world = build_world(SEED)
    n = save_geography(world)
    write_contexts(world, SEED)  # places and a river for the maps (no Natural Earth file)
    progress(
        _("Geography: %(countries)d fictional countries, %(areas)d admin areas.")
        % {"countries": len(world.countries), "areas": n}
    )
    plans = [make(today) for make in PLANS]
    countries = ensure_contributing_countries(plans)
    missions = {}
    for plan in plans:
        logins = {
            role: users[mission_username(plan.code, role)]
            for role in mission_roles()
            if mission_username(plan.code, role) in users
        }
        missions[plan.code] = MissionBuilder(plan, world, countries, logins).build(acting_user)
        progress(
            _(
                "Mission %(code)s: %(units)d locations, %(posts)d posts, %(contingents)d "
                "contingents, %(partners)d partners, phase %(phase)s."
            )
            % {
                "code": plan.code,
                "units": len(plan.units),
                "posts": len(plan.posts),
                "contingents": len(plan.contingents),
                "partners": len(plan.partners),
                "phase": missions[plan.code].get_phase_display(),
            }
        )
        # After the contingents: the §4.3 consultations name the contributing countries.
        build_mandates(missions[plan.code], plan, today, acting_user, progress)
    build_incidents(missions, world, SEED, today, users, acting_user, progress)
    counts = build_principles(missions[minusbel.CODE], users, acting_user)
    progress(
        _(
            "Mission %(code)s principles: %(use_of_force_reports)d use-of-force reports, "
            "%(consent_events)d consent events, %(violations)d violations, "
            "%(protection_alerts)d protection alerts."
        )
        % {"code": minusbel.CODE, **counts}
    )
    counts = build_analysis(missions[minusbel.CODE], users, acting_user)
    progress(
        _(
            "Mission %(code)s analysis: %(actors)d actors named in %(incidents)d incidents, "
            "%(assessments)d threat assessments."
        )
        % {"code": minusbel.CODE, **counts}
    )
    build_deployment(missions, today, acting_user, progress)  # after the actors and mandates
    build_planning(missions, acting_user, progress)  # after the mandates, partners, components
    build_demo_benchmarks(missions, acting_user, progress)  # after the plan's indicators
    build_drawdown(missions, acting_user, progress)  # after the contingents and sites
    build_demo_outreach(missions, acting_user, progress)  # after the incidents and lessons
    build_demo_conduct(missions, acting_user, progress)  # after the contingents
    build_programmes(missions, acting_user, progress)  # after the actors, incidents, partners
    build_demo_support(missions, acting_user, progress)  # after contingents and units
    return missions


def build_demo(
    as_of: datetime.date,
    now: datetime.datetime,
    users: dict[str, Any],
    acting_user: Any,
    progress: Progress,
) -> dict[str, Mission]:
    """The story on its authored calendar, moved to end on ``as_of`` (``timeline``), then the
    forecasts, computed from the moved incidents rather than moved themselves."""
    shift = shift_to(as_of, now)
    marks = watermarks()
    # UNMOGTO is dated from the real day of the build (its 30-day deployment clock runs on the
    # real calendar, Capstone §6.2): authored that many days earlier, the move brings it back.
    today = now.astimezone(datetime.UTC).date() - datetime.timedelta(days=shift.days)
    missions = build_missions(today, users, acting_user, progress)
    moved = move_story(marks, shift)
    if moved:
        for mission in missions.values():
            rewrite_narratives(mission)
            # The move bypasses the per-record change log: one entry says what it did.
            log_action(
                "move_demo_story",
                mission,
                acting_user=acting_user,
                before={"ends_on": STORY_END.isoformat()},
                after={"ends_on": as_of.isoformat(), "days": shift.days, "rows": moved},
                note=f"Demo dates moved from the authored calendar to {as_of}.",
            )
        progress(
            _("Story moved by %(days)d days: it ends on %(as_of)s.")
            % {"days": shift.days, "as_of": as_of.isoformat()}
        )
    origin_day = None if shift.is_zero else as_of
    # Computed after the move: each reading keeps the dates its query ran on.
    compute_benchmark_readings(missions[minusbel.CODE], as_of, acting_user)
    # After the readings and the move: the report carries what the pages show, dated as built.
    build_periodic_reports(missions, as_of, users, acting_user, progress)
    build_forecasts(missions[minusbel.CODE], users, acting_user, progress, origin_day)
    return missions


def existing_demo_missions() -> list[str]:
    return list(Mission.objects.filter(code__in=DEMO_MISSION_CODES).values_list("code", flat=True))


def delete_demo(progress: Progress) -> None:
    """Remove the demo missions (with everything they own) and the fictional geography."""
    delete_deployment()  # the crises behind the missions, and the one under assessment
    for mission in Mission.objects.filter(code__in=DEMO_MISSION_CODES):
        delete_planning(mission)  # plan actors protect units, components and partners
        delete_outreach(mission)  # impact indicators protect units; rumours name incidents
        delete_programmes(mission)  # DDR participants protect the armed groups
        delete_analysis(mission)  # before its parties and incidents
        delete_principles(mission)  # use-of-force reports protect units and contingents
        delete_incidents(mission)  # its reports protect the units
        delete_support(mission)  # logistics requests protect the units
        delete_conduct(mission)  # cases protect the contingents they name
        units = OrgUnit.objects.filter(mission=mission)
        # The unit tree protects parents: remove it leaves first.
        while units.exists():
            deleted, _counts = units.filter(children__isnull=True).delete()
            if not deleted:  # pragma: no cover - the tree cannot hold a cycle (OrgUnit.clean)
                break
        mission.delete()
        progress(_("Deleted mission %(code)s.") % {"code": mission.code})
    delete_demo_resolutions()
    AdminArea.objects.filter(country__in=DEMO_COUNTRIES).delete()
    remove_contexts(DEMO_COUNTRIES)
