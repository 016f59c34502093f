"""A de facto withdrawal of consent, once detected, calls for consultations (Capstone §3.1,
§4.3): the rule runs when a consent event is recorded, and a withdrawal that was not standing
before the event is announced on the kernel's event bus for the mandates app to act on."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils.translation import gettext as _

from bluehelmet.core import parameters
from bluehelmet.core.events import SERIOUS_DEVELOPMENT, announce_serious_development
from bluehelmet.principles.models import ConsentEvent
from bluehelmet.principles.rules import consent


@receiver(post_save, sender=ConsentEvent)
def detect_withdrawal_of_consent(sender: Any, instance: ConsentEvent, **kwargs: Any) -> None:
    if kwargs.get("raw"):
        return  # fixtures load history, they do not witness it
    events = [
        e
        for e in ConsentEvent.objects.filter(
            mission_id=instance.mission_id, party=instance.party_id
        )
        if e.locality == instance.locality
    ]
    rule = consent.settings_from(parameters.values(instance.mission))  # the mission's setting
    before = consent.standing_withdrawal([e for e in events if e.pk != instance.pk], **rule)
    after = consent.standing_withdrawal(events, **rule)
    if after is None or before is not None:
        return
    announce_serious_development(
        ConsentEvent,
        instance.mission,
        SERIOUS_DEVELOPMENT,
        after,
        # No party or place named: the consultation may be seen by roles cleared below the
        # consent records (at least confidential).
        _("A de facto withdrawal of consent was detected, standing since %(date)s.")
        % {"date": after},
    )
