"""Quotations: every mark style, unbalanced marks, scare quotes, kinds and spans; the speaker
of each comes from corpus/extract/speakers.py (word lists in corpus/lexicon/speech.json).

Marks: “…”, ”…”, "…", «…», „…“, ''…'' (doubled apostrophes, also ’’ and ‘‘). Each symmetric
mark is read as opening or closing from its neighbours (a mark after a space or a clitic and
before a letter opens: بـ”التواطؤ”، ب"الهامة"); a mark left open runs to the end of its
sentence; a new strongly-opening mark after a sentence break closes the previous quotation there.
Scare quotes are dropped: one to three words that name a known actor or place (''ويكيليكس''), or
a name after a noun that introduces one (صحيفة «…»، حقل “…”، في "…" for a bare one- or two-word name).
Kinds: *direct* (a clause: after a colon, a speech verb or أن/إن), *fragment* (a few quoted words
inside the writer's sentence), *reported* (speech verb + أن/إن clause, no marks; the span is the
clause after the complementizer up to the sentence end or a new clause, final punctuation
excluded). A clause relayed to a speaker named after it ("…، حسبما قال المتحدث X") is reported
too when its sentence holds no other quotation or speech verb.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from itertools import compress

from corpus.extract.actor_lexicon import GIVEN_NAMES
from corpus.extract.actors import looks_like_name_word
from corpus.extract.doc import CLITIC_LETTERS
from corpus.extract.doc import TOKEN_RE as _KEY_RE
from corpus.extract.spans import Cover
from corpus.extract.speakers import SpeakerResolver, speech_words
from corpus.normalize import fold

MARK_RE = re.compile(r"''|’’|‘‘|[“”„«»\"]")
OPENERS = {"«", "“", "„"}
CLOSERS = {"»"}
_LATIN_NAME_RE = re.compile(r"[A-Z][A-Za-z0-9.'’-]*")
_AN = fold("أن")
_AN_PREP = fold("عن")
_ILA = fold("إلى")
_ABD = fold("عبد")
_ILLA, _RAGHM = fold("إلا"), fold("رغم")  # (على ال/ب)رغم …، إلا أن  # عبد + ال…: one given name (عبد الرحمن)
LOCATION_PREPOSITIONS = frozenset(fold(w) for w in "في من إلى قرب بين نحو".split())
_COMMA_GAP_RE = re.compile("[،,]")
_COORDINATION_GAP_RE = re.compile(r"[\s،,]*(?:و|أو|او)?\s*(?:بـ?|لـ?)?[\"“«„']{1,2}")  # » و«
_INTERRUPTION_RE = re.compile(r"[،,.]\s*(\w+)(?:\s+\w+){0,3}\s*:")  # …، وأضاف (الوزير): …
MIN_REPORTED_WORDS = 2
SHORT_QUOTE_WORDS = 3  # a quotation of at most this many words may be a name in marks
NAMED_QUOTE_WORDS = 5  # … or of this many right after a naming noun (اتفاق "السلم والمصالحة في مالي")
NESTED_NAME_CHARS = 40  # a name in marks inside a quotation of the same marks is this short
ATTRIBUTION_REACH = 10  # tokens from نسب to its إلى (a medium's name and adjectives between)
LABEL_WORDS = 2
LABEL_REACH = 12  # tokens from a speech word to the label it attributes (no أن/إن between)
QUOTE_VERB_REACH = 12  # tokens from a speech verb to a clause in marks it introduces  # a quotation of at most this many words with no speech word in reach is a label
NAME_QUOTE_WORDS = 8  # a longer quotation that a known name fills is still a name


def _is_letter(ch: str) -> bool:
    return bool(ch) and (ch.isalpha() or ch.isdigit()) and ch != "ـ"


def _classify(text: str, s: int, e: int) -> tuple[bool, bool]:
    """(strong opener, strong closer) for the mark at [s, e)."""
    prev = text[s - 1] if s > 0 else " "
    prev2 = text[s - 2] if s > 1 else " "
    nxt = text[e] if e < len(text) else " "
    after_space = prev.isspace() or prev in "(:،,؛" or (prev in CLITIC_LETTERS and prev2.isspace()) or (
        prev == "ـ" and s > 1 and text[s - 2] in CLITIC_LETTERS)
    if text[max(0, s - 3):s].rstrip().endswith(":") and _is_letter(text[e:e + 3].lstrip()[:1]):
        return True, False  # قال: ” عثرت …”: a mark after a colon opens, even before a space
    opener = after_space and _is_letter(nxt)
    closer = (not prev.isspace()) and (nxt.isspace() or nxt in ".,،؛:!?؟)" or e == len(text) or nxt in "\"”»'")
    return opener, closer


def _mark_roles(text: str, s: int, e: int, mark: str) -> tuple[bool, bool]:
    """(opener, closer) of a mark: «“„ always open, » always closes, others by neighbours."""
    if mark in OPENERS:
        return True, False
    if mark in CLOSERS:
        return False, True
    return _classify(text, s, e)


def pair_marks(text: str, sentence_end=None) -> list[tuple[int, int, bool]]:
    """(content start, content end, balanced) of every quotation, marks excluded."""
    out = []
    marks = _text_marks(text)
    starts = [m[0] for m in marks]
    for para_start, para in _paragraphs(text):
        para_end = para_start + len(para)
        lo, hi = bisect.bisect_left(starts, para_start), bisect.bisect_left(starts, para_end)
        if lo < hi:
            out.extend(_pair_paragraph(marks[lo:hi], para_end, sentence_end))
    return out


@lru_cache(maxsize=4)
def _text_marks(text: str) -> tuple[tuple[int, int, str, bool, bool], ...]:
    """(start, end, mark, opener, closer) of every quotation mark of a text (the sentence
    splitter and the quote finder both pair them: read once per text)."""
    return tuple((m.start(), m.end(), m.group(), *_mark_roles(text, m.start(), m.end(), m.group()))
                 for m in MARK_RE.finditer(text))


def _pair_paragraph(marks, para_end: int, sentence_end) -> list[tuple[int, int, bool]]:
    out = []
    open_ = None  # (start, end, mark) of the mark that opened the current quotation
    skip = set()
    for i, (s, e, mark, opener, closer) in enumerate(marks):
        if i in skip:
            continue
        if open_ is not None and _nested_name(marks, i):
            skip.add(i + 1)  # "… تنظيم "داعش" الإرهابي …": a name in marks inside the quotation
            continue
        if open_ is None:
            if mark not in CLOSERS and (opener or not closer):
                open_ = (s, e, mark)
            continue
        opened_at = open_[1]
        broken = sentence_end is not None and sentence_end(opened_at) < s
        if closer or not opener or mark not in OPENERS:
            if not (opener and not closer and broken):
                out.append((opened_at, s, True))
                open_ = None
                continue
        if broken:
            out.append((opened_at, sentence_end(opened_at), False))
        open_ = (s, e, mark)
    if open_ is not None:
        opened_at = open_[1]
        end = sentence_end(opened_at) if sentence_end else para_end
        out.append((opened_at, min(end, para_end), False))
    return out


def _person_name(words: list[str]) -> bool:
    """Two or three words that open with a given name and all look like a name's (a person's
    name in marks: «عبد الرحمن سيلا»)."""
    folded = [fold(w) for w in words]
    return 2 <= len(folded) <= 3 and folded[0] in GIVEN_NAMES and all(
        looks_like_name_word(w, first=i == 0) or (i and folded[i - 1] == _ABD and w.startswith("ال"))
        for i, w in enumerate(folded))


def _nested_name(marks, i: int) -> bool:
    """Mark i opens a short name inside an open quotation of the same symmetric mark: the
    next mark closes it within a few words and a later one closes the quotation."""
    if i + 2 >= len(marks):
        return False
    s, _e, mark, opener, closer = marks[i]
    s1, _e1, mark1, _opener1, closer1 = marks[i + 1]
    return (mark not in OPENERS and mark not in CLOSERS and opener and not closer
            and mark1 == mark and closer1 and s1 - s <= NESTED_NAME_CHARS and marks[i + 2][4])


def _paragraphs(text: str):
    pos = 0
    for line in text.split("\n"):
        yield pos, line
        pos += len(line) + 1


def _comma_after(text: str, pos: int) -> bool:
    """A comma follows the closing mark at pos (“…”، بالإضافة إلى …)."""
    return text[pos:pos + 5].lstrip("\"'”»’ ").startswith(("،", ","))


def _trim(text: str, s: int, e: int, strip_final: bool) -> tuple[int, int]:
    while s < e and (text[s].isspace() or "\u064b" <= text[s] <= "\u0652"):
        s += 1  # spaces, and a diacritic left by the word before (أنّ)
    while e > s and (text[e - 1].isspace() or (strip_final and text[e - 1] in ".،,؛:")):
        e -= 1
    return s, e



class TokenView:
    """The document's tokens in original offsets, and which of them anchor speech."""

    def __init__(self, doc):
        self.doc = doc
        words = doc.words if len(doc.words) == len(doc.tokens) else [t.text for t in doc.tokens]
        ostarts, oends = doc.orig_bounds()
        sw = speech_words()
        madda = [i for i in compress(range(len(words)), map(sw.complementizers.__contains__, words))
                 if doc.text[ostarts[i]] == "آ"]
        if madda:  # آن (Anne) folds like أن: a name, never a complementizer
            words = list(words)
            for i in madda:
                words[i] = "آ" + words[i][1:]
        self.words, self.ostarts, self.oends = words, ostarts, oends
        flags = list(map(sw.anchors.__contains__, words))
        for i in compress(range(len(words)), map(sw.transmit.__contains__, words)):
            flags[i] = _AN_PREP in words[i + 1:i + 6]  # تنقل هذه المساعدات: carrying, not speech
        for i in compress(range(len(words)), map(sw.attribute.__contains__, words)):
            flags[i] = _ILA in words[i + 1:i + 1 + ATTRIBUTION_REACH]  # نسبت شبكة (سي إن إن) الإخبارية إلى
        self.verb_index = list(compress(range(len(words)), flags))
        self.verb_starts = [ostarts[i] for i in self.verb_index]

    def word(self, i: int) -> str:
        return self.words[i] if 0 <= i < len(self.words) else ""

    def verb_tokens(self, lo: int, hi: int) -> list[int]:
        """Indices of the speech verbs and statement nouns that start in [lo, hi)."""
        i, j = bisect.bisect_left(self.verb_starts, lo), bisect.bisect_left(self.verb_starts, hi)
        return self.verb_index[i:j]

    def token_at(self, pos: int) -> int:
        """The index of the first token starting at or after pos."""
        return bisect.bisect_left(self.ostarts, pos)

    def sentence(self, pos: int) -> tuple[int, int]:
        return self.doc.sentences[self.doc.sentence_index(pos)]


class QuoteFinder:
    def __init__(self, doc, lex, actors: list[dict], places: list[dict]):
        self.doc = doc
        self.lex = lex
        self.words = speech_words()
        self.view = TokenView(doc)
        # names only: a class of actors in marks (“جماعات إرهابية”، "المتمردين") is a fragment
        self.entity_cover = Cover([(a["start"], a["end"]) for a in actors
                                   if a.get("mention") is None and a["actor_id"] not in self.words.class_actors]
                                  + [(p["start"], p["end"]) for p in places])
        self.speakers = SpeakerResolver(self.view, lex, actors)
        self.long_name_ends = {a["end"] for a in actors if a.get("mention") is None
                               and a["kind"] not in ("person", "state") and len(a["text"].split()) >= 3}

    def sentence_end(self, pos: int) -> int:
        return self.view.sentence(pos)[1]

    def find(self) -> list[dict]:
        marked = self._marked()
        self._long_starts = [q["start"] for q in marked if len(q["text"].split()) > SHORT_QUOTE_WORDS]
        reported = self._reported(marked)
        quotes = sorted(marked + reported, key=lambda q: q["start"])
        self.speakers.quote_spans = [(q["start"], q["end"]) for q in quotes]
        for q in quotes:
            speaker = self._speaker_of(q)
            q["speaker"] = speaker.as_json() if speaker else None
            q["speaker_rule"] = speaker.rule if speaker else None
            q.pop("_anchor", None)
            q.pop("_verb", None)
        return quotes

    def _speaker_of(self, quote: dict):
        if quote.get("_verb") is not None:
            speaker = self.speakers.resolve_after(quote["_verb"], quote["end"])
            if speaker is not None:
                return speaker
        return self.speakers.resolve(quote.get("_anchor", quote["start"]), quote["end"])

    # -- quotations in marks -------------------------------------------------------------------
    def _marked(self) -> list[dict]:
        text = self.doc.text
        quotes = []
        self.unbalanced = []
        for s, e, balanced in pair_marks(text, self.sentence_end):
            if not balanced:
                self.unbalanced.append(s)
                e = self._coord_cut(s, e)
            for s2, e2 in self._interrupted(s, e):
                quote = self._marked_quote(s2, e2, strip_final=not balanced or e2 < e)
                if quote is not None:
                    quotes.append(quote)
        return quotes

    def _marked_quote(self, s: int, e: int, strip_final: bool) -> dict | None:
        text = self.doc.text
        s, e = _trim(text, s, e, strip_final=strip_final)
        words = text[s:e].split()
        if e <= s or self._scare(s, e, words) or self._unattributed(s, e, words):
            return None
        quote = {"start": s, "end": e, "text": text[s:e], "kind": self._kind(s, e, words)}
        verb = self._verb_after(e)
        if verb is not None and not self.view.verb_tokens(self.view.sentence(s)[0], s):
            quote["_verb"] = verb  # "…"، قال شاهد عيان: the subject of the verb after it
        return quote

    def _interrupted(self, s: int, e: int) -> list[tuple[int, int]]:
        """A quotation the writer interrupts inside its marks («…، وأضاف: …»، "…، ويتابع الوزير: …"):
        the parts before and after the speech verb and its colon."""
        text, view, parts = self.doc.text, self.view, []
        for m in _INTERRUPTION_RE.finditer(text, s, e):
            k = view.token_at(m.start(1))
            if k < len(view.words) and view.words[k] in self.words.speech_verbs:
                parts.append((s, m.start()))
                s = m.end()
        return [*parts, (s, e)]

    def _coord_cut(self, s: int, e: int) -> int:
        """An unbalanced quotation ends before a coordinated complementizer (… وأن)."""
        view, coord = self.view, self.words.coord_complementizers
        for k in range(view.token_at(s + 1), len(view.words)):
            if view.ostarts[k] >= e:
                break
            if view.words[k] in coord:
                return view.ostarts[k]
        return e

    def _scare(self, s: int, e: int, words: list[str]) -> bool:
        """Marks around a mere name: a known actor or place, or a name after a noun that
        introduces one (صحيفة «…»، حقل “…”) or a location preposition (في "سيفاري")."""
        if len(words) <= NAME_QUOTE_WORDS and self._fills_name(s, e):
            return True  # a known actor or place («تنظيم القاعدة في بلاد المغرب الإسلامي»)
        if len(words) > NAMED_QUOTE_WORDS:
            return False
        if self._opens_with_name_noun(words):
            return True  # «إمارة الصحراء الكبرى»، «تنظيم الدولة الإسلامية»
        if len(words) > SHORT_QUOTE_WORDS:
            return self._after_name_noun(s)
        if all(map(_LATIN_NAME_RE.fullmatch, words)) or self._acronym_after_name(s, words) or _person_name(words):
            return True  # a capitalised Latin name ("Takuba"), an acronym after its name, «عبد الرحمن سيلا»
        key = tuple(_KEY_RE.findall(fold(self.doc.text[s:e])))
        entries = self.lex.phrases.get(key, ())
        if any(x.kind == "place" or (x.kind == "actor" and x.ref not in self.words.class_actors) for x in entries):
            return True
        before = self._before_words(s, 1)
        if not before:
            return False
        previous = before[-1]
        if (previous in self.words.name_prepositions or previous in self.words.relay_before) and len(key) <= 2:
            return True  # قالت مصادر لـ"الشروق"، بحسب "العين الإخبارية"
        if self._after_name_noun(s):
            return True
        bare_name = len(key) <= 2 and not any(w.startswith("ال") for w in key)
        return previous in LOCATION_PREPOSITIONS and bare_name

    def _fills_name(self, s: int, e: int) -> bool:
        """A known actor or place fills the quotation, after any naming nouns that open it
        (تنظيم، حركة، جماعة …)."""
        view = self.view
        k = view.token_at(s)
        while k < len(view.words) and view.oends[k] < e and view.words[k] in self.words.name_nouns:
            k += 1
        start = view.ostarts[k] if k < len(view.words) else e
        return self.entity_cover.reaches(start + 1, e - 1)

    def _opens_with_name_noun(self, words: list[str]) -> bool:
        """A naming noun in construct with a definite word (إمارة الصحراء، عملية البرق): a name."""
        folded = [fold(w) for w in words[:2]]
        return len(folded) == 2 and folded[0] in self.words.name_nouns and folded[1].startswith("ال")

    def _acronym_after_name(self, s: int, words: list[str]) -> bool:
        """One word in marks right after a body's long name (بعثة الأمم المتحدة في مالي «مينوسما»):
        its acronym or short name."""
        if len(words) != 1 or fold(words[0]).startswith("ال"):
            return False
        gap_start = s - 1
        while gap_start > 0 and self.doc.text[gap_start - 1] in " (\"«“„":
            gap_start -= 1
        return gap_start in self.long_name_ends

    def _unattributed(self, s: int, e: int, words: list[str]) -> bool:
        """A label in marks («الانقلابيون»، «القضاء»، وفد «رفيع المستوى»): a word or two that no
        speech verb, statement or relay word attributes to anyone — none a few words before it in
        its sentence (وصف … بـ«…»، ما تسميه «…») nor one whose أن/إن clause holds it, and no speech
        verb right after it."""
        if len(words) > LABEL_WORDS:
            return False
        view = self.view
        sent_start = view.sentence(s)[0] if self.doc.sentences else 0
        k = view.token_at(s)
        for verb in view.verb_tokens(sent_start, s):
            between = view.words[verb + 1:k]
            if self._quotation_between(view.oends[verb], s):
                continue  # another quotation comes between: the verb attributes that one
            if len(between) <= LABEL_REACH or any(w in self.words.complementizers for w in between):
                return False
        return self._verb_after(e) is None

    def _quotation_between(self, lo: int, s: int) -> bool:
        """Another quotation lies between lo and the quotation opening at s, not coordinated
        with it (بـ«الجبان» و«الغادر» share their verb)."""
        text = self.doc.text
        marks = list(MARK_RE.finditer(text, lo, max(lo, s - 1)))  # the opening mark itself excluded
        if not marks:
            return False
        return not _COORDINATION_GAP_RE.fullmatch(text, marks[-1].end(), s)

    def _after_name_noun(self, s: int) -> bool:
        """The quotation follows a noun that introduces a name (صحيفة، حملة، وبعملية …)."""
        before = self._before_words(s, 1)
        previous = before[-1] if before else ""
        nouns = self.words.name_nouns
        return previous in nouns or (previous[:1] in CLITIC_LETTERS and previous[1:] in nouns)

    def _before_words(self, s: int, n: int = 4) -> list[str]:
        """The (folded) words of the sentence right before position s."""
        view = self.view
        sent_start = view.sentence(s)[0] if self.doc.sentences else 0
        k = view.token_at(s)
        lo = max(view.token_at(sent_start), k - n)
        return view.words[lo:k]

    def _kind(self, s: int, e: int, words: list[str]) -> str:
        """direct after a colon, a line start or أن/إن when it ends the clause (a clause handed
        to the speaker); fragment when the quoted words sit inside the writer's sentence (بـ"…"،
        إلى "…"، أن الجزائر "تتدخل" في …)."""
        raw_before = self.doc.text[max(0, s - 3):s]
        line_start = s <= 1 or "\n" in self.doc.text[max(0, s - 2):s]
        if ":" in raw_before or line_start or (len(words) >= 3 and self._stands_alone(s, e)):
            return "direct"
        if len(words) >= 3 and fold(words[0]) in self.words.complementizers:
            return "direct"  # قال الناطق «إننا ندين …»: the marks hold the whole clause
        before = self._before_words(s, 3)
        right_after = bool(before) and before[-1] in self.words.complementizers
        one_word_after = len(before) > 1 and before[-2] in self.words.complementizers and self._ends_clause(e)
        if (right_after or one_word_after) and len(words) >= 3:
            return "direct"
        if before and before[-1] in self.words.speech_verbs and len(words) >= 4:
            return "direct"
        if len(words) >= 4 and self._ends_clause(e) and self._after_subject_of_verb(s):
            return "direct"  # وقال فلان وهو صاحب محل "…" / وقال X في تصريح نقلته إذاعة … "…"
        return "fragment"

    def _after_subject_of_verb(self, s: int) -> bool:
        """A finite speech verb of the sentence comes before the quotation with only its subject
        and adjuncts between (no أن/إن, no participle), and no clitic holds the mark (بـ"…")."""
        view = self.view
        if self.doc.text[max(0, s - 2):s - 1] in CLITIC_LETTERS or self.doc.text[s - 2:s - 1] == "ـ":
            return False
        verbs = [k for k in view.verb_tokens(view.sentence(s)[0], s) if view.words[k] in self.words.speech_verbs]
        if not verbs or view.words[verbs[-1]] in self.words.participles:
            return False
        between = view.words[verbs[-1] + 1:view.token_at(s)]
        return len(between) <= QUOTE_VERB_REACH and not any(w in self.words.complementizers for w in between)

    def _stands_alone(self, s: int, e: int) -> bool:
        """The quotation opens its sentence, or a speech verb follows it ("…"، قالت الوزيرة)."""
        return not self._before_words(s, 1) or self._verb_after(e) is not None

    def _verb_after(self, e: int) -> int | None:
        """The speech verb right after a quotation and a comma ("…"، قالت الوزيرة), if any."""
        k = self.view.token_at(e + 1)
        if k < len(self.view.words) and self.view.words[k] in self.words.speech_verbs \
                and re.match(r"\W{0,3}[،,]", self.doc.text[e:self.view.ostarts[k]]):
            return k
        return None

    def _ends_clause(self, e: int) -> bool:
        """Only a closing mark and punctuation (or the end of the text) follow position e."""
        rest = self.doc.text[e:e + 6].lstrip("\"'”»’“« ")
        return not rest or rest[0] in ".،,؛:!?؟\n)·"

    # -- reported speech -----------------------------------------------------------------------
    def _reported(self, marked: list[dict]) -> list[dict]:
        """speech verb … أن/إن + clause: the clause after the complementizer to the end of the
        sentence, or to a new clause (، حيث / ، موضحا أن / مؤكدا أن …)."""
        out = []
        taken_until = -1
        mark_ends = [q["end"] for q in marked]
        for ti in self._report_starts():
            a = self.view.ostarts[ti]
            if a < taken_until or (self.view.words[ti] in self.words.coord_complementizers
                                   and not any(e <= a <= e + 3 for e in [*mark_ends, taken_until])):
                continue  # وأن / وإن opens a new clause only right after a quotation or a clause
            quote = self._reported_at(ti, marked)
            if quote is not None:
                out.append(quote)
                taken_until = quote["end"]
        return out

    def _report_starts(self) -> list[int]:
        """Speech verbs and coordinated complementizers (“…” وأن … / … ، وإن …)."""
        view, sw = self.view, self.words
        return [ti for ti in compress(range(len(view.words)), map(sw.report_start.__contains__, view.words))
                if view.words[ti] not in sw.writer_verbs]

    def _complementizer_after(self, ti: int, sent_end: int, marked: list[dict]) -> int | None:
        """The أن/إن that opens the verb's clause, within the verb's reach."""
        view, sw = self.view, self.words
        # a quotation of more than a few words coming first is itself the quote
        stop = min(sent_end, self._next_long_quote(view.oends[ti]))
        for tj in range(ti + 1, min(ti + 24, len(view.words))):
            w = view.words[tj]
            if view.ostarts[tj] >= stop:
                return None
            if w in sw.complementizers:
                return tj
            if w in sw.speech_verbs and w not in sw.presentative_verbs:
                return None
        return None

    def _next_long_quote(self, pos: int) -> int:
        """Where the first quotation of more than a few words after pos starts."""
        k = bisect.bisect_left(self._long_starts, pos)
        return self._long_starts[k] if k < len(self._long_starts) else len(self.doc.text)

    def _reported_at(self, ti: int, marked: list[dict]) -> dict | None:
        view, text = self.view, self.doc.text
        sent_start, sent_end = view.sentence(view.ostarts[ti])
        coordinated = view.words[ti] in self.words.coord_complementizers
        comp = ti if coordinated else self._complementizer_after(ti, sent_end, marked)
        if comp is None or self._verbal_noun_clause(comp, coordinated) or self._relay_without_source(ti, comp):
            return None
        start = view.oends[comp]
        if any(q["kind"] == "direct" and q["start"] <= start < q["end"] for q in marked):
            return None  # inside a quotation
        end = self._clause_end(comp, sent_end)
        s, e = _trim(text, start, end, strip_final=True)
        if any(0 <= q["start"] - s <= 3 and (q["end"] >= e - 3 or _comma_after(text, q["end"])) for q in marked):
            return None  # أن "…": the quotation is the whole clause, it is the direct quote
        n_words = len(text[s:e].split())
        if any(s <= u < e for u in self.unbalanced):
            return None  # the clause runs into an open quotation: that is the quote
        if (end < sent_end and (n_words < 4 or view.word(view.token_at(end)) in self.words.base_verbs)) \
                or n_words < MIN_REPORTED_WORDS:
            return None  # فإن الرئيس …، وصف: the subject of the next verb, not a clause
        return {"start": s, "end": e, "text": text[s:e], "kind": "reported", "_anchor": view.ostarts[comp]}

    def _relay_without_source(self, ti: int, comp: int) -> bool:
        """وفقا لاتفاق الجزائر، فإن …: a relay word opens reported speech only when a source
        (a statement, an actor, an unnamed source) follows it."""
        if self.view.words[ti] not in self.words.relay_before:
            return False
        return self.speakers.subject(ti, self.view.ostarts[comp], self.view.sentence(self.view.ostarts[ti])[0]) is None

    def _verbal_noun_clause(self, comp: int, coordinated: bool) -> bool:
        """يجب أن تكون / من المقرر أن يتم: a verbal-noun clause after a modal, not reported speech."""
        view = self.view
        return not coordinated and view.words[comp] == _AN and view.word(comp - 1) in self.words.modal_before_an

    def _clause_end(self, comp: int, sent_end: int) -> int:
        """A reported clause ends at the sentence end, or before "،" + a new clause, or before a
        speech participle that opens the next clause (… مؤكدا أن …)."""
        view, text, sw = self.view, self.doc.text, self.words
        for tj in range(comp + 1, len(view.words)):
            a, w = view.ostarts[tj], view.words[tj]
            if a >= sent_end:
                break
            participle = w in sw.participles
            if participle and self._opens_clause(tj):
                return view.oends[tj - 1]  # … مؤكدا أن …: a second reported clause
            new_clause = (w in sw.clause_openers or (w in sw.speech_verbs and not participle)
                          or (w.startswith("وس") and len(w) > 4))
            if new_clause and _COMMA_GAP_RE.search(text, view.oends[tj - 1], a) and not self._concessive(comp, tj):
                return view.oends[tj - 1]
        return sent_end

    def _concessive(self, comp: int, tj: int) -> bool:
        """رغم …، إلا أن …: the إلا clause completes a concessive one, it opens none."""
        return self.view.words[tj] == _ILLA and any(w.endswith(_RAGHM) for w in self.view.words[comp + 1:tj])

    def _opens_clause(self, tj: int) -> bool:
        """A participle followed by its own complementizer (مؤكدا أن، مشيرا إلى أن)."""
        view = self.view
        return any(w in self.words.complementizers for w in view.words[tj + 1:tj + 5])


def find_quotes(doc, lex, actors: list[dict], places: list[dict]) -> list[dict]:
    """Pipeline step: quotations with kind and speaker."""
    return QuoteFinder(doc, lex, actors, places).find()
