"""Guidance material: benchmark templates, guidance series, glossary (Capstone §10.2, Annexes)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from bluehelmet.doctrine.models.base import DoctrineEntry


class BenchmarkTemplate(DoctrineEntry):
    """An example transition benchmark area (Capstone §10.2)."""

    class Meta(DoctrineEntry.Meta):
        verbose_name = _("benchmark template")
        verbose_name_plural = _("benchmark templates")


class GuidanceSeries(DoctrineEntry):
    """DPKO/DFS guidance series 1000-6000 (Capstone Annex 1)."""

    series = models.PositiveSmallIntegerField(_("series"), unique=True)

    class Meta(DoctrineEntry.Meta):
        verbose_name = _("guidance series")
        verbose_name_plural = _("guidance series")


class GlossaryTerm(DoctrineEntry):
    """A term of the doctrine's glossary (Capstone Annex 2), defined in our own words."""

    class Meta(DoctrineEntry.Meta):
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary terms")
