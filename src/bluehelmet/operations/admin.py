"""Django admin for platform administrators; JOC staff work through the pages and the API."""

from django.contrib import admin

from bluehelmet.operations import models as m

for model in (
    m.IncidentCategory,
    m.IncidentSource,
    m.SituationReport,
    m.FlashReport,
    m.Crisis,
    m.CrisisLogEntry,
    m.CrisisTask,
):
    admin.site.register(model)


@admin.register(m.Incident)
class IncidentAdmin(admin.ModelAdmin):
    list_display = ("occurred_at", "mission", "category", "title", "killed", "sensitivity")
    list_filter = ("category", "sensitivity", "verification_status", "source_dataset")
    search_fields = ("title", "actor1", "actor2", "location_name", "external_id")
    raw_id_fields = ("duplicate_of", "source", "org_unit")
