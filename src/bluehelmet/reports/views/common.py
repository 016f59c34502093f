"""What the report pages share (Capstone §4.3, §9.1): a version as a page, a PDF or a DOCX."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse

from bluehelmet.reports import outputs

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def download(version: Any, fmt: str, stem: str) -> HttpResponse:
    """The version as ``fmt`` (``pdf`` or ``docx``), named ``<stem>-v<n>.<fmt>``; 503 with the
    reason when the server cannot produce it (no Chromium)."""
    try:
        if fmt == "pdf":
            data, kind = outputs.as_pdf(version.content, version), "application/pdf"
        else:
            data, kind = outputs.as_docx(version.content, version), DOCX_TYPE
    except outputs.OutputUnavailable as exc:
        return HttpResponse(str(exc), status=503, content_type="text/plain; charset=utf-8")
    response = HttpResponse(data, content_type=kind)
    response["Content-Disposition"] = f'attachment; filename="{stem}-v{version.number}.{fmt}"'
    return response
