"""Exports of a query result with provenance: events as CSV and GeoJSON (one row per event,
however many articles reported it: `source_count`), their reports as CSV (one row per report),
quotes as CSV.

Pure functions over the frames `run_query` returns. Every row carries where it came from:
article id, its title and URL, the span [start, end) and the exact evidence text, so a
downloaded row leads back to its sentence. Text cells that a spreadsheet would read as a
formula (=, +, -, @ at the start) are prefixed with an apostrophe (CSV injection).
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Callable, Iterable
from typing import Any

import pandas as pd

from corpus.models import GLOSS_FIELDS, Corpus

EVENT_CSV_COLUMNS = (
    "id", "date", "date_precision", "date_estimated", "date_note", "date_start", "date_end", "event_type", "quad", "score",
    "actor1", "actor1_name_en", "actor1_name_ar", "actor2", "actor2_name_en", "actor2_name_ar",
    "place_id", "place_name_en", "place_name_ar", "geo_precision", "lat", "lon",
    "summary_en", "summary_ar", "summary_fr", "origin", "status",
    "article_id", "article_title", "article_outlet", "article_url", "span_start", "span_end", "evidence_text",
    "cluster_id", "source_count", "disagree",
)
# One row per report of an event (an event reported by three articles has three rows, all
# with its event id = cluster id): what each source said, where, and how it differs.
REPORT_CSV_COLUMNS = (
    "event_id", "report_id", "source_count", "disagree", "date", "date_precision", "date_estimated",
    "event_type", "actor1", "actor1_name_en", "actor2", "actor2_name_en", "place_id", "place_name_en",
    "geo_precision", "origin", "status",
    "article_id", "article_title", "article_outlet", "article_url", "span_start", "span_end", "evidence_text",
)
QUOTE_CSV_COLUMNS = (
    "id", "date", "date_precision", "date_estimated", "speaker", "speaker_name_en", "speaker_name_ar",
    "language", "kind", "text", *GLOSS_FIELDS, "event_id", "event_type", "origin", "status",
    "article_id", "article_title", "article_outlet", "article_url", "span_start", "span_end", "evidence_text",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

AreaLookup = Callable[[str, int], dict | None]


def _clean(value: Any) -> Any:
    """None for missing values (NaN, NaT, pd.NA); plain Python types otherwise."""
    if value is None:
        return None
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    if hasattr(value, "item"):
        return value.item()
    return value


def _cell(value: Any) -> Any:
    value = _clean(value)
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return "" if value is None else value


def _name(table: dict, key: Any, lang: str) -> str | None:
    record = table.get(key) if isinstance(key, str) else None
    return getattr(record, f"name_{lang}", None) if record else None


def _article(corpus: Corpus, article_id: str) -> dict[str, str | None]:
    """The article columns of an export row: its title (in its own language: the English
    one would be the project's translation), outlet and URL."""
    article = corpus.articles.get(article_id)
    if article is None:
        return {"article_title": None, "article_outlet": None, "article_url": None}
    return {"article_title": article.title(article.language), "article_outlet": article.outlet,
            "article_url": article.url}


def event_records(events: pd.DataFrame, corpus: Corpus) -> list[dict[str, Any]]:
    """One provenance-complete dict per event row (columns EVENT_CSV_COLUMNS)."""
    out = []
    for row in events.to_dict("records"):
        out.append({
            "id": row["id"], "date": row["date"], "date_precision": row["date_precision"],
            "date_estimated": bool(row.get("date_estimated")), "date_note": row.get("date_note"),
            "date_start": _clean(row["date_start"]), "date_end": _clean(row["date_end"]),
            "event_type": row["event_type"], "quad": row["quad"], "score": row["score"],
            "actor1": row["actor1"], "actor1_name_en": _name(corpus.actors, row["actor1"], "en"),
            "actor1_name_ar": _name(corpus.actors, row["actor1"], "ar"),
            "actor2": row["actor2"], "actor2_name_en": _name(corpus.actors, row["actor2"], "en"),
            "actor2_name_ar": _name(corpus.actors, row["actor2"], "ar"),
            "place_id": row["place_id"], "place_name_en": _name(corpus.places, row["place_id"], "en"),
            "place_name_ar": _name(corpus.places, row["place_id"], "ar"),
            "geo_precision": row["geo_precision"], "lat": row["lat"], "lon": row["lon"],
            "summary_en": row["summary_en"], "summary_ar": row["summary_ar"],
            "summary_fr": row["summary_fr"], "origin": row["origin"], "status": row["status"],
            "article_id": row["article_id"], **_article(corpus, row["article_id"]),
            "span_start": row["start"], "span_end": row["end"], "evidence_text": row["text"],
            "cluster_id": row.get("cluster_id", row["id"]), "source_count": row.get("report_count", 1),
            "disagree": row.get("disagree") or None,
        })
    return [{k: _clean(v) for k, v in rec.items()} for rec in out]


def report_records(reports: pd.DataFrame, corpus: Corpus) -> list[dict[str, Any]]:
    """One dict per report row (columns REPORT_CSV_COLUMNS), grouped by event."""
    out = []
    for row in reports.sort_values(["cluster_id", "date_start", "id"], kind="stable").to_dict("records"):
        out.append({
            "event_id": row["cluster_id"], "report_id": row["id"], "source_count": row["report_count"],
            "disagree": row.get("disagree") or None, "date": row["date"], "date_precision": row["date_precision"],
            "date_estimated": bool(row.get("date_estimated")), "event_type": row["event_type"],
            "actor1": row["actor1"], "actor1_name_en": _name(corpus.actors, row["actor1"], "en"),
            "actor2": row["actor2"], "actor2_name_en": _name(corpus.actors, row["actor2"], "en"),
            "place_id": row["place_id"], "place_name_en": _name(corpus.places, row["place_id"], "en"),
            "geo_precision": row["geo_precision"], "origin": row["origin"], "status": row["status"],
            "article_id": row["article_id"], **_article(corpus, row["article_id"]),
            "span_start": row["start"], "span_end": row["end"], "evidence_text": row["text"],
        })
    return [{k: _clean(v) for k, v in rec.items()} for rec in out]


def reports_csv(reports: pd.DataFrame, corpus: Corpus) -> str:
    """CSV (RFC 4180, UTF-8 with BOM) of every report of the events, one row per report."""
    return _csv(report_records(reports, corpus), REPORT_CSV_COLUMNS)


def quote_records(quotes: pd.DataFrame, corpus: Corpus) -> list[dict[str, Any]]:
    """One provenance-complete dict per quote row (columns QUOTE_CSV_COLUMNS)."""
    out = []
    for row in quotes.to_dict("records"):
        out.append({
            "id": row["id"], "date": row["date"], "date_precision": row["date_precision"],
            "date_estimated": bool(row.get("date_estimated")), "speaker": row["speaker"], "speaker_name_en": _name(corpus.actors, row["speaker"], "en"),
            "speaker_name_ar": _name(corpus.actors, row["speaker"], "ar"),
            "language": row["language"], "kind": row["kind"], "text": row["text"],
            **{name: row.get(name) for name in GLOSS_FIELDS},
            "event_id": row["event_id"], "event_type": row["event_type"],
            "origin": row["origin"], "status": row["status"],
            "article_id": row["article_id"], **_article(corpus, row["article_id"]),
            "span_start": row["start"], "span_end": row["end"], "evidence_text": row["text"],
        })
    return [{k: _clean(v) for k, v in rec.items()} for rec in out]


def _csv(records: Iterable[dict[str, Any]], columns: tuple[str, ...]) -> str:
    """CSV text starting with a UTF-8 byte-order mark, so Excel reads the Arabic as UTF-8."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    for rec in records:
        writer.writerow([_cell(rec.get(c)) for c in columns])
    return buffer.getvalue()


def events_csv(events: pd.DataFrame, corpus: Corpus) -> str:
    """CSV (RFC 4180, UTF-8 with BOM) of the events with provenance columns."""
    return _csv(event_records(events, corpus), EVENT_CSV_COLUMNS)


def quotes_csv(quotes: pd.DataFrame, corpus: Corpus) -> str:
    """CSV (RFC 4180, UTF-8 with BOM) of the quotes with provenance columns."""
    return _csv(quote_records(quotes, corpus), QUOTE_CSV_COLUMNS)


def events_geojson(
    events: pd.DataFrame, corpus: Corpus, area_for: AreaLookup | None = None
) -> dict[str, Any]:
    """A FeatureCollection: a Point per event with coordinates, its area polygon instead when
    the geo precision is coarse (4–6) and `area_for(place_id, precision)` knows one, a null
    geometry when the event has no place. Properties are the CSV columns."""
    features = []
    for rec in event_records(events, corpus):
        geometry = None
        precision, place = rec["geo_precision"], rec["place_id"]
        if area_for is not None and place and precision in (4, 5, 6):
            try:
                geometry = area_for(place, int(precision))
            except (OSError, KeyError, ValueError):
                geometry = None
        lat, lon = rec["lat"], rec["lon"]
        if geometry is None and lat is not None and lon is not None and not (
            isinstance(lat, float) and math.isnan(lat)
        ):
            geometry = {"type": "Point", "coordinates": [float(lon), float(lat)]}
        features.append({"type": "Feature", "id": rec["id"], "geometry": geometry, "properties": rec})
    return {"type": "FeatureCollection", "features": features}


def geojson_text(collection: dict[str, Any]) -> str:
    return json.dumps(collection, ensure_ascii=False)


def geopackage_bytes(collection: dict[str, Any], layer: str = "events") -> bytes:
    """The events FeatureCollection as a GeoPackage (one layer, WGS 84) for QGIS users: the
    same rows and columns as the CSV, points or area polygons, no geometry when unplaced."""
    import tempfile
    from pathlib import Path

    import geopandas as gpd

    rows = [{**feature["properties"], "geometry": feature["geometry"]} for feature in collection["features"]]
    frame = gpd.GeoDataFrame.from_features(
        [{"type": "Feature", "geometry": r.pop("geometry"), "properties": r} for r in rows],
        crs="EPSG:4326", columns=[*EVENT_CSV_COLUMNS, "geometry"])
    with tempfile.TemporaryDirectory(prefix="atlas-gpkg-") as tmp:
        path = Path(tmp) / f"{layer}.gpkg"
        frame.to_file(path, layer=layer, driver="GPKG", geometry_type="Unknown")
        return path.read_bytes()
