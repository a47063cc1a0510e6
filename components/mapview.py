"""The pydeck map: boundary layers (prepared once per language), event markers, coarse-precision
areas and diplomatic arcs (per filter change), a selection → place-id mapping, the legend.

Tooltips are a fixed HTML template; Streamlit fills its `{tip_title}` / `{tip_body}` fields
from the picked object and HTML-escapes them itself (checked in Chromium: markup in a value
shows as text), so the fields are plain text with newlines (white-space: pre-line).
Layer ids are stable: the selection state is keyed by them. GeoJSON layers get a plain list
of features, not a FeatureCollection: Streamlit's pydeck selection checks the picked index
against `data.length` and silently ignores clicks on a FeatureCollection layer.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Mapping, Sequence

import pandas as pd
import pydeck as pdk
from pydeck.bindings.json_tools import default_serialize

from corpus import plover

# Centred so that Algiers and Bamako (and the arcs between the capitals) are in view.
VIEW = pdk.ViewState(latitude=25.0, longitude=-1.0, zoom=3.7, min_zoom=2, max_zoom=12)
KIDAL_REGION = "MLI-kidal"
# Okabe–Ito bluish green: unlike the quad colours, so the highlight never reads as an event class.
KIDAL_COLOUR = (0, 158, 115)
# Fill opacity of an event area by geo precision: a whole country is outlined, not shaded, so a
# country-level event never hides the regions (and the Kidal highlight) under it.
AREA_FILL = {4: 70, 5: 45, 6: 0}
REGION_COUNTRIES = ("MLI", "DZA", "NER", "MRT")
FOCUS_AREAS = ("northern-mali", "algeria-mali-border")
LABEL_SIZE = 13  # px, as geo.labels.FONT_SIZE
TOOLTIP_STYLE = {"backgroundColor": "rgba(30,30,30,.92)", "color": "white", "fontSize": "13px",
                 "maxWidth": "360px", "fontFamily": "Noto Sans Arabic, Noto Sans, sans-serif",
                 "whiteSpace": "pre-line", "pointerEvents": "none"}


def _colour(quad: str | None, alpha: int = 220) -> list[int]:
    r, g, b = plover.QUAD_COLOURS.get(quad or "", (120, 120, 120))
    return [r, g, b, alpha]


def two_names(props: Mapping, lang: str) -> str:
    """Bilingual name: the interface language's, then the Arabic (or English in Arabic)."""
    first = props.get(f"name_{lang}") or props.get("name_en") or ""
    second = props.get("name_en") if lang == "ar" else props.get("name_ar")
    return first if not second or second == first else f"{first} · {second}"


def region_place_ids(places: Mapping) -> dict[str, str]:
    """admin-1 layer id (MLI-kidal) → gazetteer place id of that region (kidal-region)."""
    out: dict[str, str] = {}
    for place in places.values():
        if place.kind != "region" or not place.admin1:
            continue
        slug = place.admin1.split("-", 1)[-1]
        if place.admin1 not in out or (place.id.startswith(slug) and not out[place.admin1].startswith(slug)):
            out[place.admin1] = place.id
    return out


def base_layers(geo: Mapping, places: Mapping, lang: str, t: Callable[[str], str]) -> list[pdk.Layer]:
    """Country outlines, admin-1 regions (Kidal highlighted), focus areas and border lines."""
    regions = region_place_ids(places)
    admin = copy.deepcopy(geo["admin1"])
    # Regions of the focus countries only (Burkina Faso's 45 provinces add little and make
    # every picking pass slower; under software WebGL that turns clicks into missed taps).
    admin["features"] = [f for f in admin["features"] if f["properties"].get("iso3") in REGION_COUNTRIES]
    for feature in admin["features"]:
        props = feature["properties"]
        kidal = props["id"] == KIDAL_REGION
        props.update(place_id=regions.get(props["id"], ""), tip_title=two_names(props, lang),
                     tip_body=t("map.region"),
                     fill=[*KIDAL_COLOUR, 60] if kidal else [0, 0, 0, 0],
                     line=[*KIDAL_COLOUR, 255] if kidal else [110, 110, 110, 160])
    countries = copy.deepcopy(geo["countries"])
    for feature in countries["features"]:
        props = feature["properties"]
        props.update(place_id="", tip_title=two_names(props, lang), tip_body="",
                     fill=[238, 235, 225, 255] if props["iso3"] in ("DZA", "MLI") else [246, 245, 240, 255])
    areas = copy.deepcopy(geo["areas"])
    areas["features"] = [f for f in areas["features"] if f["properties"]["id"] in FOCUS_AREAS]
    for feature in areas["features"]:
        props = feature["properties"]
        props.update(place_id=props["id"], tip_title=two_names(props, lang), tip_body=t("map.area"))
    borders = copy.deepcopy(geo["borders"])
    for feature in borders["features"]:
        props = feature["properties"]
        props.update(place_id="", tip_title=two_names(props, lang), tip_body="")
    return [
        pdk.Layer("GeoJsonLayer", countries["features"], id="countries", pickable=False, stroked=True, filled=True,
                  get_fill_color="properties.fill", get_line_color=[90, 90, 90, 255], line_width_min_pixels=1.2),
        pdk.Layer("GeoJsonLayer", admin["features"], id="regions", pickable=True, stroked=True, filled=True, get_fill_color="properties.fill",
                  get_line_color="properties.line", line_width_min_pixels=0.6),
        pdk.Layer("GeoJsonLayer", areas["features"], id="areas", pickable=False, stroked=True, filled=True,
                  get_fill_color=[204, 121, 167, 45], get_line_color=[204, 121, 167, 220], line_width_min_pixels=1.5),
        pdk.Layer("GeoJsonLayer", borders["features"], id="borders", pickable=False, stroked=True, filled=False,
                  get_line_color=[180, 30, 30, 255], line_width_min_pixels=2.5),
    ]


def _recent_lines(events: pd.DataFrame, mask: pd.Series, keys: list[str], label: Callable[[dict], str],
                  limit: int = 3) -> dict:
    """The `limit` most recent events of each group (keys: columns) among the `mask`ed ones,
    one label line each. Sorting and grouping touch only the key columns; full rows are read
    for at most limit × groups events, whatever the number of events."""
    small = events.loc[mask, [*keys, "date_start"]]
    if small.empty:
        return {}
    # The index keeps events in date order and filtering keeps that order: newest last.
    recent = small.iloc[::-1]
    top = recent.groupby(keys, sort=False, dropna=False).head(limit).index
    lines: dict = {}
    for row in events.loc[top].to_dict("records"):
        key = tuple(row[k] for k in keys) if len(keys) > 1 else row[keys[0]]
        lines.setdefault(key, []).append(label(row))
    return {key: "\n".join(rows) for key, rows in lines.items()}


def data_layers(
    events: pd.DataFrame,
    markers: pd.DataFrame,
    areas: pd.DataFrame,
    arcs: pd.DataFrame,
    area_geometry: Callable[[str, int], dict | None],
    place_title: Callable[[str], str],
    event_line: Callable[[dict], str],
    count_label: Callable[[int], str],
    gazetteer: list[dict],
) -> list[pdk.Layer]:
    """Event markers (size ~ count, colour = most frequent quad), coarse areas, arcs, places."""
    precision = events["geo_precision"].fillna(1)
    point_lines = _recent_lines(events, precision < 4, ["place_id"], event_line)
    area_lines = _recent_lines(events, precision >= 4, ["place_id", "geo_precision"], event_line)
    marker_rows = [{
        "place_id": row["place_id"], "position": [float(row["lon"]), float(row["lat"])],
        "radius": 6 + 4 * min(12, int(row["events"]) ** 0.5), "colour": _colour(row["quad"]),
        "tip_title": place_title(row["place_id"]),
        "tip_body": count_label(int(row["events"])) + "\n" + point_lines.get(row["place_id"], ""),
    } for row in markers.to_dict("records")]
    area_features, country_features = [], []
    # Countries first, regions last: the smaller area is drawn (and picked) on top.
    for row in sorted(areas.to_dict("records"), key=lambda r: -int(r["geo_precision"])):
        geometry = area_geometry(row["place_id"], int(row["geo_precision"]))
        if geometry is None:
            continue
        lines = area_lines.get((row["place_id"], row["geo_precision"]), "")
        precision = int(row["geo_precision"])
        (country_features if precision == 6 else area_features).append({
            "type": "Feature", "geometry": geometry, "properties": {
                "place_id": row["place_id"], "fill": _colour(row["quad"], AREA_FILL.get(precision, 45)),
                "line": _colour(row["quad"], 230), "tip_title": place_title(row["place_id"]),
                "tip_body": count_label(int(row["events"])) + "\n" + lines}})
    arc_rows = [{**r, "colour": _colour(r["quad"]), "width": 1.5 + min(6, r["events"]),
                 "tip_title": f"{place_title(r['actor1'])} ↔ {place_title(r['actor2'])}",
                 "tip_body": count_label(int(r["events"]))} for r in arcs.to_dict("records")]
    return [
        # Country-level events: an outline only, picked on its line, so the regions inside
        # (and their clicks) stay reachable.
        pdk.Layer("GeoJsonLayer", country_features, id="event-countries", pickable=True, stroked=True,
                  filled=False, get_line_color="properties.line", line_width_min_pixels=2.5),
        pdk.Layer("GeoJsonLayer", area_features, id="event-areas",
                  pickable=True, stroked=True, filled=True, get_fill_color="properties.fill",
                  get_line_color="properties.line", line_width_min_pixels=2),
        pdk.Layer("ArcLayer", arc_rows, id="arcs", pickable=True, get_source_position="source",
                  get_target_position="target", get_source_color="colour", get_target_color="colour",
                  get_width="width", great_circle=False),
        pdk.Layer("ScatterplotLayer", gazetteer, id="places", pickable=True, get_position="position",
                  get_radius=3, radius_units="'pixels'", get_fill_color=[80, 80, 80, 200]),
        pdk.Layer("ScatterplotLayer", marker_rows, id="markers", pickable=True, get_position="position",
                  get_radius="radius", radius_units="'pixels'", get_fill_color="colour", stroked=True,
                  get_line_color=[255, 255, 255, 255], line_width_min_pixels=1),
    ]


def label_layer(labels: Sequence) -> pdk.Layer:
    """Names of the places a reader looks for (geo.labels.map_labels: text already shaped),
    dark text with a white halo, drawn above everything and never picked."""
    rows = [{"text": lab.text, "position": [lab.lon, lab.lat], "anchor": lab.anchor,
             "offset": [lab.dx, lab.dy]} for lab in labels]
    return pdk.Layer("TextLayer", rows, id="labels", pickable=False, get_position="position", get_text="text",
                     get_text_anchor="anchor", get_alignment_baseline="'center'", get_pixel_offset="offset",
                     get_size=LABEL_SIZE, size_units="'pixels'", get_color=[35, 35, 35, 255],
                     font_family="'Noto Sans Arabic, Noto Sans, DejaVu Sans, sans-serif'", character_set="'auto'",
                     font_settings={"sdf": True}, outline_width=3, outline_color=[255, 255, 255, 235])


def _compact(value: object) -> str:
    return json.dumps(value, sort_keys=True, default=default_serialize, separators=(",", ":"), ensure_ascii=False)


# Boundary polygons (geo.area_for hands out the same shared, read-only dicts) encoded once per
# process (re-encoding them on every rerun would be a third of the map's CPU at 100,000
# events). Keyed by the dict's identity, checked: the dict itself is kept with its JSON.
_GEOMETRY_JSON: dict[int, tuple[dict, str]] = {}


def _geometry_json(geometry: dict) -> str:
    hit = _GEOMETRY_JSON.get(id(geometry))
    if hit is None or hit[0] is not geometry:
        hit = (geometry, _compact(geometry))
        _GEOMETRY_JSON[id(geometry)] = hit
    return hit[1]


def _compact_layer(layer: pdk.Layer) -> str:
    """A data layer as compact JSON; the geometries of GeoJSON features are spliced in from
    `_geometry_json` (each feature's geometry stands in as a token while the layer is encoded)."""
    features = layer.data if isinstance(layer.data, list) else []
    if not features or not all(isinstance(f, dict) and isinstance(f.get("geometry"), dict) for f in features):
        return _compact(layer)
    tokens = {f"@@atlas-geometry-{i}@@": f["geometry"] for i, f in enumerate(features)}
    layer.data = [{**f, "geometry": token} for f, token in zip(features, tokens, strict=True)]
    try:
        text = _compact(layer)
    finally:
        layer.data = features
    for token, geometry in tokens.items():
        text = text.replace(f'"{token}"', _geometry_json(geometry), 1)
    return text


def encode_layers(layers: Sequence[pdk.Layer]) -> tuple[str, ...]:
    """Each layer as compact deck.gl JSON, the way pydeck writes it (done once for the base)."""
    return tuple(_compact(layer) for layer in layers)


class PrebuiltDeck(pdk.Deck):
    """A Deck whose first layers come already encoded. pydeck re-encodes every layer on every
    run, indented — over a second for the boundary geometry alone, and a payload several times
    larger; the boundaries are encoded once per language (`encode_layers`) and spliced in."""

    def __init__(self, prebuilt: tuple[str, ...], **kwargs):
        super().__init__(**kwargs)
        self.prebuilt = prebuilt

    def to_json(self) -> str:
        attrs = default_serialize(self)
        prebuilt, layers = attrs.pop("prebuilt", ()), attrs.pop("layers", [])
        head = _compact(attrs)
        encoded = ",".join((*prebuilt, *(_compact_layer(layer) for layer in layers)))
        return f'{head[:-1]}{"," if attrs else ""}"layers":[{encoded}]}}'


def view_on(lat: float | None, lon: float | None, zoom: float = 6.0) -> pdk.ViewState:
    """The default view, or one centred on a point (a linked item's place)."""
    if lat is None or lon is None or lat != lat or lon != lon:  # NaN: no coordinates
        return VIEW
    return pdk.ViewState(latitude=float(lat), longitude=float(lon), zoom=zoom, min_zoom=2, max_zoom=12)


def deck(base: tuple[str, ...], layers: list[pdk.Layer], rtl: bool, basemap: bool,
         view: pdk.ViewState = VIEW) -> pdk.Deck:
    """The map: `base` (encoded boundary layers, drawn first) under the data `layers`."""
    tooltip = {"html": f'<div dir="{"rtl" if rtl else "ltr"}"><b>{{tip_title}}</b><br/>{{tip_body}}</div>',
               "style": TOOLTIP_STYLE}
    if basemap:
        return PrebuiltDeck(base, layers=layers, initial_view_state=view, map_provider="carto", map_style="light",
                            tooltip=tooltip)
    # No tiles at all (offline). Leaving map_style at pydeck's default sentinel is what tells
    # Streamlit not to add its Carto basemap; map_style=None would make it add one.
    return PrebuiltDeck(base, layers=layers, initial_view_state=view, map_provider=None, tooltip=tooltip)


def selected_place(selection: Mapping | None) -> str | None:
    """The place id of the picked object in a pydeck selection state, or None."""
    if not selection:
        return None
    objects = selection.get("objects") or {}
    for layer_id in ("markers", "event-areas", "places", "areas", "regions", "event-countries"):
        for obj in objects.get(layer_id) or ():
            if not isinstance(obj, Mapping):
                continue
            props = obj.get("properties") if isinstance(obj.get("properties"), Mapping) else obj
            place_id = props.get("place_id")
            if isinstance(place_id, str) and place_id:
                return place_id
    return None
