"""What is in the corpus: one row per article, a timeline, lengths and declared provenance."""
from __future__ import annotations

import pandas as pd

from presslens.engine import screening as engine_screening, tables
from presslens.engine.memo import story_table
from presslens.story.model import Story


@story_table
def article_table(story: Story) -> pd.DataFrame:
    """One row per article: outlet, date, words, sentences, language (declared, detected with its
    probability), translation, declared sources, how many lines or fragments the cleaner removed
    (see :func:`removed_table` for which), and whether the measures use it (``measured``; the reason
    when not is in :func:`screening`'s ``left_out``)."""

    sc = engine_screening.screen(story)
    lang = sc.languages.set_index("article_id")
    gone = set(sc.left_out["article_id"])
    p = tables.process(story)
    s = p.sentences[p.sentences["part"] != "title"]
    words = s.groupby("article_id")["n_words"].sum()
    sents = s.groupby("article_id").size()
    quoted = s.groupby("article_id")["n_quoted"].sum()
    rem = p.removed.groupby("article_id").size()
    a = story.articles
    out = pd.DataFrame({
        "article_id": a["id"],
        "outlet": a["outlet"],
        "published": a["published"].dt.strftime("%Y-%m-%d").fillna("unknown"),
        "words": a["id"].map(words).fillna(0).astype(int),
        "sentences": a["id"].map(sents).fillna(0).astype(int),
        "quoted_share": (a["id"].map(quoted).fillna(0) / a["id"].map(words).clip(lower=1)).round(3),
        "language": a["language"].fillna("not declared"),  # then "detected" says what the text reads as
        "detected": a["id"].map(lang["detected"]).fillna("—"),
        "confidence": a["id"].map(lang["confidence"]).round(2),
        "translated_from": a["translated_from"].fillna("—"),
        "derived_from": a["derived_from"].map(lambda d: ", ".join(d) if d else "—"),
        "has_title": a["title"].map(lambda t: isinstance(t, str) and bool(t)),
        "removed_by_cleaner": a["id"].map(rem).fillna(0).astype(int),
        "measured": ~a["id"].isin(gone),
    })
    return out.reset_index(drop=True)


def screening(story: Story):
    """The language and duplicate screening (:func:`presslens.engine.screening.screen`): ``.languages``,
    ``.duplicates``, ``.left_out`` and ``.warnings``."""

    return engine_screening.screen(story)


def removed_table(story: Story) -> pd.DataFrame:
    """Everything the cleaner removed, line by line, with the rule that removed it and, for a built-in
    furniture rule, its id (``rule_id``: what story.yaml's ``furniture: {disable: [...]}`` takes)."""
    return tables.removed(story)[["outlet", "article_id", "line", "removed", "rule", "rule_id"]].reset_index(drop=True)


def provenance(story: Story) -> pd.DataFrame:
    """Which article credits which source (as the article itself declares, front matter ``derived_from``)."""
    rows = [{"outlet": r.outlet, "article_id": r.id, "credits": src}
            for r in story.articles.itertuples(index=False) for src in (r.derived_from or ())]
    return pd.DataFrame(rows, columns=["outlet", "article_id", "credits"])


def summary(story: Story) -> dict:
    """Headline numbers for the corpus (all traceable to :func:`article_table`)."""
    t = article_table(story)
    dated = story.articles["published"].dropna()
    return {
        "articles": len(t),
        "outlets": t["outlet"].nunique(),
        "words": int(t["words"].sum()),
        "sentences": int(t["sentences"].sum()),
        "undated": int(story.articles["published"].isna().sum()),
        "translated": int((t["translated_from"] != "—").sum()),
        "left_out_of_measures": int((~t["measured"]).sum()),
        "first": dated.min().strftime("%Y-%m-%d") if len(dated) else "unknown",
        "last": dated.max().strftime("%Y-%m-%d") if len(dated) else "unknown",
    }
