from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrinciplesConfig(AppConfig):
    name = "bluehelmet.principles"
    label = "principles"
    verbose_name = _("Principles: consent, impartiality, use of force, protection of civilians")

    def ready(self) -> None:
        from bluehelmet.principles import navigation, receivers  # noqa: F401  (connects them)

        navigation.register()
