"""geo/topo.py on tiny hand-made topologies."""

from geo import topo

# Two unit squares side by side sharing the edge x=1 (arc 1), quantized and delta-encoded.
#   arc 0: (1,0) → (0,0) → (0,1) → (1,1)      left square's outer edge
#   arc 1: (1,1) → (1,0)                      shared edge
#   arc 2: (1,1) → (2,1) → (2,0) → (1,0)      right square's outer edge
QUANTIZED = {
    "type": "Topology",
    "transform": {"scale": [0.5, 0.25], "translate": [10, 20]},
    "objects": {
        "squares": {
            "type": "GeometryCollection",
            "geometries": [
                {"type": "Polygon", "id": "L", "properties": {"name": "left"}, "arcs": [[0, 1]]},
                {"type": "Polygon", "id": "R", "properties": {"name": "right"}, "arcs": [[2, ~1]]},
                {"type": "LineString", "arcs": [~1]},
                {"type": "Point", "coordinates": [2, 4]},
                {"type": None, "properties": {"name": "nothing"}},
            ],
        }
    },
    # quantized units: x step 0.5, y step 0.25 → unit square = 2 × 4 units; deltas
    "arcs": [
        [[2, 0], [-2, 0], [0, 4], [2, 0]],
        [[2, 4], [0, -4]],
        [[2, 4], [2, 0], [0, -4], [-2, 0]],
    ],
}


def test_decode_arcs_applies_deltas_and_transform():
    arcs = topo.decode_arcs(QUANTIZED)
    assert arcs[0] == [[11, 20], [10, 20], [10, 21], [11, 21]]
    assert arcs[1] == [[11, 21], [11, 20]]


def test_polygons_share_the_edge_and_rings_close():
    fc = topo.feature_collection(QUANTIZED, "squares")
    left, right, line, point, null = fc["features"]
    assert left["id"] == "L" and left["properties"] == {"name": "left"}
    assert left["geometry"] == {
        "type": "Polygon",
        "coordinates": [[[11, 20], [10, 20], [10, 21], [11, 21], [11, 20]]],
    }
    ring = right["geometry"]["coordinates"][0]
    assert ring == [[11, 21], [12, 21], [12, 20], [11, 20], [11, 21]]  # ~1 reverses the shared arc
    assert line["geometry"] == {"type": "LineString", "coordinates": [[11, 20], [11, 21]]}
    assert point["geometry"] == {"type": "Point", "coordinates": [11, 21]}  # points: no deltas
    assert null["geometry"] is None and null["properties"] == {"name": "nothing"}


def test_unquantized_multipolygon_and_arc_indices():
    t = {
        "type": "Topology",
        "objects": {"m": {"type": "MultiPolygon", "arcs": [[[0]], [[~1]]]}},
        "arcs": [[[0, 0], [1, 0], [1, 1], [0, 0]], [[5, 5], [6, 6], [6, 5], [5, 5]]],
    }
    g = topo.geometry(t, t["objects"]["m"])
    assert g["type"] == "MultiPolygon"
    assert g["coordinates"][1][0] == [[5, 5], [6, 5], [6, 6], [5, 5]]
    assert topo.arc_indices(t["objects"]["m"]) == {0, 1}
    assert topo.arc_indices(QUANTIZED["objects"]["squares"]) == {0, 1, 2}


def test_ring_is_closed_when_arcs_do_not_close_it():
    t = {
        "type": "Topology",
        "objects": {"p": {"type": "Polygon", "arcs": [[0]]}},
        "arcs": [[[0, 0], [1, 0], [1, 1]]],
    }
    ring = topo.geometry(t, t["objects"]["p"])["coordinates"][0]
    assert ring[0] == ring[-1]
