from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InteropConfig(AppConfig):
    name = "bluehelmet.interop"
    label = "interop"
    verbose_name = _("Interoperability: importers and exporters")

    def ready(self) -> None:
        from bluehelmet.interop import navigation

        navigation.register()
