"""ImportJob moves to the interop app (interop builds on operations, never the reverse).

Only the migration state forgets the model here; the table ``operations_importjob`` and its
rows stay. ``interop.0001_importjob_from_operations`` takes the model over and renames the
table to ``interop_importjob``.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("operations", "0004_incident_indexes_for_1m"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel("ImportJob")],
            database_operations=[],
        ),
    ]
