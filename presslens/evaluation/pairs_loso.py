"""How well the pair verdicts (who copied whom) should do on stories they were not built on: a
leave-one-story-out estimate over the development stories (issue 23), the counterpart of
:mod:`.speakers_loso` for :mod:`presslens.analyses.verdicts`.

The verdict rules, the credit forms, the wire agencies and the thresholds were written while reading the
development stories, so their scores there are in-sample figures: on the test stories (scored once, never
read) pair relation accuracy fell from 0.90 to 0.76 and credit accuracy from 0.88 to 0.72. For each
held-out story this module keeps only what would have been written from the *other* stories, and scores
the story with the scorer of ``presslens eval`` (:func:`presslens.evaluation.score_story.score_pairs`):

- **rules**: a rule that took part in the verdict of a labelled pair of the held-out story and of no other
  development story is taken out, and the verdicts are decided again without it. The rules are of three
  sorts: the evidence a verdict reads (:data:`BRANCHES`: a wire's shape, a wire in sight, a text sent to
  many, one publisher's page on two hosts, a translation, a credit for one fact only, a wire group, a passage in circulation), each
  taken out by making its :class:`~presslens.analyses.pair_evidence.Evidence` method find nothing; the
  credit forms (each form of ``wire_agencies.yaml``, each outlet credit and outside-source tell of
  :mod:`presslens.analyses.credit_forms`, an agency found by its marks), taken out by dropping the source
  rows they found; the wire agencies of the list, taken out by dropping what only their names found and
  by no longer counting a ``derived_from`` credit to them as a wire. A credit written in ``derived_from``
  is no rule (the user states it).
- **thresholds** (:data:`THRESHOLDS`: EVIDENCE_WORDS, SURE_WORDS, COPY_SHARE, SPREAD, SAME_PAGE): each is
  re-chosen from the other stories, one at a time (the others kept), among its candidate values: the
  value with most pairs right (relation and credit) on the other stories, a common-wire pair called
  copied costing :data:`WIRE_COST` right answers (ties: the package's value, then the closest to it).

:func:`held_out` does the choosing and scoring on tables (pure: a run function, truths and the rules each
story used in, counts out); :func:`estimate` runs the development stories of ``data/eval`` (a story whose
truth.yaml says ``split: test`` is skipped: only its ``split:`` line is read).
``python -m presslens.evaluation.pairs_loso [-v] data/eval/SLUG ...`` prints the tables for the development stories
named (with no folder it prints its usage and exits 2, reading nothing); ``-v``
also prints the labelled pairs the held-out verdicts get wrong (:func:`held_out_errors`).

Measured in session 20 (11 development stories with pairs; 8 labelled directions): held out, relation 0.88, credit
0.87, common wire called copied 1, direction 3 of 8 (in sample 0.92, 0.91, 0, 5 of 8). The directions held out
miss are decided in sample by rules each story alone uses (a picture credit to the other outlet, an outlet named
an agency); the containment of each text in the other ("the copy is the one wholly inside the other") is no
direction: on the labelled pairs it points at 19 common-wire pairs, and at the original of a 100% copy whose
copier added its own page text.

What it does not do: a rule whose only effect is to block an accusation is taken out like any other (the
verdicts are decided again), but a rule of the verdict order that is not listed in :data:`BRANCHES` (the
order itself, the same-outlet reading) stays in.
"""
from __future__ import annotations

import contextlib
import sys
from pathlib import Path
from typing import Callable

import pandas as pd

from . import adapter
from .score_story import score_pairs

COLS = ["story", "relation_right", "relations", "credit_right", "credits", "wire_copied",
        "in_relation_right", "in_credit_right", "in_wire_copied", "direction_right", "directions", "in_direction_right",
        "thresholds", "taken_out"]
WIRE_COST = 5  # right answers a common-wire pair called copied without credit costs when a threshold is chosen
THRESHOLDS: dict[str, tuple] = {  # name -> candidate values (the package's value is read from the module)
    "EVIDENCE_WORDS": (20, 25, 30, 40, 50),
    "SURE_WORDS": (40, 50, 60, 80, 100),
    "COPY_SHARE": (0.3, 0.4, 0.5, 0.6, 0.7),
    "SPREAD": (1, 2, 3, 4),
    "SAME_PAGE": (0.8, 0.85, 0.9, 0.95),
}
BRANCHES: dict[str, tuple[str, str]] = {  # rule -> (words of the verdict or evidence it leaves, Evidence method)
    "branch wire shape": ("the shape of a wire's copy", "wire_shape"),
    "branch wire in sight": (": a wire in sight", "wire_near"),
    "branch text sent to many": ("both carry a text sent to many", "both_carry"),
    "branch one publisher's page": ("one publisher's article captured on two", "publisher_page"),
    "branch translation": ("is a translation, and what the two share is reworded", "translated"),
    "branch credit for one fact only": ("for one fact only", "set_aside"),
    "branch wire group": ("(a wire group)", "wire_group"),
    "branch wire family": ("wire family: ", "wire_family"),
    "branch passage in circulation": ("part of the passage is in circulation", "circulating"),
}


# ---------------------------------------------------------------- scoring (pure)

def score(pairs: pd.DataFrame, truth) -> tuple[int, int, int, int, int]:
    """(relations right, relations scored, credits right, credits scored, common-wire pairs called copied) of a
    verdict table against a truth, as ``presslens eval`` scores them."""
    o = score_pairs(pairs, pd.DataFrame(), truth)
    if o.empty:
        return 0, 0, 0, 0, 0
    rel, cred = o[o["measure"] == "relation"], o[o["measure"] == "credit status"]
    wire = o[o["measure"] == "common wire called copied without credit"]
    return (int((rel["outcome"] == "yes").sum()), len(rel), int((cred["outcome"] == "yes").sum()), len(cred),
            int((wire["outcome"] == "yes").sum()))


def directions(pairs: pd.DataFrame, truth) -> tuple[int, int]:
    """(directions right, directions scored): the labelled pairs with a direction (a_from_b, b_from_a) whose verdict
    says it, as ``presslens eval`` scores them (not part of :func:`merit`: a threshold is not chosen by it)."""
    o = score_pairs(pairs, pd.DataFrame(), truth)
    d = o[o["measure"] == "direction"] if len(o) else o
    return int((d["outcome"] == "yes").sum()) if len(d) else 0, len(d)


def merit(counts: tuple) -> int:
    """What a threshold value is chosen by: pairs right (relation and credit), a common wire called copied costing
    :data:`WIRE_COST`."""
    return counts[0] + counts[2] - WIRE_COST * counts[4]


def choose(name: str, values: tuple, current, by_value: dict, story: str):
    """The value of threshold ``name`` chosen without ``story``: ``by_value`` maps (value, story) -> counts
    (:func:`score`); the value of most :func:`merit` summed over the other stories (ties: ``current``, then
    the closest to it, then the smaller)."""
    def key(v):
        total = sum(merit(c) for (val, s), c in by_value.items() if val == v and s != story)
        return total, v == current, -abs(float(v) - float(current)), -float(v)
    return max(values, key=key)


def own_only(fired: dict[str, set], story: str) -> set[str]:
    """The rules that took part in a verdict of ``story`` and of no other story (``fired``: rule -> stories)."""
    return {r for r, where in fired.items() if where == {story}}


def held_out(stories: list[str], truths: dict, run: Callable, fired: dict[str, set],
             thresholds: dict[str, tuple] | None = None, current: dict | None = None,
             tables: dict | None = None) -> pd.DataFrame:
    """Per story: the counts held out (its own-only rules taken out, every threshold re-chosen from the other
    stories) and in sample. ``run(story, drop, settings)`` gives the story's verdict table with the rules of
    ``drop`` taken out and the thresholds of ``settings`` ({name: value}; the others the package's);
    ``current``: the package's value of each threshold; ``tables``, when given, receives each story's held-out
    verdict table (story -> table). Columns :data:`COLS`."""
    thresholds = THRESHOLDS if thresholds is None else thresholds
    current = current or {}
    grid = {name: {(v, s): score(run(s, set(), {name: v}), truths[s]) for v in values for s in stories}
            for name, values in thresholds.items()}
    rows = []
    for s in stories:
        chosen = {name: choose(name, values, current.get(name, values[0]), grid[name], s)
                  for name, values in thresholds.items()}
        moved = {k: v for k, v in chosen.items() if v != current.get(k, v)}
        drop = own_only(fired, s)
        table = run(s, drop, moved)
        if tables is not None:
            tables[s] = table
        out = score(table, truths[s])
        own = run(s, set(), {})
        inside = score(own, truths[s])
        rows.append((s, *out, inside[0], inside[2], inside[4], *directions(table, truths[s]), directions(own, truths[s])[0],
                     ", ".join(f"{k}={v}" for k, v in sorted(moved.items())), "; ".join(sorted(drop))))
    return pd.DataFrame(rows, columns=COLS)


def totals(counts: pd.DataFrame) -> dict[str, float]:
    """Relation and credit accuracy, held out and in sample, the common-wire pairs called copied, and the directions
    right ("R of N")."""
    def acc(right, n):
        return counts[right].sum() / counts[n].sum() if counts[n].sum() else 0.0
    return {"relation": acc("relation_right", "relations"), "credit": acc("credit_right", "credits"),
            "wire_copied": int(counts["wire_copied"].sum()), "in_relation": acc("in_relation_right", "relations"),
            "in_credit": acc("in_credit_right", "credits"), "in_wire_copied": int(counts["in_wire_copied"].sum()),
            "direction": f"{int(counts['direction_right'].sum())} of {int(counts['directions'].sum())}",
            "in_direction": f"{int(counts['in_direction_right'].sum())} of {int(counts['directions'].sum())}"}


# ---------------------------------------------------------------- rules of the source rows

def _forms():
    """(name, kind, pattern) of every credit form a source row can come from, in the order tried."""
    credit_forms, wires = adapter.credit_forms, adapter.wires
    out = [(f"form {f['form']}", f["kind"], rx) for f, (_a, _k, rx, _r) in zip(wires.agencies()["forms"], wires.form_patterns())]
    out += [(f"credit form {trigger.pattern}", "credit", rx) for _k, trigger, rx, *_ in credit_forms.CREDITS]
    out += [(f"outside tell {trigger.pattern}", "tell", rx) for _k, trigger, rx in credit_forms.OUTSIDE]
    out.append(("picture credit", "photo", credit_forms.PICTURE))
    return out


def source_rules(row: dict, forms=None) -> tuple[str, ...]:
    """The rules that found a source row (:func:`presslens.analyses.wires.sources`): the agency of the list it
    names ('agency ID') and the form that found it in the text ('form ...', 'credit form ...', 'outside tell
    ...', 'picture credit', else 'KIND in WHERE'); a derived_from credit is the user's word: its agency only."""
    out = []
    agency = adapter.wires.wire_of(row.get("source"))
    if agency:
        out.append(f"agency {agency}")
    where = row.get("where")
    if where == "derived_from":
        return tuple(out)
    ev = str(row.get("evidence") or "")
    if where == "text":
        for name, kind, rx in forms if forms is not None else _forms():
            if kind == row.get("kind") and rx.search(ev):
                out.append(name)
                return tuple(out)
    out.append(f"{row.get('kind')} in {where}")
    return tuple(out)


def without_sources(src: pd.DataFrame, drop: set[str], forms=None) -> pd.DataFrame:
    """``src`` without what the rules of ``drop`` found: a row whose form is dropped goes, and so does one found
    by an agency's names when the agency is dropped; a derived_from credit to a dropped agency stays, no wire."""
    if not drop or src.empty:
        return src
    keep, wire = [], []
    for row in src.to_dict("records"):
        rules = source_rules(row, forms)
        gone = set(rules) & drop
        keep.append(not gone or (row["where"] == "derived_from"))
        wire.append(bool(row["wire"]) and not gone)
    return src.assign(wire=wire)[keep].reset_index(drop=True)


# ---------------------------------------------------------------- running the verdicts

@contextlib.contextmanager
def settings(values: dict, drop: set[str]):
    """While inside: the thresholds of ``values`` set (in every module of :func:`homes` that reads it) and the
    :data:`BRANCHES` of ``drop`` finding nothing."""
    pair_evidence = adapter.pair_evidence
    saved = []
    try:
        for name, v in values.items():
            for mod in homes(name):
                saved.append((mod, name, getattr(mod, name)))
                setattr(mod, name, v)
        for rule in drop:
            if rule in BRANCHES:
                attr = BRANCHES[rule][1]
                # the class defining the reader: Evidence itself, or one of its parts (pair_third_texts, ...)
                owner = next(c for c in pair_evidence.Evidence.__mro__ if attr in c.__dict__)
                saved.append((owner, attr, owner.__dict__[attr]))
                setattr(owner, attr, _nothing(attr))
        yield
    finally:
        for obj, name, old in reversed(saved):
            setattr(obj, name, old)


def homes(name: str) -> list:
    """The modules of the pair verdicts that hold the threshold ``name`` (where it is defined, and where it is
    imported by name: each reads its own binding, so a threshold is set in all of them); a name none holds: the
    verdicts module (whose getattr then says so)."""
    mods = (adapter.pair_third_texts, adapter.pair_credit_reach, adapter.pair_evidence, adapter.pair_sources,
            adapter.pair_sight, adapter.pair_unordered, adapter.paraphrased, adapter.verdicts)
    return [m for m in mods if hasattr(m, name)] or [adapter.verdicts]


def _nothing(attr: str):
    if attr == "translated":
        return property(lambda self: set())
    empty = {"both_carry": [], "set_aside": set(), "circulating": []}.get(attr)
    return lambda self, *a: type(empty)() if empty is not None else None


def branch_rules(row: dict) -> tuple[str, ...]:
    """The :data:`BRANCHES` a verdict row read (by the words they leave in its verdict and evidence)."""
    text = f"{row.get('verdict', '')} | {row.get('evidence', '')}"
    return tuple(r for r, (words, _m) in BRANCHES.items() if words in text)


class Story:
    """One development story loaded once: its reuse tables, sources and truth; :meth:`run` decides again."""

    def __init__(self, folder):
        from .truth import load_truth

        quotes, reuse, wires = adapter.quotes, adapter.reuse, adapter.wires
        self.story = adapter.load_story(folder)
        self.truth = load_truth(folder, self.story)
        self.r = reuse.analyse(self.story)
        self.src = wires.sources(self.story)
        self._quotes = None
        self._q = lambda: self._quotes if self._quotes is not None else self._load_quotes(quotes)

    def _load_quotes(self, quotes):
        self._quotes = quotes.quote_rows(self.story)
        return self._quotes

    def run(self, drop: set[str], values: dict, forms=None) -> pd.DataFrame:
        with settings(values, drop):
            return adapter.verdicts.decide(self.story, self.r, without_sources(self.src, drop, forms), self._q)

    def fired(self, table: pd.DataFrame, forms=None) -> set[str]:
        """The rules that took part in the verdicts of the labelled pairs: the branches each read, and the rules
        of the source rows of their articles."""
        labelled = {frozenset((t["a"], t["b"])) for t in self.truth.pairs if not t.get("unsure")}
        out, arts = set(), set()
        for row in table.to_dict("records"):
            if frozenset((row["article_a"], row["article_b"])) in labelled:
                out.update(branch_rules(row))
                arts.update((row["article_a"], row["article_b"]))
        for row in self.src[self.src["article"].isin(arts)].to_dict("records"):
            out.update(source_rules(row, forms))
        return out


def estimate(folders: list[str | Path], tables: dict | None = None) -> pd.DataFrame:
    """:func:`held_out` over the development stories among ``folders`` (test stories skipped unread); ``tables``
    receives the held-out verdict tables (see :func:`held_out`)."""
    from .pairs_breakdown import split_of

    pair_evidence, verdicts = adapter.pair_evidence, adapter.verdicts

    loaded = {}
    for f in folders:
        if split_of(f) == "dev":
            st = Story(f)
            loaded[st.truth.slug] = st
    forms = _forms()
    fired: dict[str, set] = {}
    for slug, st in loaded.items():
        for rule in st.fired(st.run(set(), {}, forms), forms):
            fired.setdefault(rule, set()).add(slug)
    current = {n: getattr(pair_evidence if n == "EVIDENCE_WORDS" else verdicts, n) for n in THRESHOLDS}
    return held_out(list(loaded), {s: st.truth for s, st in loaded.items()},
                    lambda s, drop, values: loaded[s].run(drop, values, forms), fired, THRESHOLDS, current, tables)


def held_out_errors(tables: dict, truths: dict) -> pd.DataFrame:
    """The labelled pairs the held-out verdicts get wrong (relation, credit or direction), with the verdict's words:
    :func:`presslens.evaluation.pairs_breakdown.pair_rows` of each held-out table, the wrong ones only."""
    from .pairs_breakdown import pair_rows

    out = []
    for s, table in tables.items():
        rows = pair_rows(s, table, truths[s].pairs)
        verdict = {frozenset((a, b)): v for a, b, v in zip(table["article_a"], table["article_b"], table["verdict"])}
        bad = ((rows["relation"] != rows["predicted"]) | (rows["credit"].notna() & (rows["credit"] != rows["predicted_credit"]))
               | (rows["direction"].isin(("a_from_b", "b_from_a")) & (rows["direction"] != rows["predicted_direction"])))
        rows = rows[bad].copy()
        rows["verdict"] = [verdict.get(frozenset((a, b)), "no reuse") for a, b in zip(rows["a"], rows["b"])]
        out.append(rows)
    return pd.concat(out, ignore_index=True) if out else pd.DataFrame()


def main(argv: list[str] | None = None) -> int:
    """Print the held-out estimate for the development story folders given (data/eval/SLUG ...; none: the usage,
    exit status 2, nothing read); ``-v``: and the labelled pairs the held-out verdicts get wrong."""
    from .scoreboard import no_folders

    args = sys.argv[1:] if argv is None else argv
    verbose = "-v" in args
    folders = [Path(a) for a in args if a != "-v"]
    if not folders:
        return no_folders("pairs_loso", "[-v] ")
    tables: dict = {}
    counts = estimate(folders, tables)
    if counts.empty:
        print("presslens.evaluation.pairs_loso: no development story (truth.yaml with split: dev) among the folders; "
              "give data/eval/SLUG folders whose truth.yaml says split: dev.")
        return 1
    with pd.option_context("display.width", 250, "display.max_colwidth", 200):
        print(counts.to_string(index=False))
    t = totals(counts)
    print(f"in sample: relation {t['in_relation']:.2f}, credit {t['in_credit']:.2f}, common wire called copied "
          f"{t['in_wire_copied']}, direction {t['in_direction']}")
    print(f"held out:  relation {t['relation']:.2f}, credit {t['credit']:.2f}, common wire called copied "
          f"{t['wire_copied']}, direction {t['direction']}")
    if verbose:
        from .truth import load_truth

        truths = {}
        for f in folders:
            if (Path(f) / "truth.yaml").is_file() and Path(f).name in tables:
                truths[Path(f).name] = load_truth(f)
        bad = held_out_errors({s: tables[s] for s in truths}, truths)
        with pd.option_context("display.width", 250, "display.max_colwidth", 400):
            for row in bad.to_dict("records"):
                print(" | ".join(f"{k}={v}" for k, v in row.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
