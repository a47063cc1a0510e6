"""A small TopoJSON → GeoJSON decoder (TopoJSON spec 1.0, https://github.com/topojson/topojson-specification).

Pure Python, no dependencies. Handles quantized (delta-encoded + ``transform``) and
unquantized topologies, reversed arc indices (``~i``), every geometry type and null geometries.
"""

from __future__ import annotations

from typing import Any


def decode_arcs(topology: dict) -> list[list[list[float]]]:
    """Absolute coordinates of every arc (delta-decoded and transformed when quantized)."""
    transform = topology.get("transform")
    out = []
    for arc in topology["arcs"]:
        if transform:
            (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
            x = y = 0
            pts = []
            for p in arc:
                x += p[0]
                y += p[1]
                pts.append([x * sx + tx, y * sy + ty])
        else:
            pts = [[float(p[0]), float(p[1])] for p in arc]
        out.append(pts)
    return out


def _point(topology: dict, p: list) -> list[float]:
    t = topology.get("transform")  # points are quantized but never delta-encoded
    if not t:
        return [float(p[0]), float(p[1])]
    return [p[0] * t["scale"][0] + t["translate"][0], p[1] * t["scale"][1] + t["translate"][1]]


def _line(arcs: list, indices: list[int]) -> list[list[float]]:
    coords: list[list[float]] = []
    for i in indices:
        pts = arcs[i] if i >= 0 else arcs[~i][::-1]
        coords.extend(pts if not coords else pts[1:])  # consecutive arcs share an end point
    return coords


def _ring(arcs: list, indices: list[int]) -> list[list[float]]:
    ring = _line(arcs, indices)
    if ring and ring[0] != ring[-1]:
        ring.append(list(ring[0]))
    return ring


def geometry(topology: dict, obj: dict, arcs: list | None = None) -> dict | None:
    """GeoJSON geometry of one TopoJSON geometry object (None for a null geometry)."""
    arcs = decode_arcs(topology) if arcs is None else arcs
    kind = obj.get("type")
    if kind is None:
        return None
    if kind == "GeometryCollection":
        return {
            "type": kind,
            "geometries": [geometry(topology, g, arcs) for g in obj["geometries"]],
        }
    if kind == "Point":
        return {"type": kind, "coordinates": _point(topology, obj["coordinates"])}
    if kind == "MultiPoint":
        return {"type": kind, "coordinates": [_point(topology, p) for p in obj["coordinates"]]}
    a = obj["arcs"]
    coords: Any
    if kind == "LineString":
        coords = _line(arcs, a)
    elif kind == "MultiLineString":
        coords = [_line(arcs, line) for line in a]
    elif kind == "Polygon":
        coords = [_ring(arcs, r) for r in a]
    elif kind == "MultiPolygon":
        coords = [[_ring(arcs, r) for r in poly] for poly in a]
    else:
        raise ValueError(f"unknown TopoJSON geometry type {kind!r}")
    return {"type": kind, "coordinates": coords}


def feature_collection(topology: dict, name: str) -> dict:
    """The named object of a topology as a GeoJSON FeatureCollection (id kept, properties copied)."""
    arcs = decode_arcs(topology)
    obj = topology["objects"][name]
    members = obj["geometries"] if obj.get("type") == "GeometryCollection" else [obj]
    features = []
    for g in members:
        f: dict[str, Any] = {"type": "Feature"}
        if "id" in g:
            f["id"] = g["id"]
        f["properties"] = dict(g.get("properties") or {})
        f["geometry"] = geometry(topology, g, arcs)
        features.append(f)
    return {"type": "FeatureCollection", "features": features}


def arc_indices(obj: dict) -> set[int]:
    """The (non-negative) indices of every arc a geometry object uses."""
    out: set[int] = set()

    def walk(x: Any) -> None:
        if isinstance(x, int):
            out.add(x if x >= 0 else ~x)
        else:
            for y in x:
                walk(y)

    if obj.get("type") == "GeometryCollection":
        for g in obj["geometries"]:
            out |= arc_indices(g)
    elif "arcs" in obj:
        walk(obj["arcs"])
    return out
