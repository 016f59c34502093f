"""Issue 20's "Done when", end to end in real Chromium on the demo: an HQ planner logs in and
lands on the headquarters overview, follows a mission row, switches the interface to French
with the header's switch and then reads every navigation label, a rule verdict and a form
error in French (Capstone §7.1; English and French are the Secretariat's working languages)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.utils import translation
from tests.conftest import PASSWORD
from tests.test_browser import browser  # noqa: F401  (the Chromium fixture)
from tests.test_browser_joc_day_one import demo_today  # noqa: F401  (the demo, as of today)

from bluehelmet.core.registry import registry

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def labels(language: str) -> set[str]:
    """Every menu section title and link label, in ``language``."""
    with translation.override(language):
        return {str(s.title) for s in registry.navigation()} | {
            str(i.label) for s in registry.navigation() for i in s.items
        }


def in_french(text: str) -> str:
    with translation.override("fr"):
        return translation.gettext(text)


def menu_texts(page: Any) -> list[str]:
    return [
        " ".join(t.split())
        for t in page.locator("#sidenav summary, #sidenav li a").all_text_contents()
        if t.strip()
    ]


def test_an_hq_planner_follows_a_mission_and_reads_it_in_french(
    browser: Any,  # noqa: F811
    live_server: Any,
    demo_today: None,  # noqa: F811
) -> None:
    from playwright.sync_api import expect

    page, base = browser.page, live_server.url
    page.goto(f"{base}/login/")
    page.fill("#id_username", "hq.planner")
    page.fill("#id_password", PASSWORD)
    page.click("form[action='/login/'] button[type=submit]")
    page.wait_for_url("**/hq/")
    expect(page.locator("#hq-table tbody tr")).to_have_count(2)

    page.locator("#hq-table tr[data-mission='MINUSBEL'] th a").click()
    page.wait_for_url("**/missions/MINUSBEL/")
    page.select_option("#language-switch", "fr")
    page.locator("form.language-switch button[type=submit]").click()
    page.wait_for_url("**/missions/MINUSBEL/")
    expect(page.locator("html")).to_have_attribute("lang", "fr")

    # Every label of the menu is the French one; none is left in English.
    french, english = labels("fr"), labels("en")
    shown = menu_texts(page)
    assert shown and set(shown) <= {" ".join(x.split()) for x in french}, set(shown) - french
    untranslated = (english - french) & set(shown)
    assert not untranslated
    assert in_french("Situation now") in shown and "Situation now" not in shown

    # A rule verdict: the withdrawal of consent on the principles dashboard.
    page.goto(f"{base}/missions/MINUSBEL/principles/")
    verdict = page.locator("li.flag[data-flag]").first
    expect(verdict).to_contain_text(in_french("De facto withdrawal of consent"))

    # A form error: the incident entry form sent empty (the browser's own checks off).
    page.goto(f"{base}/incidents/add/?mission=MINUSBEL")
    page.evaluate("document.getElementById('object-form').noValidate = true")
    page.locator("#object-form button[type=submit]").click()
    errors = page.locator("#object-form .form-errors")
    expect(errors).to_contain_text(in_french("Please correct the fields marked below."))
    expect(page.locator("#object-form .errorlist").first).to_contain_text(
        re.compile("Ce champ est obligatoire")
    )
