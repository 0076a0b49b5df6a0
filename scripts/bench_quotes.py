"""Quotes benchmark (issue 12 target: extraction and fidelity on 1,000 resampled articles in under
20 s). Prints the time of each step after the per-article stage; never fails.

    python scripts/bench_quotes.py [N]
"""
from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT))

from scale_story import build  # noqa: E402


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    work = Path(tempfile.mkdtemp(prefix="presslens-bench-quotes-"))
    os.environ["PRESSLENS_CACHE"] = str(work / "cache")
    os.environ["PRESSLENS_NO_RESULT_CACHE"] = "1"  # time the computation, not the result cache
    from presslens import load_story, quotes, text

    story = load_story(build(work / f"scale-{n}", n))
    t = time.perf_counter()
    text.process(story)
    print(f"{n:,} articles: per-article stage {time.perf_counter() - t:.1f} s (not part of the target)")
    total = 0.0
    for label, fn in (("extraction (quotes, indirect speech)", lambda: quotes.quotes(story)),
                      ("fidelity (alignment across outlets)", lambda: quotes.fidelity(story)),
                      ("voice share and speakers", lambda: (quotes.voice_share(story), quotes.speakers(story)))):
        t = time.perf_counter()
        fn()
        dt = time.perf_counter() - t
        total += dt
        print(f"  {label:40s} {dt:6.2f} s")
    print(f"  {'total':40s} {total:6.2f} s   target < 20 s")


if __name__ == "__main__":
    main()
