"""Topicality probe for the furniture the rules keep (issue 25, session 21): would "about something else"
tell a related headline, a promo or a widget from prose?

A reader skips a related-article headline, a newsletter promo or a weather widget because it is about
something else. In a story folder many outlets cover one event, so a prose line shares content words with
the OTHER outlets' articles; furniture should share none, or only site words. Per line: its content words
(lower case, no stop word, letters or a number of 2+ digits; ``--rare``: only words general English uses
rarely, wordfreq zipf < 5) and its topicality = the share of them found in the articles of at least ``K``
other sites of the folder (the line's own site excluded, so no site template supports itself).

For each candidate rule below and each threshold T, the script counts the kept lines (in sample, or held out
with ``--off story=rule,rule``) that it would take, labelled furniture vs prose, pooled and per story. A
folder with fewer than ``N`` sites abstains (pages sets: one page per site, no story to compare with).

    python scripts/furniture_topic_probe.py [--rare] [--k 1] data/eval/SLUG [data/eval/SLUG ...]

Development stories only: a folder whose truth.yaml does not say ``split: dev`` is refused. This script
also read issue-25t's ``off-topic`` rule (session 19, not merged) in the numbers of docs/analyses.md.
"""
from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from presslens.data import STOPWORDS  # noqa: E402
from presslens.text.joins import is_sentence_line  # noqa: E402
from presslens.text.repeats import guarded, is_paragraph, n_words, site_of  # noqa: E402

WORD = re.compile(r"[^\W\d_][\w'’-]*[^\W\d_]|[^\W\d_]{2}|\d{2,}")
MIN_SITES = 4            # N: fewer sites in the folder: abstain
COHERENT = 0.5          # the median prose line's topicality: below, the folder is no story (unrelated pages)
THRESHOLDS = (0.0, 0.1, 0.2, 0.34, 0.5)


def content_words(line: str, rare: bool = False) -> set[str]:
    words = {w.lower().replace("’", "'").removesuffix("'s") for w in WORD.findall(line)}
    words = {w for w in words if w not in STOPWORDS}
    if rare:
        from presslens.text.mtsignals import zipf
        words = {w for w in words if w[0].isdigit() or zipf(w, "en") < 5.0}
    return words


def story_lines(folder: str | Path, off: set[str] = frozenset()) -> tuple[list[dict], int]:
    """The text lines of every article of the development story at ``folder``, each ``{"site", "article",
    "k" (index among the article's text lines), "n" (text lines in the article), "text", "labelled" (the
    article has furniture labels), "fur", "kept", "rule"}``, and the number of sites; rules ``off`` switched off."""
    from presslens.evaluation.adapter import cleaned_lines, cleaning_rules, load_story, story_templates, with_rules_off
    from presslens.evaluation.furniture_loso import is_dev
    from presslens.evaluation.truth import load_truth, norm_space

    if not is_dev(Path(folder)):
        raise SystemExit(f"{folder}: not a development story (truth.yaml must say split: dev)")
    truth, story = load_truth(folder), with_rules_off(load_story(folder), sorted(off))
    rules = [r for r in cleaning_rules(story) if r.get("shape") != "line-model"]
    templates = story_templates(story, rules)
    out, sites = [], set()
    for a in story.articles.itertuples(index=False):
        site = site_of(a.url, a.outlet)
        sites.add(site)
        lab = truth.articles.get(a.id)
        has = bool(lab) and lab.get("furniture") is not None
        labelled = {norm_space(x) for x in lab["furniture"]} if has else set()
        title = a.title if isinstance(a.title, str) and a.title else None
        kept, removed, lines = cleaned_lines(a.text, title, rules, templates.get(a.id, frozenset()))
        raw = a.text.split("\n")
        held = {no - 1 for no, x in kept if x.strip()}
        rule = {}
        for r in removed:
            rule.setdefault(r["line"] - 1, r.get("rule_id") or r["rule"])
        rows = [{"site": site, "article": a.id, "title": title or "", "text": s.strip(), "labelled": has,
                 "fur": norm_space(raw[i] if i < len(raw) else s) in labelled,
                 "kept": i in held, "rule": None if i in held else rule.get(i, "?")}
                for i, s in enumerate(lines) if s.strip()]
        for k, r in enumerate(rows):
            r["k"], r["n"] = k, len(rows)
        out.extend(rows)
    return out, len(sites)


def score_lines(rows: list[dict], k_sites: int = 1, rare: bool = False, prose_only: bool = False) -> None:
    """Set ``r["top"]`` (topicality, None without content words) and ``r["nw"]`` on every row."""
    site_words: dict[str, set] = defaultdict(set)
    for r in rows:
        if not prose_only or (r["kept"] and is_paragraph(r["text"])):
            site_words[r["site"]] |= content_words(r["text"], rare)
    df: dict[str, set] = defaultdict(set)
    for site, ws in site_words.items():
        for w in ws:
            df[w].add(site)
    for r in rows:
        ws = content_words(r["text"], rare)
        r["nw"] = len(ws)
        r["top"] = (sum(len(df[w] - {r["site"]}) >= k_sites for w in ws) / len(ws)) if ws else None


def _paragraph_span(rows: list[dict]) -> dict[str, tuple[int, int]]:
    span = {}
    for r in rows:
        if r["kept"] and is_paragraph(r["text"]):
            a, b = span.get(r["article"], (r["k"], r["k"]))
            span[r["article"]] = (min(a, r["k"]), max(b, r["k"]))
    return span


def candidates(rows: list[dict], span: dict) -> dict[str, callable]:
    by = {(r["article"], r["k"]): r for r in rows}

    def gone(r, d):
        x = by.get((r["article"], r["k"] + d))
        return x is not None and not x["kept"]

    def outside(r):
        a, b = span.get(r["article"], (10 ** 6, -1))
        return r["k"] < a or r["k"] > b or (gone(r, -1) and gone(r, 1))

    def short(r, most=25):
        return r["nw"] >= 1 and n_words(r["text"]) <= most and not guarded(r["text"])

    return {
        "unended, outside prose": lambda r: short(r) and not is_sentence_line(r["text"]) and outside(r),
        "unended, anywhere": lambda r: short(r) and not is_sentence_line(r["text"]),
        "any shape, outside prose": lambda r: short(r) and outside(r),
        "any shape, anywhere <=40w": lambda r: short(r, 40),
    }


def main(argv: list[str]) -> int:
    rare, k_sites, off, folders = "--rare" in argv, 1, {}, []
    it = iter(argv)
    for a in it:
        if a == "--k":
            k_sites = int(next(it))
        elif a == "--off":
            slug, _, ids = next(it).partition("=")
            off[slug] = {x.strip() for x in ids.split(",") if x.strip()}
        elif not a.startswith("--"):
            folders.append(a)
    prose_only = "--prose-only" in argv
    pooled = defaultdict(lambda: [0, 0])
    per_story = defaultdict(dict)
    kept_fur = 0
    for folder in folders:
        slug = Path(folder).name
        rows, n_sites = story_lines(folder, off.get(slug, set()))
        if n_sites < MIN_SITES:
            print(f"{slug}: {n_sites} sites: abstains")
            continue
        score_lines(rows, k_sites, rare, prose_only)
        para = sorted(r["top"] for r in rows if r["kept"] and r["top"] is not None and is_paragraph(r["text"]))
        coherence = para[len(para) // 2] if para else 0.0
        if coherence < COHERENT:
            print(f"{slug}: {n_sites} sites, coherence {coherence:.2f}: not one story, abstains")
            continue
        span = _paragraph_span(rows)
        cands = candidates(rows, span)
        kept = [r for r in rows if r["kept"] and r["labelled"]]
        kept_fur += sum(r["fur"] for r in kept)
        tops = sorted(round(r["top"], 2) for r in kept if r["fur"] and r["top"] is not None)
        print(f"{slug}: {n_sites} sites, coherence {coherence:.2f}, kept furniture {sum(r['fur'] for r in kept)}, topicality of kept furniture "
              f"{tops}")
        for name, c in cands.items():
            for t in THRESHOLDS:
                take = [r for r in kept if r["top"] is not None and r["top"] <= t and c(r)]
                f = sum(r["fur"] for r in take)
                pooled[(name, t)][0] += f
                pooled[(name, t)][1] += len(take) - f
                per_story[(name, t)][slug] = (f, len(take) - f)
                if t == THRESHOLDS[-1] and "--show" in argv:
                    for r in take:
                        print(f"   {'FUR ' if r['fur'] else 'PROSE'} {r['top']:.2f} {r['text'][:110]!r}")
    print(f"\nkept furniture lines in the folders judged: {kept_fur}; k={k_sites} rare={rare} prose_only={prose_only}")
    for (name, t), (f, p) in pooled.items():
        stories = sum(1 for x in per_story[(name, t)].values() if x[0])
        print(f"{name:28s} T<={t:.2f}: furniture {f:3d} prose {p:3d}  (furniture in {stories} stories)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
