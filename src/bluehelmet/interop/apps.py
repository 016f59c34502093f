from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InteropConfig(AppConfig):
    name = "bluehelmet.interop"
    label = "interop"
    verbose_name = _("Interoperability: importers and exporters")

    def ready(self) -> None:
        from bluehelmet.core.worker import worker_starting
        from bluehelmet.interop import navigation, tasks

        navigation.register()
        worker_starting.connect(tasks.on_worker_start, dispatch_uid="interop-vanished-jobs")
