"""Planner statistics after bulk writes (PostgreSQL).

After thousands of rows go in within one transaction, PostgreSQL still plans with the table
sizes it knew before (autovacuum only analyses committed work, and later). Queries later in the
same transaction, and the deferred foreign-key checks at commit, then run on plans made for a
nearly empty table: seconds instead of milliseconds. ``ANALYZE`` inside the transaction sees
its own uncommitted rows and fixes that. SQLite is left alone: Django never analyses it, and
with statistics it chose worse plans for the incident list (docs/benchmarks.md).
"""

from __future__ import annotations

from django.db import connection, models


def refresh_statistics(*model_classes: type[models.Model]) -> None:
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for model in model_classes:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")
