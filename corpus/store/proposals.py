"""Between the extractor and the review table: proposals as Items, rows, sentences, spans.

Pure functions, no Streamlit: components/review.py draws what these return.
"""

from __future__ import annotations

import html
import re
from typing import Any

from corpus.dates import precision_code
from corpus.models import ITEM_KINDS, Item

# Columns the review table shows per kind (besides status, text, start, end, sentence).
FIELDS: dict[str, tuple[str, ...]] = {
    "date": ("ref", "precision", "relative"),
    "place": ("ref", "name_en"),
    "actor": ("ref", "name_en", "actor_kind"),
    "quote": ("speaker", "quote_kind"),
    "event": ("event_type", "actor1", "actor2", "place_id", "date", "date_precision"),
}
_SENTENCE_END = re.compile(r"[.!?؟。\n]")


def _relative_note(event: dict, start: int, end: int, relative: list[dict]) -> dict:
    """An event dated by a relative expression in its sentence (أمس، الخميس الماضي) carries an
    estimate mark: the day was worked out from the publication date, not read in the text."""
    for d in relative:
        if start <= d["start"] < end and d.get("value") == event.get("date"):
            return {"date_relative": d["text"]}
    return {}


def items_from_extraction(text: str, found: dict[str, Any]) -> list[Item]:
    """The extractor's result (see corpus.extract) as proposed Items, spans checked."""
    items: list[Item] = []
    for d in found.get("dates", []):
        items.append(Item("date", d["start"], d["end"], d["text"], {
            "ref": d.get("value"), "precision": precision_code(d.get("precision")),
            "relative": bool(d.get("relative"))}))
    for p in found.get("places", []):
        items.append(Item("place", p["start"], p["end"], p["text"], {
            "ref": p.get("place_id"), "name_en": p.get("name_en")}))
    for a in found.get("actors", []):
        items.append(Item("actor", a["start"], a["end"], a["text"], {
            "ref": a.get("actor_id"), "name_en": a.get("name_en"), "actor_kind": a.get("kind")}))
    for q in found.get("quotes", []):
        speaker = q.get("speaker") or {}
        items.append(Item("quote", q["start"], q["end"], q["text"], {
            "speaker": speaker.get("actor_id"), "speaker_name": speaker.get("name_en"),
            "quote_kind": q.get("kind") or "direct"}))
    relative = [d for d in found.get("dates", []) if d.get("relative") and d.get("value")]
    for e in found.get("events", []):
        ev = e.get("evidence") or {}
        start, end = ev.get("start"), ev.get("end")
        if start is None or end is None:
            continue
        items.append(Item("event", start, end, text[start:end], {
            "event_type": e.get("type"), "actor1": e.get("actor1"), "actor2": e.get("actor2"),
            "place_id": e.get("place_id"), "date": e.get("date"),
            "date_precision": precision_code(e.get("date_precision")),
            **_relative_note(e, start, end, relative)}))
    return [i for i in items if 0 <= i.start < i.end <= len(text) and text[i.start:i.end] == i.text]


CONTEXT_CHARS = 240  # at most this much context on each side of a span (issue 13, defect 3)
_ELLIPSIS = "…"


def sentence_bounds(text: str, start: int, end: int, context: int = CONTEXT_CHARS) -> tuple[int, int]:
    """The sentence (or line) around [start, end), at most `context` characters on each side
    (cut at a word): only a window of the text is searched, so a text with no punctuation
    costs each row a bounded amount, never the whole text."""
    low, high = max(0, start - context), min(len(text), end + context)
    left = max((m.end() for m in _SENTENCE_END.finditer(text, low, start)), default=None)
    if left is None:
        space = text.find(" ", low, start) if low > 0 else -1
        left = space + 1 if space >= 0 else low
    m = _SENTENCE_END.search(text, end, high)
    if m:
        return left, m.end()
    space = text.rfind(" ", end, high) if high < len(text) else -1
    return left, space if space > end else high


def _cut(text: str, left: int, right: int) -> tuple[str, str]:
    """("…", "…") where the context window cut a sentence (not at a sentence end)."""
    before = _ELLIPSIS if left > 0 and not _SENTENCE_END.match(text, left - 1) else ""
    after = _ELLIPSIS if right < len(text) and not _SENTENCE_END.match(text, right - 1) else ""
    return before, after


def sentence_marked(text: str, start: int, end: int, mark: str = "⟦⟧") -> str:
    """Plain-text sentence (a bounded window) with the span between markers (table cells)."""
    left, right = sentence_bounds(text, start, end)
    before, after = _cut(text, left, right)
    return (before + (text[left:start] + mark[0] + text[start:end] + mark[1]
                      + text[end:right]).strip() + after)


def sentence_html(text: str, start: int, end: int) -> str:
    """The sentence as escaped HTML with the span in <mark>; nothing from the text is markup."""
    left, right = sentence_bounds(text, start, end)
    before, after = _cut(text, left, right)
    return (before + html.escape(text[left:start].lstrip()) + "<mark>" + html.escape(text[start:end])
            + "</mark>" + html.escape(text[end:right].rstrip()) + after)


def find_span(text: str, surface: str, occurrence: int = 1) -> tuple[int, int]:
    """[start, end) of the `occurrence`-th (1-based) exact occurrence of `surface` in `text`."""
    if not surface:
        raise ValueError("enter the exact text of the item")
    pos = -1
    for _ in range(max(occurrence, 1)):
        pos = text.find(surface, pos + 1)
        if pos < 0:
            raise ValueError(f"{surface!r} occurs fewer than {occurrence} time(s) in the text")
    return pos, pos + len(surface)


REVIEW_PAGE_ROWS = 200  # rows per review table page: a long text's table stays small


def review_page(items: list[Item], kind: str, page: int,
                size: int | None = None) -> tuple[list[Item], list[Item], list[Item], int]:
    """(before, shown, after, number of pages) of the items of one kind, page 0-based (clamped):
    only `shown` becomes table rows; the others pass through unchanged."""
    size = size or REVIEW_PAGE_ROWS
    of_kind = [i for i in items if i.kind == kind]
    pages = max(1, -(-len(of_kind) // size))
    page = min(max(page, 0), pages - 1)
    low, high = page * size, (page + 1) * size
    return of_kind[:low], of_kind[low:high], of_kind[high:], pages


def rows_for(items: list[Item], kind: str, text: str) -> list[dict[str, Any]]:
    """Table rows for one kind: id, status, text, start, end, kind fields, sentence."""
    rows = []
    for item in items:
        if item.kind != kind:
            continue
        row = {"id": item.id or "", "status": item.status, "text": item.text,
               "start": item.start, "end": item.end}
        row.update({name: item.data.get(name) for name in FIELDS[kind]})
        row["sentence"] = sentence_marked(text, item.start, item.end)
        rows.append(row)
    return rows


def _cell(value: Any) -> Any:
    """A table cell back to JSON: NaN/NA/"" → None, 1.0 → 1, numpy scalars → Python."""
    if value is None or value == "":
        return None
    try:
        if value != value:  # NaN
            return None
    except (TypeError, ValueError):
        return None  # pandas.NA
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        value = value.item()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def items_from_rows(rows: list[dict[str, Any]], kind: str, text: str,
                    originals: dict[str, Item]) -> list[Item]:
    """Edited table rows back into Items. A changed start/end re-reads the span's text; a
    changed text with unchanged offsets looks that text up near the old place."""
    out = []
    for row in rows:
        start, end = int(row["start"]), int(row["end"])
        surface = row.get("text") or ""
        original = originals.get(row.get("id") or "")
        if original and (start, end) == (original.start, original.end) and surface != original.text:
            found = text.find(surface, max(0, start - 200)) if surface else -1
            start, end = (found, found + len(surface)) if found >= 0 else find_span(text, surface)
        data = dict(original.data) if original else {}
        for name in FIELDS[kind]:
            value = _cell(row.get(name))
            if value is not None or name in data:
                data[name] = value
        out.append(Item(kind, start, end, text[start:end], data,
                        status=row.get("status") or "proposed",
                        source=original.source if original else "curator",
                        id=(row.get("id") or None)))
    return out


def changed(items: list[Item], originals: dict[str, Item]) -> list[Item]:
    """Only the new items and those whose content or status differ from the originals."""
    out = []
    for item in items:
        old = originals.get(item.id or "")
        if old is None or old.content() != item.content() or old.status != item.status:
            out.append(item)
    return out


__all__ = ["FIELDS", "ITEM_KINDS", "changed", "find_span", "items_from_extraction",
           "items_from_rows", "review_page", "rows_for", "sentence_html", "sentence_marked"]
