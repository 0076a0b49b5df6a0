"""Issue 26, step 1: for each development story with labelled machine translations, the signal classes of
presslens.analyses.naming.mtscore as rates per 1,000 words (the word profile's weight, 1/0 for an English edition's
address and stray full stops) of every labelled translation the verdict misses, beside the same story's articles
labelled written in English (their mean and the share where the class fired), and, across stories, in how many
stories each class fired on a translation and on a human article. Development stories only (a test story's
truth.yaml is skipped after reading its split).

    PYTHONPATH=$PWD python scripts/mt_diagnose.py > diagnosis.txt
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from presslens.evaluation.adapter import (TRANSLATION_VERDICTS, article_words, mtscore, translation_evidence,
                                          translation_verdicts)
from presslens.evaluation.scoreboard import EVAL_DIR
from presslens.evaluation.truth import load_truth

SHORT = {c: c[:8] for c in mtscore.FEATURES}


def main() -> int:
    pd.set_option("display.width", 250)
    spread = []
    for f in sorted(p.parent for p in Path(EVAL_DIR).glob("*/truth.yaml")):
        t = load_truth(f)
        if t.split != "dev":
            continue
        labels = {a: bool(lab["mt"]) for a, lab in t.articles.items() if lab.get("mt") is not None and not lab.get("unsure")}
        if not any(labels.values()):
            continue
        ind = translation_evidence(f)
        ind = ind[ind["article_id"].isin(labels)].reset_index(drop=True)
        v = translation_verdicts(ind) if not ind.empty else pd.DataFrame(columns=["article_id", "verdict"])
        called = set(v.loc[v["verdict"].isin(TRANSLATION_VERDICTS), "article_id"])
        feats = mtscore.article_features(ind, article_words(f), labels, log=False)
        feats = feats.assign(label=feats["article_id"].map(lambda a: "MT " + str(t.articles[a].get("source_language") or "?")
                                                             if labels[a] else "human"))
        missed = feats[(feats["label"] != "human") & ~feats["article_id"].isin(called)]
        human = feats[feats["label"] == "human"]
        print(f"== {t.slug}: {len(missed)} translations missed of {sum(labels.values())}, {len(human)} human articles")
        cols = list(mtscore.FEATURES)
        tab = missed[["article_id", "label", *cols]].rename(columns=SHORT)
        tab.loc[len(tab)] = ["human mean", "", *human[cols].mean().round(2).tolist()]
        tab.loc[len(tab)] = ["human share fired", "", *(human[cols] > 0).mean().round(2).tolist()]
        print(tab.round(1).to_string(index=False))
        for c in cols:
            spread.append((c, t.slug, bool((feats.loc[feats["label"] != "human", c] > 0).any()), bool((human[c] > 0).any())))
    s = pd.DataFrame(spread, columns=["class", "story", "on_mt", "on_human"])
    print("\nacross stories: in how many the class fired on a translation / on a human article")
    print(s.groupby("class", sort=False)[["on_mt", "on_human"]].sum().to_string())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
