"""A tiny valid data directory, written fresh for tests that break it on purpose."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

ARTICLE_TEXT = "أرسلت الجزائر مساعدات إلى باماكو في 5 جانفي 2009. وقال الوزير: «نحن مع مالي».\n"


def _span(needle: str) -> dict:
    start = ARTICLE_TEXT.index(needle)
    return {"start": start, "end": start + len(needle), "text": needle}


def write_jsonl(path: Path, rows: list[dict]) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def tiny_records() -> dict[str, list[dict]]:
    raw = ARTICLE_TEXT.encode("utf-8")
    return {
        "articles": [
            {"id": "t1", "file": "articles/t1.txt", "sha256": hashlib.sha256(raw).hexdigest(),
             "language": "ar", "title_ar": "مساعدات", "title_en": "Aid", "title_fr": "Aide",
             "outlet": None, "url": None, "published": "2009-01", "published_precision": 4,
             "published_inferred": True,
             "published_evidence": {**_span("5 جانفي 2009"), "note_en": "date in text"},
             "tags": ["aid"]},
        ],
        "actors": [
            {"id": "DZA", "kind": "state", "name_ar": "الجزائر", "name_en": "Algeria", "name_fr": "Algérie",
             "aliases_ar": ["الجزائري"], "aliases_lat": [], "affiliation": None},
            {"id": "MLI", "kind": "state", "name_ar": "مالي", "name_en": "Mali", "name_fr": "Mali"},
            {"id": "DZA-MFA", "kind": "state_body", "name_ar": "الخارجية الجزائرية",
             "name_en": "Algerian foreign ministry", "name_fr": "Ministère algérien des AE",
             "affiliation": "DZA"},
        ],
        "places": [
            {"id": "bamako", "kind": "capital", "name_ar": "باماكو", "name_en": "Bamako", "name_fr": "Bamako",
             "lat": 12.65, "lon": -8.0, "country": "MLI", "admin1": "Bamako", "geo_precision": 1},
            {"id": "mali", "kind": "country", "name_ar": "مالي", "name_en": "Mali", "name_fr": "Mali",
             "lat": 17.0, "lon": -4.0, "country": "MLI", "geo_precision": 6},
        ],
        "events": [
            {"id": "e1", "article_id": "t1", **_span("أرسلت الجزائر مساعدات إلى باماكو"),
             "date": "2009-01-05", "date_precision": 1, "event_type": "AID", "actor1": "DZA",
             "actor2": "MLI", "place_id": "bamako", "geo_precision": 1, "summary_en": "Algeria sends aid",
             "summary_ar": "الجزائر ترسل مساعدات", "origin": "curated", "status": "accepted"},
        ],
        "quotes": [
            {"id": "q1", "article_id": "t1", **_span("نحن مع مالي"), "speaker": "DZA-MFA", "language": "ar",
             "kind": "direct", "date": "2009-01-05", "date_precision": 1, "event_id": "e1"},
        ],
        "mentions": [
            {"article_id": "t1", **_span("باماكو"), "kind": "place", "ref": "bamako"},
            {"article_id": "t1", **_span("الجزائر"), "kind": "actor", "ref": "DZA"},
            {"article_id": "t1", **_span("5 جانفي 2009"), "kind": "date", "ref": "2009-01-05"},
        ],
    }


def make_data_dir(root: Path, records: dict[str, list[dict]] | None = None) -> Path:
    records = records or tiny_records()
    (root / "articles").mkdir(parents=True)
    (root / "articles" / "t1.txt").write_bytes(ARTICLE_TEXT.encode("utf-8"))
    for name, rows in records.items():
        write_jsonl(root / f"{name}.jsonl", rows)
    return root
