"""Sentence splitting for Arabic news prose.

Boundaries: a newline; a full stop, ! ? ؟ or the middle dot · that some outlets use as a full
stop — followed by a space or directly by a letter (missing spaces after full stops are common).
Not a boundary: a full stop before a digit ("سبتمبر .2009", "3.5"), an ellipsis inside a
sentence followed by a lower-case continuation, a full stop inside a balanced quotation
("…وفشل." closes inside the marks: the sentence ends after the closing mark).
Spans are [start, end) in the original text, without surrounding white space.
"""

from __future__ import annotations

import re

_END = re.compile(r"[.!?؟·]+")
_CLOSERS = set("\"'”»’)]")


def split_sentences(text: str, protected: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Sentence spans of `text`; no boundary falls strictly inside a `protected` span."""
    cuts: list[int] = []
    n = len(text)
    for m in _END.finditer(text):
        end = m.end()
        nxt = text[end] if end < n else ""
        prev = text[m.start() - 1] if m.start() > 0 else ""
        if nxt.isdigit():
            continue  # ".2009", "3.5", ",727"
        if m.group() == "." and prev.isdigit() and nxt.isdigit():
            continue
        while end < n and text[end] in _CLOSERS:
            end += 1
        if end < n and not (text[end].isspace() or text[end].isalpha() or text[end] in "\"'“«"):
            continue
        cuts.append(end)
    cuts.extend(i + 1 for i, ch in enumerate(text) if ch == "\n")
    if protected:
        def inside(c: int) -> bool:
            return any(s < c < e for s, e in protected)
        cuts = [c for c in cuts if not inside(c)]
    cuts = sorted(set(cuts))
    spans = []
    start = 0
    for c in cuts + [n]:
        s, e = start, c
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
        start = c
    return spans


def sentences(doc) -> list[dict]:
    """Pipeline step: the sentence mentions of a Doc (uses quotes' balanced pairs)."""
    return [{"start": s, "end": e, "text": doc.text[s:e]} for s, e in doc.sentences]
