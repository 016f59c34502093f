"""Mission structure: field presence and posts (Capstone §6.2, §7.1-7.2, §8.3)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.models.base import MissionScopedModel
from bluehelmet.core.validators import validate_date_range


class OrgUnitKind(models.TextChoices):
    """§6.2: mission HQ, sector HQs and field offices, plus liaison offices and logistics hubs."""

    MISSION_HQ = "mission_hq", _("Mission headquarters")
    SECTOR_HQ = "sector_hq", _("Sector headquarters")
    FIELD_OFFICE = "field_office", _("Field office")
    TEAM_SITE = "team_site", _("Team site")
    LIAISON_OFFICE = "liaison_office", _("Liaison office")
    LOGISTICS_HUB = "logistics_hub", _("Logistics hub")


class OrgUnit(MissionScopedModel):
    """A place where the mission is present, in a tree under its mission HQ (Capstone §6.2)."""

    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        verbose_name=_("parent"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=OrgUnitKind.choices)
    name = models.CharField(_("name"), max_length=120)
    component = models.ForeignKey(
        "core.Component",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="org_units",
        verbose_name=_("lead component"),
    )
    latitude = models.FloatField(
        _("latitude"), validators=[MinValueValidator(-90), MaxValueValidator(90)]
    )
    longitude = models.FloatField(
        _("longitude"), validators=[MinValueValidator(-180), MaxValueValidator(180)]
    )
    admin1 = models.CharField(_("admin area (level 1)"), max_length=120, blank=True)
    established_on = models.DateField(
        _("established on"), null=True, blank=True, validators=[validate_date_range]
    )
    closed_on = models.DateField(
        _("closed on"), null=True, blank=True, validators=[validate_date_range]
    )

    class Meta:
        ordering = ["mission__code", "kind", "name"]
        constraints = [
            models.UniqueConstraint(fields=["mission", "name"], name="orgunit_unique_name"),
        ]
        verbose_name = _("organisational unit")
        verbose_name_plural = _("organisational units")

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        errors: dict[str, Any] = {}
        if self.kind == OrgUnitKind.MISSION_HQ and self.parent_id:
            errors["parent"] = _("The mission headquarters is the root of the tree.")
        if self.parent is not None and self.parent.mission_id != self.mission_id:
            errors["parent"] = _("The parent belongs to another mission.")
        elif self.parent is not None and self.pk and self._is_ancestor_of_parent():
            errors["parent"] = _("A unit cannot sit under itself or one of its own units.")
        if self.closed_on and self.established_on and self.closed_on < self.established_on:
            errors["closed_on"] = _("Closed before it was established.")
        if self.component is not None and self.component.mission_id != self.mission_id:
            errors["component"] = _("The component belongs to another mission.")
        if self.kind == OrgUnitKind.MISSION_HQ and self.mission_id:
            other = OrgUnit.objects.filter(mission_id=self.mission_id, kind=OrgUnitKind.MISSION_HQ)
            if other.exclude(pk=self.pk).exists():
                errors["kind"] = _("This mission already has a headquarters.")
        if errors:
            raise ValidationError(errors)

    def _is_ancestor_of_parent(self) -> bool:
        node, seen = self.parent, set()
        while node is not None and node.pk not in seen:
            if node.pk == self.pk:
                return True
            seen.add(node.pk)
            node = node.parent
        return False


class PostRole(models.TextChoices):
    """Doctrinal leadership and staff roles (Capstone §7.1-7.2, §8.3, §9.2)."""

    HOM = "hom", _("Head of Mission / SRSG")
    DSRSG = "dsrsg", _("Deputy SRSG (political)")
    DSRSG_RC_HC = "dsrsg_rc_hc", _("DSRSG / Resident and Humanitarian Coordinator")
    FORCE_COMMANDER = "force_commander", _("Force Commander / Head of Military Component")
    POLICE_COMMISSIONER = "police_commissioner", _("Police Commissioner / Head of Police")
    CHIEF_MISSION_SUPPORT = "chief_mission_support", _("Director / Chief of Mission Support")
    CHIEF_OF_STAFF = "chief_of_staff", _("Chief of Staff")
    CHIEF_SECURITY_ADVISER = "chief_security_adviser", _("Chief Security Adviser")
    CHIEF_JOC = "chief_joc", _("Chief, Joint Operations Centre")
    CHIEF_JMAC = "chief_jmac", _("Chief, Joint Mission Analysis Centre")
    CHIEF_JLOC = "chief_jloc", _("Chief, Joint Logistics Operations Centre")
    CHIEF_PUBLIC_INFORMATION = "chief_public_information", _("Chief of Public Information")
    CONDUCT_DISCIPLINE = "conduct_discipline", _("Chief, Conduct and Discipline")
    SECTOR_COMMANDER = "sector_commander", _("Sector Commander")
    HEAD_OF_OFFICE = "head_of_office", _("Head of Field Office")
    STAFF = "staff", _("Other post")


# Roles a mission holds once: two Force Commanders would break unity of command (§7.1).
SINGLE_HOLDER_ROLES = {
    PostRole.HOM,
    PostRole.DSRSG_RC_HC,
    PostRole.FORCE_COMMANDER,
    PostRole.POLICE_COMMISSIONER,
    PostRole.CHIEF_MISSION_SUPPORT,
    PostRole.CHIEF_SECURITY_ADVISER,
    PostRole.CHIEF_JOC,
    PostRole.CHIEF_JMAC,
    PostRole.CHIEF_JLOC,
}


class Post(MissionScopedModel):
    """A position in the mission's structure; ``reports_to`` records the reporting lines (§6.3)."""

    title = models.CharField(_("title"), max_length=160)
    role = models.CharField(_("doctrinal role"), max_length=32, choices=PostRole.choices)
    component = models.ForeignKey(
        "core.Component",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="posts",
        verbose_name=_("component"),
    )
    org_unit = models.ForeignKey(
        OrgUnit,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="posts",
        verbose_name=_("duty station"),
    )
    reports_to = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="direct_reports",
        verbose_name=_("reports to"),
    )
    grade = models.CharField(_("grade"), max_length=20, blank=True)
    is_mlt = models.BooleanField(
        _("member of the Mission Leadership Team"),
        default=False,
        help_text=_("Capstone §7.1: the HOM, the deputies and the heads of components."),
    )
    is_designated_official = models.BooleanField(
        _("Designated Official for security"),
        default=False,
        help_text=_("Capstone §8.3: accountable for the security of UN civilian personnel."),
    )

    class Meta:
        ordering = ["mission__code", "-is_mlt", "title"]
        constraints = [
            models.UniqueConstraint(fields=["mission", "title"], name="post_unique_title"),
            models.UniqueConstraint(
                fields=["mission"],
                condition=models.Q(is_designated_official=True),
                name="post_one_designated_official",
            ),
        ]
        verbose_name = _("post")
        verbose_name_plural = _("posts")

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        errors: dict[str, Any] = {}
        for field in ("component", "org_unit", "reports_to"):
            related = getattr(self, field)
            if related is not None and related.mission_id != self.mission_id:
                errors[field] = _("It belongs to another mission.")
        if self.reports_to_id and self.reports_to_id == self.pk:
            errors["reports_to"] = _("A post cannot report to itself.")
        if self.role in SINGLE_HOLDER_ROLES and self.mission_id:
            twin = Post.objects.filter(mission_id=self.mission_id, role=self.role)
            if twin.exclude(pk=self.pk).exists():
                errors["role"] = _("This mission already has a post with this role.")
        if self.is_designated_official and self.mission_id:
            other = Post.objects.filter(mission_id=self.mission_id, is_designated_official=True)
            if other.exclude(pk=self.pk).exists():
                errors["is_designated_official"] = _(
                    "The mission already has a Designated Official."
                )
        if errors:
            raise ValidationError(errors)
