"""Supply and movement requests to the joint logistics centre (Capstone §7.2: the JLOC; §8.1:
mission support sustains the contingents and the mission's units)."""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.models.base import MissionScopedModel
from bluehelmet.core.validators import TEXT_MAX_LENGTH, validate_date_range
from bluehelmet.support.models.base import same_mission


class RequestKind(models.TextChoices):
    SUPPLY = "supply", _("Supply")
    MOVEMENT = "movement", _("Movement")


class Priority(models.TextChoices):
    ROUTINE = "routine", _("Routine")
    PRIORITY = "priority", _("Priority")
    URGENT = "urgent", _("Urgent (life or operations at stake)")


class RequestStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    APPROVED = "approved", _("Approved")
    FULFILLED = "fulfilled", _("Fulfilled")
    REJECTED = "rejected", _("Rejected")


OPEN_STATUSES = (RequestStatus.SUBMITTED, RequestStatus.APPROVED)


class SupplyRequest(MissionScopedModel):
    """A unit's request to the joint logistics centre for supplies or a movement, approved and
    then fulfilled; the lead time is counted from request to fulfilment (Capstone §7.2, §8.1).
    Approval and fulfilment are actions (``actions.do_approve_supply_request``), not edits."""

    kind = models.CharField(_("kind"), max_length=10, choices=RequestKind.choices)
    requesting_unit = models.ForeignKey(
        "core.OrgUnit",
        on_delete=models.PROTECT,
        related_name="supply_requests",
        verbose_name=_("requesting unit"),
    )
    item = models.CharField(_("item or load"), max_length=200)
    quantity = models.PositiveIntegerField(_("quantity"), validators=[MinValueValidator(1)])
    unit_of_issue = models.CharField(_("unit of issue"), max_length=40, blank=True)
    priority = models.CharField(
        _("priority"), max_length=10, choices=Priority.choices, default=Priority.ROUTINE
    )
    requested_on = models.DateField(_("requested on"), validators=[validate_date_range])
    needed_by = models.DateField(_("needed by"), validators=[validate_date_range])
    origin = models.ForeignKey(
        "core.OrgUnit",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("from"),
    )
    destination = models.ForeignKey(
        "core.OrgUnit",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("to"),
    )
    origin_admin1 = models.CharField(_("from admin area"), max_length=120, blank=True)
    destination_admin1 = models.CharField(_("to admin area"), max_length=120, blank=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=RequestStatus.choices,
        default=RequestStatus.SUBMITTED,
        editable=False,
    )
    approved_on = models.DateField(_("approved on"), null=True, blank=True, editable=False)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
        verbose_name=_("approved by"),
    )
    fulfilled_on = models.DateField(_("fulfilled on"), null=True, blank=True, editable=False)
    fulfilled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
        verbose_name=_("fulfilled by"),
    )
    notes = models.TextField(_("notes"), blank=True, max_length=TEXT_MAX_LENGTH)

    class Meta:
        ordering = ["mission__code", "-requested_on", "-pk"]
        indexes = [models.Index(fields=["mission", "status", "needed_by"])]
        verbose_name = _("logistics request")
        verbose_name_plural = _("logistics requests")

    def __str__(self) -> str:
        return f"#{self.pk} {self.get_kind_display()}: {self.item}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    def is_overdue(self, today: datetime.date) -> bool:
        return self.is_open and self.needed_by < today

    @property
    def lead_time_days(self) -> int | None:
        """Days from request to fulfilment (the JLOC's lead time), once fulfilled."""
        if self.fulfilled_on is None:
            return None
        return (self.fulfilled_on - self.requested_on).days

    def clean(self) -> None:
        super().clean()
        same_mission(self, "requesting_unit", "origin", "destination")
        errors: dict[str, Any] = {}
        if self.needed_by and self.requested_on and self.needed_by < self.requested_on:
            errors["needed_by"] = _("Needed before it was requested.")
        if self.kind == RequestKind.MOVEMENT and not (self.origin_id or self.origin_admin1):
            errors["origin"] = _("A movement needs its starting point (a unit or an area).")
        if self.kind == RequestKind.MOVEMENT and not (
            self.destination_id or self.destination_admin1
        ):
            errors["destination"] = _("A movement needs its destination (a unit or an area).")
        if errors:
            raise ValidationError(errors)
