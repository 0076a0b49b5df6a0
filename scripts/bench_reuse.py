"""Reuse benchmark (issue 13 target: 10,000 articles in under 60 s on 2 cores, near-linear): prints,
for resampled stories of 1,000 and 10,000 articles, the time and memory of the reuse tables and the
number of candidate pairs the index proposed against all pairs. Never fails.

    python scripts/bench_reuse.py [N ...]      # default: 1000 10000

The stories come from ``scripts/scale_story.py`` (paragraphs resampled from the bundled articles).
Resampled as they are, every article shares paragraphs with every other (40 paragraphs in all), a
corpus no real story looks like: every 5-gram is in hundreds of articles and is set aside as common
(``reuse.MAX_DF``), so nothing would be aligned. To give the benchmark real work, articles are put
in families of about ten (a story copied around a circle of sites), each family with its own
spelling (a suffix on every word): articles share text within their family, as copies do, and not
across families.
"""
from __future__ import annotations

import os
import re
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scale_story import build  # noqa: E402

FAMILY = 10  # articles per family


def familiarise(folder: Path) -> None:
    """Give each family its own spelling: every word of article i takes the suffix of family i // FAMILY."""
    for i, f in enumerate(sorted((folder / "articles").glob("*.md"))):
        head, body = f.read_text(encoding="utf-8").split("\n---\n", 1)
        mark = f"q{i // FAMILY:x}"
        body = re.sub(r"(?<=[A-Za-z])(?=[^A-Za-z'’]|$)", mark, body)
        f.write_text(f"{head}\n---\n{body}", encoding="utf-8")


def rss_mb() -> float:
    import psutil
    return psutil.Process().memory_info().rss / 2**20


def run(n: int) -> None:
    work = Path(tempfile.mkdtemp(prefix="presslens-bench-reuse-"))
    os.environ["PRESSLENS_CACHE"] = str(work / "cache")
    from presslens import load_story
    from presslens.analyses import provenance, reuse
    from presslens.engine import screening, tables

    folder = build(work / f"scale-{n}", n)
    familiarise(folder)
    story = load_story(folder)
    t = time.perf_counter()
    tables.process(story)
    print(f"{n:,} articles: per-article stage {time.perf_counter() - t:.1f} s (not part of the target)")
    t = time.perf_counter()
    screening.screen(story)
    print(f"  screening (languages, duplicate captures; shared by every notebook, not part of the target) "
          f"{time.perf_counter() - t:.1f} s")
    before = rss_mb()
    t = time.perf_counter()
    r = reuse.analyse(story)  # computed (empty cache) and stored, as a notebook would
    t_reuse = time.perf_counter() - t
    t = time.perf_counter()
    prov = provenance.provenance(story)  # reads the reuse tables from the cache
    t_prov = time.perf_counter() - t
    s = r.stats
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"  reuse tables (index, alignment, reworded, containment, pairs) {t_reuse:6.2f} s")
    print(f"  provenance                                                 {t_prov:6.2f} s")
    print(f"  total {t_reuse + t_prov:.2f} s   target < 60 s at 10,000")
    print(f"  candidate pairs {s['candidate_pairs']:,} of {s['all_pairs']:,} pairs "
          f"({s['candidate_pairs'] / max(1, s['all_pairs']):.4%}); common 5-grams set aside {s['common_shingles']:,}")
    print(f"  found: {len(r.passages):,} passages, {len(r.reworded):,} reworded sentences, {len(r.pairs):,} pairs, "
          f"{len(prov):,} provenance rows")
    print(f"  memory: {rss_mb() - before:+.0f} MB during reuse; peak RSS of the process {peak:.0f} MB")


if __name__ == "__main__":
    for n in [int(x) for x in sys.argv[1:]] or [1000, 10000]:
        run(n)
