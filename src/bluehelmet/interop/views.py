"""The incident import page (Capstone §7.2): upload a UCDP GED, ACLED or HXL file for the
mission, follow the background import's progress, read its report (rejected rows with lines).

Only users who may add records to the mission see the page; a job is shown only under its
mission's URL, to users who may see that mission.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.views import View

from bluehelmet.core.models import Mission
from bluehelmet.core.permissions import Action, user_can
from bluehelmet.core.views.current import set_current_mission
from bluehelmet.core.views.missions import get_mission
from bluehelmet.interop.forms import ImportForm, upload_limit
from bluehelmet.interop.importers.acled import REQUIRED as ACLED_COLUMNS
from bluehelmet.interop.importers.ged import REQUIRED as GED_COLUMNS
from bluehelmet.interop.models import ImportJob, ImportKind
from bluehelmet.interop.tasks import fail_vanished_jobs, live_progress, start_import

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
        )
        start_import(job, upload)
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
    ) -> HttpResponse:
        fail_vanished_jobs(mission=mission)
        jobs = ImportJob.objects.filter(mission=mission).select_related("user")[:RECENT_JOBS]
        context = {
            "mission": mission,
            "title": _("Import incidents · %(code)s") % {"code": mission.code},
            "form": form,
            "jobs": jobs,
            "error": error,
        }
        return render(request, "interop/import.html", context, status=status)


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
        context = job_context(job)
        if request.GET.get("format") == "json":
            return JsonResponse(
                {
                    "id": job.pk,
                    "status": job.status,
                    "rows_done": context["done"],
                    "rows_total": context["total"],
                    "error": job.error,
                    "report": job.report if job.finished else None,
                }
            )
        partial = request.GET.get("partial") or request.headers.get("HX-Request") == "true"
        name = "includes/import_job" if partial else "import_job"
        return render(request, f"interop/{name}.html", context)
