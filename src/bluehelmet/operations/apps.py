from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    name = "bluehelmet.operations"
    label = "operations"
    verbose_name = _("Joint Operations Centre: incidents, reports, crises")

    def ready(self) -> None:
        from bluehelmet.operations import navigation

        navigation.register()
