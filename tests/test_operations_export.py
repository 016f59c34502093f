"""Incident exports: CSV, GeoJSON, HXL read back through libhxl, and the humanitarian-partner
variant without confidential records or operationally sensitive fields (Capstone §7.2)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import hxl
import pytest
from django.core.management import CommandError, call_command
from rest_framework.test import APIClient
from tests.operations_support import at, incident

from bluehelmet.core.models import AuditAction, AuditEntry
from bluehelmet.core.permissions import Sensitivity
from bluehelmet.interop.importers.hxl import import_hxl
from bluehelmet.operations.export import COLUMNS, write
from bluehelmet.operations.models import Incident, IncidentSource

SENSITIVE = {c.name for c in COLUMNS if c.sensitive}


@pytest.fixture
def incidents(mission):
    informant = IncidentSource.objects.create(
        mission=mission,
        name="Informant K",
        kind="military",
        reliability="C",
        sensitivity=Sensitivity.CONFIDENTIAL,
    )
    return [
        incident(
            mission,
            title="Clash at Bossangoa",
            killed=4,
            injured=2,
            occurred_at=at(2025, 1, 3),
            actor1="FACA",
            actor2="CPC",
            description='Patrol reported heavy fire, "quoted"',
        ),
        incident(
            mission,
            "attack-civilians",
            title="Village attacked",
            civilians_killed=3,
            killed=3,
            occurred_at=at(2025, 1, 4),
            source=informant,
            latitude=None,
            longitude=None,
            location_name="Unknown village",
        ),
        incident(
            mission,
            "abduction",
            title="Confidential abduction",
            abducted=2,
            sensitivity=Sensitivity.CONFIDENTIAL,
            occurred_at=at(2025, 1, 5),
        ),
        incident(
            mission,
            "sexual-violence",
            title="Strictly confidential case",
            sensitivity=Sensitivity.STRICTLY_CONFIDENTIAL,
            occurred_at=at(2025, 1, 6),
        ),
    ]


def export_text(kind: str, humanitarian: bool = False, user=None) -> str:
    return "".join(write(kind, Incident.objects.all(), humanitarian=humanitarian, user=user))


def read_hxl(text: str, tmp_path: Path) -> list[dict[str, str]]:
    path = tmp_path / "export.hxl.csv"
    path.write_text(text, encoding="utf-8")
    source = hxl.data(str(path), hxl.InputOptions(allow_local=True))
    tags = [c.display_tag for c in source.columns]
    return [dict(zip(tags, row.values, strict=True)) for row in source]


def test_hxl_export_reads_back_through_libhxl_with_the_same_rows(incidents, tmp_path):
    rows = read_hxl(export_text("hxl"), tmp_path)
    assert len(rows) == 4
    first = rows[0]
    assert first["#event+code"] == f"MINUSTEST-{incidents[0].pk}"
    assert first["#date+occurred"] == "2025-01-03T12:00:00Z"
    assert first["#event+type"] == "Battles" and first["#event+type+sub"] == "Armed clash"
    assert first["#group+name+first"] == "FACA" and first["#group+name+second"] == "CPC"
    assert (first["#affected+killed"], first["#affected+injured"]) == ("4", "2")
    assert first["#description"] == 'Patrol reported heavy fire, "quoted"'
    assert float(first["#geo+lat"]) == 4.4 and rows[1]["#geo+lat"] == ""
    expected = [(i.title, i.killed, i.category.code) for i in incidents]
    assert [
        (r["#event+name"], int(r["#affected+killed"]), r["#event+type+code"]) for r in rows
    ] == (expected)


def test_hxl_export_imports_into_another_mission_unchanged(incidents, other_mission, tmp_path):
    path = tmp_path / "export.hxl.csv"
    path.write_text(export_text("hxl"), encoding="utf-8")
    report = import_hxl(path, mission_code="UNOTHER")
    assert report.counts["incidents created"] == 4 and not report.rejected
    fields = ("title", "killed", "civilians_killed", "occurred_at", "latitude", "category_id")
    originals = sorted(Incident.objects.filter(mission__code="MINUSTEST").values_list(*fields))
    copies = sorted(Incident.objects.filter(mission=other_mission).values_list(*fields))
    assert copies == originals
    assert not import_hxl(path, mission_code="UNOTHER").changed


def test_humanitarian_export_holds_no_confidential_record_or_sensitive_field(incidents, tmp_path):
    for kind in ("csv", "hxl", "geojson"):
        text = export_text(kind, humanitarian=True)
        assert "Confidential abduction" not in text and "Strictly confidential" not in text
        assert "Informant K" not in text, kind
    rows = read_hxl(export_text("hxl", humanitarian=True), tmp_path)
    assert [r["#event+name"] for r in rows] == ["Clash at Bossangoa", "Village attacked"]
    assert not {"#meta+source", "#meta+reliability", "#meta+credibility", "#org+unit"} & set(
        rows[0]
    )
    header = next(csv.reader(io.StringIO(export_text("csv", humanitarian=True))))
    assert not SENSITIVE & set(header) and "killed" in header
    full_header = next(csv.reader(io.StringIO(export_text("csv"))))
    assert set(full_header) >= SENSITIVE


def test_geojson_export_is_a_feature_collection(incidents):
    body = json.loads(export_text("geojson"))
    assert body["type"] == "FeatureCollection" and len(body["features"]) == 4
    located, unlocated = body["features"][0], body["features"][1]
    assert located["geometry"] == {"type": "Point", "coordinates": [18.6, 4.4]}
    assert unlocated["geometry"] is None
    assert located["properties"]["killed"] == 4


def test_exporting_strictly_confidential_records_is_logged(incidents, superuser):
    before = AuditEntry.objects.filter(action=AuditAction.READ).count()
    export_text("csv", user=superuser)
    assert AuditEntry.objects.filter(action=AuditAction.READ).count() == before + 1


def test_source_name_is_withheld_from_users_not_cleared_for_the_source(
    incidents, mission, make_user
):
    staff = make_user("component-staff", mission)
    text = "".join(write("csv", Incident.objects.restrict(staff), user=staff))
    assert "Village attacked" in text and "Informant K" not in text
    assert "Informant K" in export_text("csv", user=make_user("joc-officer", mission))


def test_export_api_streams_files(incidents, mission, make_user):
    client = APIClient()
    client.force_authenticate(make_user("joc-officer", mission))
    response = client.get("/api/incidents/export/?as=hxl&humanitarian=true&since=2025-01-04")
    assert response.status_code == 200
    assert 'filename="incidents-humanitarian.hxl.csv"' in response["Content-Disposition"]
    text = response.getvalue().decode()
    assert "#event+code" in text and "Village attacked" in text and "Bossangoa" not in text
    assert client.get("/api/incidents/export/?as=xlsx").status_code == 400
    geo = client.get("/api/incidents/export/?as=geojson&category=abduction")
    assert [f["properties"]["title"] for f in json.loads(geo.getvalue())["features"]] == [
        "Confidential abduction"
    ]


def test_export_command(incidents, tmp_path):
    out = io.StringIO()
    call_command("export", "incidents", "--mission", "minustest", "--format", "csv", stdout=out)
    assert len(list(csv.DictReader(io.StringIO(out.getvalue())))) == 4
    target = tmp_path / "partners.hxl.csv"
    call_command(
        "export",
        "incidents",
        "--mission",
        "MINUSTEST",
        "--format",
        "hxl",
        "--humanitarian",
        "--since",
        "2025-01-01",
        "--until",
        "2025-01-03",
        "-o",
        str(target),
        stderr=io.StringIO(),
    )
    assert [r["#event+name"] for r in read_hxl(target.read_text(), tmp_path)] == [
        "Clash at Bossangoa"
    ]
    with pytest.raises(CommandError, match="--since: Not a date"):
        call_command("export", "incidents", "--mission", "MINUSTEST", "--since", "soon")
    with pytest.raises(CommandError, match="Unknown mission"):
        call_command("export", "incidents", "--mission", "NOPE")


@pytest.fixture
def map_picture(incidents, mission, other_mission):
    """The export incidents plus links and units: a duplicate of a strictly confidential
    report, one of an open report, a reporting unit, a dataset id, another mission's report."""
    hq = mission.orgunit_set.first()
    secret = incidents[3]
    open_one = incidents[0]
    return [
        *incidents,
        incident(mission, title="Copy of a secret", duplicate_of=secret, org_unit=hq),
        incident(
            mission,
            title="Copy of an open report",
            duplicate_of=open_one,
            source_dataset="ged",
            external_id="GED-42",
            source_reference="wire 7",
            reliability="B",
        ),
        incident(other_mission, title="Elsewhere", occurred_at=at(2025, 2, 1)),
    ]


@pytest.mark.parametrize(
    "who",
    [
        "system",
        "superuser",
        "hq-admin",
        "head-of-mission",
        "joc-officer",
        "component-staff",
        "partner-liaison",
        "partner-here-officer-there",
    ],
)
def test_map_features_from_values_equal_the_model_features(
    map_picture, mission, other_mission, make_user, superuser, who
):
    """The map API's values path gives exactly what ``features`` gives from model objects,
    partner-safe columns, withheld source names and duplicate links included."""
    from bluehelmet.operations.export import features, map_features

    if who == "system":
        user = None
    elif who == "superuser":
        user = superuser
    elif who == "partner-here-officer-there":
        user = make_user("partner-liaison", mission)
        make_user("joc-officer", other_mission)  # another user; then give this one a second role
        from bluehelmet.core.models import Membership, Role

        Membership.objects.create(
            user=user, role=Role.objects.get(code="joc-officer"), mission=other_mission
        )
    elif who == "hq-admin":
        user = make_user("hq-admin")
    else:
        user = make_user(who, mission)
    queryset = Incident.objects.restrict(user) if user is not None else Incident.objects.all()
    queryset = queryset.order_by("-occurred_at", "-id")
    expected = features(
        list(
            queryset.select_related(
                "mission", "category", "source", "org_unit", "duplicate_of__mission"
            )
        ),
        user,
    )
    reads = AuditEntry.objects.filter(action=AuditAction.READ).count()
    got, truncated = map_features(queryset, user, 100)
    assert not truncated and got == expected
    assert json.loads(json.dumps(got)) == expected  # and the key order is the same
    assert [list(f["properties"]) for f in got] == [list(f["properties"]) for f in expected]
    assert AuditEntry.objects.filter(action=AuditAction.READ).count() - reads == reads
    if len(got) > 1:
        first, more = map_features(queryset, user, 1)
        assert more and first == expected[:1]
