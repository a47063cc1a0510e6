"""Corpus logic for the Algeria–Mali Relations Atlas: models, loading and validation,
Arabic text processing, extraction, queries and exports. Pure Python: no Streamlit here."""

from corpus.loader import DEFAULT_DATA_DIR, CorpusError, load_corpus, validate_dir
from corpus.models import Actor, Article, Corpus, Event, Mention, Place, Quote

__all__ = [
    "DEFAULT_DATA_DIR",
    "Actor",
    "Article",
    "Corpus",
    "CorpusError",
    "Event",
    "Mention",
    "Place",
    "Quote",
    "load_corpus",
    "validate_dir",
]
