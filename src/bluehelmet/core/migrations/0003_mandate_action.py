from django.db import migrations


def sync(apps, schema_editor):
    from bluehelmet.core.roles import sync_roles

    sync_roles(apps.get_model("core", "Role"))


class Migration(migrations.Migration):
    """Roles gain the ``mandate`` action (recording Council mandates, Capstone §1.4)."""

    dependencies = [("core", "0002_default_roles")]
    operations = [migrations.RunPython(sync, migrations.RunPython.noop)]
