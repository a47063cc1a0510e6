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
    """The lane of each event: its actor dyad or its event type, as display labels (each
    distinct dyad/type is labelled once, then spread over the rows)."""
    if mode == "type":
        types = events["event_type"].astype(object)
        return types.map({value: type_label(value) for value in pd.unique(types)})
    codes1, uniq1 = pd.factorize(events["actor1"].astype(object), use_na_sentinel=False)
    codes2, uniq2 = pd.factorize(events["actor2"].astype(object), use_na_sentinel=False)
    width = len(uniq2) + 1
    pairs, inverse = np.unique(codes1.astype(np.int64) * width + codes2, return_inverse=True)
    labels = np.array([dyad_label(uniq1[p // width], uniq2[p % width]) for p in pairs] or [""], dtype=object)
    return pd.Series(labels[inverse.reshape(-1)] if len(events) else [], index=events.index, dtype=object)


def _day_array(values: pd.Series) -> np.ndarray:
    return values.to_numpy(dtype="datetime64[ns]").astype("datetime64[D]")


def event_spans(events: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Each event's date span as day arrays: start (inclusive) and end (exclusive)."""
    start = _day_array(events["date_start"])
    end = _day_array(events["date_end"]) + np.timedelta64(1, "D")
    return start, end


def timeline_period(events: pd.DataFrame, max_years: int = 4) -> str:
    """How to group a large timeline: by month ("M") over a few years, else by year ("Y")."""
    start, end = event_spans(events)
    start, end = start[~np.isnat(start)], end[~np.isnat(end)]
    if not len(start):
        return "Y"
    return "M" if (end.max() - start.min()) <= np.timedelta64(366 * max_years, "D") else "Y"


def timeline_buckets(events: pd.DataFrame, lanes: pd.Series, period: str = "Y") -> tuple[pd.DataFrame, np.ndarray]:
    """Events grouped by lane, quad class and period ("M" month or "Y" year); an event dated
    more coarsely than the period (a year-precision event on a monthly timeline) keeps its own
    span. Returns the buckets (lane, quad, start, end — exclusive day bounds —, precision of
    that span, events: count) and each event's bucket number (-1: undated)."""
    cols = ["lane", "quad", "start", "end", "precision", "events"]
    if events.empty:
        return pd.DataFrame(columns=cols), np.full(0, -1, dtype=np.int64)
    unit = "M" if period == "M" else "Y"
    start, end = event_spans(events)
    b_start = start.astype(f"datetime64[{unit}]")
    b_end = (b_start + np.timedelta64(1, unit)).astype("datetime64[D]")
    b_start = b_start.astype("datetime64[D]")
    own = end > b_end  # coarser than the period: the event's own span
    b_start = np.where(own, start, b_start)
    b_end = np.where(own, end, b_end)
    precision = np.where(own, events["date_precision"].to_numpy(dtype=np.int64, na_value=5), 4 if unit == "M" else 5)
    dated = ~np.isnat(start) & ~np.isnat(end)
    keys = pd.DataFrame({"lane": lanes.to_numpy(dtype=object), "quad": events["quad"].to_numpy(dtype=object),
                         "start": b_start, "end": b_end, "precision": precision})
    bucket = np.full(len(events), -1, dtype=np.int64)
    if not dated.any():
        return pd.DataFrame(columns=cols), bucket
    grouped = keys[dated].groupby(["lane", "quad", "start", "end"], sort=False, dropna=False)
    bucket[dated] = grouped.ngroup().to_numpy()
    out = grouped.agg(precision=("precision", "max"), events=("precision", "size")).reset_index()
    return out[cols], bucket


def map_unique(values, label) -> np.ndarray:
    """label(value) for each value, calling label once per distinct value."""
    codes, uniques = pd.factorize(pd.Series(values, dtype=object), use_na_sentinel=False)
    table = np.array([label(u) for u in uniques] or [""], dtype=object)
    return table[codes] if len(codes) else np.empty(0, dtype=object)


def timeline_points(events: pd.DataFrame, lanes: pd.Series, date_label, type_label, dyad_label,
                    summaries: np.ndarray, source_label) -> pd.DataFrame:
    """One timeline point per event (components.charts.timeline_figure, detail view): key =
    event id, its lane, quad, date span, span line for coarser-than-day dates, and hover texts
    (h1 date, h2 type, h3 actors, h4 summary, h5 source)."""
    start, end = event_spans(events)
    precision = events["date_precision"].to_numpy(dtype=np.int64, na_value=1)
    dates = map_unique(list(zip(events["date"].astype(object), precision, strict=True)), lambda dp: date_label(*dp))
    dyads = map_unique(list(zip(events["actor1"].astype(object), events["actor2"].astype(object), strict=True)),
                       lambda pair: dyad_label(*pair))
    return pd.DataFrame({
        "key": events["id"].to_numpy(dtype=object), "lane": lanes.to_numpy(dtype=object),
        "quad": events["quad"].to_numpy(dtype=object), "start": start, "end": end, "span": precision > 1,
        "size": np.full(len(events), 11.0), "h1": dates, "h2": map_unique(events["event_type"], type_label),
        "h3": dyads, "h4": summaries, "h5": map_unique(events["article_id"], source_label),
    }, index=events.index)


def bucket_points(buckets: pd.DataFrame, period_label) -> pd.DataFrame:
    """One timeline point per group of events (components.charts.timeline_figure, grouped view):
    key = "#<bucket number>", marker area growing with the count; hover texts h1 period,
    h2 lane, h3 count."""
    counts = buckets["events"].to_numpy(dtype=np.int64)
    top = max(1, int(counts.max())) if len(counts) else 1
    start = buckets["start"].to_numpy(dtype="datetime64[D]")
    periods = map_unique(list(zip(np.datetime_as_string(start, unit="D"), buckets["precision"], strict=True)),
                         lambda sp: period_label(*sp))
    return pd.DataFrame({
        "key": np.char.add("#", np.arange(len(buckets)).astype(str)).astype(object),
        "lane": buckets["lane"].to_numpy(dtype=object), "quad": buckets["quad"].to_numpy(dtype=object),
        "start": start, "end": buckets["end"].to_numpy(dtype="datetime64[D]"),
        "span": np.ones(len(buckets), dtype=bool), "size": 6 + 16 * np.sqrt(counts / top),
        "h1": periods, "h2": buckets["lane"].to_numpy(dtype=object), "h3": counts.astype(object),
    })
