"""Date expressions → partial ISO values, resolved against the publication date.

Covers day-month-year, month-year, year ("عام 2015", "سنة 2006", "اتفاق 2015"), month names
of every Arabic usage — Egyptian/Gulf (يناير…), Maghrebi (جانفي، فيفري، أفريل، ماي، جوان، جويلية،
أوت), Moroccan (يوليوز، غشت، شتنبر، نونبر، دجنبر), Levantine (كانون الثاني…) — French and English
months, Arabic-Indic digits (folded by the normaliser), numeric dates, and relative expressions
(أمس، أول أمس، اليوم الأحد، a weekday, الشهر الماضي، أوت الفارط، مارس المنقضي، قبل سنتين) marked
relative. A bare day-month or month takes its year from the publication date (the latest such
date not after it) or, without one, from the last year written before it.
Not dates: durations (منذ ست سنوات), clock times, ordinals (الدورة الـ79), Hijri years.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache
from itertools import compress

from corpus.normalize import fold

_MONTHS_RAW = {
    1: ["يناير", "جانفي", "كانون الثاني", "janvier", "january", "jan"],
    2: ["فبراير", "فيفري", "شباط", "février", "february", "feb"],
    3: ["مارس", "آذار", "اذار", "mars", "march"],
    4: ["أبريل", "إبريل", "ابريل", "أفريل", "افريل", "نيسان", "avril", "april"],
    5: ["مايو", "ماي", "أيار", "mai", "may"],
    6: ["يونيو", "يونيه", "جوان", "حزيران", "juin", "june"],
    7: ["يوليو", "يوليه", "جويلية", "يوليوز", "تموز", "juillet", "july"],
    8: ["أغسطس", "اغسطس", "أوت", "غشت", "آب", "août", "august"],
    9: ["سبتمبر", "شتنبر", "أيلول", "septembre", "september", "sept"],
    10: ["أكتوبر", "اكتوبر", "تشرين الأول", "أكتوبر", "octobre", "october", "oct"],
    11: ["نوفمبر", "نونبر", "تشرين الثاني", "novembre", "november", "nov"],
    12: ["ديسمبر", "دجنبر", "دسمبر", "كانون الأول", "décembre", "december", "dec"],
}
MONTHS: dict[str, int] = {}
for _m, _names in _MONTHS_RAW.items():
    for _n in _names:
        MONTHS[fold(_n)] = _m
# Month names that are also common words: need a day, a year or a modifier next to them.
AMBIGUOUS_MONTHS = frozenset(fold(w) for w in ["مارس", "آب", "ماي", "mai", "may", "mars", "march", "jan", "feb", "sept", "oct", "nov", "dec"])
_MONTH_ALT = "|".join(sorted((re.escape(m).replace(r"\ ", r"\s+") for m in MONTHS), key=len, reverse=True))
_M = rf"(?:{_MONTH_ALT})"

WEEKDAYS = {fold(w): i for i, w in enumerate(["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"])}
WEEKDAYS[fold("الإثنين")] = 0
_WD = "(?:" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + ")"

PAST = fold("الماضي|الماضية|المنصرم|المنصرمة|الفارط|الفارطة|المنقضي|المنقضية|السابق|السابقة|الفائت|الفائتة|المنفرط")
NEXT = fold("المقبل|المقبلة|القادم|القادمة")
CURRENT = fold("الجاري|الجارية|الحالي|الحالية")
_NUMBER_WORDS = {
    fold(w): n for w, n in [
        ("سنة", 1), ("عام", 1), ("شهر", 1), ("يوم", 1), ("أسبوع", 1),
        ("سنتين", 2), ("عامين", 2), ("شهرين", 2), ("يومين", 2), ("أسبوعين", 2),
        ("ثلاث", 3), ("ثلاثة", 3), ("أربع", 4), ("أربعة", 4), ("خمس", 5), ("خمسة", 5),
        ("ست", 6), ("ستة", 6), ("سبع", 7), ("سبعة", 7), ("ثماني", 8), ("ثمانية", 8),
        ("ثمان", 8), ("تسع", 9), ("تسعة", 9), ("عشر", 10), ("عشرة", 10),
    ]
}
_UNIT = {fold(w): u for w, u in [
    ("سنة", "y"), ("سنوات", "y"), ("سنين", "y"), ("عام", "y"), ("أعوام", "y"), ("سنتين", "y"),
    ("عامين", "y"), ("شهر", "m"), ("أشهر", "m"), ("شهور", "m"), ("شهرين", "m"),
    ("يوم", "d"), ("أيام", "d"), ("يومين", "d"), ("أسبوع", "w"), ("أسابيع", "w"), ("أسبوعين", "w"),
]}
_UNIT_ALT = "|".join(sorted(_UNIT, key=len, reverse=True))
_NUMW_ALT = "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
_YEAR_KW = fold(r"(?:عام|سنة|العام|السنة)")
_MOD = fold("بداية|مطلع|أوائل|بدايات|منتصف|أواسط|نهاية|أواخر|أواخر|آخر|ختام|أول")
_MOD_MONTH = {fold(w): m for w, m in [("بداية", 1), ("مطلع", 1), ("أوائل", 1), ("بدايات", 1), ("أول", 1),
                                     ("منتصف", 6), ("أواسط", 6), ("نهاية", 12), ("أواخر", 12),
                                     ("آخر", 12), ("ختام", 12)]}
_B = r"(?<![^\W\d_])"  # no letter just before (digits and clitics checked separately)
_E = r"(?![^\W_])"

_PATTERNS = [
    # 12/03/2024, 12-3-2024
    ("dmy_num", re.compile(r"(?<![\d/.-])(?P<d>[0-3]?\d)[/.-](?P<mn>[01]?\d)[/.-](?P<y>(?:19|20)\d\d)(?![\d/])")),
    ("iso", re.compile(r"(?<![\d/-])(?P<y>(?:19|20)\d\d)-(?P<mn>[01]\d)-(?P<d>[0-3]\d)(?!\d)")),
    # January 1, 2025
    ("mdy", re.compile(rf"{_B}(?P<m>{_M})\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s*,\s*(?P<y>(?:19|20)\d\d)(?!\d)")),
    # 1 جانفي 2025 / 25 يناير/كانون الثاني 2024 / 30 دجنبر / 1er janvier 2025
    ("dmy", re.compile(
        rf"(?<![\d])(?P<d>[0-3]?\d|{fold('أول')})(?:er)?\s*(?:من\s+)?(?:شهر\s+)?[وبل]?(?P<m>{_M})(?:\s*[/(]\s*{_M}\s*\)?)?"
        rf"(?:\s*(?:من\s+)?(?:{_YEAR_KW})?\s*[,.]?\s*(?P<y>(?:19|20)\d\d)(?!\d))?{_E}")),
    # سبتمبر 2009 / سبتمبر .2009 / أكتوبر عام ,2009 / شهر مارس من عام 2012
    ("my", re.compile(
        rf"{_B}(?P<m>{_M})(?:\s*[/(]\s*{_M}\s*\)?)?\s*(?:من\s+)?(?:{_YEAR_KW})?\s*[,.]?\s*(?P<y>(?:19|20)\d\d)(?!\d)")),
    # مارس المنقضي، أوت الفارط، سبتمبر المقبل
    ("m_rel", re.compile(rf"{_B}(?P<m>{_M})\s+(?P<rel>{PAST}|{NEXT}|{CURRENT}){_E}")),
    # بداية عام 2025 / عام 2015 / سنة 2006
    ("year_kw", re.compile(rf"{_B}(?:(?P<mod>{_MOD})\s+)?[وبل]?{_YEAR_KW}\s*[,.]?\s*(?P<y>(?:19|20)\d\d)(?!\d)")),
    # الشهر الماضي / العام المقبل / السنة الجارية / هذا العام
    ("unit_rel", re.compile(rf"{_B}[وبفل]?(?P<u>{fold('الشهر|العام|السنة|الأسبوع')})\s+(?P<rel>{PAST}|{NEXT}|{CURRENT}){_E}")),
    ("this_unit", re.compile(rf"{_B}(?:{fold('هذا|هذه')})\s+(?P<u>{fold('الشهر|العام|السنة|الأسبوع')}){_E}")),
    # قبل سنتين / قبل ثلاث سنوات / قبل 5 أعوام
    ("ago", re.compile(rf"{_B}{fold('قبل')}\s+(?:(?P<num>\d{{1,2}}|{_NUMW_ALT})\s+)?(?P<unit>{_UNIT_ALT}){_E}")),
    # أول أمس / أمس / بالأمس
    ("yesterday", re.compile(rf"{_B}(?P<first>{fold('أول')}\s+(?:{fold('من')}\s+)?)?(?:{fold('أمس')}|{fold('بالأمس')}|{fold('الأمس')}){_E}")),
    # اليوم الأحد / يوم الخميس الماضي / الأحد المقبل
    ("weekday", re.compile(
        rf"{_B}(?:(?P<pre>{fold('اليوم|يوم|أمس|مساء|صباح|ليلة|فجر')})\s+)?[وبل]?(?P<wd>{_WD})(?:\s+(?P<rel>{PAST}|{NEXT}))?{_E}")),
    # bare month: في شتنبر، شهر مارس
    ("m", re.compile(rf"{_B}[وبل]?(?P<m>{_M}){_E}")),
    # a year alone: اتفاق 2015، في 2012
    ("year", re.compile(r"(?<![\d/.,:-])(?P<y>(?:19[5-9]|20[0-3])\d)(?![\d/:]|[.,]\d)")),
]

_UNITS_AFTER = frozenset(fold(w) for w in [
    "جندي", "شخص", "قتيل", "دولار", "أورو", "يورو", "كلم", "كم", "كيلومتر", "متر", "طن", "عنصر",
    "مقاتل", "لاجئ", "مليون", "مليار", "ألف", "آلاف", "فرد", "رهينة", "مسلح", "إرهابي", "عسكري",
    "سيارة", "هكتار", "نسمة", "هـ", "ه", "هجري", "هجرية", "م", "ميلادي",
])
_BEFORE_NOT_YEAR = frozenset(fold(w) for w in ["رقم", "القرار", "قرار", "المرسوم", "المادة", "الفصل", "العدد", "الساعة", "الطائرة", "طائرة", "بوينغ"])
_DURATION_BEFORE = frozenset(fold(w) for w in ["منذ", "طيلة", "طوال", "خلال", "لمدة", "مدة"])


_AWWAL = fold("أول")
_MONTH_UNIT = fold("الشهر")
_WEEK_UNIT = fold("الأسبوع")
_MONTH_PRE = (fold("شهر"), fold("خلال"), fold("منذ"))
_ORDER = {kind: i for i, (kind, _rx) in enumerate(_PATTERNS)}
_MONTH_FIRST = frozenset(m.split()[0] for m in MONTHS)
_KW_STARTS = {
    "year_kw": frozenset(fold(w) for w in "عام سنة العام السنة".split()) | frozenset(_MOD.split("|")),
    "unit_rel": frozenset(fold(w) for w in "الشهر العام السنة الأسبوع".split()),
    "this_unit": frozenset(fold(w) for w in "هذا هذه".split()),
    "ago": frozenset([fold("قبل")]),
    "yesterday": frozenset(fold(w) for w in "أول أمس بالأمس الأمس".split()),
    "weekday": frozenset(fold(w) for w in "اليوم يوم أمس مساء صباح ليلة فجر".split()) | frozenset(WEEKDAYS),
}


@lru_cache(maxsize=65536)
def _starters(word: str) -> tuple[int, ...]:
    """Indexes of the patterns that may start at a token (checked with `match` there)."""
    out = []
    bare = word[1:] if word[:1] in "وبلف" and len(word) > 2 else word
    if word == fold("أول"):
        out.append(_ORDER["dmy"])
    if word[:1].isdigit():
        out += [_ORDER["dmy_num"], _ORDER["iso"], _ORDER["dmy"]]
        if len(word) == 4:
            out.append(_ORDER["year"])
    if word in _MONTH_FIRST or bare in _MONTH_FIRST or word.rstrip("0123456789") in _MONTH_FIRST:
        out += [_ORDER["mdy"], _ORDER["my"], _ORDER["m_rel"], _ORDER["m"]]
    for kind, words in _KW_STARTS.items():
        if word in words or bare in words:
            out.append(_ORDER[kind])
    return tuple(sorted(set(out)))


_STARTERS_MEMO: dict[str, tuple[int, ...]] = {}


def _starters_of(words: list[str]) -> list[tuple[int, ...]]:
    """`_starters` of every word, one dict lookup per word once warm."""
    out = list(map(_STARTERS_MEMO.get, words))
    if None in out:
        if len(_STARTERS_MEMO) > 200_000:
            _STARTERS_MEMO.clear()
        for idx, v in enumerate(out):
            if v is None:
                out[idx] = _STARTERS_MEMO[words[idx]] = _starters(words[idx])
    return out


_PREV_WORD_RE = re.compile(r"([^\W\d_]+)\W*$")
_NEXT_WORD_RE = re.compile(r"\s*([^\W_]+)")


def _prev_word(folded: str, pos: int) -> str:
    m = _PREV_WORD_RE.search(folded[max(0, pos - 30):pos])
    return m.group(1) if m else ""


def _next_word(folded: str, pos: int) -> str:
    m = _NEXT_WORD_RE.match(folded[pos:pos + 30])
    return m.group(1) if m else ""


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    idx = year * 12 + (month - 1) + delta
    return idx // 12, idx % 12 + 1


def _fmt(y: int, m: int | None = None, d: int | None = None) -> str:
    if m is None:
        return f"{y:04d}"
    if d is None:
        return f"{y:04d}-{m:02d}"
    return f"{y:04d}-{m:02d}-{d:02d}"


class DateResolver:
    """Turns matches into values, given the publication date and the years seen so far."""

    def __init__(self, published: str | None):
        self.pub_text = published[:10] if published else None
        self.pub: dt.date | None = None
        self.pub_len = 0
        if published:
            try:
                parts = [int(x) for x in published[:10].split("-")]
                self.pub_len = len(published[:10])
                while len(parts) < 3:
                    parts.append(1)
                self.pub = dt.date(*parts)
            except ValueError:
                self.pub = None
        self.last_year: int | None = None

    def _year_for(self, month: int, day: int | None) -> int | None:
        if self.pub and self.pub_len >= 7:
            y = self.pub.year
            if month > self.pub.month + (1 if self.pub_len == 7 else 0):
                y -= 1
            return y
        if self.pub and self.pub_len == 4:
            return self.pub.year
        return self.last_year

    def _cap(self, y: int, m: int | None, d: int | None) -> tuple[str, str]:
        """Round a value to what the publication date's own precision supports."""
        if d is not None and self.pub_len == 10:
            return _fmt(y, m, d), "day"
        if m is not None and self.pub_len >= 7:
            return _fmt(y, m), "month"
        return _fmt(y), "year"

    def resolve(self, kind: str, g: dict, folded_match: str) -> tuple[str | None, str, bool] | None:
        """(value, precision, relative) or None when the match is not a date."""
        if kind in ("dmy", "dmy_num", "iso", "mdy"):
            d = 1 if g["d"] == _AWWAL else int(g["d"])
            m = int(g["mn"]) if g.get("mn") else MONTHS[re.sub(r"\s+", " ", g["m"])]
            if not (1 <= d <= 31 and 1 <= m <= 12):
                return None
            y = int(g["y"]) if g.get("y") else self._year_for(m, d)
            if y is None:
                return None, "unknown", False
            if d > calendar.monthrange(y, m)[1]:
                return None
            if g.get("y"):
                self.last_year = y
            return _fmt(y, m, d), "day", False
        if kind == "my":
            m = MONTHS[re.sub(r"\s+", " ", g["m"])]
            self.last_year = int(g["y"])
            return _fmt(int(g["y"]), m), "month", False
        if kind == "year_kw":
            y = int(g["y"])
            self.last_year = y
            if g.get("mod"):
                return _fmt(y, _MOD_MONTH.get(g["mod"], 1)), "month", False
            return _fmt(y), "year", False
        if kind == "year":
            y = int(g["y"])
            self.last_year = y
            return _fmt(y), "year", False
        if kind == "m":
            mname = re.sub(r"\s+", " ", g["m"])
            m = MONTHS[mname]
            if mname in AMBIGUOUS_MONTHS and not g.get("pre"):
                return None
            y = self._year_for(m, None)
            if y is None:
                return None, "unknown", False
            return _fmt(y, m), "month", False
        if kind == "m_rel":
            m = MONTHS[re.sub(r"\s+", " ", g["m"])]
            rel = g["rel"]
            if not self.pub:
                return None, "unknown", True
            y = self.pub.year
            if rel in PAST.split("|"):
                if m >= self.pub.month:
                    y -= 1
            elif rel in NEXT.split("|"):
                if m <= self.pub.month:
                    y += 1
            return _fmt(y, m), "month", True
        if kind in ("unit_rel", "this_unit"):
            if not self.pub:
                return None, "unknown", True
            rel = g.get("rel") or CURRENT.split("|")[0]
            delta = -1 if rel in PAST.split("|") else 1 if rel in NEXT.split("|") else 0
            unit = g["u"]
            if unit == _MONTH_UNIT:
                if self.pub_len < 7:
                    return None, "unknown", True
                y, m = _shift_month(self.pub.year, self.pub.month, delta)
                return _fmt(y, m), "month", True
            if unit == _WEEK_UNIT:
                if self.pub_len < 10:
                    return None, "unknown", True
                day = self.pub + dt.timedelta(days=7 * delta)
                return None, "unknown", True if day else True
            return _fmt(self.pub.year + delta), "year", True
        if kind == "ago":
            if not self.pub:
                return None, "unknown", True
            unit_word = g["unit"]
            unit = _UNIT[unit_word]
            num = g.get("num")
            if num:
                n = int(num) if num.isdigit() else _NUMBER_WORDS.get(num, 1)
            else:
                n = _NUMBER_WORDS.get(unit_word, 1)
            if unit == "y":
                return _fmt(self.pub.year - n), "year", True
            if unit == "m":
                if self.pub_len < 7:
                    return _fmt(self.pub.year), "year", True
                y, m = _shift_month(self.pub.year, self.pub.month, -n)
                return _fmt(y, m), "month", True
            days = n * (7 if unit == "w" else 1)
            day = self.pub - dt.timedelta(days=days)
            v, p = self._cap(day.year, day.month, day.day)
            return v, p, True
        if kind == "yesterday":
            if not self.pub:
                return None, "unknown", True
            day = self.pub - dt.timedelta(days=2 if g.get("first") else 1)
            v, p = self._cap(day.year, day.month, day.day)
            return v, p, True
        if kind == "weekday":
            if not (g.get("pre") or g.get("rel")):
                return None
            if not self.pub:
                return None, "unknown", True
            wd = WEEKDAYS[g["wd"]]
            rel = g.get("rel")
            if rel and rel in NEXT.split("|"):
                delta = (wd - self.pub.weekday()) % 7 or 7
                day = self.pub + dt.timedelta(days=delta)
            else:
                delta = (self.pub.weekday() - wd) % 7
                if rel and delta == 0:
                    delta = 7
                day = self.pub - dt.timedelta(days=delta)
            v, p = self._cap(day.year, day.month, day.day)
            return v, p, True
        return None


def find_dates(doc) -> list[dict]:
    """Pipeline step: date mentions {start, end, text, value, precision, relative}."""
    folded = doc.folded
    cands = []
    toks = doc.tokens
    words = doc.words if len(doc.words) == len(toks) else [t.text for t in toks]
    starters = _starters_of(words)
    # only the tokens where some pattern may start (a digit, a month, a keyword)
    for ti in compress(range(len(words)), starters):
        tstart = toks[ti].start
        for order in starters[ti]:
            kind, rx = _PATTERNS[order]
            m = rx.match(folded, tstart)
            if m and m.end() > m.start():
                cands.append((m.start(), m.end(), order, kind, m))
    # longest first, then pattern order; keep non-overlapping
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    taken: list[tuple[int, int]] = []
    chosen = []
    for c in cands:
        s, e = c[0], c[1]
        if any(s < te and ts < e for ts, te in taken):
            continue
        taken.append((s, e))
        chosen.append(c)
    chosen.sort(key=lambda c: c[0])
    resolver = DateResolver(doc.published)
    out = []
    for s, e, _order, kind, m in chosen:
        g = {k: v for k, v in m.groupdict().items() if v is not None}
        if kind == "year":
            before = _prev_word(folded, s)
            after = _next_word(folded, e)
            if after in _UNITS_AFTER or before in _BEFORE_NOT_YEAR:
                continue
        if kind in ("dmy", "m", "m_rel", "my"):
            before = _prev_word(folded, s)
            if before in _BEFORE_NOT_YEAR and kind == "dmy":
                continue
        if kind == "ago" and _prev_word(folded, s) in _DURATION_BEFORE:
            continue
        if kind == "m" and _prev_word(folded, s) in _MONTH_PRE:
            g["pre"] = "1"
        res = resolver.resolve(kind, g, m.group())
        if res is None:
            continue
        value, precision, relative = res
        ostart, oend = doc.span(s, e)
        out.append({"start": ostart, "end": oend, "text": doc.text[ostart:oend],
                    "value": value, "precision": precision, "relative": relative})
    return out
