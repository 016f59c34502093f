"""Validators for codes that come from outside: ISO countries, mission codes, coordinates;
the one date range of the API, forms and imports; free-text limits."""

from __future__ import annotations

import datetime
import re
from typing import Any

import pycountry
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MISSION_CODE_RE = re.compile(r"^[A-Z][A-Z0-9-]{1,19}$")

# ISO 3166-1 reserves these alpha-3 ranges for user assignment; fictional training countries
# (the demo's host country among them) use them so they can never collide with a real state.
_USER_ASSIGNED = [("AAA", "AAZ"), ("QMA", "QZZ"), ("XAA", "XZZ"), ("ZZA", "ZZZ")]


def is_user_assigned_alpha3(code: str) -> bool:
    return any(low <= code <= high for low, high in _USER_ASSIGNED)


def country_name(code: str) -> str | None:
    """Name of an ISO 3166-1 alpha-3 (or alpha-2) code, None when unknown."""
    record = pycountry.countries.get(alpha_3=code) if len(code) == 3 else None
    if record is None and len(code) == 3:
        # ISO 3166-3: states that no longer exist still host historical missions (Yugoslavia).
        record = pycountry.historic_countries.get(alpha_3=code)
    if record is None and len(code) == 2:
        record = pycountry.countries.get(alpha_2=code)
    return getattr(record, "name", None) if record else None


def normalise_alpha3(code: str) -> str:
    """Upper-case alpha-3 for an alpha-2 or alpha-3 code, raising ValidationError if unknown."""
    value = (code or "").strip().upper()
    if len(value) == 2:
        record = pycountry.countries.get(alpha_2=value)
        if record is not None:
            return str(record.alpha_3)
    if len(value) == 3 and (country_name(value) or is_user_assigned_alpha3(value)):
        return value
    raise ValidationError(
        _("%(code)s is not an ISO 3166-1 country code."), params={"code": code}, code="country"
    )


def validate_host_country(value: str) -> None:
    """Real ISO 3166-1 alpha-3 codes and the user-assigned ranges (fictional countries)."""
    if value != value.upper() or normalise_alpha3(value) != value:
        raise ValidationError(_("Use the upper-case ISO 3166-1 alpha-3 code."), code="country")


def validate_real_country(value: str) -> None:
    """Contributing countries are Member States: only real ISO 3166-1 alpha-3 codes."""
    if country_name(value) is None or len(value) != 3:
        raise ValidationError(
            _("%(code)s is not an ISO 3166-1 alpha-3 code of a country."),
            params={"code": value},
            code="country",
        )


def validate_mission_code(value: str) -> None:
    if not MISSION_CODE_RE.match(value or ""):
        raise ValidationError(
            _("A mission code is 2-20 upper-case letters, digits or hyphens, e.g. MINUSCA."),
            code="mission_code",
        )


# -- dates --------------------------------------------------------------------------------

# The one range of dates and date-times users and files may give (API, forms, imports): wide
# enough for any mission since the first (1948) and any plan, narrow enough that adding a week
# or a month to a value can never leave the calendar Python and the databases share.
DATE_MIN = datetime.date(1900, 1, 1)
DATE_MAX = datetime.date(2100, 12, 31)
DATETIME_MIN = datetime.datetime.combine(DATE_MIN, datetime.time.min, tzinfo=datetime.UTC)
DATETIME_MAX = datetime.datetime.combine(DATE_MAX, datetime.time.max, tzinfo=datetime.UTC)
DATE_RANGE_MESSAGE = _("Give a date between 1900-01-01 and 2100-12-31.")


def in_date_range(value: datetime.date | datetime.datetime) -> bool:
    """Is ``value`` (a date, or a date-time taken in UTC) within 1900-01-01 .. 2100-12-31?"""
    if isinstance(value, datetime.datetime):
        if value.tzinfo is not None:
            return DATETIME_MIN <= value <= DATETIME_MAX
        value = value.date()
    return DATE_MIN <= value <= DATE_MAX


def validate_date_range(value: Any) -> None:
    """Model-field validator: forms and the API (serializers run ``full_clean``) alike."""
    if value is not None and not in_date_range(value):
        raise ValidationError(DATE_RANGE_MESSAGE, code="date_range")


def parse_day(text: str | None) -> datetime.date | None:
    """A query parameter's ``YYYY-MM-DD`` (None when empty) within the range, else
    ``ValueError`` whose message says what is expected."""
    if text is None or not text.strip():
        return None
    try:
        day = datetime.date.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(str(_("Give a date as YYYY-MM-DD."))) from None
    if not in_date_range(day):
        raise ValueError(str(DATE_RANGE_MESSAGE))
    return day


# -- free text ----------------------------------------------------------------------------

TEXT_MAX_LENGTH = 10_000  # descriptions, notes, summaries, reasons: some four pages
