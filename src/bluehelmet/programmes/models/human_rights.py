"""Human rights cases (Capstone §1.2, §2.4; res. 1325, 1820 and 1612 in §1.4): monitoring,
verification and follow-up with the authorities. Strictly confidential by default: a case may
name victims and witnesses, whose safety rests on the mission keeping their identities on the
case itself (§7.2)."""

from __future__ import annotations

from typing import Any, ClassVar

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.models.base import MissionScopedModel
from bluehelmet.core.permissions import Sensitivity
from bluehelmet.core.validators import TEXT_MAX_LENGTH
from bluehelmet.programmes.hr_access import HumanRightsCaseQuerySet, redact

HumanRightsCaseManager = models.Manager.from_queryset(HumanRightsCaseQuerySet)


class ViolationType(models.TextChoices):
    KILLING = "killing", _("Unlawful killing")
    TORTURE = "torture", _("Torture or ill-treatment")
    SEXUAL_VIOLENCE = "sexual_violence", _("Conflict-related sexual violence")
    ARBITRARY_DETENTION = "arbitrary_detention", _("Arbitrary arrest or detention")
    ABDUCTION = "abduction", _("Abduction or enforced disappearance")
    CHILD_RECRUITMENT = "child_recruitment", _("Recruitment or use of children")
    PROPERTY = "property", _("Destruction or looting of property")
    OTHER = "other", _("Other violation or abuse")


class CaseVerification(models.TextChoices):
    REPORTED = "reported", _("Reported, not yet verified")
    UNDER_VERIFICATION = "under_verification", _("Under verification")
    VERIFIED = "verified", _("Verified")
    NOT_VERIFIED = "not_verified", _("Could not be verified")


class FollowUpStatus(models.TextChoices):
    NONE = "none", _("Not yet raised")
    RAISED = "raised", _("Raised with the authorities")
    INVESTIGATING = "investigating", _("Authorities investigating")
    PROSECUTED = "prosecuted", _("Prosecution or disciplinary action")
    NO_ACTION = "no_action", _("No action taken by the authorities")


class HumanRightsCase(MissionScopedModel):
    """One case of violations or abuses documented by the human rights component (Capstone
    §1.2, §2.4). ``victim_identities`` is shown on the case page alone: never in a list, an
    export, an API list or a search; a case naming victims cannot be kept below strictly
    confidential (§7.2). A case of sexual violence (res. 1325/1820) is counted outside the
    human rights unit only in aggregates with small counts suppressed (``figures``).

    Only the human rights case roles of the mission see a case (``hr_access``); its audit
    entries keep the keys and a keyed fingerprint of every other value, never the value."""

    # Fields an audit entry may show as they are: keys only, nothing about the case.
    audit_visible: ClassVar[frozenset[str]] = frozenset({"id", "mission_id", "sensitivity"})

    reference = models.CharField(_("reference"), max_length=30)
    summary = models.CharField(
        _("summary"),
        max_length=200,
        help_text=_("What happened, without any name: lists and exports show it."),
    )
    violation_type = models.CharField(
        _("violation type"), max_length=24, choices=ViolationType.choices
    )
    occurred_on = models.DateField(_("occurred on"))
    admin1 = models.CharField(_("admin area (level 1)"), max_length=120, blank=True)
    perpetrator = models.ForeignKey(
        "analysis.Actor",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("alleged perpetrator"),
        help_text=_("From the actor register (JMAC)."),
    )
    victims_count = models.PositiveIntegerField(_("number of victims"), default=1)
    victims_female = models.PositiveIntegerField(_("of whom women and girls"), default=0)
    victims_children = models.PositiveIntegerField(_("of whom children"), default=0)
    victim_identities = models.TextField(
        _("victims' identities"),
        blank=True,
        max_length=TEXT_MAX_LENGTH,
        help_text=_("Shown on this case alone; never listed, exported or searched."),
    )
    verification = models.CharField(
        _("verification status"),
        max_length=20,
        choices=CaseVerification.choices,
        default=CaseVerification.REPORTED,
    )
    follow_up = models.CharField(
        _("follow-up with the authorities"),
        max_length=16,
        choices=FollowUpStatus.choices,
        default=FollowUpStatus.NONE,
    )
    follow_up_notes = models.TextField(_("follow-up notes"), blank=True, max_length=TEXT_MAX_LENGTH)
    sensitivity = models.PositiveSmallIntegerField(
        _("sensitivity"), choices=Sensitivity.choices, default=Sensitivity.STRICTLY_CONFIDENTIAL
    )

    # A narrower manager than the base's: the stubs see another type, the ORM the same API.
    objects: ClassVar[Any] = HumanRightsCaseManager()  # type: ignore[assignment]

    class Meta:
        ordering = ["mission__code", "-occurred_on", "reference"]
        constraints = [
            models.UniqueConstraint(fields=["mission", "reference"], name="hrcase_unique_ref")
        ]
        verbose_name = _("human rights case")
        verbose_name_plural = _("human rights cases")

    def __str__(self) -> str:
        # The reference alone: it names no one and says nothing of the violation (sexual
        # violence included), so it may appear in the audit log's object column.
        return self.reference

    def snapshot(self) -> dict[str, Any]:
        return redact(super().snapshot(), self.audit_visible)

    def loaded_snapshot(self) -> dict[str, Any] | None:
        loaded = super().loaded_snapshot()
        return None if loaded is None else redact(loaded, self.audit_visible)

    @property
    def is_crsv(self) -> bool:
        return self.violation_type == ViolationType.SEXUAL_VIOLENCE

    def clean(self) -> None:
        super().clean()
        errors: dict[str, Any] = {}
        strict = Sensitivity.STRICTLY_CONFIDENTIAL
        if (self.victim_identities.strip() or self.is_crsv) and self.sensitivity < strict:
            errors["sensitivity"] = _(
                "A case naming victims, or of sexual violence, is kept strictly confidential."
            )
        if self.victims_female > self.victims_count or self.victims_children > self.victims_count:
            errors["victims_count"] = _("Women, girls and children are counted among the victims.")
        if errors:
            raise ValidationError(errors)
