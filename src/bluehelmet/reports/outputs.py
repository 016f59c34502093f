"""A report version as a printable page, a PDF and a DOCX (Capstone §4.3 report conventions:
numbered paragraphs, sections with roman numerals, observations, an annex with a map).

The PDF is Chromium's own print-to-PDF of the printable page (``BLUEHELMET_CHROMIUM``, default
the ``chromium`` on the path), run as a subprocess; the DOCX is written with python-docx, its map
a PNG that the same Chromium draws from the SVG. Without Chromium the PDF is refused with a
clear message and the DOCX says where the map is.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
)
TIMEOUT_SECONDS = 90


class OutputUnavailable(Exception):
    """The output cannot be produced on this server (no Chromium)."""


def chromium_path() -> str | None:
    configured = os.environ.get("BLUEHELMET_CHROMIUM", "")
    if configured:
        return configured if Path(configured).exists() else None
    return shutil.which("chromium") or shutil.which("chromium-browser")


def printable_html(content: dict[str, Any], version: Any) -> str:
    with translation.override(content.get("language") or translation.get_language()):
        return render_to_string(
            "reports/report_print.html", {"content": content, "version": version}
        )


def _chromium(args: list[str], workdir: Path) -> None:
    binary = chromium_path()
    if binary is None:
        raise OutputUnavailable(_("Chromium is not installed on this server."))
    command = [binary, *CHROMIUM_FLAGS, f"--user-data-dir={workdir / 'profile'}", *args]
    try:
        subprocess.run(  # noqa: S603
            command, check=True, capture_output=True, timeout=TIMEOUT_SECONDS, cwd=workdir
        )
    except (subprocess.SubprocessError, OSError) as exc:
        raise OutputUnavailable(_("Chromium could not print the report.")) from exc


def as_pdf(content: dict[str, Any], version: Any) -> bytes:
    with tempfile.TemporaryDirectory(prefix="bluehelmet-report-") as tmp:
        workdir = Path(tmp)
        page = workdir / "report.html"
        page.write_text(printable_html(content, version), encoding="utf-8")
        target = workdir / "report.pdf"
        _chromium(["--no-pdf-header-footer", f"--print-to-pdf={target}", page.as_uri()], workdir)
        return target.read_bytes()


def map_png(svg: str) -> bytes | None:
    """The annex map as PNG for the DOCX, or None without Chromium."""
    if not svg:
        return None
    with tempfile.TemporaryDirectory(prefix="bluehelmet-map-") as tmp:
        workdir = Path(tmp)
        page = workdir / "map.html"
        page.write_text(
            f"<html><body style='margin:0;background:#fff'>{svg}</body></html>", encoding="utf-8"
        )
        target = workdir / "map.png"
        try:
            _chromium(["--window-size=600,420", f"--screenshot={target}", page.as_uri()], workdir)
        except OutputUnavailable:
            return None
        return target.read_bytes() if target.exists() else None


def add_table(document: Any, table: dict[str, Any]) -> None:
    """A section's table (periodic report figures) as a Word table under its caption."""
    if not table.get("rows"):
        return
    document.add_paragraph(str(table.get("caption", "")), style="Caption")
    grid = document.add_table(rows=1, cols=len(table["header"]), style="Table Grid")
    for cell, text in zip(grid.rows[0].cells, table["header"], strict=False):
        cell.text = str(text)
    for row in table["rows"]:
        cells = grid.add_row().cells
        for cell, value in zip(cells, row, strict=False):
            cell.text = str(value)


def as_docx(content: dict[str, Any], version: Any) -> bytes:
    """The version as Word, in the language it was assembled in (its headings and notes)."""
    with translation.override(content.get("language") or translation.get_language()):
        return _docx(content, version)


def _docx(content: dict[str, Any], version: Any) -> bytes:
    from docx import Document
    from docx.shared import Cm

    document = Document()
    if content.get("symbol"):
        document.add_paragraph(content["symbol"])
    document.add_heading(content["title"], level=0)
    document.add_paragraph(
        _("Draft version %(n)d, %(d)s") % {"n": version.number, "d": content["date"]}
    )
    for section in content["sections"]:
        document.add_heading(f"{section['numeral']}. {section['heading']}", level=1)
        for para in section["paragraphs"]:
            document.add_paragraph(f"{para['number']}.\t{para['text']}")
        for table in section.get("tables") or []:
            add_table(document, table)
    annex = content.get("annex") or {}
    document.add_page_break()
    document.add_heading(_("Annex"), level=1)
    document.add_heading(annex.get("heading", ""), level=2)
    png = map_png(annex.get("svg", ""))
    if png:
        document.add_picture(io.BytesIO(png), width=Cm(15))
    else:
        document.add_paragraph(_("The map is in the PDF and on the report's page."))
    if annex.get("sites"):  # the deployment report's annex names the sites visited
        document.add_paragraph(_("Sites visited: %(s)s.") % {"s": ", ".join(annex["sites"])})
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
