"""The suite's one bootstrap: percentile intervals, seeded per group.

Every interval in presslens (tone means, lexicon rates per 1,000 words) is a percentile bootstrap
over sentences: ``n_boot`` resamples of a group's sentences with replacement, the statistic
recomputed on each, and the 2.5th and 97.5th percentiles taken (``level=0.95``). The random stream
of each group is seeded by the notebook's ``seed`` and the group's own name
(:func:`group_rng`), so an outlet's interval does not change when other outlets are added, removed
or reordered.

A group of outlets (all wire agencies, one country's press) is measured with a **cluster bootstrap**
(:func:`cluster_ci`): each resample draws the group's outlets with replacement, then each drawn
outlet's articles with replacement, so an interval says how much the measure depends on which
outlets and which articles happen to be in the corpus, not only on which sentences (Davison &
Hinkley 1997, section 3.8, "two-stage" resampling; Field & Welsh 2007). Articles of one outlet are
not independent of each other; resampling sentences alone would give intervals far too narrow.
"""
from __future__ import annotations

import hashlib
import zlib
import numpy as np


LEVEL = 0.95


def group_rng(seed: int, *key: str) -> np.random.Generator:
    """A random generator for one group (e.g. an outlet, or outlet x actor), from ``seed`` and the key."""
    return np.random.default_rng([int(seed), *(zlib.crc32(str(k).encode("utf-8")) for k in key)])


def data_rng(seed: int, *arrays) -> np.random.Generator:
    """A random generator for one group seeded by ``seed`` and the group's own data (the bytes of ``arrays``): its
    bootstrap interval depends on nothing but its data, so two groups holding the same data (outlets that ran one
    wire text word for word) get the same interval, and a group's interval does not move when others are added."""
    h = hashlib.sha1()
    for a in arrays:
        a = np.ascontiguousarray(a, dtype=float)
        h.update(str(a.shape).encode("ascii"))
        h.update(a.tobytes())
    return np.random.default_rng([int(seed), zlib.crc32(h.digest())])


def ratio_ci(H: np.ndarray, W: np.ndarray, n_boot: int, rng: np.random.Generator,
             level: float = LEVEL) -> tuple[np.ndarray, np.ndarray]:
    """Percentile bootstrap interval of ``sum(H) / sum(W)`` per column, resampling rows.

    ``H`` and ``W`` are (rows x columns) arrays (rows are sentences): for a rate, hits and words;
    for a mean, the values and ones. Returns (low, high) arrays, NaN where no row or no resample
    has weight. Each resample draws n rows uniformly with replacement (counted per row), in chunks
    that bound memory.
    """
    H, W = _columns(H, W)
    n, k = H.shape
    if n == 0 or n_boot <= 0:
        return np.full(k, np.nan), np.full(k, np.nan)
    chunk = max(1, min(n_boot, 4_000_000 // max(n, 1)))
    sums = _weighted_sums(H, W)
    out, done = [], 0
    while done < n_boot:
        b = min(chunk, n_boot - done)
        draws = rng.integers(0, n, size=(b, n)) + (np.arange(b) * n)[:, None]
        w = np.bincount(draws.ravel(), minlength=b * n).reshape(b, n).astype(float)  # how often each row is drawn
        bh, bw = sums(w)
        with np.errstate(invalid="ignore", divide="ignore"):
            out.append(np.where(bw > 0, bh / bw, np.nan))
        done += b
    return _percentiles(np.vstack(out), level)


def _weighted_sums(H: np.ndarray, W: np.ndarray):
    """A function of resample weights ``w`` (resamples x rows) giving ``(w @ H, w @ W)``.

    When every value is a whole number (counts of hits and words) and no sum can reach 2**53, the
    sums are exact in floating point whatever their order, so the same numbers come from less work:
    only the non-zero entries of ``H`` (the sentences with a hit) are summed, without a matrix product (which, on
    small matrices, spent more time starting its threads than adding), and the repeated
    columns of ``W`` (a rate's words are the same for every category) are summed once. Other values
    (tone scores) are summed as given."""
    def whole(a: np.ndarray) -> bool:
        return bool(np.isfinite(a).all() and (a == np.floor(a)).all())

    n = H.shape[0]
    top = max(np.abs(H).max(initial=0.0), np.abs(W).max(initial=0.0))
    if n * top >= 2.0 ** 53 or not (whole(H) and whole(W)):
        return lambda w: (w @ H, w @ W)
    cols, rows = np.nonzero(H.T)  # H's non-zero entries, column by column
    vals = H[rows, cols]
    first = np.flatnonzero(np.r_[True, cols[1:] != cols[:-1]]) if len(cols) else np.array([], dtype=int)
    distinct: dict[bytes, int] = {}
    inv = np.array([distinct.setdefault(W[:, c].tobytes(), len(distinct)) for c in range(W.shape[1])], dtype=int)
    Wu = W[:, np.unique(inv, return_index=True)[1]]  # each distinct column once, in order of first appearance

    def sums(w: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        bh = np.zeros((w.shape[0], H.shape[1]))
        if len(cols):  # each column: the weights of its non-zero rows times their values, summed
            bh[:, cols[first]] = np.add.reduceat(w[:, rows] * vals, first, axis=1)
        return bh, (w @ Wu)[:, inv]
    return sums


def _columns(H, W) -> tuple[np.ndarray, np.ndarray]:
    """``H`` and ``W`` as float (rows x columns) arrays (a 1-D array is one column)."""
    H = np.asarray(H, dtype=float)
    W = np.asarray(W, dtype=float)
    return (H[:, None], W[:, None]) if H.ndim == 1 else (H, W)


def _percentiles(boot: np.ndarray, level: float) -> tuple[np.ndarray, np.ndarray]:
    """The (1-level)/2 and 1-(1-level)/2 percentiles of each column of ``boot`` (resamples x
    columns), NaN where a column has no value."""
    alpha = (1 - level) / 2
    k = boot.shape[1]
    lo, hi = np.full(k, np.nan), np.full(k, np.nan)
    nan = np.isnan(boot)
    full = ~nan.any(axis=0)  # the usual case, done at once (nanpercentile is slow)
    if full.any():
        lo[full], hi[full] = np.percentile(boot[:, full], [100 * alpha, 100 * (1 - alpha)], axis=0)
    part = nan.any(axis=0) & ~nan.all(axis=0)
    if part.any():
        lo[part], hi[part] = np.nanpercentile(boot[:, part], [100 * alpha, 100 * (1 - alpha)], axis=0)
    return lo, hi


def cluster_ci(H, W, clusters, n_boot: int, rng: np.random.Generator,
               level: float = LEVEL) -> tuple[np.ndarray, np.ndarray]:
    """Cluster (two-stage) bootstrap interval of ``sum(H) / sum(W)`` per column.

    ``H`` and ``W`` are (rows x columns) arrays whose rows are articles (for a mean of a per-article
    value: the values and ones; for a rate: hits and words; for a mean over sentences: the sum of
    the sentence scores and the number of sentences); ``clusters`` gives each row's cluster (its
    outlet). Each of the ``n_boot`` resamples draws as many clusters as there are, with replacement,
    then for each draw of a cluster as many of its rows as it has, with replacement (a cluster drawn
    c times gets c x n rows: a multinomial over its rows), and recomputes the ratio. Returns the
    percentile interval (low, high arrays), NaN where no resample has weight. With one cluster only
    the rows are resampled (say so beside the number); with one row the interval has no width.
    """
    H, W = _columns(H, W)
    n, k = H.shape
    if n == 0 or n_boot <= 0:
        return np.full(k, np.nan), np.full(k, np.nan)
    codes, _ = _codes(clusters)
    members = [np.flatnonzero(codes == j) for j in range(codes.max() + 1)]
    m = len(members)
    picked = rng.multinomial(m, np.full(m, 1.0 / m), size=n_boot)  # (n_boot x clusters): draws of each cluster
    w = np.zeros((n_boot, n))
    for j, rows in enumerate(members):
        draws = picked[:, j] * len(rows)  # rows drawn from cluster j in each resample
        w[:, rows] = rng.multinomial(draws, np.full(len(rows), 1.0 / len(rows)))
    bh, bw = _weighted_sums(H, W)(w)
    with np.errstate(invalid="ignore", divide="ignore"):
        boot = np.where(bw > 0, bh / np.where(bw > 0, bw, 1), np.nan)
    return _percentiles(boot, level)


def _codes(labels) -> tuple[np.ndarray, list]:
    """Integer codes of ``labels`` (in order of first appearance) and the distinct labels."""
    seen: dict = {}
    codes = np.array([seen.setdefault(x, len(seen)) for x in labels], dtype=int)
    return codes, list(seen)


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


# ----------------------------------------------------------------------------------------------
# a logistic regression (issue 26: the learned machine-translation score)

def newton_logistic(Z, y, pen, weight=None, max_iter: int = 100) -> np.ndarray:
    """The weights of a penalised logistic regression by Newton's method from zero (deterministic): ``Z``
    (n, k) the design matrix as given (standardised, with its intercept column), ``y`` (n,) 0/1 labels,
    ``pen`` (k,) each weight's L2 penalty, ``weight`` (n,) each row's weight (default 1)."""
    Z = np.asarray(Z, dtype=float)
    y = np.asarray(y, dtype=float)
    c = np.ones(len(Z)) if weight is None else np.asarray(weight, dtype=float)
    beta = np.zeros(Z.shape[1])
    for _ in range(max_iter):
        p = 1.0 / (1.0 + np.exp(-(Z @ beta)))
        grad = Z.T @ (c * (p - y)) + pen * beta
        hess = Z.T @ (Z * (c * p * (1 - p))[:, None]) + np.diag(pen)
        step = np.linalg.solve(hess, grad)
        beta -= step
        if np.abs(step).max() < 1e-10:
            break
    return beta


def logistic_fit(X, y, l2: float = 1.0, max_iter: int = 100) -> tuple[np.ndarray, float]:
    """L2-penalised logistic regression by Newton's method, deterministic (no random start, no solver choice):
    ``X`` (n, k) features, ``y`` (n,) 0/1 labels -> (coefficients on the raw features, intercept). The features are
    standardised for the fit (the penalty ``l2`` is on standardised coefficients, the intercept is not penalised)
    and the coefficients mapped back, so a caller scores raw features with :func:`logistic_prob`. A constant column
    gets coefficient 0."""
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    mu, sd = X.mean(0), X.std(0)
    live = sd > 1e-12
    Z = np.zeros_like(X)
    Z[:, live] = (X[:, live] - mu[live]) / sd[live]
    Za = np.hstack([Z, np.ones((len(Z), 1))])
    pen = np.append(np.where(live, l2, 1.0), 1e-9)  # a dead column's coefficient is held at 0 by its penalty
    beta = newton_logistic(Za, y, pen, max_iter=max_iter)
    coef = np.where(live, beta[:-1] / np.where(live, sd, 1.0), 0.0)
    return coef, float(beta[-1] - coef @ mu)


def logistic_prob(X, coef, intercept: float) -> np.ndarray:
    """The probabilities of :func:`logistic_fit`'s model for the rows of ``X``."""
    return 1.0 / (1.0 + np.exp(-(np.asarray(X, dtype=float) @ np.asarray(coef, dtype=float) + intercept)))


def precision_threshold(scores, y, min_precision: float = 0.9) -> float | None:
    """The lowest score threshold (among the scores themselves) at which the rows scoring at or above it have
    precision ``min_precision`` or more against the 0/1 labels ``y``; None when no threshold reaches it. The
    threshold with the most positives called among those that hold the precision."""
    s = np.asarray(scores, dtype=float)
    lab = np.asarray(y, dtype=bool)
    best = None
    for t in sorted(set(s.tolist()), reverse=True):
        called = s >= t
        if lab[called].mean() >= min_precision:
            best = t
    return best
