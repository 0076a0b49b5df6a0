"""Provenance: for each article, where its shared text likely came from, set against what it credits.

From the reuse tables (:func:`presslens.analyses.reuse.analyse`): every pair of articles sharing narration
(copy, reworded copy or partial reuse; a shared quotation alone is not evidence, and a duplicate
capture is the same page, not copying) gives the later article a likely source in the earlier one.
Where a date is missing, or both are the same day without times of day that order them (a time
with its zone in both articles: "by time of day"), the direction is unknown and said to be: both
articles list the other as a possible source, never a guessed one. When the texts give the direction
(one credits the other, or is an agency's own copy) and no date does, the direction says so: "from
the texts, not the dates". Each source is set against the
article's ``derived_from``:

- *credited and copied*: it credits the source's outlet and shares narration with it;
- *copied without credit*: the source is earlier and not credited;
- *copied without credit, direction unknown*: a date is missing or the same, and nothing in the texts orders them;
- *common source likely*: neither credits the other but both credit the same third source, or a
  third text (a reference document, or an article published before both) holds what they share;
- *credited but not copied*: it credits an outlet of the corpus and shares no narration with it;
- *credited, not in the corpus*: the credited source is neither an outlet nor a reference document;
- a pair that shares no narration word for word but retells sentences in the same order (a paraphrase,
  :mod:`presslens.analyses.paraphrased`) is listed with its verdict and no shared words: *retold, credited*
  (one credits the other), *retold, named without credit* (one names the other in a name-drop), *common
  source likely* (a wire or a source in sight, or the speaker both give what they retell to: two reports of one
  statement), or *undetermined (a paraphrase)*. A paraphrase alone accuses no one, so none of these is
  "copied without credit", none is an article's likeliest source, and none is an edge of the outlet graph
  (which draws shared words).

Reference documents (``references/`` in the story folder: wire copy, press releases, original
reports, not part of the corpus) are sources by definition: :func:`from_references` says how much
of each article comes from each, and credited or not.
"""
from __future__ import annotations

import functools

import pandas as pd

from presslens.engine.memo import story_table
from presslens.story import when as clock
from presslens.story.model import Story
from . import paraphrased, reuse, verdicts
from .pair_evidence import order
# one matching of credits to sources, the wires': story.yaml's aliases and every agency's names (a credit to
# "AP" or "The Associated Press" is a credit to the outlet Associated Press)
from .wires import name_forms, norm as _norm, same_source as _matches, wire_of  # noqa: F401 (name_forms re-exported)


PROV_COLS = ["article", "outlet", "published", "source_outlet", "source_article", "source_published", "status",
             "direction", "credited", "likeliest", "shared_narration", "containment_narration", "evidence"]
REF_COLS = ["article", "outlet", "reference", "source", "kind", "shared_words", "share", "shared_narration",
            "share_narration", "credited"]
EVIDENCE = ("copy", "reworded copy", "partial reuse")


def _date(x):
    return None if pd.isna(x) else pd.Timestamp(x)


def _fmt(d) -> str:
    return _day(d) if d is not None else "no date"


@functools.lru_cache(maxsize=4096)
def _day(d) -> str:
    return d.strftime("%Y-%m-%d")


def provenance(story: Story, min_words: int = reuse.MIN_WORDS, match: int = reuse.MATCH,
               max_df: int = reuse.MAX_DF) -> pd.DataFrame:
    """One row per article and likely (or credited) source: see the module docstring."""
    return _provenance(story, int(min_words), int(match), int(max_df))


@story_table
def _provenance(story: Story, min_words: int, match: int, max_df: int) -> pd.DataFrame:
    r = reuse.analyse(story, min_words, match, max_df)
    arts = story.articles[~story.articles["id"].isin(set(r.left_out["article_id"]))]
    outlet = dict(zip(arts["id"], arts["outlet"]))
    date = {a: _date(d) for a, d in zip(arts["id"], arts["published"])}
    times = clock.of_articles(arts)
    credits = {a: list(c) for a, c in zip(arts["id"], arts["derived_from"])}
    forms = name_forms(story)
    cont = {(c.article, c.other): c for c in r.containment.itertuples(index=False)}
    ref_date = ({f"ref:{i}": _date(d) for i, d in zip(story.references["id"], story.references["published"])}
                if story.references is not None and len(story.references) else {})
    ver = verdicts.verdicts(story, min_words, match, max_df)
    rows: list[dict] = []
    for v in ver[ver["kind"].isin(EVIDENCE) | ver["kind"].str.startswith(EVIDENCE)].itertuples(index=False):
        for x, y in ((v.article_a, v.article_b), (v.article_b, v.article_a)):
            took = v.direction in ("a_from_b", "b_from_a")
            if took and (v.direction == "a_from_b") != (x == v.article_a):
                continue  # y took from x: x is the source, not the copy
            status, direction = _status(v, x, y, times, outlet)
            c = cont.get((x, y))
            rows.append({"article": x, "outlet": outlet[x], "published": date[x], "source_outlet": outlet[y],
                         "source_article": y, "source_published": date[y], "status": status, "direction": direction,
                         "credited": any(_matches(c_, outlet[y], forms) for c_ in credits[x]), "likeliest": False,
                         "shared_narration": int(c.shared_narration) if c else 0,
                         "containment_narration": float(c.containment_narration) if c else 0.0,
                         "evidence": f"{v.verdict}: {v.evidence}"})
    refs = from_references(story, min_words, match, max_df)
    used = refs[refs["shared_narration"] > 0]
    for t in used.itertuples(index=False):
        da, dr = date.get(t.article), ref_date.get(f"ref:{t.reference}")
        later = da is not None and dr is not None and dr > da  # a text published later cannot be its source
        rows.append({"article": t.article, "outlet": t.outlet, "published": da, "source_outlet": t.source,
                     "source_article": f"ref:{t.reference}", "source_published": dr,
                     "status": (LATER_REFERENCE if later else
                                "credited and copied (reference)" if t.credited else "copied without credit (reference)"),
                     "direction": (f"not from the reference: it is dated {_fmt(dr)}, after the article ({_fmt(da)})"
                                   if later else f"from the reference ({t.kind})"),
                     "credited": bool(t.credited), "likeliest": False,
                     "shared_narration": int(t.shared_narration), "containment_narration": float(t.share_narration),
                     "evidence": f"{t.share:.0%} of the article's words are in the {t.kind} {t.reference}"})
    for v in ver[ver["kind"] == paraphrased.KIND].itertuples(index=False):
        for x, y in ((v.article_a, v.article_b), (v.article_b, v.article_a)):
            if v.direction in ("a_from_b", "b_from_a") and (v.direction == "a_from_b") != (x == v.article_a):
                continue  # y retold x: x is the source
            status, direction = _paraphrase_status(v, x, y, times, outlet)
            rows.append({"article": x, "outlet": outlet[x], "published": date[x], "source_outlet": outlet[y],
                         "source_article": y, "source_published": date[y], "status": status, "direction": direction,
                         "credited": any(_matches(c_, outlet[y], forms) for c_ in credits[x]), "likeliest": False,
                         "shared_narration": 0, "containment_narration": 0.0, "evidence": f"{v.verdict}: {v.evidence}"})
    rows.extend(_carried_rows(r.carried, outlet, date, credits))
    ref_sources = set(story.references["source"]) if story.references is not None else set()
    by_form: dict[str, list[str]] = {}
    for o in sorted(set(outlet.values())):
        by_form.setdefault(_norm(o), []).append(o)
    sources_of: dict[str, set[str]] = {}
    for row in rows:
        sources_of.setdefault(row["article"], set()).add(row["source_outlet"])
    for x, cs in credits.items():
        for c in cs:
            if any(_matches(c, o, forms) for o in sources_of.get(x, ())):
                continue
            keys = {_norm(c)} | forms.get(_norm(c), set())
            in_corpus = [o for k in sorted(keys) for o in by_form.get(k, []) if o != outlet[x]]
            if in_corpus:
                status, src = "credited but not copied", in_corpus[0]
            elif any(_matches(c, s, forms) for s in ref_sources):
                status, src = "credited but not copied (reference)", c
            else:
                status, src = "credited, not in the corpus", c
            rows.append({"article": x, "outlet": outlet[x], "published": date[x], "source_outlet": src,
                         "source_article": None, "source_published": None, "status": status, "direction": "",
                         "credited": True, "likeliest": False, "shared_narration": 0, "containment_narration": 0.0,
                         "evidence": f"derived_from: {c}; no narration shared"
                                     + ("" if in_corpus else " (its text is not in the story)")})
    out = pd.DataFrame(rows, columns=PROV_COLS)
    if len(out):
        cand = out[(out["shared_narration"] > 0) & (out["status"] != LATER_REFERENCE)].assign(_ref=lambda t: t["source_article"].astype(str).str.startswith("ref:"))
        top = cand.sort_values(["article", "shared_narration", "credited", "_ref"], ascending=[True, False, False, False],
                               kind="stable").drop_duplicates("article")  # a tie goes to the credited, then the reference
        out.loc[top.index, "likeliest"] = True
    order = {a: i for i, a in enumerate(arts["id"])}
    return out.sort_values(["article", "shared_narration"], key=lambda s: s.map(order) if s.name == "article" else -s,
                           kind="stable").reset_index(drop=True)


LATER_REFERENCE = "shares text with a later reference (not its source)"
CARRIED = "common source likely (a text carried by more articles than are compared pair by pair: one story sent to many)"


def _carried_rows(carried: pd.DataFrame, outlet: dict, date: dict, credits: dict) -> list[dict]:
    """A row per article carrying a text found in more than ``max_df`` articles (``reuse.analyse(...).carried``:
    a wire story republished by hundreds of sites): its source is that text's, common to all, never one of them."""
    rows = []
    for t in carried.itertuples(index=False):
        if t.article_id not in outlet:
            continue
        agencies = sorted({c for c in credits.get(t.article_id, ()) if wire_of(c)})
        rows.append({"article": t.article_id, "outlet": t.outlet, "published": date[t.article_id],
                     "source_outlet": f"carried text {t.text_id} ({t.articles} articles, {t.outlets} outlets)",
                     "source_article": None, "source_published": None, "status": CARRIED,
                     "direction": "n/a: a text sent to many, not taken from one of them",
                     "credited": bool(agencies), "likeliest": False, "shared_narration": int(t.narration),
                     "containment_narration": float(t.share),
                     "evidence": (f"{t.words} words of a text {t.articles} articles of {t.outlets} outlets carry "
                                  f"(every 5-word sequence of it in more than max_df articles; reuse table: carried, "
                                  f"text {t.text_id}): \"{t.sample}\"" + (f"; credits {', '.join(agencies)}" if agencies else ""))})
    return rows


def _status(v, x: str, y: str, times: dict, outlet: dict) -> tuple[str, str]:
    """The provenance status and direction of article x against y from their pair's verdict: by date,
    or on the same day by time of day when both give a time with its zone; dates a day apart order nothing
    (:func:`presslens.analyses.pair_evidence.order`)."""
    dx, dy = times[x], times[y]
    sign, how = order(dy, dx)
    by_time = ", by time of day" if how == "by time of day" else ""
    if sign is not None:
        direction = (f"source earlier ({dy.label} before {dx.label}{by_time})" if sign < 0
                     else f"source later ({dy.label} after {dx.label}{by_time})")
    elif dx is None or dy is None:
        missing = [f"{outlet[z]} ({z})" for z, d in ((x, dx), (y, dy)) if d is None]
        direction = f"unknown: no date for {' and '.join(missing)}"
    elif dx.time is None and dy.time is None and dx.day == dy.day:
        direction = f"unknown: both published {dx.day.isoformat()}"
    else:
        direction = f"unknown: {how}"
    verdict = str(v.verdict)
    if sign is None and v.direction in ("a_from_b", "b_from_a"):  # the texts say it (a credit, an agency's own copy)
        direction = f"from the texts, not the dates ({direction}): {verdict}"
    if verdict.startswith("same page"):
        return "same page captured twice", direction
    if verdict.startswith("common source"):
        return f"common source likely ({verdict.split(': ', 1)[1]})", direction
    if verdict.startswith("same outlet"):
        return "same outlet (its own text reused)", direction
    if verdict.startswith(verdicts.UNKNOWN_DIRECTION):
        return verdicts.UNKNOWN_DIRECTION, direction
    if v.direction in ("a_from_b", "b_from_a"):
        return ("credited and copied" if v.credited == "yes" else "copied without credit"), direction
    if verdict.startswith("too little"):
        return "too little shared to decide", direction
    return "undetermined", direction


RETOLD_CREDITED = "retold, credited (a paraphrase)"
RETOLD_NAMED = "retold, named without credit (a paraphrase)"
RETOLD_UNDETERMINED = "undetermined (a paraphrase)"


def _paraphrase_status(v, x: str, y: str, times: dict, outlet: dict) -> tuple[str, str]:
    """The provenance status of article x against y for a pair whose only shared text is a paraphrase:
    never an accusation (:mod:`presslens.analyses.paraphrased`)."""
    status, direction = _status(v, x, y, times, outlet)
    if status.startswith(("common source", "same page", "same outlet")):
        return status, direction
    if v.direction in ("a_from_b", "b_from_a"):
        return (RETOLD_CREDITED if v.credited == "yes" else RETOLD_NAMED), direction
    return RETOLD_UNDETERMINED, direction


def from_references(story: Story, min_words: int = reuse.MIN_WORDS, match: int = reuse.MATCH,
                    max_df: int = reuse.MAX_DF) -> pd.DataFrame:
    """How much of each article comes from each reference document (one row per article and reference)."""
    return _from_references(story, int(min_words), int(match), int(max_df))


@story_table
def _from_references(story: Story, min_words: int, match: int, max_df: int) -> pd.DataFrame:
    refs = story.references
    if refs is None or refs.empty:
        return pd.DataFrame(columns=REF_COLS)
    r = reuse.analyse(story, min_words, match, max_df)
    arts = story.articles[~story.articles["id"].isin(set(r.left_out["article_id"]))]
    forms = name_forms(story)
    cont = {(c.article, c.other): c for c in r.containment[r.containment["reference"]].itertuples(index=False)}
    rows = []
    for a in arts.itertuples(index=False):
        for f in refs.itertuples(index=False):
            c = cont.get((a.id, f"ref:{f.id}"))
            rows.append({"article": a.id, "outlet": a.outlet, "reference": f.id, "source": f.source, "kind": f.kind,
                         "shared_words": int(c.shared_words) if c else 0, "share": float(c.containment) if c else 0.0,
                         "shared_narration": int(c.shared_narration) if c else 0,
                         "share_narration": float(c.containment_narration) if c else 0.0,
                         "credited": any(_matches(x, f.source, forms) for x in a.derived_from)})
    return pd.DataFrame(rows, columns=REF_COLS)


EDGE_VERDICTS = ("credited copy", "copied without credit", "copied without credit, direction unknown", "common source",
                 "undetermined")


def edge_verdict(status: str) -> str | None:
    """The provenance graph's category for a status: credited copy, copied without credit, copied
    without credit with the direction unknown, common source, undetermined; None for what is no edge between two outlets (same page, same outlet)."""
    s = str(status)
    if s.startswith(("credited and copied", RETOLD_CREDITED)):
        return "credited copy"
    if s.startswith(verdicts.UNKNOWN_DIRECTION):
        return verdicts.UNKNOWN_DIRECTION
    if s.startswith(verdicts.UNCREDITED):
        return "copied without credit"
    if s.startswith("common source"):
        return "common source"
    if s.startswith(("undetermined", "too little", RETOLD_NAMED)):
        return "undetermined"
    return None


def outlet_edges(prov: pd.DataFrame) -> pd.DataFrame:
    """The provenance graph's edges between outlets: source -> outlet for a copy (credited or not), an
    undirected edge for a common source or an undetermined pair, with the narration words and articles
    behind each (references and same-outlet reuse apart). ``known``: the edge has a direction."""
    cols = ["source_outlet", "outlet", "verdict", "credited", "known", "shared_narration", "articles"]
    p = prov[(prov["shared_narration"] > 0) & prov["source_article"].notna()
             & ~prov["source_article"].astype(str).str.startswith("ref:") & (prov["outlet"] != prov["source_outlet"])]
    p = p.assign(verdict=p["status"].map(edge_verdict))
    p = p[p["verdict"].notna()]
    if p.empty:
        return pd.DataFrame(columns=cols)
    p = p.assign(known=p["verdict"].isin(["credited copy", "copied without credit"]),
                 credited=p["verdict"] == "credited copy")
    # an undirected edge is one line between two outlets, not two opposite arrows
    flip = ~p["known"] & (p["source_outlet"] > p["outlet"])
    p.loc[flip, ["source_outlet", "outlet"]] = p.loc[flip, ["outlet", "source_outlet"]].to_numpy()
    p = p.drop_duplicates(["article", "source_article"]).assign(
        pair=lambda t: [tuple(sorted(x)) for x in zip(t["article"], t["source_article"])])
    p = p[~(~p["known"] & p.duplicated("pair"))]
    g = p.groupby(["source_outlet", "outlet", "verdict", "credited", "known"], as_index=False).agg(
        shared_narration=("shared_narration", "sum"), articles=("article", "nunique"))
    return g[cols].sort_values(["shared_narration", "source_outlet", "outlet"], ascending=[False, True, True],
                               kind="stable").reset_index(drop=True)
