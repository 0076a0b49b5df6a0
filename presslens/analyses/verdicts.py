"""Who copied whom: for each pair of articles sharing text, the explanations and the verdict the evidence allows.

For every pair the reuse index found (:func:`presslens.analyses.reuse.analyse`), :func:`verdicts`
weighs the explanations a careful reader weighs, each with its evidence:

- **the same page**: a duplicate capture (:mod:`presslens.engine.screening`), or one outlet's two
  captures whose narration is (nearly) all in each other (the site and a text dump of it);
- **a common source S**: a wire agency both credit, or whose reporter's name-drop ("told Reuters")
  either carries, or whose text another article holding the shared passage credits (a *wire group*:
  shared text inside one wire's group is common source, never copying); S's own copy in the corpus
  (captured from the agency's site) that holds the passage; a reference document that holds it; an
  outlet both credit whose text is not in the corpus. A credited source whose corpus text does
  **not** hold the shared passage does not explain it;
- **A copied B / B copied A**: B's text is earlier (dates), A credits B or not, and nothing above
  explains the shared narration.

A verdict is given only where the evidence decides; otherwise the pair is *undetermined* and the
candidates are named. No accusation ("copied without credit") rests on less than
:data:`EVIDENCE_WORDS` words of shared narration (about two sentences of a news story's own words:
quotation never counts), nor on a pair that shares a wire. ``relation`` uses the evaluation's names
(same_page, copy, reworded_copy, common_wire, shared_quote_only); ``credited`` is yes (the reusing
article, or for a common source both, credit it), partial (one of two does), no, or n/a.
"""
from __future__ import annotations

from collections import defaultdict

import pandas as pd

from presslens.engine.memo import story_table
from presslens.story.model import Story
from . import reuse, wires

EVIDENCE_WORDS = 30  # shortest shared narration (words) a verdict of copying may rest on: about two sentences
SAME_PAGE = 0.9  # share of each capture's narration inside the other that makes one outlet's two captures one page
HOLDS = 0.5  # share of the narration two articles share that a third text must hold, with each, to be their source
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
    return decide(story, r, wires.sources(story))


def decide(story: Story, r, src: pd.DataFrame) -> pd.DataFrame:
    """The verdict table from the reuse tables ``r`` and the sources table ``src`` (:func:`wires.sources`)."""
    arts = story.articles
    outlet = dict(zip(arts["id"], arts["outlet"]))
    date = {a: (None if pd.isna(d) else pd.Timestamp(d)) for a, d in zip(arts["id"], arts["published"])}
    host = {a: wires.host_of(u) for a, u in zip(arts["id"], arts["url"])}
    forms = wires.name_forms(story)
    named: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))  # article -> kind -> sources
    for s in src.itertuples(index=False):
        named[s.article][s.kind].add(s.source)
    is_wire = {s.source: bool(s.wire) for s in src.itertuples(index=False)}
    own_copy: dict[str, list[str]] = defaultdict(list)  # agency -> its own articles in the corpus
    by_outlet: dict[str, list[str]] = defaultdict(list)
    for a in arts["id"]:
        for w in named[a]["own text"]:
            own_copy[w].append(a)
        by_outlet[wires.norm(outlet[a])].append(a)
    cont = r.containment[~r.containment["reference"]]
    nb: dict[str, dict[str, int]] = defaultdict(dict)
    for c in r.containment.itertuples(index=False):
        nb[c.article][c.other] = int(c.shared_narration)
    narr = {(c.article, c.other): c for c in cont.itertuples(index=False)}
    refname = ({f"ref:{i}": f"{s} (reference)" for i, s in zip(story.references["id"], story.references["source"])}
               if story.references is not None and len(story.references) else {})

    def wires_of(a: str, kinds=("credit", "tell", "own text")) -> set[str]:
        return {s for k in kinds for s in named[a][k] if is_wire.get(s)}

    def credits(a: str, name: str) -> bool:
        return any(wires.same_source(c, name, forms) for c in named[a]["credit"] | named[a]["own text"])

    def holds(z: str, x: str, y: str, n: int) -> bool:
        """Whether text z holds (most of) what x and y share."""
        return nb[x].get(z, 0) >= HOLDS * n and nb[y].get(z, 0) >= HOLDS * n

    rows: list[dict] = []
    for p in r.pairs.itertuples(index=False):
        x, y = p.article_a, p.article_b
        ab, ba = narr.get((x, y)), narr.get((y, x))
        n = max(ab.shared_narration if ab else 0, ba.shared_narration if ba else 0)
        row = {"article_a": x, "outlet_a": outlet[x], "article_b": y, "outlet_b": outlet[y], "kind": p.kind,
               "relation": relation_of(p.kind), "source": None, "source_article": None, "credited": "n/a",
               "direction": "n/a", "accusation": False, "candidates": "", "shared_narration": n}
        ev: list[str] = [f"{p.kind}: {p.detail}"]
        for a in (x, y):
            for k in ("own text", "credit", "tell"):
                if named[a][k]:
                    ev.append(f"{outlet[a]} ({a}) {k}: {', '.join(sorted(named[a][k]))}")
        ev.append("dates: " + "; ".join(f"{outlet[a]} {_fmt(date[a])}" for a in (x, y)))
        if ab and ba:
            ev.append(f"containment of narration: {ab.containment_narration:.0%} of {outlet[x]} in {outlet[y]}, "
                      f"{ba.containment_narration:.0%} of {outlet[y]} in {outlet[x]}")
        same_outlet = wires.norm(outlet[x]) == wires.norm(outlet[y]) or (host[x] and host[x] == host[y])
        if p.kind == "duplicate capture":
            row.update(verdict="same page (captured twice)", relation="same_page")
        elif same_outlet and ab and ba and min(ab.containment_narration, ba.containment_narration) >= SAME_PAGE:
            row.update(verdict="same page (one outlet's text captured twice)", relation="same_page")
        elif row["relation"] == "shared_quote_only":
            row.update(verdict="quotation only: no evidence of copying")
        else:
            row.update(_explain(x, y, n, row, ev, outlet, date, named, wires_of, credits, holds, own_copy,
                                by_outlet, nb, refname, same_outlet))
        row["evidence"] = " | ".join(ev)
        rows.append(row)
    return pd.DataFrame(rows, columns=VERDICT_COLS)


def _fmt(d) -> str:
    return d.strftime("%Y-%m-%d") if d is not None else "no date"


def _explain(x, y, n, row, ev, outlet, date, named, wires_of, credits, holds, own_copy, by_outlet, nb, refname,
             same_outlet) -> dict:
    """The verdict for a pair sharing narration (see the module docstring)."""
    wx, wy = wires_of(x), wires_of(y)
    # 1. the wire's own copy is one of the two: the other took it from the wire
    for a, b in ((x, y), (y, x)):
        own = named[b]["own text"]
        if own and not named[a]["own text"]:
            w = sorted(own)[0]
            ok = credits(a, w) or credits(a, outlet[b])
            return {"verdict": f"{outlet[a]} ran {w}'s text ({outlet[b]} is {w}'s own copy)", "source": w,
                    "source_article": b, "credited": "yes" if ok else "no",
                    "direction": "a_from_b" if a == x else "b_from_a"}
    # 2. one wire both carry (credit, tell) or one carries and the other carries no other wire
    shared = wx & wy
    lone = (wx - wy) if not wy else ((wy - wx) if not wx else set())
    for w in sorted(shared) + sorted(lone):
        corpus = [z for z in own_copy.get(w, []) if z not in (x, y)]
        if corpus and not any(holds(z, x, y, n) for z in corpus):
            ev.append(f"{w}'s own copy in the corpus ({', '.join(corpus)}) does not hold the shared passage: "
                      f"{w} does not explain it")
            continue
        held = [z for z in corpus if holds(z, x, y, n)]
        return _common(w, held[0] if held else None, x, y, named, "wire", ev)
    if not wx and not wy:
        # 3. a wire group: a third article holding the shared passage carries a wire
        for z in sorted(set(nb[x]) & set(nb[y]) - {x, y}):
            if holds(z, x, y, n):
                wz = wires_of(z) if not z.startswith("ref:") else set()
                if z.startswith("ref:"):
                    return _common(refname.get(z, z), z, x, y, named, "reference", ev)
                if wz:
                    w = sorted(wz)[0]
                    ev.append(f"wire group: {outlet[z]} ({z}) holds the shared passage and carries {w}")
                    return _common(w, None, x, y, named, "wire", ev)
    # 4. an outlet both credit (or whose reporter both name): explains it only when its text, if in the corpus, holds it
    both = {c for c in named[x]["credit"] | named[x]["tell"]
            if any(wires.norm(c) == wires.norm(d) for d in named[y]["credit"] | named[y]["tell"])}
    for c in sorted(both - set(wx) - set(wy)):
        corpus = [z for z in by_outlet.get(wires.norm(c), []) if z not in (x, y)]
        if corpus and not any(holds(z, x, y, n) for z in corpus):
            ev.append(f"both credit {c}, whose text in the corpus ({', '.join(corpus)}) does not hold the shared "
                      f"passage: {c} does not explain it")
            continue
        return _common(c, next((z for z in corpus if holds(z, x, y, n)), None), x, y, named, "outlet", ev)
    # 5. credited copying: one credits the other's outlet
    for a, b in ((x, y), (y, x)):
        if credits(a, outlet[b]) and not same_outlet:
            return {"verdict": f"{outlet[a]} took the text from {outlet[b]}, credited", "source": outlet[b],
                    "source_article": b, "credited": "yes", "direction": "a_from_b" if a == x else "b_from_a"}
    # 6. direction from dates; an accusation only on enough narration and no wire anywhere in sight
    dx, dy = date[x], date[y]
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
    if dx is not None and dy is not None and dx != dy and not wx and not wy and not tells:
        a, b = (x, y) if dx > dy else (y, x)
        return {"verdict": "copied without credit", "source": outlet[b], "source_article": b, "credited": "no",
                "direction": "a_from_b" if a == x else "b_from_a", "accusation": True,
                "candidates": f"{outlet[a]} copied {outlet[b]} (dated {_fmt(date[b])}, before {_fmt(date[a])}); "
                              "not excluded: a common source outside the corpus neither credits"}
    why = ("a date is missing" if dx is None or dy is None else "both are dated the same day" if dx == dy
           else "a wire or outside source is named")
    return {"verdict": f"undetermined ({why})", "credited": "no", "direction": "unknown", "candidates": "; ".join(cands)}


def _common(s: str, z, x: str, y: str, named, what: str, ev: list[str]) -> dict:
    cx, cy = (any(wires.norm(c) == wires.norm(s) or wires.wire_of(c) == s for c in named[a]["credit"])
              for a in (x, y))
    where = f"its text in the corpus: {z}" if z else ("in the story's references" if what == "reference"
                                                       else "outside the corpus")
    out = {"verdict": f"common source: {s} ({what}, {where})", "source": s, "source_article": z,
           "credited": "yes" if cx and cy else ("partial" if cx or cy else "no"), "direction": "n/a", "candidates": ""}
    if what in ("wire", "reference"):
        out["relation"] = "common_wire"
    return out
