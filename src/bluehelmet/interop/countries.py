"""Country codes used by research datasets, mapped to ISO 3166 alpha-3.

TAMM identifies host states by Correlates of War codes (``ccode``); the strength dataset by
English names; UCDP GED by Gleditsch-Ward codes (``country_id``), which equal the COW codes
except for the few listed in ``GW_DIFFERS_FROM_COW``; ACLED by ISO 3166 numeric codes (``iso``).
Only codes and names those datasets use are listed; the mapping is ours.
"""

from __future__ import annotations

import pycountry

# Correlates of War state code -> ISO 3166-1 alpha-3 (ISO 3166-3 for states that no longer exist).
COW_TO_ISO3: dict[int, str] = {
    41: "HTI",
    42: "DOM",
    90: "GTM",
    92: "SLV",
    93: "NIC",
    94: "CRI",
    343: "MKD",
    344: "HRV",
    345: "YUG",
    346: "BIH",
    347: "XKX",
    352: "CYP",
    372: "GEO",
    432: "MLI",
    437: "CIV",
    450: "LBR",
    451: "SLE",
    482: "CAF",
    483: "TCD",
    490: "COD",
    500: "UGA",
    516: "BDI",
    517: "RWA",
    520: "SOM",
    530: "ETH",
    531: "ERI",
    540: "AGO",
    541: "MOZ",
    565: "NAM",
    600: "MAR",
    625: "SDN",
    626: "SSD",
    630: "IRN",
    645: "IRQ",
    651: "EGY",
    652: "SYR",
    660: "LBN",
    666: "ISR",
    679: "YEM",
    700: "AFG",
    702: "TJK",
    750: "IND",
    770: "PAK",
    811: "KHM",
    850: "IDN",
    860: "TLS",
}

# Names the datasets use that ISO does not: several states are hosted by one mission, the
# first named is taken as host; "Middle East" missions get the user-assigned code XME.
NAME_ALIASES: dict[str, str] = {
    "ivory coast": "CIV",
    "east timor": "TLS",
    "democratic republic of the congo": "COD",
    "macedonia": "MKD",
    "kosovo": "XKX",
    "yugoslavia": "YUG",
    "ethiopia/eritrea": "ETH",
    "india/pakistan": "IND",
    "middle east": "XME",
}

USER_ASSIGNED_NAMES = {
    "XKX": "Kosovo",
    "XME": "Middle East (several states)",
    "XXX": "Not recorded in the source",
}


def iso3_for_cow(code: str) -> str | None:
    try:
        return COW_TO_ISO3.get(int(float(code)))
    except (TypeError, ValueError):
        return None


# Gleditsch-Ward codes whose state differs from the COW code of the same number.
GW_DIFFERS_FROM_COW: dict[int, str] = {260: "DEU", 340: "SRB", 678: "YEM"}


def iso3_for_gw(code: str) -> str | None:
    try:
        number = int(float(code))
    except (TypeError, ValueError, OverflowError):
        return None
    return GW_DIFFERS_FROM_COW.get(number) or COW_TO_ISO3.get(number)


def iso3_for_numeric(code: str) -> str | None:
    """ISO 3166-1 numeric ('140') -> alpha-3 ('CAF')."""
    text = (code or "").strip()
    if not text.isdigit():
        return None
    record = pycountry.countries.get(numeric=text.zfill(3))
    return str(record.alpha_3) if record else None


def iso3_for_name(name: str) -> str | None:
    text = (name or "").strip()
    if not text:
        return None
    if text.lower() in NAME_ALIASES:
        return NAME_ALIASES[text.lower()]
    try:
        return str(pycountry.countries.lookup(text).alpha_3)
    except LookupError:
        return None


def country_label(iso3: str) -> str:
    if iso3 in USER_ASSIGNED_NAMES:
        return USER_ASSIGNED_NAMES[iso3]
    record = pycountry.countries.get(alpha_3=iso3) or pycountry.historic_countries.get(alpha_3=iso3)
    return str(record.name) if record else iso3
