"""The cleaner on real saved pages: trafilatura's test pages with its expected snippets (issue 25).

trafilatura's repository (github.com/adbar/trafilatura, Apache-2.0; the pages are their publishers')
keeps ~990 saved pages in tests/cache and tests/eval, and tests/evaldata.json lists for each the text
it must hold ("with": prose) and must not ("without": page furniture). This imports each page as
``presslens import`` does, cleans it with the built-in furniture rules, and counts, over the snippets
present in the imported text: prose snippets the cleaner removed (a prose line lost: precision) and
furniture snippets it left (recall), per page and in all, English pages apart.

    PRESSLENS_TRAFILATURA=/path/to/trafilatura python scripts/eval_furniture_pages.py [--show] [--english]

The imported texts are kept in ``.cache/presslens/trafilatura-pages.pkl`` (the import is the slow part
and is not what this measures); delete it after changing the importer.
"""
from __future__ import annotations

import json
import os
import pickle
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from presslens.story.importer.page import read_page  # noqa: E402
from presslens.text import clean, furniture  # noqa: E402


def imported(repo: Path, cache: Path) -> dict:
    """file -> (language, title, imported text, with snippets, without snippets); cached."""
    done = pickle.loads(cache.read_bytes()) if cache.is_file() else {}
    data = json.loads((repo / "tests" / "evaldata.json").read_text(encoding="utf-8"))
    changed = False
    for v in data.values():
        name = v["file"]
        if name in done:
            continue
        path = next((p for p in (repo / "tests" / "cache" / name, repo / "tests" / "eval" / name) if p.is_file()), None)
        if path is None:
            continue
        try:
            got = read_page(path)
        except Exception as exc:  # a page the import refuses is left out, and said
            print(f"  {name}: not imported ({type(exc).__name__})", file=sys.stderr)
            done[name] = None
        else:
            f = got["fields"]
            done[name] = (f.get("language"), f.get("title"), got["text"], v.get("with", []), v.get("without", []))
        changed = True
    if changed:
        cache.parent.mkdir(parents=True, exist_ok=True)
        cache.write_bytes(pickle.dumps(done))
    return done


def main() -> int:
    repo = os.environ.get("PRESSLENS_TRAFILATURA")
    if not repo or not (Path(repo) / "tests" / "evaldata.json").is_file():
        print("scripts/eval_furniture_pages.py: set PRESSLENS_TRAFILATURA to a checkout of "
              "github.com/adbar/trafilatura (it reads tests/evaldata.json and the saved pages beside it)")
        return 1
    pages = imported(Path(repo), ROOT / ".cache" / "presslens" / "trafilatura-pages.pkl")
    rules = furniture.rules_for(None)
    english = "--english" in sys.argv
    tot = {"pages": 0, "prose": 0, "prose_removed": 0, "furniture": 0, "furniture_kept": 0}
    for name, rec in sorted(pages.items()):
        if rec is None:
            continue
        lang, title, text, with_, without = rec
        if english and lang != "en":
            continue
        out, _ = clean.clean(text, title, rules)
        tot["pages"] += 1
        for s in with_:
            if s in text:
                tot["prose"] += 1
                if s not in out:
                    tot["prose_removed"] += 1
                    if "--show" in sys.argv:
                        print(f"PROSE REMOVED  {name}: {s[:100]!r}")
        for s in without:
            if s in text:
                tot["furniture"] += 1
                if s in out:
                    tot["furniture_kept"] += 1
                    if "--show" in sys.argv:
                        print(f"FURNITURE KEPT {name}: {s[:100]!r}")
    print(f"{tot['pages']} pages{' (English)' if english else ''}: prose snippets removed {tot['prose_removed']} of "
          f"{tot['prose']} in the imported text; furniture snippets kept {tot['furniture_kept']} of {tot['furniture']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
