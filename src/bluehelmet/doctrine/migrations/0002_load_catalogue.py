"""Load the doctrine catalogue (principles, functions, tasks, benchmarks, guidance, glossary)."""

from django.db import migrations


def load(apps, schema_editor):
    from bluehelmet.doctrine.loader import load_catalogue

    load_catalogue(apps)


class Migration(migrations.Migration):
    dependencies = [("doctrine", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
