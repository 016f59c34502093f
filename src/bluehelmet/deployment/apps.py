from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DeploymentConfig(AppConfig):
    name = "bluehelmet.deployment"
    label = "deployment"
    verbose_name = _("Deciding to deploy: assessments, options, decisions")

    def ready(self) -> None:
        from bluehelmet.deployment import navigation

        navigation.register()
