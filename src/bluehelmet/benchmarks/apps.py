from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BenchmarksConfig(AppConfig):
    name = "bluehelmet.benchmarks"
    label = "benchmarks"
    verbose_name = _("Benchmarks, indicators and transition readiness")

    def ready(self) -> None:
        from bluehelmet.benchmarks import navigation

        navigation.register()
