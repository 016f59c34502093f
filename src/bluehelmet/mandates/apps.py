from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MandatesConfig(AppConfig):
    name = "bluehelmet.mandates"
    label = "mandates"
    verbose_name = _("Mandates: resolutions, tasks, strength, consultations")

    def ready(self) -> None:
        from bluehelmet.mandates import (
            navigation,
            receivers,  # noqa: F401  (lifecycle -> consultations)
        )

        navigation.register()
