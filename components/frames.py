"""Shape a query result into what a chart, map or card list draws. Pure pandas, no
Streamlit, no querying (the filtering is corpus.query.run_query); unit-tested."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from corpus.models import capital_places
from corpus.query import state_of  # noqa: F401 — the one actor → state function, used by pages

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
    # Rank positions with one lexsort over arrays (dyad first, strongest, earliest, then frame
    # order) instead of sorting a copy of every column; only the `limit` rows are taken.
    dyad = dyad_mask(events, members)
    strength = events["score"].abs().to_numpy(dtype=float, na_value=np.nan)
    start = events["date_start"].to_numpy(dtype="datetime64[ns]")
    order = np.lexsort((np.arange(len(events)), start, -strength, ~dyad))[:limit]
    return events.iloc[order].sort_values(["date_start", "id"], kind="stable")


def most_frequent(frame: pd.DataFrame, keys: list[str], column: str = "quad") -> pd.Series:
    """Per group of `keys`, the most frequent value of `column`; ties go to the value seen first
    (what `value_counts().index[0]` gives), computed without a Python function per group."""
    stats = (frame.assign(_pos=np.arange(len(frame)))
             .groupby([*keys, column], sort=False, observed=True)["_pos"].agg(["size", "min"]).reset_index())
    stats = stats.sort_values(["size", "min"], ascending=[False, True], kind="stable").drop_duplicates(keys)
    return stats.set_index(keys)[column]


def place_markers(events: pd.DataFrame, coarse_from: int = 4) -> pd.DataFrame:
    """One marker per place for events with a point-like precision (1–3 or unknown):
    place_id, lat, lon, events (count), quad (the most frequent), ids (first few)."""
    if events.empty:
        return pd.DataFrame(columns=["place_id", "lat", "lon", "events", "quad"])
    precision = events["geo_precision"].fillna(1)
    columns = events[["place_id", "lat", "lon", "id", "quad"]]  # narrow first: masks copy every column
    points = columns[((precision < coarse_from) & events["lat"].notna() & events["lon"].notna()).to_numpy()]
    if points.empty:
        return pd.DataFrame(columns=["place_id", "lat", "lon", "events", "quad"])
    out = points.groupby("place_id", sort=True).agg(lat=("lat", "first"), lon=("lon", "first"), events=("id", "size"))
    out["quad"] = most_frequent(points, ["place_id"])
    return out.reset_index()


def coarse_areas(events: pd.DataFrame, coarse_from: int = 4) -> pd.DataFrame:
    """Events located only to a region/area/country, grouped by (place_id, geo_precision)."""
    cols = ["place_id", "geo_precision", "events", "quad"]
    if events.empty:
        return pd.DataFrame(columns=cols)
    precision = events["geo_precision"].fillna(0)
    coarse = events[["place_id", "geo_precision", "id", "quad"]][
        ((precision >= coarse_from) & (precision <= 6) & events["place_id"].notna()).to_numpy()]
    if coarse.empty:
        return pd.DataFrame(columns=cols)
    out = coarse.groupby(["place_id", "geo_precision"], sort=True).agg(events=("id", "size"))
    out["quad"] = most_frequent(coarse, ["place_id", "geo_precision"])
    return out.reset_index()


def arcs(events: pd.DataFrame, capitals: Mapping[str, tuple[float, float]],
         members_of: Mapping[str, str]) -> pd.DataFrame:
    """Diplomatic (verbal) events between two states, grouped by capital pair:
    source/target [lon, lat], events (count), quad, actor1, actor2 (the states).
    Grouped on integer codes (state index, quad index): no string hashing per event."""
    cols = ["actor1", "actor2", "source", "target", "events", "quad"]
    if events.empty:
        return pd.DataFrame(columns=cols)
    states = sorted(capitals)
    verbal = (events["quad"].isin(DIPLOMATIC_QUADS) & events["actor2"].notna()).to_numpy()
    code1, code2 = (_state_codes(events[c], members_of, states) for c in ("actor1", "actor2"))
    quad_codes, quads = pd.factorize(events["quad"])
    keep = verbal & (code1 >= 0) & (code2 >= 0) & (code1 != code2)
    pairs = pd.DataFrame({"actor1": code1[keep], "actor2": code2[keep], "quad": quad_codes[keep]})
    if pairs.empty:
        return pd.DataFrame(columns=cols)
    out = pairs.groupby(["actor1", "actor2"], sort=False).size().rename("events").to_frame()
    out["quad"] = most_frequent(pairs, ["actor1", "actor2"])
    out = out.reset_index()
    names, quad_names = np.array(states, dtype=object), np.asarray(quads, dtype=object)
    out["actor1"], out["actor2"] = names[out["actor1"].to_numpy()], names[out["actor2"].to_numpy()]
    out["quad"] = quad_names[out["quad"].to_numpy()]
    out["source"] = [list(capitals[a]) for a in out["actor1"]]
    out["target"] = [list(capitals[a]) for a in out["actor2"]]
    return out[cols]


def _state_codes(actors: pd.Series, members_of: Mapping[str, str], states: list[str]) -> np.ndarray:
    """Each actor's state as its position in `states` (-1: missing or no state there), looked
    up once per distinct actor."""
    codes, uniques = pd.factorize(actors)
    position = {state: i for i, state in enumerate(states)}
    table = np.array([position.get(members_of.get(a, a), -1) for a in uniques] + [-1], dtype=np.int64)
    return table[codes]


def capitals(places: Mapping) -> dict[str, tuple[float, float]]:
    """Country ISO3 → (lon, lat) of its capital in the gazetteer."""
    return {state: (p.lon, p.lat) for state, p in capital_places(places.values()).items()
            if p.lat is not None and p.lon is not None}


def lanes(events: pd.DataFrame, mode: str, dyad_label, type_label) -> tuple[np.ndarray, list[str]]:
    """Each event's lane number and the lane labels (sorted): its actor dyad or its event type.
    Each distinct dyad/type is labelled once (no per-row Python)."""
    if mode == "type":
        codes, uniques = _factorize(events["event_type"])
        labels = [type_label(u) for u in uniques]
    else:
        codes1, uniq1 = _factorize(events["actor1"])
        codes2, uniq2 = _factorize(events["actor2"])
        width = len(uniq2)
        pairs, codes = np.unique(codes1 * width + codes2, return_inverse=True)
        labels = [dyad_label(uniq1[p // width], uniq2[p % width]) for p in pairs]
    if not len(events):
        return np.zeros(0, dtype=np.int64), []
    names, remap = np.unique(np.array(labels, dtype=str), return_inverse=True)
    return remap.reshape(-1)[np.asarray(codes).reshape(-1)].astype(np.int64), [str(n) for n in names]


def _factorize(values: pd.Series) -> tuple[np.ndarray, list]:
    """Codes (int64) and distinct values, missing values (None) included as a value."""
    codes, uniques = pd.factorize(values)
    uniques = [u if isinstance(u, str) or not pd.isna(u) else None for u in uniques]
    if (codes < 0).any():
        codes = np.where(codes < 0, len(uniques), codes)
        uniques.append(None)
    return codes.astype(np.int64), uniques


def map_unique(values, label) -> np.ndarray:
    """label(value) for each value, calling label once per distinct value."""
    codes, uniques = pd.factorize(pd.Series(values, dtype=object), use_na_sentinel=False)
    table = np.array([label(u) for u in uniques] or [""], dtype=object)
    return table[codes] if len(codes) else np.empty(0, dtype=object)


def event_spans(events: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Each event's date span as day arrays: start (inclusive) and end (exclusive)."""
    start = events["date_start"].to_numpy(dtype="datetime64[ns]").astype("datetime64[D]")
    end = events["date_end"].to_numpy(dtype="datetime64[ns]").astype("datetime64[D]") + np.timedelta64(1, "D")
    return start, end


def timeline_period(events: pd.DataFrame, n_lanes: int = 1, max_groups: int = 2000) -> str:
    """How to group a large timeline: by month ("M") when lanes × months stays under
    max_groups, else by year ("Y")."""
    start, end = event_spans(events)
    start, end = start[~np.isnat(start)], end[~np.isnat(end)]
    if not len(start):
        return "Y"
    months = int((end.max().astype("datetime64[M]") - start.min().astype("datetime64[M]")).astype(np.int64)) + 1
    return "M" if months * max(1, n_lanes) <= max_groups else "Y"


def timeline_buckets(events: pd.DataFrame, lane: np.ndarray, period: str = "Y",
                     quads: tuple[str, ...] = ()) -> tuple[pd.DataFrame, np.ndarray]:
    """Events grouped by lane and period ("M" month or "Y" year); an event dated more coarsely
    than the period (a year-precision event on a monthly timeline) keeps its own span.
    Returns the groups in lane then date order — lane, start, end (day bounds, end exclusive),
    precision (of that span), events (count), quad (the most frequent), n_<quad> (count per
    quad class) — and each event's group number (-1: undated)."""
    from corpus import plover

    quads = quads or plover.QUAD_CLASSES
    cols = ["lane", "start", "end", "precision", "events", "quad", *(f"n_{q}" for q in quads)]
    bucket = np.full(len(events), -1, dtype=np.int64)
    start, end = event_spans(events)
    dated = ~np.isnat(start) & ~np.isnat(end)
    if not dated.any():
        return pd.DataFrame(columns=cols), bucket
    unit = "M" if period == "M" else "Y"
    b_start = start.astype(f"datetime64[{unit}]")
    b_end = (b_start + np.timedelta64(1, unit)).astype("datetime64[D]")
    b_start = b_start.astype("datetime64[D]")
    own = end > b_end  # coarser than the period: the event keeps its own span
    b_start, b_end = np.where(own, start, b_start)[dated], np.where(own, end, b_end)[dated]
    lane = np.asarray(lane, dtype=np.int64)[dated]
    day0 = b_start.astype(np.int64)
    length = (b_end - b_start).astype(np.int64)
    key = (lane * (1 << 18) + (day0 + (1 << 17))) * (1 << 16) + np.minimum(length, (1 << 16) - 1)
    _, first, inverse = np.unique(key, return_index=True, return_inverse=True)
    inverse = inverse.reshape(-1)
    bucket[dated] = inverse
    codes, uniques = _factorize(events["quad"])
    quad_codes = np.array([quads.index(u) if u in quads else -1 for u in uniques] or [-1])[codes][dated]
    known = quad_codes >= 0
    counts = np.bincount(inverse[known] * len(quads) + quad_codes[known],
                         minlength=len(first) * len(quads)).reshape(len(first), len(quads))
    precision = events["date_precision"].to_numpy(dtype=np.int64, na_value=5)[dated]
    out = pd.DataFrame({
        "lane": lane[first], "start": b_start[first], "end": b_end[first],
        "precision": np.where(own[dated][first], precision[first], 4 if unit == "M" else 5),
        "events": np.bincount(inverse, minlength=len(first)),
        "quad": np.array(quads, dtype=object)[counts.argmax(axis=1)],
    })
    for i, quad in enumerate(quads):
        out[f"n_{quad}"] = counts[:, i]
    return out[cols], bucket


def timeline_points(events: pd.DataFrame, lane: np.ndarray, hover: list[str]) -> pd.DataFrame:
    """One timeline point per event (components.charts.timeline_figure): key = the event's row
    position, lane number, quad, date span (a span line when coarser than a day), hover text."""
    start, end = event_spans(events)
    precision = events["date_precision"].to_numpy(dtype=np.int64, na_value=1)
    lanes = np.asarray(lane, dtype=np.int64)
    return pd.DataFrame({
        "key": np.arange(len(events)), "lane": lanes + same_day_offsets(lanes, start),
        "quad": events["quad"].to_numpy(dtype=object), "start": start, "end": end, "span": precision > 1,
        "size": np.full(len(events), 11.0), "text": np.array(hover, dtype=object).reshape(-1),
    })


def same_day_offsets(lanes: np.ndarray, start: np.ndarray, spread: float = 0.7) -> np.ndarray:
    """A vertical offset inside the lane for events sharing a lane and a start day, so none
    hides another: n such events are spread evenly over `spread` of the lane's height."""
    if not len(lanes):
        return np.zeros(0)
    groups = pd.DataFrame({"lane": lanes, "day": start})
    rank = groups.groupby(["lane", "day"], dropna=False).cumcount().to_numpy(dtype=np.float64)
    size = groups.groupby(["lane", "day"], dropna=False)["lane"].transform("size").to_numpy(dtype=np.float64)
    step = np.minimum(0.2, spread / np.maximum(size, 1))
    return (rank - (size - 1) / 2) * step


def counts_over_time(events: pd.DataFrame, max_months: int = 36) -> tuple[pd.DataFrame, str, int]:
    """Events per month (a filtered period of at most `max_months`) or per year, by quad class,
    for the stacked count chart: (period start × quad class counts, "M" or "Y", how many events
    were left out because their date is coarser than the period — a year-only date in a monthly
    chart is not put in January)."""
    from corpus import plover

    start, end = event_spans(events)
    dated = ~np.isnat(start)
    if not dated.any():
        return pd.DataFrame(columns=list(plover.QUAD_CLASSES)), "Y", 0
    first, last = start[dated].min(), (end[dated] - np.timedelta64(1, "D")).max()
    months = int((last.astype("datetime64[M]") - first.astype("datetime64[M]")).astype(np.int64)) + 1
    period = "M" if months <= max_months else "Y"
    precision = events["date_precision"].to_numpy(dtype=np.int64, na_value=5)
    keep = dated & (precision <= (4 if period == "M" else 5))
    unit = f"datetime64[{period}]"
    bins = start[keep].astype(unit).astype("datetime64[s]")
    table = pd.crosstab(bins, events["quad"].to_numpy(dtype=object)[keep])
    full = np.arange(first.astype(unit), last.astype(unit) + 1).astype("datetime64[s]")
    table = table.reindex(index=full, columns=list(plover.QUAD_CLASSES), fill_value=0)
    return table, period, int(dated.sum() - keep.sum())


def bucket_points(buckets: pd.DataFrame, hover: list[str]) -> pd.DataFrame:
    """One timeline point per group of events: key = the group number, marker size growing
    with the count (area ∝ count), a span line over the group's period."""
    counts = buckets["events"].to_numpy(dtype=np.int64)
    top = max(1, int(counts.max())) if len(counts) else 1
    return pd.DataFrame({
        "key": np.arange(len(buckets)), "lane": buckets["lane"].to_numpy(dtype=np.int64),
        "quad": buckets["quad"].to_numpy(dtype=object), "start": buckets["start"].to_numpy(dtype="datetime64[D]"),
        "end": buckets["end"].to_numpy(dtype="datetime64[D]"), "span": np.ones(len(buckets), dtype=bool),
        "size": 6 + 16 * np.sqrt(counts / top), "text": np.array(hover, dtype=object).reshape(-1),
    })
