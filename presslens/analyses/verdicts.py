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

One idea: the verdict of a pair. Every explanation above is weighed against the others in one decision
(:func:`_explain`), whose order of precedence is the rule; the evidence it reads lives in :mod:`.pair_evidence`,
paraphrased pairs in :mod:`.paraphrased` and the wires in :mod:`.wires`, so what is left here is that one order.
"""
from __future__ import annotations

import pandas as pd

from presslens.engine.memo import story_table
from presslens.story import when as clock
from presslens.story.model import Story
from . import paraphrased, quotes, reuse, text_dates, wires
from .pair_evidence import EVIDENCE_WORDS, Evidence, order

SAME_PAGE = 0.9  # share of each capture's narration inside the other that makes one outlet's two captures one page
COPY_SHARE = 0.5  # share of the later article's narration inside the earlier one that an accusation needs
SPREAD = 2  # other outlets holding the narration two articles share that make it a story sent to many (a wire)
SURE_WORDS = 60  # shared narration (words, about three sentences) an accusation with no date to order the two needs
VERDICT_COLS = ["article_a", "outlet_a", "article_b", "outlet_b", "relation", "verdict", "source", "source_article",
                "credited", "direction", "accusation", "candidates", "shared_narration", "kind", "evidence"]
UNCREDITED = "copied without credit"  # the verdict (and provenance status) of an uncredited copy
UNKNOWN_DIRECTION = "copied without credit, direction unknown"  # ... whose direction nothing says: one phrasing everywhere
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
            row.update(_common(e, grouped, None, x, y, "wire group", ev))
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
        row.update(paraphrased.explain(e, x, y, links, _common, ev, (list(p.sent_ids_a), list(p.sent_ids_b))))
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
    outlet, named, date, forms, holds, wires_of, credits = e.outlet, e.named, e.date, e.forms, e.holds, e.wires_of, e.credits
    same_outlet = e.same_outlet(x, y)
    wx, wy = wires_of(x), wires_of(y)
    # 1. one names the other's outlet (a credit, a reporter's name-drop, a picture credit): it took the text from it
    for a, b in ((x, y), (y, x)):
        said = {k: any(wires.same_source(c, outlet[b], forms) for c in named[a][k]) for k in ("credit", "tell", "photo")}
        if any(said.values()) and not same_outlet:
            how = ", ".join(k for k, v in said.items() if v)
            return {"verdict": f"{outlet[a]} took the text from {outlet[b]} (names it: {how})", "source": outlet[b],
                    "source_article": b, "credited": "yes" if said["credit"] or said["photo"] else "no",
                    "direction": "a_from_b" if a == x else "b_from_a"}
    # 2. the wire's own copy is one of the two: the other took it from the wire (unless it carries another wire),
    # said only on enough shared narration (a few words in common with an agency's story are no evidence)
    for a, b in ((x, y), (y, x)) if n >= EVIDENCE_WORDS else ():
        own = named[b]["own text"]
        if own and not named[a]["own text"] and not (wires_of(a) - own):
            w = sorted(own)[0]
            ok = credits(a, w) or credits(a, outlet[b])
            return {"verdict": f"{outlet[a]} ran {w}'s text ({outlet[b]} is {w}'s own copy)", "source": w,
                    "source_article": b, "credited": "yes" if ok else "no",
                    "direction": "a_from_b" if a == x else "b_from_a"}
    # 3. one wire both carry (credit, tell), or one carries and the other carries no other (an agency's own copy
    # that shares text with an article crediting another wire took that wire's text too)
    shared = wx & wy
    nx, ny = wires_of(x, ("credit", "tell")), wires_of(y, ("credit", "tell"))
    lone = (wx if not wy else wy if not wx else (nx if not ny else ny if not nx else set())) - shared
    # a wire whose own copy is one of the two is no common source of the pair (step 2 weighs it, on enough words):
    # "common source: UPI credits UPI" of UPI's own story and another sharing ten words with it
    lone -= named[x]["own text"] | named[y]["own text"]
    for w in sorted(shared) + sorted(lone):
        corpus = [z for z in e.own_copy.get(w, []) if z not in (x, y)]
        if corpus and not any(holds(z, x, y, n) for z in corpus):
            ev.append(f"{w}'s own copy in the corpus ({', '.join(corpus)}) does not hold the shared passage: "
                      f"{w} does not explain it")
            continue
        held = [z for z in corpus if holds(z, x, y, n)]
        return _common(e, w, held[0] if held else None, x, y, "wire", ev)
    if not wx and not wy:
        # 4. a wire group: a third article holding the shared passage carries a wire
        ny = e.nb.get(y, {})
        for z in e.source_nb.get(x, ()):  # the references and wire-carrying texts x shares with, in order
            if z != x and z != y and z in ny and holds(z, x, y, n):
                wz = e.carries[z] if not z.startswith("ref:") else set()
                if z.startswith("ref:"):
                    return _common(e, e.refname.get(z, z), z, x, y, "reference", ev)
                if wz:
                    w = sorted(wz)[0]
                    ev.append(f"wire group: {outlet[z]} ({z}) holds the shared passage and carries {w}")
                    return _common(e, w, None, x, y, "wire group", ev)
        grouped = e.wire_group(x, y)
        if grouped:  # both took from one wire's story: each shares narration with a copy crediting that wire
            return _common(e, grouped, None, x, y, "wire group", ev)
    # 5. an outlet or a party both credit (or whose reporter both name): explains it only when its text, if in the corpus, holds it
    # (in a rewrite a quote's name-drop, "told Harbour Radio", is part of the text reworded, not its source)
    cited = ("credit",) if e.reworded(x, y) else ("credit", "tell")
    both = {c for c in set().union(*(named[x][k] for k in cited))
            if any(wires.same_source(c, d, forms) for d in set().union(*(named[y][k] for k in cited)))}
    # a party's release (a source of the story that is no news outlet) credited by one, the other crediting nothing
    for a, b in ((x, y), (y, x)):
        if not (named[b]["credit"] | named[b]["tell"]):
            both |= {c for c in named[a]["credit"] if wires.norm(c) in e.parties}
    for c in sorted(both - set(wx) - set(wy)):
        corpus = [z for z in e.articles_of(c) if z not in (x, y)]
        if corpus and not any(holds(z, x, y, n) for z in corpus):
            ev.append(f"both credit {c}, whose text in the corpus ({', '.join(corpus)}) does not hold the shared "
                      f"passage: {c} does not explain it")
            continue
        party = wires.norm(c) in e.parties
        return _common(e, c, next((z for z in corpus if holds(z, x, y, n)), None), x, y,
                       "a party's statement or release" if party else "outlet", ev)
    # 6. direction from dates (and times of day, when both articles give them with their zone); an
    # accusation only on enough narration and no wire anywhere in sight
    dx, dy = date[x], date[y]
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
    held_by = e.holders(x, y, n)  # every third text holding what the two share, references included, in order
    holders = [z for z in held_by if not z.startswith("ref:")]
    spread = sorted({outlet[z] for z in holders if order(wt[z], wt[x])[0] is None and order(wt[z], wt[y])[0] is None}
                    - {outlet[x], outlet[y]}) if sign is None else []
    # a rewrite family: the text reworded (not a wire's verbatim words) in outlets none of which names any source
    family = (e.reworded(x, y) and e.credits_nothing(x) and e.credits_nothing(y)
              and all(e.credits_nothing(z) for z in holders))
    if len(spread) >= SPREAD and not family:  # the same text in many outlets the same day: one story sent to all (a wire), no copy
        ev.append(f"the shared passage is carried by {len(spread)} other outlets too ({', '.join(spread[:4])})")
        return {**_common(e, f"a source {len(spread) + 2} outlets carry", None, x, y, "wire group", ev),
                "source": None, "verdict": f"common source: the same text in {len(spread) + 2} outlets, none crediting "
                                           "the other (a wire story sent to all)"}
    first = y if sign == 1 or wt[x] is None else x  # the earlier of the two (either one when the order is unknown)
    others = [z for z in held_by if wt[first] is not None and wt.get(z) is not None and order(wt[z], wt[first])[0] != 1]
    # a third outlet's text not dated after the earlier, sharing part of the passage: dates alone then decide nothing
    circ = [z for z in e.circulating(x, y) if z not in others and wt.get(z) is not None and order(wt[z], wt[first])[0] != 1
            ] if sign is not None else []
    before = [z for z in others if dx is not None and dy is not None
              and order(wt[z], wt[x])[0] == -1 and order(wt[z], wt[y])[0] == -1]
    if before:  # an article dated before both holds what they share: their likeliest source
        return _common(e, outlet[before[0]], before[0], x, y, "outlet", ev)
    if circ:
        ev.append("part of the passage is in circulation: " + ", ".join(f"{outlet[z]} ({z})" for z in circ[:3]) + " shares it with both")
    if others or circ:
        cands.insert(0, "a common source: other texts carry the passage too ("
                     + ", ".join(f"{outlet.get(z, z)} ({z})" for z in (others + circ)[:3]) + ")")
    sent = e.both_carry(x, y)  # a wire story both ran: what else they share may be its fuller version, not a copy
    if sent:
        ev.append(f"both carry a text sent to many: {', '.join(sent)}")
        cands.insert(0, f"a fuller version of a text both carry ({sent[0]})")
    near = None if wx or wy else e.wire_near(x, y)  # a third text carrying the passage names a wire: in sight
    if near:
        ev.append(f"{outlet[near[0]]} ({near[0]}) carries the passage too and names {near[1]}: a wire in sight")
        cands.insert(0, f"a wire's story both carry ({near[1]}, named by {outlet[near[0]]})")
    # a wire's copy by its shape though no wire is credited (a wire under a picture, a dateline naming no one): a
    # wire in sight, no accusation (issue 23: two pickups of one wire story, the credit dropped); not when their dates
    # order them days apart (a wire's pickups run the same day, as the spread rule reads them; a paper's own staff
    # story opens with its correspondent's dateline too, and a copy days later is the copy of the earlier one: attack15)
    days_apart = sign is not None and how == "by date"
    shape = None if wx or wy or near or days_apart else "; ".join(s for s in (e.wire_shape(x), e.wire_shape(y)) if s)
    if shape:
        ev.append(f"{shape}: the shape of a wire's copy")
        cands.insert(0, f"a wire's story both carry ({shape})")
    later = (x, y) if sign == 1 else (y, x)
    held = e.narr.get(later)
    if sign is not None and how == "by time of day":
        ev.append(f"order by time of day: {outlet[later[1]]} {clock.label(wt[later[1]])} before "
                  f"{outlet[later[0]]} {clock.label(wt[later[0]])}")
    if (sign is not None and not wx and not wy and not near and not shape and not aside and not tells and not others
            and not circ and not sent and held is not None and held[1] >= COPY_SHARE):
        a, b = later
        by_time = ", by time of day" if how == "by time of day" else ""
        return {"verdict": "copied without credit", "source": outlet[b], "source_article": b, "credited": "no",
                "direction": "a_from_b" if a == x else "b_from_a", "accusation": True,
                "candidates": f"{outlet[a]} copied {outlet[b]} (dated {clock.label(wt[b])}, before "
                              f"{clock.label(wt[a])}{by_time}); not excluded: a common source outside the corpus neither credits"}
    top = max(ab[1] for ab in (e.narr.get((x, y)), e.narr.get((y, x))) if ab is not None)
    if top < reuse.COPY and not tells:  # each has most of its narration of its own: neither is a copy of the other
        ev.append(f"neither is a copy of the other: at most {top:.0%} of one's narration is in the other")
        cands[:2] = [f"one took a passage of the other ({outlet[x]} or {outlet[y]})"]
        # a source one of them credits, whose text (if in the corpus) holds the passage: the likeliest common source
        named_by = [(a, c) for a in (x, y) for c in sorted(named[a]["credit"])
                    if not any(wires.same_source(c, outlet[b], forms) for b in (x, y))
                    and all(holds(z, x, y, n) for z in e.articles_of(c) if z not in (x, y))]
        # else a wire one of them names under a picture only: the likeliest source, credited in part (GUIDE's partial)
        named_by = named_by or [(a, c) for a in (x, y) for c in sorted(named[a]["photo"]) if e.is_wire.get(c)]
        src = named_by[0][1] if named_by else None
        how = "" if src is None else "credits" if src in named[named_by[0][0]]["credit"] else "names under a picture"
        out = {"verdict": f"common source likely: a passage both carry, neither a copy of the other (at most {top:.0%} "
                          "of one's narration in the other)" + (f"; {outlet[named_by[0][0]]} {how} {src}" if src else ""),
               "source": src, "credited": "partial" if src else "no", "direction": "n/a", "candidates": "; ".join(cands)}
        if src is None or wires.norm(src) in e.parties or e.is_wire.get(src):  # an outlet's story reused is a copy's shape
            out["relation"] = "common_wire"
        return out
    timed = any(wt[z] is not None and wt[z].time is not None for z in (x, y))
    no_order = ("a date is missing" if dx is None or dy is None else how if wt[x].day != wt[y].day
                else "both are dated the same day" + (f"; {how.split('; ', 1)[-1]}" if timed else ""))
    # a third text dated after one of the two cannot be the source that one took the text from: a later copy, no
    # common source (as ``others`` above, when a date orders the two)
    # a third outlet's text sharing two sentences' worth with each (all of the passage or a part) puts the passage in
    # circulation: with no date to order the two, it is no evidence that one copied the other (issue 23: two pickups of
    # one wire story, a third running part of it), unless it is a later copy; a rewrite family is read below
    rest = [z for z in e.circulating(x, y) if z not in holders] if sign is None else []
    later = {z: a for z in holders + rest for a in (x, y) if wt[z] is not None and wt[a] is not None and order(wt[z], wt[a])[0] == 1}
    if sign is None and later:
        ev.append("dated after one of the two, so no source of both: "
                  + ", ".join(f"{outlet[z]} ({z}, {clock.label(wt[z])}, after {outlet[a]})" for z, a in sorted(later.items())))
    if rest := [z for z in rest if z not in later]:
        ev.append("part of the passage is in circulation: " + ", ".join(f"{outlet[z]} ({z})" for z in rest[:3])
                  + " shares it with both")
        cands.insert(0, f"a common source: {outlet[rest[0]]} ({rest[0]}) carries part of the passage too")
    # two short texts each mostly the other reworded (a spun blurb), or two members of a rewrite family whose other
    # members hold the same reworded passage: the rewording (a wire's pickups keep its words), repeated in texts none of
    # which names a source, is the evidence, so two sentences of narration (EVIDENCE_WORDS) suffice where SURE_WORDS
    # are needed otherwise
    spun = (e.reworded(x, y) and min(e.narr[(x, y)][1], e.narr[(y, x)][1]) >= COPY_SHARE) or (family and bool(holders))
    if (sign is None and n >= (EVIDENCE_WORDS if spun else SURE_WORDS) and not wx and not wy and not near and not shape
            and not aside and not sent
            and e.credits_nothing(x) and e.credits_nothing(y) and (family or not (set(holders) | set(rest)) - set(later))
            and not (e.translated & {x, y})):  # asked last: the translation signals are the costliest evidence
        # no date orders them, but nothing explains the text they share: one copied the other (or both one
        # uncredited text), and neither says so; no translation, whose rewording any other rendering shares
        what = "a rewrite family (each reworded, none names a source)" if family and holders else "no source in sight"
        # a page without its date is dated by the dates its text names (text_dates): the later copied the earlier
        t_sign, t_how = text_dates.order(*(v for a in (x, y) for v in (wt[a].day if wt[a] else None, e.own_text(a))))
        a, b = (x, y) if t_sign == 1 else (y, x)
        if t_sign is not None and (e.narr.get((a, b)) or (0, 0.0))[1] >= COPY_SHARE:
            ev.append(f"order from the dates the texts name ({no_order}): {t_how}")
            return {"verdict": UNCREDITED, "source": outlet[b], "source_article": b, "credited": "no",
                    "direction": "a_from_b" if a == x else "b_from_a", "accusation": True,
                    "candidates": f"{outlet[a]} copied {outlet[b]} ({no_order}; by the dates the texts name: {t_how}); "
                                  f"not excluded: a common source outside the corpus neither credits ({what}: {n} words "
                                  "of narration shared)"}
        return {"verdict": f"{UNKNOWN_DIRECTION} ({no_order})", "credited": "no", "direction": "unknown",
                "accusation": True, "candidates": f"{'; '.join(cands)} ({what}: {n} words of narration shared)"}
    if sign is None and e.reworded(x, y) and not wx and not wy and e.translated & {x, y}:
        # a translation rewords its original: two texts sharing sentence skeletons, one of them translated, are
        # two renderings of one foreign story (a wire's, most often), not one outlet copying the other
        t = sorted(e.translated & {x, y})[0]
        ev.append(f"{outlet[t]} ({t}) is a translation, and what the two share is reworded")
        return {"verdict": "common source likely: two renderings of one original (one is a translation; the shared "
                           "sentences are reworded, not copied)", "relation": "common_wire", "credited": "no",
                "direction": "n/a", "candidates": "; ".join(cands)}
    if (near or shape) and not wx and not wy and not aside and not tells:
        # a wire in sight and nothing else named: the wire's story, the likeliest common source (the wire one of the
        # two names under a picture, if any: credited in part, as a reader counts a picture's credit)
        w = near[1] if near else next((c for a in (x, y) for c in sorted(e.named[a]["photo"]) if e.is_wire.get(c)), None)
        if not near and w is None:
            # a dateline alone is the house style of wire copy and of many newspapers' own reports: a scraper that
            # copies a newspaper's story keeps it. It blocks an accusation but decides nothing: both candidates named.
            # A source one of the two credits for its whole text is still credited in part, as below: the dateline
            # takes no credit away
            whole = _whole_credits(e, x, y)
            if whole:
                ev.append("credited for the whole text: " + "; ".join(whole))
            return {"verdict": f"undetermined (a wire's copy with its credit dropped, or one copied the other: {shape})",
                    "credited": "partial" if whole else "no", "direction": "unknown", "candidates": "; ".join(cands)}
        why = (f"{outlet[near[0]]} ({near[0]}) carries the passage too and names {near[1]}" if near else shape)
        return {"verdict": f"common source likely: wire copy, no credit visible ({why})", "relation": "common_wire",
                "source": w, "credited": "partial" if w and not near else "no", "direction": "n/a",
                "candidates": "; ".join(cands)}
    # a third text carrying the passage credits one outlet for its whole text, and neither of the two credits anything:
    # that outlet's story is what both took (two scrapes of one report, a third page naming it), uncredited
    quiet = not (wx or wy or near or shape or aside or tells or sent) and e.credits_nothing(x) and e.credits_nothing(y)
    if quiet and (got := e.credited_by_holders(x, y, holders, n)):
        ev.append(f"{outlet[got[1][0]]} ({got[1][0]}) carries the passage too and credits {got[0]}")
        return {**_common(e, got[0], None, x, y, "outlet", ev), "verdict": f"common source likely: {got[0]}, credited "
                f"by {outlet[got[1][0]]}, which carries the passage too; neither of the two credits it"}
    why = (no_order if sign is None
           else "a wire or outside source is named" if wx or wy or near or aside or tells
           else "both carry a text sent to many" if sent
           else "other texts carry the passage too" if others or circ
           else f"less than {COPY_SHARE:.0%} of the later article's narration is in the earlier one")
    # a source one of the two credits for its whole text (a credit line, a byline, derived_from): credited in part,
    # whichever took from whom (the other's outlet would have been named above)
    whole = _whole_credits(e, x, y)
    if whole:
        ev.append("credited for the whole text: " + "; ".join(whole))
    return {"verdict": f"undetermined ({why})", "credited": "partial" if whole else "no", "direction": "unknown",
            "candidates": "; ".join(cands)}


def _whole_credits(e: Evidence, x: str, y: str) -> list[str]:
    """"<outlet> credits <source>" for each source x or y credits for its whole text (a credit line, a byline,
    derived_from; not a credit to one fact only, :attr:`Evidence.fact`)."""
    return sorted({f"{e.outlet[a]} credits {c}" for a in (x, y) for c in e.named[a]["credit"] if c not in e.fact.get(a, ())})


def _common(e: Evidence, s: str, z, x: str, y: str, what: str, ev: list[str]) -> dict:
    """A common source ``s`` (its text ``z`` in the corpus or the references, when there): the verdict row."""
    cx, cy = (any(wires.same_source(c, s, e.forms) or wires.wire_of(c) == s for c in e.named[a]["credit"]) for a in (x, y))
    # a credit to s for one fact only ("according to s", set aside for the pair) or in a photo caption: partial, as
    # a reader counts it (the source named, not for all that was taken)
    px, py = (any(wires.same_source(c, s, e.forms) or wires.wire_of(c) == s for c in set(e.fact.get(a, ())) | e.named[a]["photo"])
              for a in (x, y))
    if z:
        detail = f"{e.refname.get(z) or e.outlet.get(z, z)} has the text both share"
    elif cx and cy:
        detail = f"both credit {s}"
    elif cx or cy:
        detail = f"{e.outlet[x] if cx else e.outlet[y]} credits {s}"
    elif what == "wire group":
        detail = f"both carry {s}'s story (a wire group), neither credits it"
        if (x, y) in e.group_note:
            ev.append(e.group_note[(x, y)])
    else:
        detail = f"{s} named in the copy"
    ev.append(f"common source {s}: {what}" + (f", its text in the corpus ({z})" if z else ", its text not in the corpus"))
    # credits something, not what it took (another outlet, another agency): partial, as a reader counts it
    if not (cx or cy) and (px or py):
        ev.append(f"{e.outlet[x] if px else e.outlet[y]} names {s} for one fact or a picture only: a partial credit")
    other = sorted({c for a in (x, y) for c in e.named[a]["credit"] | set(e.fact.get(a, ()))} - {s}) if not (cx or cy) else []
    if other:
        ev.append(f"neither credits {s}; credited instead: {', '.join(other)}")
    out = {"verdict": f"common source: {detail}", "source": s, "source_article": z,
           "credited": "yes" if cx and cy else ("partial" if cx or cy or px or py or other else "no"), "direction": "n/a",
           "candidates": ""}
    if what in ("wire", "wire group", "reference") or what.startswith("a party"):
        out["relation"] = "common_wire"
    return out
