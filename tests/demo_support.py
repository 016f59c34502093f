"""The demo built once per test module (``bluehelmet demo``, DESIGN "Demo scenario").

Building takes seconds; doing it for every test made the demo suites the slowest part of CI.
``demo_built`` builds it inside a transaction that is rolled back when the module ends; each
test still runs in its own savepoint (pytest-django's ``db``), so a test that rebuilds or
resets the demo does not disturb the next one. Tests that need an empty database live in
tests/test_demo_build.py instead: once a module has built the demo, every later test of that
module sees it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection, transaction

from bluehelmet.core.models import Mission

DEMO_PASSWORD = "demo-pass-1234"
# The end of the authored story: built "as of" that day, the demo keeps its fixed dates.
AUTHORED_END = "2026-10-31"


def run_demo(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("demo", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def settle_deferred_constraints() -> None:
    """Check the build's deferred foreign keys now, once (PostgreSQL).

    Django's test teardown runs ``SET CONSTRAINTS ALL IMMEDIATE`` in each test's savepoint;
    the checks still pending from the module's uncommitted build then run again for every
    test (about 4 s each on the demo) and are pending again after the savepoint's rollback.
    """
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def restore_reference_data() -> None:
    """Put back the migrations' reference data (roles, taxonomy, doctrine) when a browser test
    of the same worker ran just before: a transactional test with ``serialized_rollback``
    empties the database at its end and leaves the reload to the next such test, so a module
    fixture that runs in between found no roles (seen when xdist put a demo module there)."""
    from bluehelmet.core.models import Role

    contents = getattr(connection, "_test_serialized_contents", None)
    if contents and not Role.objects.exists():
        connection.creation.deserialize_db_from_string(contents)


def build_demo_for_module(django_db_blocker: Any, *args: str) -> Iterator[str]:
    """Build the demo (``args`` for the command) in a transaction rolled back at the end."""
    with django_db_blocker.unblock():
        previous = os.environ.get("BLUEHELMET_DEMO_PASSWORD")
        os.environ["BLUEHELMET_DEMO_PASSWORD"] = DEMO_PASSWORD
        block = transaction.atomic()
        block.__enter__()
        try:
            restore_reference_data()
            out, err = run_demo(*args)
            settle_deferred_constraints()
            yield out + err
        finally:
            transaction.set_rollback(True)
            block.__exit__(None, None, None)
            if previous is None:
                os.environ.pop("BLUEHELMET_DEMO_PASSWORD", None)
            else:
                os.environ["BLUEHELMET_DEMO_PASSWORD"] = previous


@pytest.fixture(scope="module")
def demo_built(django_db_setup: Any, django_db_blocker: Any) -> Iterator[str]:
    """Builds the demo as authored; yields what the build printed (progress on stderr)."""
    yield from build_demo_for_module(django_db_blocker, "--as-of", AUTHORED_END)


@pytest.fixture
def demo(demo_built: Any, db: Any) -> dict[str, Mission]:
    """The demo missions by code, read in the test's own savepoint."""
    return {m.code: m for m in Mission.objects.all()}
