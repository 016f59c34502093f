"""MINUSBEL keeping (or not quite keeping) its principles in the demo (issue 5, item 7).

Capstone §3.1 (consent, impartiality, minimum force under the ROE and DUF) and §2.3 (protection
of civilians) seen through the demo's fictional Belnara: the mission's ROE and DUF; use-of-force
reports tied to real incidents of the log, most of them clean and some tripping each review rule
that can trip under a Chapter VII mandate; the ANP's consent eroding in Haut-Sanvi (its
checkpoints already fill the incident log) until the rules read a de facto withdrawal, while
consent holds elsewhere; violations by every party, answered far more often when the M9J commits
them than when the FAB do; threats to civilians and alerts, most answered within hours.

Everything goes through the models (``full_clean``) and the ``do_`` actions, acting as the demo
user who would do it; the actions stamp the current time, so the demo then sets the historical
times, as ``joc`` does. No randomness: every record comes from the tables of
``principles_data``.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Q

from bluehelmet.core.models import Component, ComponentKind, Contingent, Mission
from bluehelmet.demo import actors as A
from bluehelmet.demo.principles_data import (
    ALERTS,
    ASSESSED_ON,
    BATTALIONS,
    CONF,
    CONSENT,
    DUF_LEVELS,
    ERODING,
    PARTIES,
    POLICE_UNITS,
    ROE_LEVELS,
    TEXT,
    THREATS,
    USES_OF_FORCE,
    VIOLATIONS,
    Uof,
    _at,
)
from bluehelmet.demo.users import DemoUser, add_memberships, mission_username
from bluehelmet.operations.models import Incident
from bluehelmet.principles.actions import (
    do_assess_consent,
    do_close_review_flag,
    do_record_alert_response,
    do_review_use_of_force_report,
)
from bluehelmet.principles.models import (
    AlertSource,
    ConsentAssessment,
    ConsentEvent,
    ForceLevel,
    Party,
    ProtectionAlert,
    ProtectionThreat,
    RoeKind,
    RoeProfile,
    UseOfForceReport,
    Violation,
    ViolationResponse,
)

__all__ = ["ERODING", "build_principles", "delete_principles"]

D = datetime.date
H = datetime.timedelta(hours=1)
DAY = datetime.timedelta(days=1)


def _create(model: type[Any], **fields: Any) -> Any:
    obj = model(**fields)
    obj.full_clean()
    obj.save()
    return obj


class PrinciplesBuilder:
    """Builds one mission's principles records, acting as the demo users who would."""

    def __init__(self, mission: Mission, users: dict[str, Any], fallback: Any) -> None:
        self.mission = mission
        self.users = users
        self.fallback = fallback
        self.parties: dict[str, Party] = {}
        self.levels: dict[tuple[str, int], ForceLevel] = {}
        self.used: set[int] = set()

    def user(self, role: str) -> Any:
        name = mission_username(self.mission.code, role)
        if name not in self.users:
            return self.fallback
        code = self.mission.code
        add_memberships([DemoUser(name, role, code)], self.users, {code: self.mission})
        return self.users[name]

    def build(self) -> dict[str, int]:
        for party, kind in PARTIES:
            self.parties[party.name] = self._new(Party, name=party.name, kind=kind)
        self._profiles()
        return {
            "use_of_force_reports": len([self._use_of_force(spec) for spec in USES_OF_FORCE]),
            "consent_events": self._consent(),
            "violations": self._violations(),
            "protection_alerts": self._protection(),
        }

    def _new(self, model: type[Any], **fields: Any) -> Any:
        return _create(model, mission=self.mission, **{"sensitivity": CONF, **fields})

    def _profiles(self) -> None:
        for kind, name, levels in (
            (RoeKind.ROE, "MINUSBEL Rules of Engagement (Force)", ROE_LEVELS),
            (RoeKind.DUF, "MINUSBEL Directives on the Use of Force (UNPOL)", DUF_LEVELS),
        ):
            profile = self._new(RoeProfile, kind=kind, name=name, issued_on=D(2023, 6, 1))
            for order, (title, text, authority, robust) in enumerate(levels, 1):
                self.levels[(kind, order)] = self._new(
                    ForceLevel,
                    profile=profile,
                    order=order,
                    name=title,
                    description=text,
                    authority=authority,
                    requires_all_necessary_means=robust,
                )

    # -- use of force --

    def incident(self, after: datetime.datetime, categories: tuple[str, ...], **q: Any) -> Any:
        """The first incident of the log matching, from ``after`` on (never used twice)."""
        found = (
            Incident.objects.filter(
                mission=self.mission,
                duplicate_of__isnull=True,
                category__code__in=categories,
                occurred_at__gte=after,
                **q,
            )
            .exclude(pk__in=self.used)
            .order_by("occurred_at", "title")
            .first()
        )
        if found is not None:
            self.used.add(found.pk)
        return found

    def _use_of_force(self, spec: Uof) -> UseOfForceReport:
        incident = self.incident(spec.after, spec.categories, admin1=spec.region)
        occurred = incident.occurred_at if incident else spec.after
        units = POLICE_UNITS if spec.kind == RoeKind.DUF else BATTALIONS
        name = spec.unit or units.get(spec.region, "Egypt Formed Police Unit")
        if name == "Bangladesh Battalion (BANBAT-2)" and occurred.date() < D(2024, 6, 28):
            name = "Bangladesh Battalion (BANBAT-1)"
        authorised = spec.authorised_by
        report = self._new(
            UseOfForceReport,
            incident=incident,
            contingent=Contingent.objects.get(mission=self.mission, name=name),
            org_unit=incident.org_unit if incident else None,
            occurred_at=occurred,
            threat_faced=spec.threat,
            threat_imminent=spec.imminent,
            persuasion_tried=bool(spec.persuasion),
            persuasion=spec.persuasion,
            level=self.levels[(spec.kind, spec.level)],
            authorised_by=authorised,
            authorised_at=occurred - 10 * datetime.timedelta(minutes=1) if authorised else None,
            basis=spec.basis,
            proportionality=(
                "The least force that stopped the threat; fire ceased once it did."
                if spec.proportionate
                else ""
            ),
            civilian_harm_assessed=spec.harm_assessed,
            civilian_harm="No civilian harmed (patrol and Joint Protection Team checks)."
            if spec.harm_assessed
            else "",
            detentions=spec.detentions,
            detention_notes="Handed to the Belnaran police within 48 hours."
            if spec.detentions
            else "",
            consent_impact_assessed=spec.consent_assessed,
            consent_impact="Explained to the local authorities and the party's liaison officer."
            if spec.consent_assessed
            else "",
            beyond_tactical_level=spec.beyond_tactical,
            follow_up="Reviewed by the sector's legal adviser.",
            sensitivity=spec.sensitivity,
        )
        self._review(report, spec)
        return report

    def _review(self, report: UseOfForceReport, spec: Uof) -> None:
        reviewer = self.user("head-of-mission" if spec.sensitivity > CONF else "mlt-member")
        flags = {f.code: f for f in do_review_use_of_force_report(report, acting_user=reviewer)}
        for code, decision, reason in spec.decisions:
            do_close_review_flag(
                flags[code], decision=decision, reason=reason, acting_user=reviewer
            )
        UseOfForceReport.objects.filter(pk=report.pk).update(
            reviewed_at=report.occurred_at + 3 * DAY
        )
        report.flags.exclude(decided_at=None).update(decided_at=report.occurred_at + 12 * DAY)

    # -- consent --

    def _consent(self) -> int:
        made = 0
        for party, locality, events in CONSENT:
            for day, kind, weight in events:
                self._new(
                    ConsentEvent,
                    party=self.parties[party.name],
                    admin1=locality,
                    kind=kind,
                    occurred_on=day,
                    weight=weight,
                    description=f"{TEXT[kind]} ({party.short}, {locality}).",
                )
                made += 1
        analyst = self.user("jmac-analyst")
        for day in ASSESSED_ON:
            do_assess_consent(self.mission, acting_user=analyst, as_of=day)
        return made

    # -- impartiality --

    def _violations(self) -> int:
        made = 0
        for party, categories, region, count, responses in VIOLATIONS:
            q = Q(admin1=region) if region else Q()
            after = _at(2024, 1, 1)
            for n in range(count):
                found = self._violation_incident(after, categories, party, q)
                if found is None:
                    break
                after = found.occurred_at + 45 * DAY
                violation = self._new(
                    Violation,
                    party=self.parties[party.name],
                    incident=found,
                    occurred_on=found.occurred_at.date(),
                    description=found.title,
                )
                for k, kind in enumerate(responses[n % len(responses)]):
                    self._new(
                        ViolationResponse,
                        violation=violation,
                        kind=kind,
                        responded_on=violation.occurred_on + (2 + 3 * k) * DAY,
                    )
                made += 1
        return made

    def _violation_incident(
        self, after: datetime.datetime, categories: tuple[str, ...], party: A.Party, q: Q
    ) -> Any:
        qs = Incident.objects.filter(q, actor1=party.name)
        return self.incident(after, categories, pk__in=qs.values("pk"))

    # -- protection --

    def _protection(self) -> int:
        threats = {}
        for key, who, by, region, place, imminence, women, children, idp, day in THREATS:
            party = self.parties.get(by.name) if isinstance(by, A.Party) else None
            threats[key] = self._new(
                ProtectionThreat,
                threatened=who,
                perpetrator=party,
                perpetrator_other="" if party else str(by),
                admin1=region,
                place=place,
                imminence=imminence,
                women_at_risk=women,
                children_at_risk=children,
                displaced_at_risk=idp,
                identified_on=day,
            )
        officer = self.user("joc-officer")
        civ = Component.objects.get(mission=self.mission, kind=ComponentKind.CIVILIAN)
        for key, source, received, response, hours, text in ALERTS:
            alert = self._new(
                ProtectionAlert,
                threat=threats[key],
                source=source,
                component=civ if source == AlertSource.COMPONENT else None,
                received_at=received,
                description=text,
            )
            if response:
                do_record_alert_response(
                    alert,
                    response_kind=response,
                    acting_user=officer,
                    responded_at=received + hours * H,
                    note="Answered through the Joint Operations Centre.",
                )
        return len(ALERTS)


def build_principles(mission: Mission, users: dict[str, Any], acting_user: Any) -> dict[str, int]:
    """Every principles record of the mission; returns counts for the progress line."""
    return PrinciplesBuilder(mission, users, acting_user).build()


def delete_principles(mission: Mission) -> None:
    """Remove the mission's principles records before its units (reports protect them)."""
    UseOfForceReport.objects.filter(mission=mission).delete()
    RoeProfile.objects.filter(mission=mission).delete()
    ProtectionAlert.objects.filter(mission=mission).delete()
    ProtectionThreat.objects.filter(mission=mission).delete()
    Violation.objects.filter(mission=mission).delete()
    ConsentEvent.objects.filter(mission=mission).delete()
    ConsentAssessment.objects.filter(mission=mission).delete()
    Party.objects.filter(mission=mission).delete()
