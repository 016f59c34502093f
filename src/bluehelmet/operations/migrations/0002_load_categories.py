"""Load the incident taxonomy and its ACLED / UCDP GED crosswalk (operations.catalogue)."""

from django.db import migrations


def load(apps, schema_editor):
    from bluehelmet.operations.catalogue import load_categories

    load_categories(apps.get_model("operations", "IncidentCategory"))


class Migration(migrations.Migration):
    dependencies = [("operations", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
