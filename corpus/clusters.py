"""One event, many sources: clusters of reports linked by `same_as`.

An event reported by several articles is one cluster of reports. Each report stays its own
record (article, span, wording); a report names another report of the same event in
`same_as`, and the chain ends at the cluster's root, whose id is the cluster id. The views
count a cluster once; reports that differ in date, precision, actors or place are shown as
disagreeing, never silently merged.

Pure functions, no Streamlit:
- `cluster_ids(links)`: each event id → its cluster id (the root of its same_as chain);
- `link_problem(event, events)`: why an event's same_as is invalid (the loader's check);
- `disagreements(reports)`: the fields the reports of one cluster differ on;
- `propose_merge(candidate, index, state_of)`: the existing cluster an added event is likely a
  report of (same type, same states, dates within precision, same place).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

import pandas as pd

from corpus.dates import date_range
from corpus.models import Event

# Fields two reports of one event may disagree on (the event type must agree: validated).
DISAGREE_FIELDS = ("date", "date_precision", "actor1", "actor2", "place_id")


def cluster_ids(links: Mapping[str, str | None]) -> dict[str, str]:
    """Each event id → its cluster id: the root of its `same_as` chain. An event whose link
    is broken (unknown target, a cycle) is its own cluster; the loader reports the link."""
    out: dict[str, str] = {}
    for event_id in links:
        path, current = [], event_id
        while current not in out:
            path.append(current)
            target = links.get(current)
            if target is None or target not in links:
                root = current
                break
            if target in path:  # a cycle: every event on this path stands alone
                out.update((p, p) for p in path)
                path = []
                break
            current = target
        else:
            root = out[current]
        out.update((p, root) for p in path)
    return out


def link_problem(event: Event, events: Mapping[str, Event]) -> str | None:
    """Why `event.same_as` is not a valid link to another report, or None when it is (or is
    unset): the target must exist, not be the event itself, have the same event type, and the
    chain must not lead back to the event."""
    target_id = event.same_as
    if target_id is None:
        return None
    target = events.get(target_id)
    if target is None:
        return f"same_as: unknown event {target_id!r}"
    if target_id == event.id:
        return "same_as: an event cannot be the same as itself"
    if target.event_type != event.event_type:
        return (f"same_as: {event.id} is {event.event_type} but {target_id} is "
                f"{target.event_type} (reports of one event share its type)")
    seen = {event.id}
    current: Event | None = target
    while current is not None and current.same_as is not None:
        if current.id in seen or current.same_as in seen:
            return f"same_as: a cycle through {target_id}"
        seen.add(current.id)
        current = events.get(current.same_as)
    return None


def disagreements(reports: Iterable[Mapping[str, Any]]) -> tuple[str, ...]:
    """The fields of DISAGREE_FIELDS on which the reports (dicts or rows) differ."""
    rows = list(reports)
    return tuple(name for name in DISAGREE_FIELDS
                 if len({_plain(row.get(name)) for row in rows}) > 1)


def _plain(value: Any) -> Any:
    """One value per missing value (None, NaN, pd.NA) so missing never differs from missing."""
    try:
        return None if value is None or pd.isna(value) else value
    except (TypeError, ValueError):
        return value


def dates_agree(a: tuple[str, int], b: tuple[str, int]) -> bool:
    """Two partial dates (value, precision) can name the same day: their spans overlap."""
    start_a, end_a = date_range(*a)
    start_b, end_b = date_range(*b)
    return start_a <= end_b and start_b <= end_a


def propose_merge(candidate: Mapping[str, Any], index: Any,
                  state_of: Callable[[str | None], str | None]) -> str | None:
    """The cluster id of an existing event that `candidate` (an event dict: event_type,
    actor1, actor2, date, date_precision, place_id; optional id and article_id, whose own
    rows are skipped) likely reports again, or None.

    A merge is proposed when the event type is the same, both actors are the same states
    (`state_of`: a minister counts as his state), the dates overlap at their precisions and
    the place is the same (or one of them has none). Of several matches the one with the
    closest date span is proposed."""
    events = index.events
    if events.empty or not candidate.get("date") or not candidate.get("date_precision"):
        return None
    same = events[(events["event_type"] == candidate.get("event_type")).to_numpy(dtype=bool)]
    if "id" in candidate:
        same = same[(same["id"] != candidate["id"]).to_numpy(dtype=bool)]
    if candidate.get("article_id"):  # two events of one article are two events
        same = same[(same["article_id"] != candidate["article_id"]).to_numpy(dtype=bool)]
    sides = (state_of(candidate.get("actor1")), state_of(candidate.get("actor2")))
    start, end = date_range(candidate["date"], int(candidate["date_precision"]))
    best: tuple[int, str] | None = None
    for row in same.to_dict("records"):
        if (state_of(row["actor1"]), state_of(row["actor2"])) != sides:
            continue
        if not dates_agree((row["date"], int(row["date_precision"])), (candidate["date"], int(candidate["date_precision"]))):
            continue
        place = candidate.get("place_id")
        if place and isinstance(row["place_id"], str) and row["place_id"] != place:
            continue
        row_start, row_end = date_range(row["date"], int(row["date_precision"]))
        distance = abs((row_start - start).days) + abs((row_end - end).days)
        key = (distance, row.get("cluster_id") or row["id"])
        best = key if best is None or key < best else best
    return best[1] if best else None


DECIDED = ("same_as", "distinct_from")  # an added event's stored merge decision (annotation data)


def merge_proposals(index: Any, article_id: str, decided: Mapping[str, Mapping[str, Any]],
                    state_of: Callable[[str | None], str | None]) -> list[tuple[dict, str]]:
    """(event row, proposed cluster id) for each event of an added article that is alone in
    its cluster, has no stored decision (`decided`: event id → its annotation data) and
    matches an event of another article (`propose_merge`)."""
    events = index.events
    own = events[(events["article_id"] == article_id).to_numpy(dtype=bool)]
    out = []
    for row in own.to_dict("records"):
        data = decided.get(row["id"]) or {}
        if row["report_count"] > 1 or any(data.get(key) for key in DECIDED):
            continue
        target = propose_merge(row, index, state_of)
        if target is not None and target != data.get("distinct_from"):
            out.append((row, target))
    return out
