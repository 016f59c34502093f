"""Load the doctrine catalogue into the database: idempotent upsert by ``code``.

Rows are only written when something differs, so a second load writes nothing and leaves no
audit entries. Rows a site added itself (codes not in the catalogue) are left alone. The same
function serves the data migration (historical models) and ``bluehelmet doctrine load``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import transaction

from bluehelmet.doctrine.catalogue import CATALOGUE

# Catalogue keys naming another doctrine row by code: key -> model it points to.
REFERENCES = {"category": "TaskCategory", "core_function": "CoreFunction"}


@dataclass
class LoadCount:
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged


def load_catalogue(apps: Any = None) -> dict[str, LoadCount]:
    """Create or update every catalogue entry; returns counts per model name.

    ``apps`` is the app registry to take the model classes from: the migration passes its
    historical ``apps``; by default the live models are used.
    """
    if apps is None:
        from django.apps import apps as live_apps

        apps = live_apps
    counts: dict[str, LoadCount] = {}
    with transaction.atomic():
        for model_name, entries in CATALOGUE:
            model = apps.get_model("doctrine", model_name)
            counts[model_name] = _load_model(apps, model, entries)
    return counts


def _load_model(apps: Any, model: Any, entries: list[dict[str, Any]]) -> LoadCount:
    count = LoadCount()
    existing = {
        obj.code: obj for obj in model.objects.filter(code__in=[e["code"] for e in entries])
    }
    for position, spec in enumerate(entries, start=1):
        values = _field_values(apps, spec, order=position * 10)
        obj = existing.get(spec["code"])
        if obj is None:
            model.objects.create(code=spec["code"], **values)
            count.created += 1
            continue
        changed = [name for name, value in values.items() if getattr(obj, name) != value]
        if not changed:
            count.unchanged += 1
            continue
        for name in changed:
            setattr(obj, name, values[name])
        obj.save(update_fields=[*changed, "updated_at"])
        count.updated += 1
    return count


def _field_values(apps: Any, spec: dict[str, Any], *, order: int) -> dict[str, Any]:
    """The model field values for one entry; references by code become ``<name>_id``."""
    values: dict[str, Any] = {"order": order}
    for key, value in spec.items():
        if key == "code":
            continue
        if key in REFERENCES:
            values[f"{key}_id"] = _pk_for(apps, REFERENCES[key], value)
        else:
            values[key] = value
    return values


def _pk_for(apps: Any, model_name: str, code: str | None) -> int | None:
    if not code:
        return None
    model = apps.get_model("doctrine", model_name)
    pk = model.objects.filter(code=code).values_list("pk", flat=True).first()
    if pk is None:
        raise ValueError(f"Doctrine catalogue refers to unknown {model_name} code {code!r}.")
    return pk


def describe(counts: dict[str, LoadCount]) -> str:
    """One line per model: ``Principle: 6 (0 created, 0 updated, 6 unchanged)``."""
    return "\n".join(
        f"{name}: {c.total} ({c.created} created, {c.updated} updated, {c.unchanged} unchanged)"
        for name, c in counts.items()
    )
