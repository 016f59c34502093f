"""Authentication and production hardening (issue 11): what a hostile probe must not get."""

from __future__ import annotations

import datetime
import hashlib
import json
import os
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient
from tests.conftest import PASSWORD

from bluehelmet.core import models as m

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
WRONG = "not-the-password"


def _token(username: str, password: str = PASSWORD, **extra: Any) -> Any:
    return APIClient().post(
        "/api/auth/token/", {"username": username, "password": password}, **extra
    )


# --- 1. login throttling and lockout ---------------------------------------------------------


def test_login_page_locks_out_after_repeated_failures(mission, make_user):
    make_user("joc-officer", mission, username="joc")
    client = Client()
    for _ in range(6):
        client.post(reverse("login"), {"username": "joc", "password": WRONG})
    response = client.post(reverse("login"), {"username": "joc", "password": PASSWORD})
    assert response.status_code == 429
    assert b"Too many failed log-in attempts" in response.content
    assert client.get("/").status_code == 302  # still not logged in


def test_admin_login_locks_out_too(db, make_user):
    make_user(username="boss", is_staff=True, is_superuser=True)
    client = Client()
    for _ in range(6):
        client.post("/admin/login/", {"username": "boss", "password": WRONG})
    response = client.post("/admin/login/", {"username": "boss", "password": PASSWORD})
    assert response.status_code == 429


def test_token_endpoint_locks_out_with_a_json_answer(mission, make_user):
    make_user("joc-officer", mission, username="joc")
    for _ in range(6):
        assert _token("joc", WRONG).status_code in {400, 429}
    response = _token("joc")
    assert response.status_code == 429
    assert "token" not in response.json()
    assert "Too many failed log-in attempts" in response.json()["detail"]


def test_lockout_is_per_username_and_address(mission, make_user):
    make_user("joc-officer", mission, username="joc")
    make_user("joc-officer", mission, username="other")
    for _ in range(6):
        _token("joc", WRONG)
    assert _token("other").status_code == 200  # someone else from the same address
    assert _token("joc", REMOTE_ADDR="10.1.1.1").status_code == 200  # from elsewhere


def test_a_few_mistakes_do_not_lock_out(mission, make_user):
    make_user("joc-officer", mission, username="joc")
    for _ in range(3):
        _token("joc", WRONG)
    assert _token("joc").status_code == 200


# --- 2. API tokens: hashed, expiring, revoked at logout ---------------------------------------


def test_token_works_and_only_its_hash_is_stored(mission, make_user):
    user = make_user("joc-officer", mission, username="joc")
    response = _token("joc")
    assert response.status_code == 200 and set(response.json()) == {"token"}
    key = response.json()["token"]
    stored = m.ApiToken.objects.get(user=user)
    assert stored.key_hash != key and key not in str(list(m.ApiToken.objects.values()))
    assert stored.key_hash == hashlib.sha256(key.encode()).hexdigest()
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    assert client.get("/api/missions/").json()["count"] == 1


def test_token_expires_after_its_lifetime(mission, make_user, settings):
    make_user("joc-officer", mission, username="joc")
    key = _token("joc").json()["token"]
    m.ApiToken.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    response = client.get("/api/missions/")
    assert response.status_code == 401
    assert "expired" in response.json()["detail"]


def test_token_lifetime_follows_the_setting(mission, make_user, settings):
    settings.BLUEHELMET_TOKEN_TTL_HOURS = 2
    make_user("joc-officer", mission, username="joc")
    _token("joc")
    lifetime = m.ApiToken.objects.get().expires_at - timezone.now()
    assert datetime.timedelta(hours=1) < lifetime <= datetime.timedelta(hours=2)


def test_unknown_token_is_401(db):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Token not-a-token")
    assert client.get("/api/missions/").status_code == 401


def test_logout_revokes_the_users_tokens(mission, make_user):
    make_user("joc-officer", mission, username="joc")
    key = _token("joc").json()["token"]
    page = Client()
    assert page.login(username="joc", password=PASSWORD)
    page.post(reverse("logout"))
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    assert client.get("/api/missions/").status_code == 401
    assert not m.ApiToken.objects.exists()


# --- 3. the data directory and the SQLite file are private ------------------------------------


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DEBUG"}}
    env.update(DJANGO_SETTINGS_MODULE="bluehelmet.settings", **extra)
    return env


def test_data_dir_and_database_are_owner_only(tmp_path):
    data = tmp_path / "data"
    subprocess.run(  # noqa: S603  (fixed argv, no shell)
        [PYTHON, "-m", "bluehelmet.cli", "migrate", "--no-input", "-v", "0"],
        env=_env(BLUEHELMET_DATA_DIR=str(data)),
        cwd=ROOT,
        check=True,
        timeout=300,
    )
    assert stat.S_IMODE(data.stat().st_mode) == 0o700
    database = data / "bluehelmet.sqlite3"
    assert database.stat().st_size > 0
    for path in data.glob("bluehelmet.sqlite3*"):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    assert stat.S_IMODE((data / "secret_key").stat().st_mode) == 0o600


# --- 4. production settings -------------------------------------------------------------------

SECURITY_NAMES = [
    "DEBUG",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_SSL_REDIRECT",
    "SECURE_PROXY_SSL_HEADER",
    "SECURE_CONTENT_TYPE_NOSNIFF",
    "SECURE_REFERRER_POLICY",
]


def _settings_with(tmp_path: Path, **env: str) -> dict[str, Any]:
    code = (
        "import json; from bluehelmet import settings as s; "
        f"print(json.dumps({{n: getattr(s, n, None) for n in {SECURITY_NAMES!r}}}))"
    )
    out = subprocess.run(  # noqa: S603  (fixed argv, no shell)
        [PYTHON, "-c", code],
        env=_env(BLUEHELMET_DATA_DIR=str(tmp_path), SECRET_KEY="x" * 50, **env),
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return json.loads(out.stdout)


def test_production_switch_turns_on_https_settings(tmp_path):
    values = _settings_with(tmp_path, BLUEHELMET_PRODUCTION="1")
    assert values["DEBUG"] is False
    assert values["SESSION_COOKIE_SECURE"] is True and values["CSRF_COOKIE_SECURE"] is True
    assert values["SECURE_HSTS_SECONDS"] >= 31536000
    assert values["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert values["SECURE_CONTENT_TYPE_NOSNIFF"] is True
    assert values["SECURE_REFERRER_POLICY"] == "same-origin"


def test_without_the_switch_plain_http_still_works(tmp_path):
    values = _settings_with(tmp_path)
    assert not values["SESSION_COOKIE_SECURE"] and not values["SECURE_SSL_REDIRECT"]
    assert not values["SECURE_HSTS_SECONDS"] and values["SECURE_PROXY_SSL_HEADER"] is None


def test_production_refuses_debug(tmp_path):
    with pytest.raises(subprocess.CalledProcessError) as failed:
        _settings_with(tmp_path, BLUEHELMET_PRODUCTION="1", DEBUG="1")
    assert "DEBUG" in failed.value.stderr


def test_production_does_not_redirect_the_health_check(settings, client, db):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/healthz").status_code == 200
    assert client.get("/login/").status_code == 301


# --- 5. the API: schema behind login, JSON errors, the root -----------------------------------


@pytest.mark.parametrize("url", ["/api/schema/", "/api/docs/"])
def test_schema_and_docs_need_a_login(db, url):
    response = Client().get(url)
    assert response.status_code in {401, 403} or (
        response.status_code == 302 and response["Location"].startswith(reverse("login"))
    )
    assert b"openapi" not in response.content.lower()


def test_unknown_api_url_is_a_json_404(db, make_user):
    client = APIClient()
    client.force_authenticate(make_user("hq-admin"))
    response = client.get("/api/no-such-thing/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert "detail" in response.json()
    assert b"<html" not in Client().get("/api/nothing/here").content.lower()


def test_unknown_page_is_still_a_page(client, db):
    response = client.get("/no-such-page/")
    assert response.status_code == 404 and b"<html" in response.content.lower()


def test_api_server_error_is_json_without_traceback(db, make_user, monkeypatch):
    from bluehelmet.core.api.views import MissionViewSet

    def boom(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("secret internal detail")

    monkeypatch.setattr(MissionViewSet, "list", boom)
    client = APIClient(raise_request_exception=False)
    client.force_authenticate(make_user("hq-admin"))
    response = client.get("/api/missions/")
    assert response.status_code == 500
    assert response["Content-Type"].startswith("application/json")
    assert "detail" in response.json()
    assert b"secret internal detail" not in response.content
    assert b"Traceback" not in response.content


def test_oversized_api_body_is_a_json_413(db, make_user, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    client = APIClient()
    client.force_authenticate(make_user("hq-admin"))
    body = json.dumps({"name": "x" * 5000})
    response = client.post("/api/partners/", data=body, content_type="application/json")
    assert response.status_code == 413
    assert response["Content-Type"].startswith("application/json")
    assert "detail" in response.json()
    form = client.post("/api/partners/", {"name": "x" * 5000})
    assert form.status_code in {400, 413} and "detail" in form.json()


def test_api_root_links_every_kind_of_endpoint(db, make_user):
    client = APIClient()
    client.force_authenticate(make_user("researcher"))
    links = client.get("/api/").json()
    for name in [
        "missions",
        "memberships",
        "incidents",
        "doctrine",
        "auth-token",
        "schema",
        "docs",
    ]:
        assert name in links, name
    assert links["doctrine"].endswith("/api/doctrine/")
    assert links["auth-token"].endswith("/api/auth/token/")


# --- 6. passwords and who exists ---------------------------------------------------------------


def test_password_change_page(mission, make_user):
    user = make_user("joc-officer", mission, username="joc")
    client = Client()
    client.force_login(user)
    home = client.get(reverse("mission-detail", kwargs={"code": mission.code}))
    assert reverse("password-change").encode() in home.content
    page = client.get(reverse("password-change"))
    assert page.status_code == 200 and b"id_old_password" in page.content
    weak = client.post(
        reverse("password-change"),
        {"old_password": PASSWORD, "new_password1": "password", "new_password2": "password"},
    )
    assert weak.status_code == 200 and b"too common" in weak.content
    new = "a-much-longer-new-passphrase"
    done = client.post(
        reverse("password-change"),
        {"old_password": PASSWORD, "new_password1": new, "new_password2": new},
    )
    assert done.status_code == 302
    assert client.get(done["Location"]).status_code == 200
    assert Client().login(username="joc", password=new)


def test_password_change_revokes_api_tokens(mission, make_user):
    user = make_user("joc-officer", mission, username="joc")
    _token("joc")
    client = Client()
    client.force_login(user)
    new = "a-much-longer-new-passphrase"
    client.post(
        reverse("password-change"),
        {"old_password": PASSWORD, "new_password1": new, "new_password2": new},
    )
    assert not m.ApiToken.objects.filter(user=user).exists()


def test_weak_demo_password_is_refused(db, monkeypatch):
    from django.core.management import CommandError, call_command

    monkeypatch.setenv("BLUEHELMET_DEMO_PASSWORD", "12345")
    with pytest.raises(CommandError) as refused:
        call_command("demo")
    assert "BLUEHELMET_DEMO_PASSWORD" in str(refused.value)
    assert not m.Mission.objects.exists()


def _grant(client: APIClient, username: str, mission: m.Mission) -> Any:
    return client.post(
        "/api/memberships/",
        {"user": username, "role": "joc-officer", "mission": mission.code},
        format="json",
    )


def test_membership_grant_does_not_reveal_which_usernames_exist(mission, make_user):
    make_user("joc-officer", mission, username="existing")
    client = APIClient()
    client.force_authenticate(make_user("joc-officer", mission))
    known, unknown = _grant(client, "existing", mission), _grant(client, "nobody-here", mission)
    assert known.status_code == unknown.status_code
    assert known.json() == json.loads(json.dumps(unknown.json()).replace("nobody-here", "existing"))


def test_managers_still_grant_by_username(mission, make_user):
    make_user(username="newcomer")
    client = APIClient()
    client.force_authenticate(make_user("head-of-mission", mission))
    assert _grant(client, "newcomer", mission).status_code == 201


def test_people_and_assignments_do_not_reveal_hidden_ids(mission, other_mission, make_user):
    hidden = m.Person.objects.create(
        mission=other_mission, full_name="Hidden Person", category="military"
    )
    client = APIClient()
    client.force_authenticate(make_user("joc-officer", mission))
    missing = hidden.pk + 1000
    assert client.get(f"/api/people/{hidden.pk}/").status_code == 404
    assert client.get(f"/api/people/{missing}/").status_code == 404
    seen = client.get(f"/api/assignments/?person={hidden.pk}")
    unseen = client.get(f"/api/assignments/?person={missing}")
    assert seen.status_code == unseen.status_code
