from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LifecycleConfig(AppConfig):
    name = "bluehelmet.lifecycle"
    label = "lifecycle"
    verbose_name = _("Lifecycle: phases, start-up, transition")

    def ready(self) -> None:
        from bluehelmet.lifecycle import navigation

        navigation.register()
