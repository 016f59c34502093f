"""The ``bluehelmet`` command: every ``manage.py`` command plus the project's own.

``bluehelmet migrate``, ``bluehelmet runserver``, ``bluehelmet demo --json`` ... all run through
Django's command machinery, so the project's commands live in ``<app>/management/commands``.
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bluehelmet.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["bluehelmet", *(argv if argv is not None else sys.argv[1:])])


if __name__ == "__main__":
    main()
