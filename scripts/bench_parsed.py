"""CPU time of the optional parse speaker path (issue 24; presslens.analyses.quotes.parsed) on N resampled articles
of the bundled story (the shape of scripts/bench_quotes.py), in process time (the machine is shared). Needs spaCy
and the model package of ``parsed.MODEL``; never fails.

    python scripts/bench_parsed.py [N]
"""
from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scale_story import build  # noqa: E402

from presslens import load_story  # noqa: E402
from presslens.analyses.quotes import article_paragraphs, parsed, quotes  # noqa: E402
from presslens.engine import tables  # noqa: E402


def main(n: int) -> None:
    work = Path(tempfile.mkdtemp(prefix="presslens-bench-parsed-"))
    os.environ["PRESSLENS_CACHE"] = str(work / "cache")
    story = load_story(build(work / f"scale-{n}", n))
    tables.process(story)
    t = time.process_time()
    nlp = parsed.load()
    if nlp is None:
        print(f"spaCy or {parsed.MODEL} is not installed")
        return
    print(f"load spaCy and {parsed.MODEL}: {time.process_time() - t:.2f} CPU s (once per process)")
    t = time.process_time()
    q = quotes(story)
    print(f"{n:,} articles: rules' quote extraction {time.process_time() - t:.2f} CPU s")
    pars = article_paragraphs(story)
    rows = q.to_dict("records")
    by: dict[str, list] = {}
    for r in rows:
        by.setdefault(r["article_id"], []).append(r)
    for only_weak, label in ((False, "parse of every quote's paragraph (parser, parser-first)"),
                             (True, "parse of the rows the rules may leave weak (fill)")):
        t = time.process_time()
        for aid, rs in by.items():
            parsed.attribute(nlp, story, pars[aid], rs, only_weak=only_weak)
        print(f"  {label:60s} {time.process_time() - t:6.2f} CPU s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
