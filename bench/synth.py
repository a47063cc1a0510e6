"""A synthetic corpus for benchmarks and development (never shipped, never in data/).

    python -m bench.synth OUT_DIR --events 100000

Valid under corpus.loader: real spans into generated article texts, every reference known.
Places are the repository's gazetteer when it exists (so geo.area_for finds them).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import shutil
from pathlib import Path

from corpus import plover

REPO = Path(__file__).resolve().parent.parent
ACTORS = [
    ("DZA", "state", "الجزائر", "Algeria", "Algérie", None),
    ("MLI", "state", "مالي", "Mali", "Mali", None),
    ("MRT", "state", "موريتانيا", "Mauritania", "Mauritanie", None),
    ("NER", "state", "النيجر", "Niger", "Niger", None),
    ("FRA", "state", "فرنسا", "France", "France", None),
    ("DZA-MFA", "state_body", "الخارجية الجزائرية", "Algerian foreign ministry", "Ministère algérien des affaires étrangères", "DZA"),
    ("MLI-MFA", "state_body", "الخارجية المالية", "Malian foreign ministry", "Ministère malien des affaires étrangères", "MLI"),
    ("AQIM", "armed_group", "القاعدة في بلاد المغرب الإسلامي", "AQIM", "AQMI", None),
    ("ahmed-attaf", "person", "أحمد عطاف", "Ahmed Attaf", "Ahmed Attaf", "DZA"),
    ("abdoulaye-diop", "person", "عبد الله ديوب", "Abdoulaye Diop", "Abdoulaye Diop", "MLI"),
]
PLACES = [
    ("algiers", "capital", "الجزائر العاصمة", "Algiers", "Alger", 36.75, 3.06, "DZA", 1),
    ("bamako", "capital", "باماكو", "Bamako", "Bamako", 12.65, -8.0, "MLI", 1),
    ("kidal", "town", "كيدال", "Kidal", "Kidal", 18.44, 1.41, "MLI", 1),
    ("kidal-region", "region", "منطقة كيدال", "Kidal region", "Région de Kidal", 19.5, 1.5, "MLI", 4),
    ("tamanrasset", "town", "تمنراست", "Tamanrasset", "Tamanrasset", 22.78, 5.52, "DZA", 1),
    ("northern-mali", "natural_area", "شمال مالي", "Northern Mali", "Nord du Mali", 19.0, -1.0, None, 5),
]
TEMPLATES = [
    "أعلنت {a} عن موقف جديد تجاه {b} في {p} خلال اجتماع رقم {n}.",
    "استقبلت {a} وفدا من {b} في {p} في إطار اللقاء {n}.",
]
QUOTES_AR = "نحن ملتزمون بالحوار مع جيراننا رقم {n}"
QUOTES_FR = "Nous restons attachés au dialogue, déclaration {n}"


def _places(out: Path) -> list[str]:
    real = REPO / "data" / "places.jsonl"
    if real.exists():
        try:
            ids = [json.loads(line)["id"] for line in real.read_text(encoding="utf-8").splitlines() if line.strip()]
            shutil.copyfile(real, out / "places.jsonl")
            return ids
        except (ValueError, KeyError):
            pass
    with open(out / "places.jsonl", "w", encoding="utf-8") as fh:
        for pid, kind, ar, en, fr, lat, lon, country, prec in PLACES:
            fh.write(json.dumps({"id": pid, "kind": kind, "name_ar": ar, "name_en": en, "name_fr": fr,
                                 "lat": lat, "lon": lon, "country": country, "admin1": None,
                                 "geonames_id": None, "geo_precision": prec, "coord_source": "manual",
                                 "variants_ar": [], "variants_lat": [], "note": "synthetic"}, ensure_ascii=False) + "\n")
    return [p[0] for p in PLACES]


def make_corpus(out: Path, n_events: int, seed: int = 7, per_article: int = 100) -> Path:
    out = Path(out)
    (out / "articles").mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    place_ids = _places(out)
    place_prec = {}
    for line in (out / "places.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            place_prec[rec["id"]] = rec.get("geo_precision", 1)
    with open(out / "actors.jsonl", "w", encoding="utf-8") as fh:
        for aid, kind, ar, en, fr, aff in ACTORS:
            fh.write(json.dumps({"id": aid, "kind": kind, "name_ar": ar, "name_en": en, "name_fr": fr,
                                 "aliases_ar": [], "aliases_lat": [], "affiliation": aff,
                                 "role_en": None, "role_ar": None, "role_fr": None,
                                 "role_start": None, "role_end": None}, ensure_ascii=False) + "\n")
    actor_ids = [a[0] for a in ACTORS]
    speakers = [a for a in actor_ids if a not in ("AQIM",)]
    types = list(plover.EVENT_TYPES)
    n_articles = max(1, -(-n_events // per_article))
    arts, evs, qts, mns = [], [], [], []
    ev_no = 0
    for a_no in range(n_articles):
        aid = f"syn_{a_no:06d}"
        year = 2008 + (a_no * 17) % 18
        parts: list[str] = []
        pos = 0
        count = min(per_article, n_events - ev_no)
        for _ in range(count):
            a1, a2 = rng.sample(actor_ids, 2)
            place = rng.choice(place_ids)
            sentence = TEMPLATES[ev_no % 2].format(a=ACTORS[actor_ids.index(a1)][2], b=ACTORS[actor_ids.index(a2)][2], p="المكان", n=ev_no)
            start = pos
            parts.append(sentence + "\n")
            pos += len(sentence) + 1
            month, day = rng.randint(1, 12), rng.randint(1, 28)
            prec = rng.choice((1, 1, 1, 4, 5))
            date = {1: f"{year}-{month:02d}-{day:02d}", 4: f"{year}-{month:02d}", 5: f"{year}"}[prec]
            etype = rng.choice(types)
            evs.append({"id": f"ev-{ev_no:07d}", "article_id": aid, "start": start, "end": start + len(sentence),
                        "text": sentence, "date": date, "date_precision": prec, "date_inferred": False,
                        "date_note": None, "event_type": etype, "actor1": a1, "actor2": a2,
                        "place_id": place, "geo_precision": place_prec.get(place, 1),
                        "summary_en": f"Synthetic event {ev_no}: {etype.lower()}",
                        "summary_ar": f"حدث تجريبي {ev_no}" if ev_no % 3 else None,
                        "summary_fr": f"Événement synthétique {ev_no}" if ev_no % 2 else None,
                        "origin": "curated", "status": "accepted"})
            mstart = start + sentence.index("المكان")
            mns.append({"article_id": aid, "start": mstart, "end": mstart + 6, "text": "المكان",
                        "kind": "place", "ref": place})
            if ev_no % 5 == 0:
                fr = ev_no % 10 == 0
                qtext = (QUOTES_FR if fr else QUOTES_AR).format(n=ev_no)
                line = ("« " if fr else "“") + qtext + (" »" if fr else "”") + "\n"
                qstart = pos + 2 if fr else pos + 1
                parts.append(line)
                pos += len(line)
                qts.append({"id": f"q-{ev_no:07d}", "article_id": aid, "start": qstart, "end": qstart + len(qtext),
                            "text": qtext, "speaker": rng.choice(speakers), "language": "fr" if fr else "ar",
                            "kind": "direct", "date": date, "date_precision": prec, "event_id": f"ev-{ev_no:07d}",
                            "origin": "curated", "status": "accepted"})
            ev_no += 1
        text = "".join(parts)
        raw = text.encode("utf-8")
        (out / "articles" / f"{aid}.txt").write_bytes(raw)
        arts.append({"id": aid, "file": f"articles/{aid}.txt", "sha256": hashlib.sha256(raw).hexdigest(),
                     "language": "ar", "title_ar": f"مقال تجريبي {a_no}", "title_en": f"Synthetic article {a_no}",
                     "title_fr": None, "outlet": "synthetic", "url": None, "published": str(year),
                     "published_precision": 5, "published_inferred": False, "published_evidence": None, "tags": []})
    for name, rows in (("articles", arts), ("events", evs), ("quotes", qts), ("mentions", mns)):
        with open(out / f"{name}.jsonl", "w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--events", type=int, default=1000)
    args = parser.parse_args(argv)
    make_corpus(args.out, args.events)
    print(args.out)


if __name__ == "__main__":
    main()
