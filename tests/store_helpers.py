"""Shared bits of the store tests: a tiny fake extractor (unit tests of the store only)."""

from __future__ import annotations

TEXT = ("أعلنت الجزائر يوم 5 جانفي 2024 استدعاء سفيرها في باماكو. "
        "وقال الوزير: «نحن مع مالي» في تصريح للصحافة.\n")


def span(text: str, needle: str, **extra) -> dict:
    start = text.index(needle)
    return {"start": start, "end": start + len(needle), "text": needle, **extra}


class FakeExtractor:
    """Follows the corpus.extract contract on any text containing the words it knows."""

    def extract(self, text: str, published: str | None = None) -> dict:
        out = {"text_sha256": "", "dates": [], "places": [], "actors": [], "quotes": [], "events": []}
        if "باماكو" in text:
            out["places"].append(span(text, "باماكو", place_id="bamako", name_en="Bamako",
                                      lat=12.65, lon=-8.0))
        if "الجزائر" in text:
            out["actors"].append(span(text, "الجزائر", actor_id="DZA", name_en="Algeria",
                                      kind="state"))
        if "5 جانفي 2024" in text:
            out["dates"].append(span(text, "5 جانفي 2024", value="2024-01-05", precision="day",
                                     relative=False))
        if "نحن مع مالي" in text:
            out["quotes"].append(span(text, "نحن مع مالي", kind="direct",
                                      speaker={"actor_id": "DZA", "name_en": "Algeria"}))
        if "استدعاء سفيرها" in text:
            ev = span(text, "أعلنت الجزائر يوم 5 جانفي 2024 استدعاء سفيرها في باماكو")
            out["events"].append({"type": "SANCTION", "actor1": "DZA", "actor2": "MLI",
                                  "place_id": "bamako", "date": "2024-01-05",
                                  "date_precision": 1,
                                  "evidence": {"start": ev["start"], "end": ev["end"]}})
        return out
