from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SupportConfig(AppConfig):
    name = "bluehelmet.support"
    label = "support"
    verbose_name = _(
        "Mission support: self-sufficiency, contingent-owned equipment, logistics, premises "
        "security, training"
    )

    def ready(self) -> None:
        from bluehelmet.support import navigation

        navigation.register()
