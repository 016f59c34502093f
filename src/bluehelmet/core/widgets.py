"""Form widgets shared by the apps' pages.

``SearchSelect`` picks one related record by searching for it (HTMX) instead of listing every
record in a drop-down: a mission may hold a million incidents (issue 13: a ``<select>`` of a
demo mission's incidents weighed 0.7 MB). The field keeps its queryset, so the server still
refuses a record the user may not see or one of another mission.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _


class SearchSelect(forms.Widget):
    """A search box whose results (an HTML fragment from ``search_url``) fill a hidden id.

    The search endpoint receives ``field`` (this field's name), ``q`` (the text typed) and
    ``mission`` (the form's mission field, or ``mission_code`` when the form has none) and
    answers buttons ``data-pick="<id>" data-pick-label="<text>"``; ``search-select.js`` puts the
    id chosen in the hidden input.
    """

    template_name = "core/widgets/search_select.html"

    class Media:
        js = ["bluehelmet/js/search-select.js"]

    def __init__(
        self,
        search_url: str,
        *,
        placeholder: Any = None,
        mission_code: str | None = None,
        attrs: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(attrs)
        self.search_url = search_url
        self.placeholder = placeholder or _("Number, title or place")
        self.mission_code = mission_code
        self.choices: Any = None  # set by ModelChoiceField

    def chosen(self, value: Any) -> Any:
        """The record ``value`` names, when the field's queryset holds it (else ``None``)."""
        queryset = getattr(self.choices, "queryset", None)
        if value in (None, "") or queryset is None:
            return None
        try:
            return queryset.filter(pk=value).first()
        except (ValueError, TypeError, ValidationError):
            return None

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        widget = context["widget"]
        widget["search_url"] = reverse(self.search_url)
        widget["placeholder"] = self.placeholder
        widget["mission_code"] = self.mission_code
        widget["chosen"] = self.chosen(value)
        return context

    def format_value(self, value: Any) -> str | None:
        return None if value in (None, "") else str(value)

    def id_for_label(self, id_: str) -> str:
        return f"{id_}_search" if id_ else id_

    def render(
        self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None
    ) -> SafeString:
        # The project's template engine (the form renderer does not see the site templates).
        context = self.get_context(name, value, attrs)
        return mark_safe(render_to_string(self.template_name, context))  # noqa: S308


def search_select(
    field: Any, search_url: str, *, invalid: Any, help_text: Any = None, **kwargs: Any
) -> None:
    """Give the model choice ``field`` a ``SearchSelect`` (its queryset is kept for checks)."""
    field.widget = SearchSelect(search_url, **kwargs)
    field.widget.choices = field.choices
    field.widget.is_required = field.required
    field.error_messages["invalid_choice"] = invalid
    if help_text is not None:
        field.help_text = help_text
