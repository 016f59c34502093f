"""The incident import page (Capstone §7.2): upload a UCDP GED, ACLED or HXL file for the
mission, read the preview of what it would do (nothing written yet), confirm it, follow the
background import's progress, read its report (rejected rows with lines), undo it.

Only users who may add records to the mission see the page; a job is shown only under its
mission's URL, to users who may see that mission.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.views import View

from bluehelmet.core.errors import ActionError
from bluehelmet.core.models import Mission
from bluehelmet.core.permissions import Action, user_can
from bluehelmet.core.views.current import set_current_mission
from bluehelmet.core.views.missions import get_mission
from bluehelmet.interop.actions import do_undo_import, undo_summary
from bluehelmet.interop.forms import ImportForm, upload_limit
from bluehelmet.interop.importers.acled import REQUIRED as ACLED_COLUMNS
from bluehelmet.interop.importers.base import ImportFailed
from bluehelmet.interop.importers.ged import REQUIRED as GED_COLUMNS
from bluehelmet.interop.importers.preview import warnings
from bluehelmet.interop.models import ImportJob, ImportKind, JobStatus
from bluehelmet.interop.tasks import (
    confirm_import,
    discard_preview,
    discard_stale_previews,
    fail_vanished_jobs,
    live_progress,
    preview_upload,
)

REQUIRED_COLUMNS = {ImportKind.GED: GED_COLUMNS, ImportKind.ACLED: ACLED_COLUMNS}
RECENT_JOBS = 10
REJECTED_SHOWN = 500
UPLOAD_OVERHEAD = 64 * 1024  # multipart headers and the other fields


def importing_mission(request: HttpRequest, code: str) -> Mission:
    mission = get_mission(request, code)
    if not user_can(request.user, Action.ADD, mission.pk):
        raise Http404
    return mission


def missing_columns(form: ImportForm) -> list[str]:
    """Required columns absent from a CSV's header line (GED and ACLED; HXL is checked by
    libhxl in the job, since its hashtag row may come after other rows)."""
    required = REQUIRED_COLUMNS.get(form.cleaned_data["kind"])
    if not required:
        return []
    upload = form.cleaned_data["file"]
    head = next(upload.chunks(65536), b"")
    upload.seek(0)
    first = head.split(b"\n", 1)[0].decode("utf-8", "replace").lstrip("\ufeff").strip("\r")
    header = {c.strip().strip('"') for c in first.split(",")}
    return [c for c in required if c not in header]


class ImportPageView(LoginRequiredMixin, View):
    """``/missions/<code>/incidents/import/``: the upload form and the recent imports."""

    def get(self, request: HttpRequest, code: str) -> HttpResponse:
        mission = importing_mission(request, code)
        set_current_mission(request, mission)
        return self.render_page(request, mission, ImportForm())

    def post(self, request: HttpRequest, code: str) -> HttpResponse:
        mission = importing_mission(request, code)
        decision = request.POST.get("decision")
        if decision in {"confirm", "cancel"}:
            return self.decide(request, mission, decision)
        too_big = self.oversize(request)
        if too_big:  # refused before the body is read
            return self.render_page(request, mission, ImportForm(), status=400, error=too_big)
        form = ImportForm(request.POST, request.FILES)
        if form.is_valid():
            missing = missing_columns(form)
            if missing:
                form.add_error("file", self.missing_message(missing))
        if not form.is_valid():
            return self.render_page(request, mission, form, status=400)
        upload = form.cleaned_data["file"]
        user: Any = request.user
        job = ImportJob.objects.create(
            mission=mission,
            user=user,
            kind=form.cleaned_data["kind"],
            file_name=upload.name[:255],
            status=JobStatus.PREVIEW,
        )
        try:  # read through without writing: the user confirms what would be imported
            preview_upload(job, upload)
        except ImportFailed as exc:
            return self.render_page(request, mission, form, status=400, error=str(exc))
        return self.render_page(request, mission, ImportForm(), preview=job)

    def decide(self, request: HttpRequest, mission: Mission, decision: str) -> HttpResponse:
        """The preview's "Import these rows" or "Cancel": only the uploader's own preview."""
        raw = str(request.POST.get("job", ""))
        user: Any = request.user
        job = (
            ImportJob.objects.filter(pk=int(raw), mission=mission, user=user).first()
            if raw.isdigit()
            else None
        )
        if job is None or (job.status != JobStatus.PREVIEW and decision == "cancel"):
            return redirect("mission-incident-import", code=mission.code)
        if job.status != JobStatus.PREVIEW:  # already confirmed (a second click)
            return redirect("mission-incident-import-job", code=mission.code, pk=job.pk)
        if decision == "cancel":
            discard_preview(job)
            messages.info(request, _("Import cancelled: nothing was written."))
            return redirect("mission-incident-import", code=mission.code)
        confirm_import(job)
        return redirect("mission-incident-import-job", code=mission.code, pk=job.pk)

    @staticmethod
    def oversize(request: HttpRequest) -> str:
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        limit = upload_limit()
        if length <= limit + UPLOAD_OVERHEAD:
            return ""
        return _("The file is %(size)s; the limit is %(limit)s.") % {
            "size": filesizeformat(length),
            "limit": filesizeformat(limit),
        }

    @staticmethod
    def missing_message(missing: list[str]) -> str:
        return _("This is not a file of that format: it lacks the columns %(c)s.") % {
            "c": ", ".join(missing)
        }

    def render_page(
        self,
        request: HttpRequest,
        mission: Mission,
        form: ImportForm,
        status: int = 200,
        error: str = "",
        preview: ImportJob | None = None,
    ) -> HttpResponse:
        fail_vanished_jobs(mission=mission)
        discard_stale_previews(mission=mission)
        jobs = (
            ImportJob.objects.filter(mission=mission)
            .exclude(status=JobStatus.PREVIEW)
            .select_related("user")[:RECENT_JOBS]
        )
        context = {
            "mission": mission,
            "title": _("Import incidents · %(code)s") % {"code": mission.code},
            "form": form,
            "jobs": jobs,
            "error": error,
            **(preview_context(preview) if preview is not None else {}),
        }
        return render(request, "interop/import.html", context, status=status)


def preview_context(job: ImportJob) -> dict[str, Any]:
    """What the preview shows: the dry run's counts, summary, warnings and rejected rows."""
    report = job.report or {}
    counts = report.get("counts", {})
    rejected = job.rejected
    return {
        "preview_job": job,
        "preview": job.preview,
        "preview_rows": report.get("rows", 0),
        "preview_importable": report.get("rows", 0) - len(rejected),
        "preview_new": counts.get("incidents to create", 0),
        "preview_changed": counts.get("incidents to update", 0),
        "preview_unchanged": counts.get("incidents unchanged", 0),
        "preview_warnings": warnings(job.preview),
        "rejected": rejected[:REJECTED_SHOWN],
        "rejected_more": max(len(rejected) - REJECTED_SHOWN, 0),
    }


def job_context(job: ImportJob) -> dict[str, Any]:
    done, total = live_progress(job)
    rejected = job.rejected
    return {
        "job": job,
        "mission": job.mission,
        "done": done,
        "total": total,
        "percent": min(100, round(done * 100 / total)) if total else (100 if job.finished else 0),
        "rejected": rejected[:REJECTED_SHOWN],
        "rejected_more": max(len(rejected) - REJECTED_SHOWN, 0),
        "counts": sorted((job.report or {}).get("counts", {}).items()),
        "can_undo": job.undoable,
    }


class ImportJobView(LoginRequiredMixin, View):
    """The job page; ``?partial=1`` (or an HTMX request) answers the progress fragment, which
    polls itself until the job ends; ``?format=json`` the status as JSON."""

    def get(self, request: HttpRequest, code: str, pk: int) -> HttpResponse:
        mission = importing_mission(request, code)
        fail_vanished_jobs(mission=mission, pk=pk)  # its worker may have been killed
        job = get_object_or_404(
            ImportJob.objects.select_related("mission", "user"), pk=pk, mission=mission
        )
        if job.status == JobStatus.PREVIEW:  # not confirmed yet: its place is the import page
            return redirect("mission-incident-import", code=mission.code)
        context = job_context(job)
        context["may_delete"] = may_undo(request.user, job)
        if request.GET.get("format") == "json":
            return JsonResponse(
                {
                    "id": job.pk,
                    "status": job.status,
                    "rows_done": context["done"],
                    "rows_total": context["total"],
                    "error": job.error,
                    "report": job.report if job.finished else None,
                    "undone_at": job.undone_at.isoformat() if job.undone_at else None,
                }
            )
        partial = request.GET.get("partial") or request.headers.get("HX-Request") == "true"
        name = "includes/import_job" if partial else "import_job"
        return render(request, f"interop/{name}.html", context)

    def post(self, request: HttpRequest, code: str, pk: int) -> HttpResponse:
        """ "Undo this import": its created incidents removed as one audited batch."""
        mission = importing_mission(request, code)
        job = get_object_or_404(
            ImportJob.objects.select_related("mission", "user"), pk=pk, mission=mission
        )
        try:
            result = do_undo_import(job, acting_user=request.user)
        except ActionError as exc:
            context = {**job_context(job), "undo_error": exc.message}
            context["may_delete"] = may_undo(request.user, job)
            return render(request, "interop/import_job.html", context, status=exc.status)
        messages.success(request, undo_summary(result))
        return redirect("mission-incident-import-job", code=mission.code, pk=job.pk)


def may_undo(user: Any, job: ImportJob) -> bool:
    """Offer "undo" to whoever ``do_undo_import`` allows: the uploader who may still add
    records in the mission, or a role that deletes them."""
    action = Action.ADD if job.user_id == getattr(user, "pk", None) else Action.DELETE
    return user_can(user, action, job.mission_id)
