"""The doctrine catalogue (Capstone §1.4-§3.2, §10.2, Annexes 1-2): migration, idempotent loader,
TAMM coverage, citations, the no-copy rule, the read-only API and the CLI."""

from __future__ import annotations

import csv
import io
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.urls import resolve
from rest_framework.test import APIClient
from tests.conftest import skip_or_fail

from bluehelmet.core.models import AuditEntry
from bluehelmet.doctrine import models as dm
from bluehelmet.doctrine.catalogue import CATALOGUE, TAMM_TASK_COLUMNS, TASK_TYPES
from bluehelmet.doctrine.loader import load_catalogue

SHARED = Path("/work/shared")
TAMM_FILE = SHARED / "data/peacekeeping/tamm_v2_1_mission_month.csv"
DOCTRINE_FILE = SHARED / "seed/capstone-doctrine-2008.txt"

MODELS = {name: getattr(dm, name) for name, _ in CATALOGUE}
ENDPOINTS = {
    "principles": dm.Principle,
    "core-functions": dm.CoreFunction,
    "spectrum": dm.SpectrumActivity,
    "task-categories": dm.TaskCategory,
    "task-types": dm.TaskType,
    "benchmark-templates": dm.BenchmarkTemplate,
    "guidance-series": dm.GuidanceSeries,
    "glossary": dm.GlossaryTerm,
}


def _all_rows() -> list[Any]:
    return [row for model in MODELS.values() for row in model.objects.all()]


def _counts() -> dict[str, int]:
    return {name: model.objects.count() for name, model in MODELS.items()}


# --- migration and loader ------------------------------------------------------------------


def test_migration_loaded_the_catalogue(db):
    assert _counts() == {name: len(entries) for name, entries in CATALOGUE}
    consent = dm.Principle.objects.get(code="consent")
    assert consent.kind == dm.Principle.Kind.BASIC
    assert dm.Principle.objects.filter(kind="basic").count() == 3
    assert dm.Principle.objects.filter(kind="success_factor").count() == 3
    assert set(dm.GuidanceSeries.objects.values_list("series", flat=True)) == {
        1000,
        2000,
        3000,
        4000,
        5000,
        6000,
    }
    assert dm.GlossaryTerm.objects.count() >= 25
    assert dm.SpectrumActivity.objects.count() == 5
    assert dm.CoreFunction.objects.count() == 3


def test_loading_twice_changes_nothing(db):
    before_counts, before_audit = _counts(), AuditEntry.objects.count()
    result = load_catalogue()
    assert all(c.created == 0 and c.updated == 0 for c in result.values())
    assert {name: c.unchanged for name, c in result.items()} == before_counts
    assert _counts() == before_counts
    assert AuditEntry.objects.count() == before_audit


def test_loader_repairs_an_edited_entry_and_logs_it(db):
    dm.Principle.objects.filter(code="impartiality").update(name="Neutrality")
    before_audit = AuditEntry.objects.count()
    result = load_catalogue()
    assert result["Principle"].updated == 1
    assert dm.Principle.objects.get(code="impartiality").name == "Impartiality"
    assert AuditEntry.objects.count() == before_audit + 1


def test_loader_leaves_site_rows_alone(db):
    dm.GlossaryTerm.objects.create(code="site-term", name="Local term", citation="Capstone §1.1")
    load_catalogue()
    assert dm.GlossaryTerm.objects.filter(code="site-term").exists()


# --- TAMM coverage -------------------------------------------------------------------------

NON_TASK = re.compile(
    r"^(mission|yearmon|month|year|unsc_resolution|region|subtasks|totaltasks|numtasks|"
    r"missionen|ccode\d*|\w*ratio|factor\d*)$"
)


def _tamm_header() -> list[str]:
    if not TAMM_FILE.exists():
        skip_or_fail(f"{TAMM_FILE} not available")
    with TAMM_FILE.open(newline="", encoding="utf-8") as handle:
        return next(csv.reader(handle))


def test_tamm_task_columns_constant_matches_the_file():
    header = _tamm_header()
    first, last = header.index("peaceag_cease_monitor"), header.index("coop_other")
    expected = [*header[first : last + 1], "govpolicies_assist"]
    assert list(TAMM_TASK_COLUMNS) == expected
    assert [c for c in header if not NON_TASK.match(c)] == expected


def test_every_tamm_task_column_maps_to_exactly_one_task_type(db):
    header = _tamm_header()
    for column in header:
        matches = dm.TaskType.objects.filter(tamm_flag=column).count()
        if NON_TASK.match(column):
            assert matches == 0, f"{column} is not a task but maps to a task type"
        else:
            assert matches == 1, f"TAMM column {column} maps to {matches} task types"
    flags = set(dm.TaskType.objects.exclude(tamm_flag="").values_list("tamm_flag", flat=True))
    assert flags == set(TAMM_TASK_COLUMNS)


def test_taxonomy_covers_every_group_and_the_landmark_resolutions(db):
    groups = set(dm.TaskCategory.objects.values_list("group", flat=True))
    assert groups == set(dm.TaskGroup.values)
    for code, group, resolution in [
        ("prociv", "cross_cutting", "1674"),
        ("women_protect", "cross_cutting", "1325"),
        ("children_protect", "cross_cutting", "1612"),
        ("ch7", "authority", ""),
        ("buffer_monitor", "traditional", ""),
        ("au_coop", "partners", ""),
        ("ddr_assist", "peacebuilding", ""),
    ]:
        task = dm.TaskType.objects.get(tamm_flag=code)
        assert (task.category.group, task.cross_cutting_resolution) == (group, resolution)
    doctrine_only = dm.TaskType.objects.filter(tamm_flag="")
    assert {"all-necessary-means", "state-authority-extension"} <= {t.code for t in doctrine_only}


# --- content rules -------------------------------------------------------------------------


def test_every_entry_cites_the_doctrine(db):
    for row in _all_rows():
        assert row.citation.startswith(("Capstone §", "Capstone Annex")), (row, row.citation)


def test_every_entry_has_a_short_summary(db):
    for row in _all_rows():
        sentences = [s for s in re.split(r"(?<=[.!?])\s+", row.summary.strip()) if s]
        assert 1 <= len(sentences) <= 3, (row.code, row.summary)


def _words(text: str) -> list[str]:
    """Lower-case words; line-break hyphenation and hyphens removed, curly quotes folded."""
    text = text.lower().replace("\u2019", "'")
    text = re.sub(r"-\s*\n\s*", "", text).replace("-", "")
    return re.findall(r"[a-z0-9]+", text)


def test_no_summary_copies_twelve_words_of_the_doctrine():
    """The project's rule: our words, never the doctrine's sentences."""
    if not DOCTRINE_FILE.exists():
        skip_or_fail(f"{DOCTRINE_FILE} not available")
    run = 12
    doctrine = _words(DOCTRINE_FILE.read_text(encoding="utf-8"))
    runs = {tuple(doctrine[i : i + run]) for i in range(len(doctrine) - run + 1)}
    copied = []
    for model_name, entries in CATALOGUE:
        for spec in entries:
            words = _words(spec["summary"])
            for i in range(len(words) - run + 1):
                if tuple(words[i : i + run]) in runs:
                    copied.append((model_name, spec["code"], " ".join(words[i : i + run])))
    assert not copied, copied


def test_anti_copy_check_would_catch_a_copied_sentence():
    if not DOCTRINE_FILE.exists():
        skip_or_fail(f"{DOCTRINE_FILE} not available")
    doctrine = " ".join(_words(DOCTRINE_FILE.read_text(encoding="utf-8")))
    copied = (
        "Impartiality is crucial to maintaining the consent and cooperation of the main parties"
    )
    assert " ".join(_words(copied)) in doctrine


# --- API -----------------------------------------------------------------------------------


@pytest.fixture
def api_urls(db):
    """The doctrine API is mounted by the site layer under /api/doctrine/."""
    assert resolve("/api/doctrine/principles/").url_name == "principle-list"


def _client(user: Any = None) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_lists_are_readable_by_any_role(api_urls, mission, make_user, endpoint):
    for user in (make_user("component-staff", mission), make_user("researcher")):
        response = _client(user).get(f"/api/doctrine/{endpoint}/", {"page_size": 1000})
        assert response.status_code == 200, response.content
        assert response.json()["count"] == ENDPOINTS[endpoint].objects.count()


def test_detail_by_code_and_unknown_code(api_urls, mission, make_user):
    client = _client(make_user("joc-officer", mission))
    data = client.get("/api/doctrine/task-types/civilian-protection/").json()
    assert data["tamm_flag"] == "prociv"
    assert data["group"] == "cross_cutting" and data["cross_cutting_resolution"] == "1674"
    assert data["category"] == "protection-of-civilians"
    assert client.get("/api/doctrine/principles/no-such-thing/").status_code == 404


def test_search_and_filters(api_urls, mission, make_user):
    client = _client(make_user("joc-officer", mission))
    codes = [r["code"] for r in client.get("/api/doctrine/principles/?q=consent").json()["results"]]
    assert "consent" in codes and "legitimacy" not in codes
    glossary = client.get("/api/doctrine/glossary/?q=spoilers").json()["results"]
    assert "spoilers" in [r["code"] for r in glossary]
    tamm = client.get("/api/doctrine/task-types/?tamm=true&page_size=1000").json()
    assert tamm["count"] == len(TAMM_TASK_COLUMNS)
    cross = client.get("/api/doctrine/task-types/?group=cross_cutting").json()["results"]
    assert {r["group"] for r in cross} == {"cross_cutting"}
    bad = client.get("/api/doctrine/task-types/?group=nonsense")
    assert bad.status_code == 400


def test_anonymous_is_refused(api_urls, db):
    for endpoint in ENDPOINTS:
        assert _client().get(f"/api/doctrine/{endpoint}/").status_code in (401, 403)


def test_user_without_a_role_sees_nothing(api_urls, make_user):
    response = _client(make_user()).get("/api/doctrine/principles/")
    assert response.status_code == 200 and response.json()["count"] == 0


def test_nobody_writes_through_the_api(api_urls, mission, make_user, superuser):
    for user in (make_user("head-of-mission", mission), make_user("hq-admin"), superuser):
        client = _client(user)
        payload = {"code": "x", "name": "X", "citation": "Capstone §3.1", "kind": "basic"}
        assert client.post("/api/doctrine/principles/", payload).status_code == 405
        detail = "/api/doctrine/principles/consent/"
        assert client.patch(detail, {"name": "Agreement"}).status_code == 405
        assert client.put(detail, payload).status_code == 405
        assert client.delete(detail).status_code == 405
    assert dm.Principle.objects.get(code="consent").name == "Consent of the main parties"


# --- CLI -----------------------------------------------------------------------------------


def _run(*args: str) -> str:
    out = io.StringIO()
    call_command("doctrine", *args, stdout=out)
    return out.getvalue()


def test_cli_lists_tasks(db):
    out = _run("tasks")
    assert f"{len(TASK_TYPES)} task type(s)." in out
    assert "all-necessary-means" in out and "[res. 1674]" in out
    tamm = _run("tasks", "--tamm")
    assert f"{len(TAMM_TASK_COLUMNS)} task type(s)." in tamm and "all-necessary-means" not in tamm
    assert "govpolicies_assist" in tamm
    assert "cross_cutting" in _run("tasks", "--group", "cross_cutting")


def test_cli_load_reports_counts(db):
    out = _run("load")
    n = len(TASK_TYPES)
    assert f"TaskType: {n} (0 created, 0 updated, {n} unchanged)" in out


def test_cli_tasks_on_an_empty_catalogue_says_what_to_do(db):
    dm.TaskType.objects.all().delete()
    with pytest.raises(CommandError, match="bluehelmet doctrine load"):
        _run("tasks")


def test_cli_bad_subcommand_is_a_clear_error(db):
    with pytest.raises(CommandError, match="invalid choice: 'frobnicate'"):
        _run("frobnicate")


def test_cli_bad_subcommand_exits_non_zero(tmp_path):
    script = Path(sys.executable).with_name("bluehelmet")
    result = subprocess.run(  # noqa: S603  (fixed argv, no shell)
        [str(script), "doctrine", "frobnicate"],
        capture_output=True,
        text=True,
        env={"BLUEHELMET_DATA_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"},
        timeout=120,
        check=False,
    )
    assert result.returncode != 0
    assert "invalid choice: 'frobnicate'" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_api_root_lists_the_doctrine_endpoints(api_urls, mission, make_user):
    response = _client(make_user("joc-officer", mission)).get("/api/doctrine/")
    assert response.status_code == 200
    assert set(response.json()) == {*ENDPOINTS, "guidance-index"}  # the index: docs/outreach.md
