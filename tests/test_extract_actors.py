"""Actor extraction: the dated dictionary and the rules for names it does not know.

Sentences are written for these tests in the manner of Arabic news (not taken from articles)."""

import pytest

from corpus.extract import Extractor
from corpus.extract.actor_lexicon import name_variants
from corpus.extract.entities import resolve_entities
from corpus.extract.lexicon import key
from corpus.loader import DEFAULT_DATA_DIR, collect


@pytest.fixture(scope="module")
def ex():
    corpus, _ = collect(DEFAULT_DATA_DIR)
    return Extractor.from_corpus(corpus)


def actors_of(ex, text, published=None):
    doc = ex.doc(text, published)
    _places, actors = resolve_entities(doc, ex.lexicon)
    return [(a["text"], a["actor_id"]) for a in actors]


# -- the dated dictionary -------------------------------------------------------------------
@pytest.mark.parametrize("office,state,when,holder", [
    ("MFA", "DZA", "2006-07-07", "mohamed-bedjaoui"),
    ("MFA", "DZA", "2020-09-20", "sabri-boukadoum"),
    ("PRES", "MLI", "2012-03-25", "amadou-sanogo"),
    ("PRES", "NER", "2024-02", "abdourahamane-tiani"),
    ("MFA", "USA", "2013-05", "john-kerry"),
    ("LEADER", "UN", "2010", "ban-ki-moon"),
])
def test_office_holder_at_a_date(ex, office, state, when, holder):
    assert ex.lexicon.incumbent(office, state, when) == holder


def test_a_person_has_the_state_he_serves(ex):
    assert ex.lexicon.root_state("kafougouna-kone") == "MLI"
    assert ex.lexicon.root_state("MLI-MOD") == "MLI"
    assert ex.lexicon.root_state("iyad-ag-ghali") is None


def test_tuareg_name_spellings_are_generated():
    variants = name_variants(key("إبراهيم آغ باهانغا"))
    assert key("إبراهيم أغ باهانغا") in variants
    assert key("إبراهيم أق باهانغا") in variants
    assert key("إبراهيم باهانغا") in variants  # the name without Ag
    assert key("إبراهيم اغباهانغا") in variants  # glued


@pytest.mark.parametrize("text,surface,actor", [
    ("وصل وزير الخارجية الجزائري محمد بجاوى إلى باماكو.", "محمد بجاوى", "mohamed-bedjaoui"),
    ("وقال القيادي بلال أق الشريف للصحفيين إن الحوار مستمر.", "بلال أق الشريف", "bilal-ag-acherif"),
    ("أعلنت منسقية الحركات الأزوادية رفضها للمقترح.", "منسقية الحركات الأزوادية", "CMA"),
    ("ورحبت المجموعة الاقتصادية لدول غرب أفريقيا بالخطوة.", "المجموعة الاقتصادية لدول غرب أفريقيا", "ECOWAS"),
])
def test_dictionary_spellings(ex, text, surface, actor):
    assert (surface, actor) in actors_of(ex, text, "2015-03-01")


# -- bodies and groups built by rule ----------------------------------------------------------
@pytest.mark.parametrize("text,surface,actor", [
    ("قالت وزارة الدفاع النيجرية إن الهجوم فشل.", "وزارة الدفاع النيجرية", "NER-MOD"),
    ("وأكدت الخارجية الأميركية دعمها للحوار.", "الخارجية الأميركية", "USA-MFA"),
    ("وحذرت حكومة موريتانيا من التصعيد.", "حكومة موريتانيا", "MRT-GOV"),
])
def test_state_bodies_by_rule(ex, text, surface, actor):
    assert (surface, actor) in actors_of(ex, text)


@pytest.mark.parametrize("text,surface,actor", [
    ("هاجم متمردو الطوارق ثكنة في الشمال.", "متمردو الطوارق", "TUAREG-REBELS"),
    ("وتبنى المسلحين التوارق الهجوم.", "المسلحين التوارق", "TUAREG-REBELS"),
    ("واجتمع أعيان قبائل الطوارق في المدينة.", "قبائل الطوارق", "TUAREG"),
    ("ورفضت الحركات الأزوادية المسلحة الدعوة.", "الحركات الأزوادية المسلحة", "AZAWAD-MOVEMENTS"),
])
def test_groups_by_rule(ex, text, surface, actor):
    assert (surface, actor) in actors_of(ex, text)
