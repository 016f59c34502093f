"""A new mandate version opens a review of the plan (Capstone §5.2, §4.3)."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_save
from django.dispatch import receiver

from bluehelmet.mandates.models import Mandate
from bluehelmet.planning.reviews import open_plan_review


@receiver(post_save, sender=Mandate, dispatch_uid="planning-open-plan-review")
def open_review_on_mandate_change(
    sender: Any, instance: Mandate, created: bool, raw: bool = False, **kwargs: Any
) -> None:
    if created and not raw:
        open_plan_review(instance)
