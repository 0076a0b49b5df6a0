"""What else is in sight of a pair sharing narration: the third texts that carry what the two share, and the wires
they or the two's shapes point to (read by the pair verdicts, :mod:`presslens.analyses.verdicts`, once the sources
the two texts name have decided nothing: :mod:`presslens.analyses.pair_sources`).

:func:`sight` reads, for the pair (x, y) and the order of their dates:

- the third texts holding what the two share (:meth:`~presslens.analyses.pair_evidence.Evidence.holders`): carried
  by :data:`SPREAD` or more other outlets when no date orders them, it is a story sent to all (a wire), unless
  the two and those texts are a *rewrite family* (the text reworded, none naming a source: a wire's pickups keep
  its words); one dated before both is their likeliest source; others not dated after the earlier, and third
  outlets' texts sharing part of the passage with both (a passage in circulation), are candidates;
- a text sent to many both carry (:meth:`~presslens.analyses.pair_evidence.Evidence.both_carry`);
- a wire in sight: a third text carrying the passage names one
  (:meth:`~presslens.analyses.pair_evidence.Evidence.wire_near`), or either text has a wire's shape (a dateline
  naming no one, :meth:`~presslens.analyses.pair_evidence.Evidence.wire_shape`), unless their dates order them
  days apart.

Each finding is written into the pair's evidence and candidates; :func:`wire_in_sight` and :func:`holder_credit`
are the verdicts a wire in sight, or one source the third texts credit, gives when nothing before decided.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .pair_evidence import Evidence, order
from .pair_sources import common, whole_credits

SPREAD = 2  # other outlets holding the narration two articles share that make it a story sent to many (a wire)


@dataclass
class Sight:
    """What :func:`sight` found: ``verdict`` when it decides the pair (a story sent to all, a text dated before both),
    else the third texts and wires in sight."""
    verdict: dict | None = None
    holders: list[str] = field(default_factory=list)  # third texts (no references) holding what the two share
    family: bool = False  # a rewrite family: reworded, and neither of the two nor any holder credits anything
    others: list[str] = field(default_factory=list)  # texts holding it not dated after the earlier of the two
    circ: list[str] = field(default_factory=list)  # third outlets' texts sharing part of it (when a date orders the two)
    sent: list[str] = field(default_factory=list)  # texts sent to many both carry
    near: tuple[str, str] | None = None  # (a third text carrying the passage, the wire it names)
    shape: str | None = None  # why one of the two has a wire's shape


def sight(e: Evidence, x: str, y: str, n: int, sign, how: str, ev: list[str], cands: list[str],
          wx: set[str], wy: set[str]) -> Sight:
    """The third texts and wires in sight of the pair (x, y) sharing ``n`` words of narration, whose dates order
    them by ``sign`` (:func:`~presslens.analyses.pair_evidence.order`; None: no order) and ``how``: see the module
    docstring. Appends to the evidence ``ev`` and inserts candidates in ``cands``."""
    outlet, wt = e.outlet, e.when
    dx, dy = e.date[x], e.date[y]
    held_by = e.holders(x, y, n)  # every third text holding what the two share, references included, in order
    holders = [z for z in held_by if not z.startswith("ref:")]
    spread = sorted({outlet[z] for z in holders if order(wt[z], wt[x])[0] is None and order(wt[z], wt[y])[0] is None}
                    - {outlet[x], outlet[y]}) if sign is None else []
    # a rewrite family: the text reworded (not a wire's verbatim words) in outlets none of which names any source
    family = (e.reworded(x, y) and e.credits_nothing(x) and e.credits_nothing(y)
              and all(e.credits_nothing(z) for z in holders))
    s = Sight(holders=holders, family=family)
    if len(spread) >= SPREAD and not family:  # the same text in many outlets the same day: one story sent to all (a wire), no copy
        ev.append(f"the shared passage is carried by {len(spread)} other outlets too ({', '.join(spread[:4])})")
        s.verdict = {**common(e, f"a source {len(spread) + 2} outlets carry", None, x, y, "wire group", ev),
                     "source": None, "verdict": f"common source: the same text in {len(spread) + 2} outlets, none crediting "
                                                "the other (a wire story sent to all)"}
        return s
    first = y if sign == 1 or wt[x] is None else x  # the earlier of the two (either one when the order is unknown)
    others = [z for z in held_by if wt[first] is not None and wt.get(z) is not None and order(wt[z], wt[first])[0] != 1]
    # a third outlet's text not dated after the earlier, sharing part of the passage: dates alone then decide nothing
    circ = [z for z in e.circulating(x, y) if z not in others and wt.get(z) is not None and order(wt[z], wt[first])[0] != 1
            ] if sign is not None else []
    before = [z for z in others if dx is not None and dy is not None
              and order(wt[z], wt[x])[0] == -1 and order(wt[z], wt[y])[0] == -1]
    if before:  # an article dated before both holds what they share: their likeliest source
        s.verdict = common(e, outlet[before[0]], before[0], x, y, "outlet", ev)
        return s
    s.others, s.circ = others, circ
    if circ:
        ev.append("part of the passage is in circulation: " + ", ".join(f"{outlet[z]} ({z})" for z in circ[:3]) + " shares it with both")
    if others or circ:
        cands.insert(0, "a common source: other texts carry the passage too ("
                     + ", ".join(f"{outlet.get(z, z)} ({z})" for z in (others + circ)[:3]) + ")")
    sent = s.sent = e.both_carry(x, y)  # a wire story both ran: what else they share may be its fuller version, not a copy
    if sent:
        ev.append(f"both carry a text sent to many: {', '.join(sent)}")
        cands.insert(0, f"a fuller version of a text both carry ({sent[0]})")
    near = s.near = None if wx or wy else e.wire_near(x, y)  # a third text carrying the passage names a wire: in sight
    if near:
        ev.append(f"{outlet[near[0]]} ({near[0]}) carries the passage too and names {near[1]}: a wire in sight")
        cands.insert(0, f"a wire's story both carry ({near[1]}, named by {outlet[near[0]]})")
    # a wire's copy by its shape though no wire is credited (a wire under a picture, a dateline naming no one): a
    # wire in sight, no accusation (issue 23: two pickups of one wire story, the credit dropped); not when their dates
    # order them days apart (a wire's pickups run the same day, as the spread rule reads them; a paper's own staff
    # story opens with its correspondent's dateline too, and a copy days later is the copy of the earlier one: attack15)
    days_apart = sign is not None and how == "by date"
    shape = s.shape = None if wx or wy or near or days_apart else "; ".join(w for w in (e.wire_shape(x), e.wire_shape(y)) if w)
    if shape:
        ev.append(f"{shape}: the shape of a wire's copy")
        cands.insert(0, f"a wire's story both carry ({shape})")
    return s


def wire_in_sight(e: Evidence, x: str, y: str, s: Sight, ev: list[str], cands: list[str], wx: set[str], wy: set[str],
                  aside: set[str], tells: list[str]) -> dict | None:
    """The verdict when a wire is in sight (:attr:`Sight.near`, :attr:`Sight.shape`) and nothing else is named: the
    wire's story, the likeliest common source; a dateline alone leaves the pair undetermined. None otherwise."""
    outlet, near, shape = e.outlet, s.near, s.shape
    if (near or shape) and not wx and not wy and not aside and not tells:
        # a wire in sight and nothing else named: the wire's story, the likeliest common source (the wire one of the
        # two names under a picture, if any: credited in part, as a reader counts a picture's credit)
        w = near[1] if near else next((c for a in (x, y) for c in sorted(e.named[a]["photo"]) if e.is_wire.get(c)), None)
        if not near and w is None:
            # a dateline alone is the house style of wire copy and of many newspapers' own reports: a scraper that
            # copies a newspaper's story keeps it. It blocks an accusation but decides nothing: both candidates named.
            # A source one of the two credits for its whole text is still credited in part, as below: the dateline
            # takes no credit away
            whole = whole_credits(e, x, y)
            if whole:
                ev.append("credited for the whole text: " + "; ".join(whole))
            return {"verdict": f"undetermined (a wire's copy with its credit dropped, or one copied the other: {shape})",
                    "credited": "partial" if whole else "no", "direction": "unknown", "candidates": "; ".join(cands)}
        why = (f"{outlet[near[0]]} ({near[0]}) carries the passage too and names {near[1]}" if near else shape)
        return {"verdict": f"common source likely: wire copy, no credit visible ({why})", "relation": "common_wire",
                "source": w, "credited": "partial" if w and not near else "no", "direction": "n/a",
                "candidates": "; ".join(cands)}
    return None


def holder_credit(e: Evidence, x: str, y: str, n: int, s: Sight, ev: list[str], wx: set[str], wy: set[str],
                  aside: set[str], tells: list[str]) -> dict | None:
    """The verdict when a third text carrying the passage credits one outlet for its whole text and neither of the
    two credits anything (:meth:`~presslens.analyses.pair_evidence.Evidence.credited_by_holders`): that outlet's
    story is what both took (two scrapes of one report, a third page naming it), uncredited. None otherwise."""
    quiet = (not (wx or wy or s.near or s.shape or aside or tells or s.sent)
             and e.credits_nothing(x) and e.credits_nothing(y))
    if quiet and (got := e.credited_by_holders(x, y, s.holders, n)):
        ev.append(f"{e.outlet[got[1][0]]} ({got[1][0]}) carries the passage too and credits {got[0]}")
        return {**common(e, got[0], None, x, y, "outlet", ev), "verdict": f"common source likely: {got[0]}, credited "
                f"by {e.outlet[got[1][0]]}, which carries the passage too; neither of the two credits it"}
    return None
