"""corpus.normalize: folding table and the offset map (property tests)."""

from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.normalize import fold, fold_char, normalize

ARABIC_ISH = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
        st.sampled_from(list("“”«»\"'’‘ .,،؛؟\nabcÉé0123456789٠١٢٣٤٥٦٧٨٩۰۱۲ـ")),
        st.characters(),
    ),
    max_size=80,
)


def test_folding_table():
    assert fold("أإآٱ") == "اااا"
    assert fold("مصطفى") == "مصطفي"
    assert fold("الجزائرية") == "الجزايريه"
    assert fold("العـــسكري") == "العسكري"
    assert fold("جُرّب") == "جرب"
    assert fold("٢٠٢٥ ۲۰۱۲") == "2025 2012"
    assert fold("«”“»") == '""""'
    assert fold("Algérie") == "algerie"


def test_offsets_map_back_to_the_original():
    text = "جُرِّبَ في «باماكو» ٢٠٠٩"
    n = normalize(text)
    i = n.text.index("باماكو")
    s, e = n.to_original(i, i + len("باماكو"))
    assert text[s:e] == "باماكو"


@settings(max_examples=300, deadline=None)
@given(ARABIC_ISH)
def test_fold_is_idempotent(text):
    assert fold(fold(text)) == fold(text)


@settings(max_examples=300, deadline=None)
@given(ARABIC_ISH)
def test_every_folded_char_comes_from_its_original(text):
    n = normalize(text)
    assert n.text == fold(text)
    assert len(n.offsets) == len(n.text)
    assert list(n.offsets) == sorted(n.offsets)
    for i, ch in enumerate(n.text):
        assert ch == fold_char(text[n.offsets[i]])


@settings(max_examples=200, deadline=None)
@given(ARABIC_ISH, st.data())
def test_to_original_spans_fold_to_the_folded_span(text, data):
    n = normalize(text)
    start = data.draw(st.integers(0, len(n.text)))
    end = data.draw(st.integers(start, len(n.text)))
    s, e = n.to_original(start, end)
    assert 0 <= s <= e <= len(text)
    assert fold(text[s:e]) == n.text[start:end]
