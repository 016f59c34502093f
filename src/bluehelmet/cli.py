"""The ``bluehelmet`` command: every ``manage.py`` command plus the project's own.

``bluehelmet migrate``, ``bluehelmet runserver``, ``bluehelmet demo --json`` ... all run through
Django's command machinery, so the project's commands live in ``<app>/management/commands``.
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bluehelmet.settings")
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line
    from django.db import DatabaseError

    try:
        execute_from_command_line(["bluehelmet", *(argv if argv is not None else sys.argv[1:])])
    except BrokenPipeError:
        # Output piped into `head` and the like: stop quietly, as Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(1)
    except ImproperlyConfigured as exc:
        sys.stderr.write(f"Configuration error: {exc}\n")
        sys.exit(2)
    except DatabaseError as exc:
        sys.stderr.write(
            f"Database error: {exc}\n"
            "Is DATABASE_URL right and the database migrated? Try `bluehelmet migrate`.\n"
        )
        sys.exit(2)


if __name__ == "__main__":
    main()
