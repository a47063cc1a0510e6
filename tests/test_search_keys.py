import random

import numpy as np
import pytest

from corpus.normalize import fold
from corpus.search_keys import SEP, SearchKeys

ALPHABET = "ab ا ل ج ز ئ ر م" + SEP  # Arabic, Latin, spaces and the separator itself


def _keys(rng: random.Random, count: int) -> list[str]:
    return ["".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 12))) for _ in range(count)]


def _needles(rng: random.Random, keys: list[str]) -> list[str]:
    """Substrings of the keys (so most needles hit), random strings, ones spanning a row end."""
    out = ["", "a", SEP, "zz"]
    for _ in range(30):
        key = rng.choice(keys) if keys else ""
        start = rng.randint(0, len(key))
        out.append(key[start:start + rng.randint(1, 4)])
        out.append("".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 3))))
    if len(keys) > 1:
        out.append(keys[0][-2:] + keys[1][:2])  # the end of one row and the start of the next
    return out


@pytest.mark.parametrize("seed", range(40))
def test_search_over_the_joined_string_finds_exactly_what_per_row_search_found(seed):
    rng = random.Random(seed)
    keys = _keys(rng, rng.randint(0, 60))
    joined = SearchKeys.of(keys)
    assert list(joined) == keys and len(joined) == len(keys)
    for needle in _needles(rng, keys):
        expected = np.array([needle in key for key in keys], dtype=bool)
        assert np.array_equal(joined.contains(needle), expected), (keys, needle)


@pytest.mark.parametrize("seed", range(30))
def test_take_compress_and_concatenation_keep_rows_in_step(seed):
    rng = random.Random(seed)
    keys, more = _keys(rng, rng.randint(0, 40)), _keys(rng, rng.randint(0, 10))
    joined = SearchKeys.of(keys)
    order = list(range(len(keys)))
    rng.shuffle(order)
    assert list(joined.take(order)) == [keys[i] for i in order]
    keep = np.array([rng.random() < 0.8 for _ in keys], dtype=bool)
    kept = joined.compress(keep)
    assert list(kept) == [k for k, flag in zip(keys, keep, strict=True) if flag]
    both = kept + SearchKeys.of(more)
    assert both == SearchKeys.of([*kept, *more])
    needle = rng.choice([*keys, *more, "a"])[:2]
    assert np.array_equal(both.contains(needle), np.array([needle in k for k in [*kept, *more]], dtype=bool))


def test_rows_are_read_back_and_compared():
    keys = SearchKeys.of([fold("أرسلت الجزائر"), "", "mali"])
    assert keys[0] == fold("أرسلت الجزائر") and keys[1] == "" and keys[-1] == "mali"
    with pytest.raises(IndexError):
        keys[3]
    assert keys == SearchKeys.of(list(keys)) and keys != SearchKeys.of(["mali"])
    assert len(SearchKeys.of(())) == 0 and not SearchKeys.of(()).contains("a").size
