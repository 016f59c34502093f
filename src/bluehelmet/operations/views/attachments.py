"""Photos and documents attached to incidents (issue 13).

Upload needs the right to change the incident; download looks the incident up through
``restrict(user)`` and the attachment through ``restrict(user)`` too, so an incident or file
out of the user's reach answers 404 like a missing one. Every download is audited.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db import transaction
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views import View

from bluehelmet.core.audit import log_action
from bluehelmet.core.permissions import Action
from bluehelmet.operations.forms import IncidentAttachmentForm
from bluehelmet.operations.models import Incident, IncidentAttachment
from bluehelmet.operations.models.attachments import ALLOWED_TYPES, attachment_root, extension


def store(upload: Any, stored_as: str) -> None:
    """Write the uploaded file under DATA_DIR/attachments (readable by its owner only)."""
    root = attachment_root()
    root.mkdir(parents=True, exist_ok=True, mode=0o700)
    with (root / stored_as).open("xb") as out:
        for chunk in upload.chunks():
            out.write(chunk)


def save_attachment(incident: Incident, form: IncidentAttachmentForm, user: Any) -> Any:
    """Store the file of a valid form and record it (the audit log records the upload)."""
    upload = form.cleaned_data["file"]
    attachment = IncidentAttachment(
        mission_id=incident.mission_id,
        incident=incident,
        name=upload.name[-200:],
        stored_as=IncidentAttachment.new_stored_name(upload.name),
        size=upload.size,
        content_type=ALLOWED_TYPES[extension(upload.name)],
        uploaded_by=user,
        sensitivity=form.cleaned_data["sensitivity"],
    )
    attachment.full_clean()
    store(upload, attachment.stored_as)
    try:
        with transaction.atomic():
            attachment.save()
    except BaseException:
        attachment.path.unlink(missing_ok=True)
        raise
    return attachment


class IncidentAttachmentDownloadView(LoginRequiredMixin, View):
    """GET the file of an attachment whose incident (and itself) the user may see."""

    def get(self, request: HttpRequest, pk: int, attachment: int) -> FileResponse:
        incident = get_object_or_404(Incident.objects.restrict(request.user), pk=pk)
        item = get_object_or_404(
            IncidentAttachment.objects.restrict(request.user).filter(incident=incident),
            pk=attachment,
        )
        try:
            handle = item.path.open("rb")
        except OSError as exc:
            raise Http404(_("The file is missing from the store.")) from exc
        log_action(
            "download",
            item,
            acting_user=request.user,
            before=None,
            after=None,
            note=f"Downloaded {item.name} of incident {incident.pk}",
        )
        response = FileResponse(
            handle,
            as_attachment=True,
            filename=item.name,
            content_type=item.content_type,
        )
        response["X-Content-Type-Options"] = "nosniff"
        return response


class IncidentAttachmentDeleteView(LoginRequiredMixin, View):
    """POST: remove an attachment of an incident the user may change (audited as a delete)."""

    http_method_names = ["post"]

    def post(self, request: HttpRequest, pk: int, attachment: int) -> HttpResponse:
        incident = get_object_or_404(Incident.objects.restrict(request.user, Action.CHANGE), pk=pk)
        item = get_object_or_404(
            IncidentAttachment.objects.restrict(request.user, Action.CHANGE).filter(
                incident=incident
            ),
            pk=attachment,
        )
        item.delete()
        messages.success(request, _("%(name)s removed.") % {"name": item.name})
        return redirect("incident-detail", pk=incident.pk)
