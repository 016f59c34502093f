from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForecastingConfig(AppConfig):
    name = "bluehelmet.forecasting"
    label = "forecasting"
    verbose_name = _("Early warning: forecasts of violence (JMAC)")

    def ready(self) -> None:
        from bluehelmet.core.worker import worker_starting
        from bluehelmet.forecasting import navigation, tasks

        navigation.register()
        worker_starting.connect(tasks.on_worker_start, dispatch_uid="forecasting-vanished-runs")
