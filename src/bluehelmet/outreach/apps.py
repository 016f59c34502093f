from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutreachConfig(AppConfig):
    name = "bluehelmet.outreach"
    label = "outreach"
    verbose_name = _("Mission impact, public information, coordination and lessons")

    def ready(self) -> None:
        from bluehelmet.outreach import navigation

        navigation.register()
