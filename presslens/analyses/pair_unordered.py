"""A pair no date orders: "copied without credit, direction unknown", or two renderings of one original (read by the
pair verdicts, :mod:`presslens.analyses.verdicts`, after the sources the two name and the third texts in sight,
:mod:`presslens.analyses.pair_sight`, have decided nothing).

When no date orders the two texts, :func:`unordered` calls them one copied the other, direction unknown (the same
words as provenance's status :data:`UNKNOWN_DIRECTION`) only when neither credits any source, no wire is in sight,
no translation is involved, no third text that may be their source holds the passage, nor does a third outlet's
text share :data:`~presslens.analyses.pair_evidence.EVIDENCE_WORDS` with each (a passage in circulation; one dated
after either of the two is a later copy, not their source; uncredited members of a rewrite family do not count),
and they share at least :data:`SURE_WORDS` words of narration, or
:data:`~presslens.analyses.pair_evidence.EVIDENCE_WORDS` when what they share is reworded (a wire's pickups keep
its words) and is most of each text (a spun blurb) or held by other members of their rewrite family. When a date is
missing and the dates the undated text names order the two (:mod:`presslens.analyses.text_dates`), and the later
one's narration is :data:`COPY_SHARE` or more inside the earlier, the verdict is :data:`UNCREDITED`, the later from
the earlier. A translated text sharing reworded sentences with the other is a rendering of one original: a common
source, no copy. :func:`no_order` says why no date orders them.
"""
from __future__ import annotations

from presslens.story import when as clock

from . import text_dates
from .pair_evidence import EVIDENCE_WORDS, Evidence, order
from .pair_sight import Sight

COPY_SHARE = 0.5  # share of the later article's narration inside the earlier one that an accusation needs
SURE_WORDS = 60  # shared narration (words, about three sentences) an accusation with no date to order the two needs
UNCREDITED = "copied without credit"  # the verdict (and provenance status) of an uncredited copy
UNKNOWN_DIRECTION = "copied without credit, direction unknown"  # ... whose direction nothing says: one phrasing everywhere


def no_order(e: Evidence, x: str, y: str, how: str) -> str:
    """Why no date orders x and y (``how``: what :func:`~presslens.analyses.pair_evidence.order` said of them)."""
    wt = e.when
    timed = any(wt[z] is not None and wt[z].time is not None for z in (x, y))
    return ("a date is missing" if e.date[x] is None or e.date[y] is None else how if wt[x].day != wt[y].day
            else "both are dated the same day" + (f"; {how.split('; ', 1)[-1]}" if timed else ""))


def unordered(e: Evidence, x: str, y: str, n: int, sign, s: Sight, ev: list[str], cands: list[str], wx: set[str],
              wy: set[str], aside: set[str], why: str) -> dict | None:
    """The verdict of the pair (x, y) sharing ``n`` words of narration when no date orders them (``sign`` None;
    ``why``: :func:`no_order`), see the module docstring; None when it does not decide (and whenever ``sign`` orders
    them). Appends to the evidence ``ev`` and inserts candidates in ``cands``."""
    outlet, wt, holders, family = e.outlet, e.when, s.holders, s.family
    near, shape, sent = s.near, s.shape, s.sent
    # a third text dated after one of the two cannot be the source that one took the text from: a later copy, no
    # common source (as ``others`` of pair_sight, when a date orders the two)
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
            ev.append(f"order from the dates the texts name ({why}): {t_how}")
            return {"verdict": UNCREDITED, "source": outlet[b], "source_article": b, "credited": "no",
                    "direction": "a_from_b" if a == x else "b_from_a", "accusation": True,
                    "candidates": f"{outlet[a]} copied {outlet[b]} ({why}; by the dates the texts name: {t_how}); "
                                  f"not excluded: a common source outside the corpus neither credits ({what}: {n} words "
                                  "of narration shared)"}
        return {"verdict": f"{UNKNOWN_DIRECTION} ({why})", "credited": "no", "direction": "unknown",
                "accusation": True, "candidates": f"{'; '.join(cands)} ({what}: {n} words of narration shared)"}
    if sign is None and e.reworded(x, y) and not wx and not wy and e.translated & {x, y}:
        # a translation rewords its original: two texts sharing sentence skeletons, one of them translated, are
        # two renderings of one foreign story (a wire's, most often), not one outlet copying the other
        t = sorted(e.translated & {x, y})[0]
        ev.append(f"{outlet[t]} ({t}) is a translation, and what the two share is reworded")
        return {"verdict": "common source likely: two renderings of one original (one is a translation; the shared "
                           "sentences are reworded, not copied)", "relation": "common_wire", "credited": "no",
                "direction": "n/a", "candidates": "; ".join(cands)}
    return None
