"""The suite's one bootstrap: percentile intervals, seeded per group.

Every interval in presslens (tone means, lexicon rates per 1,000 words) is a percentile bootstrap
over sentences: ``n_boot`` resamples of a group's sentences with replacement, the statistic
recomputed on each, and the 2.5th and 97.5th percentiles taken (``level=0.95``). The random stream
of each group is seeded by the notebook's ``seed`` and the group's own name
(:func:`group_rng`), so an outlet's interval does not change when other outlets are added, removed
or reordered.
"""
from __future__ import annotations

import zlib
import numpy as np


LEVEL = 0.95


def group_rng(seed: int, *key: str) -> np.random.Generator:
    """A random generator for one group (e.g. an outlet, or outlet x actor), from ``seed`` and the key."""
    return np.random.default_rng([int(seed), *(zlib.crc32(str(k).encode("utf-8")) for k in key)])


def ratio_ci(H: np.ndarray, W: np.ndarray, n_boot: int, rng: np.random.Generator,
             level: float = LEVEL) -> tuple[np.ndarray, np.ndarray]:
    """Percentile bootstrap interval of ``sum(H) / sum(W)`` per column, resampling rows.

    ``H`` and ``W`` are (rows x columns) arrays (rows are sentences): for a rate, hits and words;
    for a mean, the values and ones. Returns (low, high) arrays, NaN where no row or no resample
    has weight. Each resample draws n rows uniformly with replacement (counted per row), in chunks
    that bound memory.
    """
    H = np.asarray(H, dtype=float)
    W = np.asarray(W, dtype=float)
    if H.ndim == 1:
        H, W = H[:, None], W[:, None]
    n, k = H.shape
    if n == 0 or n_boot <= 0:
        return np.full(k, np.nan), np.full(k, np.nan)
    chunk = max(1, min(n_boot, 4_000_000 // max(n, 1)))
    out, done = [], 0
    while done < n_boot:
        b = min(chunk, n_boot - done)
        draws = rng.integers(0, n, size=(b, n)) + (np.arange(b) * n)[:, None]
        w = np.bincount(draws.ravel(), minlength=b * n).reshape(b, n).astype(float)  # how often each row is drawn
        bh, bw = w @ H, w @ W
        with np.errstate(invalid="ignore", divide="ignore"):
            out.append(np.where(bw > 0, bh / bw, np.nan))
        done += b
    boot = np.vstack(out)
    alpha = (1 - level) / 2
    lo, hi = np.full(k, np.nan), np.full(k, np.nan)
    nan = np.isnan(boot)
    full = ~nan.any(axis=0)  # the usual case, done at once (nanpercentile is slow)
    if full.any():
        lo[full], hi[full] = np.percentile(boot[:, full], [100 * alpha, 100 * (1 - alpha)], axis=0)
    part = nan.any(axis=0) & ~nan.all(axis=0)
    if part.any():
        lo[part], hi[part] = np.nanpercentile(boot[:, part], [100 * alpha, 100 * (1 - alpha)], axis=0)
    return lo, hi


def mean_ci(values, n_boot: int, rng: np.random.Generator | None, level: float = LEVEL) -> tuple[float, float]:
    """Percentile bootstrap interval for the mean of ``values``; NaN for none, the value itself for one."""
    v = np.asarray(values, dtype=float)
    if len(v) == 0:
        return (np.nan, np.nan)
    if len(v) == 1:
        return (float(v[0]), float(v[0]))
    rng = rng if rng is not None else np.random.default_rng(0)
    lo, hi = ratio_ci(v, np.ones_like(v), n_boot, rng, level)
    return (float(lo[0]), float(hi[0]))
