"""Where apps plug into the kernel: navigation, mission-overview panels and links, the
mission parameters their rules read (``core.parameters``) and the figures benchmark indicators
can be computed from (``IndicatorSource``).

``core`` knows no doctrine area. Each app registers what it adds to the shared pages from its
``AppConfig.ready()`` (usually in its ``navigation.py``), the way Django's admin and NetBox
plugins do; the site layer (``bluehelmet/urls.py``) finds each app's page and API routes.
Order is by ``weight`` (lower first), then by registration order, so the menu does not depend
on the order of ``INSTALLED_APPS``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.http import HttpRequest


@dataclass(frozen=True)
class NavItem:
    """One link of the left menu. ``scoped``: a list filtered with ``?mission=<current>``;
    ``mission_page``: a page under ``/missions/<code>/`` (hidden until a mission is chosen);
    ``needs``: an action the user must hold in some mission to see the link."""

    label: Any
    url_name: str
    scoped: bool = True
    needs: str | None = None
    mission_page: bool = False
    weight: int = 100


@dataclass
class NavSection:
    key: str
    title: Any
    weight: int = 100
    items: list[NavItem] = field(default_factory=list)


PanelContext = Callable[[HttpRequest, Any], dict[str, Any] | None]


@dataclass(frozen=True)
class OverviewPanel:
    """A box on the mission overview page. ``context(request, mission)`` returns the template's
    context, or ``None`` when there is nothing to show; it must scope what it reads with
    ``restrict`` and log strictly confidential reads like any view. ``position`` is ``alerts``
    (top of the page), ``summary`` (beside the mission's facts) or ``main`` (below the map)."""

    key: str
    template: str
    context: PanelContext
    position: str = "main"
    weight: int = 100


@dataclass(frozen=True)
class OverviewLink:
    """A button at the top of the mission overview, to a page under ``/missions/<code>/``."""

    label: Any
    url_name: str
    weight: int = 100


@dataclass(frozen=True)
class ParameterSpec:
    """A mission parameter an app's rule reads (``core.parameters``): a whole number of
    ``unit`` between ``min_value`` and ``max_value``. ``serves``: the doctrine section the rule
    applies (e.g. "Capstone §3.1"); ``note``: a sentence saying the number is the mission's
    setting, not the doctrine's."""

    key: str
    label: Any
    default: int
    unit: Any
    min_value: int
    max_value: int
    serves: str
    note: Any = ""
    weight: int = 100


@dataclass(frozen=True)
class HqCell:
    """One cell of the headquarters overview (``core.hq``). ``text``: what the page and the CSV
    show; ``value``: the JSON value of the API (a number, a string, a list); ``sort``: the key
    the table sorts by (a number, or text); ``url``: the mission page it links to; ``tone``:
    ``""``, ``"good"``, ``"warn"`` or ``"bad"`` (a word is always in ``text`` too)."""

    text: str
    value: Any = None
    sort: float | str | None = None
    url: str | None = None
    tone: str = ""


@dataclass(frozen=True)
class HqColumn:
    """A column of the headquarters overview, one cell per mission the user may see.
    ``cell(user, mission)`` reads through ``restrict(user, ...)`` exactly as the mission's own
    pages do and returns ``None`` where the user may see nothing of it (the cell says so)."""

    key: str
    label: Any
    cell: Callable[[Any, Any], HqCell | None]
    weight: int = 100
    help: Any = ""


@dataclass(frozen=True)
class HqSeries:
    """One mission's values for an overview chart: ``points`` are ``(label, value)`` pairs, one
    pair for a bar chart, a month each for a trend."""

    mission: str
    points: list[tuple[str, float]]


@dataclass(frozen=True)
class HqChart:
    """A comparison across missions on the headquarters overview (``kind``: ``bars`` or
    ``lines``). ``series(user, missions)`` returns the missions' series, scoped like a column."""

    key: str
    title: Any
    series: Callable[[Any, list[Any]], list[HqSeries]]
    kind: str = "bars"
    unit: Any = ""
    note: Any = ""
    weight: int = 100


@dataclass(frozen=True)
class ReportSection:
    """A section an app adds to the periodic report to the Council (Capstone §9.1, §10.1), so
    ``reports`` need not import it: ``build(mission, start, end, user)`` returns the section's
    paragraphs for the period (plain text, figures only from records ``user`` may see; ``None``
    for the system) or ``None`` to leave the section out."""

    key: str
    heading: Any
    build: Callable[[Any, Any, Any, Any], list[str] | None]
    weight: int = 100


RecordPanelContext = Callable[[HttpRequest, Any], dict[str, Any] | None]


@dataclass(frozen=True)
class RecordPanel:
    """A box on the page of one record (``ObjectDetailView``): ``context(request, obj)`` returns
    the template's context or ``None``, scoped with ``restrict`` like any view. ``models``:
    the ``app_label.model_name`` labels it applies to; empty for every record (e.g. the lessons
    linked to a record, which may be about anything)."""

    key: str
    template: str
    context: RecordPanelContext
    models: tuple[str, ...] = ()
    weight: int = 100


# What an indicator source computes: ``(query, user) -> Decimal | None`` (``IndicatorSource``).
IndicatorCompute = Callable[[dict[str, Any], Any], Decimal | None]
# An indicator source's code: lower-case words joined by underscores, short enough for the
# column that keeps it (``benchmarks.Indicator.computation``).
INDICATOR_CODE_MAX_LENGTH = 40
INDICATOR_CODE = re.compile(r"[a-z][a-z0-9_]*")


@dataclass(frozen=True)
class IndicatorSource:
    """A figure a benchmark indicator can be computed from (Capstone §10.2: indicators read
    from the records the mission already keeps), offered by the app that keeps those records,
    so that ``benchmarks`` need not import it.

    ``compute(query, user)`` gives the figure of ``query``, a plain dict that the reading
    keeps in order to run it again: ``computation`` (this ``code``), ``mission`` (its code),
    ``admin1`` (an admin area, ``""`` for the whole mission), ``start`` and ``end`` (ISO dates
    of the period) and ``max_sensitivity``. It reads only the mission's records at or below
    ``max_sensitivity`` and, for a person, only what ``user`` may see (``None`` is the system);
    it returns ``None`` when no record it may read answers. ``unit``: a hint for the indicator's
    unit; ``cite``: the doctrine section the figure serves (e.g. "Capstone §2.4"); ``app``: the
    label of the app that registered it; ``group``: the heading forms list it under."""

    code: str
    label: Any
    compute: IndicatorCompute
    unit: Any = ""
    cite: str = ""
    app: str = ""
    group: Any = ""


POSITIONS = ("alerts", "summary", "main")
# The "situation now" page (``/missions/<code>/now/``): ``main`` spans the page (the incidents
# map and list), ``cards`` are the boxes below it (crises, SITREP, alerts, flags ...).
SITUATION_POSITIONS = ("main", "cards")


class Registry:
    def __init__(self) -> None:
        self.sections: dict[str, NavSection] = {}
        self.panels: dict[str, OverviewPanel] = {}
        self.situation: dict[str, OverviewPanel] = {}
        self.links: dict[str, OverviewLink] = {}
        self.parameters: dict[str, ParameterSpec] = {}
        self.report_sections: dict[str, ReportSection] = {}
        self.record: dict[str, RecordPanel] = {}
        self.hq_columns: dict[str, HqColumn] = {}
        self.hq_charts: dict[str, HqChart] = {}
        self.sources: dict[str, IndicatorSource] = {}

    def section(self, key: str, title: Any, weight: int = 100) -> NavSection:
        """The menu section ``key``, created on first use (an app may add to another's)."""
        if key not in self.sections:
            self.sections[key] = NavSection(key, title, weight)
        return self.sections[key]

    def add_nav_items(self, key: str, *items: NavItem) -> None:
        if key not in self.sections:
            raise KeyError(f"No navigation section {key!r}: register it with section() first.")
        known = {i.url_name for i in self.sections[key].items}
        self.sections[key].items.extend(i for i in items if i.url_name not in known)

    def add_panel(self, panel: OverviewPanel) -> None:
        if panel.position not in POSITIONS:
            raise ValueError(f"Panel position must be one of {POSITIONS}, not {panel.position!r}.")
        self.panels[panel.key] = panel

    def add_situation_panel(self, panel: OverviewPanel) -> None:
        """A box on the "situation now" page: the same contract as an overview panel, with a
        ``position`` of ``SITUATION_POSITIONS``. It may return an empty state rather than
        ``None`` (the page says "none" where the mission has nothing waiting)."""
        if panel.position not in SITUATION_POSITIONS:
            raise ValueError(
                f"Situation panel position must be one of {SITUATION_POSITIONS}, "
                f"not {panel.position!r}."
            )
        self.situation[panel.key] = panel

    def add_link(self, link: OverviewLink) -> None:
        self.links[link.url_name] = link

    def add_parameter(self, *specs: ParameterSpec) -> None:
        """Mission parameters an app's rules read, with their defaults (``core.parameters``)."""
        for spec in specs:
            if not spec.min_value <= spec.default <= spec.max_value:
                raise ValueError(f"Parameter {spec.key!r}: default outside its range.")
            self.parameters[spec.key] = spec

    def add_record_panel(self, panel: RecordPanel) -> None:
        self.record[panel.key] = panel

    def record_panels(self, label: str) -> list[RecordPanel]:
        """The panels for a record of model ``label`` (``app_label.model_name``)."""
        found = (p for p in self.record.values() if not p.models or label in p.models)
        return sorted(found, key=lambda p: p.weight)

    def add_hq_column(self, *columns: HqColumn) -> None:
        """Columns of the headquarters overview (Capstone §7.1), one cell per mission."""
        for column in columns:
            self.hq_columns[column.key] = column

    def add_hq_chart(self, *charts: HqChart) -> None:
        for chart in charts:
            if chart.kind not in ("bars", "lines"):
                raise ValueError(f"Chart kind must be 'bars' or 'lines', not {chart.kind!r}.")
            self.hq_charts[chart.key] = chart

    def overview_columns(self) -> list[HqColumn]:
        return sorted(self.hq_columns.values(), key=lambda c: c.weight)

    def overview_charts(self) -> list[HqChart]:
        return sorted(self.hq_charts.values(), key=lambda c: c.weight)

    def add_report_section(self, section: ReportSection) -> None:
        self.report_sections[section.key] = section

    def periodic_report_sections(self) -> list[ReportSection]:
        return sorted(self.report_sections.values(), key=lambda s: s.weight)

    def add_indicator_source(self, *sources: IndicatorSource) -> None:
        """Figures benchmark indicators can be computed from (Capstone §10.2). A code names one
        source for good (stored readings keep it to run their query again): a second source
        under a code already taken is refused; registering the same source again changes
        nothing."""
        for source in sources:
            if (
                not INDICATOR_CODE.fullmatch(source.code)
                or len(source.code) > INDICATOR_CODE_MAX_LENGTH
            ):
                raise ValueError(
                    f"Indicator source code {source.code!r}: lower-case letters, digits and "
                    f"underscores, at most {INDICATOR_CODE_MAX_LENGTH} characters."
                )
            known = self.sources.get(source.code)
            if known is not None and known != source:
                raise ValueError(
                    f"Indicator source {source.code!r} is already registered"
                    f" (by {known.app or 'another app'})."
                )
            self.sources[source.code] = source

    def indicator_source(self, code: str) -> IndicatorSource | None:
        """The source registered under ``code``, or ``None``."""
        return self.sources.get(code)

    def indicator_sources(self) -> list[IndicatorSource]:
        """Every registered source, in the order registered."""
        return list(self.sources.values())

    def mission_parameters(self) -> list[ParameterSpec]:
        return sorted(self.parameters.values(), key=lambda s: s.weight)

    def navigation(self) -> list[NavSection]:
        ordered = sorted(self.sections.values(), key=lambda s: s.weight)
        return [
            NavSection(s.key, s.title, s.weight, sorted(s.items, key=lambda i: i.weight))
            for s in ordered
        ]

    def mission_pages(self) -> set[str]:
        return {i.url_name for s in self.sections.values() for i in s.items if i.mission_page}

    def overview_panels(self, position: str) -> list[OverviewPanel]:
        return sorted(
            (p for p in self.panels.values() if p.position == position), key=lambda p: p.weight
        )

    def situation_panels(self, position: str) -> list[OverviewPanel]:
        return sorted(
            (p for p in self.situation.values() if p.position == position),
            key=lambda p: p.weight,
        )

    def overview_links(self) -> list[OverviewLink]:
        return sorted(self.links.values(), key=lambda link: link.weight)


registry = Registry()


def render_panels(
    request: HttpRequest, mission: Any, panels: list[OverviewPanel] | list[RecordPanel]
) -> list[str]:
    """Each panel rendered with its own context; a panel with nothing to show is left out."""
    from django.template.loader import render_to_string

    rendered: list[str] = []
    for panel in panels:
        context = panel.context(request, mission)
        if context is not None:
            rendered.append(render_to_string(panel.template, context, request))
    return rendered
