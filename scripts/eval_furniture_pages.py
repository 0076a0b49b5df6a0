"""The cleaner on real saved pages: trafilatura's test pages with its expected snippets (issue 25).

trafilatura's repository (github.com/adbar/trafilatura, Apache-2.0; the pages are their publishers')
keeps ~990 saved pages in tests/cache and tests/eval, and tests/evaldata.json lists for each the text
it must hold ("with": prose) and must not ("without": page furniture). This imports each page as
``presslens import`` does, cleans it with the built-in furniture rules, and counts, over the snippets
present in the imported text: prose snippets the cleaner removed (a prose line lost: precision) and
furniture snippets it left (recall), per page and in all, English pages apart.

    PRESSLENS_TRAFILATURA=/path/to/trafilatura python scripts/eval_furniture_pages.py [--show] [--english]
        [--half fit|judge] [--rules] [--support FILE]

Held out by site: ``--half fit`` takes the pages of half the sites (split by a hash of the page's host,
so one site's pages stay together), ``--half judge`` the other half; a rule written while reading the
fit half is judged on sites it never saw. ``--rules`` prints, per built-in rule, the furniture snippets
it removed and the prose snippets it removed (on the pages selected); ``--support FILE`` writes the
rules that removed furniture here to FILE (YAML), which :mod:`presslens.evaluation.furniture_loso` reads
as support outside the development stories.

The imported texts are kept in ``.cache/presslens/trafilatura-pages.pkl`` (the import is the slow part
and is not what this measures); delete it after changing the importer.
"""
from __future__ import annotations

import json
import os
import pickle
import sys
import zlib
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from presslens.story.importer.page import read_page  # noqa: E402
from presslens.text import clean, furniture  # noqa: E402


def imported(repo: Path, cache: Path) -> dict:
    """file -> (language, title, imported text, with snippets, without snippets, host); cached."""
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
    for url, v in data.items():   # the page's host (for the split by site), kept beside the cache
        if done.get(v["file"]) is not None and len(done[v["file"]]) == 5:
            done[v["file"]] = done[v["file"]] + (host_of(url),)
            changed = True
    if changed:
        cache.parent.mkdir(parents=True, exist_ok=True)
        cache.write_bytes(pickle.dumps(done))
    return done


def host_of(url: str) -> str:
    host = (urlparse(url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host


def half_of(host: str) -> str:
    """The half a site falls in: "fit" (read while writing rules) or "judge" (held out)."""
    return "fit" if zlib.crc32(host.encode("utf-8")) % 2 == 0 else "judge"


def removed_by(snippet: str, removals: list[dict]) -> str:
    """The built-in rule whose removal holds ``snippet`` (or lies inside it), "" if none."""
    for r in removals:
        cut = str(r.get("removed", ""))
        if r.get("rule_id") and cut and (snippet in cut or (len(cut) >= 4 and cut in snippet)):
            return r["rule_id"]
    return ""


def main() -> int:
    repo = os.environ.get("PRESSLENS_TRAFILATURA")
    if not repo or not (Path(repo) / "tests" / "evaldata.json").is_file():
        print("scripts/eval_furniture_pages.py: set PRESSLENS_TRAFILATURA to a checkout of "
              "github.com/adbar/trafilatura (it reads tests/evaldata.json and the saved pages beside it)")
        return 1
    pages = imported(Path(repo), ROOT / ".cache" / "presslens" / "trafilatura-pages.pkl")
    rules = furniture.rules_for(None)
    english = "--english" in sys.argv
    half = sys.argv[sys.argv.index("--half") + 1] if "--half" in sys.argv else None
    tot = {"pages": 0, "prose": 0, "prose_removed": 0, "furniture": 0, "furniture_kept": 0}
    by_rule: dict[str, list[int]] = {}   # rule id -> [furniture snippets removed, prose snippets removed]
    for name, rec in sorted(pages.items()):
        if rec is None:
            continue
        lang, title, text, with_, without = rec[:5]
        if english and lang != "en":
            continue
        if half and half_of(rec[5] if len(rec) > 5 else name) != half:
            continue
        out, removals = clean.clean(text, title, rules)
        tot["pages"] += 1
        for s in with_:
            if s in text:
                tot["prose"] += 1
                if s not in out:
                    tot["prose_removed"] += 1
                    by_rule.setdefault(removed_by(s, removals) or "?", [0, 0])[1] += 1
                    if "--show" in sys.argv:
                        print(f"PROSE REMOVED  {name}: {s[:100]!r}")
        for s in without:
            if s in text:
                tot["furniture"] += 1
                if s not in out:
                    by_rule.setdefault(removed_by(s, removals) or "?", [0, 0])[0] += 1
                if s in out:
                    tot["furniture_kept"] += 1
                    if "--show" in sys.argv:
                        print(f"FURNITURE KEPT {name}: {s[:100]!r}")
    if "--rules" in sys.argv:
        for rule, (f, p) in sorted(by_rule.items(), key=lambda kv: (-kv[1][0], kv[1][1])):
            print(f"  {rule:28s} furniture removed {f:3d}  prose removed {p:3d}")
    if "--support" in sys.argv:
        dest = Path(sys.argv[sys.argv.index("--support") + 1])
        lines = ["# Built-in furniture rules that removed furniture snippets on trafilatura's saved pages",
                 "# (scripts/eval_furniture_pages.py --support; github.com/adbar/trafilatura tests/evaldata.json):",
                 "# support outside the development stories, read by presslens.evaluation.furniture_loso.",
                 f"pages: {tot['pages']}", "rules:"]
        lines += [f"  {rule}: {{furniture: {f}, prose: {p}}}" for rule, (f, p) in sorted(by_rule.items())
                  if rule != "?" and f > 0]
        dest.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{tot['pages']} pages{' (English)' if english else ''}{f' ({half} half of the sites)' if half else ''}: prose snippets removed {tot['prose_removed']} of "
          f"{tot['prose']} in the imported text; furniture snippets kept {tot['furniture_kept']} of {tot['furniture']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
