from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnalysisConfig(AppConfig):
    name = "bluehelmet.analysis"
    label = "analysis"
    verbose_name = _("Joint Mission Analysis Centre: actors, hotspots, trends, threat assessments")

    def ready(self) -> None:
        from bluehelmet.analysis import (
            navigation,
            receivers,  # noqa: F401  (connects the signal handlers)
        )

        navigation.register()
