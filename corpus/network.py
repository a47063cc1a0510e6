"""The relations network: who acts on whom, and who speaks about whom — computed from the
filtered event and quote frames (no Streamlit; the Network page only lays it out).

- **Nodes** are actors. Folded (the default), every actor is replaced by its state
  (`corpus.query.state_of`: a ministry, an official → Algeria); an actor with no state (an
  armed group, an IGO) stays itself. Unfolded, every actor is its own node.
- **Event edges**: an event `actor1 → actor2` is one directed edge from actor1's node to
  actor2's node (events with no actor2, or with both sides in one node, make no edge).
- **Quote edges**: a quote whose speaker is one side of the quote's event speaks *about* the
  other side (`quote_target`): Mali's communiqué on an Algeria → Mali event is Mali → Algeria.
  A quote with no event speaks about the one actor (one side: a state with its bodies and
  officials) its own words name, outside the speaker's side (`said_about`: the actor mentions
  inside the quote's span); naming none, or several sides, it has no target. A quote with no
  target (that, or a third party's quote on an event) makes no edge and counts for its
  speaker's node only (`untargeted`, `nodes(spoken=…)`). Documented in docs/DASHBOARD.md.
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
from dataclasses import dataclass

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


def said_about(speaker: str | None, mentions: Iterable, start: int, end: int,
               state_of: Callable[[str], str]) -> str | None:
    """The actor a quote with no event speaks about: among the actor mentions inside its span
    [start, end), those not on the speaker's side; the first of them in the text when they are
    all one side, None when there are none or several sides (or no speaker)."""
    if not isinstance(speaker, str) or not speaker:
        return None
    own = state_of(speaker)
    named = sorted((m.start, m.ref) for m in mentions
                   if m.kind == "actor" and isinstance(m.ref, str) and m.ref and start <= m.start and m.end <= end)
    others = [ref for _, ref in named if state_of(ref) != own]
    return others[0] if others and len({state_of(ref) for ref in others}) == 1 else None


def _nodes_coded(values: pd.Series, state: Mapping[str, str], fold: bool) -> tuple[np.ndarray, list[str]]:
    """Node codes (-1: none) and the node of each code. Factorised first: the few distinct
    actors are mapped to nodes, not the 100,000 rows."""
    codes, actors = pd.factorize(values, use_na_sentinel=True)
    names = [(state.get(a, a) if fold else a) if isinstance(a, str) and a else None for a in actors]
    uniques = sorted({n for n in names if n is not None})
    number = {n: i for i, n in enumerate(uniques)}
    lookup = np.array([number[n] if n is not None else -1 for n in names] + [-1], dtype=np.int64)
    return lookup[np.where(codes < 0, len(names), codes)], uniques


def _coded_pairs(first: pd.Series, second: pd.Series, state: Mapping[str, str], fold: bool
                 ) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[str]]:
    """(source codes, target codes, rows kept — both nodes, no self-loop —, node names), the
    two columns coded against one list of nodes."""
    a, a_names = _nodes_coded(first, state, fold)
    b, b_names = _nodes_coded(second, state, fold)
    names = sorted(set(a_names) | set(b_names))
    number = {n: i for i, n in enumerate(names)}
    a = np.array([number[n] for n in a_names] + [-1], dtype=np.int64)[a]
    b = np.array([number[n] for n in b_names] + [-1], dtype=np.int64)[b]
    keep = (a >= 0) & (b >= 0) & (a != b)
    return a, b, keep, names


def _dominant(counts: Mapping[str, int]) -> str | None:
    """The most frequent quad class (ties: the first in plover.QUAD_CLASSES order)."""
    best = [(-int(counts.get(q, 0)), i, q) for i, q in enumerate(plover.QUAD_CLASSES) if counts.get(q, 0)]
    return min(best)[2] if best else None


@dataclass(frozen=True)
class Coded:
    """Rows of an event or quote frame as numbers, built once per index and fold: the source
    and target node of each row (an index into `names`; -1: no edge), its quad class (an
    index into plover.QUAD_CLASSES; -1: none) and its score (NaN: none). A filtered view's
    edges are then counts over the kept row positions."""

    names: list[str]
    source: np.ndarray
    target: np.ndarray
    quad: np.ndarray
    score: np.ndarray
    alone: np.ndarray | None = None  # quotes: the speaker's node of a row with no edge (else -1)


def _quad_codes(quads: pd.Series) -> np.ndarray:
    codes, uniques = pd.factorize(quads, use_na_sentinel=True)
    order = {q: i for i, q in enumerate(plover.QUAD_CLASSES)}
    lookup = np.array([order.get(q, -1) for q in uniques] + [-1], dtype=np.int64)
    return lookup[np.where(codes < 0, len(uniques), codes)]


def code_events(events: pd.DataFrame, state: Mapping[str, str], fold: bool) -> Coded:
    """The events' edges as numbers: actor1 → actor2."""
    src, tgt, keep, names = _coded_pairs(events["actor1"], events["actor2"], state, fold)
    score = pd.to_numeric(events["score"], errors="coerce").to_numpy(dtype=np.float64, na_value=np.nan)
    return Coded(names, np.where(keep, src, -1), np.where(keep, tgt, -1), _quad_codes(events["quad"]), score)


def code_quotes(quotes: pd.DataFrame, state: Mapping[str, str], fold: bool) -> Coded:
    """The quotes' edges as numbers: speaker → target, with their event's quad class and score."""
    src, tgt, keep, names = _coded_pairs(quotes["speaker"], quotes["target"], state, fold)
    codes, uniques = pd.factorize(quotes["event_type"], use_na_sentinel=True)
    lookup = np.array([plover.score_of(t) if isinstance(t, str) else np.nan for t in uniques] + [np.nan])
    score = lookup[np.where(codes < 0, len(uniques), codes)]
    return Coded(names, np.where(keep, src, -1), np.where(keep, tgt, -1), _quad_codes(quotes["quad"]), score,
                 np.where(keep, -1, src))


def untargeted(quotes: Coded, rows: np.ndarray | None = None) -> dict[str, int]:
    """The quotes with no edge (no target: see the module docstring) among `rows` (positions;
    None: every row), counted for their speaker's node."""
    alone = quotes.alone if rows is None else quotes.alone[rows]
    counts = np.bincount(alone[alone >= 0], minlength=len(quotes.names))
    return {quotes.names[i]: int(n) for i, n in enumerate(counts) if n}


def _counts(coded: Coded, rows: np.ndarray | None) -> pd.DataFrame:
    """Per (source, target) pair present among `rows` (positions; None: every row): n, the
    mean score, and n per quad class."""
    arrays = (coded.source, coded.target, coded.quad, coded.score)
    src, tgt, quad, score = arrays if rows is None else (a[rows] for a in arrays)
    keep = src >= 0
    src, tgt, quad, score = src[keep], tgt[keep], quad[keep], score[keep]
    size = max(1, len(coded.names))
    pair = src * size + tgt
    n = np.bincount(pair, minlength=size * size)
    found = np.flatnonzero(n)
    scored = ~np.isnan(score)
    total = np.bincount(pair[scored], weights=score[scored], minlength=size * size)[found]
    counted = np.bincount(pair[scored], minlength=size * size)[found]
    out = {"source": [coded.names[p // size] for p in found], "target": [coded.names[p % size] for p in found],
           "n": n[found], "mean": np.divide(total, counted, out=np.full(len(found), np.nan), where=counted > 0)}
    for i, q in enumerate(plover.QUAD_CLASSES):
        out[f"n_{q}"] = np.bincount(pair[quad == i], minlength=size * size)[found]
    return pd.DataFrame(out)


def edges(events: pd.DataFrame, quotes: pd.DataFrame, state: Mapping[str, str], fold: bool = True) -> pd.DataFrame:
    """One row per directed pair of nodes (columns EDGE_COLUMNS), heaviest first, then by ids."""
    return coded_edges(code_events(events, state, fold), None, code_quotes(quotes, state, fold), None)


def coded_edges(events: Coded, event_rows: np.ndarray | None, quotes: Coded, quote_rows: np.ndarray | None
                ) -> pd.DataFrame:
    """`edges` from coded frames and the positions of the kept rows (None: every row)."""
    quad_cols = [f"n_{q}" for q in plover.QUAD_CLASSES]
    ev = _counts(events, event_rows).rename(columns={"n": "events", "mean": "score"})
    qu = _counts(quotes, quote_rows)
    qu["quote_quad"] = [_dominant(dict(zip(plover.QUAD_CLASSES, row, strict=True)))
                        for row in qu[quad_cols].to_numpy().tolist()]
    qu = qu.rename(columns={"n": "quotes", "mean": "quote_score"})[["source", "target", "quotes", "quote_score",
                                                                     "quote_quad"]]
    merged = ev.merge(qu, on=["source", "target"], how="outer")
    if merged.empty:
        return pd.DataFrame(columns=EDGE_COLUMNS)
    merged[["events", "quotes", *quad_cols]] = merged[["events", "quotes", *quad_cols]].fillna(0).astype(int)
    merged["score"] = merged["score"].astype(float).fillna(merged["quote_score"].astype(float))
    merged["quad"] = [_dominant(dict(zip(plover.QUAD_CLASSES, row, strict=True))) or qq
                      for row, qq in zip(merged[quad_cols].to_numpy().tolist(), merged["quote_quad"], strict=True)]
    merged["weight"] = merged["events"] + merged["quotes"]
    merged = merged.sort_values(["weight", "source", "target"], ascending=[False, True, True], kind="stable")
    return merged[EDGE_COLUMNS].reset_index(drop=True)


HUB_X = 0.42  # the hubs sit inside the circle, this far left and right of its centre


def nodes(edge_frame: pd.DataFrame, first: Iterable[str] = ("DZA", "MLI"),
          spoken: Mapping[str, int] | None = None) -> pd.DataFrame:
    """The nodes of the edges and of the speakers of quotes with no target (`spoken`: node →
    such quotes, `untargeted`): id, weight (events + quotes touching it, its own quotes with no
    target included), alone (those quotes), x, y. Deterministic:
    the `first` ids present (Algeria, Mali) are hubs inside the circle (two: at −HUB_X and
    +HUB_X on the horizontal axis; one: at the centre), the others on the unit circle by weight
    then id, from the top, clockwise."""
    weight: dict[str, int] = {}
    for row in edge_frame[["source", "target", "events", "quotes"]].itertuples(index=False):
        for node in (row.source, row.target):
            weight[node] = weight.get(node, 0) + int(row.events) + int(row.quotes)
    alone = dict(spoken or {})
    for node, n in alone.items():
        weight[node] = weight.get(node, 0) + int(n)
    lead = [f for f in first if f in weight]
    rest = sorted((n for n in weight if n not in lead), key=lambda n: (-weight[n], n))
    hubs = [(-HUB_X, 0.0), (HUB_X, 0.0)] if len(lead) == 2 else [(0.0, 0.0)] * len(lead)
    angles = [math.pi / 2 - 2 * math.pi * i / len(rest) for i in range(len(rest))]
    where = hubs + [(round(math.cos(a), 6), round(math.sin(a), 6)) for a in angles]
    order = lead + rest
    return pd.DataFrame({"id": order, "weight": [weight[n] for n in order], "alone": [alone.get(n, 0) for n in order],
                         "x": [x for x, _ in where], "y": [y for _, y in where]})


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
