"""Every page carries a strict Content-Security-Policy (issue 11, stored XSS on the maps).

Escaping on the client is the first defence; the policy is the second: even if markup from a
record reached the page, the browser would refuse to run inline script or handlers, or to load
anything from another origin (the platform is offline).
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from bluehelmet.core.models import Mission

pytestmark = pytest.mark.django_db


def directives(response: Any) -> dict[str, list[str]]:
    header = response.headers.get("Content-Security-Policy")
    assert header, f"no Content-Security-Policy on {response.request['PATH_INFO']}"
    parsed: dict[str, list[str]] = {}
    for part in header.split(";"):
        name, *values = part.split()
        parsed[name] = values
    return parsed


def assert_strict(response: Any) -> None:
    policy = directives(response)
    assert policy["script-src"] == ["'self'"]
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]
    for name, values in policy.items():
        # No other origin anywhere: everything is served from the platform's own files.
        assert all(v.startswith("'") or v == "data:" for v in values), (name, values)


def test_login_page_carries_the_policy(client: Client) -> None:
    response = client.get("/login/")
    assert response.status_code == 200
    assert_strict(response)


def test_mission_pages_and_api_docs_carry_the_policy(
    client: Client, mission: Mission, make_user: Any
) -> None:
    client.force_login(make_user("head-of-mission", mission))
    for url in (
        f"/missions/{mission.code}/",
        f"/missions/{mission.code}/cop/",
        f"/missions/{mission.code}/map.geojson",
        "/api/",
        "/api/docs/",
        "/missions/NOSUCH/",
    ):
        response = client.get(url, HTTP_ACCEPT="text/html")
        assert response.status_code in (200, 404), url
        assert_strict(response)


def test_api_docs_need_no_inline_script(client: Client, mission: Mission, make_user: Any) -> None:
    """Swagger UI's start-up script is a separate file, so script-src 'self' is enough."""
    client.force_login(make_user("head-of-mission", mission))
    page = client.get("/api/docs/").content.decode()
    script = client.get("/api/docs/?script=")
    assert "<script>" not in page
    assert script.status_code == 200
    assert script["Content-Type"].startswith("application/javascript")
