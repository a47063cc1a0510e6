"""Quotations: every mark style, unbalanced marks, scare quotes, kinds and speakers.

Marks: “…”, ”…”, "…", «…», „…“, ''…'' (doubled apostrophes, also ’’ and ‘‘). Each symmetric
mark is read as opening or closing from its neighbours (a mark after a space or a clitic and
before a letter opens: بـ”التواطؤ”، ب"الهامة"); a mark left open runs to the end of its
sentence; a new strongly-opening mark after a sentence break closes the previous quotation there.
Scare quotes — one to three words that name a known actor or place (''ويكيليكس'') — are dropped.
Kinds: *direct* (a clause: after a colon, a speech verb or أن/إن, or ≥ 8 words), *fragment* (a few
quoted words inside the writer's sentence), *reported* (speech verb + أن/إن clause, no marks;
the span is the clause). The speaker is the actor right after the speech verb (Arabic is
verb-first), else the nearest actor before it in the sentence, an institution's statement
(جاء في بيان الخارجية المالية), or — for a pronoun subject — the last named actor before.
"""

from __future__ import annotations

import bisect
import re

from corpus.normalize import fold

MARK_RE = re.compile(r"''|’’|‘‘|[“”„«»\"]")
OPENERS = {"«", "“", "„"}
CLOSERS = {"»"}
CLITIC_LETTERS = set("بلوفك")


def _speech(words: str) -> frozenset:
    out = set()
    for w in words.split():
        f = fold(w)
        for p in ("", "و", "ف"):
            for s in ("", "ت", "وا", "ا"):
                out.add(p + f + s)
    return frozenset(out)


SPEECH_VERBS = _speech(
    "قال يقول تقول أكد يؤكد تؤكد أوضح يوضح توضح أعلن يعلن تعلن صرح يصرح تصرح أشار يشير تشير "
    "اعتبر يعتبر تعتبر شدد يشدد تشدد أضاف يضيف تضيف كشف يكشف تكشف أفاد يفيد تفيد زعم يزعم تزعم "
    "رأى يرى ترى رجح يرجح ترجح أبرز يبرز لفت يلفت نفى ينفي تنفي حذر يحذر تحذر أعرب يعرب أبلغ يبلغ "
    "أفادت أوردت ذكرت جدد يجدد تجدد اتهم يتهم تتهم طالب يطالب دعا يدعو تدعو ادعى يدعي تدعي "
    "مؤكدا مؤكدة مشيرا مشيرة موضحا موضحة مضيفا مضيفة معتبرا معتبرة مشددا مشددة قائلا قائلة "
    "لافتا لافتة محذرا محذرة وصف يصف تصف ورد جاء")
STATEMENT_NOUNS = frozenset(fold(w) for w in "بيان بيانها بيانه البيان تصريح تصريحات تصريحاته تصريحاتها رسالة بلاغ".split())
COMPLEMENTIZERS = frozenset(fold(w) for w in "أن إن بأن انه إنه أنه انها إنها أنها بأنه بأنها".split())
WRITER_VERBS = frozenset(fold(w) for w in "يذكر ويذكر يذكر كما تجدر الإشارة".split())
FEMININE_ENDINGS = ("ت",)


def _is_letter(ch: str) -> bool:
    return bool(ch) and (ch.isalpha() or ch.isdigit()) and ch != "ـ"


def _classify(text: str, s: int, e: int) -> tuple[bool, bool]:
    """(strong opener, strong closer) for the mark at [s, e)."""
    prev = text[s - 1] if s > 0 else " "
    prev2 = text[s - 2] if s > 1 else " "
    nxt = text[e] if e < len(text) else " "
    after_space = prev.isspace() or prev in "(:،,؛" or (prev in CLITIC_LETTERS and prev2.isspace()) or (
        prev == "ـ" and s > 1 and text[s - 2] in CLITIC_LETTERS)
    opener = after_space and _is_letter(nxt)
    closer = (not prev.isspace()) and (nxt.isspace() or nxt in ".,،؛:!?؟)" or e == len(text) or nxt in "\"”»'")
    return opener, closer


def pair_marks(text: str, sentence_end=None) -> list[tuple[int, int, bool]]:
    """(content start, content end, balanced) of every quotation, marks excluded."""
    out = []
    for para_start, para in _paragraphs(text):
        marks = [(m.start() + para_start, m.end() + para_start, m.group()) for m in MARK_RE.finditer(para)]
        open_ = None
        for s, e, mk in marks:
            opener, closer = _classify(text, s, e)
            if mk in OPENERS:
                opener, closer = True, False
            elif mk in CLOSERS:
                opener, closer = False, True
            if open_ is None:
                if mk in CLOSERS:
                    continue
                if opener or not closer:
                    open_ = (s, e, mk)
                continue
            os_, oe, omk = open_
            broken = sentence_end is not None and sentence_end(oe) < s
            if opener and not closer and broken:
                out.append((oe, sentence_end(oe), False))
                open_ = (s, e, mk)
                continue
            if closer or not opener or mk not in OPENERS:
                out.append((oe, s, True))
                open_ = None
                continue
            if broken:
                out.append((oe, sentence_end(oe), False))
            open_ = (s, e, mk)
        if open_ is not None:
            oe = open_[1]
            end = sentence_end(oe) if sentence_end else para_start + len(para)
            out.append((oe, min(end, para_start + len(para)), False))
    return out


def _paragraphs(text: str):
    pos = 0
    for line in text.split("\n"):
        yield pos, line
        pos += len(line) + 1


def _trim(text: str, s: int, e: int, strip_final: bool) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and (text[e - 1].isspace() or (strip_final and text[e - 1] in ".،,؛:")):
        e -= 1
    return s, e


class QuoteFinder:
    def __init__(self, doc, lex, actors: list[dict], places: list[dict]):
        self.doc = doc
        self.lex = lex
        self.actors = sorted(actors, key=lambda a: a["start"])
        self.places = places
        self.entity_spans = [(a["start"], a["end"]) for a in actors] + [(p["start"], p["end"]) for p in places]
        # tokens in original offsets, and the speech verbs / statement nouns among them
        self.otoks = [(*doc.span(t.start, t.end), t.text) for t in doc.tokens]
        self.verbs = [(a, b) for a, b, w in self.otoks if w in SPEECH_VERBS or w in STATEMENT_NOUNS]
        self.verb_starts = [a for a, _ in self.verbs]

    def sentence_end(self, pos: int) -> int:
        idx = self.doc.sentence_index(pos)
        s, e = self.doc.sentences[idx]
        return e

    def find(self) -> list[dict]:
        text = self.doc.text
        quotes = []
        for s, e, balanced in pair_marks(text, self.sentence_end):
            s, e = _trim(text, s, e, strip_final=not balanced)
            if e <= s:
                continue
            words = text[s:e].split()
            if self._scare(s, e, words):
                continue
            kind = self._kind(s, e, words)
            quotes.append({"start": s, "end": e, "text": text[s:e], "kind": kind,
                           "speaker": self._speaker(s, e)})
        quotes.extend(self._reported(quotes))
        quotes.sort(key=lambda q: q["start"])
        return quotes

    def _scare(self, s: int, e: int, words: list[str]) -> bool:
        if len(words) > 3:
            return False
        for a, b in self.entity_spans:
            if a <= s + 1 and b >= e - 1:
                return True
        # a name of a known entity, even one the entity step left out
        k = tuple(re.findall(r"[@#]?[^\W_]+", fold(self.doc.text[s:e])))
        return k in self.lex.phrases and any(x.kind in ("actor", "place") for x in self.lex.phrases[k])

    def _before_words(self, s: int, n: int = 4) -> list[str]:
        sent_start = self.doc.sentences[self.doc.sentence_index(s)][0] if self.doc.sentences else 0
        chunk = fold(self.doc.text[max(sent_start, s - 80):s])
        return re.findall(r"[^\W_]+|[:]", chunk)[-n:]

    def _kind(self, s: int, e: int, words: list[str]) -> str:
        before = self._before_words(s)
        raw_before = self.doc.text[max(0, s - 3):s]
        line_start = s <= 1 or "\n" in self.doc.text[max(0, s - 2):s]
        if ":" in raw_before or line_start:
            return "direct"
        if before and (before[-1] in COMPLEMENTIZERS or before[-1] in SPEECH_VERBS) and len(words) >= 5:
            return "direct"
        if len(words) >= 8:
            return "direct"
        return "fragment"

    def _actor_in(self, a: int, b: int, first: bool) -> dict | None:
        inside = [x for x in self.actors if x["start"] >= a and x["end"] <= b and x["actor_id"]]
        if not inside:
            return None
        return inside[0] if first else inside[-1]

    def _speaker(self, s: int, e: int) -> dict | None:
        doc = self.doc
        idx = doc.sentence_index(s)
        sent_start, sent_end = doc.sentences[idx]
        # the last speech verb / statement noun before the quote in the sentence
        lo = bisect.bisect_left(self.verb_starts, sent_start)
        hi = bisect.bisect_left(self.verb_starts, s)
        chosen = None
        if hi > lo:
            verb_start, verb_end = self.verbs[hi - 1]
            chosen = self._actor_in(verb_end, s, first=True)
            if chosen is None:
                chosen = self._actor_in(sent_start, verb_start, first=False)
        else:
            chosen = self._actor_in(sent_start, s, first=False)
            if chosen is None:
                chosen = self._actor_in(e, sent_end, first=True)  # "…" قال الوزير
        if chosen is None:
            prior = [x for x in self.actors if x["end"] <= sent_start and x["actor_id"]]
            persons = [x for x in prior if x["kind"] in ("person", "state_body")]
            chosen = (persons or prior or [None])[-1]
        if chosen is None:
            return None
        return {"actor_id": chosen["actor_id"], "name_en": chosen["name_en"]}

    def _reported(self, quotes: list[dict]) -> list[dict]:
        doc = self.doc
        out = []
        marked = [(q["start"], q["end"]) for q in quotes]
        toks = self.otoks
        n = len(toks)
        for ti, (a, b, w) in enumerate(toks):
            if w not in SPEECH_VERBS or w in WRITER_VERBS:
                continue
            sidx = doc.sentence_index(a)
            ss, se = doc.sentences[sidx]
            if out and out[-1]["start"] >= ss and out[-1]["end"] <= se:
                continue  # one reported clause per sentence
            for tj in range(ti + 1, min(ti + 10, n)):
                ca, cb, cw = toks[tj]
                if ca >= se:
                    break
                if cw in COMPLEMENTIZERS:
                    s2, e2 = _trim(doc.text, cb, se, strip_final=True)
                    inner = [ms for ms, me in marked if s2 - 3 <= ms < e2]
                    if inner and min(inner) - s2 < 4:
                        break  # أن "…": a direct quotation, found by the marks
                    if inner:
                        e2 = min(inner) - 1
                        s2, e2 = _trim(doc.text, s2, e2, strip_final=True)
                        while e2 > s2 and doc.text[e2 - 1] in "\"'“”«»’‘":
                            e2 -= 1
                        s2, e2 = _trim(doc.text, s2, e2, strip_final=True)
                    if len(doc.text[s2:e2].split()) >= 3:
                        out.append({"start": s2, "end": e2, "text": doc.text[s2:e2], "kind": "reported",
                                    "speaker": self._speaker(s2, e2)})
                    break
                if cw in SPEECH_VERBS:
                    break
        return out


def _orig_len(original: str, folded_pos: int) -> int:
    """Length of the prefix of `original` whose fold has `folded_pos` characters."""
    count = 0
    for i, ch in enumerate(original):
        if count >= folded_pos:
            return i
        if fold(ch):
            count += 1
    return len(original)


def find_quotes(doc, lex, actors: list[dict], places: list[dict]) -> list[dict]:
    """Pipeline step: quotations with kind and speaker."""
    return QuoteFinder(doc, lex, actors, places).find()
