"""The relations network as a plotly figure (labels passed in, already in the interface
language; no Streamlit here). Why plotly and not pydeck: the network is not geographic (a
circle layout computed in corpus/network.py), and plotly gives what the page needs in one
widget — arrows (annotations) whose width and colour carry count and quad class, hover text,
and point selection that st.plotly_chart returns with each point's customdata (the timeline
uses the same path). Each edge's selectable point is a marker at its midpoint carrying
`["edge", "A~B"]`; a node's marker carries `["node", actor id]`."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from components.charts import _layout, rgb
from components.html import esc
from corpus import network, plover


def _width(weight: np.ndarray) -> np.ndarray:
    top = max(1, int(weight.max())) if len(weight) else 1
    return 1.2 + 6.8 * np.sqrt(weight / top)


def short(label: str, limit: int = 26) -> str:
    """A node's label on the figure (the full name is in its hover)."""
    return label if len(label) <= limit else label[:limit - 1].rstrip() + "…"


def edge_hover(row: dict, name: Callable[[str], str], labels: Mapping[str, str]) -> str:
    """One edge's hover: the pair, events per quad class, quotes, the mean score."""
    quads = "".join(f"<br>  {esc(labels['quad.' + q])}: {row['n_' + q]}" for q in plover.QUAD_CLASSES if row["n_" + q])
    score = "–" if pd.isna(row["score"]) else f"{row['score']:+.1f}"
    return (f"<b>{esc(name(row['source']))} {labels['arrow']} {esc(name(row['target']))}</b>"
            f"<br>{labels['events']}: {row['events']}{quads}<br>{labels['quotes']}: {row['quotes']}"
            f"<br>{labels['score']}: {score}")


def node_hover(node: str, weight: int, alone: int, name: Callable[[str], str], labels: Mapping[str, str]) -> str:
    """One actor's hover: its name, its events and quotes, those of its quotes with no target."""
    text = f"<b>{esc(name(node))}</b><br>{labels['weight']}: {weight}"
    return text + (f"<br>{labels['alone']}: {alone}" if alone else "")


def network_figure(nodes: pd.DataFrame, edges: pd.DataFrame, name: Callable[[str], str],
                   labels: Mapping[str, str], rtl: bool, selected: str | None = None) -> go.Figure:
    """Nodes on their circle, one arrow per directed edge (width ∝ √count, colour = quad
    class), a selectable midpoint per edge (one trace per quad class: the legend); the
    `selected` dyad is drawn with a ring."""
    geometry = network.edge_geometry(nodes, edges)
    widths = _width(edges["events"].to_numpy(dtype=float) + edges["quotes"].to_numpy(dtype=float))
    annotations = [
        {"x": g.x1, "y": g.y1, "ax": g.x0, "ay": g.y0, "xref": "x", "yref": "y", "axref": "x", "ayref": "y",
         "showarrow": True, "arrowhead": 2, "arrowsize": 0.8, "arrowwidth": float(w), "standoff": 14, "startstandoff": 10,
         "arrowcolor": rgb(quad or "", 0.75), "text": ""}
        for g, w, quad in zip(geometry.itertuples(index=False), widths, edges["quad"], strict=True)
    ]
    traces = []
    records = edges.to_dict("records")
    # One trace per quad class, and one for the edges of quotes with no event (no quad class).
    for quad in (*plover.QUAD_CLASSES, None):
        keep = [i for i, q in enumerate(edges["quad"]) if q == quad or (quad is None and not isinstance(q, str))]
        if not keep:
            continue
        keys = [network.dyad_key(records[i]["source"], records[i]["target"]) for i in keep]
        traces.append({
            "type": "scatter", "x": geometry["mx"].to_numpy()[keep].tolist(), "y": geometry["my"].to_numpy()[keep].tolist(),
            "mode": "markers", "name": labels["quad." + quad] if quad else labels["no_event"],
            "marker": {"size": 13, "color": rgb(quad or ""), "line": {"width": [3 if k == selected else 1 for k in keys],
                                                                "color": ["black" if k == selected else "white" for k in keys]}},
            "customdata": [["edge", k] for k in keys], "hovertext": [edge_hover(records[i], name, labels) for i in keep],
            "hoverinfo": "text"})
    size = 14 + 26 * np.sqrt(nodes["weight"].to_numpy(dtype=float) / max(1, int(nodes["weight"].max() or 1)))
    traces.append({
        "type": "scatter", "x": nodes["x"].tolist(), "y": nodes["y"].tolist(), "mode": "markers+text",
        "name": labels["actors"], "showlegend": False, "text": [esc(short(name(n))) for n in nodes["id"]],
        "textposition": "top center", "hoverinfo": "text", "customdata": [["node", n] for n in nodes["id"]],
        "marker": {"size": size.tolist(), "color": "rgb(236,236,236)", "line": {"width": 1.5, "color": "rgb(90,90,90)"}},
        "hovertext": [node_hover(n, w, a, name, labels) for n, w, a in zip(nodes["id"], nodes["weight"], nodes["alone"], strict=True)]})
    axis = {"visible": False, "range": [1.35, -1.35] if rtl else [-1.35, 1.35], "fixedrange": True}
    # Plain dicts, not validated: plotly's validation of every annotation and trace property
    # would be most of the page's time; the shapes here are fixed and covered by the tests.
    fig = go.Figure(data=traces, layout={"annotations": annotations, "xaxis": axis,
                                         "yaxis": {**axis, "scaleanchor": "x"}, "dragmode": False,
                                         "plot_bgcolor": "white", "clickmode": "event+select"}, _validate=False)
    return _layout(fig, rtl, 640)
