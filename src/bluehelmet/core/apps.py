from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "bluehelmet.core"
    label = "core"
    verbose_name = _("Core: missions, organisation, access")

    def ready(self) -> None:
        from bluehelmet.core import (
            navigation,
            signals,  # noqa: F401  (registers change logging)
        )

        navigation.register()
