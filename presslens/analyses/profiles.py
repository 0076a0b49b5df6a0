"""Outlet profiles: one row per outlet bringing every analysis together, and which outlets told the
story alike.

:func:`profiles` reads the tables the other notebooks compute (all cached per story): length and
readability (03), the tone of the outlet's own narration (02), loaded language per category in its
narration and its most distinctive terms (01), whose words it quotes and its anonymous sources (05),
the names it uses and its translation indicators (04), how much of its narration is found in other
outlets' articles and its likely sources (06), the claims it carries (07), and the facts discovered
without patterns that it carries or leaves out (07; :func:`fact_rows` lists the sentence behind
each). Each column names the table it comes from, so every number can be read back in that notebook.

:func:`similarity` compares outlets on their framing: the claims each carries (Jaccard), whose words
each quotes (overlap of voice shares), and the loaded-language profile of its narration (cosine of
category rates). Their mean is the framing similarity (a pair needs two of the three), and :func:`clusters` groups outlets by it
(average-linkage hierarchical clustering, scipy), so a reader sees which outlets told the story alike.
"""
from __future__ import annotations

import warnings
import numpy as np
import pandas as pd

from presslens.analyses.facts.omission import earliest
from presslens.analyses.naming import names, translation
from presslens.analyses.quotes import sources as analyses_quotes_sources
from presslens.analyses.wordchoice import lexicon, matching
from presslens.analyses.findings.common import extremes, tied
from presslens.engine import sanity
from presslens.engine.memo import story_table
from presslens.story.model import Story
from . import claims, facts, keyness, provenance, readability, reuse, tone


# column -> (what it is, the table and notebook it comes from)
SOURCES = {
    "n_articles": ("articles of the outlet", "articles, 00-corpus"),
    "words_per_article": ("mean words per article", "readability, 03-readability"),
    "reading_ease": ("mean Flesch reading ease (higher is easier)", "readability, 03-readability"),
    "narration_tone": ("mean VADER compound of the outlet's own narration", "tone by outlet, 02-tone"),
    "loaded_per_1000": ("loaded words per 1,000 words of narration, all categories", "word choice, 01-word-choice"),
    "top_category": ("the loaded-language category with the highest rate in its narration", "word choice, 01-word-choice"),
    "distinctive_terms": ("its most distinctive narration terms (log-odds z)", "keyness, 01-word-choice"),
    "top_voice": ("whose words it quotes most, with the share of its quoted words", "voice share, 05-sources"),
    "n_voices": ("voices quoted directly", "voice share, 05-sources"),
    "anonymous_sources": ("anonymous speakers", "speakers, 05-sources"),
    "renderings": ("renderings it uses (misspellings, calques)", "naming ledger, 04-naming"),
    "translation": ("translation verdicts of its articles", "translations, 04-naming"),
    "reuse_share": ("mean share of its articles' narration found in another outlet's article", "containment, 06-reuse"),
    "likely_sources": ("likely sources in the corpus, with the provenance status", "provenance, 06-reuse"),
    "claims_carried": ("claims carried, of the story's claims", "claims by outlet, 07-claims"),
    "claims_share": ("share of the story's claims carried", "claims by outlet, 07-claims"),
    "facts_carried": ("discovered facts (stated in two articles or more) it carries, in any voice",
                      "discovered facts, 07-claims; profiles.fact_rows"),
    "facts_left_out": ("discovered facts most outlets carry (half of them, three at least) that it leaves out",
                       "facts left out, 07-claims; profiles.fact_rows"),
}
COLS = ["outlet", *SOURCES]


FACT_ROW_COLS = ["outlet", "status", "fact", "label", "sentence_outlet", "article_id", "sentence"]


@story_table
def fact_rows(story: Story) -> pd.DataFrame:
    """The sentences behind the profile's fact counts (``FACT_ROW_COLS``): per outlet, every discovered
    fact it carries (``status`` "carried": its earliest sentence in the fact) and every fact most
    outlets carry that it leaves out ("left out": the sentence of the first outlet that carries it).
    Cached on disk by the story (notebook 08's warm kernel reads it)."""
    m = facts.members(story)
    found = facts.summarise(m)
    outlets = list(story.outlets)
    mm = m[m["fact"].isin(found["fact"]) & m["outlet"].isin(outlets)]
    first = earliest(mm)
    if first.empty or found.empty:
        g = facts.grid(m, found, outlets, {})
        first = g[g["voice"] != "absent"].rename(columns={"sentence": "text"})
    # the carried cells of facts.grid (their earliest sentence), read without its facts x outlets product
    have = first[first["voice"].notna() & (first["voice"] != "absent")]
    ids = have["article_id"].astype(object)
    text = have["text"].astype(object)
    carried = pd.DataFrame({"outlet": have["outlet"], "status": "carried",
                            "fact": have["fact"].astype(found["fact"].dtype),
                            "label": have["fact"].map(dict(zip(found["fact"], found["label"]))),
                            "sentence_outlet": have["outlet"],
                            "article_id": ids.where(ids.notna(), None), "sentence": text.where(text.notna(), None)})
    left = facts.left_out(story)  # the same call as notebook 07's (its cached table)
    ids = first["article_id"].astype(object)
    at = dict(zip(zip(first["fact"], first["outlet"]), ids.where(ids.notna(), None)))
    missing = pd.DataFrame({"outlet": left["outlet"], "status": "left out", "fact": left["fact"], "label": left["label"],
                            "sentence_outlet": left["example_outlet"],
                            "article_id": [at.get((f, o)) for f, o in zip(left["fact"], left["example_outlet"])],
                            "sentence": left["example_sentence"]})
    out = pd.concat([x for x in (carried, missing) if len(x)] or [carried], ignore_index=True)
    order = {o: i for i, o in enumerate(outlets)}
    out = out.assign(_o=out["outlet"].map(order)).sort_values(["_o", "status", "fact"], kind="mergesort")
    return out.drop(columns="_o").reset_index(drop=True)[FACT_ROW_COLS]


def _joined(outlet: pd.Series, items, once: bool = False) -> dict:
    """outlet -> its items (in table order) joined with ", " (``once``: each item once): a group-by on
    the outlet without a frame per outlet."""
    got: dict = {}
    for o, item in zip(outlet.tolist(), items):
        if o == o and o is not None:  # a missing outlet makes no group
            got.setdefault(o, []).append(item)
    return {o: ", ".join(dict.fromkeys(v) if once else v) for o, v in got.items()}


def _by_outlet(table: pd.DataFrame, value: str, how: str = "mean") -> dict:
    if table.empty:
        return {}
    return table.groupby("outlet", sort=False)[value].agg(how).to_dict()


@story_table
def profiles(story: Story) -> pd.DataFrame:
    """One row per outlet (``COLS``; :data:`SOURCES` says where each column comes from)."""

    outlets = list(story.outlets)
    n_art = story._memo("outlet_counts", lambda: story.articles["outlet"].value_counts().to_dict())
    read = readability.readability(story)
    words, ease = _by_outlet(read, "n_words"), _by_outlet(read, "flesch_reading_ease")
    narr = tone.outlet_tone(story, voice="narration", n_boot=0)
    narr_tone = dict(zip(narr["outlet"], narr["mean"]))
    rates = matching.rates(story, lexicon.lexicon_for(story), n_boot=0)
    rates = rates[rates["voice"] == "narration"]
    loaded = _by_outlet(rates, "rate_per_1000", "sum")
    top_cat = {}
    for o, g in rates.groupby("outlet", sort=False):
        g = extremes(g[g["hits"] > 0].sort_values("label", kind="stable"), "rate_per_1000")  # a tie: every one named
        top_cat[o] = f"{tied(g['label'], sep=' / ')} ({g.iloc[0]['rate_per_1000']:.1f})" if len(g) else ""
    key = keyness.top(keyness.keyness(story), n=5) if len(outlets) > 1 else pd.DataFrame(columns=["outlet", "term"])
    key = key[key["z"] > 0] if "z" in key else key  # distinctive: used more than by the rest, never less
    terms = {o: ", ".join(g["term"]) for o, g in key.groupby("outlet", sort=False)}
    share = analyses_quotes_sources.voice_share(story)
    named = share[share["voice"] != "unattributed"]
    top_voice, n_voices = {}, {}
    for o, g in named.groupby("outlet", sort=False):
        t = extremes(g.sort_values("voice", kind="stable"), "share")
        top_voice[o], n_voices[o] = f"{tied(t['voice'], sep=' / ')} ({t['share'].iloc[0]:.0%})", int(g["voice"].nunique())
    spk = analyses_quotes_sources.speakers(story)
    anon = spk[spk["speaker_kind"] == "anonymous"].groupby("outlet", sort=False).size().to_dict() if len(spk) else {}
    led = names.ledger(story)
    rend = led[led["kind"].astype(str).str.startswith("rendering")] if len(led) else led
    renderings = _joined(rend["outlet"], (f"{f} ({k.split(': ')[-1]})"
                                          for f, k in zip(rend["form"].tolist(), rend["kind"].tolist()))) \
        if len(rend) else {}
    verdicts = translation.likely_translations(story, translation.translation_indicators(story))
    transl = {o: ", ".join(sorted(set(g["verdict"]))) for o, g in verdicts.groupby("outlet", sort=False)}
    grid = claims.grid(story)
    carried = grid[grid["n_carrying"] > 0].groupby("outlet", sort=False).size().to_dict() if len(grid) else {}
    n_claims = len(story.claims)
    r = reuse.analyse(story)
    c = r.containment[~r.containment["reference"] & (r.containment["outlet"] != r.containment["other_outlet"])]
    best = c.groupby(["outlet", "article"], sort=False)["containment_narration"].max().reset_index()
    reuse_share = best.groupby("outlet", sort=False)["containment_narration"].sum().to_dict()
    measured = story.articles[~story.articles["id"].isin(set(r.left_out["article_id"]))]
    reuse_share = {o: reuse_share.get(o, 0.0) / n for o, n in measured["outlet"].value_counts().items()}  # none shared: 0
    prov = provenance.provenance(story)
    likely = prov[prov["likeliest"].astype(bool)] if len(prov) else prov
    sources = _joined(likely["outlet"], (f"{so} ({st})"
                                         for so, st in zip(likely["source_outlet"].tolist(), likely["status"].tolist())),
                      once=True) if len(likely) else {}
    fr = fact_rows(story)
    n_facts = fr.groupby(["outlet", "status"]).size().to_dict()
    rows = []
    for o in outlets:
        rows.append({"outlet": o, "n_articles": int(n_art.get(o, 0)),
                     "words_per_article": words.get(o, np.nan), "reading_ease": ease.get(o, np.nan),
                     "narration_tone": narr_tone.get(o, np.nan), "loaded_per_1000": loaded.get(o, np.nan),
                     "top_category": top_cat.get(o, ""), "distinctive_terms": terms.get(o, ""),
                     "top_voice": top_voice.get(o, ""), "n_voices": n_voices.get(o, 0),
                     "anonymous_sources": int(anon.get(o, 0)), "renderings": renderings.get(o, ""),
                     "translation": transl.get(o, ""), "reuse_share": reuse_share.get(o, np.nan),
                     "likely_sources": sources.get(o, ""),
                     "claims_carried": f"{carried.get(o, 0)} of {n_claims}" if n_claims else "",
                     "claims_share": carried.get(o, 0) / n_claims if n_claims else np.nan,
                     "facts_carried": int(n_facts.get((o, "carried"), 0)),
                     "facts_left_out": int(n_facts.get((o, "left out"), 0))})
    return sanity.tag_language(pd.DataFrame(rows, columns=COLS), story)


# measures of the three (claims, voices, loaded words) a pair needs for a framing similarity
MIN_MEASURES = 2


@story_table
def similarity(story: Story) -> pd.DataFrame:
    """Framing similarity of every pair of outlets, tidy: outlet_a, outlet_b, claims (Jaccard of the
    claims each carries), voices (sum over voices of the smaller share: 1 when both quote the same
    voices in the same proportions), words (cosine of loaded-language category rates in narration),
    and framing, the mean of those three that exist (NaN when fewer than ``MIN_MEASURES`` do: one
    measure alone, such as two shared claims of an outlet that quotes nobody, is no framing). Symmetric, diagonal 1.
    Computed as matrices (numpy), so 2,000 outlets (4 million pairs) take seconds."""

    outlets = list(story.outlets)
    k = len(outlets)
    at = {o: i for i, o in enumerate(outlets)}
    nan = np.full((k, k), np.nan)
    # claims carried: Jaccard from a 0/1 matrix
    jac = nan.copy()
    if story.claims:
        grid = claims.grid(story)
        ids = {c.id: j for j, c in enumerate(story.claims)}
        m = np.zeros((k, len(ids)))
        g = grid[grid["n_carrying"] > 0]
        m[[at[o] for o in g["outlet"]], [ids[c] for c in g["claim"]]] = 1.0
        inter = m @ m.T
        size = m.sum(axis=1)
        union = size[:, None] + size[None, :] - inter
        with np.errstate(invalid="ignore", divide="ignore"):
            jac = np.where(union > 0, inter / union, np.nan)
    # voices: overlap of the shares of quoted words, in row blocks (outlets x outlets x voices)
    share = analyses_quotes_sources.voice_share(story)
    share = share[share["voice"] != "unattributed"]
    vo = nan.copy()
    if len(share):
        names = {v: j for j, v in enumerate(dict.fromkeys(share["voice"]))}
        v = np.zeros((k, len(names)))
        v[[at[o] for o in share["outlet"]], [names[x] for x in share["voice"]]] = share["quoted_words"].to_numpy(float)
        tot = v.sum(axis=1)
        has = tot > 0
        v[has] /= tot[has, None]
        block = max(1, int(2e7 // max(1, k * len(names))))
        vo = np.empty((k, k))
        for i in range(0, k, block):
            vo[i:i + block] = np.minimum(v[i:i + block, None, :], v[None, :, :]).sum(axis=2)
        vo[~has, :] = np.nan
        vo[:, ~has] = np.nan
    # loaded words in narration: cosine of the category rates
    rates = matching.rates(story, lexicon.lexicon_for(story), n_boot=0)
    rates = rates[rates["voice"] == "narration"]
    wo = nan.copy()
    if len(rates):
        cats = {c: j for j, c in enumerate(sorted(set(rates["category"])))}
        r = np.zeros((k, len(cats)))
        r[[at[o] for o in rates["outlet"]], [cats[c] for c in rates["category"]]] = rates["rate_per_1000"].to_numpy(float)
        norm = np.linalg.norm(r, axis=1)
        ok = norm > 0
        r[ok] /= norm[ok, None]
        wo = r @ r.T
        wo[~ok, :] = np.nan
        wo[:, ~ok] = np.nan
    with np.errstate(invalid="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # a pair with no measure at all: NaN, said in the docstring
        parts = np.stack([jac, vo, wo])
        framing = np.nanmean(parts, axis=0)
    # one measure alone is no framing: two articles sharing three claim hits, one of them quoting nobody
    # and using no loaded word, were "told alike" at 1.00 (attack session 17): a pair needs two measures
    framing[np.isfinite(parts).sum(axis=0) < MIN_MEASURES] = np.nan
    np.fill_diagonal(framing, 1.0)
    a = np.repeat(np.arange(k), k)
    b = np.tile(np.arange(k), k)
    names_ = np.array(outlets, dtype=object)
    return sanity.tag_language(pd.DataFrame({"outlet_a": names_[a], "outlet_b": names_[b], "claims": jac.ravel(),
                                             "voices": vo.ravel(), "words": wo.ravel(), "framing": framing.ravel()}), story)


# up to this many outlets the groups are shown in scipy's optimal leaf order (its cost grows with the
# cube of the outlets: 2 s at 1,000, 15 s at 2,000); above, in the dendrogram's own order
OPTIMAL_ORDER_MAX = 1000


def _square(sim: pd.DataFrame, outlets: list[str]) -> np.ndarray:
    """The framing similarity as an outlets x outlets matrix (rows outlet_a, columns outlet_b, in
    ``outlets``' order). :func:`similarity`'s table is that grid row by row already: read as is,
    without pivoting millions of rows of names; any other table is pivoted."""
    k = len(outlets)
    if len(sim) == k * k:
        names_ = np.array(outlets, dtype=object)
        if (np.array_equal(sim["outlet_a"].to_numpy(object), np.repeat(names_, k))
                and np.array_equal(sim["outlet_b"].to_numpy(object), np.tile(names_, k))):
            return sim["framing"].to_numpy(float).reshape(k, k)
    m = sim.pivot(index="outlet_a", columns="outlet_b", values="framing").reindex(index=outlets, columns=outlets)
    return m.to_numpy(float)


def clusters(story: Story, sim: pd.DataFrame | None = None, threshold: float = 0.7) -> pd.DataFrame:
    """Outlets grouped by framing similarity: average-linkage clustering (scipy) of 1 - framing,
    cut where the mean similarity within a group falls below ``threshold``. Columns: outlet,
    cluster (1, 2, ... in the order of the dendrogram), order (the dendrogram's leaf order: scipy's
    optimal leaf ordering, similar outlets side by side, up to :data:`OPTIMAL_ORDER_MAX` outlets;
    above that, whose cost grows with the cube of the outlets, 15 s at 2,000, the dendrogram's own
    order: the groups are the same, only their order and numbering may differ). Fewer than three
    outlets, or no similarity to go on: every outlet in a group of its own order."""
    from scipy.cluster.hierarchy import fcluster, leaves_list, linkage
    from scipy.spatial.distance import squareform

    sim = similarity(story) if sim is None else sim
    outlets = list(dict.fromkeys(sim["outlet_a"]))
    d = 1.0 - _square(sim, outlets)
    if len(outlets) < 3 or np.isnan(d).all():
        return pd.DataFrame({"outlet": outlets, "cluster": range(1, len(outlets) + 1), "order": range(len(outlets))})
    d = np.nan_to_num((d + d.T) / 2, nan=1.0)
    np.fill_diagonal(d, 0.0)
    z = linkage(squareform(np.clip(d, 0, None), checks=False), method="average",
                optimal_ordering=len(outlets) <= OPTIMAL_ORDER_MAX)
    order = leaves_list(z)
    labels = fcluster(z, t=1.0 - threshold, criterion="distance")
    renum: dict[int, int] = {}
    for i in order:
        renum.setdefault(int(labels[i]), len(renum) + 1)
    pos = {int(i): k for k, i in enumerate(order)}
    return pd.DataFrame({"outlet": outlets, "cluster": [renum[int(x)] for x in labels],
                         "order": [pos[i] for i in range(len(outlets))]}).sort_values("order").reset_index(drop=True)


def sources_table() -> pd.DataFrame:
    """What each profile column is and where to read it back (:data:`SOURCES`)."""
    return pd.DataFrame([{"column": c, "what": w, "from": f} for c, (w, f) in SOURCES.items()])
