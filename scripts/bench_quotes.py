"""Quotes benchmark (issue 12 target: extraction and fidelity on 1,000 resampled articles in under
20 s). Prints the time of each step after the per-article stage; never fails.

    python scripts/bench_quotes.py [N]
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scale_story import time_steps  # noqa: E402

from presslens.analyses.quotes import alignment, extract, sources

if __name__ == "__main__":
    time_steps(int(sys.argv[1]) if len(sys.argv) > 1 else 1000, "quotes", [
        ("extraction (quotes, indirect speech)", extract.quotes),
        ("fidelity (alignment across outlets)", alignment.fidelity),
        ("voice share and speakers", lambda st: (sources.voice_share(st), sources.speakers(st))),
    ], "< 20 s")
