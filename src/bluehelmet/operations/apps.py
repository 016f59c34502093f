from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    name = "bluehelmet.operations"
    label = "operations"
    verbose_name = _("Joint Operations Centre: incidents, reports, crises")

    def ready(self) -> None:
        from django.db.models.signals import post_delete

        from bluehelmet.operations import navigation
        from bluehelmet.operations.models.attachments import (
            IncidentAttachment,
            remove_stored_file,
        )

        navigation.register()
        # the file goes with its row, also when the incident's deletion cascades to it
        post_delete.connect(remove_stored_file, sender=IncidentAttachment)
