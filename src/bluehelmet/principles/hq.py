"""What the principles app adds to the headquarters overview (Capstone §3.1, §2.4, §7.1):
protection alerts still unanswered, use-of-force review flags still open and withdrawals of
consent standing, per mission. Principles records are at least confidential: a role below that
clearance in a mission gets no cell (``None``), never a zero it could mistake for calm."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from bluehelmet.core.models import Mission
from bluehelmet.core.registry import HqCell, HqColumn, registry
from bluehelmet.principles import models as m
from bluehelmet.principles.panels import _sees_principles, consent_withdrawals


def alerts_cell(user: Any, mission: Mission) -> HqCell | None:
    if not _sees_principles(user, mission):
        return None
    waiting = list(
        m.ProtectionAlert.objects.restrict(user)
        .filter(mission=mission, responded_at__isnull=True)
        .values_list("received_at", flat=True)
    )
    url = reverse("mission-now", kwargs={"code": mission.code})
    if not waiting:
        return HqCell("0", 0, 0, url)
    hours = int((timezone.now() - min(waiting)).total_seconds() // 3600)
    text = ngettext(
        "%(n)d waiting, the oldest %(hours)d h",
        "%(n)d waiting, the oldest %(hours)d h",
        len(waiting),
    ) % {"n": len(waiting), "hours": hours}
    return HqCell(text, len(waiting), len(waiting), url, "bad")


def flags_cell(user: Any, mission: Mission) -> HqCell | None:
    if not _sees_principles(user, mission):
        return None
    count = (
        m.ReviewFlag.objects.restrict(user)
        .filter(mission=mission, status=m.FlagStatus.OPEN)
        .count()
    )
    url = f"{reverse('reviewflag-queue')}?mission={mission.code}"
    return HqCell(str(count), count, count, url, "warn" if count else "")


def consent_cell(user: Any, mission: Mission) -> HqCell | None:
    if not _sees_principles(user, mission):
        return None
    standing = [w for w in consent_withdrawals(user, mission) if not w["dismissed"]]
    url = reverse("mission-principles", kwargs={"code": mission.code})
    text = str(len(standing)) if standing else _("none")
    return HqCell(text, len(standing), len(standing), url, "bad" if standing else "")


def register() -> None:
    registry.add_hq_column(
        HqColumn(
            "alerts-waiting",
            gettext_lazy("Protection alerts unanswered"),
            alerts_cell,
            weight=55,
        ),
        HqColumn("open-flags", gettext_lazy("Open review flags"), flags_cell, weight=60),
        HqColumn(
            "consent-withdrawals", gettext_lazy("Consent withdrawals"), consent_cell, weight=65
        ),
    )
