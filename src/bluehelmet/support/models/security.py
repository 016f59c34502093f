"""Premises and their security (Capstone §8.3): the minimum operating security standards each
premises must meet, security assessments, and the security management team that advises the
Designated Official."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.models.base import MissionScopedModel
from bluehelmet.core.validators import TEXT_MAX_LENGTH, validate_date_range
from bluehelmet.support.models.base import inherit, related_text, same_mission

# The minimum operating security standards checklist: (field, label). Each premises answers
# every item at each check; compliance is the share met (Capstone §8.3).
MOSS_ITEMS: tuple[tuple[str, Any], ...] = (
    ("perimeter", _("Perimeter barrier intact")),
    ("access_control", _("Access control at every entrance")),
    ("guard_force", _("Guard force on duty")),
    ("lighting", _("Perimeter lighting")),
    ("shelter", _("Protected shelter (bunker)")),
    ("communications", _("Two independent means of communication")),
    ("fire_safety", _("Fire safety equipment")),
    ("medical", _("Trauma kits and a trained first aider")),
    ("evacuation_plan", _("Evacuation plan rehearsed")),
    ("warden_system", _("Warden system with current staff list")),
)
MOSS_FIELDS = tuple(name for name, _label in MOSS_ITEMS)


class Premises(MissionScopedModel):
    """A place the mission works from, as security sees it: a team site, headquarters or office
    of the organisation (``core.OrgUnit``) that must meet the minimum operating security
    standards (Capstone §8.3)."""

    org_unit = models.OneToOneField(
        "core.OrgUnit",
        on_delete=models.CASCADE,
        related_name="premises",
        verbose_name=_("location"),
    )
    security_focal_point = models.CharField(_("security focal point"), max_length=160, blank=True)
    notes = models.TextField(_("notes"), blank=True, max_length=TEXT_MAX_LENGTH)

    class Meta:
        ordering = ["mission__code", "org_unit__name"]
        verbose_name = _("premises")
        verbose_name_plural = _("premises")

    def __str__(self) -> str:
        return related_text(self, "org_unit")

    def clean(self) -> None:
        super().clean()
        same_mission(self, "org_unit")


class MossCheck(MissionScopedModel):
    """One check of a premises against the minimum operating security standards, item by item
    (Capstone §8.3); the checks over time show its compliance."""

    premises = models.ForeignKey(
        Premises, on_delete=models.CASCADE, related_name="checks", verbose_name=_("premises")
    )
    checked_on = models.DateField(_("checked on"), validators=[validate_date_range])
    checked_by = models.CharField(_("checked by"), max_length=160, blank=True)
    perimeter = models.BooleanField(MOSS_ITEMS[0][1], default=False)
    access_control = models.BooleanField(MOSS_ITEMS[1][1], default=False)
    guard_force = models.BooleanField(MOSS_ITEMS[2][1], default=False)
    lighting = models.BooleanField(MOSS_ITEMS[3][1], default=False)
    shelter = models.BooleanField(MOSS_ITEMS[4][1], default=False)
    communications = models.BooleanField(MOSS_ITEMS[5][1], default=False)
    fire_safety = models.BooleanField(MOSS_ITEMS[6][1], default=False)
    medical = models.BooleanField(MOSS_ITEMS[7][1], default=False)
    evacuation_plan = models.BooleanField(MOSS_ITEMS[8][1], default=False)
    warden_system = models.BooleanField(MOSS_ITEMS[9][1], default=False)
    notes = models.TextField(_("notes"), blank=True, max_length=TEXT_MAX_LENGTH)

    class Meta:
        ordering = ["premises", "-checked_on", "-pk"]
        verbose_name = _("MOSS check")
        verbose_name_plural = _("MOSS checks")

    def __str__(self) -> str:
        return f"{related_text(self, 'premises')} · {self.checked_on}"

    @property
    def met(self) -> int:
        return sum(1 for name in MOSS_FIELDS if getattr(self, name))

    @property
    def compliance(self) -> int:
        """Per cent of the standards met."""
        return round(100 * self.met / len(MOSS_FIELDS))

    @property
    def missing(self) -> list[str]:
        return [str(label) for name, label in MOSS_ITEMS if not getattr(self, name)]

    def clean(self) -> None:
        super().clean()
        if self.premises_id and self.mission_id and self.premises.mission_id != self.mission_id:
            raise ValidationError({"premises": _("It belongs to another mission.")})

    def save(self, *args: Any, **kwargs: Any) -> None:
        inherit(self, "premises")
        super().save(*args, **kwargs)


class RiskLevel(models.TextChoices):
    LOW = "low", _("Low")
    MODERATE = "moderate", _("Moderate")
    SUBSTANTIAL = "substantial", _("Substantial")
    HIGH = "high", _("High")
    EXTREME = "extreme", _("Extreme")


class SecurityAssessment(MissionScopedModel):
    """A security risk assessment of an area or a premises, with its review date (Capstone
    §8.3: the security of UN personnel is assessed and managed, not assumed)."""

    premises = models.ForeignKey(
        Premises,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assessments",
        verbose_name=_("premises"),
    )
    area = models.CharField(_("area"), max_length=120, blank=True)
    assessed_on = models.DateField(_("assessed on"), validators=[validate_date_range])
    risk_level = models.CharField(_("residual risk"), max_length=12, choices=RiskLevel.choices)
    summary = models.TextField(_("summary"), max_length=TEXT_MAX_LENGTH)
    measures = models.TextField(_("measures"), blank=True, max_length=TEXT_MAX_LENGTH)
    review_by = models.DateField(
        _("review by"), null=True, blank=True, validators=[validate_date_range]
    )

    class Meta:
        ordering = ["mission__code", "-assessed_on", "-pk"]
        verbose_name = _("security assessment")
        verbose_name_plural = _("security assessments")

    def __str__(self) -> str:
        where = (related_text(self, "premises") if self.premises_id else "") or self.area
        return f"{where} · {self.assessed_on}"

    def clean(self) -> None:
        super().clean()
        same_mission(self, "premises")
        if not self.premises_id and not self.area:
            raise ValidationError({"area": _("Name the premises or the area assessed.")})


class SecurityMeeting(MissionScopedModel):
    """A meeting of the security management team that advises the Designated Official
    (Capstone §8.3)."""

    held_on = models.DateField(_("held on"), validators=[validate_date_range])
    chaired_by = models.CharField(_("chaired by"), max_length=160)
    attendees = models.TextField(_("attendees"), blank=True, max_length=TEXT_MAX_LENGTH)
    summary = models.TextField(_("summary"), blank=True, max_length=TEXT_MAX_LENGTH)

    class Meta:
        ordering = ["mission__code", "-held_on", "-pk"]
        verbose_name = _("security management team meeting")
        verbose_name_plural = _("security management team meetings")

    def __str__(self) -> str:
        return f"SMT {self.held_on}"


class SecurityDecision(MissionScopedModel):
    """A decision of the security management team, who carries it out and by when
    (Capstone §8.3)."""

    meeting = models.ForeignKey(
        SecurityMeeting,
        on_delete=models.CASCADE,
        related_name="decisions",
        verbose_name=_("meeting"),
    )
    decision = models.TextField(_("decision"), max_length=TEXT_MAX_LENGTH)
    owner = models.CharField(_("carried out by"), max_length=160, blank=True)
    due_on = models.DateField(_("due on"), null=True, blank=True, validators=[validate_date_range])
    done = models.BooleanField(_("done"), default=False)

    class Meta:
        ordering = ["meeting", "pk"]
        verbose_name = _("security decision")
        verbose_name_plural = _("security decisions")

    def __str__(self) -> str:
        text = self.decision if len(self.decision) <= 60 else self.decision[:59] + "…"
        return f"{related_text(self, 'meeting')}: {text}"

    def clean(self) -> None:
        super().clean()
        if self.meeting_id and self.mission_id and self.meeting.mission_id != self.mission_id:
            raise ValidationError({"meeting": _("It belongs to another mission.")})

    def save(self, *args: Any, **kwargs: Any) -> None:
        inherit(self, "meeting")
        super().save(*args, **kwargs)
