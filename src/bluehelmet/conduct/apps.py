from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConductConfig(AppConfig):
    name = "bluehelmet.conduct"
    label = "conduct"
    verbose_name = _("Conduct and discipline: misconduct allegations")

    def ready(self) -> None:
        from bluehelmet.conduct import navigation

        navigation.register()
