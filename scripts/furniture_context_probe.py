"""Context probes for the furniture the rules keep (issue 25, session 20): would a line's place on the
page tell it from prose?

``python -m presslens.evaluation.furniture_loso --held-errors data/eval/SLUG ...`` (the development stories
named) lists the held-out misses with the
line before and after each. This script asks, for each probe below, how many lines the rules keep
(in sample) it would take, and how many of them are labelled furniture and how many prose, over the
development stories named. A probe is a candidate rule that reads only where a line stands (its
neighbours, the furniture removed around it, the lines below it), never its words, apart from the
shape a rule already reads (a sentence end, the prose guard, its length).

    python scripts/furniture_context_probe.py data/eval/SLUG [data/eval/SLUG ...]

Development stories only: a folder whose truth.yaml does not say ``split: dev`` is refused.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from presslens.text.captions import sentence_ends  # noqa: E402
from presslens.text.joins import cut_mid_word, is_sentence_line  # noqa: E402
from presslens.text.repeats import copy_key, guarded, is_paragraph, n_words  # noqa: E402

STAMPS = {"timestamp-line", "date-line", "player-message"}
CREDITS = {"photo-credit", "caption", "credit-caption", "image-file", "caption-above"}


def line_rows(folder: str | Path) -> list[list[dict]]:
    """Per furniture-labelled article of the development story at ``folder``: its lines holding text,
    each ``{"i": index in the capture, "text", "fur": labelled furniture, "kept": by the rules, "rule": the
    removing rule's id (None when kept)}``."""
    from presslens.evaluation.adapter import cleaned_lines, cleaning_rules, load_story, story_templates
    from presslens.evaluation.furniture_loso import is_dev
    from presslens.evaluation.truth import load_truth, norm_space

    if not is_dev(Path(folder)):
        raise SystemExit(f"{folder}: not a development story (truth.yaml must say split: dev)")
    truth, story = load_truth(folder), load_story(folder)
    rules = [r for r in cleaning_rules(story) if r.get("shape") != "line-model"]
    templates = story_templates(story, rules)
    out = []
    for a in story.articles.itertuples(index=False):
        lab = truth.articles.get(a.id)
        if not lab or lab.get("furniture") is None:
            continue
        labelled = {norm_space(x) for x in lab["furniture"]}
        title = a.title if isinstance(a.title, str) and a.title else None
        kept, removed, lines = cleaned_lines(a.text, title, rules, templates.get(a.id, frozenset()))
        raw = a.text.split("\n")
        held = {no - 1 for no, x in kept if x.strip()}
        rule = {}
        for r in removed:
            rule.setdefault(r["line"] - 1, r.get("rule_id") or r["rule"])
        out.append([{"i": i, "text": s.strip(), "fur": norm_space(raw[i] if i < len(raw) else s) in labelled,
                     "kept": i in held, "rule": None if i in held else rule.get(i, "?")}
                    for i, s in enumerate(lines) if s.strip()])
    return out


def _near(rows, k, d):
    return rows[k + d] if 0 <= k + d < len(rows) else None


def _gone(x, rules=None) -> bool:
    return x is not None and not x["kept"] and x["rule"] != "repeated headline" and (rules is None or x["rule"] in rules)


def _title(s: str) -> bool:
    return 3 <= n_words(s) <= 20 and not is_sentence_line(s) and not guarded(s) and not s.endswith(":")


def _first_paragraph(rows) -> int:
    return next((k for k, r in enumerate(rows) if r["kept"] and is_paragraph(r["text"])), len(rows))


def _one_sentence(s: str) -> bool:
    ends = sentence_ends(s)
    return not guarded(s) and 2 <= n_words(s) <= 25 and len(ends) <= 1 and (not ends or ends[0] >= len(s.rstrip()) - 3)


PROBES: dict[str, Callable] = {
    # a title beside a removed date, time or player line, below the first paragraph (a card's stamp)
    "title beside a stamp": lambda rows, k: k > _first_paragraph(rows) and _title(rows[k]["text"]) and any(
        _gone(_near(rows, k, d), STAMPS) for d in (-1, 1)),
    # two titles in a row below the first paragraph (link-list takes three)
    "two titles in a row": lambda rows, k: k > _first_paragraph(rows) and _title(rows[k]["text"]) and any(
        (x := _near(rows, k, d)) is not None and _title(x["text"]) for d in (-1, 1)),
    # an unended line with removed furniture on both sides
    "island in furniture": lambda rows, k: not is_sentence_line(rows[k]["text"]) and not guarded(rows[k]["text"])
    and n_words(rows[k]["text"]) <= 25 and _gone(_near(rows, k, -1)) and _gone(_near(rows, k, 1)),
    # a short line of one sentence beside a removed credit or caption
    "beside a credit": lambda rows, k: k > 0 and _one_sentence(rows[k]["text"]) and any(
        _gone(_near(rows, k, d), CREDITS) for d in (-1, 1)),
    # a short line one blank line above a removed credit (caption-above wants none between)
    "a blank line above a credit": lambda rows, k: k > 0 and _one_sentence(rows[k]["text"]) and n_words(rows[k]["text"]) <= 15
    and _gone(_near(rows, k, 1), CREDITS) and _near(rows, k, 1)["i"] - rows[k]["i"] == 2,
    # below removed furniture with nothing kept under it (the page's tail), not a capture cut mid-word
    "tail below furniture": lambda rows, k: k > 0 and not guarded(rows[k]["text"]) and not cut_mid_word(rows[k]["text"])
    and _gone(_near(rows, k, -1)) and not any(x["kept"] for x in rows[k + 1:])
    and any(x["kept"] and is_paragraph(x["text"]) for x in rows[:k - 1]),
    # a paragraph printed whole inside a longer line of the same article (a standfirst or teaser copy)
    "inside a longer line": lambda rows, k: is_paragraph(rows[k]["text"]) and n_words(rows[k]["text"]) >= 12 and any(
        j != k and len(copy_key(x["text"])) > len(copy_key(rows[k]["text"])) + 5
        and copy_key(rows[k]["text"]) in copy_key(x["text"]) for j, x in enumerate(rows)),
}


def probe_counts(articles: list[list[dict]], probes: dict[str, Callable] = PROBES) -> dict[str, dict[str, int]]:
    """{probe: {"furniture": n, "prose": m}}: the kept lines of ``articles`` (:func:`line_rows`) each probe takes."""
    out = {name: {"furniture": 0, "prose": 0} for name in probes}
    for rows in articles:
        for k, r in enumerate(rows):
            if not r["kept"]:
                continue
            for name, p in probes.items():
                if p(rows, k):
                    out[name]["furniture" if r["fur"] else "prose"] += 1
    return out


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    articles = [rows for folder in argv for rows in line_rows(folder)]
    kept_f = sum(r["kept"] and r["fur"] for rows in articles for r in rows)
    print(f"{len(articles)} articles; furniture lines kept by the rules in sample: {kept_f}")
    for name, c in probe_counts(articles).items():
        print(f"{name:30s} furniture {c['furniture']:3d}  prose {c['prose']:3d}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
