"""The date step (corpus/extract/dates.py), one table per rule family, on sentences written for
these tests in the manner of Arabic news (Maghrebi and Mashreqi conventions)."""

import pytest

from corpus.extract.dates import FORMATS, MONTHS, find_dates
from corpus.extract.doc import make_doc
from corpus.extract.pipeline import sentencize
from corpus.extract.resources import load_json


def dates_in(text: str, published: str | None = None) -> list[dict]:
    doc = make_doc(text, published)
    sentencize(doc)
    found = find_dates(doc)
    for d in found:
        assert text[d["start"]:d["end"]] == d["text"]
    return found


def values(text: str, published: str | None = None) -> list[tuple[str, str | None]]:
    return [(d["text"], d["value"]) for d in dates_in(text, published)]


def check(text, published, expected):
    assert values(text, published) == expected


# -- month names of every convention, and paired names -------------------------------------
@pytest.mark.parametrize("text,expected", [
    ("أعلنت الوزارة في 9 جويلية 2014 عن خطة", [("9 جويلية 2014", "2014-07-09")]),
    ("تم التوقيع في 4 غشت 2016 بالرباط", [("4 غشت 2016", "2016-08-04")]),
    ("انعقد الاجتماع في 17 تشرين الأول 2011 في دمشق", [("17 تشرين الأول 2011", "2011-10-17")]),
    ("وفي فيفري 2019 خرجت المسيرات", [("فيفري 2019", "2019-02")]),
    ("وصل الوفد في أيلول/سبتمبر 2012 إلى نيامي", [("أيلول/سبتمبر 2012", "2012-09")]),
    ("وقع الانقلاب في 22 آذار (مارس) 2012 بباماكو", [("22 آذار (مارس) 2012", "2012-03-22")]),
    ("le 3 février 2021 à Niamey", [("3 février 2021", "2021-02-03")]),
    ("signed on March 4, 2013 in Ouagadougou", [("March 4, 2013", "2013-03-04")]),
])
def test_month_conventions(text, expected):
    check(text, None, expected)


def test_every_month_spelling_in_the_lexicon_is_read():
    for number, names in load_json("dates.json")["months"].items():
        for name in names:
            found = values(f"جرى ذلك في 5 {name} 2010 بالعاصمة")
            assert found and found[0][1] == f"2010-{int(number):02d}-05", (name, found)
    assert len(set(MONTHS.values())) == 12


# -- a month with its year in words, or a relative word ------------------------------------
@pytest.mark.parametrize("text,published,expected", [
    ("اندلعت المعارك في مايو/أيار العام الماضي قرب غاو", "2016-03-02", [("مايو/أيار العام الماضي", "2015-05")]),
    ("ستجري الانتخابات في فبراير من العام المقبل", "2016-03-02", [("فبراير من العام المقبل", "2017-02")]),
    ("وصلت القوات في يناير من هذا العام", "2016-03-02", [("يناير من هذا العام", "2016-01")]),
    ("نشرت البعثة في مارس 2013 ثم انسحبت في ديسمبر من العام نفسه",
     "2020-01-01", [("مارس 2013", "2013-03"), ("ديسمبر من العام نفسه", "2013-12")]),
    ("أفرج عن الرهائن في نوفمبر الفارط", "2016-03-02", [("نوفمبر الفارط", "2015-11")]),
    ("عقد اللقاء في يناير المنصرم", "2016-03-02", [("يناير المنصرم", "2016-01")]),
    ("تنتهي المهلة في جوان المقبل", "2016-03-02", [("جوان المقبل", "2016-06")]),
    ("منذ أكتوبر/تشرين الأول الماضي تتواصل المفاوضات", "2016-03-02", [("أكتوبر/تشرين الأول الماضي", "2015-10")]),
])
def test_month_with_year_in_words(text, published, expected):
    check(text, published, expected)


# -- a day and a month with a relative word ------------------------------------------------
@pytest.mark.parametrize("text,published,expected", [
    ("أطلق سراحهم في 9 مارس الماضي", "2016-03-20", [("9 مارس الماضي", "2016-03-09")]),
    ("أطلق سراحهم في 28 مارس الماضي", "2016-03-20", [("28 مارس الماضي", "2015-03-28")]),
    ("يلتقي الطرفان يوم 3 جانفي المقبل", "2016-12-20", [("3 جانفي المقبل", "2017-01-03")]),
    ("وفي 12 أغسطس/آب الماضي هاجم المسلحون الثكنة", "2016-09-01", [("12 أغسطس/آب الماضي", "2016-08-12")]),
    ("وقال المتحدث في 14 من الشهر الجاري إن الهدنة صامدة", "2016-09-20", [("14 من الشهر الجاري", "2016-09-14")]),
])
def test_day_month_with_relative_word(text, published, expected):
    check(text, published, expected)


# -- the year of a yearless day-month or month ---------------------------------------------
@pytest.mark.parametrize("text,published,expected", [
    # a dated expression earlier in the sentence gives the year
    ("وقع الطرفان الاتفاق في 2 يونيو 2011 ثم نقضاه في 30 سبتمبر", "2019-05-05",
     [("2 يونيو 2011", "2011-06-02"), ("30 سبتمبر", "2011-09-30")]),
    # … but not across a sentence break: the publication rules then
    ("وقع الطرفان الاتفاق في 2 يونيو 2011. وفي 30 أبريل عاد التوتر", "2019-05-05",
     [("2 يونيو 2011", "2011-06-02"), ("30 أبريل", "2019-04-30")]),
    # the first end of a range takes the year of the second
    ("امتدت المناورات من 29 ديسمبر إلى 4 يناير 2018", "2019-05-05",
     [("29 ديسمبر", "2018-12-29"), ("4 يناير 2018", "2018-01-04")]),
    # the latest year that does not put the month after publication; the same month is this year
    ("أعلن عن الخطة يوم 11 نوفمبر", "2019-05-05", [("11 نوفمبر", "2018-11-11")]),
    ("تنتهي العهدة يوم 28 ماي", "2019-05-05", [("28 ماي", "2019-05-28")]),
    ("وقع الهجوم في شتنبر", "2019-05-05", [("شتنبر", "2018-09")]),
    # without a publication date: the last year written
    ("بدأت الأزمة عام 2012، واشتدت في 6 أبريل", None, [("عام 2012", "2012"), ("6 أبريل", "2012-04-06")]),
])
def test_year_of_a_yearless_date(text, published, expected):
    check(text, published, expected)


@pytest.mark.parametrize("text,expected", [
    # 2014-03-13 is a Thursday; a clause about what is planned looks forward
    ("ومن المقرر أن يصل الوزير إلى نيامي السبت، في حين وصل نظيره الثلاثاء",
     [("السبت", "2014-03-15"), ("الثلاثاء", "2014-03-11")]),
    ("ويعتزم الرئيس زيارة نواكشوط في 9 يونيو. وكان قد زار داكار في 9 يونيو", [("9 يونيو", "2014-06-09"), ("9 يونيو", "2013-06-09")]),
])
def test_planned_acts_look_forward(text, expected):
    check(text, "2014-03-13", expected)


# -- weekdays ------------------------------------------------------------------------------
# 2016-03-10 is a Thursday
@pytest.mark.parametrize("text,expected", [
    ("سيطر المسلحون الثلاثاء على البلدة", [("الثلاثاء", "2016-03-08")]),
    ("وصل الوزير إلى نيامي الخميس في زيارة", [("الخميس", "2016-03-10")]),
    ("أعلن الجيش مساء السبت حظر التجول", [("السبت", "2016-03-05")]),
    ("التقى الرئيسان يوم الخميس الماضي", [("يوم الخميس الماضي", "2016-03-03")]),
    ("وتعقد القمة الأحد المقبل", [("الأحد المقبل", "2016-03-13")]),
    ("قالت الوزارة أمس الأربعاء إن", [("أمس الأربعاء", "2016-03-09")]),
    ("يصل غدا الجمعة إلى الجزائر", [("غدا الجمعة", "2016-03-11")]),
    ("ووصل مساء الاثنين 7 مارس 2016 إلى تمنراست", [("الاثنين 7 مارس 2016", "2016-03-07")]),
])
def test_weekdays(text, expected):
    check(text, "2016-03-10", expected)


@pytest.mark.parametrize("text", [
    "أدى المصلون صلاة الجمعة في المسجد الكبير",
    "اتفق البلدين الاثنين على فتح المعبر",
    "وصل الأحد عشر لاعبا إلى الملعب",
    "يجتمع المجلس كل خميس",
])
def test_weekday_words_that_are_not_days(text):
    assert values(text, "2016-03-10") == []


# -- days named from publication -----------------------------------------------------------
@pytest.mark.parametrize("text,published,expected", [
    ("افتتح الوزير اليوم المعرض الدولي", "2016-03-10", [("اليوم", "2016-03-10")]),
    ("وصلت القافلة أمس إلى كيدال", "2016-03-01", [("أمس", "2016-02-29")]),
    ("غادر الوفد أول أمس", "2016-03-10", [("أول أمس", "2016-03-08")]),
    ("انفجرت عبوة الليلة الماضية قرب غاو", "2016-03-10", [("الليلة الماضية", "2016-03-09")]),
    ("يلتقي الطرفان غدا في الجزائر", "2016-03-10", [("غدا", "2016-03-11")]),
    ("وغدا الوضع أكثر تعقيدا بعد أن يصل الوفد غدا", "2016-03-10", [("غدا", "2016-03-11")]),
    ("وصل الوفد في الـ7 من مارس الجاري", "2016-03-10", [("7 من مارس الجاري", "2016-03-07")]),
    # never more precise than the publication date
    ("وصلت القافلة أمس إلى كيدال", "2016-03", [("أمس", "2016-03")]),
])
def test_days_from_publication(text, published, expected):
    check(text, published, expected)


@pytest.mark.parametrize("text", [
    "وفي اليوم التالي عاد الهدوء",
    "بمناسبة اليوم العالمي للاجئين",
    "لم يتوقف القتال حتى اليوم",
])
def test_today_word_that_is_not_today(text):
    assert values(text, "2016-03-10") == []


# -- months and years named from publication -----------------------------------------------
@pytest.mark.parametrize("text,expected", [
    ("ارتفع عدد النازحين الشهر الماضي", [("الشهر الماضي", "2016-02")]),
    ("ستنظم الانتخابات العام المقبل", [("العام المقبل", "2017")]),
    ("وقعت ثلاث هجمات هذا العام", [("هذا العام", "2016")]),
    ("تضاعفت الهجمات منذ بداية العام", [("بداية العام", "2016-01")]),
    ("انسحبت القوات نهاية العام الماضي", [("نهاية العام الماضي", "2015-12")]),
    ("اتفق الطرفان في مطلع الشهر الجاري", [("مطلع الشهر الجاري", "2016-03")]),
    ("وقع الهجوم قبل سنتين", [("قبل سنتين", "2014")]),
    ("وقع الهجوم قبل ثلاثة أشهر", [("قبل ثلاثة أشهر", "2015-12")]),
    ("وقع الهجوم قبل أسبوعين", [("قبل أسبوعين", "2016-02-25")]),
])
def test_periods_from_publication(text, expected):
    check(text, "2016-03-10", expected)


# -- years ---------------------------------------------------------------------------------
@pytest.mark.parametrize("text,expected", [
    ("انتخب رئيسا للبلاد عام 2013", [("عام 2013", "2013")]),
    ("حتى نهاية 2014 بقيت القوات", [("نهاية 2014", "2014-12")]),
    ("بموجب اتفاق 2015 للسلام", [("2015", "2015")]),
    ("في عامي 2012 و2013 سيطرت الجماعات على الشمال", [("2012", "2012"), ("2013", "2013")]),
    ("وقع ذلك سنة 1994م في باماكو", [("سنة 1994", "1994")]),
    ("في ١٧ يناير ٢٠١٢ هاجم المتمردون ميناكا", [("١٧ يناير ٢٠١٢", "2012-01-17")]),
    ("في 2014/03/08 صدر البيان، وفي 18/08/2020 وقع الانقلاب",
     [("2014/03/08", "2014-03-08"), ("18/08/2020", "2020-08-18")]),
    ("في الفاتح من نوفمبر 1954 اندلعت الثورة", [("الفاتح من نوفمبر 1954", "1954-11-01")]),
])
def test_years(text, expected):
    check(text, "2016-03-10", expected)


# -- not dates -----------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "عبر أكثر من 2000 لاجئ الحدود",
    "فر نحو 1500 من السكان",
    "صوت المجلس على القرار 2100",
    "نشرت الوزارة 2013 جنديا في الشمال",
    "تعيش المنطقة أزمة منذ ست سنوات",
    "وقع الانفجار على الساعة 10:30",
    "خلال الدورة الـ25 للمجلس",
    "مارس الجيش ضغوطا على المتمردين",
    "تقاتل حركة 23 مارس في شرق الكونغو",
    "زار المنطقة قبل أيام",
    "يهتم الرأي العام بالقضية",
])
def test_not_dates(text):
    assert values(text, "2016-03-10") == []


def test_every_format_has_a_name_a_start_and_a_resolver():
    names = [fmt.name for fmt in FORMATS]
    assert len(names) == len(set(names))
    assert all(fmt.starts and callable(fmt.resolve) for fmt in FORMATS)


def test_relative_flag_and_precision():
    found = dates_in("وصل أمس، وكان قد زار المدينة في 4 أبريل 2015", "2016-03-10")
    assert [(d["relative"], d["precision"]) for d in found] == [(True, "day"), (False, "day")]
