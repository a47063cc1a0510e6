"""The filter state in the URL: parse query parameters into Filters (with warnings for what
was ignored) and write Filters back. The one place that knows the parameter names.

    ?year=2010-2025&from=2024-12-01&to=2025-01-31&actor=DZA,MLI&type=AID&quad=verbal_conflict&place=kidal-region
     &article=000_56a35e1c5d42c200&dyad=MLI~DZA&q=باماكو&proposed=1
    ?quote=q-001-03  (or ?event=ev-001-01): one item selected, on any page (parse_item)
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass

from corpus import plover
from corpus.filterspec import ID_FILTERS
from corpus.network import DyadVocabulary
from corpus.query import Filters

MAX_VALUE_LENGTH = 300
MAX_ITEMS = 50


FILTER_KEYS = ("year", "from", "to", *(f.key for f in ID_FILTERS), "q", "proposed")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_YEAR = re.compile(r"^\s*(\d{4})\s*$")
_RANGE = re.compile(r"^\s*(\d{4})\s*[-–:.]{1,2}\s*(\d{4})\s*$")


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The ids a URL may name; anything else is ignored with a warning."""

    actors: Collection[str]
    places: Collection[str]
    articles: Collection[str]
    years: tuple[int, int] = (1990, 2100)
    event_types: Collection[str] = plover.EVENT_TYPES
    quads: Collection[str] = plover.QUAD_CLASSES

    @property
    def dyads(self) -> Collection[str]:
        """`A~B` with two different known actors (checked on demand)."""
        return DyadVocabulary(self.actors)


@dataclass(frozen=True, slots=True)
class UrlWarning:
    """A URL value that was ignored or corrected, and why (`value` is cut to 80 characters)."""

    key: str
    value: str
    reason: str
    corrected: bool = False  # the value was applied in a corrected form, not ignored
    read_as: str = ""  # that form, when corrected

    def __post_init__(self) -> None:
        object.__setattr__(self, "value", self.value[:80])

    def __str__(self) -> str:
        shown = self.value if len(self.value) <= 40 else self.value[:37] + "…"
        return f"{self.key}={shown}: {self.reason}"


def _values(params: Mapping[str, Sequence[str] | str], key: str) -> list[str]:
    raw = params.get(key, [])
    return [raw] if isinstance(raw, str) else list(raw)


def _parse_years(values: list[str], vocab: Vocabulary, warnings: list[UrlWarning]) -> tuple[int | None, int | None]:
    if not values:
        return None, None
    value = values[-1]
    if match := _RANGE.match(value):
        low, high = int(match[1]), int(match[2])
        if low > high:
            warnings.append(UrlWarning("year", value, f"reversed range, read as {high}-{low}", True, f"{high}-{low}"))
            low, high = high, low
    elif match := _YEAR.match(value):
        low = high = int(match[1])
    else:
        warnings.append(UrlWarning("year", value, "not a year or a range like 2010-2025"))
        return None, None
    first, last = vocab.years
    if high < first or low > last:
        warnings.append(UrlWarning("year", value, f"outside {first}-{last}"))
        return None, None
    return max(low, first), min(high, last)


def _parse_day(values: list[str], key: str, warnings: list[UrlWarning]) -> str | None:
    """A `from`/`to` day (YYYY-MM-DD, a real calendar day) or None with a warning."""
    if not values:
        return None
    value = values[-1].strip()
    if _DAY.match(value):
        try:
            return dt.date.fromisoformat(value).isoformat()
        except ValueError:
            pass
    warnings.append(UrlWarning(key, value, "not a day like 2025-01-31, ignored"))
    return None


def _parse_day_range(clean: dict[str, list[str]], warnings: list[UrlWarning]) -> tuple[str | None, str | None]:
    low, high = _parse_day(clean["from"], "from", warnings), _parse_day(clean["to"], "to", warnings)
    if low and high and low > high:
        warnings.append(UrlWarning("from", f"{low}..{high}", f"reversed range, read as {high}..{low}", True,
                                   f"{high}..{low}"))
        low, high = high, low
    return low, high


FLAG_VALUES = {"1": True, "true": True, "yes": True, "0": False, "false": False, "no": False}


def _parse_flag(values: list[str], key: str, warnings: list[UrlWarning]) -> bool:
    """An on/off parameter (`proposed=1`); any other value is named and read as off."""
    if not values:
        return False
    flag = FLAG_VALUES.get(values[-1].strip().lower())
    if flag is None:
        warnings.append(UrlWarning(key, values[-1], "not 1 or 0, ignored"))
    return bool(flag)


CASE_FOLD_LIMIT = 20_000  # known ids searched case-insensitively (a typed ?actor=dza) up to this many


def _known_id(item: str, known: Collection[str], folded: dict[str, str]) -> str | None:
    """`item` when known, else the one known id that differs from it only in letter case."""
    if item in known:
        return item
    if not folded and len(known) <= CASE_FOLD_LIMIT:
        folded.update((k.casefold(), k) for k in sorted(known, reverse=True))
    return folded.get(item.casefold())


def _parse_ids(values: list[str], key: str, known: Collection[str], warnings: list[UrlWarning]) -> tuple[str, ...]:
    ids: list[str] = []
    folded: dict[str, str] = {}
    for value in values:
        for item in (part.strip() for part in value.split(",")):
            if not item:
                continue
            found = _known_id(item, known, folded)
            if found is None:
                warnings.append(UrlWarning(key, item, "unknown, ignored"))
                continue
            if found != item:
                warnings.append(UrlWarning(key, item, f"read as {found}", True, found))
            if found not in ids:
                ids.append(found)
    if len(ids) > MAX_ITEMS:
        warnings.append(UrlWarning(key, ",".join(ids[MAX_ITEMS:]), f"more than {MAX_ITEMS} values, the rest ignored"))
        ids = ids[:MAX_ITEMS]
    return tuple(ids)


def parse_filters(params: Mapping[str, Sequence[str] | str], vocab: Vocabulary) -> tuple[Filters, list[UrlWarning]]:
    """Filters from query parameters, and a warning for each value that was ignored."""
    warnings: list[UrlWarning] = []
    clean: dict[str, list[str]] = {}
    for key in FILTER_KEYS:
        kept = []
        for value in _values(params, key):
            if len(value) > MAX_VALUE_LENGTH:
                warnings.append(UrlWarning(key, value, f"longer than {MAX_VALUE_LENGTH} characters, ignored"))
            else:
                kept.append(value)
        clean[key] = kept
    year_min, year_max = _parse_years(clean["year"], vocab, warnings)
    date_from, date_to = _parse_day_range(clean, warnings)
    text = clean["q"][-1].strip() if clean["q"] else ""
    proposed = _parse_flag(clean["proposed"], "proposed", warnings)
    ids = {f.field: _parse_ids([v.upper() for v in clean[f.key]] if f.upper else clean[f.key], f.key,
                               getattr(vocab, f.vocabulary), warnings) for f in ID_FILTERS}
    filters = Filters(year_min=year_min, year_max=year_max, date_from=date_from, date_to=date_to,
                      text=text, include_proposed=proposed, **ids)
    return filters, warnings


ITEM_KEYS = ("quote", "event")  # ?quote=ID / ?event=ID: one item selected on any page (not a filter)


@dataclass(frozen=True, slots=True)
class Item:
    """The single item a link points at: `kind` is "event" or "quote"."""

    kind: str
    id: str


def parse_item(params: Mapping[str, Sequence[str] | str], exists: Callable[[str, str], bool]
               ) -> tuple[Item | None, list[UrlWarning]]:
    """The item a link names (`?quote=ID` or `?event=ID`), checked with `exists(kind, id)`;
    an unknown or over-long id, or a second item, is named in a warning and ignored."""
    item, warnings = None, []
    for key in ITEM_KEYS:
        for value in _values(params, key):
            value = value.strip()
            if len(value) > MAX_VALUE_LENGTH or not value or not exists(key, value):
                warnings.append(UrlWarning(key, value, "unknown item, ignored"))
            elif item is not None:
                warnings.append(UrlWarning(key, value, "one item per link, ignored"))
            else:
                item = Item(key, value)
    return item, warnings


def item_to_params(item: Item | None) -> dict[str, str]:
    return {item.kind: item.id} if item else {}


def filters_to_params(filters: Filters) -> dict[str, str]:
    """Query parameters for a filter state (empty filters give no parameters)."""
    params: dict[str, str] = {}
    if filters.year_min is not None or filters.year_max is not None:
        low = filters.year_min if filters.year_min is not None else filters.year_max
        high = filters.year_max if filters.year_max is not None else filters.year_min
        params["year"] = str(low) if low == high else f"{low}-{high}"
    if filters.date_from:
        params["from"] = filters.date_from
    if filters.date_to:
        params["to"] = filters.date_to
    for spec in ID_FILTERS:
        if values := getattr(filters, spec.field):
            params[spec.key] = ",".join(values)
    if filters.text:
        params["q"] = filters.text
    if filters.include_proposed:
        params["proposed"] = "1"
    return params
