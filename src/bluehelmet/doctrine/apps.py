from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DoctrineConfig(AppConfig):
    name = "bluehelmet.doctrine"
    label = "doctrine"
    verbose_name = _("Doctrine: principles, functions, tasks, guidance")

    def ready(self) -> None:
        from bluehelmet.doctrine import navigation

        navigation.register()
