"""Reports to the Council in either working language (issue 20; Capstone §4.3, §7.1): a draft
assembled in French reads in French on its page, in its DOCX and in the page Chromium prints to
PDF, whatever the language of whoever downloads it; an English draft stays English."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.utils import translation
from tests.reports_support import Q3, quarter_of_records

from bluehelmet.reports import actions, outputs

pytestmark = pytest.mark.django_db


def headings(content: dict[str, Any]) -> list[str]:
    return [s["heading"] for s in content["sections"]]


def docx_text(data: bytes) -> str:
    from docx import Document

    return "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs)


def test_given_a_french_draft_then_its_sections_docx_and_print_are_french(mission: Any) -> None:
    quarter_of_records(mission)
    version = actions.do_draft_periodic_report(mission, *Q3, acting_user=None, language="fr")
    content = version.content
    assert content["language"] == "fr" and version.report.language == "fr"
    assert "Évolution de la situation politique et des conditions de sécurité" in headings(content)
    assert "Protection des civils" in headings(content)
    assert version.report.title.startswith("Rapport du Secrétaire général")

    with translation.override("en"):  # downloaded by an English reader: still French
        text = docx_text(outputs.as_docx(content, version))
        printed = outputs.printable_html(content, version)
    assert "Annexe" in text and "Protection des civils" in text
    assert '<html lang="fr">' in printed and "Protection des civils" in printed

    again = actions.do_assemble_periodic_report(version.report, acting_user=None)
    assert "Protection des civils" in headings(again.content)  # new versions keep its language


def test_an_english_draft_stays_english_for_a_french_reader(mission: Any) -> None:
    version = actions.do_draft_periodic_report(mission, *Q3, acting_user=None, language="en")
    with translation.override("fr"):
        text = docx_text(outputs.as_docx(version.content, version))
    assert "Protection of civilians" in headings(version.content)
    assert "Annex" in text and "Annexe" not in text
