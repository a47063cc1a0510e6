import random

import numpy as np
import pandas as pd
import pytest

from corpus.query import TEXT, _coded_text, joined_texts


def _texts(rng: random.Random, count: int) -> list:
    return [None if rng.random() < 0.1 else rng.choice(("Algeria gives aid to Mali", "اتفاق بين الجزائر ومالي", "x", "y"))
            + str(rng.randint(0, 5)) for _ in range(count)]


@pytest.mark.parametrize("seed", range(30))
def test_a_spliced_text_column_equals_the_one_coded_from_all_the_texts(seed):
    rng = random.Random(seed)
    before, new = _texts(rng, rng.randint(0, 40)), _texts(rng, rng.randint(0, 10))
    coded = _coded_text(pd.Series(before, dtype=TEXT))
    keep = np.array([rng.random() < 0.7 for _ in before], dtype=bool)
    kept = coded[keep].reset_index(drop=True)
    spliced = _coded_text(joined_texts(kept, pd.Series(new, dtype=TEXT)))
    expected = _coded_text(pd.Series([t for t, k in zip(before, keep, strict=True) if k] + new, dtype=TEXT))
    pd.testing.assert_series_equal(spliced, expected, check_exact=True)
    assert spliced.astype(object).where(spliced.notna(), None).tolist() == [
        t for t, k in zip(before, keep, strict=True) if k] + new


def test_categories_are_the_texts_in_order_of_first_appearance():
    coded = _coded_text(pd.Series(["b", None, "a", "b"], dtype=TEXT))
    assert coded.cat.categories.tolist() == ["b", "a"] and coded.cat.codes.tolist() == [0, -1, 1, 0]
