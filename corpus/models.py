"""Typed records of the corpus. Every span is [start, end) into the article's stored text."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

ORIGINS = ("curated", "added")
STATUSES = ("proposed", "accepted", "edited", "rejected")
VISIBLE_STATUSES = ("accepted", "edited")  # what the atlas shows; "proposed" only on request


def visible_statuses(include_proposed: bool = False) -> tuple[str, ...]:
    """The statuses shown: accepted and edited, plus proposed when asked for."""
    return VISIBLE_STATUSES + (("proposed",) if include_proposed else ())

ACTOR_KINDS = ("state", "state_body", "person", "armed_group", "igo", "media", "other")
PLACE_KINDS = ("capital", "town", "region", "country", "border_area", "natural_area")
QUOTE_KINDS = ("direct", "fragment", "reported")
MENTION_KINDS = ("place", "actor", "date")
ITEM_KINDS = ("date", "place", "actor", "quote", "event")  # what a reviewer reads in an added article
GLOSS_FIELDS = ("gloss_en", "gloss_fr", "gloss_ar")  # Quote: the atlas's translations, one per language


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    text: str
    sha256: str
    language: str
    title_ar: str
    title_en: str
    title_fr: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    published_precision: int | None = None
    published_inferred: bool = False
    published_evidence: dict[str, Any] | None = None
    tags: tuple[str, ...] = ()
    origin: str = "curated"
    status: str = "accepted"
    file: str | None = None
    reviewed_by: str | None = None  # the curator who last saved the review of an added article

    def title(self, lang: str) -> str:
        return getattr(self, f"title_{lang}", None) or self.title_en or self.title_ar


@dataclass(frozen=True, slots=True)
class Actor:
    id: str
    kind: str
    name_ar: str
    name_en: str
    name_fr: str
    aliases_ar: tuple[str, ...] = ()
    aliases_lat: tuple[str, ...] = ()
    affiliation: str | None = None
    role_en: str | None = None
    role_ar: str | None = None
    role_fr: str | None = None
    role_start: str | None = None
    role_end: str | None = None
    origin: str = "curated"

    def name(self, lang: str) -> str:
        return getattr(self, f"name_{lang}", None) or self.name_en

    def role(self, lang: str) -> str | None:
        return getattr(self, f"role_{lang}", None) or self.role_en


@dataclass(frozen=True, slots=True)
class Place:
    id: str
    kind: str
    name_ar: str
    name_en: str
    name_fr: str
    lat: float | None
    lon: float | None
    country: str | None = None
    admin1: str | None = None
    geonames_id: int | None = None
    geo_precision: int = 1
    coord_source: str | None = None
    variants_ar: tuple[str, ...] = ()
    variants_lat: tuple[str, ...] = ()
    note: str | None = None

    def name(self, lang: str) -> str:
        return getattr(self, f"name_{lang}", None) or self.name_en


def affiliation_root(actor_id: str, actors: Mapping[str, Any]) -> str:
    """The one actor → state walk: follow `affiliation` from `actor_id` until a state, an actor
    with no affiliation, an id with no record, or a cycle; return the id reached. A state body or
    an affiliated minister reaches its state; a rebel leader his group; an unknown id itself.
    Kinds come from the records (`kind == "state"`), never from an id's spelling. Works on any
    records with `kind` and `affiliation` (a corpus `Actor`, the extraction lexicon's `ActorInfo`)."""
    seen: set[str] = set()
    current = actor_id
    while current in actors and current not in seen:
        seen.add(current)
        record = actors[current]
        if record.kind == "state" or not record.affiliation:
            break
        current = record.affiliation
    return current


def capital_places(places: Iterable) -> dict[str, Any]:
    """State ISO3 → its capital's place record (the first listed). The one capital table, for
    any records with `kind` and `country` (a `Place`, the extraction lexicon's `PlaceInfo`)."""
    out: dict[str, Any] = {}
    for place in places:
        if place.kind == "capital" and place.country:
            out.setdefault(place.country, place)
    return out


def place_states(places: Iterable) -> dict[str, str]:
    """Place id → the state a country or its capital stands for (من مالي، من باماكو → MLI)."""
    return {p.id: p.country for p in places if p.kind in ("country", "capital") and p.country}


def text_sha256(text: str) -> str:
    """SHA-256 of the text's UTF-8 bytes (= the curated file's sha256 for the same text)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(slots=True)
class Item:
    """One date, place, actor, quote or event read in an article; span [start, end)."""

    kind: str
    start: int
    end: int
    text: str
    data: dict[str, Any] = field(default_factory=dict)
    status: str = "proposed"
    source: str = "extractor"
    id: str | None = None

    def content(self) -> tuple:
        return (self.start, self.end, self.text, self.data)


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    article_id: str
    start: int
    end: int
    text: str
    date: str
    date_precision: int
    event_type: str
    actor1: str | None
    actor2: str | None
    place_id: str | None
    geo_precision: int | None
    summary_en: str
    summary_ar: str | None = None
    summary_fr: str | None = None
    date_inferred: bool = False
    date_note: str | None = None
    origin: str = "curated"
    status: str = "accepted"
    same_as: str | None = None  # another report of the same event (corpus/clusters.py)
    responds_to: str | None = None  # the event this one answers (a reply, a rebuttal): claims


@dataclass(frozen=True, slots=True)
class Quote:
    id: str
    article_id: str
    start: int
    end: int
    text: str
    speaker: str | None
    language: str
    kind: str
    date: str | None
    date_precision: int | None
    event_id: str | None = None
    origin: str = "curated"
    status: str = "accepted"
    # The atlas's own translation of the quote (for a fragment: of the clause around it, the
    # quoted words in quotation marks); None where nobody has written one yet.
    gloss_en: str | None = None
    gloss_fr: str | None = None
    gloss_ar: str | None = None


@dataclass(frozen=True, slots=True)
class Mention:
    article_id: str
    start: int
    end: int
    text: str
    kind: str
    ref: str | None
    relative: bool = False
    origin: str = "curated"
    status: str = "accepted"


@dataclass(slots=True)
class Corpus:
    """All records, indexed by id. Treat as read-only once built (sessions share one)."""

    articles: dict[str, Article] = field(default_factory=dict)
    actors: dict[str, Actor] = field(default_factory=dict)
    places: dict[str, Place] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
    quotes: dict[str, Quote] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {
            "articles": len(self.articles),
            "actors": len(self.actors),
            "places": len(self.places),
            "events": len(self.events),
            "quotes": len(self.quotes),
            "mentions": len(self.mentions),
        }

    def evidence(self, article_id: str, start: int, end: int) -> str:
        return self.articles[article_id].text[start:end]
