"""The shared sidebar filter bar and its URL state — the one component that syncs them.

Why not the widgets' own `bind="query-params"` (Streamlit 1.67)? It writes its own URL format
(repeated keys, `year=2010&year=2025`) instead of the documented link format that
corpus.urlstate parses (`actor=DZA,MLI`, `year=2010-2025`, `year=2025`), it drops invalid
values silently (we must name what was ignored), and a bound widget set from code (a map or
chart selection) does not update the URL. So:

1. On a session's first run the URL is parsed once (corpus.urlstate.parse_filters) into the
   widgets' session state; what was ignored is kept as warnings for the page.
2. From then on the widgets are the truth; every run writes `filters_to_params(filters)` plus
   `lang` (and the reader's `span`) back into `st.query_params`, so a selection made from code
   (the map's on_select callback) lands in the URL in the same run, and the URL survives page
   switches.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import NamedTuple
from urllib.parse import urlencode

import streamlit as st

from components import i18n
from components.html import display_text, markdown_text
from components.i18n import fmt_int, pick_lang, t
from corpus import plover
from corpus.filterspec import ID_FILTERS
from corpus.network import parse_dyad
from corpus.query import CorpusIndex, Filters
from corpus.urlstate import (
    FILTER_KEYS,
    ITEM_KEYS,
    Item,
    Vocabulary,
    filters_to_params,
    item_to_params,
    parse_filters,
    parse_item,
)

WIDGET = {key: f"f_{key}" for key in FILTER_KEYS}  # widget key of each URL parameter
LANG_KEY = "f_lang"
# Page parameters kept in the URL besides the filters, on the page they belong to.
PAGE_EXTRAS = {"sources": ("span",), "quotes": ("qpage", "qsort"), "timeline": ("lanes",), "network": ("unfold",)}
EXTRA_KEYS = tuple(key for keys in PAGE_EXTRAS.values() for key in keys)
IGNORED_SILENTLY = ("embed", "embed_options")
_INIT = "_atlas_url_loaded"
_WARNINGS = "_atlas_url_warnings"
_CORRECTIONS = "_atlas_url_corrections"
_ITEM = "_atlas_item"  # the Item a link selected (?quote=ID / ?event=ID), kept across pages


def year_bounds(index: CorpusIndex) -> tuple[int, int]:
    return index.years or (2000, 2025)


def vocabulary(index: CorpusIndex) -> Vocabulary:
    corpus = index.corpus
    return Vocabulary(actors=corpus.actors.keys(), places=corpus.places.keys(),
                      articles=corpus.articles.keys(), years=year_bounds(index))


def _params() -> dict[str, list[str]]:
    return {key: st.query_params.get_all(key) for key in st.query_params.keys()}


def init_language() -> str:
    """The interface language: set once per session from ?lang=, else Accept-Language, else en."""
    if LANG_KEY not in st.session_state:
        raw = st.query_params.get("lang")
        try:
            accept = st.context.headers.get("Accept-Language")
        except Exception:  # noqa: BLE001 - no browser context (tests, bare mode)
            accept = None
        lang, bad = pick_lang(raw, accept)
        st.session_state[LANG_KEY] = lang
        if bad:
            st.session_state.setdefault(_WARNINGS, []).append(f"lang={str(raw)[:40]}")
    if st.session_state[LANG_KEY] not in i18n.LANGS:
        st.session_state[LANG_KEY] = i18n.DEFAULT_LANG
    return st.session_state[LANG_KEY]


def _as_date(day: str | None) -> dt.date | None:
    return dt.date.fromisoformat(day) if day else None


def _as_day(value: object) -> str | None:
    return value.isoformat() if isinstance(value, dt.date) else None


def _date_range_inputs(lang: str) -> None:
    """From–to at day precision (the year slider stays the quick control). One under the other:
    side by side, the sidebar's half width cut a date's last digits off."""
    low, high = dt.date(1900, 1, 1), dt.date(2100, 12, 31)
    st.date_input(t("filters.from", lang), key=WIDGET["from"], min_value=low, max_value=high, format="YYYY-MM-DD")
    st.date_input(t("filters.to", lang), key=WIDGET["to"], min_value=low, max_value=high, format="YYYY-MM-DD")
    st.caption(t("filters.dates_rule", lang))


def _state_from_filters(filters: Filters, bounds: tuple[int, int]) -> dict:
    lo, hi = bounds
    return {
        WIDGET["year"]: (filters.year_min if filters.year_min is not None else lo,
                         filters.year_max if filters.year_max is not None else hi),
        WIDGET["from"]: _as_date(filters.date_from), WIDGET["to"]: _as_date(filters.date_to),
        WIDGET["q"]: filters.text, WIDGET["proposed"]: filters.include_proposed,
        **{WIDGET[spec.key]: list(getattr(filters, spec.field)) for spec in ID_FILTERS},
    }


def init_filters(index: CorpusIndex) -> None:
    """Once per session: the URL's filters into the widgets, and what was ignored."""
    if st.session_state.get(_INIT):
        return
    params = _params()
    filters, warnings = parse_filters(params, vocabulary(index))
    shown = st.session_state.setdefault(_WARNINGS, [])
    shown.extend(f"{w.key}={w.value if len(w.value) <= 40 else w.value[:37] + '…'}" for w in warnings if not w.corrected)
    # "→" in every language: the item is a left-to-right run (key=value → value) even in Arabic.
    st.session_state[_CORRECTIONS] = [f"{w.key}={w.value[:40]} → {w.read_as[:40]}" for w in warnings if w.corrected]
    item, item_warnings = parse_item(params, lambda kind, value: item_exists(index, kind, value))
    shown.extend(str(w.key + "=" + w.value[:40]) for w in item_warnings)
    st.session_state[_ITEM] = item
    for key in params:
        if key not in (*FILTER_KEYS, *EXTRA_KEYS, *ITEM_KEYS, "lang", *IGNORED_SILENTLY):
            shown.append(f"{key[:30]}")
    st.session_state.update(_state_from_filters(filters, year_bounds(index)))
    st.session_state[_INIT] = True


def item_exists(index: CorpusIndex, kind: str, item_id: str) -> bool:
    """Whether an event or quote with this id is in the corpus and not rejected."""
    frame = index.events if kind == "event" else index.quotes
    found = frame["status"][(frame["id"] == item_id).to_numpy(dtype=bool)]
    return bool(len(found)) and bool((found != "rejected").any())


def current_item() -> Item | None:
    """The item a link selected (None when none, or once cleared)."""
    return st.session_state.get(_ITEM)


def clear_item() -> None:
    """on_click of the linked item's close button."""
    st.session_state[_ITEM] = None


def select_item(kind: str, item_id: str) -> None:
    """on_click of an "open" button: this event or quote becomes the linked item (the URL
    follows in the same run, `?event=ID`), as if a link to it had been opened."""
    st.session_state[_ITEM] = Item(kind, item_id)


def item_link(kind: str, item_id: str, lang: str) -> str:
    """The absolute link that opens this page with one item selected (no filters, so the item
    is always in view), built like the sidebar's share link."""
    return view_url({"lang": lang, kind: item_id})


def warn_ignored(items: list[str], lang: str) -> None:
    """"Ignored in the link: …" naming the URL values that were not used (shown as text)."""
    if items:
        st.warning(t("filters.ignored", lang, items=", ".join(map(markdown_text, items))))


def url_warnings() -> list[str]:
    """URL values that were ignored."""
    return list(st.session_state.get(_WARNINGS, []))


def url_corrections() -> list[str]:
    """URL values that were applied in a corrected form (a reversed year range, swapped)."""
    return list(st.session_state.get(_CORRECTIONS, []))


def reset() -> None:
    """on_click of the reset button: every filter back to its default (language kept)."""
    st.session_state.update(_state_from_filters(Filters(), st.session_state.get("_atlas_bounds", (2000, 2025))))
    st.session_state[_WARNINGS] = []


def set_places(place_ids: list[str]) -> None:
    """Set the place filter from code (map selection); the URL follows in the same run."""
    st.session_state[WIDGET["place"]] = list(place_ids)


def _sanitise(options: Mapping[str, list]) -> None:
    """Drop widget values that are no longer options (the corpus changed under the session)."""
    for key, allowed in options.items():
        value = st.session_state.get(key)
        if isinstance(value, list):
            st.session_state[key] = [v for v in value if v in allowed]


def _label_all_names(record, lang: str) -> str:
    """All three names (searchable in any), the interface language's first."""
    names = dict.fromkeys(n for n in (record.name(lang), record.name_en, record.name_ar, record.name_fr) if n)
    return " · ".join(names)


class IdChoice(NamedTuple):
    """How an id filter of corpus.filterspec.ID_FILTERS is drawn: label and help keys of the
    string catalogue, the options in display order, and the label of one option."""

    label: str
    options: list[str]
    label_of: Callable[[str], str]
    help: str | None = None


# Option lists and labels per (corpus, language), computed once: the sidebar draws them on
# every rerun of every session (a thousand articles' titles at 100,000 events). Keyed by the
# corpus object's identity (checked, not just its id), so a rebuilt index gets new labels.
_CHOICES: dict[tuple[int, str], tuple[object, dict]] = {}


def id_choices(corpus, lang: str) -> dict[str, IdChoice]:
    """The widget of each id filter (URL key → IdChoice); a key missing here fails loudly."""
    return {**_corpus_choices(corpus, lang),
            # a dyad is chosen on the Network page (an edge); here it is shown and can be removed
            "dyad": IdChoice("filters.dyads", list(st.session_state.get(WIDGET["dyad"]) or ()),
                             lambda d: dyad_label(corpus, d, lang), "filters.dyads_help")}


def _corpus_choices(corpus, lang: str) -> dict[str, IdChoice]:
    cached = _CHOICES.get((id(corpus), lang))
    if cached is not None and cached[0] is corpus:
        return cached[1]
    actors = {a: _label_all_names(corpus.actors[a], lang) for a in corpus.actors}
    places = {p: _label_all_names(corpus.places[p], lang) for p in corpus.places}
    articles = {a: display_text(corpus.articles[a].title(lang))[:70] for a in corpus.articles}
    types = {e: f"{t('type.' + e, lang)} ({e})" for e in plover.EVENT_TYPES}
    quads = {q: t("quad." + q, lang) for q in plover.QUAD_CLASSES}
    choices = {
        "actor": IdChoice("filters.actors", sorted(corpus.actors, key=lambda a: corpus.actors[a].name(lang)),
                          _label_of(actors), "filters.actors_help"),
        "type": IdChoice("filters.types", list(plover.EVENT_TYPES), _label_of(types)),
        "quad": IdChoice("filters.quads", list(plover.QUAD_CLASSES), _label_of(quads)),
        "place": IdChoice("filters.places", sorted(corpus.places, key=lambda p: corpus.places[p].name(lang)),
                          _label_of(places)),
        "article": IdChoice("filters.articles", sorted(corpus.articles), _label_of(articles)),
    }
    if len(_CHOICES) >= 12:  # a few corpora (old index, new index) × three languages
        _CHOICES.clear()
    _CHOICES[(id(corpus), lang)] = (corpus, choices)
    return choices


def dyad_label(corpus, key: str, lang: str) -> str:
    """`MLI~DZA` → "Mali → Algeria" in the interface language."""
    pair = parse_dyad(key) or (key, "?")
    names = [corpus.actors[a].name(lang) if a in corpus.actors else a for a in pair]
    return f"{names[0]} {t('misc.arrow', lang)} {names[1]}"


def set_dyad(key: str | None) -> None:
    """Set the dyad filter from code (a network edge); the URL follows in the same run."""
    st.session_state[WIDGET["dyad"]] = [key] if key else []


def _label_of(labels: Mapping[str, str]) -> Callable[[str], str]:
    return lambda key: labels.get(key, str(key))


def filter_bar(index: CorpusIndex, lang: str) -> Filters:
    """Draw the sidebar filters (every page) and return the current Filters."""
    corpus = index.corpus
    lo, hi = year_bounds(index)
    st.session_state["_atlas_bounds"] = (lo, hi)
    year = st.session_state.get(WIDGET["year"], (lo, hi))
    try:
        y0, y1 = sorted((max(lo, min(hi, int(year[0]))), max(lo, min(hi, int(year[1])))))
    except (TypeError, ValueError, IndexError):
        y0, y1 = lo, hi
    st.session_state[WIDGET["year"]] = (y0, y1)
    choices = id_choices(corpus, lang)
    _sanitise({WIDGET[key]: choice.options for key, choice in choices.items()})
    pick = t("filters.choose", lang)
    with st.sidebar:
        st.subheader(t("filters.header", lang))
        if lo < hi:
            st.slider(t("filters.years", lang), min_value=lo, max_value=hi, step=1, key=WIDGET["year"])
        _date_range_inputs(lang)
        for spec in ID_FILTERS:
            choice = choices[spec.key]
            st.multiselect(t(choice.label, lang), choice.options, key=WIDGET[spec.key], placeholder=pick,
                           format_func=choice.label_of, help=t(choice.help, lang) if choice.help else None)
        st.text_input(t("filters.text", lang), key=WIDGET["q"], help=t("filters.text_help", lang), max_chars=300)
        st.toggle(t("filters.proposed", lang), key=WIDGET["proposed"])
        st.button(t("filters.reset", lang), on_click=reset, key="f_reset")
    y0, y1 = st.session_state[WIDGET["year"]]
    s = st.session_state
    day_from, day_to = _as_day(s.get(WIDGET["from"])), _as_day(s.get(WIDGET["to"]))
    if day_from and day_to and day_from > day_to:
        day_from, day_to = day_to, day_from
    return Filters(
        year_min=None if y0 == lo and y1 == hi else int(y0),
        year_max=None if y0 == lo and y1 == hi else int(y1),
        date_from=day_from, date_to=day_to, text=(s.get(WIDGET["q"]) or "").strip(),
        include_proposed=bool(s.get(WIDGET["proposed"])),
        **{spec.field: tuple(s.get(WIDGET[spec.key]) or ()) for spec in ID_FILTERS},
    )


def language_switch(lang: str) -> None:
    with st.sidebar:
        st.selectbox(t("lang.label", lang), list(i18n.LANGS), key=LANG_KEY,
                     format_func=lambda code: t("lang.name", code))


def view_params(filters: Filters | None, lang: str, page: str = "") -> dict[str, str]:
    """The URL parameters of this view: language, filters, and the page's own parameters."""
    params = {"lang": lang}
    if filters is not None:
        params.update(filters_to_params(filters))
        params.update(item_to_params(current_item()))
    if page:
        for key in PAGE_EXTRAS.get(page, ()):
            value = st.query_params.get(key)
            if value is not None and len(value) <= 40:
                params[key] = value
    return params


def write_url(params: dict[str, str]) -> None:
    """Replace the query string when it differs (no rerun is triggered)."""
    current = {key: st.query_params.get_all(key) for key in st.query_params.keys()}
    if current != {k: [v] for k, v in params.items()}:
        st.query_params.from_dict(params)


def view_url(params: dict[str, str]) -> str:
    """The full URL of this view (relative when the app's own URL is unknown, as in tests)."""
    try:
        base = st.context.url or ""
    except Exception:  # noqa: BLE001
        base = ""
    return f"{base}?{urlencode(params)}"


def share_link(params: dict[str, str], lang: str) -> None:
    """The 'copy link to this view' control: the full URL in a code block with a copy button."""
    with st.sidebar:
        st.caption(t("filters.copy_link", lang), help=t("filters.copy_link_help", lang))
        st.code(view_url(params), language=None, wrap_lines=True)


def counts_line(shown_events: int, total_events: int, shown_quotes: int, total_quotes: int, lang: str) -> str:
    events = t("count.events", lang, shown=fmt_int(shown_events, lang), total=fmt_int(total_events, lang))
    quotes = t("count.quotes", lang, shown=fmt_int(shown_quotes, lang), total=fmt_int(total_quotes, lang))
    return t("count.line", lang, events=events, quotes=quotes)
