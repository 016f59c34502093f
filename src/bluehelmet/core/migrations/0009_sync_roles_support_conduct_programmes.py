"""Bring the shipped roles up to date on existing databases: the roles of the programmes,
support and conduct apps (conduct and discipline, human rights, mission support) were added to
``core.roles.DEFAULT_ROLES``. A fresh database gets them from 0002 already."""

from django.db import migrations


def sync(apps, schema_editor):
    from bluehelmet.core.roles import sync_roles

    sync_roles(apps.get_model("core", "Role"))


class Migration(migrations.Migration):
    dependencies = [("core", "0008_membership_on_behalf_of")]
    operations = [migrations.RunPython(sync, migrations.RunPython.noop)]
