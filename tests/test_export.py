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
    """Rows as a spreadsheet reads the downloaded bytes (UTF-8 with its byte-order mark)."""
    assert text.startswith("\ufeff"), "Excel needs the BOM to read Arabic as UTF-8"
    return list(csv.DictReader(io.StringIO(text.encode("utf-8").decode("utf-8-sig"))))


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


def test_quotes_csv_carries_the_glosses_after_the_text():
    columns = list(QUOTE_CSV_COLUMNS)
    assert columns[columns.index("text") + 1:columns.index("text") + 4] == ["gloss_en", "gloss_fr", "gloss_ar"]
    for kept in ("id", "speaker", "language", "kind", "text", "article_id", "span_start", "span_end", "evidence_text"):
        assert kept in columns
    rows = {row["id"]: row for row in _rows(quotes_csv(RESULT.quotes, CORPUS))}
    for quote in CORPUS.quotes.values():
        row = rows[quote.id]
        assert (row["gloss_en"], row["gloss_fr"], row["gloss_ar"]) == (
            quote.gloss_en or "", quote.gloss_fr or "", quote.gloss_ar or "")
    assert rows["q-003-05"]["gloss_ar"] and not rows["q-003-05"]["gloss_fr"]  # the French quote


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
    assert events_csv(empty, CORPUS).startswith("\ufeffid,date")
    assert events_geojson(empty, CORPUS)["features"] == []


def _blank_none(value):
    return None if isinstance(value, float) and value != value else value


def test_every_row_names_its_outlet_url_and_whether_its_date_is_an_estimate():
    import pandas as pd

    events = pd.read_csv(io.BytesIO(events_csv(RESULT.events, CORPUS).encode("utf-8")))
    quotes = pd.read_csv(io.BytesIO(quotes_csv(RESULT.quotes, CORPUS).encode("utf-8")))
    for frame in (events, quotes):
        assert frame.columns[0] == "id"  # pandas strips the BOM itself
        for row in frame.to_dict("records"):
            article = CORPUS.articles[row["article_id"]]
            assert _blank_none(row["article_outlet"]) == article.outlet and _blank_none(row["article_url"]) == article.url
            assert row["article_title"] == article.title(article.language)  # the original, not our translation
    inferred = {e.id for e in CORPUS.events.values() if e.date_inferred}
    assert set(events.loc[events["date_estimated"], "id"]) == inferred & set(events["id"])
    assert events.loc[events["date_estimated"], "date_note"].notna().all()


def test_geopackage_has_the_csv_rows_and_opens_in_geopandas(tmp_path):
    import geopandas as gpd
    import pandas as pd

    from components.data import area_for
    from corpus.export import geopackage_bytes

    path = tmp_path / "events.gpkg"
    path.write_bytes(geopackage_bytes(events_geojson(RESULT.events, CORPUS, area_for)))
    frame = gpd.read_file(path, layer="events")
    table = pd.read_csv(io.BytesIO(events_csv(RESULT.events, CORPUS).encode("utf-8")))
    assert list(frame["id"]) == list(table["id"]) and len(frame) == len(RESULT.events)
    assert frame.crs.to_epsg() == 4326
    assert set(frame.geometry.dropna().geom_type) <= {"Point", "Polygon", "MultiPolygon"}
    assert frame.geometry[table["lat"].notna().to_numpy()].notna().all()  # every placed event is drawn
    assert list(frame["evidence_text"]) == list(table["evidence_text"])


def test_events_csv_has_one_row_per_event_with_its_source_count():
    rows = _rows(events_csv(RESULT.events, CORPUS))
    assert len(rows) == 42 and len({r["cluster_id"] for r in rows}) == 42
    counts = {r["cluster_id"]: r["source_count"] for r in rows}
    assert counts["ev-001-01"] == "2" and counts["ev-000-01"] == "1"
    assert {r["cluster_id"]: r["disagree"] for r in rows}["ev-000-06"] == "actor2"


def test_reports_csv_has_one_row_per_report():
    from corpus.export import REPORT_CSV_COLUMNS, reports_csv

    rows = _rows(reports_csv(RESULT.reports, CORPUS))
    assert list(rows[0]) == list(REPORT_CSV_COLUMNS)
    assert len(rows) == 51
    attaf = [r for r in rows if r["event_id"] == "ev-001-01"]
    assert [r["report_id"] for r in attaf] == ["ev-001-01", "ev-003-01"]
    for row in attaf:
        text = CORPUS.articles[row["article_id"]].text
        assert text[int(row["span_start"]):int(row["span_end"])] == row["evidence_text"]
