"""Competing claims: the quotes about an event, grouped by side.

The quotes about an event are those linked (`event_id`) to any report of its cluster, and to
the events in the same exchange: an event that answers another (`responds_to`, e.g. Mali's
communiqué of 1 January 2025 answering Ahmed Attaf's remarks of 30 December 2024) belongs to
the exchange of the event it answers. The index gives every event and quote its `thread_id`
(the cluster id of the exchange's first event); a side is the speaker's state (`state_of`: a
minister speaks for his state), or a non-state speaker's own id.

Pure functions over the index frames, no Streamlit.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import pandas as pd

UNKNOWN_SIDE = ""  # quotes whose speaker is not known


def thread_ids(cluster_of: Mapping[str, str], responds_to: Mapping[str, str | None]) -> dict[str, str]:
    """Each cluster id → the cluster id of its exchange: the cluster it answers (one of its
    reports' `responds_to`, followed to that event's own exchange), else itself."""
    answers: dict[str, str] = {}
    for event_id, target in sorted(responds_to.items()):
        cluster = cluster_of.get(event_id)
        if cluster and target in cluster_of and cluster_of[target] != cluster:
            answers.setdefault(cluster, cluster_of[target])
    out: dict[str, str] = {}
    for cluster in set(cluster_of.values()):
        seen, current = {cluster}, cluster
        while current in answers and answers[current] not in seen:
            current = answers[current]
            seen.add(current)
        out[cluster] = current
    return out


def side_of(speaker: object, state_of: Callable[[str | None], str | None]) -> str:
    return (state_of(speaker) or speaker) if isinstance(speaker, str) and speaker else UNKNOWN_SIDE


def about(quotes: pd.DataFrame, thread_id: str) -> pd.DataFrame:
    """The quotes about the exchange `thread_id` (in the frame's order)."""
    return quotes[(quotes["thread_id"] == thread_id).to_numpy(dtype=bool)]


def by_side(quotes: pd.DataFrame, state_of: Callable[[str | None], str | None]) -> list[tuple[str, pd.DataFrame]]:
    """The quotes grouped by side, sides in the order of their first quote (date, then id)."""
    if quotes.empty:
        return []
    ordered = quotes.sort_values(["date", "id"], kind="stable", na_position="last")
    sides = [side_of(s, state_of) for s in ordered["speaker"]]
    groups: dict[str, list[int]] = {}
    for position, side in enumerate(sides):
        groups.setdefault(side, []).append(position)
    return [(side, ordered.iloc[positions]) for side, positions in groups.items()]


def contested(quotes: pd.DataFrame, state_of: Callable[[str | None], str | None]) -> set[str]:
    """The ids of the exchanges with quotes from more than one side (unknown speakers are not
    a side), counted in one pass over speaker codes (no per-exchange grouping)."""
    linked = quotes[quotes["thread_id"].notna().to_numpy(dtype=bool)]
    if linked.empty:
        return set()
    codes, speakers = pd.factorize(linked["speaker"])
    side_table = [side_of(s, state_of) for s in speakers] + [UNKNOWN_SIDE]
    sides = pd.Series([side_table[c] for c in codes], index=linked.index)
    known = sides != UNKNOWN_SIDE
    counts = sides[known].groupby(linked["thread_id"][known]).nunique()
    return {str(thread) for thread in counts.index[counts > 1]}


@dataclass(frozen=True)
class Claim:
    thread_id: str
    sides: list[tuple[str, pd.DataFrame]]


def claims(quotes: pd.DataFrame, state_of: Callable[[str | None], str | None]) -> list[Claim]:
    """The exchanges with quotes from more than one side (unknown speakers are not a side),
    in the order of their first quote. Sides are counted per exchange in one pass, so only
    the contested exchanges are grouped one by one."""
    threads = contested(quotes, state_of)
    if not threads:
        return []
    linked = quotes[quotes["thread_id"].isin(threads).to_numpy(dtype=bool)]
    ordered = linked.sort_values(["date", "id"], kind="stable", na_position="last")
    return [Claim(str(thread_id), by_side(group, state_of))
            for thread_id, group in ordered.groupby("thread_id", sort=False)]
