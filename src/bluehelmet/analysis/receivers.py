"""Keep the incident-actor links current (see ``analysis.linking`` for why they are stored).

Connected in ``AnalysisConfig.ready``. Links are derived data: they are written after the
change commits, so a rolled-back save leaves nothing behind and a page save stays fast.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from bluehelmet.analysis import linking
from bluehelmet.analysis.models import Actor
from bluehelmet.core.models.audit import AuditEntry
from bluehelmet.operations.models import Incident

# Audit verbs of the actions that write incidents in bulk (no per-row signal).
BULK_INCIDENT_VERBS = frozenset({"import_incidents"})


@receiver(post_save, sender=Actor)
def _actor_saved(sender: type, instance: Actor, raw: bool = False, **kwargs: Any) -> None:
    # Always relinked: a handful of indexed lookups, cheaper than tracking which names changed.
    if raw:
        return
    pk = instance.pk
    transaction.on_commit(lambda: _relink_actor(pk))


def _relink_actor(pk: int) -> None:
    actor = Actor.objects.filter(pk=pk).first()
    if actor is not None:
        linking.relink_actor(actor)


@receiver(post_save, sender=Incident)
def _incident_saved(sender: type, instance: Incident, raw: bool = False, **kwargs: Any) -> None:
    if raw or not Actor.objects.filter(mission_id=instance.mission_id).exists():
        return
    mission_id, pk = instance.mission_id, instance.pk
    transaction.on_commit(lambda: linking.relink_incidents(mission_id, [pk]))


@receiver(post_save, sender=AuditEntry)
def _bulk_write(sender: type, instance: AuditEntry, created: bool, **kwargs: Any) -> None:
    if not created or instance.verb not in BULK_INCIDENT_VERBS or instance.mission_id is None:
        return
    mission_id = instance.mission_id
    if not Actor.objects.filter(mission_id=mission_id).exists():
        return
    from bluehelmet.analysis.tasks import queue_relink

    transaction.on_commit(lambda: queue_relink(mission_id))
