"""Principles, core functions and the peace and security spectrum (Capstone §2.1-2.3, §3)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from bluehelmet.doctrine.models.base import DoctrineEntry


class Principle(DoctrineEntry):
    """Basic principles and other success factors of peacekeeping (Capstone §3.1-3.2)."""

    class Kind(models.TextChoices):
        BASIC = "basic", _("Basic principle")
        SUCCESS_FACTOR = "success_factor", _("Other success factor")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)

    class Meta(DoctrineEntry.Meta):
        verbose_name = _("principle")
        verbose_name_plural = _("principles")


class CoreFunction(DoctrineEntry):
    """Core functions of multi-dimensional operations (Capstone §2.3)."""

    class Meta(DoctrineEntry.Meta):
        verbose_name = _("core function")
        verbose_name_plural = _("core functions")


class SpectrumActivity(DoctrineEntry):
    """The peace and security spectrum: prevention to peacebuilding (Capstone §2.1-2.2)."""

    class Meta(DoctrineEntry.Meta):
        verbose_name = _("peace and security activity")
        verbose_name_plural = _("peace and security activities")
