"""Keyness: which words each outlet uses more (or less) than the rest of the corpus, and
(:func:`compare`) which words one outlet or group uses more than another.

The statistic is the log-odds ratio with an informative Dirichlet prior of Monroe, Colaresi & Quinn
(2008), "Fightin' Words: Lexical Feature Selection and Evaluation for Identifying the Content of
Political Conflict", *Political Analysis* 16(4), 372-403, section 3.5. For word w, group a (one
outlet) and group b (every other outlet), with counts y and totals n:

    delta_w = log[(y_aw + a_w) / (n_a + a_0 - y_aw - a_w)] - log[(y_bw + a_w) / (n_b + a_0 - y_bw - a_w)]
    var_w  ~= 1 / (y_aw + a_w) + 1 / (y_bw + a_w)
    z_w     = delta_w / sqrt(var_w)

where a_w is the prior pseudo-count of w and a_0 = sum_w a_w. A positive z means the outlet uses the
word more than the others, after shrinking differences that rest on few occurrences towards zero.

Prior (the choice this module makes): a_w = ``prior_scale`` x (count of w in the whole corpus), so
a_0 = ``prior_scale`` x (number of counted tokens). The prior is the corpus's own word distribution
(Monroe et al.'s informative prior, with the corpus itself as background), and ``prior_scale`` sets
its strength as a multiple of the corpus size. The default 1.0 uses the corpus counts unscaled, the
common practice since Jurafsky et al. (2014, "Narrative framing of consumer sentiment in online
restaurant reviews", First Monday 19(4)); it carries as much weight as the data, which is strong
shrinkage, right for a corpus of a few articles where most words occur once or twice. Monroe et
al.'s own formulation fixes a_0 instead: pass ``prior_scale = a0 / n_tokens`` to get it. Lower the
scale (0.1, 0.01) for large corpora where the data should speak more. Deltas grow as the scale
falls; ranks by z barely move (on the bundled story, Spearman >= 0.98 between 1.0 and 0.01).
"""
from __future__ import annotations

import re
from typing import Iterable
import numpy as np
import pandas as pd

from presslens.errors import ParameterError
from presslens.data import STOPWORDS
from presslens.engine import tables
from presslens.engine.memo import story_table
from presslens.story.model import Story
from presslens.story.grouping import article_groups


NUMBER = re.compile(r"^\d+(?:[.,\-]\d+)*$")
VOICES = ("narration", "quote", "all")


def _lodp(a: np.ndarray, b: np.ndarray, alpha: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Vectorised MCQ log-odds over the last axis: (delta, var, z). ``a``, ``b`` broadcast against ``alpha``."""
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    alpha = np.asarray(alpha, dtype=float)
    n_a = a.sum(axis=-1, keepdims=True)
    n_b = b.sum(axis=-1, keepdims=True)
    a0 = alpha.sum(axis=-1, keepdims=True)
    delta = (np.log(a + alpha) - np.log(n_a + a0 - a - alpha)) - (np.log(b + alpha) - np.log(n_b + a0 - b - alpha))
    var = 1.0 / (a + alpha) + 1.0 / (b + alpha)
    return delta, var, delta / np.sqrt(var)


def log_odds_dirichlet(counts_a, counts_b, prior) -> pd.DataFrame:
    """Log-odds ratio with informative Dirichlet prior (Monroe, Colaresi & Quinn 2008, eq. 16-22).

    ``counts_a``, ``counts_b`` and ``prior`` are aligned vectors over the same vocabulary (pandas
    Series are aligned on their index; anything else is taken in order): word counts of group a,
    word counts of group b, and the prior pseudo-counts a_w (all > 0). Returns a DataFrame indexed
    by word with ``delta`` (log-odds ratio, a over b), ``var`` (its approximate variance), ``se`` and
    ``z`` = delta / se.
    """
    if isinstance(counts_a, pd.Series):
        index = counts_a.index
        counts_b = pd.Series(counts_b, index=index) if not isinstance(counts_b, pd.Series) else counts_b.reindex(index, fill_value=0)
        prior = pd.Series(prior, index=index) if not isinstance(prior, pd.Series) else prior.reindex(index)
    else:
        index = None
    a = np.asarray(counts_a, dtype=float)
    b = np.asarray(counts_b, dtype=float)
    alpha = np.asarray(prior, dtype=float)
    if not (a.shape == b.shape == alpha.shape) or a.ndim != 1:
        raise ParameterError.bad("log_odds_dirichlet", "counts_a, counts_b, prior",
                                 f"must be vectors of one length, got {a.shape}, {b.shape}, {alpha.shape}",
                                 "pass one count per word of one vocabulary, in the same order")
    if np.isnan(alpha).any() or (alpha <= 0).any():
        raise ParameterError.bad("log_odds_dirichlet", "prior", "prior pseudo-counts must all be > 0",
                                 "give a word missing from the prior a small value (e.g. 0.01)")
    if (a < 0).any() or (b < 0).any():
        raise ParameterError.bad("log_odds_dirichlet", "counts_a, counts_b", "counts must be >= 0",
                                 "pass word counts (0 or more)")
    delta, var, z = _lodp(a, b, alpha)
    return pd.DataFrame({"delta": delta, "var": var, "se": np.sqrt(var), "z": z}, index=index)


def _tokens_of(story_or_tokens) -> tuple[pd.DataFrame, list[str] | None]:
    if isinstance(story_or_tokens, Story):
        return tables.process(story_or_tokens).tokens, story_or_tokens.outlets
    if hasattr(story_or_tokens, "tokens") and isinstance(story_or_tokens.tokens, pd.DataFrame):
        return story_or_tokens.tokens, None
    if isinstance(story_or_tokens, pd.DataFrame):
        return story_or_tokens, None
    raise ParameterError.bad("keyness", "story_or_tokens", f"expected a Story or a token table, got {type(story_or_tokens).__name__}",
                              "pass load_story(...) or tables.tokens(story)")


def counted_tokens(tokens: pd.DataFrame, voice: str = "narration", stopwords: bool | Iterable[str] = True,
                   drop_numbers: bool = True) -> pd.DataFrame:
    """The rows of a token table that keyness counts: one voice, without stop words and pure numbers.

    ``voice`` is 'narration' (outside quotation marks), 'quote' (inside) or 'all'. ``stopwords`` is
    True (the built-in :data:`STOPWORDS`), False (keep every word) or a collection of words.
    """
    if voice not in VOICES:
        raise ParameterError.bad("keyness", "voice", f"voice={voice!r} is not a voice", f"use one of {VOICES}")
    keep = np.ones(len(tokens), dtype=bool)
    if voice != "all":
        inq = tokens["in_quote"].to_numpy(dtype=bool)
        keep &= inq if voice == "quote" else ~inq
    tok = tokens["token"]
    if stopwords is not False:
        sw = STOPWORDS if stopwords is True else frozenset(w.lower() for w in stopwords)
        keep &= ~tok.isin(sw).to_numpy()
    if drop_numbers:
        keep &= ~tok.str.fullmatch(NUMBER.pattern).to_numpy(dtype=bool)
    return tokens.loc[keep]


@story_table
def keyness(story_or_tokens, min_count: int = 3, prior_scale: float = 1.0, voice: str = "narration",
            stopwords: bool | Iterable[str] = True, drop_numbers: bool = True) -> pd.DataFrame:
    """Each outlet against the rest of the corpus: informative-prior log-odds per word.

    ``story_or_tokens`` is a Story (its token table is used, outlets in story order) or a token
    table with ``outlet``, ``token`` and ``in_quote`` columns. Only tokens of ``voice`` are counted
    ('narration' by default: the outlet's own words, not the words it quotes), minus stop words and
    pure numbers (see :func:`counted_tokens`). The prior is a_w = ``prior_scale`` x corpus count of w
    (see the module docstring). Every word is used to compute the totals, but words whose corpus
    count is below ``min_count`` are dropped from the output.

    Returns one row per outlet x word: outlet, term, count_outlet, count_rest, rate_outlet and
    rate_rest (per 1,000 counted tokens), delta, se, z; sorted by outlet (story order) then z
    (highest first).
    """
    if prior_scale <= 0:
        raise ParameterError.bad("keyness", "prior_scale", f"prior_scale must be > 0, got {prior_scale}", "use e.g. prior_scale=1.0")
    tokens, order = _tokens_of(story_or_tokens)
    tok = counted_tokens(tokens, voice=voice, stopwords=stopwords, drop_numbers=drop_numbers)
    cols = ["outlet", "term", "count_outlet", "count_rest", "rate_outlet", "rate_rest", "delta", "se", "z"]
    if tok.empty:
        return pd.DataFrame(columns=cols)
    o_codes, o_uni = pd.factorize(tok["outlet"], sort=False)
    t_codes, t_uni = pd.factorize(tok["token"], sort=True)
    n_o, n_v = len(o_uni), len(t_uni)
    if n_o < 2:
        raise ParameterError.bad("keyness", "story_or_tokens",
                                  "keyness compares an outlet with the rest: it needs tokens from at least two outlets",
                                  "select two or more outlets")
    counts = np.bincount(o_codes * n_v + t_codes, minlength=n_o * n_v).reshape(n_o, n_v).astype(float)
    total = counts.sum(axis=0)
    alpha = prior_scale * total
    rest = total[None, :] - counts
    delta, var, z = _lodp(counts, rest, alpha[None, :])
    n_a = counts.sum(axis=1, keepdims=True)
    n_b = total.sum() - n_a
    keep = total >= min_count
    out = pd.DataFrame({
        "outlet": np.repeat(np.asarray(o_uni, dtype=object), keep.sum()),
        "term": np.tile(np.asarray(t_uni, dtype=object)[keep], n_o),
        "count_outlet": counts[:, keep].ravel().astype(int),
        "count_rest": rest[:, keep].ravel().astype(int),
        "rate_outlet": (1000 * counts / n_a)[:, keep].ravel(),
        "rate_rest": (1000 * rest / np.where(n_b > 0, n_b, np.nan))[:, keep].ravel(),
        "delta": delta[:, keep].ravel(),
        "se": np.sqrt(var[:, keep]).ravel(),
        "z": z[:, keep].ravel(),
    }, columns=cols)
    if order is None:
        order = list(o_uni)
    rank = {o: i for i, o in enumerate(order)}
    # sorted by outlet (story order), z (highest first, NaN last), term: one lexsort of integer and float
    # keys (the terms are factorized in sorted order, so their codes sort as the strings do), not a
    # sort of millions of rows on a column of strings
    o_rank = np.repeat(np.array([rank.get(o, len(rank)) for o in o_uni], dtype=np.int64), keep.sum())
    t_rank = np.tile(np.flatnonzero(keep), n_o)
    zz = out["z"].to_numpy(dtype=float)
    nan = np.isnan(zz)
    at = np.lexsort((t_rank, np.where(nan, 0.0, -zz), nan, o_rank))
    return out.take(at).reset_index(drop=True)


def top(keyness_table: pd.DataFrame, n: int = 10, side: str = "over") -> pd.DataFrame:
    """The ``n`` most distinctive words per outlet from a :func:`keyness` table.

    ``side`` is 'over' (highest z: the outlet uses them more), 'under' (lowest z) or 'both'
    (adds a ``side`` column).
    """
    if side not in ("over", "under", "both"):
        raise ParameterError.bad("top", "side", f"side={side!r} is not a side", "use 'over', 'under' or 'both'")
    order = {o: i for i, o in enumerate(keyness_table["outlet"].unique())}
    parts = []
    if side in ("over", "both"):
        over = keyness_table.sort_values("z", ascending=False, kind="mergesort").groupby("outlet", sort=False).head(n)
        parts.append(over.assign(side="over"))
    if side in ("under", "both"):
        under = keyness_table.sort_values("z", ascending=True, kind="mergesort").groupby("outlet", sort=False).head(n)
        parts.append(under.assign(side="under"))
    out = pd.concat(parts)
    out = out.assign(_o=out["outlet"].map(order), _s=out["side"].map({"over": 0, "under": 1}))
    out = out.sort_values(["_o", "_s"], kind="mergesort").drop(columns=["_o", "_s"])
    if side != "both":
        out = out.drop(columns="side")
    return out.reset_index(drop=True)


COMPARE_COLS = ["term", "count_a", "count_b", "rate_a", "rate_b", "delta", "se", "z"]


def _side(groups: pd.Series, side, name: str, by: str | None) -> set[str]:
    """The article ids of one side of :func:`compare`: every article whose group is ``side`` (one
    value, or a list of values, of ``by``; outlets when ``by`` is None)."""
    wanted = [side] if isinstance(side, str) else list(side) if isinstance(side, (list, tuple, set)) else None
    choices = list(dict.fromkeys(groups))
    if not wanted or not all(isinstance(x, str) for x in wanted):
        raise ParameterError.bad("keyness.compare", name, f"{side!r} is not a group or a list of groups",
                                 f"use one of {choices} or a list of them")
    unknown = [x for x in wanted if x not in choices]
    if unknown:
        raise ParameterError.bad("keyness.compare", name, f"{unknown[0]!r} is not "
                                 + (f"a value of {by!r}" if by else "an outlet of the story"),
                                 f"use one of {choices}" + ("" if by else ", or group_by an attribute (by='kind')"))
    return set(groups.index[groups.isin(wanted)])


def compare(story: Story, a, b, by: str | None = None, min_count: int = 3, prior_scale: float = 1.0,
            voice: str = "narration", stopwords: bool | Iterable[str] = True, drop_numbers: bool = True) -> pd.DataFrame:
    """Keyness of one side against another: any two outlets, groups or lists of them.

    ``a`` and ``b`` are values of ``by`` (an attribute of outlets.yaml such as ``"kind"``, or
    ``"meta.KEY"``; see :func:`presslens.story.grouping.article_groups`), or outlets when ``by`` is
    None; each may be one value or a list. The statistic is :func:`keyness`'s (log-odds with the
    informative Dirichlet prior, the whole corpus's counts as the prior, so words both sides share
    with the rest are shrunk alike), counting ``voice`` only, minus stop words and numbers.

    One row per word seen at least ``min_count`` times on the two sides together: term, count_a,
    count_b, rate_a and rate_b (per 1,000 counted tokens), delta, se, z; highest z first (a word
    side ``a`` uses more), lowest last (side ``b`` uses more).
    """
    if prior_scale <= 0:
        raise ParameterError.bad("keyness.compare", "prior_scale", f"prior_scale must be > 0, got {prior_scale}", "use e.g. 1.0")
    groups = article_groups(story, by)
    ids_a, ids_b = _side(groups, a, "a", by), _side(groups, b, "b", by)
    if ids_a & ids_b:
        raise ParameterError.bad("keyness.compare", "a, b", f"{a!r} and {b!r} share articles",
                                 "compare two sides that do not overlap")
    tok = counted_tokens(tables.process(story).tokens, voice=voice, stopwords=stopwords, drop_numbers=drop_numbers)
    t_codes, t_uni = pd.factorize(tok["token"], sort=True)
    aid = tok["article_id"].to_numpy()
    total = np.bincount(t_codes, minlength=len(t_uni)).astype(float)
    ca = np.bincount(t_codes[np.isin(aid, list(ids_a))], minlength=len(t_uni)).astype(float)
    cb = np.bincount(t_codes[np.isin(aid, list(ids_b))], minlength=len(t_uni)).astype(float)
    for side, c in (("a", ca), ("b", cb)):
        if c.sum() == 0:
            raise ParameterError.bad("keyness.compare", side, f"{a if side == 'a' else b!r} has no {voice} words to count",
                                     "choose another side, or voice='all'")
    delta, var, z = _lodp(ca, cb, prior_scale * total)
    keep = (ca + cb) >= min_count
    out = pd.DataFrame({"term": np.asarray(t_uni, dtype=object), "count_a": ca.astype(int), "count_b": cb.astype(int),
                        "rate_a": 1000 * ca / ca.sum(), "rate_b": 1000 * cb / cb.sum(), "delta": delta,
                        "se": np.sqrt(var), "z": z}, columns=COMPARE_COLS)[keep]
    return out.sort_values(["z", "term"], ascending=[False, True], kind="mergesort").reset_index(drop=True)
