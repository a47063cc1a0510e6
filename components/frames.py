"""Shape a query result into what a chart, map or card list draws. Pure pandas, no
Streamlit, no querying (the filtering is corpus.query.run_query); unit-tested."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

DIPLOMATIC_QUADS = ("verbal_cooperation", "verbal_conflict")


def dyad_mask(events: pd.DataFrame, members: Mapping[str, frozenset[str]], a: str = "DZA", b: str = "MLI") -> np.ndarray:
    """Events between a and b (either direction), counting their bodies and officials."""
    side_a, side_b = members.get(a, frozenset({a})), members.get(b, frozenset({b}))
    a1, a2 = events["actor1"], events["actor2"]
    forward = a1.isin(side_a) & a2.isin(side_b)
    backward = a1.isin(side_b) & a2.isin(side_a)
    return (forward | backward).to_numpy(dtype=bool)


def barometer(events: pd.DataFrame, members: Mapping[str, frozenset[str]], a: str = "DZA", b: str = "MLI") -> pd.DataFrame:
    """Per year: mean and sum of the cooperation–conflict score of a↔b events, and their count."""
    dyad = events[dyad_mask(events, members, a, b)]
    if dyad.empty:
        return pd.DataFrame(columns=["year", "mean_score", "total_score", "events"])
    grouped = dyad.groupby(dyad["year"].astype(int))["score"]
    out = pd.DataFrame({"mean_score": grouped.mean().round(2), "total_score": grouped.sum(), "events": grouped.size()})
    return out.reset_index().rename(columns={"index": "year"})


def key_events(events: pd.DataFrame, members: Mapping[str, frozenset[str]], limit: int = 8) -> pd.DataFrame:
    """The Algeria↔Mali events with the strongest scores (then others), in date order."""
    if events.empty:
        return events
    ranked = events.assign(_dyad=dyad_mask(events, members), _strength=events["score"].abs())
    ranked = ranked.sort_values(["_dyad", "_strength", "date_start"], ascending=[False, False, True], kind="stable")
    return ranked.head(limit).sort_values(["date_start", "id"], kind="stable").drop(columns=["_dyad", "_strength"])


def place_markers(events: pd.DataFrame, coarse_from: int = 4) -> pd.DataFrame:
    """One marker per place for events with a point-like precision (1–3 or unknown):
    place_id, lat, lon, events (count), quad (the most frequent), ids (first few)."""
    if events.empty:
        return pd.DataFrame(columns=["place_id", "lat", "lon", "events", "quad"])
    precision = events["geo_precision"].fillna(1)
    points = events[(precision < coarse_from) & events["lat"].notna() & events["lon"].notna()]
    if points.empty:
        return pd.DataFrame(columns=["place_id", "lat", "lon", "events", "quad"])
    grouped = points.groupby("place_id", sort=True)
    out = grouped.agg(lat=("lat", "first"), lon=("lon", "first"), events=("id", "size"),
                      quad=("quad", lambda s: s.value_counts().index[0]))
    return out.reset_index()


def coarse_areas(events: pd.DataFrame, coarse_from: int = 4) -> pd.DataFrame:
    """Events located only to a region/area/country, grouped by (place_id, geo_precision)."""
    cols = ["place_id", "geo_precision", "events", "quad"]
    if events.empty:
        return pd.DataFrame(columns=cols)
    coarse = events[(events["geo_precision"].fillna(0) >= coarse_from) & (events["geo_precision"].fillna(0) <= 6)
                    & events["place_id"].notna()]
    if coarse.empty:
        return pd.DataFrame(columns=cols)
    grouped = coarse.groupby(["place_id", "geo_precision"], sort=True)
    out = grouped.agg(events=("id", "size"), quad=("quad", lambda s: s.value_counts().index[0]))
    return out.reset_index()


def arcs(events: pd.DataFrame, capitals: Mapping[str, tuple[float, float]],
         members_of: Mapping[str, str]) -> pd.DataFrame:
    """Diplomatic (verbal) events between two states, grouped by capital pair:
    source/target [lon, lat], events (count), quad, actor1, actor2 (the states)."""
    cols = ["actor1", "actor2", "source", "target", "events", "quad"]
    if events.empty:
        return pd.DataFrame(columns=cols)
    verbal = events[events["quad"].isin(DIPLOMATIC_QUADS) & events["actor2"].notna()]
    rows: dict[tuple[str, str], dict] = {}
    for a1, a2, quad in zip(verbal["actor1"], verbal["actor2"], verbal["quad"], strict=True):
        s1, s2 = members_of.get(a1, a1), members_of.get(a2, a2)
        if s1 == s2 or s1 not in capitals or s2 not in capitals:
            continue
        row = rows.setdefault((s1, s2), {"actor1": s1, "actor2": s2, "source": list(capitals[s1]),
                                         "target": list(capitals[s2]), "events": 0, "quads": {}})
        row["events"] += 1
        row["quads"][quad] = row["quads"].get(quad, 0) + 1
    out = [{**{k: v for k, v in r.items() if k != "quads"}, "quad": max(r["quads"], key=r["quads"].get)} for r in rows.values()]
    return pd.DataFrame(out, columns=cols)


def state_of(actors: Mapping) -> dict[str, str]:
    """Each actor id → the state it belongs to (itself for a state), following affiliations."""
    out: dict[str, str] = {}
    for actor_id in actors:
        seen, current = set(), actor_id
        while current in actors and current not in seen:
            seen.add(current)
            record = actors[current]
            if record.kind == "state":
                break
            if not record.affiliation:
                break
            current = record.affiliation
        out[actor_id] = current
    return out


def capitals(places: Mapping) -> dict[str, tuple[float, float]]:
    """Country ISO3 → (lon, lat) of its capital in the gazetteer."""
    return {p.country: (p.lon, p.lat) for p in places.values()
            if p.kind == "capital" and p.country and p.lat is not None and p.lon is not None}


def lane_labels(events: pd.DataFrame, mode: str, dyad_label, type_label) -> pd.Series:
    """The lane of each event: its actor dyad or its event type, as display labels."""
    if mode == "type":
        return events["event_type"].map(type_label)
    return pd.Series([dyad_label(a, b) for a, b in zip(events["actor1"], events["actor2"], strict=True)], index=events.index)
