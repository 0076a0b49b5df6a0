"""presslens.analyses.facts.arrays: what np.unique returns, by one sort."""
from __future__ import annotations

import numpy as np

from presslens.analyses.facts import arrays


def test_distinct_is_np_unique():
    rng = np.random.default_rng(5)
    for a in (np.zeros(0, dtype=np.int64), np.array([7]), np.array([3, 3, 3]), rng.integers(-50, 50, 1000)):
        got = arrays.distinct(a)
        assert got.dtype == np.unique(a).dtype and got.tolist() == np.unique(a).tolist()
    assert arrays.distinct(np.array([9, 2, 9, 5, 2])).tolist() == [2, 5, 9]


def test_distinct_rows_is_np_unique_by_rows():
    rng = np.random.default_rng(6)
    a, b = rng.integers(0, 40, 2000), rng.integers(0, 1000, 2000)
    got = arrays.distinct_rows(a, b)
    assert got.dtype == np.int64 and got.tolist() == np.unique(np.stack([a, b], axis=1), axis=0).tolist()
    # sorted by the first column, then the second; each row once
    assert arrays.distinct_rows(np.array([2, 0, 2, 0]), np.array([1, 5, 1, 3])).tolist() == [[0, 3], [0, 5], [2, 1]]
    assert arrays.distinct_rows(np.array([], dtype=np.int64), np.array([], dtype=np.int64)).shape == (0, 2)
    # negative values: the exact fallback
    assert arrays.distinct_rows(np.array([-1, -1, 3]), np.array([2, 2, 0])).tolist() == [[-1, 2], [3, 0]]
