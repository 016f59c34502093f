"""The doctrine reference pages: index with search, one page per section, one per entry.

The entries are the Capstone Doctrine's concepts in bluehelmet's own words (principles §3,
core functions §2.3, spectrum §2.1, task taxonomy §1.4/§2.3-2.5, benchmarks §10.2, guidance
Annex 1, glossary Annex 2), each with its citation and the platform pages that apply it
(``applied.py``). Reference data: every signed-in user may read it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.mixins import LoginRequiredMixin
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import NoReverseMatch, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from bluehelmet.core.phases import Phase
from bluehelmet.core.tables import register_url_kwargs
from bluehelmet.core.views.current import get_current_mission
from bluehelmet.doctrine import filtersets as fs
from bluehelmet.doctrine import models as m
from bluehelmet.doctrine.applied import uses_for

SEARCH_LIMIT = 50
MAX_QUERY = 200


@dataclass(frozen=True)
class Section:
    slug: str
    model: type[models.Model]
    title: Any
    citation: str
    filterset: Any


SECTIONS: dict[str, Section] = {
    s.slug: s
    for s in (
        Section(
            "principles",
            m.Principle,
            gettext_lazy("Principles and success factors"),
            "Capstone §3.1-3.2",
            fs.PrincipleFilterSet,
        ),
        Section(
            "core-functions",
            m.CoreFunction,
            gettext_lazy("Core functions"),
            "Capstone §2.3",
            fs.CoreFunctionFilterSet,
        ),
        Section(
            "spectrum",
            m.SpectrumActivity,
            gettext_lazy("Peace and security spectrum"),
            "Capstone §2.1-2.2",
            fs.SpectrumActivityFilterSet,
        ),
        Section(
            "task-types",
            m.TaskType,
            gettext_lazy("Task taxonomy"),
            "Capstone §1.4, §2.3-2.5",
            fs.TaskTypeFilterSet,
        ),
        Section(
            "task-categories",
            m.TaskCategory,
            gettext_lazy("Task categories"),
            "Capstone §1.4, §2.3-2.5",
            fs.TaskCategoryFilterSet,
        ),
        Section(
            "benchmarks",
            m.BenchmarkTemplate,
            gettext_lazy("Transition benchmark templates"),
            "Capstone §10.2",
            fs.BenchmarkTemplateFilterSet,
        ),
        Section(
            "guidance",
            m.GuidanceSeries,
            gettext_lazy("Guidance series"),
            "Capstone Annex 1",
            fs.GuidanceSeriesFilterSet,
        ),
        Section(
            "glossary",
            m.GlossaryTerm,
            gettext_lazy("Glossary"),
            "Capstone Annex 2",
            fs.GlossaryTermFilterSet,
        ),
    )
}

for _section in SECTIONS.values():
    register_url_kwargs(_section.model, lambda obj: {"code": obj.code})


def section_of(slug: str) -> Section:
    section = SECTIONS.get(slug)
    if section is None:
        raise Http404
    return section


def queryset(section: Section, user: Any) -> Any:
    qs = section.model._default_manager.restrict(user)  # type: ignore[attr-defined]
    if section.model is m.TaskType:
        qs = qs.select_related("category", "core_function")
    return qs


def entry_url(section: Section, obj: Any) -> str:
    return reverse(f"{section.model._meta.model_name}-detail", kwargs={"code": obj.code})


def section_url(section: Section) -> str:
    return reverse(f"{section.model._meta.model_name}-list")


def search(request: HttpRequest, query: str) -> list[dict[str, Any]]:
    """Every section's entries matching ``query`` (code, name, summary, citation ...)."""
    results = []
    for section in SECTIONS.values():
        filterset = section.filterset(
            {"q": query}, queryset=queryset(section, request.user), request=request
        )
        rows = list(filterset.qs[: SEARCH_LIMIT + 1])
        if rows:
            results.append(
                {
                    "section": section,
                    "url": section_url(section),
                    "entries": [(obj, entry_url(section, obj)) for obj in rows[:SEARCH_LIMIT]],
                    "more": len(rows) > SEARCH_LIMIT,
                }
            )
    return results


def phase_list(request: HttpRequest) -> dict[str, Any]:
    """The lifecycle phases (Capstone §6.1), linking to the current mission's lifecycle page."""
    mission = get_current_mission(request)
    url = reverse("mission-lifecycle", kwargs={"code": mission.code}) if mission else None
    return {"phases": [label for _value, label in Phase.choices], "lifecycle_url": url}


class DoctrineIndexView(LoginRequiredMixin, View):
    """``/doctrine/``: the sections, or with ``?q=`` the matching entries of every section."""

    def get(self, request: HttpRequest) -> HttpResponse:
        query = (request.GET.get("q") or "").strip()
        status = 200
        error = ""
        if len(query) > MAX_QUERY:
            error = _("The search text is too long (at most %(n)d characters).") % {"n": MAX_QUERY}
            query, status = "", 400
        sections = [
            {
                "section": s,
                "url": section_url(s),
                "count": queryset(s, request.user).count(),
            }
            for s in SECTIONS.values()
        ]
        context = {
            "title": _("Doctrine reference"),
            "query": query,
            "error": error,
            "results": search(request, query) if query else None,
            "sections": sections,
            **phase_list(request),
        }
        return render(request, "doctrine/index.html", context, status=status)


def group_tasks(tasks: list[m.TaskType]) -> list[dict[str, Any]]:
    """Task types by doctrine group, then category, in catalogue order."""
    by_category: dict[int, list[m.TaskType]] = defaultdict(list)
    categories: dict[int, m.TaskCategory] = {}
    for task in tasks:
        by_category[task.category_id].append(task)
        categories[task.category_id] = task.category
    groups = []
    for value, label in m.TaskGroup.choices:
        cats = sorted(
            (c for c in categories.values() if c.group == value), key=lambda c: (c.order, c.name)
        )
        if cats:
            groups.append(
                {
                    "value": value,
                    "label": label,
                    "categories": [{"category": c, "tasks": by_category[c.pk]} for c in cats],
                }
            )
    return groups


def group_by(pairs: list[tuple[Any, str]], attr: str, choices: list[tuple[str, Any]]) -> list[dict]:
    """(entry, url) pairs grouped by ``attr`` in the order of ``choices``."""
    grouped: dict[str, list[Any]] = defaultdict(list)
    for obj, url in pairs:
        grouped[getattr(obj, attr)].append((obj, url))
    return [{"label": label, "entries": grouped[v]} for v, label in choices if grouped.get(v)]


class DoctrineSectionView(LoginRequiredMixin, View):
    """``/doctrine/<section>/``: every entry of one section, filterable (``?q=`` ...)."""

    section_slug = ""

    def get(self, request: HttpRequest) -> HttpResponse:
        section = section_of(self.section_slug)
        filterset = section.filterset(
            request.GET, queryset=queryset(section, request.user), request=request
        )
        status = 200
        if filterset.is_valid():
            entries = list(filterset.qs)
        else:
            entries, status = [], 400
        pairs = [(obj, entry_url(section, obj)) for obj in entries]
        context = {
            "title": section.title,
            "section": section,
            "filterset": filterset,
            "filter_fields": list(filterset.form),
            "hidden_filter_values": [],
            "entries": pairs,
            "count": len(entries),
        }
        if section.model is m.TaskType:
            context["task_groups"] = group_tasks(entries)
        elif section.model is m.Principle:
            context["entry_groups"] = group_by(pairs, "kind", m.Principle.Kind.choices)
        elif section.model is m.TaskCategory:
            context["entry_groups"] = group_by(pairs, "group", m.TaskGroup.choices)
        return render(request, "doctrine/section.html", context, status=status)


def resolve_uses(request: HttpRequest, section: Section, obj: Any) -> list[dict[str, Any]]:
    """The ``applied.py`` rows for ``obj`` as links; mission pages use the current mission."""
    mission = get_current_mission(request)
    links = []
    for use in uses_for(section.slug, obj.code):
        url, note = None, ""
        try:
            if use.url_name and use.mission:
                if mission is None:
                    url, note = reverse("mission-list"), _("choose a mission first")
                else:
                    url = reverse(use.url_name, kwargs={"code": mission.code})
            elif use.url_name:
                url = reverse(use.url_name)
        except NoReverseMatch:
            url = None
        if url and use.query and not note:
            url += "?" + urlencode({k: v.format(obj=obj) for k, v in use.query.items()})
        links.append({"label": use.label, "url": url, "note": note})
    return links


def entry_facts(obj: Any) -> list[tuple[str, Any, str | None]]:
    """Section-specific facts: (label, value, link)."""
    facts: list[tuple[str, Any, str | None]] = []
    if isinstance(obj, m.Principle):
        facts.append((_("Kind"), obj.get_kind_display(), None))
    if isinstance(obj, m.TaskCategory):
        facts.append((_("Group"), obj.get_group_display(), None))
    if isinstance(obj, m.TaskType):
        category = obj.category
        facts.append(
            (_("Category"), category.label, entry_url(SECTIONS["task-categories"], category))
        )
        facts.append((_("Group"), category.get_group_display(), None))
        function = obj.core_function
        if function is not None:
            facts.append(
                (
                    _("Core function"),
                    function.label,
                    entry_url(SECTIONS["core-functions"], function),
                )
            )
        facts.append((_("TAMM v2.1 column"), obj.tamm_flag or "—", None))
        if obj.cross_cutting_resolution:
            resolution = _("Resolution %(n)s") % {"n": obj.cross_cutting_resolution}
            facts.append((_("Landmark resolution"), resolution, None))
    if isinstance(obj, m.GuidanceSeries):
        facts.append((_("Series"), obj.series, None))
    return facts


def related_entries(obj: Any, user: Any) -> list[tuple[Any, str]]:
    """Task types of a category or a core function; the indexed documents of a guidance series
    (Capstone Annex 1)."""
    if isinstance(obj, m.TaskCategory | m.CoreFunction):
        tasks = obj.task_types.restrict(user).select_related("category")  # type: ignore[attr-defined]
        return [(t, entry_url(SECTIONS["task-types"], t)) for t in tasks]
    if isinstance(obj, m.GuidanceSeries):
        documents = obj.documents.restrict(user)  # type: ignore[attr-defined]
        return [(d, reverse("guidancedocument-detail", kwargs={"pk": d.pk})) for d in documents]
    return []


class DoctrineEntryView(LoginRequiredMixin, View):
    """``/doctrine/<section>/<code>/``: summary, citation, facts and where the platform uses it."""

    section_slug = ""

    def get(self, request: HttpRequest, code: str) -> HttpResponse:
        section = section_of(self.section_slug)
        obj = get_object_or_404(queryset(section, request.user), code=code)
        context = {
            "title": obj.label,
            "section": section,
            "section_url": section_url(section),
            "object": obj,
            "facts": entry_facts(obj),
            "uses": resolve_uses(request, section, obj),
            "related": related_entries(obj, request.user),
        }
        return render(request, "doctrine/entry.html", context)
