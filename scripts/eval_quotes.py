"""Quote extraction against the hand-labelled gold file (tests/fixtures/quotes-gold.yaml).

Prints precision and recall of quote spans and of speaker attribution for the quoted stretches
(direct speech and cited terms), then the same with reported (indirect) speech included, and, with
--show, every missed, spurious and wrongly attributed quote. Targets (issue 12): precision >= 0.90
and recall >= 0.85 on spans and on speakers.

    python scripts/eval_quotes.py [--show]
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from presslens import load_story, paths
from presslens.analyses.quotes import gold as quotes_gold


def main() -> None:
    os.environ.setdefault("PRESSLENS_NO_RESULT_CACHE", "1")
    st = load_story(paths.resolve(paths.DEFAULT_STORY))
    gold = ROOT / "tests" / "fixtures" / "quotes-gold.yaml"
    for label, kinds in (("quoted stretches (direct + cited)", ("direct", "cited")),
                         ("with reported speech (direct + cited + indirect)", ("direct", "cited", "indirect"))):
        ev = quotes_gold.evaluate(st, gold, kinds=kinds)
        sp, sk = ev["spans"], ev["speakers"]
        print(f"{label}:")
        print(f"  spans     precision {sp['precision']:.2f}  recall {sp['recall']:.2f}  "
              f"({sp['matched']} matched; {sp['found']} found, {sp['gold']} in the gold file)")
        print(f"  speakers  precision {sk['precision']:.2f}  recall {sk['recall']:.2f}  "
              f"({sk['right']} right; {sk['found']} attributed, {sk['gold']} with a speaker in the gold file)")
        print(f"  kind of the matched spans right: {ev['kind_accuracy']:.2f}")
        if "--show" in sys.argv:
            for g in ev["missed"]:
                print(f"    missed    {g['article_id'][:12]} {g['kind']:8s} {g['text'][:70]!r} ({g.get('speaker')})")
            for r in ev["spurious"]:
                print(f"    spurious  {r['article_id'][:12]} {r['kind']:8s} {r['quote'][:70]!r} ({r.get('speaker')})")
            for r, g in ev["wrong_speaker"]:
                print(f"    speaker   {r['article_id'][:12]} {r['quote'][:50]!r}: found {r.get('speaker')!r}, "
                      f"gold {g.get('speaker')!r}")
    print("targets: precision >= 0.90 and recall >= 0.85, on spans and on speakers")


if __name__ == "__main__":
    main()
