"""Assembling a report to the Council from the deployment records (Capstone §4.1-4.3).

The content is plain data: sections with a roman numeral, a heading and paragraphs, numbered
continuously as UN reports are; then an annex with the map. The page, the PDF and the DOCX are
all drawn from this one structure, so they say the same thing. The sentences are bluehelmet's;
the doctrine is cited by section, never quoted.
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from bluehelmet.deployment.conditions import judge_option, missing_for, overrides_for
from bluehelmet.deployment.models import DeploymentOption, StrategicAssessment
from bluehelmet.reports.mapsvg import country_map_svg
from bluehelmet.reports.models import CouncilReport

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in (text or "").split("\n\n") if p.strip()]


_paragraphs = paragraphs


def number_sections(sections: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Roman numerals for the sections and one continuous paragraph numbering, as UN reports
    are set out (shared by the deployment and the periodic report)."""
    number = 0
    for numeral, section in zip(ROMAN, sections, strict=False):
        section["numeral"] = numeral
        numbered = []
        for text in section["paragraphs"]:
            number += 1
            numbered.append({"number": number, "text": text})
        section["paragraphs"] = numbered
    return sections


def situation_section(assessment: StrategicAssessment) -> dict[str, Any]:
    situation = assessment.situation
    paras = _paragraphs(situation.summary) or [_("No account of the situation is recorded.")]
    parties = list(situation.parties.all())
    if parties:
        names = "; ".join(f"{p.name} ({p.get_role_display().lower()})" for p in parties)
        paras.append(_("The parties and actors concerned are: %(p)s.") % {"p": names})
    for line, text in (
        (_("Political"), assessment.political_options),
        (_("Security"), assessment.security_options),
        (_("Humanitarian"), assessment.humanitarian_options),
        (_("Development"), assessment.development_options),
    ):
        if text.strip():
            paras.append(_("%(line)s line of UN engagement: %(t)s") % {"line": line, "t": text})
    return {"heading": _("Political and security situation"), "paragraphs": paras}


def tam_section(assessment: StrategicAssessment) -> dict[str, Any]:
    paras = []
    for tam in assessment.assessment_missions.all():
        members = sorted({m.department for m in tam.members.all()})
        paras.append(
            _(
                "A technical assessment mission visited the country from %(a)s to %(b)s, led "
                "by %(lead)s, with members from %(deps)s. It visited %(sites)s."
            )
            % {
                "a": tam.started_on,
                "b": tam.ended_on or _("(ongoing)"),
                "lead": tam.led_by or _("the Secretariat"),
                "deps": ", ".join(members) or _("the Secretariat"),
                "sites": ", ".join(tam.site_list()) or _("the capital"),
            }
        )
        for finding in tam.findings.all():
            paras.append(f"{finding.get_area_display()}: {finding.finding}")
    if not paras:
        paras.append(_("No technical assessment mission has yet been deployed."))
    return {"heading": _("Findings of the technical assessment mission"), "paragraphs": paras}


def factors_section(assessment: StrategicAssessment) -> dict[str, Any]:
    paras = []
    for factor in assessment.factors.all():
        paras.append(
            _("%(f)s: %(j)s (confidence %(c)s). %(e)s")
            % {
                "f": factor.get_factor_display(),
                "j": factor.get_judgement_display().lower(),
                "c": factor.get_confidence_display().lower(),
                "e": factor.evidence,
            }
        )
    return {
        "heading": _("Factors for the establishment of an operation"),
        "paragraphs": paras or [_("The factors have not been assessed.")],
    }


def option_paragraphs(option: DeploymentOption) -> list[str]:
    tasks = ", ".join(t.name for t in option.tasks.all()) or _("no tasks listed")
    paras = [
        _("Option “%(t)s” (%(k)s). %(s)s Tasks: %(tasks)s.")
        % {
            "t": option.title,
            "k": option.get_option_type_display().lower(),
            "s": option.summary,
            "tasks": tasks,
        },
        _("Personnel: %(tr)d troops, %(po)d police, %(mo)d military observers, %(ci)d civilians.")
        % {
            "tr": option.troops,
            "po": option.police,
            "mo": option.military_observers,
            "ci": option.civilians,
        },
    ]
    if option.risks.strip():
        paras.append(_("Risks: %(r)s") % {"r": option.risks})
    for scenario in option.scenarios.all():
        paras.append(f"{scenario.get_kind_display()}: {scenario.description}")
    return paras


def options_section(assessment: StrategicAssessment, user: Any) -> dict[str, Any]:
    paras: list[str] = []
    for option in assessment.options.restrict(user).prefetch_related("tasks", "scenarios"):
        paras.extend(option_paragraphs(option))
    return {"heading": _("Options for United Nations engagement"), "paragraphs": paras}


def recommendation_section(
    assessment: StrategicAssessment, report: CouncilReport, user: Any
) -> dict[str, Any]:
    option = assessment.recommended_option
    if option is None:
        return {"heading": _("Recommendation"), "paragraphs": [_("No option is recommended.")]}
    paras = [_("The Secretary-General recommends option “%(t)s”.") % {"t": option.title}]
    verdicts = judge_option(assessment, option, overrides_for(assessment, user))
    for v in missing_for(verdicts):
        paras.append(_("Condition not in place: %(n)s. %(e)s") % {"n": v.name, "e": v.explanation})
    paras.extend(_paragraphs(report.council_needs_to_know))
    resources = _paragraphs(option.resources)
    countries = ", ".join(c.name for c in option.contributors_to_consult.all())
    if countries:
        resources.append(
            _("The troop- and police-contributing countries to be consulted are: %(c)s.")
            % {"c": countries}
        )
    paras.extend(resources)
    return {"heading": _("Recommendation and what the Council needs to know"), "paragraphs": paras}


def assemble(report: CouncilReport, user: Any) -> dict[str, Any]:
    """The report's content from the records as they stand now."""
    assessment = report.assessment
    situation = assessment.situation
    sections = [
        situation_section(assessment),
        tam_section(assessment),
        factors_section(assessment),
        options_section(assessment, user),
        recommendation_section(assessment, report, user),
        {
            "heading": _("Observations"),
            "paragraphs": _paragraphs(report.observations) or [_("(To be drafted.)")],
        },
    ]
    number_sections(sections)
    sites = [s for tam in assessment.assessment_missions.all() for s in tam.site_list()]
    return {
        "title": report.title,
        "symbol": report.symbol,
        "date": timezone.now().date().isoformat(),
        "country": situation.country_name,
        "sections": sections,
        "annex": {
            "heading": _("Map of %(c)s") % {"c": situation.country_name},
            "svg": country_map_svg(situation.country, sites),
            "sites": sites,
        },
    }
