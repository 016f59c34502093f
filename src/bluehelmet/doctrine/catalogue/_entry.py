"""The shape of one catalogue entry (shared by every catalogue module)."""

from __future__ import annotations

from typing import Any


def entry(code: str, name: str, citation: str, summary: str, **extra: Any) -> dict[str, Any]:
    """One row: stable ``code`` (slug), ``name``, ``citation`` and a summary in our own words.

    ``extra`` holds the model-specific fields (``kind``, ``group``, ``category`` ...).
    """
    return {"code": code, "name": name, "citation": citation, "summary": summary, **extra}
