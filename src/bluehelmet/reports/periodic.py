"""Assembling the periodic report to the Council on a mission from its live records (Capstone
§9.1, §10.1; §7.1: Headquarters reports on every mission).

Every figure is read through ``restrict(user)`` for the person who assembles the draft (the
system, ``None``, reads everything: the demo, a background job), so a role without clearance
gets a report without the confidential figures. The content has the deployment report's shape
(``assemble.number_sections``): numbered sections of paragraphs, optional tables, an annex map;
the page, PDF and DOCX draw it the same way. The sentences are bluehelmet's; the doctrine is
cited by section, never quoted.
"""

from __future__ import annotations

import datetime
import json
import statistics
from collections import Counter, defaultdict
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from django.utils.translation import gettext as _

from bluehelmet.benchmarks.verdicts import JudgedIndicator, judge_mission, must_report
from bluehelmet.core.registry import registry
from bluehelmet.lifecycle.models import DrawdownStep
from bluehelmet.mandates.gap import CATEGORIES, LABELS, gap_series
from bluehelmet.operations.models import Incident
from bluehelmet.planning.coverage import deliverable_tasks, mandate_in_force
from bluehelmet.planning.queries import current_revision
from bluehelmet.principles.models import ConsentEvent, ProtectionAlert
from bluehelmet.principles.models.consent import RESTRICTING
from bluehelmet.reports.assemble import number_sections, paragraphs
from bluehelmet.reports.mapsvg import country_map_svg
from bluehelmet.reports.models import PeriodicReport

Period = tuple[datetime.date, datetime.date]


def last_full_quarter(today: datetime.date) -> Period:
    """The last calendar quarter that ended before ``today``."""
    first_month = 3 * ((today.month - 1) // 3) + 1
    this_quarter = today.replace(month=first_month, day=1)
    end = this_quarter - datetime.timedelta(days=1)
    return end.replace(month=end.month - 2, day=1), end


def previous_period(start: datetime.date, end: datetime.date) -> Period:
    """The period just before, the comparison the Council reads: as many whole months when
    the period is whole months (the previous quarter of a quarter), else as many days."""
    before = start - datetime.timedelta(days=1)
    if start.day == 1 and (end + datetime.timedelta(days=1)).day == 1:
        months = (end.year - start.year) * 12 + end.month - start.month + 1
        index = start.year * 12 + start.month - 1 - months
        return datetime.date(index // 12, index % 12 + 1, 1), before
    return before - (end - start), before


def _scoped(queryset: Any, user: Any) -> Any:
    return queryset if user is None else queryset.restrict(user)


def _times(period: Period) -> tuple[datetime.datetime, datetime.datetime]:
    start, end = period
    after = end + datetime.timedelta(days=1)
    utc = datetime.UTC
    return (
        datetime.datetime.combine(start, datetime.time(), utc),
        datetime.datetime.combine(after, datetime.time(), utc),
    )


def _incidents(mission: Any, period: Period, user: Any) -> list[tuple[Any, int, str]]:
    start, end = _times(period)
    rows = _scoped(Incident.objects, user).filter(
        mission=mission, occurred_at__gte=start, occurred_at__lt=end, duplicate_of__isnull=True
    )
    return list(rows.values_list("occurred_at", "killed", "admin1"))


def security_section(mission: Any, period: Period, user: Any) -> dict[str, Any]:
    """Incidents and fatalities by month and by admin area, with the previous period."""
    now, before = _incidents(mission, period, user), _incidents(mission, previous(period), user)
    paras = [
        _(
            "During the period the Joint Operations Centre recorded %(n)d security incidents "
            "with %(k)d fatalities, against %(pn)d incidents and %(pk)d fatalities in the "
            "previous period of the same length."
        )
        % {
            "n": len(now),
            "k": sum(k or 0 for _t, k, _a in now),
            "pn": len(before),
            "pk": sum(k or 0 for _t, k, _a in before),
        }
    ]
    areas = _by_area(now, before)
    worst = max(areas.items(), key=lambda item: item[1][0], default=None)
    if worst is not None and worst[1][0]:
        paras.append(
            _("Most incidents occurred in %(a)s (%(n)d).") % {"a": worst[0], "n": worst[1][0]}
        )
    return {
        "heading": _("Political and security developments"),
        "citation": "Capstone §9.1",
        "paragraphs": paras,
        "tables": [_month_table(now), _area_table(areas)],
    }


def _month_table(now: list[Any]) -> dict[str, Any]:
    months: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for when, killed, _a in now:
        months[when.strftime("%Y-%m")][0] += 1
        months[when.strftime("%Y-%m")][1] += killed or 0
    return {
        "caption": _("Incidents and fatalities by month"),
        "header": [_("Month"), _("Incidents"), _("Fatalities")],
        "rows": [[m, *months[m]] for m in sorted(months)],
    }


def _area_table(areas: dict[str, list[int]]) -> dict[str, Any]:
    return {
        "caption": _("Incidents and fatalities by admin area"),
        "header": [
            _("Admin area"),
            _("Incidents"),
            _("Fatalities"),
            _("Incidents, previous period"),
        ],
        "rows": [[a, *areas[a]] for a in sorted(areas)],
    }


def previous(period: Period) -> Period:
    return previous_period(*period)


def _by_area(now: list[Any], before: list[Any]) -> dict[str, list[int]]:
    areas: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    unknown = _("(place not recorded)")
    for _t, killed, admin1 in now:
        areas[admin1 or unknown][0] += 1
        areas[admin1 or unknown][1] += killed or 0
    for _t, _k, admin1 in before:
        areas[admin1 or unknown][2] += 1
    return dict(areas)


def _alert_hours(mission: Any, period: Period, user: Any) -> tuple[int, list[float]]:
    start, end = _times(period)
    alerts = _scoped(ProtectionAlert.objects, user).filter(
        mission=mission, received_at__gte=start, received_at__lt=end
    )
    hours = [
        (a.responded_at - a.received_at).total_seconds() / 3600
        for a in alerts
        if a.responded_at is not None
    ]
    return alerts.count(), hours


def protection_section(mission: Any, period: Period, user: Any) -> dict[str, Any]:
    """Protection alerts received, answered, and the median time to respond (§9.1, §2.3)."""
    count, hours = _alert_hours(mission, period, user)
    prev_count, prev_hours = _alert_hours(mission, previous(period), user)
    paras = [
        _(
            "The mission received %(n)d protection-of-civilians alerts (previous period: "
            "%(p)d) and responded to %(r)d of them."
        )
        % {"n": count, "p": prev_count, "r": len(hours)}
    ]
    if hours:
        text = _("The median time from alert to response was %(h).1f hours") % {
            "h": statistics.median(hours)
        }
        if prev_hours:
            text += _(" (previous period: %(h).1f hours)") % {"h": statistics.median(prev_hours)}
        paras.append(text + ".")
    if count > len(hours):
        paras.append(
            _("%(n)d alerts had no recorded response at the time of writing.")
            % {"n": count - len(hours)}
        )
    return {
        "heading": _("Protection of civilians"),
        "citation": "Capstone §2.3, §9.1",
        "paragraphs": paras,
    }


def _consent_events(mission: Any, period: Period, user: Any) -> Any:
    start, end = period
    return _scoped(ConsentEvent.objects, user).filter(
        mission=mission, occurred_on__gte=start, occurred_on__lte=end
    )


def consent_section(mission: Any, period: Period, user: Any) -> dict[str, Any]:
    """Signs of consent given and withheld, restrictions of freedom of movement first (§3.1)."""
    events = list(_consent_events(mission, period, user).select_related("party"))
    restricting = [e for e in events if e.kind in RESTRICTING]
    before = _consent_events(mission, previous(period), user).filter(kind__in=RESTRICTING)
    paras = [
        _(
            "The mission recorded %(r)d restrictions of its freedom of movement, denials of "
            "access or attacks on its personnel (previous period: %(p)d), and %(c)d signs of "
            "cooperation."
        )
        % {"r": len(restricting), "p": before.count(), "c": len(events) - len(restricting)}
    ]
    by_party = Counter(e.party.name for e in restricting)
    if by_party:
        listed = "; ".join(f"{name}: {n}" for name, n in by_party.most_common())
        paras.append(_("Restrictions by party: %(l)s.") % {"l": listed})
    by_area = Counter(e.admin1 or _("(place not recorded)") for e in restricting)
    rows = [[area, n] for area, n in sorted(by_area.items())]
    table = {"caption": _("Restrictions by admin area"), "header": [_("Admin area"), _("Events")]}
    return {
        "heading": _("Consent and freedom of movement"),
        "citation": "Capstone §3.1",
        "paragraphs": paras,
        "tables": [{**table, "rows": rows}] if rows else [],
    }


def mandate_section(mission: Any, period: Period, user: Any) -> dict[str, Any]:
    """Each mandated task in force at the end of the period and the plan objectives serving it
    (§5.2: the integrated plan links objectives to the tasks)."""
    mandate = mandate_in_force(mission.pk, period[1])
    if mandate is not None and user is not None:
        mandate = type(mandate).objects.restrict(user).filter(pk=mandate.pk).first()
    tasks = deliverable_tasks(mandate)
    revision, objectives = _objectives(mission, user)
    serving: dict[int, list[str]] = defaultdict(list)
    for objective in objectives:
        for task_id in objective.tasks.values_list("pk", flat=True):
            serving[task_id].append(f"{objective.code} {objective.title}")
    paras = []
    if not tasks:
        paras.append(_("No mandate in force with tasks to deliver is recorded."))
    for task in tasks:
        served = "; ".join(serving.get(task.pk, [])) or _("no objective of the plan serves it")
        paras.append(_("%(t)s: %(o)s.") % {"t": task.task_type.name, "o": served})
    if revision is not None:
        paras.append(_("Plan: %(r)s.") % {"r": revision})
    return {
        "heading": _("Implementation of the mandate"),
        "citation": "Capstone §5.2, §9.1",
        "paragraphs": paras,
    }


def _objectives(mission: Any, user: Any) -> tuple[Any, list[Any]]:
    """The plan revision in force and its objectives the user may see (the system: all)."""
    if user is not None:
        revision = current_revision(mission, user)
        return revision, list(revision.objectives.restrict(user)) if revision else []
    from bluehelmet.planning.models import PlanRevision, RevisionStatus

    found = PlanRevision.objects.filter(mission=mission).order_by("-number")
    revision = found.filter(status=RevisionStatus.ADOPTED).first() or found.first()
    return revision, list(revision.objectives.all()) if revision else []


def _reading(judged: JudgedIndicator) -> str:
    ind = judged.indicator
    latest = judged.observations[-1] if judged.observations else None
    value = _("no reading") if latest is None else f"{latest.value} {ind.unit}"
    return _("%(b)s, %(i)s: %(v)s (baseline %(base)s, target %(t)s).") % {
        "b": ind.benchmark.code,
        "i": ind.name,
        "v": value,
        "base": ind.baseline if ind.baseline is not None else "-",
        "t": ind.target,
    }


def benchmark_section(mission: Any, user: Any) -> tuple[dict[str, Any], list[int]]:
    """Progress on every indicator the assembler may see, and the deteriorations that must be
    reported (§10.2: reported, never hidden). Returns the section and those indicators' ids."""
    judged = judge_mission(mission, user)
    deteriorating = must_report(judged)
    paras = [_reading(j) for j in judged] or [_("No benchmark indicator is recorded.")]
    for j in deteriorating:
        why = " ".join(v.explanation for v in j.flags if v.code == "deterioration")
        paras.append(_("Deterioration to report: %(i)s. %(w)s") % {"i": j.indicator.name, "w": why})
    section = {
        "heading": _("Progress towards the benchmarks"),
        "citation": "Capstone §10.1-10.2",
        "paragraphs": paras,
    }
    return section, [j.indicator.pk for j in deteriorating]


def drawdown_paragraphs(mission: Any, period: Period, user: Any) -> list[str]:
    """The drawdown plan (§6.1: withdrawal), when there is one: steps carried out in the period
    and the personnel the open steps will take out."""
    steps = list(_scoped(DrawdownStep.objects, user).filter(mission=mission))
    if not steps:
        return []
    done = [s for s in steps if s.done and period[0] <= s.completed_on <= period[1]]
    open_ = [s for s in steps if not s.done]
    last = max((s.planned_on for s in open_), default=None)
    text = _(
        "Drawdown plan: %(d)d steps carried out in the period; %(o)d open steps will take out "
        "%(p)d uniformed personnel"
    ) % {"d": len(done), "o": len(open_), "p": sum(s.personnel for s in open_)}
    if last is not None:
        text += _(" by %(d)s") % {"d": last.isoformat()}
    return [text + "."]


def personnel_section(mission: Any, period: Period, user: Any) -> dict[str, Any]:
    """Deployed against authorised strength in the last month reported in the period (§4.2),
    and the drawdown plan when there is one (§6.1)."""
    months = [g for g in gap_series(mission, user) if g.month <= period[1]]
    drawdown = drawdown_paragraphs(mission, period, user)
    if not months:
        paras = [_("No deployed strength is recorded for the period."), *drawdown]
        return {
            "heading": _("Personnel against authorised strength"),
            "citation": "Capstone §4.2",
            "paragraphs": paras,
        }
    last = months[-1]
    rows = []
    for category in CATEGORIES:
        authorised, deployed = last.authorised[category], last.deployed[category]
        ratio = last.ratio[category]
        share = "-" if ratio is None else f"{ratio * 100:.0f}%"
        rows.append([str(LABELS[category]), authorised or "-", deployed or "-", share])
    paras = [_("Strength as reported for %(m)s.") % {"m": last.month.strftime("%B %Y")}, *drawdown]
    return {
        "heading": _("Personnel against authorised strength"),
        "citation": "Capstone §4.2",
        "paragraphs": paras,
        "tables": [
            {
                "caption": _("Authorised and deployed personnel"),
                "header": [_("Category"), _("Authorised"), _("Deployed"), _("Deployed share")],
                "rows": rows,
            }
        ],
    }


def contributed_sections(mission: Any, period: Period, user: Any) -> list[dict[str, Any]]:
    """Sections other apps add (``core.registry.add_report_section``): conduct figures, when
    the conduct app exposes them; none by default."""
    sections = []
    for spec in registry.periodic_report_sections():
        paras = spec.build(mission, period[0], period[1], user)
        if paras is not None:
            sections.append({"heading": str(spec.heading), "paragraphs": list(paras)})
    return sections


def _map(mission: Any, period: Period, user: Any) -> dict[str, Any]:
    counts = Counter(a for _t, _k, a in _incidents(mission, period, user) if a)
    return {
        "heading": _("Incidents by admin area, %(s)s to %(e)s")
        % {"s": period[0].isoformat(), "e": period[1].isoformat()},
        "svg": country_map_svg(mission.host_country, values=dict(counts)),
        "sites": [],
    }


def assemble_periodic(report: PeriodicReport, user: Any) -> dict[str, Any]:
    """The report's content from the records as they stand now, as ``user`` may see them."""
    mission, period = report.mission, (report.period_start, report.period_end)
    benchmarks, deteriorations = benchmark_section(mission, user)
    sections = [
        security_section(mission, period, user),
        protection_section(mission, period, user),
        consent_section(mission, period, user),
        mandate_section(mission, period, user),
        benchmarks,
        personnel_section(mission, period, user),
        *contributed_sections(mission, period, user),
        {
            "heading": _("Observations"),
            "paragraphs": paragraphs(report.observations) or [_("(To be drafted.)")],
        },
    ]
    content = {
        "kind": "periodic",
        "title": report.title,
        "symbol": report.symbol,
        "date": timezone.now().date().isoformat(),
        "mission": mission.code,
        "period": [period[0].isoformat(), period[1].isoformat()],
        "sections": number_sections(sections),
        "deteriorations": deteriorations,
        "annex": _map(mission, period, user),
    }
    # Stored as JSON: lazy labels and dates borrowed from other apps become plain text here.
    return json.loads(json.dumps(content, cls=DjangoJSONEncoder))
