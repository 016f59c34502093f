"""Test settings: the project's, with what makes the suite fast (Saleor's tests/settings.py).

Passwords are hashed with MD5 here only: the production hasher is deliberately slow, and the
suite creates hundreds of users. Everything else is the production configuration.
"""

from bluehelmet.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
