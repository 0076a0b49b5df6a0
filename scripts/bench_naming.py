"""Naming benchmark (issue 11 target: discovery and the ledger on 1,000 resampled articles in under
10 s on one core). Prints the time of each step after the per-article stage; never fails.

    python scripts/bench_naming.py [N]
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scale_story import time_steps  # noqa: E402

from presslens.analyses.naming import discovery, names, translation, variants
from presslens.text import vocabulary

if __name__ == "__main__":
    time_steps(int(sys.argv[1]) if len(sys.argv) > 1 else 1000, "naming", [
        ("dictionaries (CMU, CC-CEDICT) loaded", lambda st: (vocabulary.ordinary_words(), variants._cedict())),
        ("mentions", names.mentions),
        ("ledger", names.ledger),
        ("discovery", discovery.discover),
        ("translation indicators", translation.translation_indicators),
    ], "< 10 s")
