"""Each extraction step alone, on tables of cases (corpus quirks and genre sentences)."""

import pytest

from corpus.extract import Extractor
from corpus.extract.dates import find_dates
from corpus.extract.entities import resolve_entities
from corpus.extract.quotes import find_quotes
from corpus.extract.sentences import split_sentences
from corpus.loader import DEFAULT_DATA_DIR, collect


@pytest.fixture(scope="module")
def ex():
    corpus, _ = collect(DEFAULT_DATA_DIR)
    return Extractor.from_corpus(corpus)


# -- sentences ----------------------------------------------------------------------------
SENTENCE_CASES = [
    ("قال الوزير. ثم غادر.", ["قال الوزير.", "ثم غادر."]),
    # a stop typed before the year ("سبتمبر .2009"): the sentence ends after the year
    ("وقعت في سبتمبر .2009 واحتجت الجزائر.", ["وقعت في سبتمبر .2009", "واحتجت الجزائر."]),
    ("كامات .يذكر أن مالي", ["كامات .", "يذكر أن مالي"]),
    ("الإفريقي·وقد لامت الجزائر", ["الإفريقي·", "وقد لامت الجزائر"]),
    ("هل تنسحب؟ نعم", ["هل تنسحب؟", "نعم"]),
    ("سطر أول\nسطر ثان", ["سطر أول", "سطر ثان"]),
    ("بلغ 3.5 مليون.", ["بلغ 3.5 مليون."]),
]


@pytest.mark.parametrize("text,expected", SENTENCE_CASES)
def test_sentences(text, expected):
    assert [text[s:e] for s, e in split_sentences(text)] == expected


def test_quote_spanning_a_full_stop_is_one_sentence(ex):
    text = 'قال: "الحل مستحيل. لقد فشل." ثم غادر.'
    doc = ex.doc(text)
    assert any(text[s:e].startswith('قال: "الحل مستحيل. لقد فشل."') for s, e in doc.sentences)


# -- dates --------------------------------------------------------------------------------
DATE_CASES = [
    ("في 1 جانفي 2025 أصدرت", None, "1 جانفي 2025", "2025-01-01", "day", False),
    ("الموقعة في سبتمبر .2009 واحتجت", None, "سبتمبر .2009", "2009-09", "month", False),
    ("في أكتوبر عام ,2009 وجرى", None, "أكتوبر عام ,2009", "2009-10", "month", False),
    ("الموقع عام 2015.", None, "عام 2015", "2015", "year", False),
    ("في الجزائر سنة 2006 وفر", None, "سنة 2006", "2006", "year", False),
    ("مع بداية عام 2025 شهدت", None, "بداية عام 2025", "2025-01", "month", False),
    ("في 25 يناير 2024، أصبحت", None, "25 يناير 2024", "2024-01-25", "day", False),
    ("يوم 30 دجنبر، حول", "2025-01", "30 دجنبر", "2024-12-30", "day", False),
    ("كان في شتنبر خلال الدورة الـ79", "2025-01", "شتنبر", "2024-09", "month", False),
    ("أعلنت في شهر مارس المنقضي، أنها", "2010-12", "مارس المنقضي", "2010-03", "month", True),
    ("الموقع في الجزائر قبل سنتين بين", "2009", "قبل سنتين", "2007", "year", True),
    ("وصل أمس إلى باماكو", "2024-05-10", "أمس", "2024-05-09", "day", True),
    ("وصل أول أمس إلى باماكو", "2024-05-10", "أول أمس", "2024-05-08", "day", True),
    ("اجتمع اليوم الأحد في الجزائر", "2024-05-10", "اليوم الأحد", "2024-05-05", "day", True),
    ("زار يوم الخميس الماضي نيامي", "2024-05-10", "يوم الخميس الماضي", "2024-05-09", "day", True),
    ("في أوت الفارط أعلنت", "2023-10-02", "أوت الفارط", "2023-08", "month", True),
    ("خلال الشهر الماضي", "2023-10-02", "الشهر الماضي", "2023-09", "month", True),
    ("في 14 يوليوز 2013 بالرباط", None, "14 يوليوز 2013", "2013-07-14", "day", False),
    ("في 3 غشت 2021 أعلن", None, "3 غشت 2021", "2021-08-03", "day", False),
    ("بتاريخ 12 كانون الثاني 2013 بدأت", None, "12 كانون الثاني 2013", "2013-01-12", "day", False),
    ("في ١٢ نوفمبر ٢٠١٢ أكد", None, "١٢ نوفمبر ٢٠١٢", "2012-11-12", "day", False),
    ("في 5 أغسطس 2020 أطاح", None, "5 أغسطس 2020", "2020-08-05", "day", False),
    ("le 1er janvier 2025 à Bamako", None, "1er janvier 2025", "2025-01-01", "day", False),
    ("— Ministère (@MaliMaeci) January 1, 2025", None, "January 1, 2025", "2025-01-01", "day", False),
    ("اتفاق 2015 للسلام", None, "2015", "2015", "year", False),
    ("في 18/08/2020 أطاح الجيش", None, "18/08/2020", "2020-08-18", "day", False),
]


@pytest.mark.parametrize("text,published,surface,value,precision,relative", DATE_CASES)
def test_dates(ex, text, published, surface, value, precision, relative):
    found = find_dates(ex.doc(text, published))
    hits = [d for d in found if d["text"] == surface]
    assert hits, found
    d = hits[0]
    assert (d["value"], d["precision"], d["relative"]) == (value, precision, relative)
    assert text[d["start"]:d["end"]] == surface


NOT_DATES = [
    "تشهد المنطقة توترا منذ ست سنوات",
    "منذ عام تقريبا",
    "خلال الدورة الـ79 للجمعية العامة",
    "على الساعة 10:30 صباحا",
    "وضع قرابة ال 600 جندي السلاح",
    "طائرة بوينغ ,727 الغامضة",
    "مارس الضغط على الحكومة",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_dates(ex, text):
    assert find_dates(ex.doc(text, "2024-05-10")) == []


# -- places and actors --------------------------------------------------------------------
def _ents(ex, text, published=None):
    doc = ex.doc(text, published)
    places, actors = resolve_entities(doc, ex.lexicon)
    return ({(p["text"], p["place_id"]) for p in places}, {(a["text"], a["actor_id"]) for a in actors})


PLACE_CASES = [
    ("وصلت الدفعة الأولى إلى باماكو", ("باماكو", "bamako")),
    ("عقدت ندوة بباماكو حول السلم", ("باماكو", "bamako")),
    ("زيارة وزير الخارجية الفرنسي لباماكو", ("باماكو", "bamako")),
    ("اشتباكات في شمال مالي", ("شمال مالي", "northern-mali")),
    ("اتفاق الهدنة الموقع في الجزائر سنة 2006", ("الجزائر", "algiers")),
    ("وصل الوفد إلى الجزائر العاصمة", ("الجزائر العاصمة", "algiers")),
    ("الجماعات الإرهابية في الجزائر", ("الجزائر", "algeria")),
    ("في منطقة كيدال التي تعرف تمردا", ("كيدال", "kidal-region")),
    ("هاجم المسلحون وكيدال وغاو", ("كيدال", "kidal")),
    ("فر المسلحون إلى ليبيا", ("ليبيا", "libya")),  # "the national territory" phrase is no place (annotated sets)
    ("عبر الحدود الجزائرية المالية", ("الحدود الجزائرية المالية", "algeria-mali-border")),
    ("سحب سفيريهما من مالي", ("مالي", "mali")),
    ("هاجم مسلحون بلدة تيسيت الواقعة", ("تيسيت", "tessit")),
    ("هاجم مسلحون بلدة تامركوست الواقعة", ("تامركوست", None)),  # a name no gazetteer has
    ("في منطقة الساحل والصحراء", ("الصحراء", "sahara")),
]


@pytest.mark.parametrize("text,expected", PLACE_CASES)
def test_places(ex, text, expected):
    places, _ = _ents(ex, text)
    assert expected in places


NOT_PLACES = [
    ("وقعت على اتفاق الجزائر عام 2015", "الجزائر"),
    ("تنظيم القاعدة في بلاد المغرب الإسلامي", "المغرب"),
    ("أرسلت الجزائر مساعدات", "الجزائر"),
]


@pytest.mark.parametrize("text,surface", NOT_PLACES)
def test_not_places(ex, text, surface):
    places, _ = _ents(ex, text)
    assert all(t != surface for t, _ in places)


ACTOR_CASES = [
    ("أرسلت الجزائر مساعدات عسكرية", ("الجزائر", "DZA"), None),
    ("وكانت باماكو أقدمت على إطلاق سراح", ("باماكو", "MLI"), None),
    ("أعلنت الحكومة المالية الإنهاء الفوري", ("الحكومة المالية", "MLI-GOV"), None),
    ("ونددت الخارجية الجزائرية بالقرار", ("الخارجية الجزائرية", "DZA-MFA"), None),
    ("ومساعدة الجيش المالي على فرض الأمن", ("الجيش المالي", "MLI-ARMY"), None),
    ("جدد وزير الخارجية الجزائري أحمد عطاف تأكيد", ("أحمد عطاف", "ahmed-attaf"), None),
    ("قال الرئيس المالي إن بلاده", ("الرئيس المالي", "amadou-toumani-toure"), "2010-03"),
    ("قال الرئيس المالي إن بلاده", ("الرئيس المالي", "assimi-goita"), "2024-06"),
    ("استقبل الرئيس الجزائري عبد المجيد تبون نظيره", ("عبد المجيد تبون", "abdelmadjid-tebboune"), None),
    ("مصادر أمنية مالية", ("مالية", "MLI"), None),
    ("بوساطة جزائرية", ("جزائرية", "DZA"), None),
    ("هاجمت جماعة نصرة الإسلام والمسلمين قاعدة", ("جماعة نصرة الإسلام والمسلمين", "JNIM"), None),
    ("أعلنت الحركة الوطنية لتحرير أزواد", ("الحركة الوطنية لتحرير أزواد", "MNLA"), None),
    ("وصلت قوات فاغنر إلى كيدال", ("قوات فاغنر", "WAGNER"), None),
    ("انسحاب بعثة مينوسما من مالي", ("مينوسما", "MINUSMA"), None),
    ("أدانت المجموعة الاقتصادية لدول غرب إفريقيا الانقلاب", ("المجموعة الاقتصادية لدول غرب إفريقيا", "ECOWAS"), None),
    ("مشاركة كل من التشاد وليبيا", ("التشاد", "TCD"), None),
    ("التصرف غير الودي للحكومة المالية", ("لحكومة المالية", "MLI-GOV"), None),
]


@pytest.mark.parametrize("text,expected,published", ACTOR_CASES)
def test_actors(ex, text, expected, published):
    _, actors = _ents(ex, text, published)
    assert expected in actors


def test_unknown_person_after_title(ex):
    _, actors = _ents(ex, "وقال وزير الخارجية النيجري باكاري ياو سنغاري إن بلاده")
    persons = [a for a in actors if a[1] and a[1].islower()]
    assert persons and persons[0][0].startswith("باكاري")


def test_financial_mali_is_not_mali(ex):
    _, actors = _ents(ex, "قدمت فرنسا مساعدات مالية للبلاد")
    assert ("مالية", "MLI") not in actors


def test_generic_nouns_resolve_to_the_last_actor(ex):
    _, actors = _ents(ex, "أصدرت وزارة الخارجية المالية بيانا. وأضافت الوزارة أن الجزائر تتدخل.")
    assert ("الوزارة", "MLI-MFA") in actors


# -- quotes -------------------------------------------------------------------------------
def _quotes(ex, text, published=None):
    doc = ex.doc(text, published)
    places, actors = resolve_entities(doc, ex.lexicon)
    return find_quotes(doc, ex.lexicon, actors, places)


QUOTE_CASES = [
    ('قال وزير الخارجية الجزائري أحمد عطاف: "الحل العسكري مستحيل في الساحل." ثم غادر.',
     "الحل العسكري مستحيل في الساحل.", "direct", "ahmed-attaf"),
    ("ودعا البيان الجزائر إلى “التركيز على حل أزماتها وتناقضاتها الداخلية، بما في ذلك مسألة القبائل”، منددا",
     "التركيز على حل أزماتها وتناقضاتها الداخلية، بما في ذلك مسألة القبائل", None, None),
    ("وصفت الحكومة المالية الخطوة ب''المشكلة''، حيث", "المشكلة", "fragment", "MLI-GOV"),
    ("أكد الوزير المغربي أن «المملكة لن تتراجع عن موقفها الثابت من القضية» أمس.",
     "المملكة لن تتراجع عن موقفها الثابت من القضية", "direct", None),
    ("وأدانت الجزائر بشدة ''التصرف غير الودي للحكومة المالية. واحتجت نواكشوط",
     "التصرف غير الودي للحكومة المالية", None, "DZA"),
    ("وقال الرئيس المالي إن مالي تسعى حاليا لتعزيز السلم من خلال التنمية.",
     "مالي تسعى حاليا لتعزيز السلم من خلال التنمية", "reported", "assimi-goita"),
    ("وتزعم الجزائر أنها تدافع عن الحل السياسي، في حين تتهم مالي الجزائر بالتدخل.",
     "تدافع عن الحل السياسي", "reported", "DZA"),
    ("وأكد في تصريح للصحافة أن بلاده لن تتخلى عن دورها، موضحا أن الحوار هو الحل الوحيد.",
     "بلاده لن تتخلى عن دورها", "reported", None),
    ("أصدرت وزارة الخارجية المالية بيانا اتهمت فيه الجزائر بـ”التواطؤ” مع الجماعات الإرهابية.",
     "التواطؤ", "fragment", "MLI-MFA"),
    # genre cases for the speaker: the source after "نقلا عن" speaks, not the relaying agency;
    # "تنقل" (carry) is no speech verb; an actor before "إلى" after دعت is the object;
    # "دعا البيان المالي" is the Malian institution that issued the statement
    ("حسب برقية لوكالة الأنباء الفرنسية نقلا عن مصادر في الجيش المالي فإن الجزائر أرسلت مساعدات "
     "لطائرات جزائرية تنقل هذه المساعدات، ووصف المصدر نفسه المساعدات ب\"الهامة\" أمس.",
     "الهامة", "fragment", "MLI-ARMY"),
    ("حسب برقية لوكالة الأنباء الفرنسية نقلا عن مصادر في الجيش المالي فإن الجزائر أرسلت مساعدات عسكرية للجيش المالي.",
     "الجزائر أرسلت مساعدات عسكرية للجيش المالي", "reported", "MLI-ARMY"),
    ('أصدرت وزارة الخارجية المالية بيانا. وأضافت الوزارة في بيانها: "مالي لا تقبل دروسا من الجزائر." كما دعت الجزائر إلى "التوقف عن التدخل."',
     "التوقف عن التدخل.", None, "MLI-MFA"),
    ("أصدرت وزارة الخارجية المالية بيانا. ورحبت السلطات الجزائرية بالحوار. ودعا البيان المالي "
     "الجزائر إلى “التركيز على حل أزماتها الداخلية”، منددا", "التركيز على حل أزماتها الداخلية", None, "MLI-MFA"),
]


@pytest.mark.parametrize("text,quoted,kind,speaker", QUOTE_CASES)
def test_quotes(ex, text, quoted, kind, speaker):
    qs = _quotes(ex, text, "2025-01")
    hit = [q for q in qs if q["text"] == quoted]
    assert hit, qs
    q = hit[0]
    assert text[q["start"]:q["end"]] == quoted
    if kind:
        assert q["kind"] == kind
    if speaker:
        assert q["speaker"] and q["speaker"]["actor_id"] == speaker


def test_scare_quotes_are_not_quotes(ex):
    qs = _quotes(ex, "نشرها موقع ''ويكيليكس'' المثير للجدل")
    assert qs == []


# -- events -------------------------------------------------------------------------------
EVENT_CASES = [
    ("استدعت الجزائر سفيرها في باماكو للتشاور.", "SANCTION", "DZA"),
    ("أدانت الجزائر بشدة التصرف غير الودي للحكومة المالية.", "DISAPPROVE", "DZA"),
    ("أعلنت الحكومة المالية الإنهاء الفوري لاتفاق السلام والمصالحة.", "REJECT", "MLI"),
    ("أرسلت الجزائر دفعة من مساعدات عسكرية إلى مالي.", "AID", "DZA"),
    # an attack on a military target (a drone) is FIGHT; a state body acts for its state
    ("أعلن الجيش الجزائري إسقاط طائرة مسيرة مالية قرب تين زواتين.", "FIGHT", "DZA"),
]


@pytest.mark.parametrize("text,etype,actor1", EVENT_CASES)
def test_events(ex, text, etype, actor1):
    out = ex.extract(text, "2025-04-01")
    hits = [e for e in out["events"] if e["type"] == etype]
    assert hits, out["events"]
    assert hits[0]["actor1"] == actor1
    ev = hits[0]["evidence"]
    assert 0 <= ev["start"] < ev["end"] <= len(text)


# -- genre: datelines, agency credits, pan-Arab and Maghrebi styles ---------------------------
GENRE = (
    "الجزائر - أكد وزير الشؤون الخارجية والجالية الوطنية بالخارج، رمطان لعمامرة، اليوم الأحد بالجزائر "
    "العاصمة، أن \"الحل في مالي لن يكون إلا سياسيا\"، مشيرا إلى أن الجزائر ستواصل دعمها لتنفيذ اتفاق السلم.\n"
    "باماكو (رويترز) - قال الجيش المالي يوم الثلاثاء إن مسلحين هاجموا قاعدة عسكرية قرب بلدة تيسيت في منطقة غاو.\n"
    "الرباط - أفادت وكالة المغرب العربي للأنباء بأن المملكة المغربية أدانت الهجوم الذي استهدف مدينة تمبكتو في 3 غشت 2021.\n"
    "استدعت وزارة الخارجية الجزائرية سفير مالي لديها، عقب إعلان باماكو إسقاط طائرة مسيرة في أول أبريل 2025.\n"
    "وفي 18 آب/أغسطس 2020، أطاح الجيش بالرئيس إبراهيم أبو بكر كيتا."
)


def test_genre_article(ex):
    out = ex.extract(GENRE, "2021-06-15")
    places = {(p["text"], p["place_id"]) for p in out["places"]}
    assert ("الجزائر", "algiers") in places  # a dateline
    assert ("باماكو", "bamako") in places and ("الرباط", "rabat") in places
    assert ("تيسيت", "tessit") in places and ("غاو", "gao-region") in places
    actors = {(a["text"], a["actor_id"]) for a in out["actors"]}
    assert ("رمطان لعمامرة", "ramtane-lamamra") in actors
    assert ("المملكة المغربية", "MAR") in actors
    assert not any(text == "رويترز" for text, _ in actors)  # the agency in a byline is the text's source, not an actor
    dates = {(d["text"], d["value"]) for d in out["dates"]}
    assert ("أول أبريل 2025", "2025-04-01") in dates
    assert ("18 آب/أغسطس 2020", "2020-08-18") in dates
    assert ("اليوم الأحد", "2021-06-13") in dates
    speakers = {q["text"]: q["speaker"]["actor_id"] for q in out["quotes"] if q["speaker"]}
    assert speakers["الحل في مالي لن يكون إلا سياسيا"] == "ramtane-lamamra"
    assert speakers["مسلحين هاجموا قاعدة عسكرية قرب بلدة تيسيت في منطقة غاو"] == "MLI-ARMY"
    types = {e["type"] for e in out["events"]}
    assert {"DISAPPROVE", "COERCE"} <= types  # summoning Mali's ambassador is a protest (DISAPPROVE)
    for kind in ("dates", "places", "actors", "quotes"):
        for m in out[kind]:
            assert GENRE[m["start"]:m["end"]] == m["text"]


# -- any text: spans always index the text as given ----------------------------------------
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_PIECES = ["الجزائر", "مالي", "باماكو", " ", "، ", ". ", "\n", "قال", "إن", "أن", '"', "''", "«", "»",
           "في", "وزير الخارجية", "المالي", "1 جانفي 2025", "أمس", "مارس الماضي", "عام 2015", "ـ",
           "\u064e", "٢٠١٢", "بمدينة", "كيدال", "للحكومة", "استدعت", "سفير", "x"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(_PIECES), max_size=40), st.sampled_from([None, "2010", "2024-05", "2025-01-02"]))
def test_spans_always_match_the_text(ex, pieces, published):
    text = "".join(pieces)
    out = ex.extract(text, published)
    for kind in ("dates", "places", "actors", "quotes"):
        for m in out[kind]:
            assert 0 <= m["start"] < m["end"] <= len(text)
            assert text[m["start"]:m["end"]] == m["text"]
    for e in out["events"]:
        assert 0 <= e["evidence"]["start"] < e["evidence"]["end"] <= len(text)


# -- text with no punctuation (issue 13, defect 3) -------------------------------------------------

def test_an_unpunctuated_text_is_cut_into_bounded_sentences(ex):
    from corpus.extract.sentences import MAX_SENTENCE_CHARS

    text = " ".join(["أعلنت", "الجزائر", "استدعاء", "سفيرها", "في", "باماكو", "للتشاور"] * 800)
    doc = ex.doc(text)
    assert len(doc.sentences) > 1
    assert all(e - s <= MAX_SENTENCE_CHARS for s, e in doc.sentences)
    covered = sum(e - s for s, e in doc.sentences) + len(doc.sentences) - 1
    assert covered == len(text)  # cut at spaces: nothing lost but the spaces between
    found = ex.extract(text)
    assert found["events"] and all(
        e["evidence"]["end"] - e["evidence"]["start"] <= MAX_SENTENCE_CHARS for e in found["events"])
