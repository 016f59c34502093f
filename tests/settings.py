"""Test settings: the project's, with what makes the suite fast (Saleor's tests/settings.py).

Passwords are hashed with MD5 here only: the production hasher is deliberately slow, and the
suite creates hundreds of users. Everything else is the production configuration.
"""

from bluehelmet.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# `bluehelmet demo` builds its story as authored (ending 31 October 2026) unless a test passes
# --as-of: the demo tests name the story's dates (bluehelmet.demo.timeline).
DEMO_AS_OF = "2026-10-31"
