from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForecastingConfig(AppConfig):
    name = "bluehelmet.forecasting"
    label = "forecasting"
    verbose_name = _("Early warning: forecasts of violence (JMAC)")

    def ready(self) -> None:
        from bluehelmet.forecasting import navigation

        navigation.register()
