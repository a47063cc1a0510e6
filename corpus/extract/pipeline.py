"""The extraction pipeline: named steps, each `doc → list of mentions` (spaCy-style components).

    normalise → sentences → dates → places + actors → quotes → events

`Extractor.from_corpus(corpus)` compiles the lexicons once; the object is picklable (worker
processes get a copy). `extract(text, published)` returns the CLI JSON object minus "file".
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from functools import lru_cache

from corpus.extract import actors as actor_rules
from corpus.extract import dates as dates_step
from corpus.extract import entities, events, quotes
from corpus.extract.doc import Doc, make_doc
from corpus.extract.lexicon import Lexicon, build_lexicon
from corpus.extract.quotes import pair_marks
from corpus.extract.sentences import boundary_cuts, cap_sentences, split_sentences
from corpus.models import Corpus, affiliation_root, place_states, text_sha256


def sentencize(doc: Doc) -> list[tuple[int, int]]:
    """Sentence spans; balanced quotations are never split (a quote may span a full stop)."""
    cuts = boundary_cuts(doc.text)
    raw = split_sentences(doc.text, cuts=cuts)

    starts = [s for s, _ in raw]

    def end_of(pos: int) -> int:
        """The end of the raw sentence holding `pos` (or the start of the next one)."""
        k = bisect.bisect_right(starts, pos) - 1
        if k >= 0 and pos < raw[k][1]:
            return raw[k][1]
        return raw[k + 1][0] if k + 1 < len(raw) else len(doc.text)

    # the balanced pairs found again now that unbalanced marks stop at sentence ends
    balanced = [(s, e) for s, e, ok in pair_marks(doc.text, end_of) if ok]
    # no balanced quotation: the same spans again (a fresh list, as before)
    doc.sentences = split_sentences(doc.text, protected=balanced, cuts=cuts) if balanced else list(raw)
    doc.sentences = cap_sentences(doc.text, doc.sentences)  # bounded work on unpunctuated text
    return doc.sentences


STEP_NAMES = ("sentences", "dates", "places", "actors", "quotes", "events")


class Extractor:
    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon
        self.country_of = place_states(lexicon.places.values())
        self.place_country = {p.id: p.country for p in lexicon.places.values() if p.country}

    def organisation_of(self, actor_id: str) -> tuple[str, str | None]:
        """The organisation a person belongs to and its kind (events code a person at that level)."""
        root = affiliation_root(actor_id, self.lexicon.actors)
        info = self.lexicon.actors.get(root)
        return root, (info.kind if info is not None else None)

    @classmethod
    def from_corpus(cls, corpus: Corpus | None) -> Extractor:
        return cls(build_lexicon(corpus))

    def doc(self, text: str, published: str | None = None) -> Doc:
        doc = make_doc(text, published)
        sentencize(doc)
        return doc

    def steps(self) -> dict[str, Callable]:
        lex = self.lexicon
        return {
            "sentences": lambda doc: [{"start": s, "end": e, "text": doc.text[s:e]} for s, e in doc.sentences],
            "dates": dates_step.find_dates,
            "places": lambda doc: entities.find_places(doc, lex),
            "actors": lambda doc: entities.find_actors(doc, lex),
        }

    def extract(self, text: str, published: str | None = None) -> dict:
        doc = self.doc(text, published)
        found_dates = dates_step.find_dates(doc)
        # every actor mention (names, nisba adjectives, generic nouns) serves speakers and
        # events; the output lists the mentions that name an actor
        places, mentions, new_states = entities.resolve_entities_with_states(doc, self.lexicon)
        found_quotes = quotes.find_quotes(doc, self.lexicon, mentions, places)
        found_events = events.find_events(doc, mentions, places, found_dates, self.country_of,
                                          actor_rules.state_resolver(self.lexicon, new_states),
                                          self.organisation_of, self.place_country)
        actors = actor_rules.named_mentions(mentions)
        return {
            "text_sha256": text_sha256(text),
            "dates": found_dates,
            "places": places,
            "actors": actors,
            "quotes": found_quotes,
            "events": found_events,
        }


@lru_cache(maxsize=1)
def default_extractor() -> Extractor:
    from corpus.loader import DEFAULT_DATA_DIR, collect

    corpus, _problems = collect(DEFAULT_DATA_DIR)
    return Extractor.from_corpus(corpus)


def extract_text(text: str, published: str | None = None) -> dict:
    """Extract with the default extractor (built once from the default data directory)."""
    return default_extractor().extract(text, published)
