"""components/frames.py and components/mapview.py: shaping query results for the views."""

import pandas as pd

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
