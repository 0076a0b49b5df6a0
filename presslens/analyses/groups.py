"""Outlets as groups: tone, readability, loaded words and quoted voices per group of outlets.

A group is every article whose outlet (or the article itself) has one value of an attribute
(``group_by``: an attribute of outlets.yaml such as ``kind`` or ``country``, or ``meta.KEY``;
:func:`presslens.story.grouping.article_groups`). An outlet without the attribute is in the group
``unknown``, shown as such, never dropped.

Each measure is a ratio of sums over the group's articles (per-article numerator and denominator),
so a group's value weighs each sentence or word once whatever outlet it comes from:

- ``tone``: mean VADER compound of the group's sentences (all parts, all voices: notebook 02's
  unit), from :func:`presslens.analyses.tone.sentence_tone`;
- ``reading_ease``: mean Flesch reading ease of the group's articles (notebook 03's per-article
  measure; articles without a score are left out), ``words_per_sentence``: words over sentences;
- ``loaded_per_1000``: loaded-language hits (every category of the story's lexicon) per 1,000
  words of the outlets' own narration (outside quotation marks), notebook 01's counting;
- ``quote_share``: share of the group's words inside quotation marks.

Intervals (95%) come from a cluster bootstrap (:func:`presslens.stats.cluster_ci`): outlets are
drawn with replacement within the group, then articles within each drawn outlet, seeded by ``seed``,
the grouping, the group and the measure. A group of one outlet resamples that outlet's articles
only, and a group of few articles gives an interval that is itself unstable: ``weak`` says so and
``note`` says why, beside the number. :func:`voice_shares` gives the share of each group's quoted
words spoken by each voice (actor or speaker), with the same intervals.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from presslens import stats
from presslens.analyses import quotes, readability, tone
from presslens.analyses.findings.common import all_equal, extremes, join, tied
from presslens.analyses.wordchoice import lexicon_for, match
from presslens.engine import tables
from presslens.engine.memo import story_table
from presslens.story.model import Story
from presslens.story.grouping import article_groups
from presslens.story.outlets import UNKNOWN
from presslens.text import segment

MIN_OUTLETS = 2  # a group with fewer outlets: its interval resamples one outlet's articles only
MIN_ARTICLES = 5  # a group with fewer articles: its interval is weak
MEASURES = {
    "tone": "mean VADER compound of the group's sentences",
    "reading_ease": "mean Flesch reading ease of the group's articles",
    "words_per_sentence": "words per sentence",
    "loaded_per_1000": "loaded-language hits per 1,000 words of narration (all lexicon categories)",
    "quote_share": "share of words inside quotation marks",
}
COLUMNS = ["group", "measure", "value", "ci_low", "ci_high", "n_outlets", "n_articles", "weak", "note", "outlets"]


def order(story: Story, groups: pd.Series) -> list[str]:
    """The groups in the order their first outlet comes in the story (``unknown`` last)."""
    first = {o: i for i, o in enumerate(story.outlets)}
    outlet = story.articles.set_index("id")["outlet"]
    rank: dict[str, int] = {}
    for aid, g in groups.items():
        rank[g] = min(rank.get(g, 10**9), first.get(outlet[aid], 10**9))
    return sorted(rank, key=lambda g: (g == UNKNOWN, rank[g], str(g)))


def weakness(n_outlets: int, n_articles: int) -> str:
    """Why a group's interval is weak ('' when it is not)."""
    why = []
    if n_outlets < MIN_OUTLETS:
        why.append(f"{n_outlets} outlet: the interval resamples its articles only, not outlets")
    if n_articles < MIN_ARTICLES:
        why.append(f"{n_articles} article(s): too few for a stable interval")
    return "weak: " + "; ".join(why) if why else ""


def per_article(story: Story, which: tuple[str, ...] | None = None) -> pd.DataFrame:
    """Numerators and denominators of every measure, one row per article (index: article id):
    tone_sum/tone_n, ease/ease_n, words/sentences, loaded/narration_words, quoted_words/words.
    ``which``: only these measures (names of :data:`MEASURES`) are computed; the other measures' columns are
    0 (tone and reading ease each cost a story table of their own: a notebook showing one measure pays for
    that one only)."""
    need = set(MEASURES) if which is None else set(which)
    ids = story.articles["id"].to_numpy()
    out = pd.DataFrame(index=pd.Index(ids, name="article_id"))
    if "tone" in need:
        t = tone.sentence_tone(story)
        t = t[t["compound"].notna()]
        g = t.groupby("article_id")["compound"]
        out["tone_sum"], out["tone_n"] = g.sum(), g.size()
    else:
        out["tone_sum"], out["tone_n"] = 0.0, 0.0
    if "reading_ease" in need:
        r = readability.readability(story).set_index("article_id")
        ease = r["flesch_reading_ease"].astype(float)
        out["ease"], out["ease_n"] = ease.fillna(0.0), ease.notna().astype(float)
    else:
        out["ease"], out["ease_n"] = 0.0, 0.0
    s = tables.process(story).sentences
    by = s.groupby("article_id")
    out["words"], out["sentences"] = by["n_words"].sum(), by.size()
    out["quoted_words"] = by["n_quoted"].sum()
    out["narration_words"] = out["words"] - out["quoted_words"]
    if "loaded_per_1000" in need:
        hits = match(story, lexicon_for(story))
        out["loaded"] = hits[~hits["in_quote"].astype(bool)].groupby("article_id").size()
    else:
        out["loaded"] = 0.0
    return out.fillna(0.0).astype(float)


PAIRS = {"tone": ("tone_sum", "tone_n", 1.0), "reading_ease": ("ease", "ease_n", 1.0),
         "words_per_sentence": ("words", "sentences", 1.0), "loaded_per_1000": ("loaded", "narration_words", 1000.0),
         "quote_share": ("quoted_words", "words", 1.0)}


def _ratio_rows(story: Story, by: str | None, H: pd.DataFrame, W: pd.DataFrame, n_boot: int, seed: int,
                what: str) -> list[dict]:
    """One row per group x column of ``H``/``W`` (rows: articles): the ratio of sums and its cluster interval."""
    groups = article_groups(story, by).reindex(H.index)
    outlet = story.articles.set_index("id")["outlet"].reindex(H.index).to_numpy()
    hs, ws = H.to_numpy(), W.to_numpy()
    where: dict = {}  # group -> its rows, in table order (one pass: a story of thousands of outlets)
    for i, g in enumerate(groups.tolist()):
        where.setdefault(g, []).append(i)
    rows = []
    for g in order(story, groups):
        at = np.asarray(where.get(g, []), dtype=np.int64)
        outs = list(dict.fromkeys(outlet[at]))
        h, w = hs[at], ws[at]
        lo, hi = stats.cluster_ci(h, w, outlet[at], n_boot, stats.group_rng(seed, str(by), g, what))
        tot_h, tot_w = h.sum(axis=0), w.sum(axis=0)
        with np.errstate(invalid="ignore", divide="ignore"):
            val = np.where(tot_w > 0, tot_h / np.where(tot_w > 0, tot_w, 1), np.nan)
        note = weakness(len(outs), len(at))
        for j, col in enumerate(H.columns):
            rows.append({"group": g, "measure": col, "value": val[j], "ci_low": lo[j], "ci_high": hi[j],
                         "n_outlets": len(outs), "n_articles": len(at), "weak": bool(note), "note": note,
                         "outlets": ", ".join(outs)})
    return rows


@story_table
def measures(story: Story, by: str | None, n_boot: int = 1000, seed: int = 0,
             which: tuple[str, ...] | None = None) -> pd.DataFrame:
    """Every measure of :data:`MEASURES` (or those of ``which``, in :data:`MEASURES`' order) per group of
    ``by`` (None: per outlet), with its 95% cluster bootstrap interval: group, measure, value, ci_low,
    ci_high, n_outlets, n_articles, weak, note (why the interval is weak, beside the number), outlets (the
    group's outlets, in story order).

    With ``which``, the rows are those of the whole table for these measures, number for number: the
    bootstrap still sums every measure's column (the others' are 0), so its draws and sums are the same."""
    per = per_article(story, which)
    H = pd.DataFrame({m: per[h] * scale for m, (h, _, scale) in PAIRS.items()})
    W = pd.DataFrame({m: per[w] for m, (_, w, _) in PAIRS.items()})
    rows = _ratio_rows(story, by, H, W, n_boot, seed, "measures")
    if which is not None:
        rows = [r for r in rows if r["measure"] in which]
    return pd.DataFrame(rows, columns=COLUMNS)


def wide(table: pd.DataFrame, digits: int = 2) -> pd.DataFrame:
    """:func:`measures` as one row per group and one column per measure, each cell ``value [low, high]``
    with ``(weak)`` where the interval is weak: the table a notebook prints."""
    def cell(r) -> str:
        if pd.isna(r.value):
            return "n/a"
        return f"{r.value:.{digits}f} [{r.ci_low:.{digits}f}, {r.ci_high:.{digits}f}]" + (" (weak)" if r.weak else "")
    t = table.assign(cell=[cell(r) for r in table.itertuples(index=False)])
    out = t.pivot(index="group", columns="measure", values="cell")
    out = out.reindex(index=list(dict.fromkeys(table["group"])), columns=list(dict.fromkeys(table["measure"])))
    meta = table.drop_duplicates("group").set_index("group")[["n_outlets", "n_articles", "note", "outlets"]]
    return meta.join(out).reset_index()


@story_table
def voice_shares(story: Story, by: str | None, n_boot: int = 1000, seed: int = 0, top: int = 8) -> pd.DataFrame:
    """Whose words each group quotes: the share of the group's words in direct quotes spoken by each
    voice (an actor, else the speaker, else 'unattributed': notebook 05's voice share), with cluster
    bootstrap intervals; the ``top`` voices by words over the whole story, the rest as 'other'.
    Columns: group, voice, share, ci_low, ci_high, quoted_words, n_outlets, n_articles, weak, note."""
    q = quotes.quotes(story)
    q = q[q["kind"] == "direct"]
    cols = ["group", "voice", "share", "ci_low", "ci_high", "quoted_words", "n_outlets", "n_articles", "weak", "note"]
    if q.empty:
        return pd.DataFrame(columns=cols)
    voice = [a if isinstance(a, str) else (s if isinstance(s, str) else "unattributed")
             for a, s in zip(q["actor"], q["speaker"])]
    q = q.assign(voice=voice, words=[len(segment.TOKEN.findall(t)) for t in q["quote"]])
    keep = list(q.groupby("voice")["words"].sum().sort_values(ascending=False, kind="mergesort").index[:top])
    q["voice"] = q["voice"].where(q["voice"].isin(keep), "other")
    H = q.pivot_table(index="article_id", columns="voice", values="words", aggfunc="sum", fill_value=0)
    H = H.reindex(index=story.articles["id"], fill_value=0).astype(float)
    H = H[[v for v in (*keep, "other") if v in H.columns]]
    W = pd.DataFrame({v: H.sum(axis=1) for v in H.columns})
    rows = _ratio_rows(story, by, H, W, n_boot, seed, "voice_shares")
    g = article_groups(story, by).reindex(H.index)
    totals = H.groupby(g.to_numpy()).sum()
    out = pd.DataFrame(rows).rename(columns={"measure": "voice", "value": "share"})
    out["quoted_words"] = [int(totals.loc[r.group, r.voice]) for r in out.itertuples(index=False)]
    return out[out["quoted_words"] > 0][cols].reset_index(drop=True)


def findings(table: pd.DataFrame) -> list[str]:
    """Sentences from :func:`measures` (one per measure): the highest and lowest group with their
    intervals, whether the intervals overlap, and the weak ones named."""
    out = []
    groups_seen = list(dict.fromkeys(table["group"]))
    if len(groups_seen) < 2:
        return [f"One group only ({groups_seen[0] if groups_seen else 'none'}): nothing to compare (table: groups)."]
    for measure, sub in table.groupby("measure", sort=False):
        sub = sub.dropna(subset=["value"])
        if len(sub) < 2:
            continue
        # decided as printed (3 significant figures): 0.06031 and 0.06034 are both "0.0603", neither the highest
        sub = sub.assign(_shown=[float(f"{v:.3g}") for v in sub["value"]])
        his, los = extremes(sub, "_shown"), extremes(sub, "_shown", largest=False)
        hi, lo = his.iloc[0], los.iloc[0]
        what = MEASURES[measure][0].upper() + MEASURES[measure][1:]
        if all_equal(sub, "_shown"):
            out.append(f"{what}: every group has {hi.value:.3g} (table: groups).")
            continue
        # a tie names every group holding it; the intervals compared are the closest of the tied groups'
        weak = [r.group for rows in (his, los) for r in rows.itertuples() if r.weak]
        if his["ci_low"].min() <= los["ci_high"].max():
            verdict = "the intervals overlap: the difference may be chance."
        elif weak:
            verdict = (f"the intervals do not overlap, but {join(list(dict.fromkeys(map(str, weak))))} "
                       f"{'has a weak interval' if len(weak) == 1 else 'have weak intervals'} (column note): "
                       "too little to call it a difference.")
        else:
            verdict = "the intervals do not overlap."

        def cell(rows: pd.DataFrame) -> str:
            return _cell(rows.iloc[0]) if len(rows) == 1 else f"{rows['value'].iloc[0]:.3g} each"

        out.append(f"{what}: highest {tied(his['group'])} {cell(his)}, lowest {tied(los['group'])} {cell(los)}; "
                   f"{verdict} (table: groups)")
    weak = list(dict.fromkeys(table.loc[table["weak"], "group"]))
    if weak:
        out.append(f"Weak intervals (fewer than {MIN_OUTLETS} outlets or {MIN_ARTICLES} articles): "
                   f"{join(weak)}: read their numbers as anecdotes (column note).")  # 60 groups: ten, then a count
    return out


def _cell(r) -> str:
    return f"{r.value:.3g} (95% interval {r.ci_low:.3g} to {r.ci_high:.3g}, {r.n_outlets} outlet(s), {r.n_articles} article(s))"
