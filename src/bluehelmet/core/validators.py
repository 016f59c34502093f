"""Validators for codes that come from outside: ISO countries, mission codes, coordinates."""

from __future__ import annotations

import re

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
