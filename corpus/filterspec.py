"""The table of id-list filters: one row per filter that keeps items naming one of a list of
ids (`?actor=DZA,MLI`). Parsing and writing the URL (corpus/urlstate.py), the sidebar widgets
(components/filters.py) and the query mask (corpus/query.py) are all derived from it, so a new
filter of this kind is one row here (plus its label in the string catalogue).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class IdFilter:
    """A filter that keeps items naming one of a list of ids (`?actor=DZA,MLI`). One row of
    the table drives the URL parsing and writing, the sidebar widget
    (components/filters.py) and, where `column` is set, the query mask (corpus/query.py)."""

    field: str  # the Filters attribute
    key: str  # the URL parameter (the widget's key is f_<key>)
    vocabulary: str  # the Vocabulary attribute listing the ids a URL may name
    column: str | None = None  # the frame column matched with isin (None: a rule of its own)
    upper: bool = False  # ids are upper case (PLOVER types): ?type=aid reads AID


ID_FILTERS = (
    IdFilter("actors", "actor", "actors"),  # actor1/actor2 or speaker, a state with its members
    IdFilter("event_types", "type", "event_types", column="event_type", upper=True),
    IdFilter("quads", "quad", "quads", column="quad"),
    IdFilter("places", "place", "places"),  # a region with the places inside it
    IdFilter("articles", "article", "articles", column="article_id"),
    IdFilter("dyads", "dyad", "dyads"),  # `A~B`: events A → B, quotes by A about B (corpus/network.py)
)
