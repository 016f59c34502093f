"""In real Chromium: axe-core finds no serious or critical violation on any page of the menu
(issue 13, "Done when"), at desktop (1440 px) and phone (390 px) width, nor on the add forms its
list pages link to (at desktop width: a form's labels and contrast do not change with it, and
the phone layout of the forms is the list pages' own).

The demo is built and its MINUSBEL Head of Mission, who sees every page of the menu, visits each
link of ``#sidenav``. axe-core comes from the pinned ``axe-playwright-python`` package (its
bundled ``axe.min.js``); it is evaluated through the automation protocol, which the pages'
Content-Security-Policy (no inline script) does not apply to. As in tests/test_browser.py, every
request to another host is blocked and counted.

What is left out, and why:

- ``THIRD_PARTY``: pages that are not the app's own markup (Swagger UI at /api/docs/, DRF's
  browsable API).
- ``EXCLUDE``: Leaflet's own markup inside the maps (tiles, panes and its zoom and attribution
  controls, whose markup Leaflet writes). The map container itself, its label and everything the
  app adds around it are checked.
"""

from __future__ import annotations

from io import StringIO
from typing import Any

import pytest
from tests.conftest import PASSWORD
from tests.test_browser import browser  # noqa: F401  (the Chromium fixture)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WIDTHS = (1440, 390)
THIRD_PARTY = ("/api/docs/", "/api/schema/", "/api/")
EXCLUDE = [[".leaflet-pane"], [".leaflet-control-container"]]
BLOCKING = ("serious", "critical")
HREFS = "links => links.map(a => a.getAttribute('href'))"
ADD_LINKS = "main a[href*='/add/']"


def axe_script() -> str:
    from axe_playwright_python.base import AXE_SCRIPT

    return AXE_SCRIPT


def is_third_party(path: str) -> bool:
    return any(path.split("?")[0].startswith(prefix) for prefix in THIRD_PARTY)


def settle(page: Any) -> None:
    """Wait until the page's scripts have drawn it (maps report ``data-state``)."""
    page.wait_for_load_state("networkidle")
    for element in page.locator("[data-state]").all():
        state = element.get_attribute("data-state")
        if state in ("loading", "pending"):
            page.wait_for_function(
                "el => !['loading', 'pending'].includes(el.dataset.state)",
                arg=element.element_handle(),
            )


def audit(page: Any, script: str) -> list[dict[str, Any]]:
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(script)
    result = page.evaluate("ctx => axe.run({exclude: ctx}, {resultTypes: ['violations']})", EXCLUDE)
    return list(result["violations"])


def describe(path: str, width: int, violation: dict[str, Any]) -> str:
    targets = [" ".join(map(str, n["target"])) for n in violation["nodes"][:3]]
    return (
        f"{width}px {path}: {violation['id']} ({violation['impact']}) "
        f"{violation['help']} -> {targets}"
    )


def test_every_menu_page_passes_axe_at_desktop_and_phone_width(
    browser: Any,  # noqa: F811
    live_server: Any,
    monkeypatch: Any,
) -> None:
    from django.core.management import call_command

    from bluehelmet.demo.users import PASSWORD_ENV, mission_username

    monkeypatch.setenv(PASSWORD_ENV, PASSWORD)
    call_command("demo", stdout=StringIO(), stderr=StringIO())
    page = browser.page
    page.goto(f"{live_server.url}/login/")
    page.fill("#id_username", mission_username("MINUSBEL", "head-of-mission"))
    page.fill("#id_password", PASSWORD)
    page.click("form[action='/login/'] button[type=submit]")
    page.wait_for_url("**/missions/MINUSBEL/now/")  # leaders land on the situation page

    links = page.eval_on_selector_all("#sidenav a[href]", HREFS)
    paths = list(dict.fromkeys(["/missions/MINUSBEL/", *links]))
    checked = [p for p in paths if not is_third_party(p)]
    assert len(checked) >= 20, paths  # the menu of a Head of Mission, mission pages included

    script = axe_script()
    blocking: list[str] = []
    minor: list[str] = []
    forms: dict[str, str] = {}  # the add forms, one per entity (its path without the query)

    def check(path: str, width: int) -> None:
        response = page.goto(f"{live_server.url}{path}")
        assert response is not None and response.status == 200, path
        settle(page)
        if width == WIDTHS[0]:
            for add in page.eval_on_selector_all(ADD_LINKS, HREFS):
                forms.setdefault(add.split("?")[0], add)
        for violation in audit(page, script):
            line = describe(path, width, violation)
            (blocking if violation["impact"] in BLOCKING else minor).append(line)

    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        for path in checked:
            check(path, width)
        if width == WIDTHS[0]:
            for path in list(forms.values()):
                check(path, width)
    assert len(forms) >= 10, forms
    print(
        "\n".join(["axe checked:", *checked, *forms.values(), "axe, moderate and minor:", *minor])
    )
    assert blocking == [], "\n".join(blocking)
    assert browser.outside == []
