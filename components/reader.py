"""Article-reader helpers: which spans to highlight, and the `span` URL parameter."""

from __future__ import annotations

import re

from components.html import Mark

_SPAN = re.compile(r"^\s*(\d{1,9})\s*-\s*(\d{1,9})\s*$")


def parse_span(value: object, length: int) -> tuple[int, int] | None:
    """'120-260' → (120, 260) when it is a non-empty span inside a text of `length`."""
    if not isinstance(value, str) or len(value) > 40:
        return None
    match = _SPAN.match(value)
    if not match:
        return None
    start, end = int(match[1]), int(match[2])
    return (start, end) if 0 <= start < end <= length else None


def marks_for(ctx, article_id: str, kinds: set[str]) -> list[Mark]:
    """Highlight marks of one article (visible items only), for the kinds switched on."""
    corpus, marks = ctx.corpus, []
    visible = ("accepted", "edited") + (("proposed",) if ctx.filters.include_proposed else ())
    if "event" in kinds:
        marks += [Mark(e.start, e.end, "event", f"{e.event_type} · {e.id}") for e in corpus.events.values()
                  if e.article_id == article_id and e.status in visible]
    if "quote" in kinds:
        marks += [Mark(q.start, q.end, "quote", q.id) for q in corpus.quotes.values()
                  if q.article_id == article_id and q.status in visible]
    for mention in corpus.mentions:
        if mention.article_id != article_id or mention.kind not in kinds or mention.status not in visible:
            continue
        name = ctx.place(mention.ref) if mention.kind == "place" else ctx.actor(mention.ref)
        marks.append(Mark(mention.start, mention.end, mention.kind, name))
    return marks
