"""Claims benchmark: which articles carry each claim, on N resampled articles (default 1,000).
Prints the time of each step after the per-article stage; never fails.

    python scripts/bench_claims.py [N]
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scale_story import time_steps  # noqa: E402

from presslens.analyses import claims
from presslens.analyses.quotes import extract

if __name__ == "__main__":
    time_steps(int(sys.argv[1]) if len(sys.argv) > 1 else 1000, "claims", [
        ("quotes (the voice of each match)", extract.quotes),
        ("claim hits", claims.hits),
        ("grid, omissions, unmatched", lambda st: (claims.grid(st), claims.omissions(st), claims.unmatched(st))),
    ], "< 10 s")
