"""Fact discovery against the hand-written claims: the bundled story and the evaluation corpora.

    python scripts/eval_facts.py            (aggregates only; -v: per claim, DEVELOPMENT stories only)

For every labelled claim (data/eval/*/truth.yaml ``claims``: id, text, articles; for the bundled
story the articles its story.yaml patterns match), ``best_f1`` is the article-level F1 of the
discovered fact that best matches the claim's articles, and ``mapped_f1`` that of the facts the
claim's text maps to (:func:`presslens.analyses.facts.matches`). The goal: a share of at least 0.8
of the claims with best_f1 >= 0.8. Test stories print their aggregate only.

``make eval`` (``presslens eval``) prints the scored figures with intervals, on the measured articles
(``presslens.evaluation.score_story.score_facts``); this script adds the bundled story, the
text-mapped F1 and the every-article baseline, on every article.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pandas as pd  # noqa: E402
import yaml  # noqa: E402

from presslens import load_story  # noqa: E402
from presslens.analyses import claims as hand, facts  # noqa: E402
from presslens.engine import screening as screen  # noqa: E402


def story_scores(folder: Path) -> pd.DataFrame:
    # the articles the notebooks analyse (another language and the shorter capture of a page captured twice
    # left out), as `make eval` scores them: a labelled claim is scored on those articles only
    st, _ = screen.analysed(load_story(folder))
    kept = set(st.articles["id"])
    truth_file = folder / "truth.yaml"
    if truth_file.exists():
        truth = [{**c, "articles": [a for a in c["articles"] if a in kept]}
                 for c in yaml.safe_load(truth_file.read_text(encoding="utf-8"))["claims"]]
        truth = [c for c in truth if c["articles"]]
    else:
        h = hand.hits(st)
        truth = [{"id": c.id, "text": c.text, "articles": h.loc[h["claim"] == c.id, "article_id"].tolist()}
                 for c in st.claims]
    return facts.score(facts.members(st), truth)


def line(name: str, sc: pd.DataFrame) -> str:
    return (f"  {name:<28} claims {len(sc):>3}  share best_f1>=0.8: {facts.share_matched(sc):.2f}  "
            f"share mapped_f1>=0.8: {facts.share_matched(sc, 'mapped_f1'):.2f}  mean best_f1: {sc['best_f1'].mean():.3f}  "
            f"(baseline, every article: {facts.share_matched(sc, 'all_f1'):.2f})")


if __name__ == "__main__":
    verbose = "-v" in sys.argv
    print(f"fact discovery vs hand-written claims (embedding: "
          f"{facts.EMBEDDING if facts.embedder() is not None else 'none, lexical only'})")
    groups: dict[str, list[pd.DataFrame]] = {"bundled": [], "dev": [], "test": []}
    groups["bundled"].append(story_scores(ROOT / "data" / "stories" / "bytedance-openai-2023"))
    print(line("bundled (bytedance-openai-2023)", groups["bundled"][0]))
    for folder in sorted((ROOT / "data" / "eval").iterdir()):
        if not (folder / "truth.yaml").exists():
            continue
        truth = yaml.safe_load((folder / "truth.yaml").read_text(encoding="utf-8"))
        if not truth.get("claims"):  # furniture and quotes sets label no claims
            continue
        split = truth.get("split", "test")
        sc = story_scores(folder)
        groups["dev" if split == "dev" else "test"].append(sc)
        if split == "dev":
            print(line(folder.name, sc))
            if verbose:
                print(sc.drop(columns=["mapped_facts"]).to_string())
    for k, v in groups.items():
        if v:
            print(line(f"ALL {k}", pd.concat(v)))
