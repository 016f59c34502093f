"""The API against its own OpenAPI schema (schemathesis): for every operation, a bounded number
of generated requests, as a low-clearance role and as Headquarters, must answer without a
server error and with a body that matches the schema the API publishes.

Requests go in-process through the WSGI application, inside the test's transaction, so the
records made here are what the API sees. ``SCHEMA_EXAMPLES`` (environment) sets the number of
examples per operation (default 3: CI stays fast; raise it locally to dig deeper).
"""

from __future__ import annotations

import datetime
import json
import os
from typing import Any

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from hypothesis import Phase as HypothesisPhase
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance
from tests.conftest import PASSWORD

from bluehelmet.core.permissions import Sensitivity

pytestmark = pytest.mark.django_db

EXAMPLES = int(os.environ.get("SCHEMA_EXAMPLES", "3"))
CHECKS = [not_a_server_error, response_schema_conformance]


def published_schema() -> dict[str, Any]:
    """The schema exactly as /api/schema/ serves it (JSON), without an HTTP round trip."""
    from drf_spectacular.generators import SchemaGenerator
    from drf_spectacular.renderers import OpenApiJsonRenderer

    raw = SchemaGenerator().get_schema(request=None, public=True)
    return json.loads(OpenApiJsonRenderer().render(raw, renderer_context={}))


@pytest.fixture
def records(mission: Any) -> None:
    """A little of everything the list endpoints show, some of it strictly confidential."""
    from bluehelmet.core.models import Partner
    from bluehelmet.operations.models import Incident, IncidentCategory

    category = IncidentCategory.objects.first()
    for sensitivity in Sensitivity.values:
        Incident.objects.create(
            mission=mission,
            title=f"Checkpoint incident {sensitivity}",
            occurred_at=datetime.datetime(2026, 5, 1, 10, tzinfo=datetime.UTC),
            latitude=4.5,
            longitude=21.0,
            category=category,
            sensitivity=sensitivity,
        )
    Partner.objects.create(mission=mission, name="World Food Programme", kind="unct_agency")


def token_for(client: Any, user: Any) -> str:
    answer = client.post("/api/auth/token/", {"username": user.username, "password": PASSWORD})
    assert answer.status_code == 200, answer.content
    return answer.json()["token"]


def fuzz(headers: dict[str, str]) -> list[str]:
    """Run every operation; return the failures as 'METHOD path: reason' lines."""
    from bluehelmet.wsgi import application

    schema = schemathesis.openapi.from_dict(published_schema())
    schema.app = application
    failures: list[str] = []
    # As Django's test client does: the test's transaction must outlive each request, so the
    # end of a request may not close the connection (PostgreSQL drops it after an error).
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        for result in schema.get_all_operations():
            failures += fuzz_operation(result.ok(), headers)
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)
    return failures


def fuzz_operation(operation: Any, headers: dict[str, str]) -> list[str]:
    @given(case=operation.as_strategy())
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        phases=[HypothesisPhase.explicit, HypothesisPhase.generate],
        suppress_health_check=list(HealthCheck),
    )
    def run(case: Any) -> None:
        case.call_and_validate(headers=headers, checks=CHECKS)

    try:
        run()
    except Exception as exc:  # every operation's failure is collected, then reported together
        return [f"{operation.label}: {str(exc).splitlines()[0][:300]}"]
    return []


@pytest.mark.parametrize("role", ["partner-liaison", "hq-admin"])
def test_no_operation_answers_500_or_breaks_its_schema(
    role: str, mission: Any, records: None, make_user: Any, client: Any
) -> None:
    user = make_user(role, None if role.startswith("hq-") else mission)
    failures = fuzz({"Authorization": f"Token {token_for(client, user)}"})
    assert not failures, "\n".join(failures)
