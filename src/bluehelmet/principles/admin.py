"""Django admin for platform administrators; staff work through the pages and the API."""

from django.contrib import admin

from bluehelmet.principles import models as m

for model in (
    m.RoeProfile,
    m.ForceLevel,
    m.ReviewFlag,
    m.Party,
    m.ConsentEvent,
    m.ConsentAssessment,
    m.Violation,
    m.ViolationResponse,
    m.ProtectionThreat,
    m.ProtectionAlert,
):
    admin.site.register(model)


@admin.register(m.UseOfForceReport)
class UseOfForceReportAdmin(admin.ModelAdmin):
    list_display = ("occurred_at", "mission", "level", "basis", "sensitivity", "reviewed_at")
    list_filter = ("basis", "sensitivity", "beyond_tactical_level")
    raw_id_fields = ("incident", "contingent", "org_unit", "level")
