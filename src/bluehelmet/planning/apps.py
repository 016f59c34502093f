from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlanningConfig(AppConfig):
    name = "bluehelmet.planning"
    label = "planning"
    verbose_name = _("Integrated planning: objectives, actors, revisions")

    def ready(self) -> None:
        from bluehelmet.planning import navigation, receivers  # noqa: F401  (connects receivers)

        navigation.register()
