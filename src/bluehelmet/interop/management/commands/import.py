"""``bluehelmet import <kind> FILE``: load a dataset through the same importers users use.

Exit status: 0 all rows imported (or already there), 1 the file was refused and nothing was
written, 3 some rows were rejected (each listed with its line) and the rest imported; with
``--strict`` any rejected row aborts the whole import.

Event datasets (ucdp-ged, acled, hxl) load into one mission: ``--mission CODE``, and
``--create`` to make that mission (host country from the file) when it does not exist yet.
``--dry-run`` reads them through and prints what the import would do (rows, dates, countries,
categories, new and known incidents, rows outside the mission's country or area) writing
nothing: exit 0, or 3 if some rows would be rejected. A real one is kept as an import job,
which ``bluehelmet import undo JOB_ID --as USER`` undoes (its created incidents removed).
"""

from __future__ import annotations

import inspect
import json
import sys
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.utils import timezone

from bluehelmet.core.context import acting_as
from bluehelmet.core.errors import ActionError
from bluehelmet.core.models import Mission
from bluehelmet.core.types import recorded
from bluehelmet.interop.actions import do_undo_import, undo_summary
from bluehelmet.interop.importers.base import ImportFailed, ImportReport, mission_code
from bluehelmet.interop.importers.incidents import RowsRefused
from bluehelmet.interop.importers.preview import warnings
from bluehelmet.interop.importers.registry import IMPORTERS
from bluehelmet.interop.models import ImportJob, JobStatus


class StrictAbort(Exception):
    def __init__(self, report: ImportReport) -> None:
        self.report = report


class Command(BaseCommand):
    help = "Import a dataset: " + "; ".join(f"{k}: {v[1]}" for k, v in IMPORTERS.items())
    # Data work needs no system checks (they import every URLconf and view): start at once.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("kind", choices=[*sorted(IMPORTERS), "undo"])
        parser.add_argument("file", type=Path, help="the file (for undo: the import job's id)")
        parser.add_argument("--as", dest="username", help="user the audit log names")
        parser.add_argument(
            "--no-create", action="store_true", help="reject rows of missions that do not exist yet"
        )
        parser.add_argument(
            "--strict", action="store_true", help="abort and write nothing if any row is rejected"
        )
        parser.add_argument("--json", action="store_true", help="print the report as JSON")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="read the file and say what would be imported, writing nothing (ucdp-ged, "
            "acled, hxl)",
        )
        parser.add_argument(
            "--mission", help="mission the events belong to (ucdp-ged, acled, hxl)", default=None
        )
        parser.add_argument(
            "--create",
            action="store_true",
            help="with --mission: create the mission when it does not exist yet",
        )
        parser.add_argument(
            "--country", help="ISO3 of the country the areas belong to (admin-areas)", default=None
        )

    def handle(self, *args: Any, **opts: Any) -> None:
        if opts["kind"] == "undo":
            self._undo(str(opts["file"]), self._user(opts["username"]))
            return
        path: Path = opts["file"]
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        user = self._user(opts["username"])
        importer = IMPORTERS[opts["kind"]][0]
        if opts["mission"] and not _takes_mission(importer):
            raise CommandError(
                f"{opts['kind']} files name their missions; --mission does not apply."
            )
        if opts["country"] and not _takes(importer, "country"):
            raise CommandError(f"--country does not apply to {opts['kind']} files.")
        if opts["dry_run"] and not _takes(importer, "dry_run"):
            raise CommandError(f"--dry-run does not apply to {opts['kind']} files.")
        try:
            report = self._run(importer, path, user, opts)
        except ImportFailed as exc:
            raise CommandError(f"{exc} Nothing was imported.") from exc
        except StrictAbort as abort:
            self._print(abort.report, opts["json"])
            raise CommandError(
                f"{len(abort.report.rejected)} row(s) rejected; --strict: nothing was imported."
            ) from None
        self._print(report, opts["json"])
        if report.rejected:
            sys.exit(3)

    def _run(self, importer: Any, path: Path, user: Any, opts: dict[str, Any]) -> ImportReport:
        show = not opts["json"] and sys.stderr.isatty()
        kwargs: dict[str, Any] = {"create_missions": not opts["no_create"]}
        if _takes_mission(importer):
            kwargs = {"mission_code": opts["mission"], "create_missions": opts["create"]}
        if _takes(importer, "country"):
            kwargs = {"country": opts["country"]}
        if opts["dry_run"]:
            kwargs["dry_run"] = True
        if _takes(importer, "strict"):
            return self._run_incidents(importer, path, user, opts, kwargs, show)
        with acting_as(user), transaction.atomic():
            report = importer(path, acting_user=user, show_progress=show, **kwargs)
            if opts["strict"] and report.rejected:
                transaction.set_rollback(True)
                raise StrictAbort(report)
        return report

    def _run_incidents(
        self,
        importer: Any,
        path: Path,
        user: Any,
        opts: dict[str, Any],
        kwargs: dict[str, Any],
        show: bool,
    ) -> ImportReport:
        """Incident imports keep themselves all-or-nothing in short transactions (so that a
        long one does not hold SQLite's write lock): no transaction around them here."""
        with acting_as(user):
            try:
                report = importer(
                    path, acting_user=user, show_progress=show, strict=opts["strict"], **kwargs
                )
            except RowsRefused as refused:
                raise StrictAbort(refused.report) from None
            if not opts["dry_run"]:
                with transaction.atomic():
                    self._record_job(opts["kind"], path, user, opts["mission"], report)
        return report

    def _record_job(
        self, kind: str, path: Path, user: Any, code: str | None, report: ImportReport
    ) -> None:
        """Keep a CLI import as an import job, as the page does, so that it can be undone."""
        mission = Mission.objects.filter(code=mission_code(code or "")).first()
        if mission is None or not (report.created_ids or report.updated_ids):
            return
        job = ImportJob.objects.create(
            mission=mission,
            user=recorded(user),
            kind=kind,
            file_name=path.name[:255],
            status=JobStatus.DONE,
            rows_done=report.rows,
            rows_total=report.rows,
            report=report.as_dict(),
            created_ids=report.created_ids,
            updated_ids=report.updated_ids,
            finished_at=timezone.now(),
        )
        self.stdout.write(f"  import job: {job.pk} (undo: bluehelmet import undo {job.pk})")

    def _undo(self, raw_id: str, user: Any) -> None:
        if not raw_id.isdigit():
            raise CommandError(f"Name the import job by its number, not {raw_id!r}.")
        job = ImportJob.objects.select_related("mission").filter(pk=int(raw_id)).first()
        if job is None:
            raise CommandError(f"No import job {raw_id}.")
        try:
            with acting_as(user):
                result = do_undo_import(job, acting_user=user)
        except ActionError as exc:
            raise CommandError(exc.message) from exc
        self.stdout.write(f"Import {job.pk} ({job.file_name}) undone: {undo_summary(result)}")

    def _user(self, username: str | None) -> Any:
        if not username:
            return None
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"Unknown user {username}.")
        return user

    def _print(self, report: ImportReport, as_json: bool) -> None:
        if as_json:
            self.stdout.write(json.dumps(report.as_dict(), indent=2))
            return
        dry = " (dry run: nothing written)" if report.preview is not None else ""
        self.stdout.write(f"{report.source}: {report.rows} rows read{dry}")
        for key, value in sorted(report.counts.items()):
            self.stdout.write(f"  {key}: {value}")
        if report.preview is not None:
            self._print_preview(report.preview)
        for err in report.rejected[:200]:
            self.stderr.write(f"  line {err.line}: {err.reason}")
        if len(report.rejected) > 200:
            self.stderr.write(f"  ... and {len(report.rejected) - 200} more rejected rows")

    def _print_preview(self, preview: dict[str, Any]) -> None:
        self.stdout.write(f"  dates: {preview.get('first') or '-'} to {preview.get('last') or '-'}")
        countries = ", ".join(f"{c['country']} ({c['rows']})" for c in preview["countries"])
        self.stdout.write(f"  countries: {countries or '-'}")
        self.stdout.write("  categories:")
        for c in preview["categories"]:
            self.stdout.write(f"    {c['category']}: {c['rows']}")
        for warning in warnings(preview):
            self.stderr.write(f"  warning: {warning}")


def _takes_mission(importer: Any) -> bool:
    return "mission_code" in inspect.signature(importer).parameters


def _takes(importer: Any, name: str) -> bool:
    return name in inspect.signature(importer).parameters
