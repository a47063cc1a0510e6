"""corpus/export.py: provenance columns, CSV injection, GeoJSON areas for coarse precision."""

import csv
import io

from corpus import load_corpus
from corpus.export import (
    EVENT_CSV_COLUMNS,
    QUOTE_CSV_COLUMNS,
    events_csv,
    events_geojson,
    quotes_csv,
)
from corpus.query import Filters, build_index, run_query

CORPUS = load_corpus()
INDEX = build_index(CORPUS)
RESULT = run_query(INDEX, Filters())


def _rows(text):
    return list(csv.DictReader(io.StringIO(text)))


def test_events_csv_has_provenance_matching_the_article():
    rows = _rows(events_csv(RESULT.events, CORPUS))
    assert list(rows[0]) == list(EVENT_CSV_COLUMNS)
    assert len(rows) == len(RESULT.events)
    for row in rows:
        text = CORPUS.articles[row["article_id"]].text
        evidence = row["evidence_text"].removeprefix("'") if row["evidence_text"].startswith("'") else row["evidence_text"]
        assert text[int(row["span_start"]):int(row["span_end"])] == evidence


def test_quotes_csv_columns_and_count():
    rows = _rows(quotes_csv(RESULT.quotes, CORPUS))
    assert list(rows[0]) == list(QUOTE_CSV_COLUMNS)
    assert len(rows) == len(RESULT.quotes)


def test_csv_injection_is_neutralised():
    frame = RESULT.quotes.head(1).copy()
    frame["text"] = "=HYPERLINK(\"http://evil\")"
    row = _rows(quotes_csv(frame, CORPUS))[0]
    assert row["text"].startswith("'=")


def test_geojson_uses_area_for_coarse_events():
    calls = []

    def area_for(place_id, precision):
        calls.append((place_id, precision))
        return {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]}

    fc = events_geojson(RESULT.events, CORPUS, area_for)
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) == len(RESULT.events)
    for feature in fc["features"]:
        props = feature["properties"]
        if props["place_id"] and props["geo_precision"] in (4, 5, 6):
            assert feature["geometry"]["type"] == "Polygon"
        elif props["lat"] is not None and props["place_id"]:
            assert feature["geometry"]["type"] == "Point"
        assert props["evidence_text"] and props["article_id"]


def test_empty_frames():
    empty = RESULT.events.iloc[0:0]
    assert events_csv(empty, CORPUS).startswith("id,date")
    assert events_geojson(empty, CORPUS)["features"] == []
