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
from itertools import compress

from corpus.normalize import fold

MARK_RE = re.compile(r"''|’’|‘‘|[“”„«»\"]")
OPENERS = {"«", "“", "„"}
CLOSERS = {"»"}
CLITIC_LETTERS = set("بلوفك")


def _speech(words: str) -> frozenset:
    out = set()
    for w in words.split():
        f = fold(w)
        for p in ("", "و", "ف", "ل", "ول"):
            for s in ("", "ت", "وا", "ا"):
                out.add(p + f + s)
    return frozenset(out)


SPEECH_VERBS = _speech(
    "قال يقول تقول أكد يؤكد تؤكد أوضح يوضح توضح أعلن يعلن تعلن صرح يصرح تصرح أشار يشير تشير "
    "اعتبر يعتبر تعتبر شدد يشدد تشدد أضاف يضيف تضيف كشف يكشف تكشف أفاد يفيد تفيد زعم يزعم تزعم "
    "رأى يرى ترى رجح يرجح ترجح أبرز يبرز لفت يلفت نفى ينفي تنفي حذر يحذر تحذر أعرب يعرب أبلغ يبلغ "
    "أفادت أوردت ذكرت جدد يجدد تجدد اتهم يتهم تتهم طالب يطالب دعا يدعو تدعو ادعى يدعي تدعي "
    "مؤكدا مؤكدة مشيرا مشيرة موضحا موضحة مضيفا مضيفة معتبرا معتبرة مشددا مشددة قائلا قائلة "
    "لافتا لافتة محذرا محذرة وصف يصف تصف ورد جاء بقوله بقولها قوله قولها نقلا داعيا داعين داعية "
    "معربا معربة مبرزا مبرزة نافيا نافية مجددا مجددة نقل ينقل تنقل أدان يدين تدين ندد يندد تندد انتقد ينتقد "
    "تنتقد استنكر يستنكر تستنكر رفض يرفض ترفض رافضا رافضة دعت")
STATEMENT_NOUNS = frozenset(fold(w) for w in "بيان بيانها بيانه البيان تصريح تصريحات تصريحاته تصريحاتها رسالة بلاغ".split())
COMPLEMENTIZERS = frozenset(fold(w) for w in "أن إن بأن انه إنه أنه انها إنها أنها بأنه بأنها فإن فإنه فإنها أنهم إنهم".split())
COORD_COMPLEMENTIZERS = frozenset("و" + w for w in COMPLEMENTIZERS if not w.startswith(("ب", "ف")))
# After "،" these words open a new clause: a reported clause ends before them.
CLAUSE_OPENERS = frozenset(fold(w) for w in (
    "حيث في فيما بينما ما مما إلا لكن غير وبخصوص بخصوص كما وفي وكان وكانت ووصف وقال وأضاف "
    "وأكد وأوضح وتابع وختم وستعرف الأمر علما").split())
WRITER_VERBS = frozenset(fold(w) for w in "يذكر ويذكر كما تجدر الإشارة يعني تعني".split())
SPEAKER_KINDS = ("person", "state_body", "state", "igo", "media", "other")
RESUMPTIVE = frozenset(fold(w) for w in "فيه فيها عبره عبرها خلاله خلالها به بها".split())
FEMININE_ENDINGS = ("ت",)
_AN = fold("أن")
# نقل "carry" is a speech verb only with its source: نقلا عن / نقلت … عن المصدر
TRANSMIT_VERBS = _speech("نقل ينقل تنقل نقلا")
_AN_PREP = fold("عن")
# verbs whose object is followed by إلى / ب- (دعت الجزائر إلى، اتهمت الجزائر بـ): a lone actor
# between the verb and that preposition is the object, not the subject
OBJECT_VERBS = _speech("دعا دعت يدعو تدعو داعيا داعية طالب يطالب تطالب اتهم يتهم تتهم حث يحث تحث ناشد يناشد تناشد")
_VERB_OR_STATEMENT = SPEECH_VERBS | STATEMENT_NOUNS
_REPORT_START = SPEECH_VERBS | COORD_COMPLEMENTIZERS  # the tokens `_reported` looks at
_KEY_RE = re.compile(r"[@#]?[^\W_]+")
_BEFORE_RE = re.compile(r"[^\W_]+|[:]")
_GAP_WORD_RE = re.compile(r"[^\W\d_]+")
_GAP_BREAK_RE = re.compile(r"[.؟?!()\-–—]")
_GAP_COMMA_RE = re.compile(r"[،,]")


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
        self.actor_starts = [a["start"] for a in self.actors]  # (start <= end: slices by bisect)
        self.places = places
        self.entity_spans = [(a["start"], a["end"]) for a in actors] + [(p["start"], p["end"]) for p in places]
        # tokens in original offsets, and the speech verbs / statement nouns among them
        offs = doc.norm.offsets
        toks = doc.tokens
        if len(doc.words) == len(toks) == len(doc.fstarts) == len(doc.fends):
            words, fstarts, fends = doc.words, doc.fstarts, doc.fends
        else:
            words, fstarts, fends = [t.text for t in toks], [t.start for t in toks], [t.end for t in toks]
        if doc.norm.original_length == len(doc.norm.text):
            ostarts, oends = fstarts, fends  # nothing dropped: folded offsets are original ones
        else:
            ostarts = list(map(offs.__getitem__, fstarts))
            oends = list(map((1).__add__, map(offs.__getitem__, map((-1).__add__, fends))))
        self.words = words
        # tokens in original offsets, as three parallel lists (no per-token tuple)
        self.ostarts, self.oends = ostarts, oends
        flags = list(map(_VERB_OR_STATEMENT.__contains__, words))
        an = _AN_PREP
        for i in compress(range(len(words)), map(TRANSMIT_VERBS.__contains__, words)):
            flags[i] = an in words[i + 1:i + 6]  # تنقل هذه المساعدات: carrying, not speech
        self.verbs = list(compress(zip(ostarts, oends, strict=True), flags))
        self.verb_starts = list(compress(ostarts, flags))
        self.tok_starts = ostarts

    def sentence_end(self, pos: int) -> int:
        idx = self.doc.sentence_index(pos)
        s, e = self.doc.sentences[idx]
        return e

    def find(self) -> list[dict]:
        text = self.doc.text
        quotes = []
        self.unbalanced = []
        for s, e, balanced in pair_marks(text, self.sentence_end):
            if not balanced:
                self.unbalanced.append(s)
                e = self._coord_cut(s, e)
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

    def _coord_cut(self, s: int, e: int) -> int:
        ostarts, words = self.ostarts, self.words
        for k in range(bisect.bisect_right(ostarts, s), len(ostarts)):
            a = ostarts[k]
            if a >= e:
                break
            if words[k] in COORD_COMPLEMENTIZERS:
                return a
        return e

    def _actors_from(self, lo: int, hi: int, hi_inclusive: bool = True) -> list[dict]:
        """The actors whose start lies in [lo, hi] ([lo, hi) when not hi_inclusive), in order."""
        starts = self.actor_starts
        right = bisect.bisect_right(starts, hi) if hi_inclusive else bisect.bisect_left(starts, hi)
        return self.actors[bisect.bisect_left(starts, lo):right]

    def _actors_to(self, hi: int) -> list[dict]:
        """The actors that start at or before hi (every actor ending by hi among them)."""
        return self.actors[:bisect.bisect_right(self.actor_starts, hi)]

    def _scare(self, s: int, e: int, words: list[str]) -> bool:
        if len(words) > 3:
            return False
        for a, b in self.entity_spans:
            if a <= s + 1 and b >= e - 1:
                return True
        # a name of a known entity, even one the entity step left out
        k = tuple(_KEY_RE.findall(fold(self.doc.text[s:e])))
        return k in self.lex.phrases and any(x.kind in ("actor", "place") for x in self.lex.phrases[k])

    def _before_words(self, s: int, n: int = 4) -> list[str]:
        sent_start = self.doc.sentences[self.doc.sentence_index(s)][0] if self.doc.sentences else 0
        chunk = fold(self.doc.text[max(sent_start, s - 80):s])
        return _BEFORE_RE.findall(chunk)[-n:]

    def _kind(self, s: int, e: int, words: list[str]) -> str:
        """direct after a colon, a line start or أن/إن (a clause handed to the speaker);
        fragment when the quoted words sit inside the writer's sentence (بـ"…"، إلى "…")."""
        raw_before = self.doc.text[max(0, s - 3):s]
        line_start = s <= 1 or "\n" in self.doc.text[max(0, s - 2):s]
        if ":" in raw_before or line_start:
            return "direct"
        before = self._before_words(s, 3)
        if any(w in COMPLEMENTIZERS for w in before) and len(words) >= 3:
            return "direct"
        if before and before[-1] in SPEECH_VERBS and len(words) >= 4:
            return "direct"
        return "fragment"

    def _actor_in(self, a: int, b: int, first: bool) -> dict | None:
        inside = [x for x in self._actors_from(a, b) if x["start"] >= a and x["end"] <= b and x["actor_id"]]
        if not inside:
            return None
        return inside[0] if first else inside[-1]

    def _subject(self, verb_start: int, verb_end: int, limit: int, sent_start: int) -> dict | None:
        """The speaker of a speech verb: an actor just before it (SVO: الرئيس … وصف), else the
        first actor after it and before its أن/إن clause (VSO: أكد الوزير أن…); after
        "بيانا … اتهمت فيه" the issuer named before; "دعا البيان" the last institution."""
        k = bisect.bisect_left(self.tok_starts, verb_end)
        nxt = self.words[k] if k < len(self.words) else ""
        vword = self.words[k - 1] if k else ""
        if vword in STATEMENT_NOUNS and k > 1 and self.words[k - 2] in SPEECH_VERBS:
            return None  # دعا البيان: the statement is the verb's subject, resolved there
        if vword in TRANSMIT_VERBS:
            # نقلا عن مصادر في الجيش: the source speaks, the relaying medium does not
            for a, w in zip(self.ostarts[k:k + 4], self.words[k:k + 4], strict=False):
                if w == _AN_PREP:
                    src = [x for x in self._actors_from(a, limit) if a <= x["start"] and x["end"] <= limit
                           and x["actor_id"] and x["kind"] in SPEAKER_KINDS]
                    if src and len(self.doc.text[a:src[0]["start"]].split()) <= 6:
                        return src[0]
                    break
        before = [x for x in self._actors_from(sent_start, verb_start)
                  if sent_start <= x["start"] and x["end"] <= verb_start
                  and x["actor_id"] and x["kind"] in SPEAKER_KINDS]
        if nxt in RESUMPTIVE and before:
            bodies = [x for x in before if x["kind"] in ("state_body", "person", "igo")]
            return (bodies or before)[-1]
        if nxt in STATEMENT_NOUNS:
            issuer = [x for x in self._actors_to(verb_start) if x["end"] <= verb_start and x["kind"] == "state_body"]
            # "البيان المالي": the statement's nisba names the issuer's state
            stmt_end = self.oends[k] if k < len(self.oends) else verb_end
            nisba = [x for x in self._actors_from(stmt_end, stmt_end + 16)
                     if x["kind"] == "state" and len(self.doc.text[stmt_end:x["start"]].split()) <= 1]
            if nisba:
                issuer = [x for x in issuer if self.lex.root_state(x["actor_id"]) == nisba[0]["actor_id"]] or issuer
            if issuer:
                return issuer[-1]
        if before:
            gap = self.doc.text[before[-1]["end"]:verb_start]
            words = _GAP_WORD_RE.findall(gap)
            # a dash or bracket between is a dateline or a credit ("باماكو (رويترز) - قال")
            if not _GAP_BREAK_RE.search(gap) and (len(words) == 0 or len(words) <= 2 and not _GAP_COMMA_RE.search(gap)):
                return before[-1]
        # the complement clause starts the speaker-free zone
        for a, w in zip(self.ostarts[k:k + 16], self.words[k:k + 16], strict=True):
            if a >= limit:
                break
            if w in COMPLEMENTIZERS:
                limit = a
                break
        after = [x for x in self._actors_from(verb_end, limit)
                 if verb_end <= x["start"] and x["end"] <= limit and x["actor_id"]
                 and x["kind"] != "armed_group"]
        if after and vword in OBJECT_VERBS and len(after) == 1:
            j = bisect.bisect_left(self.tok_starts, after[0]["end"])
            if j < len(self.words) and (self.words[j] == fold("إلى") or self.words[j].startswith("ب")):
                after = []  # دعت الجزائر إلى: the object; the subject is a pronoun
        if after:
            gap = self.doc.text[verb_end:after[0]["start"]]
            if len(gap.split()) <= 12:
                return after[0]
        return None

    def _topic(self, verb_start: int, verb_word: str, sent_start: int) -> dict | None:
        """No subject: the sentence's topic (a state or body for a feminine verb)."""
        cands = [x for x in self._actors_from(sent_start, verb_start)
                 if sent_start <= x["start"] and x["end"] <= verb_start
                 and x["actor_id"] and x["kind"] in SPEAKER_KINDS]
        if not cands:
            return None
        feminine = verb_word.endswith("ت")
        pref = [x for x in cands if (x["kind"] != "person") == feminine]
        return (pref or cands)[0]

    def _fallback(self, sent_start: int) -> dict | None:
        """A pronoun subject: the last person or institution named before the sentence."""
        prior = [x for x in self._actors_to(sent_start) if x["end"] <= sent_start and x["actor_id"]]
        persons = [x for x in prior if x["kind"] in ("person", "state_body")]
        return (persons or prior or [None])[-1]

    def _speaker(self, s: int, e: int) -> dict | None:
        doc = self.doc
        idx = doc.sentence_index(s)
        sent_start, sent_end = doc.sentences[idx]
        chosen = self._verb_speaker(s, sent_start)
        if chosen is None and not self._verbs_between(sent_start, s):
            # no speech verb: the sentence's first actor, else "…" قال الوزير
            cands = [x for x in self._actors_from(sent_start, s, hi_inclusive=False)
                     if sent_start <= x["start"] < s and x["actor_id"]
                     and x["kind"] in ("person", "state_body", "state", "igo")]
            chosen = cands[0] if cands else self._actor_in(e, sent_end, first=True)
        if chosen is None:
            chosen = self._fallback(sent_start)
        if chosen is None:
            return None
        return {"actor_id": chosen["actor_id"], "name_en": chosen["name_en"]}

    def _verbs_between(self, a: int, b: int) -> list[tuple[int, int]]:
        lo = bisect.bisect_left(self.verb_starts, a)
        hi = bisect.bisect_left(self.verb_starts, b)
        return self.verbs[lo:hi]

    def _verb_speaker(self, pos: int, sent_start: int) -> dict | None:
        """Walk back over the speech verbs of the sentence: the nearest with a subject; a
        coordinated verb with none (…، وقال إن) shares its predecessor's subject."""
        verbs = self._verbs_between(sent_start, pos)
        for verb_start, verb_end in reversed(verbs):
            chosen = self._subject(verb_start, verb_end, pos, sent_start)
            if chosen is not None:
                return chosen
        if verbs:
            vs, ve = verbs[-1]
            word = fold(self.doc.text[vs:ve])
            return self._topic(verbs[0][0], word, sent_start)
        return None

    def _reported(self, quotes: list[dict]) -> list[dict]:
        """speech verb … أن/إن + clause: the clause (from the complementizer) to the end of the
        sentence, or to "،" before a new clause (حيث، في حين، موضحا…)."""
        doc = self.doc
        out = []
        marked = [(q["start"], q["end"]) for q in quotes]
        balanced = [(q["start"], q["end"]) for q in quotes if q["kind"] == "direct"]
        ostarts, oends, words = self.ostarts, self.oends, self.words
        n = len(words)
        taken_until = -1
        # only speech verbs and coordinated complementizers can start a reported clause
        for ti in compress(range(n), map(_REPORT_START.__contains__, self.words)):
            a, w = ostarts[ti], words[ti]
            is_coord = w in COORD_COMPLEMENTIZERS and any(me <= a <= me + 3 for ms, me in marked)
            if not is_coord and (w not in SPEECH_VERBS or w in WRITER_VERBS):
                continue
            if a < taken_until:
                continue
            ss, se = doc.sentences[doc.sentence_index(a)]
            comp = ti if is_coord else None
            if comp is None:
                for tj in range(ti + 1, min(ti + 24, n)):
                    tja = ostarts[tj]
                    if tja >= se:
                        break
                    tjw = words[tj]
                    if tjw in COMPLEMENTIZERS:
                        comp = tj
                        break
                    if tjw in SPEECH_VERBS and tjw not in ("جاء", "ورد"):
                        break
                    if doc.text[oends[tj - 1]:tja].strip(" ،,") not in ("", "''", "'"):
                        if any(ms <= tja < me for ms, me in marked):
                            break
            if comp is None:
                continue
            ca, cb, cw = ostarts[comp], oends[comp], words[comp]
            start = ca + (1 if is_coord else 0)
            if cw == _AN and comp + 1 < n and words[comp + 1][:1] in ("ي", "ت") and not is_coord:
                continue  # أن تكون / أن يتم: a verbal noun clause, not reported speech
            if any(bs <= start < be for bs, be in balanced):
                continue  # inside a quotation
            end = self._clause_end(comp, se)
            s2, e2 = _trim(doc.text, start, end, strip_final=True)
            first_mark = [ms for ms, me in marked if cb - 1 <= ms <= cb + 3]
            if first_mark:
                continue  # أن "…": the quotation itself is the direct quote
            if any(s2 <= us < e2 for us in self.unbalanced):
                continue  # the clause runs into an open quotation: that is the quote
            if end < se and len(doc.text[s2:e2].split()) < 5:
                continue  # فإن الرئيس …، وصف: the subject of the next verb, not a clause
            if len(doc.text[s2:e2].split()) >= 3:
                out.append({"start": s2, "end": e2, "text": doc.text[s2:e2], "kind": "reported",
                            "speaker": self._reported_speaker(ti, comp, ss, is_coord)})
                taken_until = e2
        return out

    def _clause_end(self, comp: int, se: int) -> int:
        ostarts, oends, words = self.ostarts, self.oends, self.words
        text = self.doc.text
        for tj in range(comp + 1, len(words)):
            a = ostarts[tj]
            if a >= se:
                break
            gap = text[oends[tj - 1]:a]
            if "،" in gap or "," in gap:
                w = words[tj]
                if w in CLAUSE_OPENERS or w in SPEECH_VERBS or (w.startswith("وس") and len(w) > 4):
                    return oends[tj - 1]
        return se

    def _reported_speaker(self, ti: int, comp: int, ss: int, is_coord: bool) -> dict | None:
        pos = self.ostarts[comp]
        chosen = self._verb_speaker(pos, ss) or self._fallback(ss)
        if chosen is None:
            return None
        return {"actor_id": chosen["actor_id"], "name_en": chosen["name_en"]}


def _is_object_gap(gap: str) -> bool:
    return bool(re.search(r"[.؟?!]", gap))


def find_quotes(doc, lex, actors: list[dict], places: list[dict]) -> list[dict]:
    """Pipeline step: quotations with kind and speaker."""
    return QuoteFinder(doc, lex, actors, places).find()
