"""Review rules: each is a plain function returning a ``Flag`` or None.

A flag explains itself in plain words, naming its rule and the Capstone section it rests on,
so reviewers get reasons rather than raw data.
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

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def make_flag(code: str, rule_name: str, citation: str, detail: str) -> Flag:
    """A flag whose explanation starts with the rule's name and section."""
    return Flag(code, rule_name, citation, f"{rule_name} ({citation}): {detail}")
