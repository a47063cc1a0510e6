"""components/frames.py and components/mapview.py: shaping query results for the views."""

import numpy as np
import pandas as pd
import pytest

from components import frames
from components.mapview import region_place_ids, selected_place, two_names
from corpus import plover
from corpus.models import Place

MEMBERS = {"DZA": frozenset({"DZA", "DZA-MFA"}), "MLI": frozenset({"MLI", "MLI-GOV"})}


def _events(rows):
    base = {"id": "", "actor1": None, "actor2": None, "event_type": "AID", "year": 2008,
            "date_start": pd.Timestamp("2008-01-01"), "place_id": None, "geo_precision": 1,
            "lat": None, "lon": None}
    out = []
    for i, row in enumerate(rows):
        rec = {**base, "id": f"e{i}", **row}
        rec["quad"], rec["score"] = plover.quad_of(rec["event_type"]), plover.score_of(rec["event_type"])
        out.append(rec)
    return pd.DataFrame(out)


def test_barometer_counts_bodies_and_both_directions():
    ev = _events([
        {"actor1": "DZA", "actor2": "MLI", "event_type": "AID", "year": 2008},
        {"actor1": "MLI-GOV", "actor2": "DZA-MFA", "event_type": "DISAPPROVE", "year": 2025},
        {"actor1": "DZA", "actor2": "FRA", "event_type": "FIGHT", "year": 2025},
    ])
    baro = frames.barometer(ev, MEMBERS)
    assert baro.to_dict("records") == [
        {"year": 2008, "mean_score": 7.0, "total_score": 7.0, "events": 1},
        {"year": 2025, "mean_score": -4.0, "total_score": -4.0, "events": 1},
    ]


def test_barometer_empty():
    assert frames.barometer(_events([{"actor1": "FRA", "actor2": "ESP"}]), MEMBERS).empty


def test_markers_and_coarse_areas_split_by_precision():
    ev = _events([
        {"place_id": "kidal", "lat": 18.4, "lon": 1.4, "geo_precision": 1},
        {"place_id": "kidal", "lat": 18.4, "lon": 1.4, "geo_precision": 1, "event_type": "FIGHT"},
        {"place_id": "kidal-region", "lat": 19.0, "lon": 1.0, "geo_precision": 4},
        {"place_id": "mali", "lat": 17.0, "lon": -3.0, "geo_precision": 6},
    ])
    markers = frames.place_markers(ev)
    assert markers[["place_id", "events"]].to_dict("records") == [{"place_id": "kidal", "events": 2}]
    areas = frames.coarse_areas(ev)
    assert sorted(areas["place_id"]) == ["kidal-region", "mali"]


def test_arcs_between_capitals_for_verbal_events():
    ev = _events([{"actor1": "DZA-MFA", "actor2": "MLI", "event_type": "DISAPPROVE"},
                  {"actor1": "DZA", "actor2": "MLI", "event_type": "AID"}])
    arcs = frames.arcs(ev, {"DZA": (3.0, 36.7), "MLI": (-8.0, 12.6)}, {"DZA-MFA": "DZA"})
    assert arcs[["actor1", "actor2", "events", "quad"]].to_dict("records") == [
        {"actor1": "DZA", "actor2": "MLI", "events": 1, "quad": "verbal_conflict"}]


def test_key_events_prefers_the_dyad():
    ev = _events([{"actor1": "FRA", "actor2": "ESP", "event_type": "FIGHT"},
                  {"actor1": "DZA", "actor2": "MLI", "event_type": "CONSULT"}])
    assert list(frames.key_events(ev, MEMBERS, limit=1)["id"]) == ["e1"]


def _place(pid, kind, admin1):
    return Place(id=pid, kind=kind, name_ar="", name_en=pid, name_fr=pid, lat=0, lon=0, country="MLI", admin1=admin1)


def test_region_place_ids_prefers_matching_slug():
    places = {p.id: p for p in (_place("menaka-region", "region", "MLI-gao"), _place("gao-region", "region", "MLI-gao"),
                                _place("kidal-region", "region", "MLI-kidal"), _place("kidal", "town", "MLI-kidal"))}
    assert region_place_ids(places) == {"MLI-gao": "gao-region", "MLI-kidal": "kidal-region"}


def test_selected_place_and_names():
    assert selected_place(None) is None
    assert selected_place({"objects": {"markers": [{"place_id": "bamako"}]}}) == "bamako"
    assert selected_place({"objects": {"regions": [{"properties": {"place_id": ""}}]}}) is None
    assert two_names({"name_en": "Kidal", "name_ar": "كيدال"}, "en") == "Kidal · كيدال"
    assert two_names({"name_en": "Kidal", "name_ar": "كيدال"}, "ar") == "كيدال · Kidal"


def _dated(rows):
    out = []
    for i, (lane_date, precision, quad, actor2) in enumerate(rows):
        start = pd.Timestamp(lane_date)
        end = {1: start, 4: start + pd.offsets.MonthEnd(0), 5: start + pd.offsets.YearEnd(0)}[precision]
        out.append({"id": f"e{i}", "date_start": start, "date_end": end, "date_precision": precision,
                    "quad": quad, "actor1": "DZA", "actor2": actor2, "event_type": "AID"})
    return pd.DataFrame(out)


def test_lanes_label_each_dyad_once_and_sort_them():
    ev = _dated([("2010-01-05", 1, "verbal_conflict", "MLI"), ("2010-02-05", 1, "verbal_conflict", None),
                 ("2011-01-05", 1, "material_conflict", "MLI")])
    calls = []
    lane, names = frames.lanes(ev, "dyad", lambda a, b: calls.append((a, b)) or f"{a}>{b}", str)
    assert sorted(calls, key=str) == sorted([("DZA", "MLI"), ("DZA", None)], key=str)
    assert names == sorted(names) and [names[i] for i in lane] == ["DZA>MLI", "DZA>None", "DZA>MLI"]


def test_timeline_buckets_count_per_lane_period_and_quad():
    ev = _dated([("2010-01-05", 1, "verbal_conflict", "MLI"), ("2010-03-05", 4, "verbal_conflict", "MLI"),
                 ("2010-06-01", 1, "material_conflict", "MLI"), ("2011-02-01", 1, "verbal_conflict", "MLI"),
                 ("2010-01-01", 5, "verbal_cooperation", "MLI"), ("2010-01-05", 1, "verbal_conflict", "FRA")])
    lane = np.array([0, 0, 0, 0, 0, 1])
    buckets, bucket_of = frames.timeline_buckets(ev, lane, "Y")
    first = buckets.iloc[bucket_of[0]]
    assert (first["lane"], str(first["start"])[:10], str(first["end"])[:10]) == (0, "2010-01-01", "2011-01-01")
    assert first["events"] == 4 and first["n_verbal_conflict"] == 2 and first["quad"] == "verbal_conflict"
    assert first["n_verbal_cooperation"] == 1 and first["precision"] == 5
    assert buckets["events"].sum() == len(ev) and len(buckets) == 3
    # By month a year-precision event keeps its own (year) span instead of one month.
    monthly, of = frames.timeline_buckets(ev, lane, "M")
    own = monthly.iloc[of[4]]
    assert (str(own["start"])[:10], str(own["end"])[:10], own["precision"], own["events"]) == ("2010-01-01", "2011-01-01", 5, 1)
    jan = monthly.iloc[of[0]]
    assert (str(jan["end"])[:10], jan["precision"], jan["events"]) == ("2010-02-01", 4, 1)
    assert monthly["events"].sum() == len(ev)


def test_timeline_period_by_month_only_when_few_groups():
    ev = _dated([("2010-01-05", 1, "verbal_conflict", "MLI"), ("2011-06-05", 1, "verbal_conflict", "MLI")])
    assert frames.timeline_period(ev, n_lanes=2) == "M"
    assert frames.timeline_period(ev, n_lanes=200) == "Y"


@pytest.mark.parametrize("basemap", [False, True])
def test_prebuilt_deck_encodes_what_pydeck_encodes(basemap):
    """The map splices once-encoded boundary layers into the deck JSON: same spec as pydeck's."""
    import json

    import pydeck as pdk

    import geo
    from components import mapview

    base = mapview.base_layers({"countries": geo.countries(), "admin1": geo.admin1(), "areas": geo.areas(),
                                "borders": geo.borders()}, {}, "ar", lambda key: key)
    data = [pdk.Layer("ScatterplotLayer", [{"position": [1.4, 18.4], "tip_title": "كيدال <b>", "radius": 7}],
                      id="markers", pickable=True, get_position="position", get_radius="radius")]
    ours = mapview.deck(mapview.encode_layers(base), data, rtl=True, basemap=basemap)
    theirs = mapview.deck((), base + data, rtl=True, basemap=basemap)
    reference = pdk.Deck(layers=base + data, initial_view_state=mapview.VIEW, tooltip=ours._tooltip,
                         **({"map_provider": "carto", "map_style": "light"} if basemap else {"map_provider": None}))
    assert json.loads(ours.to_json()) == json.loads(theirs.to_json()) == json.loads(reference.to_json())
    assert [layer["id"] for layer in json.loads(ours.to_json())["layers"]][-1] == "markers"
    assert len(ours.to_json()) < len(reference.to_json()) / 2  # compact, not indented


def test_most_frequent_breaks_ties_by_first_seen_like_value_counts():
    frame = pd.DataFrame({"place_id": ["a", "a", "a", "a", "b", "b", "c"],
                          "quad": ["verbal_conflict", "material_aid", "material_aid", "verbal_conflict",
                                   "x", "y", "z"]})
    got = frames.most_frequent(frame, ["place_id"])
    for place, part in frame.groupby("place_id"):
        assert got[place] == part["quad"].value_counts().index[0]
    assert got["a"] == "verbal_conflict" and got["b"] == "x"
