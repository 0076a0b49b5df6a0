"""The sources a pair's own two texts name: the first steps of the pair verdicts (:mod:`presslens.analyses.verdicts`).

For a pair (x, y) sharing narration, what the two texts themselves say decides first, in this order (the order is
the rule; see the verdicts' module docstring for the whole of it):

1. one names the other's outlet (a credit, a reporter's name-drop, a picture credit): it took the text from it;
2. the wire's own copy is one of the two: the other ran the wire's text (on :data:`EVIDENCE_WORDS` words or more);
3. one wire both carry, or one carries and the other carries no other: that wire, unless its own copy in the
   corpus does not hold the shared passage;
4. neither carries a wire: a third text holding the passage that is a reference or carries a wire (a *wire
   group*), or a wire both are linked to (:meth:`~presslens.analyses.pair_evidence.Evidence.wire_group`);
5. an outlet or a party both credit (or whose reporter both name), when its text, if in the corpus, holds it.

:func:`named_source` weighs these (None: none decides); :func:`common` writes the verdict row of a common source
(its credit: yes, partial or no, as a reader counts it), :func:`whole_credits` the sources credited for a whole
text, and :func:`passage_only` the verdict of two texts neither of which is mostly the other (a passage both
carry, its likeliest source the one either credits).
"""
from __future__ import annotations

from . import reuse, wires
from .pair_evidence import EVIDENCE_WORDS, Evidence


def named_source(e: Evidence, x: str, y: str, n: int, ev: list[str], wx: set[str], wy: set[str],
                 same_outlet: bool) -> dict | None:
    """Steps 1-5 of the module docstring for the pair (x, y) sharing ``n`` words of narration (``wx``, ``wy``: the
    wires each carries); None when none of them decides."""
    outlet, named, forms, holds, wires_of, credits = e.outlet, e.named, e.forms, e.holds, e.wires_of, e.credits
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
        return common(e, w, held[0] if held else None, x, y, "wire", ev)
    if not wx and not wy:
        # 4. a wire group: a third article holding the shared passage carries a wire
        ny = e.nb.get(y, {})
        for z in e.source_nb.get(x, ()):  # the references and wire-carrying texts x shares with, in order
            if z != x and z != y and z in ny and holds(z, x, y, n):
                wz = e.carries[z] if not z.startswith("ref:") else set()
                if z.startswith("ref:"):
                    return common(e, e.refname.get(z, z), z, x, y, "reference", ev)
                if wz:
                    w = sorted(wz)[0]
                    ev.append(f"wire group: {outlet[z]} ({z}) holds the shared passage and carries {w}")
                    return common(e, w, None, x, y, "wire group", ev)
        grouped = e.wire_group(x, y)
        if grouped:  # both took from one wire's story: each shares narration with a copy crediting that wire
            return common(e, grouped, None, x, y, "wire group", ev)
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
        return common(e, c, next((z for z in corpus if holds(z, x, y, n)), None), x, y,
                      "a party's statement or release" if party else "outlet", ev)
    return None


def passage_only(e: Evidence, x: str, y: str, n: int, ev: list[str], cands: list[str], tells: list[str]) -> dict | None:
    """The verdict when each of x and y has most of its narration of its own (less than
    :data:`presslens.analyses.reuse.COPY` of one in the other) and no source is named in the copy: a passage both
    carry, neither a copy of the other; its likeliest source the one either credits. None otherwise."""
    outlet, named, forms, holds = e.outlet, e.named, e.forms, e.holds
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
    return None


def whole_credits(e: Evidence, x: str, y: str) -> list[str]:
    """"<outlet> credits <source>" for each source x or y credits for its whole text (a credit line, a byline,
    derived_from; not a credit to one fact only, :attr:`Evidence.fact`)."""
    return sorted({f"{e.outlet[a]} credits {c}" for a in (x, y) for c in e.named[a]["credit"] if c not in e.fact.get(a, ())})


def common(e: Evidence, s: str, z, x: str, y: str, what: str, ev: list[str]) -> dict:
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
