"""The incident import page's upload form (Capstone §7.2)."""

from __future__ import annotations

from pathlib import PurePath
from typing import Any

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from bluehelmet.interop.models import ImportKind

ALLOWED_EXTENSIONS = (".csv", ".txt")


def upload_limit() -> int:
    return int(getattr(settings, "IMPORT_UPLOAD_MAX_BYTES", 200 * 1024 * 1024))


class ImportForm(forms.Form):
    """A GED, ACLED or HXL file for the mission; checked here for type and size only (the
    importer reports bad rows with their line)."""

    kind = forms.ChoiceField(label=_("Format"), choices=ImportKind.choices)
    file = forms.FileField(label=_("File"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _("UTF-8 CSV (.csv), at most %(size)s.") % {
            "size": filesizeformat(upload_limit())
        }

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        limit = upload_limit()
        if PurePath(upload.name).suffix.lower() not in ALLOWED_EXTENSIONS:
            raise forms.ValidationError(
                _("%(name)s is not a CSV file: upload a .csv export.") % {"name": upload.name}
            )
        if upload.size > limit:
            raise forms.ValidationError(
                _("The file is %(size)s; the limit is %(limit)s.")
                % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)}
            )
        head = next(upload.chunks(8192), b"")
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as exc:
            if exc.start < len(head) - 4:  # not merely a character cut at the chunk's end
                raise forms.ValidationError(
                    _("The file is not UTF-8 text: export it as a UTF-8 CSV.")
                ) from exc
        if b"\x00" in head:  # the rest of a large file is checked by the importer, by line
            line = head[: head.index(b"\x00")].count(b"\n") + 1
            raise forms.ValidationError(
                _("The file is not text: line %(line)s holds a NUL byte. Upload a CSV export.")
                % {"line": line}
            )
        upload.seek(0)
        return upload
