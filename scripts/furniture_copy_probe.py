"""Headline-copy probe for the furniture the rules keep (issue 25, session 21): is a line that prints the
headline or the standfirst again, away from the top of the article, furniture (a related card, a video's
title, a breadcrumb run into the headline, a teaser cut short) or prose (a headline printed twice)?

For the lines the rules keep (held out with ``--off story=rule,rule``, as the topicality probe), each probe
below says whether it would take the line; the script counts furniture and prose lines per probe, pooled over
the folders given (story folders and pages sets alike: a copy needs no other article).

    python scripts/furniture_copy_probe.py [--show] [--off slug=id,id ...] data/eval/SLUG [...]

Development stories only (truth.yaml ``split: dev``), as :mod:`furniture_topic_probe`.
"""
from __future__ import annotations

import functools
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from furniture_topic_probe import story_lines  # noqa: E402
from presslens.text.repeats import copy_key, is_paragraph, n_words  # noqa: E402

TOP = 3   # the first text lines of an article: the headline, a standfirst, a byline


def heads(rows: list[dict]) -> list[str]:
    """The copy keys of an article's headline (front matter title) and of its first TOP text lines."""
    out = [copy_key(rows[0]["title"])] if rows and rows[0]["title"] else []
    return [h for h in out + [copy_key(r["text"]) for r in rows[:TOP]] if len(h.split()) >= 4]


MARKER = re.compile(r"^\s*(?:[-–—•*·►▶>|]+|\d{1,2}[.)])\s+(?=\S)")


@functools.lru_cache(maxsize=None)
def _listed_rules():
    from presslens.text.furniture import rules_for
    return [r for r in rules_for(None) if "pattern" in r]


def listed_takes(line: str) -> bool:
    """Whether the listed (pattern) rules remove ``line`` whole once a leading list marker is taken off."""
    from presslens.text.clean import cleaned_lines
    m = MARKER.match(line)
    if not m:
        return False
    kept, _, _ = cleaned_lines(line[m.end():], None, _listed_rules())
    return not any(x.strip() for _, x in kept)


def probes(rows: list[dict]) -> dict[str, callable]:
    hs = heads(rows)
    first_para = next((r["k"] for r in rows if r["kept"] and is_paragraph(r["text"])), len(rows))

    def away(r):
        return r["k"] >= TOP

    def key(r):
        return copy_key(r["text"])

    others = [copy_key(r["text"]) for r in rows]
    unended = {copy_key(r["text"]) for r in rows if not is_paragraph(r["text"]) and n_words(r["text"]) >= 4}

    def plus_words(r):
        k = key(r)
        for o in unended:
            extra = len(k.split()) - len(o.split())
            if o != k and 1 <= extra <= 4 and (k.startswith(o + " ") or k.endswith(" " + o)):
                return True
        return False

    def cut_copy(r):
        k = key(r)
        return len(k.split()) >= 4 and any(o != k and o.startswith(k) and not o.startswith(k + " ") for o in others)

    return {
        "list marker off, a listed rule takes it": lambda r: listed_takes(r["text"]),
        "another unended line plus 1-4 words": plus_words,
        "a line cut mid-word (prefix of another)": cut_copy,
        "same as a head, away from top": lambda r: away(r) and key(r) in hs,
        "same, below the first paragraph": lambda r: away(r) and r["k"] > first_para and key(r) in hs,
        "a head plus 1-4 words": lambda r: any(h != key(r) and h in key(r) and 1 <= len(key(r).split()) - len(h.split()) <= 4
                                              for h in hs),
        "a head cut short (prefix, 4+ words)": lambda r: any(h != key(r) and h.startswith(key(r)) and len(key(r).split()) >= 4
                                                            for h in hs),
        "inside a head (4+ words), away": lambda r: away(r) and any(h != key(r) and key(r) in h and len(key(r).split()) >= 4
                                                                   for h in hs),
    }


def main(argv: list[str]) -> int:
    off, folders = {}, []
    it = iter(argv)
    for a in it:
        if a == "--off":
            slug, _, ids = next(it).partition("=")
            off[slug] = {x.strip() for x in ids.split(",") if x.strip()}
        elif not a.startswith("--"):
            folders.append(a)
    pooled = defaultdict(lambda: [0, 0, set()])
    for folder in folders:
        slug = Path(folder).name
        rows, _ = story_lines(folder, off.get(slug, set()))
        by = defaultdict(list)
        for r in rows:
            by[r["article"]].append(r)
        for art in by.values():
            ps = probes(art)
            for r in art:
                if not (r["kept"] and r["labelled"]):
                    continue
                for name, p in ps.items():
                    if p(r):
                        c = pooled[name]
                        c[0 if r["fur"] else 1] += 1
                        if r["fur"]:
                            c[2].add(slug)
                        if "--show" in argv:
                            print(f"  {name[:20]:20s} {'FUR  ' if r['fur'] else 'PROSE'} {slug[:14]} {r['k']:3d} {r['text'][:110]!r}")
    for name, (f, p, s) in pooled.items():
        print(f"{name:38s} furniture {f:3d} prose {p:3d} (furniture in {len(s)} folders)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
