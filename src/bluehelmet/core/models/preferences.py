"""A user's own settings: the interface language (issue 20).

English and French are the Secretariat's working languages; Headquarters and the many
French-speaking operations work in one system (Capstone §4.3, §7.1), so each user reads it in
the language they choose. Personal, not mission data: no mission, no sensitivity class.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class UserPreference(models.Model):
    """The interface language a user chose (Capstone §7.1: one system for HQ and missions)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="preference",
        verbose_name=_("user"),
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("user preference")
        verbose_name_plural = _("user preferences")

    def __str__(self) -> str:
        return f"{self.user_id}: {self.language}"
