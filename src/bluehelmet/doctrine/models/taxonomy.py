"""The taxonomy of mandated tasks: groups, categories and task types (Capstone §1.4, §2.3-2.5)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from bluehelmet.doctrine.models.base import DoctrineEntry
from bluehelmet.doctrine.models.principles import CoreFunction


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
