from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The fictional demo scenario (``bluehelmet demo``): a leaf app that builds data for every
    other app and that no other app imports. It has no models."""

    name = "bluehelmet.demo"
    label = "demo"
    verbose_name = _("Demo scenario")
    default_auto_field = "django.db.models.BigAutoField"
