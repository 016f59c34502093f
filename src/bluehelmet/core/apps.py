from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "bluehelmet.core"
    label = "core"
    verbose_name = _("Core: missions, organisation, access")

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_out
        from django.db.models.signals import post_migrate

        from bluehelmet.core import (
            navigation,
            signals,  # noqa: F401  (registers change logging)
        )
        from bluehelmet.core.accounts import revoke_tokens
        from bluehelmet.core.datadir import make_private

        navigation.register()
        user_logged_out.connect(revoke_tokens, dispatch_uid="core-revoke-tokens")
        post_migrate.connect(make_private, sender=self, dispatch_uid="core-private-data")
