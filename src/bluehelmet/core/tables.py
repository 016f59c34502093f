"""Tables for list pages and CSV export: columns declared once, rendered as HTML or CSV.

Cells are computed here, in Python, so templates stay logic-free and the same values go to the
page and to the export (DESIGN "Look and feel": tables with sorting, filtering and export).
"""

from __future__ import annotations

import csv
import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.urls import NoReverseMatch, reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

# Some models are not addressed by ``pk`` alone (missions by code, milestones under their
# mission): their URL keyword arguments are registered here by the views that serve them.
_URL_KWARGS: dict[type[models.Model], Callable[[Any], dict[str, Any]]] = {}


def register_url_kwargs(model: type[models.Model], build: Callable[[Any], dict[str, Any]]) -> None:
    _URL_KWARGS[model] = build


def object_url(obj: models.Model, suffix: str = "detail") -> str | None:
    """URL of ``<model_name>-<suffix>`` for ``obj``, or None when no such page exists."""
    build = _URL_KWARGS.get(type(obj), lambda o: {"pk": o.pk})
    try:
        return reverse(f"{obj._meta.model_name}-{suffix}", kwargs=build(obj))
    except NoReverseMatch:
        return None


@dataclass(frozen=True)
class Cell:
    text: str
    url: str | None = None
    raw: Any = None
    css: str = ""


def display(value: Any) -> str:
    """A value as a reader sees it: dates ISO-like, booleans as words, blanks as a dash."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, datetime.datetime):
        return date_format(value, "Y-m-d H:i")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or "—"
    return str(value)


def _field(model: type[models.Model], name: str) -> Any:
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        return None


@dataclass(frozen=True)
class Column:
    """One column: ``accessor`` is a dotted attribute path (``mission.code``) or a field name.

    ``sort`` is the ``order_by`` key (``None`` for an unsortable column); ``link`` makes the cell
    link to the row's own page; related objects link to theirs automatically.
    """

    accessor: str
    label: Any = None  # a (lazily translated) string; default: the field's verbose name
    sort: str | None = ""
    link: bool = False
    css: str = ""  # class of the cells, e.g. "nowrap" or "num"

    def sort_key(self) -> str | None:
        if self.sort is None:
            return None
        return self.sort or self.accessor.replace(".", "__")

    def header(self, model: type[models.Model]) -> str:
        if self.label:
            return str(self.label)
        current: type[models.Model] | None = model
        field = None
        for part in self.accessor.split("."):
            field = _field(current, part) if current else None
            current = getattr(field, "related_model", None)
        name = getattr(field, "verbose_name", self.accessor.replace("_", " "))
        return str(name)[:1].upper() + str(name)[1:]

    def value(self, obj: Any) -> Any:
        parts = self.accessor.split(".")
        for part in parts[:-1]:
            obj = getattr(obj, part, None)
            if obj is None:
                return None
        last = parts[-1]
        if isinstance(obj, models.Model):
            field = _field(type(obj), last)
            if field is not None and getattr(field, "choices", None):
                return getattr(obj, f"get_{last}_display")()
        value = getattr(obj, last, None)
        return value() if callable(value) and not isinstance(value, models.Model) else value

    def cell(self, obj: Any) -> Cell:
        value = self.value(obj)
        url = None
        if self.link:
            url = object_url(obj)
        elif isinstance(value, models.Model):
            url = object_url(value)
        css = self.css or ("nowrap" if isinstance(value, datetime.date) else "")
        return Cell(display(value), url, value, css)


@dataclass(frozen=True)
class Header:
    label: str
    sort_param: str | None  # what ?sort= becomes when the header is clicked
    direction: str  # "ascending" | "descending" | "none" (for aria-sort)


class Table:
    """Rows and headers for one page of objects."""

    def __init__(
        self,
        model: type[models.Model],
        columns: Iterable[Column],
        objects: Iterable[Any],
        sort: str = "",
    ) -> None:
        self.model = model
        self.columns = list(columns)
        self.objects = list(objects)
        self.sort = sort

    @property
    def headers(self) -> list[Header]:
        result = []
        for column in self.columns:
            key = column.sort_key()
            if key is None:
                result.append(Header(column.header(self.model), None, "none"))
                continue
            direction = "none"
            if self.sort == key:
                direction = "ascending"
            elif self.sort == f"-{key}":
                direction = "descending"
            param = f"-{key}" if direction == "ascending" else key
            result.append(Header(column.header(self.model), param, direction))
        return result

    @property
    def rows(self) -> list[list[Cell]]:
        return [[c.cell(obj) for c in self.columns] for obj in self.objects]


def allowed_sorts(columns: Iterable[Column]) -> set[str]:
    keys = {c.sort_key() for c in columns}
    keys.discard(None)
    return {k for k in keys if k} | {f"-{k}" for k in keys if k}


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: Any) -> Any:
    """A value for a CSV cell that a spreadsheet will not run as a formula: text starting with
    ``= + - @``, a tab or a carriage return gets a leading single quote. Only text: a number
    (a negative longitude, a count) is written as it is and stays a number."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


class SafeCsvWriter:
    """``csv.writer`` whose every cell goes through ``spreadsheet_safe``."""

    def __init__(self, handle: Any, **options: Any) -> None:
        self._writer = csv.writer(handle, **options)

    def writerow(self, row: Iterable[Any]) -> Any:
        return self._writer.writerow([spreadsheet_safe(value) for value in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def csv_value(cell: Cell) -> str:
    """Plain text for a CSV cell; text that a spreadsheet would run as a formula is quoted."""
    if cell.raw is None:
        return ""
    if isinstance(cell.raw, bool):
        return "true" if cell.raw else "false"
    text = cell.raw.isoformat() if isinstance(cell.raw, datetime.date) else str(cell.raw)
    return str(spreadsheet_safe(text)) if isinstance(cell.raw, str) else text
