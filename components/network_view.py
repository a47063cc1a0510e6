"""The Network page's pieces that touch Streamlit: the fold toggle kept in the URL
(`unfold=1`), the cached network of a filtered view, and the selection callback that turns a
clicked edge into the `dyad=` filter (a node into the actor filter)."""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from components.filters import WIDGET, set_dyad, warn_ignored
from components.timeline_view import signature
from corpus import network
from corpus.query import run_query

UNFOLD_KEY, _UNFOLD_STATE, CHART_KEY = "unfold", "network_unfold", "network"


def unfold_toggle(ctx) -> bool:
    """Fold members into their states (default) or not; `unfold=1` in the URL. Set from the
    URL on the first run; a change writes the URL in the callback, before the rerun."""
    if _UNFOLD_STATE not in st.session_state:
        wanted = st.query_params.get(UNFOLD_KEY)
        st.session_state[_UNFOLD_STATE] = wanted == "1"
        if wanted not in (None, "0", "1"):
            warn_ignored([f"{UNFOLD_KEY}={wanted[:40]}"], ctx.lang)
    return st.toggle(ctx.t("network.unfold"), key=_UNFOLD_STATE, on_change=_write_unfold,
                     help=ctx.t("network.unfold_help"))


def _write_unfold() -> None:
    if st.session_state.get(_UNFOLD_STATE):
        st.query_params[UNFOLD_KEY] = "1"
    else:
        st.query_params.pop(UNFOLD_KEY, None)


@st.cache_resource(show_spinner=False, max_entries=4)
def coded(corpus_key: str, fold: bool, _index) -> tuple[network.Coded, network.Coded]:
    """The whole index's events and quotes as node codes, once per (index, fold)."""
    return (network.code_events(_index.events, _index.actor_state, fold),
            network.code_quotes(_index.quotes, _index.actor_state, fold))


def graph(ctx, fold: bool):
    """(nodes, edges) of the filtered view. A selected dyad does not narrow the network (its
    edge is ringed among the others, for context); every other filter does."""
    result = ctx.result if not ctx.filters.dyads else run_query(ctx.index, replace(ctx.filters, dyads=()))
    key = f"{signature(ctx, result.events)}:{signature(ctx, result.quotes)}"
    return _graph(key, fold, ctx.corpus_key, ctx.index, result)


@st.cache_data(show_spinner=False, max_entries=32)
def _graph(key: str, fold: bool, corpus_key: str, _index, _result):
    """Cached per (filtered rows, fold). The result's rows keep the index's row labels
    (positions), so the index's codes are taken, not recomputed."""
    events, quotes = coded(corpus_key, fold, _index)
    rows = _result.quotes.index.to_numpy()
    edges = network.coded_edges(events, _result.events.index.to_numpy(), quotes, rows)
    return network.nodes(edges, spoken=network.untargeted(quotes, rows)), edges


def on_select() -> None:
    """An edge click sets the dyad filter; a node click the actor filter (both in the URL)."""
    state = st.session_state.get(CHART_KEY)
    points = (state.selection.points if state and state.selection else []) or []
    for point in points:
        data = point.get("customdata")
        if isinstance(data, list) and len(data) == 2 and data[0] == "edge" and network.parse_dyad(str(data[1])):
            set_dyad(str(data[1]))
            return
        if isinstance(data, list) and len(data) == 2 and data[0] == "node" and isinstance(data[1], str):
            st.session_state[WIDGET["actor"]] = [data[1]]
            return


def edge_table(ctx, edges):
    """The edges as a table in the interface language (names, quad class, rounded score)."""
    table = edges.assign(source=edges["source"].map(ctx.actor), target=edges["target"].map(ctx.actor),
                         quad=edges["quad"].map(lambda q: ctx.t("quad." + q) if isinstance(q, str) else ctx.t("network.no_event")),
                         score=edges["score"].round(1))
    columns = {"source": ctx.t("network.col_source"), "target": ctx.t("network.col_target"),
               "events": ctx.t("network.col_events"), "quotes": ctx.t("network.col_quotes"),
               "score": ctx.t("network.col_score"), "quad": ctx.t("network.col_quad")}
    return table[list(columns)].rename(columns=columns)
