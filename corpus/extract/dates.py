"""Date expressions → partial ISO values, resolved against the publication date.

The step is a table of formats (`FORMATS`): each is a regex over the folded text, the token
classes where it may start, an optional veto (context that makes the match not a date) and a
resolver (match → value). Every word it knows — month names of every Arabic usage (Egyptian
يناير…, Maghrebi جانفي/أوت, Moroccan يوليوز/غشت, Levantine كانون الثاني…), French and English,
weekdays, relative words (الماضي، الفارط، المقبل، الجاري…), period modifiers (مطلع، منتصف…),
number words and the cue words that make a number not a year — lives in
`corpus/lexicon/dates.json`. Adding a spelling is an edit there; adding a format is one entry
in `FORMATS` (see docs/EXTRACTION.md, Dates).

Relative expressions (أمس، اليوم، الخميس، الشهر الماضي، يوليو/تموز العام الماضي، 13 أفريل الماضي،
بداية العام، قبل سنتين) are marked relative and resolved from the publication date. A day-month
or month without a year takes the year of a dated expression earlier in its sentence, else of
the date it opens a range with (31 مارس إلى 1 أبريل 2025), else the latest year that does not put
its month after publication, else the last year written before it.
Not dates: durations (منذ ست سنوات), clock times, ordinals, counts (2000 جندي), Hijri years.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Iterable
from itertools import compress
from typing import NamedTuple

from corpus.extract.doc import CLITIC_LETTERS
from corpus.extract.resources import folded_words, load_json
from corpus.normalize import fold

LEXICON = "dates.json"


# -- word lists (corpus/lexicon/dates.json), folded ------------------------------------------
def _words(section: str) -> frozenset[str]:
    return folded_words(LEXICON, section)


def _word_values(section: str) -> dict[str, object]:
    return {fold(w): v for w, v in load_json(LEXICON)[section].items()}


def _names_by_number(section: str) -> dict[str, int]:
    """{"1": ["يناير", …]} → {folded name: 1}."""
    return {fold(name): int(num) for num, names in load_json(LEXICON)[section].items() for name in names}


def _alt(words: Iterable[str]) -> str:
    """A non-capturing alternation of folded words, longest first; a space matches any spacing."""
    escaped = (re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))
    return "(?:" + "|".join(escaped) + ")"


MONTHS = _names_by_number("months")
WEEKDAYS = _names_by_number("weekdays")
PAST, NEXT, CURRENT = _words("past"), _words("next"), _words("current")
UNITS: dict[str, str] = _word_values("units")  # type: ignore[assignment]
DURATION_UNITS: dict[str, str] = _word_values("duration_units")  # type: ignore[assignment]
NUMBER_WORDS: dict[str, int] = _word_values("number_words")  # type: ignore[assignment]
PERIOD_MONTH: dict[str, int] = _word_values("period_modifiers")  # type: ignore[assignment]
DEICTIC_DAYS = {re.sub(r"\s+", " ", w): n for w, n in _word_values("deictic_days").items()}
MONTHS_NEEDING_CONTEXT = _words("months_needing_context")
MONTH_CUES_BEFORE = _words("month_cues_before")
NOT_WEEKDAY_BEFORE, NOT_WEEKDAY_AFTER = _words("not_weekday_before"), _words("not_weekday_after")
NOT_TODAY_BEFORE, NOT_TODAY_AFTER = _words("not_today_before"), _words("not_today_after")
COUNTED_NOUNS = _words("counted_nouns_after_year")
DURATION_BEFORE = _words("duration_before")
NAMED_EVENT_NOUNS = _words("named_event_nouns")
FIRST_DAY_WORDS = _words("first_day_words")
ORDINAL_DAYS: dict[str, int] = {re.sub(r"\s+", " ", w): n for w, n in _word_values("ordinal_days").items()}
SAME_YEAR, THIS_WORDS, YEAR_WORDS = _words("same_year"), _words("this_words"), _words("year_words")
TODAY, TOMORROW = fold("اليوم"), fold("غدا")
VERB_CUES_BEFORE = _words("verb_cues_before")
BETWEEN_WORDS = _words("between_words")
SAME_DAY, SAME_MONTH = _words("same_day"), _words("same_month")
NOT_UNIT_BEFORE = _words("not_unit_before")

# -- regex pieces (folded text) ---------------------------------------------------------------
_END = r"(?![^\W_])"  # no letter or digit right after
_OF = fold("من")
_MONTH = _alt(MONTHS)
# a month, with its other-convention name after a slash, in brackets or after a space:
# يوليو/تموز، آذار (مارس)، آب اغسطس
_MONTH_PAIR = rf"(?P<m>{_MONTH})(?P<pair>\s*[/(]\s*{_MONTH}\s*\)?|\s+{_MONTH}(?![^\W_]))?"
_YEAR = r"(?P<y>(?:19|20)\d\d)(?!\d)"
_REL = _alt(PAST | NEXT | CURRENT)
_YEAR_UNIT = _alt(w for w, u in UNITS.items() if u == "year")
_MOD = rf"(?:(?P<mod>{_alt(PERIOD_MONTH)})\s+)?"
# what may follow a month: a year in digits, a year in words, or a relative word
_YEAR_TAIL = (
    rf"(?:\s*(?:{_OF}\s+)?(?:{_alt(YEAR_WORDS)}\s*)?[,.-]?\s*{_YEAR}"
    rf"|\s+(?:{_OF}\s+)?(?:(?P<this>{_alt(THIS_WORDS)})\s+{_YEAR_UNIT}|{_YEAR_UNIT}\s+(?P<yrel>{_REL})"
    rf"|(?P<same>{_alt(SAME_YEAR)}))"
    rf"|\s+(?P<rel>{_REL}))"
)
_WEEKDAY = _alt(WEEKDAYS)
_WEEKDAY_PREFIX = _alt(_words("weekday_prefixes"))
# a day in digits, أول/الفاتح, or an ordinal before من (الثامن من آب)
_DAY = rf"(?:(?P<d>[0-3]?\d|{_alt(FIRST_DAY_WORDS)})|(?P<od>{_alt(ORDINAL_DAYS)})(?=\s+{_OF}\s))"
_RANGE_LINK = rf"\s*(?:{fold('و')}?{_alt(_words('range_links'))})\s*"
# more days sharing the month: 12 و13 أغسطس، 12 إلى 14 مارس، 3-5 مارس، 3 و4 و5 مارس
_MORE_DAYS = rf"(?P<more>(?:{_RANGE_LINK}[0-3]?\d(?!\d))+)?"


class Resolved(NamedTuple):
    value: str | None
    precision: str  # day | month | year | unknown
    relative: bool


class DateFormat(NamedTuple):
    name: str
    regex: re.Pattern
    starts: frozenset[str]  # token classes where the format may start (see `_token_classes`)
    resolve: Callable[[Timeline, dict], Resolved | None]
    veto: Callable[[str, int, int, dict], bool] | None = None


def _fmt(y: int, m: int | None = None, d: int | None = None) -> str:
    if m is None:
        return f"{y:04d}"
    return f"{y:04d}-{m:02d}" if d is None else f"{y:04d}-{m:02d}-{d:02d}"


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    idx = year * 12 + (month - 1) + delta
    return idx // 12, idx % 12 + 1


def _direction(word: str | None) -> int:
    """-1 for a past word (الماضي), +1 for a next word (المقبل), 0 for current or none."""
    return -1 if word in PAST else 1 if word in NEXT else 0


def _month_of(name: str) -> int:
    return MONTHS[re.sub(r"\s+", " ", name)]


class Timeline:
    """The publication date and the years the article has written so far."""

    def __init__(self, published: str | None):
        self.pub: dt.date | None = None
        self.pub_len = 0
        if published:
            try:
                parts = [int(x) for x in published[:10].split("-")]
                self.pub = dt.date(*(parts + [1] * (3 - len(parts))))
                self.pub_len = len(published[:10])
            except (ValueError, TypeError):
                self.pub = None
        self.last_year: int | None = None  # the last year written in the text
        self.dated: tuple[int, int] | None = None  # (year, sentence) of the last dated day/month
        self.last: dict[str, str] = {}  # the last day and month found: {"day": "2012-03-03", "month": "2012-03"}
        self.sentence = 0  # the sentence of the expression being resolved

    def wrote(self, year: int, dated: bool = False) -> None:
        self.last_year = year
        if dated:
            self.dated = (year, self.sentence)

    def saw(self, found: Resolved) -> None:
        """Remember the last day and month found, for اليوم نفسه / الشهر نفسه."""
        if found.value and found.precision == "day":
            self.last["day"] = found.value
        if found.value and found.precision in ("day", "month"):
            self.last["month"] = found.value[:7]

    def year_in_context(self, month: int, future: bool = False) -> int | None:
        """The year of a yearless day-month or month. From publication: the latest year that
        does not put the month after it (the first that does not put it before, in a clause
        about what is planned). A story told years before publication ('في أبريل 2013 … في
        يوليو') keeps the year of the dated expression earlier in its sentence. Without a
        publication date: the last year written."""
        from_pub = self._year_from_pub(month, future)
        if self.dated and self.dated[1] == self.sentence:
            if from_pub is None or abs(from_pub - self.dated[0]) >= 2:
                return self.dated[0]
        return self.last_year if from_pub is None else from_pub

    def _year_from_pub(self, month: int, future: bool) -> int | None:
        if not self.pub:
            return None
        if self.pub_len < 7:
            return self.pub.year
        if future:
            return self.pub.year + (month < self.pub.month)
        return self.pub.year - (month > self.pub.month)

    def year_relative(self, word: str, month: int, day: int | None) -> int | None:
        """The year of 'أفريل الماضي' / '13 أفريل الماضي' / 'سبتمبر المقبل' seen from publication.
        A day in the publication month is this year when the day of publication is unknown (13
        أفريل الماضي in an April issue); with only a year of publication, it is read from its
        middle (جانفي المقبل is next year, ديسمبر الماضي last year)."""
        if not self.pub:
            return None
        if day and self.pub_len == 7 and month == self.pub.month:
            return self.pub.year
        here = (month, day if day and self.pub_len == 10 else 0)
        now = (self.pub.month, self.pub.day if day and self.pub_len == 10 else 0)
        if self.pub_len < 7:
            now = (7, 0)
        direction = _direction(word)
        if direction < 0:
            return self.pub.year - (here >= now)
        if direction > 0:
            return self.pub.year + (here <= now)
        return self.pub.year

    def month_from_pub(self, delta: int) -> Resolved:
        """The publication month shifted by delta months; with a year of publication, that year."""
        if self.pub_len < 7:
            return Resolved(_fmt(self.pub.year), "year", True)
        return Resolved(_fmt(*_shift_month(self.pub.year, self.pub.month, delta)), "month", True)

    def capped(self, day: dt.date) -> Resolved:
        """A day computed from publication, never more precise than the publication date."""
        if self.pub_len == 10:
            return Resolved(_fmt(day.year, day.month, day.day), "day", True)
        if self.pub_len == 7:
            return Resolved(_fmt(day.year, day.month), "month", True)
        return Resolved(_fmt(day.year), "year", True)

    def days_from_pub(self, days: int) -> Resolved:
        """A day a few days from publication; with a month or year of publication, that month
        or year (the offset is smaller than what the publication date can tell)."""
        if not self.pub:
            return Resolved(None, "unknown", True)
        return self.capped(self.pub + dt.timedelta(days=days) if self.pub_len == 10 else self.pub)


# -- resolvers: (timeline, groups) → Resolved | None (None: not a date after all) ---------------
def _tail_year(tl: Timeline, g: dict, month: int, day: int | None) -> tuple[int | None, bool]:
    """(year, relative) from what follows the month: digits, a year in words, a relative word,
    the year of a range's other end, or the context."""
    if "y" in g:
        return int(g["y"]), False
    if "yrel" in g or "this" in g:
        return (tl.pub.year + _direction(g.get("yrel")) if tl.pub else None), True
    if "same" in g:
        return tl.last_year, False
    if "rel" in g:
        return tl.year_relative(g["rel"], month, day), True
    if "range_y" in g:
        return int(g["range_y"]), False
    return tl.year_in_context(month, "future" in g), False


def _day_value(tl: Timeline, year: int | None, month: int, day: int, relative: bool) -> Resolved | None:
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    if year is None:
        return Resolved(None, "unknown", relative)
    if day > calendar.monthrange(year, month)[1]:
        return None
    return Resolved(_fmt(year, month, day), "day", relative)


def _resolve_numeric(tl: Timeline, g: dict) -> Resolved | None:
    year, month, day = int(g["y"]), int(g["mn"]), int(g["d"])
    found = _day_value(tl, year, month, day, False)
    if found:
        tl.wrote(year, dated=True)
    return found


def _day_of(g: dict) -> int:
    if "od" in g:
        return ORDINAL_DAYS[re.sub(r"\s+", " ", g["od"])]
    return 1 if g["d"] in FIRST_DAY_WORDS else int(g["d"])


def _resolve_day_month(tl: Timeline, g: dict) -> Resolved | None:
    day = _day_of(g)
    month = int(g["mn"]) if "mn" in g else _month_of(g["m"])
    year, relative = _tail_year(tl, g, month, day)
    found = _day_value(tl, year, month, day, relative)
    if found and "y" in g:
        tl.wrote(year, dated=True)
    return found


def _resolve_month(tl: Timeline, g: dict) -> Resolved | None:
    month = _month_of(g["m"])
    year, relative = _tail_year(tl, g, month, None)
    if "y" in g:
        tl.wrote(year, dated=True)
    if year is None:
        return Resolved(None, "unknown", relative)
    return Resolved(_fmt(year, month), "month", relative)


def _resolve_year_word(tl: Timeline, g: dict) -> Resolved:
    year = int(g["y"])
    tl.wrote(year)
    if "mod" in g:
        return Resolved(_fmt(year, PERIOD_MONTH[g["mod"]]), "month", False)
    return Resolved(_fmt(year), "year", False)


def _resolve_year(tl: Timeline, g: dict) -> Resolved:
    year = int(g["y"])
    tl.wrote(year)
    return Resolved(_fmt(year), "year", False)


def _resolve_unit(tl: Timeline, g: dict) -> Resolved | None:
    """الشهر الماضي، العام المقبل، هذا العام، بداية العام، منتصف العام الماضي، نفس العام."""
    if "same" in g:
        year = tl.last_year
        return Resolved(_fmt(year) if year else None, "year" if year else "unknown", False)
    unit = UNITS[g["u"]]
    if not ("rel" in g or "this" in g or "mod" in g):
        return None  # a bare العام / الشهر is not a date (الرأي العام)
    if not tl.pub:
        return Resolved(None, "unknown", True)
    delta = _direction(g.get("rel")) * (2 if "before" in g else 1)  # العام قبل الماضي
    if unit == "year":
        year = tl.pub.year + delta
        if "mod" in g:
            return Resolved(_fmt(year, PERIOD_MONTH[g["mod"]]), "month", True)
        return Resolved(_fmt(year), "year", True)
    if unit == "month":  # بداية الشهر، نهاية الشهر الماضي: the month (the year if that is all we know)
        return tl.month_from_pub(delta)
    return Resolved(None, "unknown", True)  # الأسبوع الماضي، منتصف الأسبوع


def _resolve_day_of_month(tl: Timeline, g: dict) -> Resolved | None:
    """14 من الشهر الجاري / 3 من الشهر الماضي / العاشر من الشهر الجاري / يوم 15 الجاري /
    15 من الشهر نفسه (the month last found)."""
    if "smonth" in g:
        month = tl.last.get("month")
        return _day_value(tl, int(month[:4]), int(month[5:]), _day_of(g), False) if month else None
    if not tl.pub:
        return Resolved(None, "unknown", True)
    if tl.pub_len < 7:  # the day is known, the month is not: the year of publication
        return Resolved(_fmt(tl.pub.year), "year", True)
    year, month = _shift_month(tl.pub.year, tl.pub.month, _direction(g.get("rel")))
    return _day_value(tl, year, month, _day_of(g), True)


def _resolve_same_period(tl: Timeline, g: dict) -> Resolved:
    """اليوم نفسه، في نفس اليوم، الشهر نفسه: the day or month last found (unknown without one)."""
    precision = "day" if g["same_p"] in SAME_DAY else "month"
    value = tl.last.get(precision)
    return Resolved(value, precision if value else "unknown", False)


def _resolve_ago(tl: Timeline, g: dict) -> Resolved | None:
    """قبل سنتين / قبل ثلاث سنوات / قبل 5 أشهر / قبل أسبوع."""
    unit = DURATION_UNITS[g["unit"]]
    num = g.get("num")
    count = int(num) if num and num.isdigit() else NUMBER_WORDS.get(num or g["unit"])
    if count is None:
        return None  # قبل أيام، قبل سنوات: vague, like مؤخرا
    if not tl.pub:
        return Resolved(None, "unknown", True)
    if unit == "year":
        return Resolved(_fmt(tl.pub.year - count), "year", True)
    if unit == "month":
        if tl.pub_len < 7:
            return Resolved(_fmt(tl.pub.year), "year", True)
        return Resolved(_fmt(*_shift_month(tl.pub.year, tl.pub.month, -count)), "month", True)
    return tl.days_from_pub(-count * (7 if unit == "week" else 1))


def _resolve_deictic(tl: Timeline, g: dict) -> Resolved:
    """أمس، أول أمس، اليوم، غدا، بعد غد."""
    return tl.days_from_pub(DEICTIC_DAYS[re.sub(r"\s+", " ", g["deixis"])])


def _resolve_weekday(tl: Timeline, g: dict) -> Resolved:
    """الخميس، يوم الأحد الماضي، اليوم الاثنين، أمس الأربعاء، الجمعة المقبل: the last such day on
    or before publication, or the next one after it for المقبل / غدا / a planned act."""
    if not tl.pub:
        return Resolved(None, "unknown", True)
    weekday = WEEKDAYS[g["wd"]]
    pre = re.sub(r"\s+", " ", g.get("pre", ""))
    if _direction(g.get("rel")) > 0 or DEICTIC_DAYS.get(pre, 0) > 0:
        return tl.days_from_pub((weekday - tl.pub.weekday()) % 7 or 7)
    if ("future" in g or pre in THIS_WORDS) and "rel" not in g and pre not in DEICTIC_DAYS:
        # من المقرر أن يصل الأحد، يستقبل الوزير هذا الجمعة: on or after publication
        return tl.days_from_pub((weekday - tl.pub.weekday()) % 7)
    back = (tl.pub.weekday() - weekday) % 7
    if back == 0 and "rel" in g:
        back = 7  # الأحد الماضي written on a Sunday
    return tl.days_from_pub(-back)


# -- vetoes: context that makes a match not a date ------------------------------------------
_PREV_WORD_RE = re.compile(r"([^\W\d_]+)\W*$")
_NEXT_WORD_RE = re.compile(r"\s*([^\W_]+)")
_NOT_YEAR_BEFORE_RE = re.compile(rf"(?:^|\W)[وفبل]?{_alt(_words('not_year_before'))}\W*$")
_DAY_BEFORE_RE = re.compile(rf"\d\s*(?:{_OF}\s+)?$")
_CLAUSE_START_RE = re.compile(r"(?:^|[.,;:!?\n])\s*[وف]?$")
_DEFINITE_DUAL_RE = re.compile(r"[وفبل]?ال\w{2,}ين$")  # البلدين، والطرفين
_TAIL_KEYS = frozenset(("y", "rel", "yrel", "this", "same"))


def _prev_word(folded: str, pos: int) -> str:
    m = _PREV_WORD_RE.search(folded[max(0, pos - 30):pos])
    return m.group(1) if m else ""


def _is_one_of(word: str, words: frozenset[str]) -> bool:
    """The word, or the word after a one-letter proclitic (وفي، وحركة، والطرفين), is in words."""
    return word in words or (len(word) > 2 and word[0] in _CLITIC_LETTERS and word[1:] in words)


def _next_word(folded: str, pos: int) -> str:
    m = _NEXT_WORD_RE.match(folded[pos:pos + 30])
    return m.group(1) if m else ""


def _veto_year(folded: str, start: int, end: int, g: dict) -> bool:
    """2000 جندي، القرار 2100، نحو 1500: a count or a number, not a year."""
    after = _next_word(folded, end)
    if after in COUNTED_NOUNS or after.removesuffix("ا") in COUNTED_NOUNS:  # 2013 جنديا
        return True
    return _NOT_YEAR_BEFORE_RE.search(folded[max(0, start - 30):start]) is not None


_DASH_LINK_RE = re.compile(r"\s*[-–/]\s*")


def _veto_year_list(folded: str, start: int, end: int, g: dict) -> bool:
    """Two years are one expression when a dash or slash joins them (2012-2013), or when a dual
    noun or بين governs both (عامي 2012 و2013، بين 2012 و2014); من 2012 إلى 2015 stays two dates."""
    if int(g["y2"]) <= int(g["y"]) or _veto_year(folded, start, end, g):
        return True
    governed = "dual" in g or _is_one_of(_prev_word(folded, start), BETWEEN_WORDS)
    return not (governed or _DASH_LINK_RE.fullmatch(g["link"]))


def _veto_day_month(folded: str, start: int, end: int, g: dict) -> bool:
    """حركة 23 مارس: a yearless date inside a name."""
    return "y" not in g and _is_one_of(_prev_word(folded, start), NAMED_EVENT_NOUNS)


def _veto_month(folded: str, start: int, end: int, g: dict) -> bool:
    """A bare month needs context when its name is also a word (مارس 'practised', ماي, آب)."""
    if _TAIL_KEYS & g.keys() or "mod" in g:
        return False
    if _DAY_BEFORE_RE.search(folded, max(0, start - 12), start):
        return True  # the month of a day-month the day_month format refused (تحالف 23 ايار)
    before = _prev_word(folded, start)
    if _is_one_of(before, NAMED_EVENT_NOUNS):  # حرب أكتوبر، ثورة نوفمبر
        return True
    needs_cue = g["m"] in MONTHS_NEEDING_CONTEXT and "pair" not in g
    return needs_cue and not _is_one_of(before, MONTH_CUES_BEFORE)


def _veto_unit(folded: str, start: int, end: int, g: dict) -> bool:
    """A bare العام / الشهر (الرأي العام) is not a date; with a relative word, هذا, a period
    modifier (بداية العام، مطلع الشهر، منتصف الأسبوع) or نفس it is."""
    if _is_one_of(_prev_word(folded, start), NOT_UNIT_BEFORE):
        return True  # عطلة نهاية الأسبوع، كل نهاية شهر: a kind of time, not a date
    return not ("same" in g or "rel" in g or "this" in g or "mod" in g)


def _veto_ago(folded: str, start: int, end: int, g: dict) -> bool:
    return _is_one_of(_prev_word(folded, start), DURATION_BEFORE)


def _veto_deictic(folded: str, start: int, end: int, g: dict) -> bool:
    """اليوم is today, except in اليوم التالي / اليوم العالمي or after حتى / ذلك; غدا is the
    verb 'became' after قد or opening a clause before its subject (وغدا الوضع أصعب)."""
    before = _prev_word(folded, start)
    if g["deixis"] == TODAY:
        return _next_word(folded, end) in NOT_TODAY_AFTER or _is_one_of(before, NOT_TODAY_BEFORE)
    if g["deixis"] != TOMORROW:
        return False
    opens_clause = _CLAUSE_START_RE.search(folded[max(0, start - 8):start]) is not None
    return _is_one_of(before, VERB_CUES_BEFORE) or (opens_clause and _next_word(folded, end).startswith("ال"))


def _veto_weekday(folded: str, start: int, end: int, g: dict) -> bool:
    """صلاة الجمعة، كل خميس، الأحد عشر، البلدين الاثنين ('both'): not a day."""
    if "pre" in g or "rel" in g:
        return False
    before = _prev_word(folded, start)
    if _is_one_of(before, NOT_WEEKDAY_BEFORE) or _next_word(folded, end) in NOT_WEEKDAY_AFTER:
        return True
    return WEEKDAYS[g["wd"]] == 0 and _DEFINITE_DUAL_RE.match(before) is not None


# -- the formats: adding one is one entry here ------------------------------------------------
_SHAHR = fold("شهر")
FORMATS: tuple[DateFormat, ...] = (
    # 12/03/2024, 12-3-2024
    DateFormat("day_month_year_numeric", re.compile(
        r"(?<![\d/.-])(?P<d>[0-3]?\d)[/.-](?P<mn>[01]?\d)[/.-](?P<y>(?:19|20)\d\d)(?![\d/])"),
        frozenset({"digit"}), _resolve_numeric),
    # 2024-03-12, 2024/03/12
    DateFormat("year_month_day_numeric", re.compile(
        r"(?<![\d/.-])(?P<y>(?:19|20)\d\d)(?P<sep>[-/])(?P<mn>[01]?\d)(?P=sep)(?P<d>[0-3]?\d)(?![\d/])"),
        frozenset({"digit"}), _resolve_numeric),
    # January 1, 2025
    DateFormat("month_day_year", re.compile(
        rf"(?P<m>{_MONTH})\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s*,\s*{_YEAR}"),
        frozenset({"month"}), _resolve_day_month),
    # 1 جانفي 2025، الخميس 25 يناير 2024، يوم 31 مارس، 13 أغسطس/آب الماضي، الفاتح من نوفمبر 1954
    DateFormat("day_month", re.compile(
        rf"(?:(?:(?P<pre>{_WEEKDAY_PREFIX})\s+)?(?P<wd>{_WEEKDAY})\s*,?\s*)?{_DAY}{_MORE_DAYS}(?:er)?\s*-?\s*"
        rf"(?:{_OF}\s+)?(?:{_SHAHR}\s+)?{_MONTH_PAIR}(?:{_YEAR_TAIL})?{_END}"),
        frozenset({"digit", "first_day", "ordinal", "weekday", "wd_prefix"}), _resolve_day_month, _veto_day_month),
    # 14 من الشهر الجاري، العاشر من الشهر الماضي، 15 الجاري، 15 من الشهر نفسه
    DateFormat("day_of_month", re.compile(
        rf"{_DAY}{_MORE_DAYS}\s+(?:(?:{_OF}\s+)?(?:(?P<smonth>{_alt(SAME_MONTH)})|{fold('الشهر')}\s+(?P<rel>{_REL}))"
        rf"|(?P<cur>{_alt(CURRENT)})){_END}"),
        frozenset({"digit", "ordinal"}), _resolve_day_of_month),
    # سبتمبر 2009، سبتمبر .2009، منتصف شهر أوت 2009، يوليو/تموز العام الماضي، أوت الفارط،
    # يوليو من نفس العام، في شتنبر
    DateFormat("month", re.compile(
        rf"(?:(?P<mod>{_alt(PERIOD_MONTH)})\s+(?:{_SHAHR}\s+)?)?{_MONTH_PAIR}(?:{_YEAR_TAIL})?{_END}"),
        frozenset({"month", "mod"}), _resolve_month, _veto_month),
    # two months under one dual noun: شهري مارس وأبريل 2013، شهري جويلية وأوت الماضيين
    DateFormat("month_list", re.compile(
        rf"{_alt(_words('month_duals'))}\s+(?P<m>{_MONTH})(?:\s*/\s*{_MONTH})?{_RANGE_LINK}{_MONTH}(?:\s*/\s*{_MONTH})?"
        rf"(?:{_YEAR_TAIL})?{_END}"),
        frozenset({"month_dual"}), _resolve_month),
    # عام 2015، سنة 2006، بداية عام 2025، نهاية 2014
    DateFormat("year_word", re.compile(
        rf"(?:(?P<mod>{_alt(PERIOD_MONTH)})\s+(?:{_alt(YEAR_WORDS)}\s*)?|{_alt(YEAR_WORDS)}\s*)[,.]?\s*{_YEAR}"),
               frozenset({"mod", "year_word"}), _resolve_year_word),
    # الشهر الماضي، العام المقبل، هذا العام، بداية العام، نهاية العام الماضي، نفس العام، العام قبل الماضي
    DateFormat("unit", re.compile(
        rf"{_MOD}(?:(?P<same>{_alt(SAME_YEAR)})|(?:(?P<this>{_alt(THIS_WORDS)})\s+)?"
        rf"(?P<u>{_alt(UNITS)})(?:\s+(?:(?P<before>{fold('قبل')})\s+)?(?P<rel>{_REL}))?){_END}"),
        frozenset({"mod", "unit"}), _resolve_unit, _veto_unit),
    # اليوم نفسه، في نفس اليوم، الشهر نفسه
    DateFormat("same_period", re.compile(rf"(?P<same_p>{_alt(SAME_DAY | SAME_MONTH)}){_END}"),
               frozenset({"same_period"}), _resolve_same_period),
    # قبل سنتين، قبل ثلاث سنوات، قبل 5 أعوام
    DateFormat("ago", re.compile(
        rf"{_alt(_words('ago_words'))}\s+(?:(?P<num>\d{{1,2}}|{_alt(NUMBER_WORDS)})\s+)?"
        rf"(?P<unit>{_alt(DURATION_UNITS)}){_END}"),
        frozenset({"ago"}), _resolve_ago, _veto_ago),
    # أمس، أول أمس، اليوم، غدا
    DateFormat("deictic", re.compile(rf"(?P<deixis>{_alt(DEICTIC_DAYS)}){_END}"),
               frozenset({"deixis"}), _resolve_deictic, _veto_deictic),
    # الخميس، اليوم الأحد، أمس (الخميس)، يوم الخميس الماضي، الأحد المقبل، يومي الأربعاء والخميس
    DateFormat("weekday", re.compile(
        rf"(?:(?P<pre>{_WEEKDAY_PREFIX})(?:\s*(?:[,،]|(?P<open>\())\s*|\s+))?(?P<wd>{_WEEKDAY})"
        rf"(?:{_RANGE_LINK}(?P<wd2>{_WEEKDAY}))?(?(open)\s*\))(?:\s+(?P<rel>{_alt(PAST | NEXT)}))?{_END}"),
        frozenset({"weekday", "wd_prefix"}), _resolve_weekday, _veto_weekday),
    # two years in one expression: 2012-2013، 2012/2013، عامي 2012 و2013، بين 2012 و2013
    DateFormat("year_list", re.compile(
        rf"(?:(?P<dual>{_alt(_words('year_duals'))})\s+)?{_YEAR}(?P<link>{_RANGE_LINK}|\s*/\s*)(?P<y2>(?:19|20)\d\d)(?!\d)"),
        frozenset({"year_digits", "year_dual"}), _resolve_year, _veto_year_list),
    # a year alone: اتفاق 2015، في 2012، منذ 2015
    DateFormat("year", re.compile(r"(?<![\d/.,:-])(?P<y>(?:19[5-9]|20[0-3])\d)(?![\d/:]|[.,]\d)"),
               frozenset({"year_digits"}), _resolve_year, _veto_year),
)


# -- where formats may start: token classes ---------------------------------------------------
def _first_words(phrases: Iterable[str]) -> set[str]:
    return {p.split()[0] for p in phrases}


def _class_index() -> dict[str, frozenset[str]]:
    """Folded word → the token classes it belongs to."""
    members = {
        "month": _first_words(MONTHS), "weekday": set(WEEKDAYS),
        "wd_prefix": _first_words(_words("weekday_prefixes")), "first_day": set(FIRST_DAY_WORDS),
        "ordinal": _first_words(ORDINAL_DAYS),
        "mod": set(PERIOD_MONTH), "year_word": set(YEAR_WORDS), "year_dual": set(_words("year_duals")),
        "month_dual": set(_words("month_duals")),
        "unit": set(UNITS) | set(THIS_WORDS) | _first_words(SAME_YEAR),
        "ago": set(_words("ago_words")), "same_period": _first_words(SAME_DAY | SAME_MONTH), "deixis": _first_words(DEICTIC_DAYS),
    }
    index: dict[str, set[str]] = {}
    for cls, words in members.items():
        for word in words:
            index.setdefault(word, set()).add(cls)
    return {word: frozenset(classes) for word, classes in index.items()}


_CLASSES = _class_index()
_CLITIC_LETTERS = CLITIC_LETTERS - {"ك"}  # كـ before a date word reads "like", not a date


def _classes_of(word: str) -> frozenset[str]:
    if word[:1].isdigit():  # 2015, 2006م
        return frozenset({"digit", "year_digits"} if word[:4].isdigit() and not word[4:5].isdigit() else {"digit"})
    return _CLASSES.get(word, frozenset())


def _starters(word: str) -> tuple[tuple[int, int], ...]:
    """(format index, characters to skip) for every format that may start at this token:
    on the word itself, or after a one-letter proclitic (وعام 2015، و2013، بيوم الأحد)."""
    readings = [(word, 0)]
    if len(word) > 2 and word[0] in _CLITIC_LETTERS:
        readings.append((word[1:], 1))
    if word.startswith("ال") and word[2:3].isdigit():  # الـ12 من مارس
        readings.append((word[2:], 2))
    out = []
    for reading, skip in readings:
        classes = _classes_of(reading)
        out += [(idx, skip) for idx, fmt in enumerate(FORMATS) if fmt.starts & classes]
    return tuple(out)


_STARTERS_MEMO: dict[str, tuple[tuple[int, int], ...]] = {}


def _starters_of(words: list[str]) -> list[tuple[tuple[int, int], ...]]:
    """`_starters` of every word: one dict lookup per word once warm (bounded memo)."""
    out = list(map(_STARTERS_MEMO.get, words))
    if None in out:
        if len(_STARTERS_MEMO) > 200_000:
            _STARTERS_MEMO.clear()
        for idx, starts in enumerate(out):
            if starts is None:
                out[idx] = _STARTERS_MEMO[words[idx]] = _starters(words[idx])
    return out


class _Candidate(NamedTuple):
    start: int  # folded offsets
    end: int
    order: int  # index in FORMATS (the tie-break between matches of equal length)
    groups: dict


def _candidates(doc) -> list[_Candidate]:
    """Every format match that starts at a token where it may start and is not vetoed."""
    folded, tokens = doc.folded, doc.tokens
    words = doc.words if len(doc.words) == len(tokens) else [t.text for t in tokens]
    starters = _starters_of(words)
    found = []
    for ti in compress(range(len(words)), starters):
        for order, skip in starters[ti]:
            fmt = FORMATS[order]
            m = fmt.regex.match(folded, tokens[ti].start + skip)
            if not m or m.end() == m.start():
                continue
            groups = {k: v for k, v in m.groupdict().items() if v is not None}
            if fmt.veto is None or not fmt.veto(folded, m.start(), m.end(), groups):
                _mark_future(folded, m.start(), groups)
                found.append(_Candidate(m.start(), m.end(), order, groups))
    return found


# a future verb (سيزور، وستعقد) where a verb stands: opening its clause, or after أن/إن/أنه or a
# relative pronoun and at most a two-word subject (أن الرئيس سيستقبل، الاجتماع الذي سيجري)
_FUTURE_VERB = (rf"(?!{_alt(_words('not_future_verbs'))}(?!\w)){fold('س')}[يتن][^\W\d_]{{2,}}")
_FUTURE_RE = re.compile(
    rf"(?:(?:^|\W)[وف]?{_alt(_words('future_cues'))}"
    rf"|(?:^\s*|\W{_alt(_words('verb_slots') | _words('relative_pronouns'))}(?:\s+[^\W\d_]+){{0,2}}\s+)[وف]?"
    rf"{_FUTURE_VERB})(?!\w)")
_PAST_PLAN_RE = re.compile(rf"(?:^|\W)[وف]?{_alt(_words('past_plan_words'))}\s*$")
_RELATIVE_RE = re.compile(rf"(?:^|\W){_alt(_words('relative_pronouns'))}(?!\w)")
_CLAUSE_BREAK_RE = re.compile(r"[.!?\n,;]")


def _mark_future(folded: str, start: int, groups: dict) -> None:
    """Flag a match whose clause so far speaks of what is planned (من المقرر، سوف، يعتزم, a verb
    in the future سيزور، ستعقد), unless the plan is told as past (كان من المقرر) or the date sits
    in a relative clause after it (ينتظر أن يعلن نتائج التحقيق الذي بدأ الأربعاء)."""
    window = folded[max(0, start - 60):start]
    breaks = [m.end() for m in _CLAUSE_BREAK_RE.finditer(window)]
    clause = window[breaks[-1]:] if breaks else window
    cues = list(_FUTURE_RE.finditer(clause))
    if not cues:
        return
    cue = cues[-1]
    if _PAST_PLAN_RE.search(clause, 0, cue.start() + 1) or _RELATIVE_RE.search(clause, cue.end()):
        return
    groups["future"] = "1"


def _non_overlapping(candidates: list[_Candidate]) -> list[_Candidate]:
    """Longest first, then format order; in text order."""
    taken: list[_Candidate] = []
    for cand in sorted(candidates, key=lambda c: (c.start - c.end, c.order, c.start)):
        if not any(cand.start < t.end and t.start < cand.end for t in taken):
            taken.append(cand)
    return sorted(taken, key=lambda c: c.start)


_RANGE_GAP = re.compile(rf"\s*{_alt(_words('range_links'))}\s*")
_BORROWERS = frozenset(i for i, fmt in enumerate(FORMATS) if fmt.name in ("day_month", "month"))


def _borrow_range_years(chosen: list[_Candidate], folded: str) -> None:
    """31 مارس إلى 1 أبريل 2025: the first end of a range takes the year of the second."""
    for cand, nxt in zip(chosen, chosen[1:], strict=False):
        yearless = cand.order in _BORROWERS and not (_TAIL_KEYS & cand.groups.keys())
        if yearless and "y" in nxt.groups and _RANGE_GAP.fullmatch(folded, cand.end, nxt.start):
            cand.groups["range_y"] = nxt.groups["y"]


def find_dates(doc) -> list[dict]:
    """Pipeline step: date mentions {start, end, text, value, precision, relative}."""
    chosen = _non_overlapping(_candidates(doc))
    _borrow_range_years(chosen, doc.folded)
    timeline = Timeline(doc.published)
    out = []
    for cand in chosen:
        ostart, oend = doc.span(cand.start, cand.end)
        timeline.sentence = doc.sentence_index(ostart)
        found = FORMATS[cand.order].resolve(timeline, cand.groups)
        if found is not None:
            timeline.saw(found)
            out.append({"start": ostart, "end": oend, "text": doc.text[ostart:oend],
                        "value": found.value, "precision": found.precision, "relative": found.relative})
    return out
