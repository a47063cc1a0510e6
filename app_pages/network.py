"""Network: who acts on whom, and who speaks about whom. Actors are nodes (states by default,
their bodies and officials folded in; the toggle unfolds them, `unfold=1`); a directed edge
per actor pair from the filtered events (colour: most frequent quad class, width: events +
quotes) and the quotes whose speaker is one side of their event, or that name one other side
when they have no event (corpus/network.py). Clicking an edge filters every page to that dyad
(`dyad=A~B`), a node to that actor."""

import streamlit as st

from components import item_view, network_view
from components.layout import export_buttons, header
from components.network_chart import network_figure
from components.shell import context

ctx = context("network")
header(ctx, "nav.network")
item_view.panel(ctx)  # ?event=ID / ?quote=ID: the linked item first
st.caption(ctx.t("network.caption"))
unfold = network_view.unfold_toggle(ctx)
nodes, edges = network_view.graph(ctx, not unfold)
if edges.empty:
    st.info(ctx.t("network.empty"))
    st.stop()
labels = {**{k: ctx.t(k) for k in ("quad.verbal_cooperation", "quad.material_cooperation",
                                    "quad.verbal_conflict", "quad.material_conflict")},
          "arrow": ctx.t("misc.arrow"), "events": ctx.t("chart.events"), "quotes": ctx.t("overview.quotes"),
          "score": ctx.t("chart.mean_score"), "actors": ctx.t("filters.actors"), "weight": ctx.t("network.weight"),
          "alone": ctx.t("network.alone"), "no_event": ctx.t("network.no_event")}
selected = ctx.filters.dyads[0] if len(ctx.filters.dyads) == 1 else None
fig = network_figure(nodes, edges, ctx.actor, labels, ctx.rtl, selected)
st.plotly_chart(fig, key=network_view.CHART_KEY, on_select=network_view.on_select, selection_mode="points",
                config={"displaylogo": False, "displayModeBar": False})
st.caption(ctx.t("network.select_hint"))
st.dataframe(network_view.edge_table(ctx, edges), hide_index=True)
export_buttons(ctx, ctx.result.events, ctx.result.quotes)
