"""Offline maps with context (issue 13): the country files cut from Natural Earth (public
domain) by ``bluehelmet geodata build``, and ``bluehelmet import admin-areas`` on the real
Natural Earth admin-1 file (Central African Republic) and geoBoundaries file (Sudan, CC BY 4.0)
in ../shared/data/geo (SOURCES.md)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from tests.conftest import skip_or_fail

from bluehelmet.core.models import AdminArea, AuditEntry, Mission
from bluehelmet.interop import geodata

GEO = Path(__file__).resolve().parents[2] / "shared" / "data" / "geo"
NE_ADMIN1 = GEO / "naturalearth_10m_admin_1_states_provinces_mission_hosts.geojson"
GB_SUDAN = GEO / "geoboundaries_sudan_admin1.geojson"
SHIPPED = Path(settings.BASE_DIR) / "static" / "geo"


@pytest.fixture(scope="module")
def layers() -> dict[str, Any]:
    if not NE_ADMIN1.exists():
        skip_or_fail(f"{GEO} is missing")
    return geodata.load_layers(GEO)


def of_layer(collection: dict[str, Any], layer: str) -> list[dict[str, Any]]:
    return [f for f in collection["features"] if f["properties"]["layer"] == layer]


# -- the derivation ---------------------------------------------------------------------------


def test_build_cuts_the_central_african_republic_with_its_neighbours(
    layers: dict[str, Any], tmp_path: Path
) -> None:
    call_command("geodata", "build", "--country", "CAF", "--source", str(GEO), "--output", tmp_path)
    data = json.loads((tmp_path / "CAF.json").read_text(encoding="utf-8"))
    assert data["country"] == "CAF" and "public domain" in data["licence"]
    assert (tmp_path / "CAF.json").stat().st_size < 200_000

    areas = of_layer(data, "admin1")
    assert len(areas) == 17
    bangui = next(a for a in areas if a["properties"]["name"] == "Bangui")
    assert bangui["properties"]["code"] == "CF-BGF"
    lon, lat = bangui["properties"]["label"]
    assert 18.4 < lon < 18.7 and 4.2 < lat < 4.5

    places = {p["properties"]["name"]: p for p in of_layer(data, "place")}
    assert places["Bangui"]["properties"]["capital"] == "national"
    assert places["Bangui"]["properties"]["country"] == "CAF"
    assert any(p["properties"]["country"] != "CAF" for p in places.values())  # across borders

    neighbours = {f["properties"]["country"] for f in of_layer(data, "neighbour")}
    assert {"TCD", "SSD", "COD", "CMR", "COG"} <= neighbours  # Chad, South Sudan, both Congos
    assert "CAF" not in neighbours
    own = [b for b in of_layer(data, "border") if b["properties"]["own"]]
    assert {c for b in own for c in b["properties"]["countries"]} >= {"CAF", "TCD", "SSD"}
    assert of_layer(data, "river") and any(
        r["properties"].get("name") == "Ubangi" for r in of_layer(data, "river")
    )
    # everything lies in the padded box, positions rounded to 3 decimals
    west, south, east, north = data["bbox"]
    for f in of_layer(data, "river") + of_layer(data, "border"):
        for p in geodata.positions(f["geometry"]):
            assert round(p[0], 3) == p[0]
            assert west - 1 < p[0] < east + 1 and south - 1 < p[1] < north + 1


def test_the_shipped_files_are_what_the_command_builds(
    layers: dict[str, Any], tmp_path: Path
) -> None:
    shipped = sorted(p.stem for p in SHIPPED.glob("*.json") if p.stem != "world")
    assert shipped == sorted(geodata.MISSION_HOSTS)
    assert sum(p.stat().st_size for p in SHIPPED.glob("*.json")) < 3 * 1024 * 1024
    assert "public domain" in (SHIPPED / "README.md").read_text(encoding="utf-8")
    for country in ("CAF", "SSD", "CYP"):
        built = geodata.dump(geodata.build_country(layers, country))
        assert built == (SHIPPED / f"{country}.json").read_text(encoding="utf-8"), country


def test_the_world_map_and_french_names_are_built_too(layers: dict[str, Any]) -> None:
    world = geodata.build_world(layers)
    assert geodata.dump(world) == (SHIPPED / "world.json").read_text(encoding="utf-8")
    by_code = {f["properties"]["code"]: f["properties"] for f in world["features"]}
    assert by_code["CAF"]["name"] == "Central African Republic"
    assert by_code["CAF"]["name_fr"] == "République centrafricaine"
    assert by_code["CYP"]["name_fr"] == "Chypre"
    caf = geodata.build_country(layers, "CAF")
    assert caf["names_fr"]["COD"] == "République démocratique du Congo"
    assert caf["names_fr"]["TCD"] == "Tchad"


def test_build_refuses_what_it_cannot_cut(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="no areas of XBN"):
        call_command(
            "geodata", "build", "--country", "XBN", "--source", str(GEO), "--output", tmp_path
        )
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("geodata", "build", "--country", "CAF", "--source", str(tmp_path))
    with pytest.raises(CommandError, match="Name a country"):
        call_command("geodata", "build")
    assert list(tmp_path.iterdir()) == []


def test_simplify_keeps_ends_and_drops_what_is_within_tolerance() -> None:
    line = [[0.0, 0.0], [1.0, 0.001], [2.0, 0.0], [3.0, 1.0]]
    assert geodata.simplify(line, 0.01) == [[0.0, 0.0], [2.0, 0.0], [3.0, 1.0]]
    ring = [[-1.0, -1.0], [3.0, -1.0], [3.0, 3.0], [-1.0, 3.0], [-1.0, -1.0]]
    clipped = geodata.clip_ring(ring, (0.0, 0.0, 2.0, 2.0))
    assert geodata.bbox(clipped) == (0.0, 0.0, 2.0, 2.0)


# -- the admin-areas import -------------------------------------------------------------------


def run_import(path: Path, country: str, *extra: str) -> None:
    call_command("import", "admin-areas", str(path), "--country", country, *extra)


@pytest.mark.django_db
def test_import_natural_earth_admin1_of_caf_is_idempotent(
    layers: dict[str, Any], capsys: Any
) -> None:
    run_import(NE_ADMIN1, "CAF")
    assert "admin areas created: 17" in capsys.readouterr().out
    areas = {a.name: a for a in AdminArea.objects.filter(country="CAF", level=1)}
    assert len(areas) == 17
    assert areas["Bangui"].pcode == "CF-BGF"
    assert areas["Ouham-Pendé"].pcode == "CF-OP"
    assert areas["Vakaga"].geometry["type"] in {"Polygon", "MultiPolygon"}
    entries = AuditEntry.objects.count()

    run_import(NE_ADMIN1, "caf")
    out = capsys.readouterr().out
    assert "admin areas unchanged: 17" in out and "created" not in out
    assert AdminArea.objects.filter(country="CAF").count() == 17
    assert AuditEntry.objects.count() == entries  # nothing changed, nothing logged

    assert set(AdminArea.outlines("CAF")) == set(areas)  # what the analysis maps colour


@pytest.mark.django_db
def test_import_geoboundaries_sudan(capsys: Any) -> None:
    if not GB_SUDAN.exists():
        skip_or_fail(f"{GB_SUDAN} is missing")
    run_import(GB_SUDAN, "SDN")
    areas = {a.name: a for a in AdminArea.objects.filter(country="SDN", level=1)}
    assert len(areas) == 19
    assert "Abyei PCA" in areas and areas["Abyei PCA"].pcode == ""  # shapeISO "N/A"
    assert any(a.pcode.startswith("SD-") for a in areas.values())
    run_import(GB_SUDAN, "SDN")
    assert "admin areas unchanged: 19" in capsys.readouterr().out


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("file", "country", "message"),
    [
        ("csv", "CAF", "not a GeoJSON file"),
        ("list", "CAF", "not a GeoJSON FeatureCollection"),
        ("ne", "NOR", "holds no features of NOR"),
        ("ne", "XQZ", "Unknown country code 'XQZ'"),
        ("ne", "", "Name the country"),
    ],
)
def test_import_admin_areas_refuses_clearly(
    layers: dict[str, Any], tmp_path: Path, file: str, country: str, message: str
) -> None:
    paths = {"ne": NE_ADMIN1, "csv": tmp_path / "a.geojson", "list": tmp_path / "b.geojson"}
    paths["csv"].write_text("name,geometry\nBangui,POINT(1 2)\n", encoding="utf-8")
    paths["list"].write_text('[{"type": "Feature"}]', encoding="utf-8")
    args = ["import", "admin-areas", str(paths[file])] + (["--country", country] if country else [])
    with pytest.raises(CommandError, match=message) as caught:
        call_command(*args)
    assert "Nothing was imported" in str(caught.value)
    assert not AdminArea.objects.exists()


@pytest.mark.django_db
def test_country_does_not_apply_to_event_files(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("a\n1\n", encoding="utf-8")
    with pytest.raises(CommandError, match="--country does not apply"):
        call_command("import", "tamm", str(path), "--country", "CAF")


# -- the map names the file -------------------------------------------------------------------


@pytest.mark.django_db
def test_mission_map_names_the_country_context(
    client: Any, mission: Mission, superuser: Any
) -> None:
    client.force_login(superuser)
    data = client.get(f"/missions/{mission.code}/map.geojson").json()
    assert data["context_url"] is None  # XTA: fictional, no file
    mission.host_country = "CAF"
    mission.save()
    data = client.get(f"/missions/{mission.code}/map.geojson").json()
    assert data["context_url"] == "/static/geo/CAF.json"
    assert client.get(data["context_url"]).status_code == 200


# -- the demo's fictional country ---------------------------------------------------------


def test_demo_context_has_towns_regions_and_a_river() -> None:
    from bluehelmet.demo.mapcontext import country_context
    from bluehelmet.demo.scenario import SEED
    from bluehelmet.demo.world import build_world

    world = build_world(SEED)
    data = country_context(world, "XBN", SEED)
    places = {p["properties"]["name"]: p["properties"] for p in of_layer(data, "place")}
    assert places["Mbarenga"]["capital"] == "national"
    assert set(world.countries["XBN"].towns) <= set(places)
    assert [r["properties"]["name"] for r in of_layer(data, "river")] == ["Sanvi"]
    assert len(of_layer(data, "admin1")) == 7
    # roads join every town, the national ones leave the capital
    roads = of_layer(data, "road")
    towns = {tuple(point[:2]): name for name, (point, _r) in world.countries["XBN"].towns.items()}
    assert len(roads) == len(towns) - 1
    ends = {tuple(r["geometry"]["coordinates"][i]) for r in roads for i in (0, -1)}
    assert ends == set(towns)
    national = [r for r in roads if r["properties"]["rank"] == 1]
    capital = next(k for k, v in towns.items() if v == "Mbarenga")
    assert national and all(tuple(r["geometry"]["coordinates"][0]) == capital for r in national)
    # the cease-fire pair see each other across the line
    tamarsa = country_context(world, "XTM", SEED)
    assert {f["properties"]["country"] for f in of_layer(tamarsa, "neighbour")} == {"XOS"}
    assert any(p["properties"]["country"] == "XOS" for p in of_layer(tamarsa, "place"))


@pytest.mark.django_db
def test_demo_context_is_served_from_the_data_dir(
    client: Any, mission: Mission, superuser: Any, settings: Any, tmp_path: Path
) -> None:
    from bluehelmet.demo.mapcontext import remove_contexts, write_contexts
    from bluehelmet.demo.scenario import SEED
    from bluehelmet.demo.world import build_world

    settings.DATA_DIR = tmp_path
    write_contexts(build_world(SEED), SEED)
    assert sorted(p.name for p in (tmp_path / "geo").iterdir()) == [
        "XBN.json",
        "XOS.json",
        "XTM.json",
    ]
    mission.host_country = "XBN"
    mission.save()
    client.force_login(superuser)
    data = client.get(f"/missions/{mission.code}/map.geojson").json()
    assert data["context_url"] == "/maps/context/XBN.json"
    served = client.get(data["context_url"])
    assert served.status_code == 200
    assert json.loads(b"".join(served.streaming_content))["country"] == "XBN"
    assert client.get("/maps/context/XQZ.json").status_code == 404
    assert client.get("/maps/context/..%2Fsecret_key.json").status_code == 404
    remove_contexts(["XBN"])
    assert client.get(f"/missions/{mission.code}/map.geojson").json()["context_url"] is None


@pytest.mark.django_db
def test_only_hq_loads_admin_areas(
    layers: dict[str, Any], mission: Mission, make_user: Any
) -> None:
    make_user("joc-officer", mission, username="joc")
    with pytest.raises(CommandError, match="only HQ roles"):
        run_import(NE_ADMIN1, "CAF", "--as", "joc")
    assert not AdminArea.objects.exists()
    make_user("hq-admin", None, username="hq")
    run_import(NE_ADMIN1, "CAF", "--as", "hq")
    assert AdminArea.objects.filter(country="CAF").count() == 17
