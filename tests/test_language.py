"""The interface language (issue 20): a switch in the header, kept per user, followed by pages
and by API answers that name a language in ``Accept-Language``."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from tests.conftest import PASSWORD

from bluehelmet.core.models import Mission, UserPreference


def signed_in(user: Any) -> Client:
    client = Client()
    assert client.login(username=user.username, password=PASSWORD)
    return client


@pytest.mark.django_db
def test_given_a_user_who_chooses_french_then_it_follows_them_to_another_browser(
    make_user: Any, mission: Mission
) -> None:
    user = make_user("joc-officer", mission)
    first = signed_in(user)
    answer = first.post("/language/", {"language": "fr", "next": "/incidents/"})
    assert answer.status_code == 302 and answer["Location"] == "/incidents/"
    assert answer.cookies["django_language"].value == "fr"
    assert UserPreference.objects.get(user=user).language == "fr"

    elsewhere = signed_in(user)  # a new browser: no cookie, the saved choice applies
    page = elsewhere.get("/incidents/")
    assert '<html lang="fr">' in page.content.decode()
    assert page["Content-Language"] == "fr"


@pytest.mark.django_db
def test_the_switch_is_in_the_header_of_every_page_even_before_login(
    make_user: Any, mission: Mission
) -> None:
    login_page = Client().get("/login/").content.decode()
    assert 'action="/language/"' in login_page and 'value="fr"' in login_page
    page = signed_in(make_user("joc-officer", mission)).get("/incidents/").content.decode()
    assert 'id="language-switch"' in page


@pytest.mark.django_db
def test_an_unknown_language_or_a_foreign_next_is_refused(make_user: Any, mission: Mission) -> None:
    client = signed_in(make_user("joc-officer", mission))
    assert client.post("/language/", {"language": "xx"}).status_code == 400
    away = client.post("/language/", {"language": "en", "next": "https://evil.example/"})
    assert away.status_code == 302 and away["Location"] == "/"
    assert client.get("/language/").status_code == 405


@pytest.mark.django_db
def test_the_api_follows_accept_language_over_the_saved_choice(
    make_user: Any, mission: Mission
) -> None:
    user = make_user("joc-officer", mission)
    UserPreference.objects.create(user=user, language="fr")
    client = signed_in(user)
    asked_en = client.get("/api/incidents/", HTTP_ACCEPT_LANGUAGE="en")
    asked_fr = client.get("/api/incidents/", HTTP_ACCEPT_LANGUAGE="fr")
    assert asked_en["Content-Language"] == "en" and asked_fr["Content-Language"] == "fr"
    assert client.get("/api/incidents/")["Content-Language"] == "fr"  # none asked: the choice


@pytest.mark.django_db
def test_a_french_reader_gets_the_doctrine_catalogue_in_french(
    make_user: Any, mission: Mission
) -> None:
    """The catalogue is stored in English; its names and summaries come out of the French
    catalogue for a French reader, and stay English for others."""
    user = make_user("joc-officer", mission)
    english = signed_in(user).get("/doctrine/principles/consent/").content.decode()
    UserPreference.objects.create(user=user, language="fr")
    french = signed_in(user).get("/doctrine/principles/consent/").content.decode()
    assert "<h1>Consent of the main parties</h1>" in english
    assert "<h1>Consentement des principales parties</h1>" in french
    assert "political process" in english and "processus politique" in french
