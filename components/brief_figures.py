"""Static figures for the brief (PDF): the map, the timeline and the barometer as PNG bytes,
drawn on the server with matplotlib (Agg canvas, no pyplot state, no browser, no map tiles).

Plain data in, PNG bytes out; no Streamlit. Every label arrives in the interface language as
plain logical Unicode: matplotlib 3.11 lays text out with libraqm (HarfBuzz shaping + FriBiDi
ordering, bundled in its wheel), so Arabic must NOT be pre-shaped here (text already in
presentation forms and visual order would come out reversed). The fonts are the ones shipped in
assets/fonts (Noto Sans, Noto Naskh Arabic), with matplotlib's own DejaVu Sans for symbols.
Figures are small and drawn at a fixed DPI so a brief stays quick and light.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd

from corpus import plover

FONTS_DIR = Path(__file__).resolve().parent.parent / "assets" / "fonts"
FONT_FAMILY = ["Noto Sans", "Noto Naskh Arabic", "DejaVu Sans"]
DPI = 110
MAP_BOUNDS = (-13.5, 10.0, 12.5, 37.6)  # lon/lat box from Bamako to Algiers, the border in the middle
MAX_TICKS = 12


@cache
def _fonts() -> list[str]:
    """Register the shipped fonts with matplotlib once per process."""
    from matplotlib import font_manager

    for path in sorted(FONTS_DIR.glob("*.ttf")):
        font_manager.fontManager.addfont(str(path))
    return FONT_FAMILY


def rgb(colour: Sequence[int], alpha: float = 1.0) -> tuple[float, float, float, float]:
    return (colour[0] / 255, colour[1] / 255, colour[2] / 255, alpha)


def _figure(width_in: float, height_in: float):
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width_in, height_in), dpi=DPI)
    return fig


def _png(fig) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=DPI, bbox_inches="tight", pad_inches=0.05)
    return buffer.getvalue()


def _text_kwargs(size: float = 8) -> dict:
    return {"fontfamily": _fonts(), "fontsize": size}


def _style_axes(ax, lang: str) -> None:
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.tick_params(labelsize=7)
    for label in (*ax.get_xticklabels(), *ax.get_yticklabels()):
        label.set_fontfamily(_fonts())


def _legend(ax, entries: Iterable[tuple[Sequence[int], str]], lang: str, **kwargs) -> None:
    from matplotlib.patches import Patch

    handles = [Patch(facecolor=rgb(colour), edgecolor="none", label=label) for colour, label in entries]
    if handles:
        ax.legend(handles=handles, prop={"family": _fonts(), "size": 7}, frameon=False, **kwargs)


def _path(geometry: Mapping):
    """A matplotlib Path of a GeoJSON (Multi)Polygon or (Multi)LineString, in lon/lat."""
    from matplotlib.path import Path as MplPath
    from shapely.geometry import shape as to_shape

    geom = to_shape(geometry)
    parts = getattr(geom, "geoms", [geom])
    vertices, codes = [], []
    for part in parts:
        rings = [part.exterior, *part.interiors] if part.geom_type == "Polygon" else [part]
        for ring in rings:
            xy = np.asarray(ring.coords)[:, :2]
            if len(xy) < 2:
                continue
            vertices.append(xy)
            codes.append([MplPath.MOVETO] + [MplPath.LINETO] * (len(xy) - 1))
    if not vertices:
        return None
    return MplPath(np.concatenate(vertices), np.concatenate(codes).astype(np.uint8))


_LAYER_PATHS: dict[int, tuple[Mapping, dict[str, list]]] = {}


def layer_paths(collection: Mapping | None, key: str) -> dict[str, list]:
    """Feature id (property `key`) → its Paths, converted once per layer object and kept."""
    if not collection:
        return {}
    cached = _LAYER_PATHS.get(id(collection))
    if cached is None or cached[0] is not collection:  # the layer itself is kept: its id stays its own
        paths: dict[str, list] = {}
        for feature in collection.get("features") or []:
            path = _path(feature["geometry"]) if feature.get("geometry") else None
            if path is not None:
                paths.setdefault(str(feature["properties"].get(key)), []).append(path)
        cached = _LAYER_PATHS[id(collection)] = (collection, paths)
    return cached[1]


def _draw_paths(ax, paths: list, zorder: int, filled: bool = True, **style) -> None:
    from matplotlib.collections import PathCollection

    if paths:
        ax.add_collection(PathCollection(paths, zorder=zorder, **style) if filled else
                          PathCollection(paths, facecolors="none", zorder=zorder, **style))


def map_png(geo: Mapping | None, markers: pd.DataFrame, areas: Sequence[tuple[Mapping, str]],
            arcs: pd.DataFrame, labels: Sequence, lang: str, highlight: tuple[str, Sequence[int]] | None = None,
            legend: Sequence[tuple[Sequence[int], str]] = ()) -> bytes:
    """The events on the boundary layers: coarse areas outlined in their quad colour, place
    markers sized by count, diplomatic arcs between capitals, labelled places.

    geo: the layers (countries, admin1, borders as GeoJSON dicts; None draws no boundaries);
    markers: lon, lat, events, quad (components.frames.place_markers); areas: (GeoJSON
    geometry, quad) pairs; arcs: source, target ([lon, lat]), events, quad (frames.arcs);
    labels: objects with text (logical Unicode), lon, lat, anchor, dx, dy (geo.labels.Label);
    highlight: (admin-1 id, colour) of the region to fill (Kidal)."""
    geo = geo or {}
    fig = _figure(6.4, 6.4)
    ax = fig.add_axes((0, 0, 1, 1))
    lon0, lat0, lon1, lat1 = MAP_BOUNDS
    ax.set_xlim(lon0, lon1)
    ax.set_ylim(lat0, lat1)
    ax.set_aspect(1 / np.cos(np.radians((lat0 + lat1) / 2)))  # equirectangular, true at mid-latitude
    ax.set_axis_off()
    ax.add_patch(_frame(lon0, lat0, lon1, lat1))
    countries = [p for paths in layer_paths(geo.get("countries"), "iso3").values() for p in paths]
    _draw_paths(ax, countries, 1, facecolors=[(0.96, 0.96, 0.94)], edgecolors=[(0.35, 0.35, 0.35)], linewidths=0.7)
    regions = layer_paths(geo.get("admin1"), "id")
    _draw_paths(ax, [p for paths in regions.values() for p in paths], 2, False,
                edgecolors=[(0.62, 0.62, 0.62)], linewidths=0.3)
    if highlight and highlight[0] in regions:
        _draw_paths(ax, regions[highlight[0]], 3, facecolors=[rgb(highlight[1], 0.25)],
                    edgecolors=[rgb(highlight[1])], linewidths=1.0)
    border = layer_paths(geo.get("borders"), "id").get("algeria-mali-border", [])
    _draw_paths(ax, border, 4, False, edgecolors=[(0.7, 0.12, 0.12)], linewidths=1.4)
    outlined = [(path, q) for g, q in areas if g and (path := _path(g)) is not None]
    _draw_paths(ax, [p for p, _ in outlined], 5, False, linestyles="--", linewidths=1.3,
                edgecolors=[rgb(plover.QUAD_COLOURS.get(q, (90, 90, 90))) for _, q in outlined])
    _draw_arcs(ax, arcs)
    if not markers.empty:
        counts = markers["events"].to_numpy(dtype=float)
        ax.scatter(markers["lon"], markers["lat"], s=25 + 120 * np.sqrt(counts / counts.max()),
                   c=[rgb(plover.QUAD_COLOURS.get(q, (90, 90, 90))) for q in markers["quad"]],
                   edgecolors="white", linewidths=0.8, zorder=7)
    _draw_labels(ax, labels)
    _legend(ax, legend, lang, loc="upper center", bbox_to_anchor=(0.5, 0.0), ncols=3)
    return _png(fig)


def _frame(lon0: float, lat0: float, lon1: float, lat1: float):
    from matplotlib.patches import Rectangle

    return Rectangle((lon0, lat0), lon1 - lon0, lat1 - lat0, facecolor=(0.88, 0.93, 0.97), edgecolor="none", zorder=0)


def _draw_arcs(ax, arcs: pd.DataFrame) -> None:
    """A gentle curve between the two capitals of each pair, width by count."""
    if arcs.empty:
        return
    top = max(1, int(arcs["events"].max()))
    for row in arcs.to_dict("records"):
        (x0, y0), (x1, y1) = row["source"], row["target"]
        mid_x, mid_y = (x0 + x1) / 2, (y0 + y1) / 2
        bend = 0.18 * np.hypot(x1 - x0, y1 - y0)
        norm = np.hypot(x1 - x0, y1 - y0) or 1.0
        cx, cy = mid_x - (y1 - y0) / norm * bend, mid_y + (x1 - x0) / norm * bend
        t = np.linspace(0, 1, 30)
        xs = (1 - t) ** 2 * x0 + 2 * (1 - t) * t * cx + t**2 * x1
        ys = (1 - t) ** 2 * y0 + 2 * (1 - t) * t * cy + t**2 * y1
        ax.plot(xs, ys, color=rgb(plover.QUAD_COLOURS.get(row["quad"], (90, 90, 90)), 0.8),
                linewidth=0.8 + 2.2 * row["events"] / top, zorder=6, solid_capstyle="round")


_HA = {"start": "left", "end": "right", "middle": "center"}


def _draw_labels(ax, labels: Sequence) -> None:
    import matplotlib.patheffects as effects

    halo = [effects.withStroke(linewidth=2.2, foreground="white")]
    for label in labels:
        ax.plot(label.lon, label.lat, marker="o", markersize=2.2, color=(0.15, 0.15, 0.15), zorder=8)
        ax.annotate(label.text, (label.lon, label.lat), xytext=(label.dx * 0.75, -label.dy * 0.75),
                    textcoords="offset points", ha=_HA.get(label.anchor, "left"), va="center",
                    color=(0.1, 0.1, 0.1), path_effects=halo, zorder=9, **_text_kwargs(7))


def _tick_labels(values: Sequence[str]) -> tuple[list[int], list[str]]:
    """At most MAX_TICKS evenly spaced tick positions and labels (first and last kept)."""
    n = len(values)
    if not n:
        return [], []
    step = max(1, int(np.ceil(n / MAX_TICKS)))
    positions = sorted({*range(0, n, step), n - 1})
    return positions, [values[i] for i in positions]


def timeline_png(table: pd.DataFrame, period: str, quad_labels: Mapping[str, str], axis_labels: Mapping[str, str],
                 lang: str) -> bytes:
    """Events per period (month "M" or year "Y") stacked by quad class
    (components.frames.counts_over_time); time reads right to left in Arabic."""
    fig = _figure(7.2, 2.6)
    ax = fig.add_subplot()
    stamps = pd.to_datetime(table.index)
    names = [f"{s.year}-{s.month:02d}" if period == "M" else str(s.year) for s in stamps]
    x = np.arange(len(names))
    bottom = np.zeros(len(names))
    for quad in plover.QUAD_CLASSES:
        values = table[quad].to_numpy(dtype=float) if quad in table else np.zeros(len(names))
        ax.bar(x, values, bottom=bottom, width=0.8, color=rgb(plover.QUAD_COLOURS[quad]), linewidth=0)
        bottom += values
    positions, ticks = _tick_labels(names)
    ax.set_xticks(positions, ticks, rotation=45 if period == "M" else 0, ha="right" if period == "M" else "center")
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.set_ylabel(axis_labels["events"], **_text_kwargs(8))
    _time_axes(ax, lang)
    _legend(ax, [(plover.QUAD_COLOURS[q], quad_labels[q]) for q in plover.QUAD_CLASSES], lang,
            loc="upper center", bbox_to_anchor=(0.5, -0.22 if period == "M" else -0.12), ncols=4)
    return _png(fig)


def _time_axes(ax, lang: str) -> None:
    """The house style for a chart over time; in Arabic time reads right to left and the value
    axis stands on the right."""
    if lang == "ar":
        ax.invert_xaxis()
        ax.yaxis.tick_right()
        ax.yaxis.set_label_position("right")
        ax.spines["left"].set_visible(False)
    _style_axes(ax, lang)
    if lang == "ar":
        ax.spines["right"].set_visible(True)


def barometer_png(frame: pd.DataFrame, axis_labels: Mapping[str, str], lang: str) -> bytes:
    """One bar per year of the mean cooperation–conflict score (components.frames.barometer);
    every year between the first and the last gets a slot, so gaps stay visible."""
    fig = _figure(7.2, 2.0)
    ax = fig.add_subplot()
    rows = {int(r["year"]): float(r["mean_score"]) for r in frame.to_dict("records")}
    years = list(range(min(rows), max(rows) + 1)) if rows else []
    means = np.array([rows.get(y, np.nan) for y in years])
    colours = [rgb(plover.QUAD_COLOURS["material_cooperation" if m >= 0 else "material_conflict"])
               for m in np.nan_to_num(means)]
    ax.bar(np.arange(len(years)), np.nan_to_num(means), width=0.7, color=colours)
    ax.axhline(0, color=(0.4, 0.4, 0.4), linewidth=0.8)
    ax.set_ylim(-10, 10)
    positions, ticks = _tick_labels([str(y) for y in years])
    ax.set_xticks(positions, ticks)
    ax.set_ylabel(axis_labels["mean"], **_text_kwargs(8))
    _time_axes(ax, lang)
    return _png(fig)
