"""How well fact discovery's thresholds should do on stories they were not set on: a
leave-one-story-out estimate over the development stories (issue 29).

The grouping thresholds (``presslens/analyses/facts/grouping.py``: link score, core share, core idf,
...) were chosen on the development stories, so their score there is an in-sample figure. Here every
combination of the values given is run on each development story; for each held-out story the
combination that matches most claims on the *other* stories is chosen (ties: the package's own
values first, then the first given), and what it scores on the held-out story is the estimate. A
held-out total well below the in-sample one says a threshold was fitted to one story.

:func:`held_out` does this on a table (pure: per setting and story, claims matched and claims
scored); :func:`estimate` runs the development stories of ``data/eval`` (stories whose truth.yaml
says ``split: test`` are skipped unread: the test stories are scored once by ``presslens eval``).

    python -m presslens.evaluation.facts_loso CORE_IDF=3.5,4,4.5 CORE_SHARE=0.6,0.7,0.8 data/eval/SLUG ...

(the development stories named; with no folder it prints its usage and exits 2, reading nothing: a glob of data/eval would open the test stories' files).
"""
from __future__ import annotations

import itertools
import sys
from pathlib import Path

import pandas as pd

from .adapter import FACT_SETTINGS, content_words, fact_members, fact_settings
from .score_story import score_facts
from .truth import load_truth

MEASURE = "claims matched by a discovered fact"
COLS = ["story", "setting", "matched", "claims", "in_sample_matched"]


def held_out(counts: pd.DataFrame, current: str | None = None) -> pd.DataFrame:
    """``counts``: one row per (setting, story) with ``matched`` and ``claims``. Per story: the
    setting that matches most claims on the other stories (ties: ``current``, then the first in
    ``counts``), what it matches on the story, and what ``current`` (else the first setting) does
    there, in sample (``COLS``)."""
    settings = list(dict.fromkeys(counts["setting"]))
    base = current if current in settings else settings[0]
    by = counts.set_index(["setting", "story"])
    rows = []
    for story in dict.fromkeys(counts["story"]):
        others = counts[counts["story"] != story].groupby("setting", sort=False)["matched"].sum()
        best = max(settings, key=lambda s: (others.get(s, 0), s == base, -settings.index(s)))
        rows.append({"story": story, "setting": best, "matched": int(by.loc[(best, story), "matched"]),
                     "claims": int(by.loc[(best, story), "claims"]),
                     "in_sample_matched": int(by.loc[(base, story), "matched"])})
    return pd.DataFrame(rows, columns=COLS)


def label(setting: dict) -> str:
    return ",".join(f"{k}={v}" for k, v in setting.items()) or "package values"


def grid(argv: list[str]) -> list[dict]:
    """``NAME=v1,v2 ...`` -> every combination, as {NAME: value} (numbers read as numbers)."""
    axes = []
    for a in argv:
        name, _, values = a.partition("=")
        axes.append([(name, _number(v)) for v in values.split(",")])   # "" is a value (WINDOWS= : off)
    return [dict(c) for c in itertools.product(*axes)] if axes else [{}]


def _number(v: str):
    try:
        return int(v)
    except ValueError:
        try:
            return float(v)
        except ValueError:
            return v


def estimate(folders: list[str | Path], settings: list[dict]) -> pd.DataFrame:
    """Claims matched per (setting, development story): the rows :func:`held_out` reads."""
    rows = []
    for f in folders:
        t = load_truth(f)
        if t.split != "dev":
            continue
        for s in settings:
            m, measured = fact_members(f, s)
            out = score_facts(m, t, sorted(measured), content_words)
            out = out[out["measure"] == MEASURE]
            rows.append({"story": t.slug, "setting": label(s), "matched": int((out["outcome"] == "yes").sum()),
                         "claims": len(out)})
    return pd.DataFrame(rows, columns=["story", "setting", "matched", "claims"])


def main(argv: list[str] | None = None) -> int:
    """Print the per-setting table and the held-out estimate (arguments: ``NAME=v1,v2`` per threshold, names from
    :data:`presslens.evaluation.adapter.FACT_SETTINGS`, and the development story folders, data/eval/SLUG ...;
    no folder: the usage, exit status 2, nothing read)."""
    from .scoreboard import no_folders

    args = sys.argv[1:] if argv is None else argv
    folders = [Path(a) for a in args if "=" not in a]
    if not folders:
        return no_folders("facts_loso", "[NAME=v1,v2 ...] ")
    settings = grid([a for a in args if "=" in a])
    if settings != [{}] and not any(set(s) <= set(FACT_SETTINGS) for s in settings):
        print(f"presslens.evaluation.facts_loso: give thresholds as NAME=v1,v2 with NAME one of {', '.join(FACT_SETTINGS)}")
        return 1
    counts = estimate(folders, settings)
    if counts.empty:
        print("presslens.evaluation.facts_loso: no development story (truth.yaml with split: dev) among the folders; "
              "give data/eval/SLUG folders whose truth.yaml says split: dev.")
        return 1
    print(counts.pivot(index="setting", columns="story", values="matched").to_string())
    current = label(fact_settings(list(settings[0])))
    h = held_out(counts, current)
    print(h.to_string(index=False))
    n = max(int(h["claims"].sum()), 1)
    print(f"held out: {h['matched'].sum()}/{n} = {h['matched'].sum() / n:.3f}; "
          f"in sample ({current}): {h['in_sample_matched'].sum()}/{n} = {h['in_sample_matched'].sum() / n:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
