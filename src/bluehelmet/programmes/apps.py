from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammesConfig(AppConfig):
    name = "bluehelmet.programmes"
    label = "programmes"
    verbose_name = _(
        "Peacebuilding programmes: DDR, mine action, SSR and rule of law, human rights, "
        "elections, state authority, quick-impact projects"
    )

    def ready(self) -> None:
        from bluehelmet.programmes import navigation

        navigation.register()
