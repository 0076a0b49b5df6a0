"""Translation indicators per article: declared translation, calques, untranslated CJK,
machine-translation phrases (``presslens/data/mt_phrases.yaml``), glued sentences; an article
with enough kinds of evidence is a likely translation.
"""
from __future__ import annotations

import functools
import re
from pathlib import Path
import pandas as pd

from presslens import paths
from presslens import patterns
from presslens.engine import tables
from presslens.engine.memo import story_table
from presslens.story.model import Story
from presslens.story.yamlio import parse_yaml
from presslens.text.resolver import CJK, CJK_CLASS
from .names import mentions


# ----------------------------------------------------------------------------------------------
# translation indicators


@functools.lru_cache(maxsize=4)
def load_mt_phrases(path: str | None = None) -> dict:
    """The versioned list of machine-translation phrases (``presslens/data/mt_phrases.yaml``)."""

    p = Path(path) if path else paths.PACKAGE_DATA / "mt_phrases.yaml"
    data = parse_yaml(p.read_text(encoding="utf-8"))
    for ph in data["phrases"]:
        ph["rx"] = patterns.compile(ph["pattern"], patterns.IGNORECASE)
    data["any"] = patterns.compile("|".join(f"(?:{ph['pattern']})" for ph in data["phrases"]) or r"(?!x)x",
                                   patterns.IGNORECASE)
    return data


# a full stop (or ! ?) with no space before the next sentence's capital: "service.OpenAI",
# 'suspended."All', "2023.Analysts"; not "U.S.", "e.g." nor domain names (lower case after the dot).
# A comma without a space ("Shenzhen,China") is a typo as often as a join, so it is not counted.
GLUED = re.compile(r"(?<![\w.])((?:[A-Za-z]*[a-z]|\d+)[)\]]?[.!?][\"“”'’]?)([\"“”‘]?[A-Z][\w’']*[a-z][\w’']*)")
_BRACKET_GLOSS = re.compile(f"[(（]\\s*[{CJK_CLASS}]+\\s*[)）]")  # "Huawei (华为)": the name's own gloss

INDICATOR_KINDS = ("declared", "calque", "untranslated CJK", "MT phrase", "glued sentences")
LIKELY_MIN_KINDS = 2


def _sentence_spans(clean: str, sents: list[tuple[int, str]]) -> list[tuple[int, int, int]]:
    """Where each of an article's sentences lies in its whitespace-collapsed cleaned text:
    (start, end, sent_id), found in order (a sentence not found, such as the title, is skipped)."""
    out, pos = [], 0
    for sid, t in sents:
        t = " ".join(t.split())
        at = clean.find(t[:40], pos) if t else -1
        if at < 0:
            continue
        out.append((at, at + len(t), sid))
        pos = at + 1
    return out


@story_table
def translation_indicators(story: Story) -> pd.DataFrame:
    """Signals that an article was translated, one row each with the sentence behind it.

    Kinds: ``declared`` (front matter ``translated_from``; the line is the field); ``calque`` (a
    mention of a rendering of kind calque, from the ledger); ``untranslated CJK`` (Chinese, Japanese
    or Korean letters in an article whose language is not one of those, except a name's gloss in
    brackets: "Huawei (华为)"); ``MT phrase`` (phrases of ``mt_phrases.yaml`` in one sentence, with
    their Chinese original; ``weak`` when every one is marked weak there: used in native English
    too, so they never make a verdict); ``glued sentences`` (a sentence end with no space before the
    next sentence, as machine translation joins segments: "service.OpenAI", "2023.Analysts").
    Columns: article_id, outlet, kind, detail, weak, sent_id, sentence.
    """

    p = tables.process(story)
    s = p.sentences
    cols = ["article_id", "outlet", "kind", "detail", "weak", "sent_id", "sentence"]
    rows = []
    arts = story.articles
    lang = dict(zip(arts["id"], arts["language"]))
    outlet_of_id = dict(zip(arts["id"], arts["outlet"]))
    for r in arts.itertuples(index=False):
        if isinstance(r.translated_from, str) and r.translated_from:
            rows.append((r.id, r.outlet, "declared", f"translated_from: {r.translated_from}", False, -1,
                         f"translated_from: {r.translated_from}"))
    m = mentions(story)
    calq = m[m["kind"] == "rendering: calque"]
    for r in calq.itertuples(index=False):
        rows.append((r.article_id, r.outlet, "calque", f"{r.matched!r} for {r.actor}", False, r.sent_id, r.text))
    data = load_mt_phrases()
    phrases, any_phrase = data["phrases"], data["any"]
    for sid, aid, outlet, txt in zip(s["sent_id"], s["article_id"], s["outlet"], s["text"]):
        if str(lang.get(aid) or "en")[:2] not in ("zh", "ja", "ko"):
            cjk = CJK.findall(_BRACKET_GLOSS.sub("", txt))
            if cjk:
                rows.append((aid, outlet, "untranslated CJK", ", ".join(dict.fromkeys(cjk)), False, sid, txt))
        if not any_phrase.search(txt):  # one pass for all phrases; most sentences have none
            continue
        hits = [(patterns.search(ph["rx"], txt, "mt_phrases.yaml"), ph) for ph in phrases]
        hits = [(h, ph) for h, ph in hits if h]
        if hits:  # one row per sentence, however many phrases overlap in it
            detail = "; ".join(f"{h.group(0)!r} ({ph['zh']})" for h, ph in hits)
            rows.append((aid, outlet, "MT phrase", detail, all(ph.get("weak") for _, ph in hits), sid, txt))
    by_art: dict[str, list[tuple[int, str]]] = {}  # plain lists: one pass, no per-article frame slicing
    for sid, aid, txt in zip(s["sent_id"].tolist(), s["article_id"].tolist(), s["text"].tolist()):
        by_art.setdefault(aid, []).append((sid, txt))
    for aid, clean in p.clean_text.items():
        if aid not in lang:
            continue
        clean = " ".join(clean.split())
        sents = by_art.get(aid, [])
        spans = _sentence_spans(clean, sents)
        text_of = dict(sents)
        for mt in GLUED.finditer(clean):
            at = mt.start(2) - 1  # the sentence the glue ends: the last one starting before the next
            sid = next((x for a, _, x in reversed(spans) if a <= at), -1)
            sentence = text_of.get(sid) or clean[max(0, mt.start() - 80): mt.end() + 40]
            rows.append((aid, outlet_of_id[aid], "glued sentences", mt.group(1) + mt.group(2), False, sid, sentence))
    out = pd.DataFrame(rows, columns=cols)
    order = {a: i for i, a in enumerate(arts["id"])}
    k_rank = {k: i for i, k in enumerate(INDICATOR_KINDS)}
    out = out.assign(_a=out["article_id"].map(order), _k=out["kind"].map(k_rank))
    return out.sort_values(["_a", "_k", "sent_id"], kind="mergesort").drop(columns=["_a", "_k"]).reset_index(drop=True)


def likely_translations(story: Story, indicators: pd.DataFrame | None = None,
                        min_kinds: int = LIKELY_MIN_KINDS) -> pd.DataFrame:
    """One row per article with indicators: article_id, outlet, declared (bool), kinds (the distinct
    indicator kinds, declared apart), n_indicators, verdict: 'declared translation', 'likely
    undeclared translation' (no declaration, ``min_kinds`` kinds or more) or 'isolated signals'."""
    ind = translation_indicators(story) if indicators is None else indicators
    cols = ["article_id", "outlet", "declared", "kinds", "n_indicators", "verdict"]
    per: dict[str, dict] = {}
    for aid, outlet, kind, weak in zip(ind["article_id"].tolist(), ind["outlet"].tolist(), ind["kind"].tolist(),
                                       ind["weak"].astype(bool).tolist()):
        a = per.setdefault(aid, {"outlet": outlet, "declared": False, "kinds": set(), "n": 0})
        if kind == "declared":
            a["declared"] = True
            continue
        a["n"] += 1
        if not weak:
            a["kinds"].add(kind)
    rows = []
    for aid, a in per.items():
        kinds = [k for k in INDICATOR_KINDS if k in a["kinds"]]
        verdict = ("declared translation" if a["declared"] else
                   "likely undeclared translation" if len(kinds) >= min_kinds else "isolated signals")
        rows.append((aid, a["outlet"], a["declared"], ", ".join(kinds), a["n"], verdict))
    return pd.DataFrame(rows, columns=cols)
