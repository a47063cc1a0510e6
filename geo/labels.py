"""Place labels for the map: which places are named, where each label sits beside its dot
(geo/labels.json), and the screen boxes they take at a given view, to check they never overlap.

Pure Python (no Streamlit, no pydeck): the map component turns `map_labels` into a TextLayer.
Arabic labels are shaped here (arabic-reshaper + python-bidi), because deck.gl's TextLayer
draws characters one by one without Arabic joining or right-to-left order.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

LABELS_FILE = Path(__file__).resolve().parent / "labels.json"
FONT_SIZE = 13  # px
_CHAR_WIDTH = {"ar": 0.55, "en": 0.6, "fr": 0.6}  # average advance per character, in font sizes


@dataclass(frozen=True, slots=True)
class Label:
    place_id: str
    text: str  # as drawn (Arabic already shaped into presentation forms, visual order)
    lon: float
    lat: float
    anchor: str  # start | end | middle (screen left-to-right terms)
    dx: int
    dy: int


def placements() -> list[dict]:
    return json.loads(LABELS_FILE.read_text(encoding="utf-8"))["labels"]


def shape(text: str, lang: str) -> str:
    """Arabic in joined presentation forms and visual (left-to-right) order; others unchanged."""
    if lang != "ar":
        return text
    import arabic_reshaper
    from bidi import get_display

    return get_display(arabic_reshaper.reshape(text))


def map_labels(places: dict, lang: str) -> list[Label]:
    """The labelled places that exist in the gazetteer, named in the interface language."""
    out = []
    for spot in placements():
        place = places.get(spot["place"])
        if place is None or place.lat is None:
            continue
        out.append(Label(place.id, shape(place.name(lang), lang), place.lon, place.lat,
                         spot["anchor"], int(spot["dx"]), int(spot["dy"])))
    return out


def project(lon: float, lat: float, zoom: float) -> tuple[float, float]:
    """Web Mercator world pixels at `zoom` (512-pixel tiles, as deck.gl)."""
    scale = 512 * 2**zoom
    x = (lon + 180) / 360 * scale
    y = (1 - math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)) / math.pi) / 2 * scale
    return x, y


def label_box(label: Label, zoom: float, lang: str) -> tuple[float, float, float, float]:
    """(left, top, right, bottom) in world pixels of the label's text at `zoom`."""
    x, y = project(label.lon, label.lat, zoom)
    width = len(label.text) * FONT_SIZE * _CHAR_WIDTH.get(lang, 0.6)
    x += label.dx
    y += label.dy
    left = {"start": x, "end": x - width, "middle": x - width / 2}[label.anchor]
    return left, y - FONT_SIZE / 2, left + width, y + FONT_SIZE / 2


def overlaps(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
