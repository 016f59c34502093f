"""Incidents the Joint Operations Centre logs from every mission source (Capstone §7.2).

Time and place carry their precision as UCDP GED codes them (``date_prec`` 1-5,
``where_prec`` 1-7) so imported research data and mission reports sit on one scale.
"""

from __future__ import annotations

import datetime
from typing import Any, ClassVar, cast

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bluehelmet.core.models.base import MissionScopedModel, RestrictedManager
from bluehelmet.core.permissions import RestrictedQuerySet
from bluehelmet.core.validators import TEXT_MAX_LENGTH, validate_date_range
from bluehelmet.operations.geo import h3_cells
from bluehelmet.operations.models.imports import IncidentImportBatch
from bluehelmet.operations.models.taxonomy import Credibility, Reliability


class DatePrecision(models.IntegerChoices):
    """UCDP GED ``date_prec``."""

    DAY = 1, _("Exact day")
    DAYS = 2, _("Within 2-6 days")
    WEEK = 3, _("Week known")
    MONTH = 4, _("Within 8-30 days, or month known")
    YEAR = 5, _("Within a year")


class LocationPrecision(models.IntegerChoices):
    """UCDP GED ``where_prec``."""

    EXACT = 1, _("Exact location")
    NEAR = 2, _("Within about 25 km of a known point")
    ADMIN2 = 3, _("Second-order administrative area")
    ADMIN1 = 4, _("First-order administrative area")
    ESTIMATED = 5, _("Linear feature or estimated point")
    COUNTRY = 6, _("Country only")
    INTERNATIONAL = 7, _("International waters or airspace")


class VerificationStatus(models.TextChoices):
    UNVERIFIED = "unverified", _("Unverified")
    PARTIAL = "partial", _("Partially verified")
    VERIFIED = "verified", _("Verified")
    REFUTED = "refuted", _("Refuted")


COUNT_FIELDS = (
    "killed",
    "injured",
    "abducted",
    "civilians_killed",
    "un_personnel_killed",
    "un_personnel_injured",
)


# A report may be dated a little ahead (clocks in the field drift); more is a typing error.
FUTURE_TOLERANCE = datetime.timedelta(hours=1)


def _count(label: Any) -> models.PositiveIntegerField:
    return models.PositiveIntegerField(label, default=0)


class PublishedIncidentManager(RestrictedManager):
    """Every incident except those of an import still being written (``models/imports.py``).

    The test is on a column of both covering indexes, so list and count queries still read
    no table rows; the subquery is over the open batches, almost always none."""

    def get_queryset(self) -> RestrictedQuerySet:
        open_batches = IncidentImportBatch.objects.values("pk")
        published = models.Q(import_batch__isnull=True) | ~models.Q(import_batch__in=open_batches)
        return cast(RestrictedQuerySet, super().get_queryset().filter(published))


class UtcDate(models.Func):
    """The UTC calendar day of a date-time, in each database's own functions (SQLite stores
    date-times as UTC text; PostgreSQL's conversion at a fixed zone is immutable, as a stored
    generated column requires)."""

    output_field = models.DateField()

    def as_sqlite(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        return self.as_sql(compiler, connection, template="date(%(expressions)s)", **extra)

    def as_postgresql(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        template = "((%(expressions)s AT TIME ZONE 'UTC')::date)"
        return self.as_sql(compiler, connection, template=template, **extra)


class Incident(MissionScopedModel):
    """One reported event: when, where, what, who, how many casualties, from whom."""

    audit_exclude = MissionScopedModel.audit_exclude | {
        "h3_r5",
        "h3_r7",
        "import_hash",
        "occurred_on",
    }

    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True, max_length=TEXT_MAX_LENGTH)
    category = models.ForeignKey(
        "operations.IncidentCategory",
        on_delete=models.PROTECT,
        related_name="incidents",
        verbose_name=_("category"),
    )
    occurred_at = models.DateTimeField(_("occurred at (UTC)"), validators=[validate_date_range])
    # The UTC day, kept by the database itself: counts by week, month or year group on it in
    # the order of ``incident_mission_day_cover`` instead of sorting every incident of the
    # period (issue 12; docs/benchmarks.md).
    occurred_on = models.GeneratedField(
        expression=UtcDate("occurred_at"), output_field=models.DateField(), db_persist=True
    )
    occurred_until = models.DateTimeField(
        _("occurred until (UTC)"), null=True, blank=True, validators=[validate_date_range]
    )
    date_precision = models.PositiveSmallIntegerField(
        _("date precision"), choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    reported_at = models.DateTimeField(
        _("reported at (UTC)"), default=timezone.now, validators=[validate_date_range]
    )
    latitude = models.FloatField(
        _("latitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.FloatField(
        _("longitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    location_precision = models.PositiveSmallIntegerField(
        _("location precision"), choices=LocationPrecision.choices, null=True, blank=True
    )
    location_name = models.CharField(_("place"), max_length=200, blank=True)
    admin1 = models.CharField(_("admin area (level 1)"), max_length=120, blank=True)
    admin2 = models.CharField(_("admin area (level 2)"), max_length=120, blank=True)
    org_unit = models.ForeignKey(
        "core.OrgUnit",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="incidents",
        verbose_name=_("reporting unit"),
    )
    actor1 = models.CharField(_("actor (first side)"), max_length=200, blank=True, db_index=True)
    actor2 = models.CharField(_("actor (second side)"), max_length=200, blank=True, db_index=True)
    killed = _count(_("killed"))
    killed_low = models.PositiveIntegerField(_("killed (low estimate)"), null=True, blank=True)
    killed_high = models.PositiveIntegerField(_("killed (high estimate)"), null=True, blank=True)
    injured = _count(_("injured"))
    abducted = _count(_("abducted"))
    civilians_killed = _count(_("civilians killed"))
    un_personnel_killed = _count(_("UN personnel killed"))
    un_personnel_injured = _count(_("UN personnel injured"))
    source = models.ForeignKey(
        "operations.IncidentSource",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="incidents",
        verbose_name=_("source"),
    )
    source_reference = models.TextField(
        _("source reference"), blank=True, max_length=TEXT_MAX_LENGTH
    )
    reliability = models.CharField(
        _("source reliability"), max_length=1, choices=Reliability.choices, default=Reliability.F
    )
    credibility = models.PositiveSmallIntegerField(
        _("information credibility"), choices=Credibility.choices, default=Credibility.UNKNOWN
    )
    verification_status = models.CharField(
        _("verification"),
        max_length=12,
        choices=VerificationStatus.choices,
        default=VerificationStatus.UNVERIFIED,
    )
    duplicate_of = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="duplicates",
        verbose_name=_("duplicate of"),
    )
    source_dataset = models.CharField(_("imported from"), max_length=40, blank=True)
    external_id = models.CharField(_("id in the dataset"), max_length=64, blank=True)
    import_hash = models.CharField(max_length=32, blank=True, editable=False)
    h3_r5 = models.BigIntegerField(null=True, blank=True, editable=False)
    h3_r7 = models.BigIntegerField(null=True, blank=True, editable=False)
    # The open ``IncidentImportBatch`` still writing this incident (``models/imports.py``);
    # kept after publishing (the batch row is gone then), so it costs no second write.
    import_batch = models.BigIntegerField(null=True, blank=True, editable=False)

    objects: ClassVar[Any] = PublishedIncidentManager()
    all_objects: ClassVar[Any] = (
        RestrictedManager()
    )  # unpublished imports too: the importer's own cleanup

    class Meta:
        ordering = ["-occurred_at", "-id"]
        base_manager_name = "all_objects"
        constraints = [
            models.UniqueConstraint(
                fields=["mission", "source_dataset", "external_id"],
                condition=~models.Q(external_id=""),
                name="incident_unique_external_id",
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(latitude__isnull=True, longitude__isnull=True)
                    | models.Q(latitude__isnull=False, longitude__isnull=False)
                ),
                name="incident_lat_lon_together",
            ),
        ]
        indexes = [
            # The common operating picture (bbox + time window + categories, newest first) and
            # the weekly counts read these two (plans in docs/benchmarks.md): ``id`` after the
            # time gives the list order, so a scan can stop at the first page; the columns after
            # it are tested in the index, and the table is read only for rows that match.
            models.Index(
                fields=[
                    "mission",
                    "occurred_at",
                    "id",
                    "category",
                    "latitude",
                    "longitude",
                    "sensitivity",
                    "admin1",
                    "killed",
                    "civilians_killed",
                    "import_batch",
                ],
                name="incident_mission_time_cover",
            ),
            models.Index(
                fields=[
                    "mission",
                    "category",
                    "occurred_at",
                    "id",
                    "latitude",
                    "longitude",
                    "sensitivity",
                    "import_batch",
                ],
                name="incident_mission_cat_cover",
            ),
            # Counts by period x category x admin area (``operations.aggregate``) read this one
            # in group order, with no sort; ``occurred_at`` in it keeps an exact time window
            # inside the index.
            models.Index(
                fields=[
                    "mission",
                    "occurred_on",
                    "category",
                    "admin1",
                    "occurred_at",
                    "sensitivity",
                    "import_batch",
                    "killed",
                    "civilians_killed",
                ],
                name="incident_mission_day_cover",
            ),
            models.Index(fields=["latitude", "longitude"], name="incident_lat_lon"),
            models.Index(fields=["mission", "h3_r5"], name="incident_mission_h3_r5"),
            models.Index(fields=["mission", "h3_r7"], name="incident_mission_h3_r7"),
            models.Index(fields=["mission", "admin1"], name="incident_mission_admin1"),
            # The importers look up a batch of ids with ``external_id IN (...)``, which neither
            # SQLite nor PostgreSQL (for lists over 100 values) can match to the partial unique
            # index above; without this one every batch scans the whole mission.
            models.Index(
                fields=["mission", "source_dataset", "external_id"], name="incident_dataset_id"
            ),
        ]
        verbose_name = _("incident")
        verbose_name_plural = _("incidents")

    def __str__(self) -> str:
        return f"{self.occurred_at:%Y-%m-%d} {self.title}"

    @property
    def reference(self) -> str:
        """Stable identifier for exports: the dataset id, or mission code and number."""
        if self.external_id:
            return self.external_id
        return f"{self.mission.code}-{self.pk}"

    def locate(self) -> None:
        """Fill the H3 cells from the coordinates (also called by importers before bulk_create)."""
        cells = h3_cells(self.latitude, self.longitude)
        self.h3_r5, self.h3_r7 = cells[5], cells[7]

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.locate()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "h3_r5", "h3_r7"}
        super().save(*args, **kwargs)

    def clean(self) -> None:
        errors: dict[str, Any] = {}
        if (self.latitude is None) != (self.longitude is None):
            errors["longitude"] = _("Give both latitude and longitude, or neither.")
        latest = timezone.now() + FUTURE_TOLERANCE
        for name in ("occurred_at", "reported_at"):
            moment = getattr(self, name)
            if isinstance(moment, datetime.datetime) and moment > latest:
                errors[name] = _(
                    "This is in the future (%(time)s UTC is later than now): check the date."
                ) % {"time": f"{moment.astimezone(datetime.UTC):%Y-%m-%d %H:%M}"}
        if self.occurred_until and self.occurred_at and self.occurred_until < self.occurred_at:
            errors["occurred_until"] = _("The incident ends before it starts.")
        low, high, best = self.killed_low, self.killed_high, self.killed
        if low is not None and high is not None and low > high:
            errors["killed_high"] = _(
                "The high estimate of the killed (%(high)s) is below the low estimate (%(low)s)."
            ) % {"high": high, "low": low}
        elif best is not None and (
            (low is not None and best < low) or (high is not None and best > high)
        ):
            errors["killed"] = _(
                "The number killed (the best estimate, %(best)s) lies outside its low-high range."
            ) % {"best": best}
        for name in ("source", "org_unit", "duplicate_of"):
            related = getattr(self, name)
            if related is not None and related.mission_id != self.mission_id:
                errors[name] = _("This record belongs to another mission.")
        if self.duplicate_of_id and self.duplicate_of_id == self.pk:
            errors["duplicate_of"] = _("An incident cannot duplicate itself.")
        elif self.duplicate_of is not None and self.duplicate_of.duplicate_of_id:
            errors["duplicate_of"] = _("Link to the original report, not to another duplicate.")
        if errors:
            raise ValidationError(errors)


class IncidentVerification(models.Model):
    """One step in an incident's verification history (append-only)."""

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="verifications")
    time = models.DateTimeField(_("time"), default=timezone.now)
    status = models.CharField(_("status"), max_length=12, choices=VerificationStatus.choices)
    previous_status = models.CharField(
        _("previous status"), max_length=12, choices=VerificationStatus.choices
    )
    note = models.TextField(_("how it was verified"), blank=True, max_length=TEXT_MAX_LENGTH)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("by"),
    )

    class Meta:
        ordering = ["incident", "time", "id"]
        verbose_name = _("verification step")
        verbose_name_plural = _("verification steps")

    def __str__(self) -> str:
        return f"{self.incident_id}: {self.previous_status} -> {self.status}"
