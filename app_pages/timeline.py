"""Timeline: events on a date axis in lanes (actor pair or event type), coloured by quad class,
drawn at their date precision, one point per event however many sources reported it;
selecting a point shows its detail (components/event_detail.py: evidence, every report, a
note when the reports disagree, the quotes about it by side).
Above charts.DETAIL_MAX events a point is a group (lane × month or year, coloured by its most
frequent quad class, marker area ∝ count, hover: counts per quad class); selecting a group
shows its first events. The figure is cached per
(corpus, filtered events, language, lane mode)."""

import numpy as np
import streamlit as st

from components import event_detail, item_view
from components.charts import DETAIL_MAX
from components.html import COPY_SCRIPT
from components.layout import export_buttons, header
from components.shell import context
from components.timeline_view import counts_chart, figure, lane_mode_radio, selected_key, signature

ctx = context("timeline")
header(ctx, "nav.timeline")
events = ctx.result.events
mode = lane_mode_radio(ctx)
linked = item_view.linked_event(ctx)  # ?event=ID (or a quote's event): its detail, ringed below
if linked:
    item_view.heading(ctx)
    item_view.outside_filters(ctx, linked, "event")
    event_detail.draw(ctx, linked)
if events.empty:
    st.info(ctx.t("empty.events"))
    st.stop()
counts_chart(ctx, events)
fig, bucket_of = figure(signature(ctx, events), ctx.lang, mode, DETAIL_MAX, ctx, events,
                        linked["cluster_id"] if linked else None)
state = st.plotly_chart(fig, key="timeline", on_select="rerun", selection_mode="points",
                        config={"displaylogo": False, "scrollZoom": True})
points = (state.selection.points if state and state.selection else []) or []
keys = [k for k in map(selected_key, points) if k is not None]
if not keys:
    st.caption(ctx.t("timeline.select_hint"))
if bucket_of is not None:  # grouped view: customdata is the group number; show its first events
    selected = events[np.isin(bucket_of, keys)].head(5)
else:  # customdata is the event's row position
    selected = events.iloc[[k for k in keys if 0 <= k < len(events)][:5]]
for row in selected.to_dict("records"):
    event_detail.draw(ctx, row)
st.iframe(COPY_SCRIPT, height=1)  # the copy-link buttons' one listener
export_buttons(ctx, events, None)
