"""Linking lessons to the records they are about, and reading the links back, each side scoped
to what the user may see (Capstone §10.2). A record is named ``<app>.<model>:<id>``."""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils.translation import gettext as _

from bluehelmet.benchmarks.models import LessonLearned, LessonLink
from bluehelmet.benchmarks.verdicts import scoped
from bluehelmet.core.audit import log_action
from bluehelmet.core.context import single_audit_entry
from bluehelmet.core.errors import ActionError, ErrorCode
from bluehelmet.core.permissions import Action, require
from bluehelmet.core.tables import object_url
from bluehelmet.core.types import Actor


def reference(obj: Any) -> str:
    return f"{obj._meta.app_label}.{obj._meta.model_name}:{obj.pk}"


def find_record(name: str, user: Any) -> Any:
    """The record ``name`` names, if the user may see it (else 404, as for any record); the
    system (``None``: the demo) sees every record."""
    label, _sep, number = (name or "").partition(":")
    try:
        model = apps.get_model(label)
    except (LookupError, ValueError):
        model = None
    manager = getattr(model, "objects", None)
    if model is None or not number.isdigit() or not hasattr(manager, "restrict"):
        raise ActionError(ErrorCode.NOT_FOUND, _("No such record."))
    found = scoped(manager, user).filter(pk=int(number)).first()
    if found is None:
        raise ActionError(ErrorCode.NOT_FOUND, _("No such record."))
    return found


def do_link_lesson(lesson: LessonLearned, record: str, *, acting_user: Actor) -> LessonLink:
    """Link a lesson to a record of the same mission the user may see."""
    require(acting_user, Action.CHANGE, lesson.mission_id, lesson.sensitivity)
    target = find_record(record, acting_user)
    if getattr(target, "mission_id", lesson.mission_id) != lesson.mission_id:
        raise ActionError(ErrorCode.CONFLICT, _("The record belongs to another mission."))
    with transaction.atomic(), single_audit_entry():
        link, _created = LessonLink.objects.get_or_create(
            lesson=lesson,
            content_type=ContentType.objects.get_for_model(target),
            object_id=target.pk,
            defaults={"mission_id": lesson.mission_id, "sensitivity": lesson.sensitivity},
        )
        log_action(
            "link_lesson",
            lesson,
            acting_user=acting_user,
            before=None,
            after={"record": reference(target)},
        )
    return link


def visible_links(lesson: LessonLearned, user: Any) -> list[dict[str, Any]]:
    """The records the lesson is about that ``user`` may see: text, page and reference."""
    shown = []
    for link in lesson.links.select_related("content_type"):
        model = link.content_type.model_class()
        manager = getattr(model, "objects", None)
        if manager is None or not hasattr(manager, "restrict"):
            continue
        found = manager.restrict(user).filter(pk=link.object_id).first()
        if found is not None:
            shown.append(
                {
                    "text": str(found),
                    "url": object_url(found),
                    "record": reference(found),
                    "kind": str(model._meta.verbose_name),
                }
            )
    return shown


def lessons_about(record: Any, user: Any) -> Any:
    """The lessons the user may see that are about ``record``."""
    links = LessonLink.objects.filter(
        content_type=ContentType.objects.get_for_model(record), object_id=record.pk
    )
    return LessonLearned.objects.restrict(user).filter(pk__in=links.values("lesson_id"))
