"""API tokens: stored as a SHA-256 hash, valid for a limited time, revoked at logout.

DRF's ``authtoken`` keeps the raw key in the database and never expires it; a copy of the
database (a backup, a stolen file) would then be a set of working credentials.
"""

from __future__ import annotations

import datetime
import hashlib
import secrets
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

DEFAULT_TTL_HOURS = 24 * 7


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def token_lifetime() -> datetime.timedelta:
    return datetime.timedelta(
        hours=getattr(settings, "BLUEHELMET_TOKEN_TTL_HOURS", DEFAULT_TTL_HOURS)
    )


class ApiTokenQuerySet(models.QuerySet["ApiToken"]):
    def issue(self, user: Any) -> str:
        """Create a token for ``user`` and return its raw key, which is never stored."""
        key = secrets.token_hex(20)
        now = timezone.now()
        self.filter(user=user, expires_at__lte=now).delete()  # tidy up while we are here
        self.create(user=user, key_hash=hash_key(key), expires_at=now + token_lifetime())
        return key

    def revoke(self, user: Any) -> int:
        return self.filter(user=user).delete()[0]


class ApiToken(models.Model):
    """A key a script sends as ``Authorization: Token <key>``; only its hash is kept."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="api_tokens",
        verbose_name=_("user"),
    )
    key_hash = models.CharField(_("key hash (SHA-256)"), max_length=64, unique=True)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires at"))
    last_used = models.DateTimeField(_("last used"), null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.user} ({self.created:%Y-%m-%d %H:%M})"

    @property
    def expired(self) -> bool:
        return self.expires_at <= timezone.now()
