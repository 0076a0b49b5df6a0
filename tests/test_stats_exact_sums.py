"""stats.ratio_ci sums only the non-zero hit counts and each distinct word column once when every value
is a whole number: the intervals are exactly (bit for bit) those of the full matrix products, which the
committed notebooks' outputs rest on."""
import numpy as np

from presslens import stats


def _reference(H, W, n_boot, rng, level=0.95):
    """ratio_ci as it was: every resample's weights times the full H and W."""
    H, W = stats._columns(H, W)
    n, k = H.shape
    chunk = max(1, min(n_boot, 4_000_000 // max(n, 1)))
    out, done = [], 0
    while done < n_boot:
        b = min(chunk, n_boot - done)
        draws = rng.integers(0, n, size=(b, n)) + (np.arange(b) * n)[:, None]
        w = np.bincount(draws.ravel(), minlength=b * n).reshape(b, n).astype(float)
        bh, bw = w @ H, w @ W
        with np.errstate(invalid="ignore", divide="ignore"):
            out.append(np.where(bw > 0, bh / bw, np.nan))
        done += b
    return stats._percentiles(np.vstack(out), level)


def _counts(seed, n, k=4, voices=3, density=0.05):
    g = np.random.default_rng(seed)
    H = (g.random((n, k * voices)) < density) * g.integers(1, 3, (n, k * voices))
    words = g.integers(0, 40, (n, voices))
    words[g.random(n) < 0.3, 1] = 0                       # sentences without quoted words
    return H.astype(float), np.tile(words, (1, k)).astype(float)


def test_counts_give_the_very_same_intervals_as_the_full_products():
    for seed, n in [(1, 1), (2, 7), (3, 150), (4, 2500)]:
        H, W = _counts(seed, n)
        got = stats.ratio_ci(H, W, 1000, stats.group_rng(0, "Harbour Gazette", str(seed)))
        want = _reference(H, W, 1000, stats.group_rng(0, "Harbour Gazette", str(seed)))
        for a, b in zip(got, want):
            assert np.array_equal(a, b, equal_nan=True)


def test_no_hit_at_all_and_large_resample_counts_in_chunks():
    H, W = _counts(5, 3000)
    H[:] = 0
    got = stats.ratio_ci(H, W, 1500, stats.group_rng(1, "x"))   # 4,000,000 // 3000 = 1333: two chunks
    want = _reference(H, W, 1500, stats.group_rng(1, "x"))
    for a, b in zip(got, want):
        assert np.array_equal(a, b, equal_nan=True)
    assert np.nanmax(got[1]) == 0.0


def test_the_fast_sums_are_the_products_and_fractions_are_summed_as_given():
    H, W = _counts(6, 40)
    w = np.random.default_rng(0).integers(0, 4, (25, 40)).astype(float)
    bh, bw = stats._weighted_sums(H, W)(w)
    assert np.array_equal(bh, w @ H) and np.array_equal(bw, w @ W)
    tone = np.random.default_rng(1).normal(size=(40, 1))   # tone scores: not whole numbers
    bh, bw = stats._weighted_sums(tone, np.ones_like(tone))(w)
    assert np.array_equal(bh, w @ tone)


def test_cluster_intervals_of_counts_are_those_of_the_full_products(monkeypatch):
    H, W = _counts(7, 60)
    clusters = [f"outlet {i % 7}" for i in range(60)]
    got = stats.cluster_ci(H, W, clusters, 800, stats.group_rng(3, "wires"))
    monkeypatch.setattr(stats, "_weighted_sums", lambda H, W: (lambda w: (w @ H, w @ W)))
    want = stats.cluster_ci(H, W, clusters, 800, stats.group_rng(3, "wires"))
    for a, b in zip(got, want):
        assert np.array_equal(a, b, equal_nan=True)
