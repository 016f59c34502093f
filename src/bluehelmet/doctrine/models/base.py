"""The shared shape of every doctrine catalogue entry.

Reference data shared by every mission (``mission_field = None``): anyone signed in may read it,
only Headquarters roles may change it.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.models.base import ChangeLoggedModel


class DoctrineEntry(ChangeLoggedModel):
    """A stable code, a name, a summary in our own words, and where the doctrine says it."""

    mission_field = None
    sensitivity_field = None

    code = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    citation = models.CharField(_("citation"), max_length=60, help_text=_("e.g. Capstone §3.1"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        abstract = True
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.label

    # The catalogue is stored in English; its names and summaries are in the French catalogue
    # (``makemessages`` extracts them), so pages show them in the reader's language. A row a
    # site added itself has no translation and shows as written.
    @property
    def label(self) -> str:
        return gettext(self.name) if self.name else ""

    @property
    def description(self) -> str:
        return gettext(self.summary) if self.summary else ""
