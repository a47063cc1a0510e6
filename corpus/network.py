"""The relations network: who acts on whom, and who speaks about whom — computed from the
filtered event and quote frames (no Streamlit; the Network page only lays it out).

- **Nodes** are actors. Folded (the default), every actor is replaced by its state
  (`corpus.query.state_of`: a ministry, an official → Algeria); an actor with no state (an
  armed group, an IGO) stays itself. Unfolded, every actor is its own node.
- **Event edges**: an event `actor1 → actor2` is one directed edge from actor1's node to
  actor2's node (events with no actor2, or with both sides in one node, make no edge).
- **Quote edges**: a quote whose speaker is one side of the quote's event speaks *about* the
  other side (`quote_target`): Mali's communiqué on an Algeria → Mali event is Mali → Algeria.
  A speaker on neither side (a third party) and a quote with no event make no edge — simple,
  checkable, and documented in docs/DASHBOARD.md ("Network").
- One edge per directed pair: `events` and `quotes` counts, the events per quad class (the
  edge is coloured by the most frequent one), and the mean cooperation–conflict score of its
  events (of its quotes' events when it has no event).
- A **dyad** `A~B` (the `dyad=` URL filter) keeps the events `A → B` (directed: actor1 on A's
  side, actor2 on B's side, each side an actor and everything that belongs to it, as the actor
  filter) and the quotes by A's side about B's side.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Iterable, Mapping

import numpy as np
import pandas as pd

from corpus import plover

SEP = "~"
EDGE_COLUMNS = ["source", "target", "events", "quotes", "score", "quad",
                *(f"n_{q}" for q in plover.QUAD_CLASSES)]


def dyad_key(source: str, target: str) -> str:
    return f"{source}{SEP}{target}"


def parse_dyad(value: str) -> tuple[str, str] | None:
    """`A~B` → (A, B); None when it is not two different non-empty ids."""
    parts = [p.strip() for p in str(value).split(SEP)]
    if len(parts) != 2 or not all(parts) or parts[0] == parts[1]:
        return None
    return parts[0], parts[1]


class DyadVocabulary(Collection):
    """The dyads a URL may name: two different known actor ids (`A~B`); membership is checked
    on demand, the pairs are only listed when iterated."""

    def __init__(self, actors: Collection[str]):
        self._actors = actors

    def __contains__(self, value: object) -> bool:
        pair = parse_dyad(value) if isinstance(value, str) else None
        return pair is not None and all(side in self._actors for side in pair)

    def __iter__(self):
        return (dyad_key(a, b) for a in self._actors for b in self._actors if a != b)

    def __len__(self) -> int:
        return len(self._actors) * (len(self._actors) - 1)


def quote_target(speaker: str | None, actor1: str | None, actor2: str | None,
                 state_of: Callable[[str], str]) -> str | None:
    """The actor a quote's speaker speaks about: the other side of the quote's event, when the
    speaker belongs to one side (its state or itself); None otherwise."""
    if not all(isinstance(a, str) and a for a in (speaker, actor1, actor2)):
        return None
    own, first, second = state_of(speaker), state_of(actor1), state_of(actor2)
    if first == second:
        return None
    if own == first:
        return actor2
    if own == second:
        return actor1
    return None


def node_ids(values: Iterable, state: Mapping[str, str], fold: bool) -> np.ndarray:
    """Each actor id's node (its state when folded); missing values stay None."""
    ids = pd.Series(list(values) if not isinstance(values, pd.Series) else values.to_numpy(dtype=object), dtype=object)
    ids = ids.where(ids.map(lambda v: isinstance(v, str), na_action="ignore").fillna(False).astype(bool))
    out = ids.map(state).fillna(ids) if fold else ids
    return out.astype(object).where(out.notna(), None).to_numpy(dtype=object)


def _pairs(source: np.ndarray, target: np.ndarray) -> np.ndarray:
    """Rows with both nodes and two different ones (no self-loops)."""
    src, tgt = pd.Series(source, dtype=object), pd.Series(target, dtype=object)
    return (src.notna() & tgt.notna() & (src != tgt)).to_numpy(dtype=bool)


def _event_edges(events: pd.DataFrame, state: Mapping[str, str], fold: bool) -> pd.DataFrame:
    source, target = node_ids(events["actor1"], state, fold), node_ids(events["actor2"], state, fold)
    keep = _pairs(source, target)
    frame = pd.DataFrame({"source": source[keep], "target": target[keep],
                          "quad": events["quad"].to_numpy(dtype=object)[keep],
                          "score": pd.to_numeric(events["score"], errors="coerce").to_numpy(dtype=float)[keep]})
    if frame.empty:
        return pd.DataFrame(columns=["source", "target", "events", "score", *(f"n_{q}" for q in plover.QUAD_CLASSES)])
    counts = pd.crosstab([frame["source"], frame["target"]], frame["quad"])
    counts = counts.reindex(columns=list(plover.QUAD_CLASSES), fill_value=0).add_prefix("n_")
    grouped = frame.groupby(["source", "target"])["score"].agg(events="size", score="mean")
    return grouped.join(counts).reset_index()


def _quote_edges(quotes: pd.DataFrame, state: Mapping[str, str], fold: bool) -> pd.DataFrame:
    source, target = node_ids(quotes["speaker"], state, fold), node_ids(quotes["target"], state, fold)
    keep = _pairs(source, target)
    scores = [plover.score_of(t) if isinstance(t, str) else np.nan for t in quotes["event_type"].to_numpy(dtype=object)[keep]]
    frame = pd.DataFrame({"source": source[keep], "target": target[keep], "quote_score": scores,
                          "quote_quad": quotes["quad"].to_numpy(dtype=object)[keep]})
    if frame.empty:
        return pd.DataFrame(columns=["source", "target", "quotes", "quote_score", "quote_quad"])
    return frame.groupby(["source", "target"]).agg(
        quotes=("quote_score", "size"), quote_score=("quote_score", "mean"),
        quote_quad=("quote_quad", lambda q: _dominant(q.value_counts().to_dict()))).reset_index()


def _dominant(counts: Mapping[str, int]) -> str | None:
    """The most frequent quad class (ties: the first in plover.QUAD_CLASSES order)."""
    best = [(-int(counts.get(q, 0)), i, q) for i, q in enumerate(plover.QUAD_CLASSES) if counts.get(q, 0)]
    return min(best)[2] if best else None


def edges(events: pd.DataFrame, quotes: pd.DataFrame, state: Mapping[str, str], fold: bool = True) -> pd.DataFrame:
    """One row per directed pair of nodes (columns EDGE_COLUMNS), heaviest first, then by ids."""
    merged = _event_edges(events, state, fold).merge(_quote_edges(quotes, state, fold), on=["source", "target"],
                                                     how="outer")
    if merged.empty:
        return pd.DataFrame(columns=EDGE_COLUMNS)
    quad_cols = [f"n_{q}" for q in plover.QUAD_CLASSES]
    merged[["events", "quotes", *quad_cols]] = merged[["events", "quotes", *quad_cols]].fillna(0).astype(int)
    merged["score"] = merged["score"].astype(float).fillna(merged["quote_score"].astype(float))
    merged["quad"] = [_dominant(dict(zip(plover.QUAD_CLASSES, row, strict=True))) or qq
                      for row, qq in zip(merged[quad_cols].to_numpy().tolist(), merged["quote_quad"], strict=True)]
    merged["weight"] = merged["events"] + merged["quotes"]
    merged = merged.sort_values(["weight", "source", "target"], ascending=[False, True, True], kind="stable")
    return merged[EDGE_COLUMNS].reset_index(drop=True)


def nodes(edge_frame: pd.DataFrame, first: Iterable[str] = ("DZA", "MLI")) -> pd.DataFrame:
    """The nodes of the edges on a circle: id, weight (events + quotes touching it), x, y.
    Deterministic: the `first` ids (Algeria, Mali) lead, then by weight and id; the circle
    starts at the top and turns clockwise."""
    weight: dict[str, int] = {}
    for row in edge_frame[["source", "target", "events", "quotes"]].itertuples(index=False):
        for node in (row.source, row.target):
            weight[node] = weight.get(node, 0) + int(row.events) + int(row.quotes)
    lead = [f for f in first if f in weight]
    rest = sorted((n for n in weight if n not in lead), key=lambda n: (-weight[n], n))
    order = lead + rest
    angles = [math.pi / 2 - 2 * math.pi * i / len(order) for i in range(len(order))] if order else []
    return pd.DataFrame({"id": order, "weight": [weight[n] for n in order],
                         "x": [round(math.cos(a), 6) for a in angles], "y": [round(math.sin(a), 6) for a in angles]})


def _sides(members: Mapping[str, frozenset[str]], key: str) -> tuple[frozenset[str], frozenset[str]] | None:
    pair = parse_dyad(key)
    if pair is None:
        return None
    return tuple(members.get(side, frozenset({side})) for side in pair)  # type: ignore[return-value]


def dyad_mask(first: pd.Series, second: pd.Series, dyads: Iterable[str],
              members: Mapping[str, frozenset[str]]) -> np.ndarray:
    """Rows whose `first` is on a dyad's first side and `second` on its second (any dyad)."""
    mask = np.zeros(len(first), dtype=bool)
    for key in dyads:
        sides = _sides(members, key)
        if sides is not None:
            mask |= (first.isin(sides[0]) & second.isin(sides[1])).to_numpy(dtype=bool)
    return mask


def edge_geometry(node_frame: pd.DataFrame, edge_frame: pd.DataFrame, bend: float = 0.06) -> pd.DataFrame:
    """Where to draw each edge: from (x0, y0) to (x1, y1), shifted sideways by `bend` (to the
    right of its direction) so that A → B and B → A are two visible lines, and its midpoint
    (mx, my), where the selectable marker sits."""
    where = {row.id: (row.x, row.y) for row in node_frame.itertuples(index=False)}
    rows = []
    for source, target in zip(edge_frame["source"], edge_frame["target"], strict=True):
        (x0, y0), (x1, y1) = where[source], where[target]
        length = math.hypot(x1 - x0, y1 - y0) or 1.0
        dx, dy = (y1 - y0) / length * bend, -(x1 - x0) / length * bend
        rows.append((x0 + dx, y0 + dy, x1 + dx, y1 + dy, (x0 + x1) / 2 + dx, (y0 + y1) / 2 + dy))
    return pd.DataFrame(rows, columns=["x0", "y0", "x1", "y1", "mx", "my"], index=edge_frame.index)
