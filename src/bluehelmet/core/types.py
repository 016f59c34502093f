"""Types the apps share: who is acting.

``Actor`` is who performs a domain action: the request's user (``request.user``, which may be
the anonymous user: the permission check refuses it) or ``None`` for the system (the CLI
without ``--as``, the demo, a background task acting for nobody). ``recorded(actor)`` is the
user to store in a ``..._by`` field.
"""

from __future__ import annotations

from typing import TypeAlias

from django.contrib.auth.models import AnonymousUser, User

Actor: TypeAlias = User | AnonymousUser | None


def recorded(actor: Actor) -> User | None:
    """The user to keep as author of a record: nobody for the system or an anonymous caller."""
    return actor if isinstance(actor, User) else None
