"""Quote extraction scored against a hand-labelled gold file (span and speaker precision and
recall per kind): ``scripts/eval_quotes.py`` and the tests' targets.
"""
from __future__ import annotations

import re
from pathlib import Path

from presslens.story.model import Story
from presslens.story.yamlio import parse_yaml
from .extract import quotes


# ----------------------------------------------------------------------------------------------
# evaluation against a hand-labelled gold file


def norm_text(s: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", s.casefold()).split())


def _same_span(a: str, b: str) -> bool:
    from rapidfuzz import fuzz

    x, y = norm_text(a), norm_text(b)
    if not x or not y:
        return False
    return x == y or fuzz.ratio(x, y) >= 90 or (min(len(x), len(y)) >= 0.8 * max(len(x), len(y))
                                                and (x in y or y in x))


def _same_speaker(gold: dict, row: dict) -> bool:
    g, e = gold.get("speaker"), row.get("speaker")
    if not g or not e or (isinstance(e, float)):
        return False
    gn, en = norm_text(g), norm_text(e)
    if gn == en or gn in en or en in gn:
        return True
    # a role or anonymous source: the same actor and kind is the same speaker
    return (gold.get("speaker_kind") in ("role", "anonymous") and gold.get("speaker_kind") == row.get("speaker_kind")
            and gold.get("actor") is not None and gold.get("actor") == row.get("actor"))


def evaluate(story: Story, gold_path: str | Path, kinds: tuple[str, ...] = ("direct", "cited", "indirect")) -> dict:
    """Precision and recall of :func:`quotes` against a gold file (tests/fixtures/quotes-gold.yaml):
    spans (a found quote matches a gold one of the same article when their words agree: equal, 90%
    similar, or one holding 80% of the other), kinds of the matched spans, and speakers (of direct
    and indirect quotes: the same person, or for a role or anonymous source the same actor). Returns
    the figures and the unmatched rows, for reading."""

    gold = parse_yaml(Path(gold_path).read_text(encoding="utf-8"))["articles"]
    q = quotes.uncached(story)  # measured afresh, never from the result cache
    q = q[q["kind"].isin(kinds)]
    by_file = {f"{aid}.md": aid for aid in story.articles["id"]}
    found_rows, gold_rows = [], []
    for fname, entries in gold.items():
        aid = by_file.get(fname, fname.removesuffix(".md"))
        for g in entries or []:
            if g.get("kind") in kinds:
                gold_rows.append({**g, "article_id": aid})
    found_rows = q.to_dict("records")
    matched_gold: dict[int, int] = {}
    for i, r in enumerate(found_rows):
        for j, g in enumerate(gold_rows):
            if j in matched_gold.values() or g["article_id"] != r["article_id"]:
                continue
            if _same_span(g["text"], r["quote"]):
                matched_gold[i] = j
                break
    pairs = [(found_rows[i], gold_rows[j]) for i, j in matched_gold.items()]
    spoken = ("direct", "indirect")
    gold_spk = [g for g in gold_rows if g.get("speaker") and g["kind"] in spoken]
    found_spk = [r for r in found_rows if isinstance(r.get("speaker"), str) and r["kind"] in spoken]
    right = sum(1 for r, g in pairs if g.get("speaker") and g["kind"] in spoken and _same_speaker(g, r))
    out = {
        "spans": {"precision": len(pairs) / len(found_rows) if found_rows else 1.0,
                  "recall": len(pairs) / len(gold_rows) if gold_rows else 1.0,
                  "found": len(found_rows), "gold": len(gold_rows), "matched": len(pairs)},
        "kind_accuracy": sum(r["kind"] == g["kind"] for r, g in pairs) / len(pairs) if pairs else 1.0,
        "speakers": {"precision": right / len(found_spk) if found_spk else 1.0,
                     "recall": right / len(gold_spk) if gold_spk else 1.0,
                     "found": len(found_spk), "gold": len(gold_spk), "right": right},
        "missed": [g for j, g in enumerate(gold_rows) if j not in matched_gold.values()],
        "spurious": [r for i, r in enumerate(found_rows) if i not in matched_gold],
        "wrong_speaker": [(r, g) for r, g in pairs if g.get("speaker") and g["kind"] in spoken
                          and not _same_speaker(g, r)],
    }
    return out
