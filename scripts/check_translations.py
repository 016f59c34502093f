"""``make lint-i18n``: fail when a string of the product has no French translation (issue 20).

Runs Django's ``makemessages -l fr`` on a copy of the catalogue (so new and changed strings are
merged in exactly as a translator would get them), then lists the entries that are untranslated
or fuzzy, and checks that the compiled catalogue (``django.mo``, shipped so that a machine
without gettext runs the product in French) is the one ``msgfmt`` makes from ``django.po``.
The catalogue in the tree is left as it was. Needs GNU gettext (``msgattrib``, ``msgfmt``).

    .venv/bin/python scripts/check_translations.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "src" / "bluehelmet"
CATALOGUE = APP / "locale" / "fr" / "LC_MESSAGES"
LIST_AT_MOST = 40


def tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"check_translations: GNU gettext's {name} is not installed.")
    return found


def entries(po: Path, *flags: str) -> list[str]:
    """The msgids ``msgattrib`` keeps with ``flags`` (the header excluded)."""
    argv = [tool("msgattrib"), *flags, "--no-wrap", str(po)]
    out = subprocess.run(argv, check=True, capture_output=True, text=True).stdout  # noqa: S603
    ids = [line[len("msgid ") :] for line in out.splitlines() if line.startswith("msgid ")]
    return [i for i in ids if i != '""']


def merged_copy(work: Path) -> Path:
    """The catalogue after ``makemessages`` (run on the tree, then put back as it was)."""
    po = CATALOGUE / "django.po"
    saved = work / "saved.po"
    shutil.copyfile(po, saved)
    try:
        subprocess.run(
            [sys.executable, "-m", "bluehelmet", "makemessages", "-l", "fr", "--no-location",
             "--ignore", "static/*"],
            cwd=APP, check=True, capture_output=True, text=True,
        )  # fmt: skip
        merged = work / "merged.po"
        shutil.copyfile(po, merged)
        return merged
    finally:
        shutil.copyfile(saved, po)


def main() -> int:
    if not (CATALOGUE / "django.po").is_file():
        print(f"check_translations: no catalogue at {CATALOGUE / 'django.po'}.")
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        merged = merged_copy(work)
        missing = entries(merged, "--untranslated", "--no-obsolete")
        fuzzy = entries(merged, "--only-fuzzy", "--no-obsolete")
        compiled = work / "django.mo"
        argv = [tool("msgfmt"), "-c", "-o", str(compiled), str(CATALOGUE / "django.po")]
        subprocess.run(argv, check=True)  # noqa: S603
        stale_mo = compiled.read_bytes() != (CATALOGUE / "django.mo").read_bytes()
    for label, found in (("untranslated", missing), ("fuzzy", fuzzy)):
        if found:
            print(f"{len(found)} {label} French entries, e.g.:")
            for msgid in found[:LIST_AT_MOST]:
                print(f"  {msgid}")
    if stale_mo:
        print("django.mo is not compiled from django.po: run `make messages`.")
    if missing or fuzzy or stale_mo:
        print(
            "Translate them in src/bluehelmet/locale/fr/LC_MESSAGES/django.po (`make messages`"
            " merges new strings in), then `make messages` again to compile."
        )
        return 1
    print(
        f"French catalogue complete ({len(entries(CATALOGUE / 'django.po', '--translated'))} "
        "entries); django.mo up to date."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
