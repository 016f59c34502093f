"""ImportJob, taken over from the operations app with its rows.

1. The model enters the interop state on its existing table ``operations_importjob`` (no
   database change; ``operations.0005_move_importjob_to_interop`` removed it from the
   operations state).
2. The table is renamed to the interop default, ``interop_importjob`` (``table=None``: the
   model declares no ``db_table``).
3. Its content type row becomes ``interop.importjob``, so audit entries that point at it keep
   their target, and queued background imports name the task at its new path.

Every step is reversible.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

OLD_TASK = "bluehelmet.operations.tasks.run_incident_import"
NEW_TASK = "bluehelmet.interop.tasks.run_incident_import"


def _relabel(apps, old_label: str, new_label: str) -> None:
    """Move the ``importjob`` content type row from ``old_label`` to ``new_label``.

    A row may already exist under ``new_label``: after a rollback, ``post_migrate`` creates one
    for the model where the code now has it. Its references (permissions, audit entries) then
    go to the row being moved, and it is deleted, so one row carries every reference.
    """
    content_type = apps.get_model("contenttypes", "ContentType")
    moving = content_type.objects.filter(app_label=old_label, model="importjob").first()
    if moving is None:
        return
    stray = content_type.objects.filter(app_label=new_label, model="importjob").first()
    if stray is not None:
        permission = apps.get_model("auth", "Permission")
        held = permission.objects.filter(content_type=moving).values("codename")
        permission.objects.filter(content_type=stray, codename__in=held).delete()
        for relation in content_type._meta.get_fields(include_hidden=True):
            if relation.one_to_many and relation.auto_created and not relation.concrete:
                name = relation.field.name
                relation.related_model._base_manager.filter(**{name: stray}).update(
                    **{name: moving}
                )
        stray.delete()
    moving.app_label = new_label
    moving.save(update_fields=["app_label"])


def _repoint_tasks(apps, old_path: str, new_path: str) -> None:
    task_result = apps.get_model("django_tasks_database", "DBTaskResult")
    task_result.objects.filter(task_path=old_path).update(task_path=new_path)


def forwards(apps, schema_editor) -> None:
    _relabel(apps, "operations", "interop")
    _repoint_tasks(apps, OLD_TASK, NEW_TASK)


def backwards(apps, schema_editor) -> None:
    _relabel(apps, "interop", "operations")
    _repoint_tasks(apps, NEW_TASK, OLD_TASK)


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("core", "0004_audit_keeps_mission"),
        ("django_tasks_database", "0001_initial"),
        ("operations", "0005_move_importjob_to_interop"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="ImportJob",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "kind",
                            models.CharField(
                                choices=[
                                    ("ucdp-ged", "UCDP GED (CSV)"),
                                    ("acled", "ACLED export (CSV)"),
                                    ("hxl", "HXL-tagged table (CSV)"),
                                ],
                                max_length=20,
                                verbose_name="format",
                            ),
                        ),
                        ("file_name", models.CharField(max_length=255, verbose_name="file")),
                        (
                            "stored_as",
                            models.CharField(blank=True, editable=False, max_length=255),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("queued", "Queued"),
                                    ("running", "Running"),
                                    ("done", "Done"),
                                    ("failed", "Failed"),
                                ],
                                default="queued",
                                max_length=10,
                                verbose_name="status",
                            ),
                        ),
                        (
                            "rows_done",
                            models.PositiveIntegerField(default=0, verbose_name="rows read"),
                        ),
                        (
                            "rows_total",
                            models.PositiveIntegerField(default=0, verbose_name="rows in the file"),
                        ),
                        (
                            "report",
                            models.JSONField(blank=True, default=dict, verbose_name="report"),
                        ),
                        ("error", models.TextField(blank=True, verbose_name="error")),
                        (
                            "task_id",
                            models.CharField(blank=True, editable=False, max_length=64),
                        ),
                        (
                            "created_at",
                            models.DateTimeField(auto_now_add=True, verbose_name="started"),
                        ),
                        (
                            "finished_at",
                            models.DateTimeField(blank=True, null=True, verbose_name="finished"),
                        ),
                        (
                            "mission",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="import_jobs",
                                to="core.mission",
                            ),
                        ),
                        (
                            "user",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="started by",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "incident import",
                        "verbose_name_plural": "incident imports",
                        "ordering": ["-created_at", "-id"],
                        "db_table": "operations_importjob",
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.AlterModelTable(name="importjob", table=None),
        migrations.RunPython(forwards, backwards, elidable=False),
    ]
