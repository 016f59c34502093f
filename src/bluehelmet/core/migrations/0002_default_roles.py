from django.db import migrations


def load_roles(apps, schema_editor):
    from bluehelmet.core.roles import sync_roles

    sync_roles(apps.get_model("core", "Role"))


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]
    operations = [migrations.RunPython(load_roles, migrations.RunPython.noop)]
