"""Text-level checks that do not depend on the language (issue 13, defect 10).

- `has_visible_text`: a text made only of spaces and invisible characters is no article.
- `fingerprint`: the same article typed with a trailing space, CRLF line endings, a zero-width
  character or another Unicode composition has the same fingerprint (NFC, CRLF/CR → LF,
  zero-width and other format characters dropped, trailing white space of every line and white
  space at both ends stripped; SHA-256 of the result). Used to refuse duplicates; the stored
  text is always exactly what was given.
- `BIDI_CONTROLS`: the embedding, override and isolate controls (U+202A–202E, U+2066–2069). They
  are stored as given and removed on display (components/html.py: display_text), so a title or
  a quotation cannot reorder what is shown around it.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Letters and symbols that draw nothing (Hangul fillers, the braille blank, Mongolian vowel
# separator, combining grapheme joiner): not format characters, but just as invisible.
_BLANK_GLYPHS = frozenset("\u115f\u1160\u3164\uffa0\u2800\u180e\u034f")
_LINE_END = re.compile(r"\r\n?")
_TRAILING = re.compile(r"[^\S\n]+$", re.M)


def _invisible(ch: str) -> bool:
    return ch.isspace() or ch in _BLANK_GLYPHS or unicodedata.category(ch) in ("Cf", "Cc", "Zs", "Zl", "Zp")


def has_visible_text(text: str) -> bool:
    """True when at least one character of `text` draws something."""
    return any(not _invisible(ch) for ch in text)


def _drop_format(text: str) -> str:
    return "".join(ch for ch in text if ch not in _BLANK_GLYPHS and unicodedata.category(ch) != "Cf")


def normalised(text: str) -> str:
    """The text compared for duplicates (never stored)."""
    text = _drop_format(unicodedata.normalize("NFC", _LINE_END.sub("\n", text)))
    return _TRAILING.sub("", text).strip()


def fingerprint(text: str) -> str:
    """SHA-256 (hex) of `normalised(text)`."""
    return hashlib.sha256(normalised(text).encode("utf-8")).hexdigest()


def without_bidi_controls(text: str) -> str:
    """`text` with the bidi embedding/override/isolate controls removed (for display only)."""
    if not any(ch in BIDI_CONTROLS for ch in text):
        return text
    return "".join(ch for ch in text if ch not in BIDI_CONTROLS)


def curated_hashes(corpus) -> dict[str, str]:
    """sha256 → id and fingerprint → id of every curated article (the file's bytes = the text's
    UTF-8; the fingerprint finds the same text with other spacing: corpus.textcheck)."""
    out = {fingerprint(a.text): a.id for a in corpus.articles.values()}
    out.update({a.sha256 or hashlib.sha256(a.text.encode()).hexdigest(): a.id
                for a in corpus.articles.values()})
    return out
