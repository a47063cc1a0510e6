"""Point in (multi)polygon on plain GeoJSON geometry, without shapely.

The dashboard needs "which gazetteer places lie inside each region or area" on every cold
start; importing shapely and building its geometries cost more than the whole test. Even-odd
ray casting with a bounding-box check first is enough for tens of places against tens of
polygons. A point exactly on an edge may fall either way (shapely's `contains` says outside);
tests compare both on the real gazetteer.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

Ring = Sequence[Sequence[float]]


def _polygons(geometry: dict) -> Iterable[Sequence[Ring]]:
    if geometry["type"] == "Polygon":
        yield geometry["coordinates"]
    elif geometry["type"] == "MultiPolygon":
        yield from geometry["coordinates"]


def bbox(geometry: dict) -> tuple[float, float, float, float]:
    """(min lon, min lat, max lon, max lat) of the outer rings."""
    xs = [x for polygon in _polygons(geometry) for x, _y, *_ in polygon[0]]
    ys = [y for polygon in _polygons(geometry) for _x, y, *_ in polygon[0]]
    return min(xs), min(ys), max(xs), max(ys)


def _in_ring(ring: Ring, x: float, y: float) -> bool:
    inside = False
    x1, y1 = ring[-1][0], ring[-1][1]
    for point in ring:
        x2, y2 = point[0], point[1]
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
        x1, y1 = x2, y2
    return inside


def contains(geometry: dict, lon: float, lat: float) -> bool:
    """Whether the point lies inside the Polygon/MultiPolygon (inside an outer ring, outside its holes)."""
    for polygon in _polygons(geometry):
        if _in_ring(polygon[0], lon, lat) and not any(_in_ring(hole, lon, lat) for hole in polygon[1:]):
            return True
    return False
