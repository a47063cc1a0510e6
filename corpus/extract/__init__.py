"""The Arabic extraction engine: text → dates, places, actors, quotes and events with exact
character spans into the text as stored. Pure Python; see docs/EXTRACTION.md."""

from corpus.extract.pipeline import STEP_NAMES, Extractor, default_extractor, extract_text

__all__ = ["STEP_NAMES", "Extractor", "default_extractor", "extract_text"]
