from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "bluehelmet.reports"
    label = "reports"
    verbose_name = _("Reports to the Security Council")

    def ready(self) -> None:
        from bluehelmet.reports import navigation

        navigation.register()
