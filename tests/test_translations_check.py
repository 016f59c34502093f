"""``make lint-i18n`` (issue 20): the check finds untranslated and fuzzy French entries (the
shipped catalogue passing it is ``make lint``'s job, run by CI)."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path
from typing import Any

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "check_translations.py"
PO = """msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: fr\\n"

msgid "Save"
msgstr "Enregistrer"

msgid "Situation now"
msgstr ""

#, fuzzy
msgid "Open crises"
msgstr "Crises fermées"
"""


def load() -> Any:
    spec = importlib.util.spec_from_file_location("check_translations", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not shutil.which("msgattrib"), reason="GNU gettext is not installed")
def test_the_check_names_untranslated_and_fuzzy_entries(tmp_path: Path) -> None:
    po = tmp_path / "django.po"
    po.write_text(PO, encoding="utf-8")
    check = load()
    assert check.entries(po, "--untranslated") == ['"Situation now"']
    assert check.entries(po, "--only-fuzzy") == ['"Open crises"']
    assert check.entries(po, "--translated", "--no-fuzzy") == ['"Save"']
