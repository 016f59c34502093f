"""The Capstone Doctrine as reference data, written in bluehelmet's own words with § citations.

Reference data shared by every mission (``mission_field = None``): anyone signed in may read it,
only Headquarters roles may change it.
"""

from __future__ import annotations

from django.db import models
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
        return self.name


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


class TaskGroup(models.TextChoices):
    TRADITIONAL = "traditional", _("Traditional tasks (§2.3)")
    CORE_FUNCTION = "core_function", _("Multi-dimensional core functions (§2.3)")
    PEACEBUILDING = "peacebuilding", _("Peacebuilding activities (§2.4)")
    CROSS_CUTTING = "cross_cutting", _("Cross-cutting thematic tasks (§1.4)")
    PARTNERS = "partners", _("Cooperation with partners (§2.5, §5)")
    AUTHORITY = "authority", _("Authority and use of force (§1.4, §3.1)")


class TaskCategory(DoctrineEntry):
    """A family of mandated tasks within one of the doctrine's groups."""

    group = models.CharField(_("group"), max_length=20, choices=TaskGroup.choices)

    class Meta(DoctrineEntry.Meta):
        verbose_name = _("task category")
        verbose_name_plural = _("task categories")


class TaskType(DoctrineEntry):
    """A kind of task the Security Council gives a mission (Capstone §1.4, §2.3-2.5).

    ``tamm_flag`` names the matching column of the TAMM dataset (Lloyd 2021), so imported
    mandates land on the taxonomy; ``core_function`` links the task to §2.3 where it applies.
    """

    category = models.ForeignKey(TaskCategory, on_delete=models.PROTECT, related_name="task_types")
    core_function = models.ForeignKey(
        CoreFunction, null=True, blank=True, on_delete=models.SET_NULL, related_name="task_types"
    )
    tamm_flag = models.CharField(_("TAMM column"), max_length=40, blank=True, db_index=True)
    cross_cutting_resolution = models.CharField(
        _("landmark resolution"), max_length=10, blank=True, help_text=_("1325, 1612 or 1674")
    )

    class Meta(DoctrineEntry.Meta):
        verbose_name = _("task type")
        verbose_name_plural = _("task types")
        constraints = [
            models.UniqueConstraint(
                fields=["tamm_flag"], condition=~models.Q(tamm_flag=""), name="tasktype_unique_tamm"
            )
        ]


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
