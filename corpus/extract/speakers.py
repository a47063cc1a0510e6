"""Who said it: the speaker of a quotation, by rules for Arabic news (word lists in
corpus/lexicon/speech.json).

For a quotation at position `pos`, the speech verbs of its sentence before `pos` are read from
the nearest back; the first one with a subject gives the speaker:

- **relay** — نقلا عن / نقلت عن + source: the source speaks, not the relaying medium;
- **statement** — أوضح بيان لوزارة الدفاع / جاء في بيان الخارجية: the issuer; "البيان" alone is the
  statement already quoted (the previous speaker) or the last institution named;
- **SV** — an actor right before the verb (الرئيس الفرنسي فرانسوا هولاند، الذي أكد);
- **VS** — the subject noun phrase after the verb, up to أن/إن or a preposition (وقال وزير الخارجية
  أحمد عطاف إن): a named person in it first, else its first actor; an unnamed source (مصادر
  عسكرية مالية، شهود عيان) is an *unnamed source* named in English, not the nearest country; an
  official or source of a body (مسؤول في وزارة الدفاع، متحدث باسم الخارجية) speaks for the body; a
  definite title (الوزير الجزائري، المتحدث باسم …) is the last compatible person named before.
A verb with no subject (وأضاف، وتابع، مشيرا، وأكد في تصريح) is a continuation: the previous
speaker keeps the floor. With no speech verb, the sentence's first actor speaks. A speaker is
an actor mention's id when one matches (`actor_id`, `name_en`), an unnamed source has no id.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache

from corpus.extract.actor_lexicon import GIVEN_NAMES
from corpus.extract.actor_lexicon import WORDS as ACTOR_WORDS
from corpus.extract.actors import english_name, looks_like_name_word, skeleton
from corpus.extract.entities import slug
from corpus.extract.resources import load_json
from corpus.extract.spans import Cover
from corpus.normalize import fold, fold_word

SPEECH_FILE = "speech.json"
UNNAMED_SOURCE = "unnamed-source"  # the actor id of a speaker the article does not name
SPEAKER_KINDS = ("person", "state_body", "state", "igo", "media", "other", "armed_group", "group")
ISSUER_KINDS = ("state_body", "igo", "media", "armed_group", "group", "other")
NON_STATE_KINDS = ("igo", "armed_group", "group", "other")
INSTITUTION_KINDS = ("state_body", "state", "igo", "media", "other", "armed_group", "group")
CONTINUATION_SENTENCES = 3  # a continuation verb reaches back this many sentences
TITLE_REACH = 900  # characters back a definite title looks for its person
_BREAK_RE = re.compile(r"[.؟?!()\-–—]")
_COMMA_RE = re.compile(r"[،,]")
_NAME_CLOSER_RE = re.compile(r"[،,:\"«“”]")
_HE = frozenset(("وهو", "وهي"))
_WORD_RE = re.compile(r"[^\W\d_]+")
_KEY_WORD_RE = re.compile(r"[@#]?[^\W_]+")  # the lexicon's phrase keys
_TO_RE = re.compile(r"(?:^|\s)لـ?\s*[\"'«“”]*\s*\Z")  # a lone لـ right before a mention
_FI, _AN_PREP, _ILA = fold("في"), fold("عن"), fold("إلى")
_MA = (fold("ما"), fold("لما"))


def _inflected(words: str) -> frozenset:
    """Base forms with the conjunctions و/ف/ل and the endings ت/وا/ا."""
    out = set()
    for word in words.split():
        base = fold(word)
        for prefix in ("", "و", "ف", "ل", "ول"):
            out.update(prefix + base + suffix for suffix in ("", "ت", "وا", "ا"))
    return frozenset(out)


def _inflected_conj(words: str) -> frozenset:
    """Words with the conjunctions و/ف."""
    return frozenset(p + fold(w) for w in words.split() for p in ("", "و", "ف"))


def _with_objects(words: str) -> frozenset:
    """Base forms with an object pronoun (تصفه، وصفها، يعتبرها), with و/ف."""
    out = set()
    for word in words.split():
        base = fold(word)
        for prefix in ("", "و", "ف"):
            out.update(prefix + base + suffix for suffix in ("ه", "ها", "هم", "ته", "تها", "تهم"))
    return frozenset(out)


def _by_head(keys: dict) -> dict:
    out: dict = {}
    for key in sorted(keys, key=len, reverse=True):
        out.setdefault(key[0], []).append(key)
    return out


def _folded(words: str) -> frozenset:
    return frozenset(fold(w) for w in words.split())


_DATELINE_RE = re.compile(r"[^\n.،:]{0,40}?\([^)\n]{1,40}\)\s*[-–—]\s*|[^\s\n.،:]{2,20}\s*[-–—]\s+")


def after_dateline(text: str, start: int, end: int) -> int:
    """Where a sentence's text starts after a dateline (باماكو (رويترز) - / الجزائر - )."""
    m = _DATELINE_RE.match(text, start, end)
    return m.end() if m else start


@dataclass(frozen=True)
class SpeechWords:
    """The compiled word lists of speech.json (folded)."""

    speech_verbs: frozenset
    base_verbs: frozenset
    participles: frozenset  # مؤكدا، مشيرا …: a participle opens a new reported clause
    presentative_verbs: frozenset  # جاء، ورد: "جاء في البيان أن" reaches over its phrase
    coord_complementizers: frozenset  # وأن، وإن
    report_start: frozenset  # the tokens that may open reported speech
    continuation: frozenset
    transmit: frozenset  # نقل: the source follows عن
    attribute: frozenset  # نسب: the source follows إلى (نسبت الوكالة إلى مصدر قوله)
    name_prepositions: frozenset  # لـ"الشروق": marks after these hold an outlet's name
    object_verbs: frozenset
    writer_verbs: frozenset
    statements: frozenset
    complementizers: frozenset
    clause_openers: frozenset
    resumptive: frozenset
    anchors: frozenset  # tokens a speaker is looked for from: verbs, statements, relay words
    subject_stops: frozenset
    person_stops: frozenset  # the prepositions a speaker's name never follows (لدى، مع …)
    relay_before: frozenset  # حسب، وفقا ل …: the source after them speaks (وحسب البيان، فإن)
    subject_skip: frozenset
    relatives: frozenset
    modal_before_an: frozenset  # يجب أن، من المقرر أن: a verbal-noun clause, not reported speech
    titles: frozenset
    officials: frozenset
    issuer_links: frozenset  # words allowed between a statement noun and its issuer
    official_links: frozenset
    sentence_openers: frozenset  # words before a sentence's first verb that leave it first
    anonymous_heads: frozenset  # مسؤول، مصدر: an indefinite source, even before name-like words
    unnamed: dict
    unnamed_by_head: dict  # first word → the unnamed-source keys it opens, longest first
    partitive_sources: frozenset  # أحد، إحدى: "one of" + another unnamed source names that one
    source_adjectives: dict
    demonyms: dict
    name_nouns: frozenset
    class_actors: frozenset  # actor ids that name a class (terrorist groups, Tuareg rebels), not one actor


@cache
def speech_words() -> SpeechWords:
    data = load_json(SPEECH_FILE)
    verbs = _inflected(data["speech_verbs"] + " " + data["speech_participles"]) | _with_objects(data["speech_verbs"])
    relay_before = _inflected_conj(data["relay_before"])
    unnamed = {tuple(fold(k).split()): v for k, v in data["unnamed_sources"].items()}
    statements = _folded(data["statement_nouns"])
    complementizers = _folded(data["complementizers"])
    coordinated = frozenset("و" + w for w in complementizers if not w.startswith(("ب", "ف")))
    return SpeechWords(
        speech_verbs=verbs, base_verbs=_folded(data["speech_verbs"]),
        participles=_folded(data["speech_participles"]), presentative_verbs=_inflected(data["presentative_verbs"]),
        coord_complementizers=coordinated, report_start=verbs | coordinated | relay_before,
        continuation=_inflected(data["continuation_verbs"]), transmit=_inflected(data["transmit_verbs"]),
        attribute=_inflected(data["attribute_verbs"]), name_prepositions=_folded(data["name_prepositions"]),
        object_verbs=_inflected(data["object_verbs"]), writer_verbs=_folded(data["writer_verbs"]),
        statements=statements, complementizers=complementizers,
        clause_openers=_folded(data["clause_openers"]), resumptive=_folded(data["resumptive"]),
        anchors=verbs | statements | relay_before | _inflected(data["attribute_verbs"]),
        subject_stops=_folded(data["subject_stops"]),
        person_stops=_folded(data["person_stops"]), relay_before=_inflected_conj(data["relay_before"]),
        subject_skip=_folded(data["subject_skip"]), relatives=_folded(data["relatives"]), modal_before_an=_folded(data["modal_before_an"]),
        titles=_folded(data["title_nouns"]), issuer_links=_folded(data["issuer_links"]), officials=_folded(data["official_nouns"]),
        official_links=_folded(data["official_links"]), sentence_openers=_folded(data["sentence_openers"]),
        anonymous_heads=_folded(data["anonymous_heads"]), unnamed=unnamed, unnamed_by_head=_by_head(unnamed),
        partitive_sources=frozenset((fold(w),) for w in data["partitive_sources"].split()),
        source_adjectives={fold(k): v for k, v in data["source_adjectives"].items()},
        demonyms=dict(data["demonyms"]),
        class_actors=frozenset(data["class_actors"]) | {g["id"] for g in ACTOR_WORDS["group_phrases"]}, name_nouns=_folded(data["name_nouns"]),
    )


@dataclass(frozen=True)
class Speaker:
    actor_id: str | None
    name_en: str
    kind: str  # the actor kind, or "unnamed_source"
    rule: str  # which rule chose it (relay, statement, sv, vs, unnamed_source, title, …)

    def as_json(self) -> dict:
        return {"actor_id": self.actor_id, "name_en": self.name_en}


def _speaker_of(mention: dict, rule: str) -> Speaker:
    return Speaker(mention["actor_id"], mention["name_en"], mention["kind"], rule)


class SpeakerResolver:
    """Resolves speakers in text order (a continuation needs the previous speaker)."""

    def __init__(self, view, lex, actors: list[dict]):
        self.view = view  # the quote finder's token view: doc, words, ostarts, oends, verbs
        self.lex = lex
        self.words = speech_words()
        self.actors = [a for a in sorted(actors, key=lambda a: a["start"])
                       if a.get("actor_id") and not self._addressee(a)]
        self.actor_starts = [a["start"] for a in self.actors]
        self.previous: Speaker | None = None
        self.last_person: Speaker | None = None
        self._skeletons: dict | None = None
        self.previous_sentence = -1
        self.recent: list[tuple[Speaker, int, bool | None]] = []  # (speaker, sentence, feminine verb)
        self._verb: int | None = None  # the speech verb of the speaker being resolved
        self.quote_spans: list[tuple[int, int]] = []  # set by the quote finder before resolving
        self._cover, self._cover_of = Cover([]), None  # the quote spans as a Cover, and of which list

    def _addressee(self, mention: dict) -> bool:
        """A medium after لـ (قال لوكالة فرانس برس، في تصريح لـ"الخبر"): who the speaker spoke
        to, never a speaker; a name that itself starts with ل (لوموند) is no clitic."""
        if mention["kind"] != "media":
            return False
        text = self.view.doc.text
        if _TO_RE.search(text, max(0, mention["start"] - 6), mention["start"]):
            return True
        name = mention["text"]
        if fold(name[:1]) != "ل":
            return False
        key = tuple(_KEY_WORD_RE.findall(fold(name[1:].lstrip("ـ"))))
        return any(e.ref == mention["actor_id"] for e in self.lex.phrases.get(key, ()))

    # -- entry point ---------------------------------------------------------------------------
    def resolve(self, pos: int, end: int) -> Speaker | None:
        doc = self.view.doc
        sentence = doc.sentence_index(pos)
        sent_start, sent_end = doc.sentences[sentence]
        verbs = [k for k in self.view.verb_tokens(sent_start, pos) if not self._quoted(self.view.ostarts[k])]
        self._verb = verbs[-1] if verbs else None
        speaker = self._from_verbs(verbs, pos, sent_start)
        if speaker is None and verbs:
            speaker = self._implicit_subject(verbs, sentence, sent_start)
        if speaker is None and not verbs:
            speaker = self._without_verb(pos, end, sent_start, sent_end)
        if speaker is None:
            speaker = self._last_before(sent_start)
        if speaker is not None:
            self._remember(speaker, sentence)
        return speaker

    def _quoted(self, at: int) -> bool:
        """Position `at` lies inside a quotation: a verb there is the quoted speaker's, not the
        verb that introduces the quote (إن الجزائر ترفض …، وإن …)."""
        if self._cover_of is not self.quote_spans:  # the quote finder sets the list once
            self._cover, self._cover_of = Cover(self.quote_spans), self.quote_spans
        return self._cover.reaches(at, at + 1)

    def resolve_after(self, k: int, end: int) -> Speaker | None:
        """The speaker named after a relay (…، حسبما قال المتحدث X): the subject of verb k."""
        doc = self.view.doc
        sentence = doc.sentence_index(self.view.ostarts[k])
        speaker = self._subject_after(k, doc.sentences[sentence][1])
        if speaker is not None:
            self._remember(speaker, sentence)
        return speaker

    def _from_verbs(self, verbs: list[int], limit: int, sent_start: int) -> Speaker | None:
        for k in reversed(verbs):
            speaker = self.subject(k, limit, sent_start)
            if speaker is not None:
                self._verb = k
                return speaker
        return None

    def _implicit_subject(self, verbs: list[int], sentence: int, sent_start: int) -> Speaker | None:
        """A speech verb with no subject: mid-sentence (…، حيث أعلنت أن) the sentence's topic
        or main clause's subject; opening its sentence (وأضاف أن) the previous speaker. A relay
        word with no source (وفقا لوكالة …) is no verb here."""
        verbs = [k for k in verbs if self.view.word(k) not in self.words.relay_before] or verbs
        first = verbs[0]
        if self._opens_sentence(first, sent_start):
            return self._continuation(sentence, first) or self._topic(verbs, sent_start)
        return (self._topic(verbs, sent_start) or self._main_clause_subject(sent_start, first)
                or self._free_subject(sent_start, first) or self._continuation(sentence, first))

    def _opens_sentence(self, k: int, sent_start: int) -> bool:
        """Only conjunctions and adverbs (كما، ثم، من جهته) stand before token k in its sentence."""
        view = self.view
        i = view.token_at(sent_start)
        while i < k and (view.word(i) in self.words.sentence_openers or view.word(i) in self.words.subject_skip):
            i += 1
        return i == k

    def _main_clause_subject(self, sent_start: int, verb: int) -> Speaker | None:
        """كما دافع الوزير عن …، رافضا …: the noun phrase after the sentence's first verb."""
        i = self._first_content_token(sent_start, verb)
        if i + 1 >= verb or self.view.word(i + 1) in self.words.subject_stops:
            return None
        return self.noun_phrase(i + 1, self.view.ostarts[verb], "main_clause")

    def _free_subject(self, sent_start: int, verb: int) -> Speaker | None:
        """…، فإن مجموعة دول غرب أفريقيا كانت قد أعطت …، مؤكدة أنها: the first actor of the
        sentence before the verb that no preposition governs (a source after لـ/عن is no subject)."""
        free = [a for a in self.actors_before(sent_start, self.view.ostarts[verb])
                if a["kind"] in SPEAKER_KINDS and a.get("mention") != "adjective" and not self._governed(a)]
        return _speaker_of(free[0], "main_clause") if free else None

    def _remember(self, speaker: Speaker, sentence: int) -> None:
        self.previous, self.previous_sentence = speaker, sentence
        if speaker.kind == "person":
            self.last_person = speaker
        feminine = self._feminine(self._verb) if self._verb is not None else None
        self.recent.append((speaker, sentence, feminine))

    def _feminine(self, k: int) -> bool | None:
        """The gender a speech verb marks: قالت، أوضحت، مشيرة feminine; قال، لفت masculine; a
        verb carrying an object pronoun or a plural says nothing."""
        word = self.view.word(k)
        if word.endswith("ة") and word[:-1] in self.words.speech_verbs:
            return True
        if word.endswith("ت") and word[:-1] in self.words.speech_verbs:
            return True
        return False if word in self.words.speech_verbs and not word.endswith(("وا", "ا")) else None

    def _agreeing(self, sentence: int, feminine: bool) -> Speaker | None:
        """The last recent speaker introduced by a verb of the same gender (a woman or a
        ministry after وأضافت even when a man spoke in between)."""
        for speaker, said_in, gender in reversed(self.recent):
            if sentence - said_in > CONTINUATION_SENTENCES:
                return None
            if gender is feminine:
                return Speaker(speaker.actor_id, speaker.name_en, speaker.kind, "continuation")
        return None

    def _continuation(self, sentence: int, verb: int) -> Speaker | None:
        """The previous speaker keeps the floor; a masculine verb does not continue a state
        (a state is feminine in Arabic): the last person who spoke, else the last named, does."""
        previous = self.previous
        if previous is None or sentence - self.previous_sentence > CONTINUATION_SENTENCES:
            return None
        feminine = self._feminine(verb)
        last_gender = self.recent[-1][2] if self.recent else None
        if previous.kind == "person" and None not in (feminine, last_gender) and feminine is not last_gender:
            return self._agreeing(sentence, feminine) or Speaker(previous.actor_id, previous.name_en, previous.kind, "continuation")
        if previous.kind == "state" and not self.view.word(verb).endswith(("ت", "ة")):
            if self.last_person is not None:
                return Speaker(self.last_person.actor_id, self.last_person.name_en, "person", "continuation")
            verb_start = self.view.ostarts[verb]
            persons = [a for a in self.actors_before(max(0, verb_start - TITLE_REACH), verb_start)
                       if a["kind"] == "person" and a.get("mention") is None]
            return _speaker_of(persons[-1], "continuation") if persons else None
        return Speaker(previous.actor_id, previous.name_en, previous.kind, "continuation")

    # -- mentions ------------------------------------------------------------------------------
    def actors_in(self, lo: int, hi: int) -> list[dict]:
        """Actor mentions that start in [lo, hi), in text order."""
        i, j = bisect.bisect_left(self.actor_starts, lo), bisect.bisect_left(self.actor_starts, hi)
        return self.actors[i:j]

    def actors_before(self, lo: int, hi: int) -> list[dict]:
        """Actor mentions inside [lo, hi) (ending by hi)."""
        return [a for a in self.actors_in(lo, hi) if a["end"] <= hi]

    # -- the subject of one speech verb --------------------------------------------------------
    def subject(self, k: int, limit: int, sent_start: int) -> Speaker | None:
        view, words = self.view, self.words
        verb, nxt = view.word(k), view.word(k + 1)
        if verb in words.statements:
            return self._issuer_after(k, limit)  # في بيان لوزارة الخارجية
        if verb in words.transmit:
            return self._relayed(k, limit, _AN_PREP)
        if verb in words.attribute:
            return self._relayed(k, limit, _ILA)
        if verb in words.relay_before:
            return self._relay_source(k, limit)
        if nxt in words.statements and view.ostarts[k + 1] < limit:
            return self._statement(k + 1, limit, sent_start)
        if verb in words.presentative_verbs and nxt == _FI and view.word(k + 2) in words.statements:
            return self._statement(k + 2, limit, sent_start)  # جاء في بيان الخارجية
        if nxt in words.resumptive:  # بيانا اتهمت فيه / حسب ما صرح به وزير الداخلية
            return self._resumptive(k, sent_start) or self._subject_after(k + 1, limit)
        if verb in words.participles:
            return None  # مؤكدا، مشيرا: the main clause's subject speaks
        if verb.endswith(("ه", "ها")) and words.statements & {view.word(k - 1), view.word(k - 2)}:
            return None  # في تصريح نقلته إذاعة …: the medium that relayed the statement
        before = self._subject_before(k, sent_start)
        if before is not None:
            return before
        return self._subject_after(k, limit)

    def _relay_source(self, k: int, limit: int) -> Speaker | None:
        """حسب البيان / وفقا لمصادر محلية / بحسب الوزارة: the source after the relay word."""
        j = k + 1
        if self.view.word(j) in _MA:
            return None  # حسبما قال X: the verb after speaks
        if self.view.word(j) in self.words.statements:
            return self._statement(j, limit, 0)
        return self.noun_phrase(j, limit, "relay")

    def _relayed(self, k: int, limit: int, preposition: str) -> Speaker | None:
        """نقلا عن مصادر في الجيش / نقلت عن بيان لوزارة الدفاع: the source after عن."""
        view = self.view
        reach = 11 if preposition == _ILA else 7  # نسبت شبكة (سي إن إن) الإخبارية الأمريكية إلى
        for j in range(k + 1, min(k + reach, len(view.words))):
            if view.ostarts[j] >= limit:
                break
            if view.word(j) == preposition:
                return self.noun_phrase(j + 1, limit, "relay")
        return None

    def _issuer_after(self, j: int, limit: int) -> Speaker | None:
        """The body named right after a statement noun (بيان لوزارة الدفاع، بيان صادر عن الرئاسة)."""
        view = self.view
        stmt_end = view.oends[j]
        if self._names_actor(j + 1, limit):
            return self.noun_phrase(j + 1, limit, "statement")  # بيان لوزارة الدفاع، تصريح لوزير خارجيتها X
        issuer = [a for a in self.actors_in(stmt_end, min(limit, stmt_end + 40))
                  if a["kind"] in SPEAKER_KINDS and a.get("mention") != "adjective"]
        if not issuer:
            return None
        gap = set(map(fold_word, _WORD_RE.findall(view.doc.text[stmt_end:issuer[0]["start"]])))
        links = self.words.issuer_links | self.words.name_nouns  # بيان تنظيم "القاعدة"
        return _speaker_of(issuer[0], "statement") if gap <= links else None

    def _names_actor(self, j: int, limit: int) -> bool:
        """Token j starts an actor's name or a title (لوزارة الدفاع، لوزير الخارجية)."""
        view = self.view
        if j >= len(view.words) or view.ostarts[j] >= limit:
            return False
        w = view.word(j)
        if w in self.words.titles or (w[:1] == "ل" and w[1:] in self.words.titles):
            return True
        return any(a.get("mention") != "adjective" and a["kind"] in SPEAKER_KINDS
                   for a in self.actors_in(view.ostarts[j], view.oends[j]))

    def _statement(self, j: int, limit: int, sent_start: int) -> Speaker | None:
        """أوضح بيان لوزارة الدفاع / وجاء البيان / البيان المالي: the statement's issuer."""
        view = self.view
        issuer = self._issuer_after(j, limit)
        if issuer is not None:
            return issuer
        stmt_end = view.oends[j]
        earlier = self._earlier_statement_issuer(j) if view.word(j).startswith("ال") else None
        if earlier is not None:
            return earlier
        if self.previous is not None and self.previous.kind in ISSUER_KINDS:
            return Speaker(self.previous.actor_id, self.previous.name_en, self.previous.kind, "statement")
        return self._last_institution(view.ostarts[j], stmt_end)

    def _earlier_statement_issuer(self, j: int) -> Speaker | None:
        """"البيان" (the statement already mentioned): the issuer of the last statement noun
        before it (أصدرت X بيانا … وأضاف البيان), not the last body named since."""
        view = self.view
        lo = view.token_at(max(0, view.ostarts[j] - TITLE_REACH))
        stem = view.word(j)[2:]  # بيان: a بيان before (بيانا، بيانها), not تصريحات
        i = next((i for i in range(j - 1, lo - 1, -1)
                  if view.word(i) in self.words.statements and stem in view.word(i)), None)
        if i is None:
            return None
        sent_start, sent_end = view.sentence(view.ostarts[i])
        issuer = self._issuer_after(i, sent_end)
        if issuer is not None:
            return issuer
        subjects = [a for a in self.actors_before(sent_start, view.ostarts[i])
                    if a["kind"] in INSTITUTION_KINDS and a.get("mention") != "adjective" and self._is_sentence_subject(a)]
        return _speaker_of(subjects[0], "statement") if subjects else None

    def _last_institution(self, verb_start: int, stmt_end: int) -> Speaker | None:
        """"البيان المالي" with no issuer named: the last body of that state named before."""
        bodies = [a for a in self.actors[:bisect.bisect_left(self.actor_starts, verb_start)]
                  if a["kind"] in ("state_body", "igo")]
        nisba = [a for a in self.actors_in(stmt_end, stmt_end + 16)
                 if a["kind"] == "state" and len(self.view.doc.text[stmt_end:a["start"]].split()) <= 1]
        if nisba:
            state = nisba[0]["actor_id"]
            bodies = [a for a in bodies if self.lex.root_state(a["actor_id"]) == state] or bodies
        subjects = [a for a in bodies if self._is_sentence_subject(a)]
        chosen = (subjects or bodies or [None])[-1]
        return _speaker_of(chosen, "statement") if chosen else None

    def _is_sentence_subject(self, mention: dict) -> bool:
        """The mention opens its sentence (SV) or follows its first verb (VS: أعلنت الحكومة …)."""
        view = self.view
        sent_start = view.sentence(mention["start"])[0]
        first = self._first_content_token(sent_start, len(view.words))
        at = view.token_at(mention["start"] - 2)
        while at < len(view.words) and view.oends[at] <= mention["start"]:
            at += 1
        return at in (first, first + 1)

    def _resumptive(self, k: int, sent_start: int) -> Speaker | None:
        """بيانا اتهمت فيه …: the issuer named before in the sentence."""
        before = [a for a in self.actors_before(sent_start, self.view.ostarts[k]) if a["kind"] in SPEAKER_KINDS]
        bodies = [a for a in before if a["kind"] in ("state_body", "person", "igo")]
        chosen = (bodies or before or [None])[0]
        return _speaker_of(chosen, "statement") if chosen else None

    def _subject_before(self, k: int, sent_start: int) -> Speaker | None:
        """SV order: an actor right before the verb (a relative pronoun or two words between)."""
        view = self.view
        verb_start = view.ostarts[k]
        head = self._relative_head(k, sent_start)
        if head is not None:
            return _speaker_of(head, "sv")
        before = [a for a in self.actors_before(sent_start, verb_start) if a["kind"] in SPEAKER_KINDS]
        if not before or before[-1].get("mention") == "adjective" or self._governed(before[-1]):
            return None  # في تصريح لقناة الجزيرة قال: the channel is no subject
        gap = view.doc.text[before[-1]["end"]:verb_start]
        if _BREAK_RE.search(gap):
            return None  # a dateline or a credit: باماكو (رويترز) - قال
        gap_words = list(map(fold_word, _WORD_RE.findall(gap)))
        if gap_words and all(w in self.words.relatives for w in gap_words):
            return _speaker_of(before[-1], "sv")
        if len(gap_words) <= 2 and not _COMMA_RE.search(gap):
            return _speaker_of(before[-1], "sv")
        if not gap_words and not self._conjoined(k) and self._opens_with(before[-1], sent_start):
            return _speaker_of(before[-1], "sv")  # الرئيس آمادو توماني توري، وصف …
        return None

    def _governed(self, mention: dict) -> bool:
        """The mention is the object of a preposition (لقناة الجزيرة، مع الوزير، في مالي)."""
        view = self.view
        if fold(mention["text"][:1]) in ("ل", "ب") and not mention["text"].startswith(("ب" + "ا", "بو", "بي")):
            return True
        k = view.token_at(mention["start"] - 1) - 1
        while k >= 0 and view.oends[k] > mention["start"]:
            k -= 1
        while k > 0 and view.word(k) in self.words.titles and mention["kind"] == "person":
            k -= 1  # مع الرئيس عاصمي غويتا: the preposition before the title
        return k >= 0 and view.word(k) in self.words.person_stops | self.words.subject_stops

    def _opens_with(self, mention: dict, sent_start: int) -> bool:
        """The mention (with its titles) opens a clause: at the sentence start, after a comma,
        a conjunction or a complementizer (حسب ما ورد …، فإن الرئيس X، وصف)."""
        if mention["kind"] == "state":
            return False
        view, words = self.view, self.words
        k = view.token_at(mention["start"] - 1)
        while k < len(view.words) and view.oends[k] <= mention["start"]:
            k += 1
        k -= 1  # the token holding the mention's start, or the one before
        k = k if view.ostarts[k] >= mention["start"] - 1 else k + 1
        while k - 1 >= 0 and view.word(k - 1) in words.titles:
            k -= 1
        if k <= view.token_at(sent_start):
            return True
        before = view.word(k - 1)
        gap = view.doc.text[view.oends[k - 1]:view.ostarts[k]]
        return bool(_COMMA_RE.search(gap)) or before in words.complementizers or before in words.sentence_openers

    def _relative_head(self, k: int, sent_start: int) -> dict | None:
        """"X، الذي استقبل الوفد، أكد": a relative clause closed by a comma right before the
        verb; the subject is the actor before the relative pronoun, not the clause's object."""
        view = self.view
        if self._conjoined(k) or not _COMMA_RE.search(view.doc.text[view.oends[k - 1]:view.ostarts[k]] if k else ""):
            return None
        for r in range(k - 1, max(view.token_at(sent_start), k - 16) - 1, -1):
            if view.word(r) not in self.words.relatives:
                continue
            before = [a for a in self.actors_before(sent_start, view.ostarts[r])
                      if a["kind"] in SPEAKER_KINDS and a.get("mention") != "adjective"]
            gap = view.doc.text[before[-1]["end"]:view.ostarts[r]] if before else "x"
            return before[-1] if before and not _WORD_RE.search(gap) else None
        return None

    def _conjoined(self, k: int) -> bool:
        """The verb carries و/ف (وقال، فأكد): it opens a new clause."""
        w = self.view.word(k)
        return w not in self.words.base_verbs and w[:1] in ("و", "ف")

    def _subject_after(self, k: int, limit: int) -> Speaker | None:
        """VS order: the noun phrase after the verb."""
        view, words = self.view, self.words
        j = k + 1
        while j < len(view.words) and view.word(j) in words.subject_skip and view.ostarts[j] < limit:
            j += 1
        if j >= len(view.words) or view.ostarts[j] >= limit:
            return None
        if view.word(j) in words.subject_stops or view.word(j) in words.complementizers:
            return None
        speaker = self.noun_phrase(j, limit, "vs")
        if speaker is not None and view.word(k) in words.object_verbs and self._is_object(speaker, k, limit):
            return None  # دعت الجزائر إلى …: the object; the subject is a pronoun
        return speaker

    def _is_object(self, speaker: Speaker, k: int, limit: int) -> bool:
        view = self.view
        mentions = [a for a in self.actors_in(view.oends[k], limit) if a["actor_id"] == speaker.actor_id]
        if not mentions:
            return False
        j = bisect.bisect_left(view.ostarts, mentions[0]["end"])
        return j < len(view.words) and (view.word(j) == _ILA or view.word(j).startswith("ب"))

    # -- noun phrases --------------------------------------------------------------------------
    def phrase_end(self, j: int, limit: int, stops: frozenset | None = None) -> int:
        """Where the subject noun phrase starting at token j ends (original offset): at أن/إن,
        a speech verb, a break, a comma (unless an apposition follows) or a stop word (a
        preposition; في before a state stays inside: رئيس المجلس العسكري في النيجر)."""
        view, words = self.view, self.words
        stops = words.subject_stops if stops is None else stops
        for i in range(j + 1, min(j + 14, len(view.words))):
            a, w = view.ostarts[i], view.word(i)
            if a >= limit or w in words.complementizers or w in words.speech_verbs:
                return min(a, limit)
            gap = view.doc.text[view.oends[i - 1]:a]
            if gap != " " and (_BREAK_RE.search(gap) or (_COMMA_RE.search(gap) and not self._apposition(w, i))):
                return view.oends[i - 1]
            if (w in stops and not self._in_state(w, i + 1)) or w in words.relatives:
                return view.oends[i - 1]
        return min(limit, view.oends[min(j + 13, len(view.words) - 1)])

    def _apposition(self, w: str, i: int) -> bool:
        """After a comma the phrase goes on with a relative clause or a person's name."""
        return w in self.words.relatives or self._person_at(i)

    def _in_state(self, w: str, i: int) -> bool:
        """في + a state (… الحاكم في مالي): part of a title, not the end of the phrase."""
        if w != _FI or i >= len(self.view.words):
            return False
        return any(a["kind"] == "state" for a in self.actors_in(self.view.ostarts[i], self.view.oends[i]))

    def _person_at(self, i: int) -> bool:
        """A person's name starts at token i or the next (an apposition after a comma:
        الوزير، أحمد عطاف، … / وزير الدولة، العقيد عبد الله مايغا، …)."""
        view = self.view
        hi = view.oends[min(i + 1, len(view.words) - 1)]
        if view.word(i) in self.words.titles or self._appositive_name(i):
            return True  # وزير الخارجية عبد الله ديوب / محمد ولد سيدي after a comma
        return any(a["kind"] == "person" for a in self.actors_in(view.ostarts[i] - 2, hi))

    def _appositive_name(self, i: int) -> bool:
        """Two to four name-like words from token i closed by a comma or أن/إن: a name the
        actor step did not give, in apposition (المتحدث باسم الحركة، موسى آغ محمد، إن)."""
        return self._free_name_length(i, _COMMA_RE) > 0

    def _free_name_length(self, i: int, closer: re.Pattern, closing_words: frozenset = frozenset()) -> int:
        """How many name-like words (2–4) from token i a closer (in the gap after them), أن/إن
        or one of `closing_words` ends; 0 when none does."""
        view = self.view
        n = 0
        while n < 4 and i + n < len(view.words) and self._name_word(i + n, first=n == 0):
            n += 1
            nxt = i + n
            closed = nxt >= len(view.words) or view.word(nxt) in self.words.complementizers \
                or view.word(nxt) in closing_words \
                or closer.search(view.doc.text[view.oends[nxt - 1]:view.ostarts[nxt]])
            if n >= 2 and closed and looks_like_name_word(view.word(nxt - 1), first=False):
                return n
        return 0

    def _bare_name(self, j: int) -> Speaker | None:
        """A name no actor holds right after the verb, closed by a comma, a colon, a mark, أن/إن
        or "وهو" (وقال فلان الفلاني وهو صاحب محل "…"): a new person, named by transliteration."""
        view = self.view
        if self.actors_in(view.ostarts[j] - 2, view.oends[j]) or view.word(j - 1) in self.words.object_verbs:
            return None  # طالبا عدم ذكر اسمه: the object of a verb of demand, not its subject
        n = self._free_name_length(j, _NAME_CLOSER_RE, _HE)
        if not n or any(view.word(i) in self.words.anchors for i in range(j, j + n)):
            return None
        name_en = english_name(view.doc.text[view.ostarts[j]:view.oends[j + n - 1]])
        return Speaker(slug(name_en), name_en, "person", "bare_name")

    def noun_phrase(self, j: int, limit: int, rule: str) -> Speaker | None:
        """The speaker a noun phrase starting at token j names."""
        view = self.view
        start, end = view.ostarts[j], self.phrase_end(j, limit)
        inside = [a for a in self.actors_in(start, end) if a["kind"] in SPEAKER_KINDS]
        person_end = self.phrase_end(j, limit, self.words.person_stops)
        persons = [a for a in self.actors_in(start, person_end)
                   if a["kind"] == "person" and a.get("mention") is None]
        if persons and not self._anonymous(j, person_end):
            return _speaker_of(persons[0], rule)
        surname = self._surname(j)
        if surname is not None:
            return _speaker_of(surname, rule)
        titled = self._name_after_title(j, person_end)
        if titled is not None:
            return titled
        source = self._unnamed(j, end, inside) or (self._bare_name(j) if rule == "vs" else None)
        if source is not None:
            return source
        if view.word(j) in self.words.titles or view.word(j) in self.words.statements:
            return self._title(j, inside)
        chosen = next((a for a in inside if a.get("mention") != "adjective"), None)
        return _speaker_of(chosen, rule) if chosen else None

    def _anonymous(self, j: int, end: int) -> bool:
        """The phrase opens with an indefinite source (مسؤول عسكري مالي) and no comma brings a
        name in apposition: the words after the head are adjectives, not a person."""
        view = self.view
        return view.word(j) in self.words.anonymous_heads and not _COMMA_RE.search(view.doc.text, view.ostarts[j], end)

    def _name_after_title(self, j: int, end: int) -> Speaker | None:
        """A name the actor step did not give, closing a phrase that opens with a title
        (رئيسة الهلال الأحمر الجزائري سعيدة بن حبيلس): a new person, named by transliteration."""
        view = self.view
        head = view.word(j)
        titled = head in self.words.titles or head[1:] in self.words.titles
        last = view.token_at(end) - 1
        first = last + 1
        while first - 1 > j + 1 and self._free_name_word(first - 1, middle=first <= last) and (
                first > last or not _COMMA_RE.search(view.doc.text[view.oends[first - 1]:view.ostarts[first]])):
            first -= 1  # back over name-like words no actor holds, never across a comma
        while first < last and not looks_like_name_word(view.word(first), first=True):
            first += 1  # a name never opens with an article word (الجمعية الخيرية نادية …)
        if not 2 <= last - first + 1 <= 4 or not (titled or view.word(first) in GIVEN_NAMES):
            return None  # after a role noun no title list holds (الخبير، الباحث), a given name first
        name_en = english_name(view.doc.text[view.ostarts[first]:view.oends[last]])
        return Speaker(slug(name_en), name_en, "person", "title_name")

    def _free_name_word(self, i: int, middle: bool) -> bool:
        view = self.view
        named = self._name_word(i, first=False) if middle else looks_like_name_word(view.word(i), first=False)
        return named and not self.actors_in(view.ostarts[i] - 2, view.oends[i])

    def _name_word(self, i: int, first: bool) -> bool:
        """A word of a name: name-like, or inside a name an article + a name-like word followed
        by another name word (محمد المولود رمضان، عبد الله الأمين ولد …)."""
        w = self.view.word(i)
        if looks_like_name_word(w, first):
            return True
        return (not first and w.startswith("ال") and looks_like_name_word(w[2:], first=False)
                and looks_like_name_word(self.view.word(i + 1), first=False))

    def _surname(self, j: int) -> dict | None:
        """A word the actor step left unresolved that is the surname of a person named before,
        up to long vowels (بوقادوم after صبري بوقدوم)."""
        view = self.view
        if any(self.actors_in(view.ostarts[j] - 2, view.oends[j])):
            return None
        key = skeleton(view.word(j))
        if len(key) < 3:
            return None
        earlier = [a for a in self.person_skeletons().get(key, ()) if a["end"] <= view.ostarts[j]]
        return earlier[-1] if earlier else None

    def person_skeletons(self) -> dict:
        """skeleton of a named person's last word → its mentions (built once per document)."""
        if self._skeletons is None:
            self._skeletons = {}
            for a in self.actors:
                if a["kind"] == "person" and a.get("mention") is None:
                    self._skeletons.setdefault(skeleton(fold(a["text"]).split()[-1]), []).append(a)
        return self._skeletons

    def _unnamed(self, j: int, end: int, inside: list[dict]) -> Speaker | None:
        """مصادر عسكرية مالية / شهود عيان / مسؤول في وزارة الدفاع."""
        view, words = self.view, self.words
        key = self._unnamed_key(j)
        if key is None:
            return None
        after = j + len(key)
        inner = self._unnamed_key(after) if key in words.partitive_sources else None
        if inner is not None:  # أحد شهود العيان، أحد السكان: one of the eyewitnesses
            key, after = inner, after + len(inner)
        link = after
        while view.word(link) in words.source_adjectives:
            link += 1  # مصادر مسؤولة في الجيش (but مصدر مقرب من الوساطة is not the mediation)
        if view.word(link) in words.official_links and (link == after or view.word(link) == _FI):
            body = self._body_at(link + 1)
            if body is not None:
                return _speaker_of(body, "source_of_body")
        definite = self._definite_source(key, j) if key[0].startswith("ال") and j + len(key) == after else None
        if definite is not None:  # المصادر / المصدر نفسه
            return definite
        return Speaker(UNNAMED_SOURCE, self._source_name(key, after, end), "unnamed_source", "unnamed_source")

    def _definite_source(self, key: tuple, j: int) -> Speaker | None:
        """المصدر / المصادر: the source quoted just before, else the source the article named
        before without ال (وفق مصدر أمني … وقال المصدر), else the previous speaker."""
        previous, view = self.previous, self.view
        if previous is not None and previous.kind == "unnamed_source":
            return Speaker(previous.actor_id, previous.name_en, previous.kind, "continuation")
        head = (key[0][2:],)
        lo = view.token_at(max(0, view.ostarts[j] - 2 * TITLE_REACH))
        for i in range(j - 1, lo - 1, -1):
            w = view.word(i)
            if head in self.words.unnamed and head[0] in (w, w[1:]):
                end = view.oends[min(i + 4, len(view.words) - 1)]
                return Speaker(UNNAMED_SOURCE, self._source_name(head, i + 1, end), "unnamed_source", "continuation")
        if previous is not None:
            return Speaker(previous.actor_id, previous.name_en, previous.kind, "continuation")
        return None

    def _unnamed_key(self, j: int) -> tuple | None:
        """The unnamed-source phrase (a key of `unnamed_sources`) starting at token j."""
        view, words = self.view, self.words
        first = view.word(j)
        keys = words.unnamed_by_head.get(first, ()) or words.unnamed_by_head.get(first[1:] if first[:1] == "ل" else "", ())
        return next((k for k in keys if tuple(view.words[j + 1:j + len(k)]) == k[1:]), None)

    def _body_at(self, j: int) -> dict | None:
        """The institution whose mention starts at token j (في وزارة الدفاع، باسم الخارجية)."""
        if j >= len(self.view.words):
            return None
        start = self.view.ostarts[j]
        found = [a for a in self.actors_in(start - 2, self.view.oends[j] + 1)
                 if a["kind"] in INSTITUTION_KINDS and a.get("mention") != "adjective"]
        return found[0] if found else None

    def _source_name(self, key: tuple, after: int, end: int) -> str:
        """English name of an unnamed source: demonym + adjectives + noun (Malian military sources)."""
        view, words = self.view, self.words
        adjectives, demonym = [], ""
        for i in range(after, min(after + 4, len(view.words))):
            if view.ostarts[i] >= end:
                break
            w = view.word(i)
            state = self._nisba_state(view.ostarts[i], view.oends[i])
            if state and not demonym:
                demonym = words.demonyms.get(state, "")
            elif w in words.source_adjectives:
                adjectives.append(words.source_adjectives[w])
            else:
                break
        name = " ".join(x for x in [demonym, *adjectives, words.unnamed[key]] if x)
        return name[:1].upper() + name[1:]

    def _nisba_state(self, start: int, end: int) -> str | None:
        for a in self.actors_in(start, end):
            if a["kind"] == "state" and a.get("mention") == "adjective":
                return a["actor_id"]
        return None

    def _title(self, j: int, inside: list[dict]) -> Speaker | None:
        """الوزير الجزائري / المتحدث باسم المجلس: the last person named before, of the same
        state when the phrase names one; an indefinite title is its body (متحدث باسم الخارجية)."""
        view = self.view
        start = view.ostarts[j]
        states = self._title_states(j, inside)
        if self._same_source_title(j):
            return Speaker(self.previous.actor_id, self.previous.name_en, self.previous.kind, "title")
        if self._definite_title(j, inside):
            persons = [a for a in self.actors_before(max(0, start - TITLE_REACH), start)
                       if a["kind"] == "person" and a.get("mention") is None]
            stateless = not states and (any(a["kind"] in NON_STATE_KINDS for a in inside) or self._for_group(j))
            compatible = [a for a in persons if self._compatible(a, states, stateless)]
            since = compatible[-1]["end"] if compatible else 0
            earlier = self._indefinite_before(j, since) if view.word(j).startswith("ال") else None
            if earlier is not None or compatible:
                return earlier or _speaker_of(compatible[-1], "title")
        definite = view.word(j).startswith("ال")
        bodies = [a for a in inside if a.get("mention") != "adjective" and (not definite or self._linked(a))] or [
            a for a in self._short_forms(j + 1, start) if not states or self.lex.root_state(a["actor_id"]) in states]
        return _speaker_of(bodies[0], "title") if bodies else None

    def _linked(self, mention: dict) -> bool:
        """A body a definite title speaks for is linked to it (الناطق باسم الحركة، المسؤول في
        الوزارة، المتحدث للجيش); a definite title takes no genitive, so a body right after it
        (ووصف الوزير قوات فاغنر) is the verb's object."""
        if fold(mention["text"][:1]) in ("ل", "ب"):
            return True
        k = self.view.token_at(mention["start"] - 1) - 1
        while k >= 0 and self.view.oends[k] > mention["start"]:
            k -= 1
        return k >= 0 and self.view.word(k) in self.words.official_links

    def _same_source_title(self, j: int) -> bool:
        """المتحدث right after an unnamed spokesman spoke ("Military spokesman"): the same one."""
        previous, head = self.previous, self.view.word(j)
        noun = self.words.unnamed.get((head[2:],), "") if head.startswith("ال") else ""
        return bool(noun) and previous is not None and previous.kind == "unnamed_source" \
            and previous.name_en.lower().endswith(noun)

    def _indefinite_before(self, j: int, since: int) -> Speaker | None:
        """المتحدث: the unnamed source the same title named without ال after position `since`
        (the last person it could name): أعلن متحدث عسكري … وأوضح المتحدث."""
        view = self.view
        head = view.word(j)[2:]
        lo = view.token_at(max(since, view.ostarts[j] - TITLE_REACH))
        i = next((i for i in range(j - 1, lo - 1, -1) if head in (view.word(i), view.word(i)[1:])), None)
        if i is None:
            return None
        speaker = self._unnamed(i, view.sentence(view.ostarts[i])[1], [])
        return Speaker(speaker.actor_id, speaker.name_en, speaker.kind, "title") if speaker else None

    def _for_group(self, j: int) -> bool:
        """المتحدث باسم الحركات / الناطق باسم التنسيقية: a title that speaks for a movement or
        a group the actor step did not name (a naming noun after باسم), not for a state."""
        view = self.view
        if view.word(j + 1) not in self.words.official_links:
            return False
        noun = view.word(j + 2)
        noun = noun[2:] if noun.startswith("ال") else noun
        return noun in self.words.name_nouns or (noun.endswith("ات") and noun[:-2] + fold("ة") in self.words.name_nouns)

    def _compatible(self, person: dict, states: set, stateless: bool) -> bool:
        """A person may hold a title of these states; a title of a movement or an international
        body (المتحدث باسم التنسيقية) is no state official's."""
        state = self.lex.root_state(person["actor_id"])
        if stateless:
            return state is None
        return not states or state in states

    def _title_states(self, j: int, inside: list[dict]) -> set:
        """The states a title phrase names: its actors' and its nisbas' (وزير الخارجية الجزائري),
        even when the actor step gave the nisba no mention."""
        view = self.view
        states = {self.lex.root_state(a["actor_id"]) for a in inside} - {None}
        for i in range(j + 1, min(j + 4, len(view.words))):
            if _COMMA_RE.search(view.doc.text[view.oends[i - 1]:view.ostarts[i]]):
                break
            states |= {e.ref for e in self.lex.phrases.get((view.word(i),), ()) if e.kind == "nisba"}
        return states

    def _definite_title(self, j: int, inside: list[dict]) -> bool:
        """الوزير، or a title in construct with a definite word or a state (وزير الخارجية
        الجزائري، وزير خارجية مالي): one known person, not "an official"."""
        view = self.view
        return view.word(j).startswith("ال") or view.word(j + 1).startswith("ال") or any(
            a["kind"] == "state" and a.get("mention") != "adjective" for a in inside)

    def _short_forms(self, j: int, start: int) -> list[dict]:
        """The few words after a title that open the name of a body named before (الناطق باسم
        الإطار → الإطار الاستراتيجي الدائم): that body."""
        view = self.view
        words = {view.word(i) for i in range(j, min(j + 3, len(view.words)))} - self.words.official_links
        words |= {w[1:] for w in words if w[:1] in ("ب", "ل")}
        return [a for a in self.actors_before(max(0, start - TITLE_REACH), start)
                if a["kind"] != "person" and a.get("mention") is None and " " in a["text"]
                and fold(a["text"]).split()[0] in words][-1:]

    # -- no subject ----------------------------------------------------------------------------
    def _topic(self, verbs: list[int], sent_start: int) -> Speaker | None:
        """A nominal sentence's subject: the actor the sentence opens with (الجزائر، التي …،
        أكدت / تجدر الإشارة أن مالي … حيث أعلنت), before its first speech verb."""
        view = self.view
        i = self._first_content_token(sent_start, verbs[0])
        if i >= verbs[0]:
            return None
        cands = [a for a in self.actors_in(view.ostarts[i] - 2, view.oends[i])
                 if a["kind"] in SPEAKER_KINDS and a.get("mention") != "adjective"]
        return _speaker_of(cands[0], "topic") if cands else None

    def _first_content_token(self, sent_start: int, stop: int) -> int:
        """The sentence's first token that is no conjunction, adverb, writer's phrase or أن."""
        view, words = self.view, self.words
        skip = words.sentence_openers | words.writer_verbs | words.complementizers | words.subject_skip
        i = view.token_at(after_dateline(view.doc.text, sent_start, len(view.doc.text)))
        while i < stop and (view.word(i) in skip or view.word(i)[1:] in skip):
            i += 1
        return i

    def _without_verb(self, pos: int, end: int, sent_start: int, sent_end: int) -> Speaker | None:
        """No speech verb before: the sentence's first actor, else one after ("…" قال الوزير)."""
        kinds = ("person", "state_body", "state", "igo")
        before = [a for a in self.actors_in(sent_start, pos) if a["kind"] in kinds and a.get("mention") != "adjective"]
        free = [a for a in before if not self._governed(a)]  # في مالي، مع الوزير: no subject
        if free or before:
            return _speaker_of((free or before)[0], "topic")
        after = [a for a in self.actors_in(end, sent_end) if a["end"] <= sent_end and a["kind"] in kinds]
        return _speaker_of(after[0], "after") if after else None

    def _last_before(self, sent_start: int) -> Speaker | None:
        """A pronoun subject: the last person or body named before the sentence."""
        prior = [a for a in self.actors[:bisect.bisect_left(self.actor_starts, sent_start)]
                 if a["end"] <= sent_start and a.get("mention") != "adjective"]
        persons = [a for a in prior if a["kind"] in ("person", "state_body")]
        chosen = (persons or prior or [None])[-1]
        return _speaker_of(chosen, "previous_actor") if chosen else None
