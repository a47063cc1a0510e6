"""Loaders and lookups over the built layers. `locate` uses shapely (imported on first use);
`area_for` and `contained_places`, which the dashboard needs at every cold start, do not.

Loaders return plain GeoJSON dicts ready for pydeck's GeoJsonLayer. They are cached
(functools.lru_cache) and shared: treat them as read-only (copy before mutating).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from geo import pointin

LAYERS_DIR = Path(__file__).resolve().parent / "layers"
PLACES_PATH = Path(__file__).resolve().parent.parent / "data" / "places.jsonl"


@cache
def _layer(name: str, layers_dir: str = str(LAYERS_DIR)) -> dict:
    return json.loads((Path(layers_dir) / f"{name}.geojson").read_text(encoding="utf-8"))


def countries() -> dict:
    """FeatureCollection of country polygons; properties iso3, name_en, name_fr, name_ar, disputed."""
    return _layer("countries")


def admin1() -> dict:
    """FeatureCollection of admin-1 regions (MLI, DZA, MRT, NER, BFA); properties id, iso3, name_*."""
    return _layer("admin1")


def borders() -> dict:
    """FeatureCollection of border lines; properties id, countries, name_*, length_km, published_km."""
    return _layer("borders")


def areas() -> dict:
    """FeatureCollection of named areas (border zones, northern Mali, Sahel…); properties id, kind, name_*, width_km, note."""
    return _layer("areas")


@cache
def manifest() -> dict:
    """Build parameters: source versions, border_zone_km, border_length_km…"""
    return json.loads((LAYERS_DIR / "manifest.json").read_text(encoding="utf-8"))


@cache
def places(path: str = str(PLACES_PATH)) -> dict[str, dict]:
    """The gazetteer (data/places.jsonl) keyed by place id, in file order."""
    out: dict[str, dict] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rec = json.loads(line)
                out[rec["id"]] = rec
    return out


class _Index:
    """Shapes of one layer (shapely, prepared) and an STRtree over them."""

    def __init__(self, fc: dict, key: str):
        import shapely
        from shapely.geometry import shape
        from shapely.strtree import STRtree

        self.point = shapely.Point
        self.keys = [f["properties"][key] for f in fc["features"]]
        self.geoms = [shape(f["geometry"]) for f in fc["features"]]
        for g in self.geoms:
            shapely.prepare(g)
        self.tree = STRtree(self.geoms)

    def at(self, lon: float, lat: float) -> str | None:
        hits = sorted(self.tree.query(self.point(lon, lat), predicate="intersects"))
        return self.keys[hits[0]] if hits else None


@cache
def _raw(name: str, key: str) -> dict[str, dict]:
    """key → GeoJSON geometry of one layer."""
    return {f["properties"][key]: f["geometry"] for f in _layer(name)["features"]}


@cache
def _index(name: str, key: str, layers_dir: str = str(LAYERS_DIR)) -> _Index:
    return _Index(_layer(name, layers_dir), key)


def locate(lat: float, lon: float, layers_dir: str | Path = LAYERS_DIR) -> dict:
    """{"country": iso3 | None, "admin1": admin-1 id | None} of the point (atlas countries only)."""
    d = str(layers_dir)
    return {
        "country": _index("countries", "iso3", d).at(lon, lat),
        "admin1": _index("admin1", "id", d).at(lon, lat),
    }


def area_for(place_id: str, geo_precision: int) -> dict | None:
    """GeoJSON geometry to draw a coarse-precision event placed at place_id, or None.

    4 → the admin-1 polygon of the place (a region's own polygon, a town's region; places
        without an admin-1 polygon, e.g. libyan-south, fall back to their named area);
    5 → the named area polygon (northern-mali, sahel, sahara, algeria-mali-border zone, kabylie…);
        a region without a named area falls back to its admin-1 polygon;
    6 → the country polygon;
    anything else (1–3 exact/near points, 7 unclear) → None: draw the point or nothing.
    """
    place = places().get(place_id)
    if place is None or geo_precision not in (4, 5, 6):
        return None
    named = _raw("areas", "id").get(place_id)
    regions = _raw("admin1", "id")
    region = regions.get(place.get("admin1") or "")
    if geo_precision == 4:
        return region or named
    if geo_precision == 5:
        return named or (region if place["kind"] == "region" else None)
    return _raw("countries", "iso3").get(place.get("country") or "")


@cache
def contained_places() -> dict[str, frozenset[str]]:
    """Each area or region place id → the finer gazetteer places whose point lies in its polygon.

    Used by the place filter: choosing northern-mali also matches events at Kidal, Gao or
    Tessalit. Countries are left out (the corpus query matches them by the `country` field).
    """
    gazetteer = places()
    points = {pid: (p["lon"], p["lat"]) for pid, p in gazetteer.items()
              if p.get("lat") is not None and p.get("lon") is not None}
    out: dict[str, frozenset[str]] = {}
    for pid, place in gazetteer.items():
        if place["kind"] == "country":
            continue
        level = place.get("geo_precision") or 1
        geometry = area_for(pid, level)
        if geometry is None:
            continue
        west, south, east, north = pointin.bbox(geometry)
        inside = frozenset(
            other
            for other, (lon, lat) in points.items()
            if (gazetteer[other].get("geo_precision") or 1) < level
            and west <= lon <= east and south <= lat <= north and pointin.contains(geometry, lon, lat)
        )
        if inside:
            out[pid] = inside
    return out
