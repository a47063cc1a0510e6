"""The interface catalogue (one JSON file per language) and language-aware formatting.

Every user-facing string of app_pages/ and components/ comes from `t(key, lang)`; a page calls
`ctx.t(key)` on its context (a `Localised`). The interface languages are the catalogue files
present: adding one is adding `<code>.json` with every key, including its own name
(`lang.name`), its direction (`lang.direction`) and its Babel locale (`lang.locale`). Numbers
use Western (European) digits in all languages — the usage of the Algerian and Malian press and
of the corpus itself; Arabic dates use the Maghrebi month names (جانفي، فيفري… as in the
articles: Babel's ar_DZ locale). See docs/DASHBOARD.md.
"""

from __future__ import annotations

import datetime
import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.numbers import format_decimal

_DIR = Path(__file__).resolve().parent
LANGS = tuple(sorted(path.stem for path in _DIR.glob("*.json")))
DEFAULT_LANG = "en"
RTL_LANGS = frozenset({"ar", "fa", "ur", "he"})  # article languages written right to left


@cache
def catalogue(lang: str) -> dict[str, str]:
    return json.loads((_DIR / f"{lang}.json").read_text(encoding="utf-8"))


def t(key: str, lang: str, **values: object) -> str:
    """The string for `key` in `lang` (English when the key is missing there), formatted."""
    text = catalogue(lang if lang in LANGS else DEFAULT_LANG).get(key)
    if text is None:
        text = catalogue(DEFAULT_LANG).get(key, key)
    return text.format(**values) if values else text


def direction(lang: str | None) -> str:
    """"rtl" or "ltr": an interface language's catalogue says (`lang.direction`), an article
    language is looked up in RTL_LANGS."""
    if lang in LANGS:
        return "rtl" if catalogue(lang).get("lang.direction") == "rtl" else "ltr"
    return "rtl" if lang in RTL_LANGS else "ltr"


@dataclass(frozen=True)
class Localised:
    """What a page needs to speak its language: `ctx.t(key, **values)` on every page."""

    lang: str

    @property
    def rtl(self) -> bool:
        return direction(self.lang) == "rtl"

    def t(self, key: str, **values: object) -> str:
        return t(key, self.lang, **values)


@cache
def _locale(lang: str) -> Locale:
    """The language's Babel locale (English when its catalogue names none Babel knows)."""
    try:
        return Locale.parse(t("lang.locale", lang))
    except (UnknownLocaleError, ValueError):
        return Locale.parse(t("lang.locale", DEFAULT_LANG))


def normalise_lang(value: object) -> str | None:
    """'ar' / 'AR' / 'ar-DZ' → 'ar'; anything else → None."""
    if not isinstance(value, str):
        return None
    code = value.strip().lower().split("-")[0].split("_")[0]
    return code if code in LANGS else None


_ACCEPT_ITEM = re.compile(r"^\s*([A-Za-z]{1,8}(?:[-_][A-Za-z0-9]{1,8})*|\*)\s*(?:;\s*q\s*=\s*([0-9.]+))?\s*$")


def from_accept_language(header: str | None) -> str | None:
    """The best supported language of an Accept-Language header (q-weighted), or None."""
    if not header or len(header) > 1000:
        return None
    best: tuple[float, int, str] | None = None
    for position, item in enumerate(header.split(",")):
        match = _ACCEPT_ITEM.match(item)
        if not match:
            continue
        lang = normalise_lang(match[1])
        try:
            q = float(match[2]) if match[2] else 1.0
        except ValueError:
            continue
        if lang and q > 0 and (best is None or (q, -position) > (best[0], best[1])):
            best = (q, -position, lang)
    return best[2] if best else None


def pick_lang(url_value: object, accept_language: str | None) -> tuple[str, bool]:
    """(language, url_value_was_bad): the URL wins, then the browser, then English."""
    lang = normalise_lang(url_value)
    if lang:
        return lang, False
    bad = url_value not in (None, "")
    return from_accept_language(accept_language) or DEFAULT_LANG, bad


def fmt_int(value: int | float, lang: str) -> str:
    """Western digits everywhere, grouped as the language's base locale does (ar, not ar_DZ,
    whose dot grouping the hand-written formatting never used)."""
    return format_decimal(int(value), locale=_locale(lang).language)


def date_label(value: str | None, precision: int | None, lang: str, estimated: object = False) -> str:
    """A date at its precision, marked when it is an estimate (inferred, not read in the text)."""
    label = fmt_date(value, precision, lang)
    return f"{label} ({t('sources.estimated', lang)})" if estimated is True or estimated == 1 else label


def ltr(text: str) -> str:
    """A left-to-right token (a year range, an id:span) isolated, so that an Arabic line keeps
    it whole and in order (2024–2025, not 2025–2024: an en dash between numbers is neutral)."""
    return f"\u2066{text}\u2069"


def year_span(years: list[int]) -> str:
    """'2010–2025', or one year alone ('2025', not '2025–2025')."""
    first, last = min(years), max(years)
    return str(first) if first == last else f"{first}–{last}"


def fmt_date(value: str | None, precision: int | None, lang: str) -> str:
    """A partial ISO date at its precision, in words: '23 février 2010', 'جوان 2015', '2008'."""
    if not isinstance(value, str) or not value:  # None, NaN from a data frame
        return t("misc.unknown", lang)
    parts = value.split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else None
        day = int(parts[2]) if len(parts) > 2 else None
    except ValueError:
        return value
    if precision == 5 or month is None:
        return str(year)
    try:
        date = datetime.date(year, month, day or 1)
    except ValueError:
        return value
    if precision == 4 or day is None:
        return format_date(date, "MMMM y", locale=_locale(lang))
    text = format_date(date, "d MMMM y", locale=_locale(lang))
    if precision in (2, 3):
        return t("date.around", lang, date=text)
    return text


def names(item: object, lang: str) -> str:
    """Name of an actor/place record (dataclass with name(lang)) or its id when unknown."""
    if item is None:
        return t("misc.unknown", lang)
    return item.name(lang)


def summary(row: dict, lang: str) -> tuple[str, bool]:
    """(summary text, is_fallback) — English when the language's summary is missing."""
    text = row.get(f"summary_{lang}")
    if isinstance(text, str) and text.strip():
        return text, False
    return (row.get("summary_en") or ""), lang != "en"
