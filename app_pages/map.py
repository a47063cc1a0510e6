"""Map: boundaries (Kidal, northern Mali, the border zone), event markers and coarse areas
coloured by quad class, diplomatic arcs, a legend. A click on a place filters every page and
lists its events under the map; each opens its detail (the linked event, between the two)."""

import streamlit as st

from components import data, event_detail, frames, item_view, mapview, place_events
from components.filters import set_places
from components.html import legend
from components.i18n import fmt_int
from components.layout import export_buttons, header
from components.shell import context
from corpus import plover
from geo.labels import map_labels

ctx = context("map")
header(ctx, "nav.map")
events, corpus = ctx.result.events, ctx.corpus
geo = data.geo_layers()


@st.cache_resource(show_spinner=False, max_entries=6)
def base(lang: str, _geo: dict, _places: dict, corpus_key: str) -> tuple[str, ...]:
    return mapview.encode_layers(mapview.base_layers(_geo, _places, lang, ctx.t))


@st.cache_resource(show_spinner=False, max_entries=6)
def labels(lang: str, _places: dict, corpus_key: str) -> list:
    return map_labels(_places, lang)


def on_select() -> None:
    place = mapview.selected_place(st.session_state["map"].selection)
    if place in corpus.places:
        set_places([place])


def event_line(row: dict) -> str:
    return " · ".join(filter(None, (ctx.date_label(row), ctx.t("type." + row["event_type"]),
                                    ctx.dyad(row["actor1"], row["actor2"]), ctx.summary(row)[0][:90],
                                    event_detail.sources_label(ctx, row))))


def place_title(place_id: str) -> str:
    record = corpus.places.get(place_id) or corpus.actors.get(place_id)
    return mapview.two_names({f"name_{k}": getattr(record, f"name_{k}") for k in ("ar", "en", "fr")}, ctx.lang) if record else place_id


gazetteer = [{"place_id": p.id, "position": [p.lon, p.lat], "tip_title": place_title(p.id),
              "tip_body": ctx.t("map.place_marker")}
             for p in corpus.places.values() if p.lat is not None and p.kind in ("capital", "town")]
encoded_base = base(ctx.lang, geo, corpus.places, ctx.corpus_key) if geo else ()  # geo: one per process
state_of = frames.state_of(corpus.actors)
layers = mapview.data_layers(
    events, frames.place_markers(events), frames.coarse_areas(events), frames.arcs(events, frames.capitals(corpus.places), state_of),
    data.area_for, place_title, event_line, lambda n: f"{fmt_int(n, ctx.lang)} {ctx.t('hover.count')}", gazetteer)
layers.append(mapview.label_layer(labels(ctx.lang, corpus.places, ctx.corpus_key)))
if events.empty:
    st.info(ctx.t("empty.events"))
basemap = st.toggle(ctx.t("map.basemap"), key="map_basemap")
linked = item_view.linked_event(ctx)  # ?event=ID / ?quote=ID: the map opens centred on it
st.pydeck_chart(mapview.deck(encoded_base, layers, ctx.rtl, basemap,
                             mapview.view_on(*(linked["lat"], linked["lon"]) if linked else (None, None))),
                key="map", on_select=on_select,
                selection_mode="single-object", height=620)
st.caption(ctx.t("map.select_hint"))
item_view.panel(ctx)  # its detail under the map, above the list it may have been opened from
place_events.draw(ctx, event_line)
if not geo:
    st.warning(ctx.t("map.geo_missing"))
missing = int(events["lat"].isna().sum()) if not events.empty else 0
if missing:
    st.caption(ctx.t("map.no_coords", n=fmt_int(missing, ctx.lang)))
with st.expander(ctx.t("map.legend"), expanded=True):
    swatches = [(plover.QUAD_COLOURS[q], ctx.t("quad." + q)) for q in plover.QUAD_CLASSES]
    swatches += [(mapview.KIDAL_COLOUR, ctx.t("map.legend_kidal")), ((204, 121, 167), ctx.t("map.legend_north")),
                 ((180, 30, 30), ctx.t("map.legend_border"))]
    notes = [ctx.t("map.legend_quads"), ctx.t("map.legend_areas"), ctx.t("map.legend_arcs")]
    st.html(legend(swatches, notes))
    if geo:
        st.markdown(f"**{ctx.t('map.notes')}**")
        st.html(legend([], [n.get(ctx.lang) or n["en"] for n in geo["notes"]]))
export_buttons(ctx, ctx.result.events, None)
