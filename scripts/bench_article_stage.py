"""CPU seconds per article of the gate's two per-article costs, in ONE process (no pool): the per-article
stage (:func:`presslens.text.article.process_article`) and quote extraction
(:func:`presslens.analyses.quotes.extract.extract_article`); optionally their outputs, pickled, to
compare two versions of the code (issue 20: faster, the same output).

    python scripts/bench_article_stage.py STORY [STORY ...] [--limit N] [--out FILE] [--profile FILE]
    python scripts/bench_article_stage.py --compare A.pkl B.pkl

Run with PYTHONPATH at the checkout to measure. Each story's first article is processed once untimed
first (what a process does once: models loaded, the story's rules compiled). ``--out`` also stores the story tables
(:func:`presslens.engine.tables.process`) and the quotes table, computed with an empty cache (a
temporary PRESSLENS_CACHE). ``--compare`` says whether two such files hold equal outputs (NaN equal
to NaN, tables by ``DataFrame.equals``) and where the first difference is.
"""
from __future__ import annotations

import argparse
import math
import os
import pickle
import sys
import tempfile
import time
from pathlib import Path


def _measure(paths: list[str], limit: int | None, want_tables: bool, profile: str | None) -> dict:
    from presslens import load_story, patterns
    from presslens.analyses.quotes import extract
    from presslens.engine import tables
    from presslens.engine.fanout import story_templates
    from presslens.engine.keys import cleaning_rules
    from presslens.text import segment
    from presslens.text.article import process_article

    prof = None
    if profile:
        import cProfile
        prof = cProfile.Profile()
    out: dict = {}
    stage_cpu = quote_cpu = 0.0
    n_all = 0
    for path in paths:
        st = load_story(path)
        rules = cleaning_rules(st)
        templates = story_templates(st, rules)
        arts = list(st.articles.itertuples(index=False))[:limit]
        results = []
        with patterns.budget(None, patterns.default_budget()):
            if arts:  # warm: what a process does once (models loaded, this story's rules compiled) is not timed
                a = arts[0]
                first = process_article(a.id, a.outlet, a.title, a.text, rules, templates.get(a.id, frozenset()))
                title = a.title if isinstance(a.title, str) and a.title.strip() else None
                extract.extract_article(a.id, a.outlet, ([title] if title else []) + segment.paragraphs(first["clean"]), st)
            t0 = time.process_time()
            if prof:
                prof.enable()
            for a in arts:
                results.append(process_article(a.id, a.outlet, a.title, a.text, rules, templates.get(a.id, frozenset())))
            if prof:
                prof.disable()
            stage_cpu += time.process_time() - t0
        pars = {}
        for a, res in zip(arts, results):
            title = a.title if isinstance(a.title, str) and a.title.strip() else None
            pars[a.id] = ([title] if title else []) + segment.paragraphs(res["clean"])
        quotes = {}
        with patterns.budget(None, patterns.default_budget()):
            t0 = time.process_time()
            if prof:
                prof.enable()
            for a in arts:
                quotes[a.id] = extract.extract_article(a.id, a.outlet, pars[a.id], st, indirect=True)
            if prof:
                prof.disable()
            quote_cpu += time.process_time() - t0
        n_all += len(arts)
        entry = {"articles": results, "quotes": quotes}
        if want_tables:
            p = tables.process(st)
            entry["tables"] = {"sentences": p.sentences, "tokens": p.tokens, "removed": p.removed,
                               "languages": p.languages, "tone": p.tone, "clean": dict(p.clean_text)}
            entry["quotes_table"] = extract.quotes(st)
        out[str(path)] = entry
        print(f"{Path(path).name}: {len(arts)} articles", file=sys.stderr)
    if prof:
        prof.dump_stats(profile)
    print(f"per-article stage: {stage_cpu:.2f} CPU s, {1000 * stage_cpu / max(1, n_all):.2f} ms an article; "
          f"quote extraction: {quote_cpu:.2f} CPU s, {1000 * quote_cpu / max(1, n_all):.2f} ms an article "
          f"({n_all} articles)")
    return out


def same(a, b, where: str = "") -> str | None:
    """None when ``a`` equals ``b`` (NaN equal to NaN, tables by ``DataFrame.equals``), else where they differ."""
    import pandas as pd
    if isinstance(a, pd.DataFrame) or isinstance(b, pd.DataFrame):
        if not (isinstance(a, pd.DataFrame) and isinstance(b, pd.DataFrame) and a.equals(b)
                and list(a.columns) == list(b.columns) and list(a.dtypes) == list(b.dtypes)):
            return where or "table"
        return None
    if type(a) is not type(b):
        return f"{where}: {type(a).__name__} vs {type(b).__name__}"
    if isinstance(a, dict):
        if list(a) != list(b):
            return f"{where}: keys"
        for k in a:
            got = same(a[k], b[k], f"{where}/{k}")
            if got:
                return got
        return None
    if isinstance(a, (list, tuple)):
        if len(a) != len(b):
            return f"{where}: length {len(a)} vs {len(b)}"
        for i, (x, y) in enumerate(zip(a, b)):
            got = same(x, y, f"{where}[{i}]")
            if got:
                return got
        return None
    if isinstance(a, float) and math.isnan(a) and math.isnan(b):
        return None
    return None if a == b else f"{where}: {a!r} vs {b!r}"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("stories", nargs="*")
    ap.add_argument("--limit", type=int)
    ap.add_argument("--out")
    ap.add_argument("--profile")
    ap.add_argument("--compare", nargs=2)
    a = ap.parse_args()
    if a.compare:
        with open(a.compare[0], "rb") as f1, open(a.compare[1], "rb") as f2:
            got = same(pickle.load(f1), pickle.load(f2))
        print("equal" if got is None else f"DIFFERENT at {got}")
        sys.exit(0 if got is None else 1)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["PRESSLENS_CACHE"] = tmp
        out = _measure(a.stories, a.limit, bool(a.out), a.profile)
    if a.out:
        with open(a.out, "wb") as fh:
            pickle.dump(out, fh)


if __name__ == "__main__":
    main()
