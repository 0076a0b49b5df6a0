"""Who copied whom: for each pair of articles sharing text, the explanations and the verdict the evidence allows.

For every pair the reuse index found (:func:`presslens.analyses.reuse.analyse`), :func:`verdicts`
weighs the explanations a careful reader weighs, each with its evidence:

- **the same page**: a duplicate capture (:mod:`presslens.engine.screening`), or one outlet's two
  captures whose narration is (nearly) all in each other (the site and a text dump of it), or one
  publisher's page on two of its hosts (the same page name or number ending both addresses, hosts whose
  names share the publisher's or two hosts of one registered site, the narration nearly all in each
  other); a page captured twice is one witness: never a third text holding what another pair shares;
- **a common source S**: a wire agency both credit, or whose reporter's name-drop ("told Reuters")
  either carries, or whose text another article holding the shared passage credits (a *wire group*:
  shared text inside one wire's group is common source, never copying); S's own copy in the corpus
  (captured from the agency's site) that holds the passage; a reference document that holds it; an
  outlet both credit whose text is not in the corpus; an outlet a third text carrying the passage credits for its
  whole text, when neither of the two credits anything (two scrapes of one report, a third page naming it); the same text carried by :data:`SPREAD` or more
  other outlets when no date orders them (a story sent to all: a wire's pickups keep its words, so a
  *rewrite family*, the text reworded in outlets none of which names a source, is no wire); one of the
  two a translation and what they share reworded (two renderings of one original). Agencies are recognised by their
  marks as well as by the list (:mod:`presslens.analyses.agencies`). A credited source whose corpus text does
  **not** hold the shared passage does not explain it; nor does a source credited for one fact only ("according to X", "X
  reported", written into one sentence) whose sentences, and those either side, touch less than half of
  the text the two share (:meth:`~presslens.analyses.pair_evidence.Evidence.set_aside`): still a source
  in sight, it blocks an accusation, and, like a picture credit, it credits the common source in part;
  nor does a third text carrying the passage that names a wire in any way (a picture's credit too): a
  wire in sight, no accusation (:meth:`~presslens.analyses.pair_evidence.Evidence.wire_near`); a text opening
  with a dateline naming no one (:meth:`~presslens.analyses.pair_evidence.Evidence.wire_shape`) blocks an accusation
  too, but alone decides nothing (many newspapers write datelines, and a scraper keeps them): undetermined, unless
  a wire is named under a picture as well;
- **A copied B / B copied A**: B's text is earlier (dates two days apart or more; closer, or on the
  same day, times of day when both articles give them with their time zone, said "by time of day"; a
  day apart without them, equal or missing times leave the order unknown:
  :func:`~presslens.analyses.pair_evidence.order`), A credits B or not, and nothing above explains the
  shared narration; never when both carry a text sent to many (in more than ``max_df`` articles,
  :mod:`presslens.analyses.reuse.carried`): what else they share may be that story's fuller version, so
  the pair is undetermined with that candidate named;
- **one copied the other, direction unknown** ("copied without credit, direction unknown (why)", the same words
  as provenance's status :data:`UNKNOWN_DIRECTION`): no date
  orders them, but neither credits any source, no wire is in sight, no translation is involved, no
  third text that may be their source holds the passage, nor does a third outlet's text share :data:`EVIDENCE_WORDS`
  with each (a passage in circulation; one dated after either of the two is a later copy, not their source;
  uncredited members of a rewrite family do not count) and they share at least
  :data:`SURE_WORDS` words of narration, or :data:`EVIDENCE_WORDS` when what they share is reworded (a
  wire's pickups keep its words) and is most of each text (a spun blurb) or held by other members of
  their rewrite family. When a date is missing and the dates the undated text names order the two
  (:mod:`presslens.analyses.text_dates`: a page naming nothing of the month before the other appeared was
  written before it; one naming a later day than the other's came after it), and the later one's narration is
  :data:`COPY_SHARE` or more inside the earlier, the verdict is "copied without credit", the later from the
  earlier, with those dates as its evidence.

A verdict is given only where the evidence decides; otherwise the pair is *undetermined* and the
candidates are named. No accusation ("copied without credit") rests on less than
:data:`EVIDENCE_WORDS` words of shared narration (about two sentences of a news story's own words:
quotation never counts), nor on a pair that shares a wire. ``relation`` uses the evaluation's names
(same_page, copy, reworded_copy, common_wire, shared_quote_only); ``credited`` is yes (the reusing
article, or for a common source both, credit it), partial (one of two does, or, for a common
source, one credits something else: another outlet, another agency), no, or n/a.

Every explanation above is weighed against the others in one decision (:func:`_explain`), whose order of
precedence is the rule: what is left here is that one order, the same page, and a copy dated before the other. The
evidence it reads lives in :mod:`.pair_evidence`, the sources the two texts name (and the verdict row of a common
source) in :mod:`.pair_sources`, the third texts and wires in sight in :mod:`.pair_sight`, the pairs no date orders
("copied without credit, direction unknown") in :mod:`.pair_unordered`, paraphrased pairs in :mod:`.paraphrased` and
the wires in :mod:`.wires`.
"""
from __future__ import annotations

import pandas as pd

from presslens.engine.memo import story_table
from presslens.story import when as clock
from presslens.story.model import Story
from . import pair_sight, pair_sources, pair_unordered, paraphrased, quotes, reuse, wires
from .pair_evidence import EVIDENCE_WORDS, Evidence, order
from .pair_sight import SPREAD  # noqa: F401 - read here by pairs_loso (the thresholds) and the tests
from .pair_unordered import COPY_SHARE, SURE_WORDS, UNCREDITED, UNKNOWN_DIRECTION  # noqa: F401 - and by provenance

SAME_PAGE = 0.9  # share of each capture's narration inside the other that makes one outlet's two captures one page
VERDICT_COLS = ["article_a", "outlet_a", "article_b", "outlet_b", "relation", "verdict", "source", "source_article",
                "credited", "direction", "accusation", "candidates", "shared_narration", "kind", "evidence"]
EXPLAINED = ("same page", "common source", "quotation only", "too little")


def relation_of(kind: str) -> str:
    """The evaluation's relation for a reuse pair kind (before any common source is found)."""
    if kind.startswith("duplicate capture"):
        return "same_page"
    if kind.startswith("copy"):
        return "copy"
    if kind.startswith(("reworded copy", "partial reuse")):
        return "reworded_copy"
    if kind.startswith("shared quotation"):
        return "shared_quote_only"
    return "unrelated"


def verdicts(story: Story, min_words: int = reuse.MIN_WORDS, match: int = reuse.MATCH,
             max_df: int = reuse.MAX_DF) -> pd.DataFrame:
    """One row per pair of articles sharing text (or captured twice): see the module docstring."""
    return _verdicts(story, int(min_words), int(match), int(max_df))


@story_table
def _verdicts(story: Story, min_words: int, match: int, max_df: int) -> pd.DataFrame:
    r = reuse.analyse(story, min_words, match, max_df)
    # the story's quote rows (each article's cached with it) are read only if a paraphrase chain asks who speaks in
    # its sentences: no story-wide quote table of the whole story, which the screened story's does not serve
    return decide(story, r, wires.sources(story), lambda: quotes.quote_rows(story))


def decide(story: Story, r, src: pd.DataFrame, quote_table=None) -> pd.DataFrame:
    """The verdict table from the reuse tables ``r``, the sources table ``src`` (:func:`wires.sources`) and the
    quote table (:func:`presslens.analyses.quotes.quotes`, or a function giving it when first needed; None: the
    story's own, read when needed)."""
    e = Evidence(story, r, src, quote_table)
    outlet, named = e.outlet, e.named
    rows: list[dict] = []
    pr = r.pairs
    cols = (pr["article_a"].tolist(), pr["article_b"].tolist(), pr["kind"].tolist(), pr["detail"].tolist())
    pages = {(x, y): why for x, y, kind, _ in zip(*cols) if (why := _same_page(e, x, y, kind))}
    for x, y in pages:  # first, so that a page captured twice is never a third text for another pair
        e.twin(x, y)
    for x, y, kind, detail in zip(*cols):
        ab, ba = e.narr.get((x, y)), e.narr.get((y, x))
        # the narration shared, on the side that holds fewer of its words: a passage repeated on one side (a live
        # page's background paragraph in every update) counts once, as the other side holds it
        n = min(ab[0], ba[0]) if ab and ba else (ab[0] if ab else ba[0] if ba else 0)
        row = {"article_a": x, "outlet_a": outlet[x], "article_b": y, "outlet_b": outlet[y], "kind": kind,
               "relation": relation_of(kind), "source": None, "source_article": None, "credited": "n/a",
               "direction": "n/a", "accusation": False, "candidates": "", "shared_narration": n}
        ev: list[str] = [f"{kind}: {detail}"]
        for a in (x, y):
            for k in ("own text", "credit", "tell"):
                if named[a][k]:
                    ev.append(f"{outlet[a]} ({a}) {k}: {', '.join(sorted(named[a][k]))}")
        ev.extend(sorted({e.carried[c] for a in (x, y) for c in named[a]["credit"] if c in e.carried}))
        ev.append("dates: " + "; ".join(f"{outlet[a]} {clock.label(e.when[a])}" for a in (x, y)))
        if ab and ba:
            ev.append(f"containment of narration: {ab[1]:.0%} of {outlet[x]} in {outlet[y]}, "
                      f"{ba[1]:.0%} of {outlet[y]} in {outlet[x]}")
        if (x, y) in pages:
            row.update(verdict=pages[(x, y)], relation="same_page")
        elif row["relation"] == "shared_quote_only" and (grouped := e.wire_group(x, y) or e.wire_family(x, y)):
            row.update(pair_sources.common(e, grouped, None, x, y, "wire group", ev))
            if (note := e.group_note.get((x, y))) and note not in ev:  # the links, when one of the two credits the wire
                ev.append(note)
        elif row["relation"] == "shared_quote_only":
            row.update(verdict="quotation only: no evidence of copying")
        else:
            with e.focus(x, y) as aside:
                for a, cs in aside.items():
                    if cs:
                        ev.append(f"{outlet[a]} credits {', '.join(sorted(cs))} for one fact only, in sentences "
                                  "away from most of the text the two share: no source of it")
                row.update(_explain(e, x, y, n, ev, {c for cs in aside.values() for c in cs}))
        row["evidence"] = " | ".join(ev)
        rows.append(row)
    _retold(e, r, rows)
    return pd.DataFrame(rows, columns=VERDICT_COLS)


def _retold(e: Evidence, r, rows: list[dict]) -> None:
    """Pairs sharing no narration word for word that retell sentences in the same order (``r.paraphrased``): a
    row each, or in place of a row that saw a shared quotation only (:mod:`presslens.analyses.paraphrased`)."""
    para = getattr(r, "paraphrased", None)
    if para is None or not len(para):
        return
    links = paraphrased.links_of(para)
    at = {frozenset((row["article_a"], row["article_b"])): k for k, row in enumerate(rows)}
    outlet, named = e.outlet, e.named
    for p in para.itertuples(index=False):
        x, y = p.article_a, p.article_b
        k = at.get(frozenset((x, y)))
        if k is not None and rows[k]["relation"] != "shared_quote_only":
            continue
        ev = [f"{paraphrased.KIND}: {p.sentences} sentences retold in the same order, no narration shared word for word "
              f"({p.words_a} words, {p.share_a:.0%} of {outlet[x]}'s narration; {p.words_b} words, {p.share_b:.0%} of "
              f"{outlet[y]}'s)"]
        if k is not None:
            ev.append(f"also: {rows[k]['kind']}")
        for a in (x, y):
            for kind in ("own text", "credit", "tell"):
                if named[a][kind]:
                    ev.append(f"{outlet[a]} ({a}) {kind}: {', '.join(sorted(named[a][kind]))}")
        ev.append("dates: " + "; ".join(f"{outlet[a]} {clock.label(e.when[a])}" for a in (x, y)))
        row = {"article_a": x, "outlet_a": outlet[x], "article_b": y, "outlet_b": outlet[y], "kind": paraphrased.KIND,
               "relation": "reworded_copy", "source": None, "source_article": None, "credited": "n/a",
               "direction": "n/a", "accusation": False, "candidates": "", "shared_narration": 0}
        row.update(paraphrased.explain(e, x, y, links, pair_sources.common, ev, (list(p.sent_ids_a), list(p.sent_ids_b))))
        row["evidence"] = " | ".join(ev)
        if k is None:
            rows.append(row)
        else:
            rows[k] = row


def _same_page(e: Evidence, x: str, y: str, kind: str) -> str | None:
    """The verdict when x and y are one page captured twice (see the module docstring), else None."""
    ab, ba = e.narr.get((x, y)), e.narr.get((y, x))
    n = max(ab[0] if ab else 0, ba[0] if ba else 0)
    page = e.same_page(x, y)
    close = ab and ba and min(ab[1], ba[1]) >= SAME_PAGE
    if kind == "duplicate capture":
        return "same page (captured twice)"
    if e.same_outlet(x, y) and (close or (page and n >= EVIDENCE_WORDS)):
        return f"same page (one outlet's text captured twice: {page or 'its narration in each other'})"
    if close and (why := e.publisher_page(x, y)):
        return f"same page (one publisher's article captured on two of its hosts: {why})"
    return None


def _explain(e: Evidence, x: str, y: str, n: int, ev: list[str], aside: set[str] = frozenset()) -> dict:
    """The verdict for a pair sharing narration (see the module docstring). ``aside``: sources credited for
    one fact only, away from most of the shared text: no source of it, but in sight (no accusation)."""
    outlet, named = e.outlet, e.named
    same_outlet = e.same_outlet(x, y)
    wx, wy = e.wires_of(x), e.wires_of(y)
    # 1-5. the sources the two texts name: the other's outlet, a wire's own copy, a wire, a wire group, an outlet or
    # a party both credit (pair_sources)
    if (got := pair_sources.named_source(e, x, y, n, ev, wx, wy, same_outlet)) is not None:
        return got
    # 6. direction from dates (and times of day, when both articles give them with their zone); an
    # accusation only on enough narration and no wire anywhere in sight
    wt = e.when
    sign, how = order(wt[x], wt[y])
    cands = [f"{outlet[x]} copied {outlet[y]}", f"{outlet[y]} copied {outlet[x]}",
             "both from a common source outside the corpus"]
    tells = sorted((named[x]["tell"] | named[y]["tell"]) - {outlet[x], outlet[y]})
    if tells:
        cands.insert(0, f"an uncredited source named in the copy: {', '.join(tells)}")
    if same_outlet:
        return {"verdict": "same outlet: its own text reused", "credited": "n/a", "candidates": "; ".join(cands)}
    if n < EVIDENCE_WORDS:
        return {"verdict": f"too little narration shared to decide ({n} words; a verdict needs {EVIDENCE_WORDS})",
                "credited": "no", "direction": "unknown", "candidates": "; ".join(cands)}
    # the third texts holding the passage (a story sent to all, one dated before both, others, a passage in
    # circulation), a text sent to many both carry, a wire in sight (pair_sight)
    s = pair_sight.sight(e, x, y, n, sign, how, ev, cands, wx, wy)
    if s.verdict is not None:
        return s.verdict
    later = (x, y) if sign == 1 else (y, x)
    held = e.narr.get(later)
    if sign is not None and how == "by time of day":
        ev.append(f"order by time of day: {outlet[later[1]]} {clock.label(wt[later[1]])} before "
                  f"{outlet[later[0]]} {clock.label(wt[later[0]])}")
    if (sign is not None and not wx and not wy and not s.near and not s.shape and not aside and not tells
            and not s.others and not s.circ and not s.sent and held is not None and held[1] >= COPY_SHARE):
        a, b = later
        by_time = ", by time of day" if how == "by time of day" else ""
        return {"verdict": "copied without credit", "source": outlet[b], "source_article": b, "credited": "no",
                "direction": "a_from_b" if a == x else "b_from_a", "accusation": True,
                "candidates": f"{outlet[a]} copied {outlet[b]} (dated {clock.label(wt[b])}, before "
                              f"{clock.label(wt[a])}{by_time}); not excluded: a common source outside the corpus neither credits"}
    # each has most of its narration of its own: a passage both carry, neither a copy of the other (pair_sources)
    if (got := pair_sources.passage_only(e, x, y, n, ev, cands, tells)) is not None:
        return got
    # no date orders them: one copied the other, direction unknown, or two renderings of one original (pair_unordered)
    no_order = pair_unordered.no_order(e, x, y, how)
    if (got := pair_unordered.unordered(e, x, y, n, sign, s, ev, cands, wx, wy, aside, no_order)) is not None:
        return got
    # a wire in sight and nothing else named; a third text carrying the passage credits one outlet (pair_sight)
    if (got := pair_sight.wire_in_sight(e, x, y, s, ev, cands, wx, wy, aside, tells)) is not None:
        return got
    if (got := pair_sight.holder_credit(e, x, y, n, s, ev, wx, wy, aside, tells)) is not None:
        return got
    why = (no_order if sign is None
           else "a wire or outside source is named" if wx or wy or s.near or aside or tells
           else "both carry a text sent to many" if s.sent
           else "other texts carry the passage too" if s.others or s.circ
           else f"less than {COPY_SHARE:.0%} of the later article's narration is in the earlier one")
    # a source one of the two credits for its whole text (a credit line, a byline, derived_from): credited in part,
    # whichever took from whom (the other's outlet would have been named above)
    whole = pair_sources.whole_credits(e, x, y)
    if whole:
        ev.append("credited for the whole text: " + "; ".join(whole))
    return {"verdict": f"undetermined ({why})", "credited": "partial" if whole else "no", "direction": "unknown",
            "candidates": "; ".join(cands)}
