"""Review rules: each is a plain function returning a ``Flag`` or None.

A flag explains itself in plain words, naming its rule and the Capstone section it rests on,
so reviewers get reasons rather than raw data. Where a rule judges by a number, the flag says
which part is the doctrine (``doctrine``) and which is the mission's setting (``setting``, a
mission parameter: ``core.parameters``): the doctrine sets principles, not counts or hours.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class Flag:
    code: str
    rule_name: str
    citation: str
    explanation: str
    doctrine: str = ""
    setting: str = ""

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def make_flag(
    code: str, rule_name: str, citation: str, detail: str, *, doctrine: str = "", setting: str = ""
) -> Flag:
    """A flag whose explanation starts with the rule's name and section, then says what the
    doctrine asks and, for a rule with a threshold, the mission's setting it was judged by."""
    explanation = " ".join(
        p for p in (f"{rule_name} ({citation}): {detail}", doctrine, setting) if p
    )
    return Flag(code, rule_name, citation, explanation, doctrine, setting)
