"""spans.Cover answers "does a span reach from <= lo to >= hi" as a scan over the spans would."""

import random

from corpus.extract.spans import Cover


def _scan(spans, lo, hi):
    return any(a <= lo and b >= hi for a, b in spans)


def test_cover_agrees_with_a_scan_on_random_spans():
    rng = random.Random(11)
    for _ in range(2000):
        spans = [(a, a + rng.randint(0, 12)) for a in (rng.randint(0, 40) for _ in range(rng.randint(0, 8)))]
        cover = Cover(spans)
        for _ in range(20):
            lo, hi = rng.randint(-2, 50), rng.randint(-2, 55)
            assert cover.reaches(lo, hi) == _scan(spans, lo, hi), (spans, lo, hi)


def test_nested_and_overlapping_spans():
    cover = Cover([(10, 30), (12, 14), (0, 5)])
    assert cover.reaches(13, 25)  # inside the outer span, past the inner one
    assert cover.reaches(4, 5)
    assert not cover.reaches(5, 6)  # between the spans
    assert not Cover([]).reaches(0, 0)
