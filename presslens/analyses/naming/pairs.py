"""Translation pairs: which English articles render an article of the story written in another language.

Articles in another language are left out of the measures (``engine.screening``); here they are read
for one question: does an English article render one of them? Without a translation model (none of
the small multilingual models ships its weights inside a registry package: they download at run
time), the pairing is by **anchor alignment**, what a reader checks first when two articles in two
languages look alike: the strings a translation keeps as they are, in the same order.

- *Anchors* of a sentence (:func:`anchors`): numbers, normalised across locales ("1.000" and "1,000"
  are 1000; "3,5" and "3.5" are 3.5; one-digit numbers are left out), capitalised words that are not a
  sentence's first word, folded (accents off, lower case: "Rodríguez" = "rodriguez"), and links,
  handles and hashtags.
- Each anchor weighs its rarity in the story (inverse document frequency over every article): a name
  every article uses ("Madrid" in a Madrid story) weighs almost nothing; a figure or a minor name that
  only two articles share weighs most.
- Two articles' anchor sequences are aligned in order (longest common subsequence); ``share`` is the
  weight of the source's distinct anchors found in that order over the weight of those of its anchors
  that any other article has too (an anchor no other article has, such as an institution's name in the
  source's language, could be matched by none), and ``cover`` the same over the English article's
  anchors (a translation keeps most of both).

:func:`translation_pairs` lists, for every article in another language, the English articles whose
alignment reaches ``MIN_SHARE`` and ``MIN_COVER`` with at least ``MIN_ANCHORS`` anchors, each with the
anchors as evidence and a relation: *machine translation of* the source when the English article
reads as a translation (:mod:`.translation`: declared, or a likely undeclared translation), else *same
text as* (which came first is not told by anchors). :func:`aligned_sentences` pairs the two articles'
sentences by their shared anchors, for the drill-down. Limits: a source in a script without Latin
letters (Chinese, Japanese, Arabic ...) shares only numbers and links with its English rendering, so it
is paired on figures alone and needs more of them; two renderings of one wire story in two languages
pair as *same text as* each other.
"""
from __future__ import annotations

import math
import re
import unicodedata

import pandas as pd

from presslens.engine import screening, tables
from presslens.engine.memo import story_table
from presslens.story.model import Story
from .translation import likely_translations

MIN_SHARE = 0.5    # share of the source's anchor weight found in order in the English article
MIN_COVER = 0.35   # share of the English article's anchor weight found in order in the source
MIN_ANCHORS = 5    # distinct anchors aligned, at the least
SHOWN = 12         # anchors shown as evidence
TRANSLATED = ("declared translation", "likely undeclared translation")
COLUMNS = ["source_article", "source_outlet", "source_language", "article", "outlet", "relation", "share", "cover",
           "n_anchors", "anchors", "verdict"]

_NUMBER = re.compile(r"(?<![\w.,])\d{1,3}(?:([.,  ])\d{3})+(?:[.,]\d+)?(?![\d])|(?<![\w.,])\d+(?:[.,]\d+)?(?![\d])")
_LINK = re.compile(r"https?://[^\s)>\"'”]+|(?<!\w)[@#][A-Za-z_]\w{2,}")
_WORD = re.compile(r"[^\W\d_][\w’'-]*")
# English capitalises months and weekdays, most other languages do not: not anchors
_CALENDAR = frozenset("january february march april may june july august september october november december "
                      "monday tuesday wednesday thursday friday saturday sunday".split())


def _fold(w: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", w) if not unicodedata.combining(c)).casefold()


def _number(s: str, sep: str | None) -> str | None:
    """'1.000' -> '1000', '1,000' -> '1000', '1.000,5' -> '1000.5', '3,5' -> '3.5', '2024' -> '2024'; one
    digit -> None."""
    if sep:  # grouped thousands, perhaps with decimals after the other mark
        dec = re.search(r"([.,])(\d{1,2})$", s)
        body, frac = (s[:dec.start()], dec.group(2)) if dec and dec.group(1) != sep else (s, "")
        return re.sub(r"\D", "", body) + (f".{frac}" if frac else "")
    if re.fullmatch(r"\d+[.,]\d+", s):
        return s.replace(",", ".")
    return s if len(s) >= 2 else None


def anchors(sentence: str) -> list[str]:
    """The anchors of one sentence, in order (see the module docstring)."""
    out: list[tuple[int, str]] = []
    for m in _LINK.finditer(sentence):
        out.append((m.start(), m.group(0).rstrip(".,;:").casefold()))
    links = [(m.start(), m.end()) for m in _LINK.finditer(sentence)]
    for m in _NUMBER.finditer(sentence):
        if any(a <= m.start() < b for a, b in links):
            continue
        n = _number(m.group(0), m.group(1))
        if n:
            out.append((m.start(), "#" + n))
    first = True
    for m in _WORD.finditer(sentence):
        w = m.group(0)
        if any(a <= m.start() < b for a, b in links):
            continue
        if not first and w[:1].isupper() and len(w) >= 3 and w.casefold() not in _CALENDAR:
            out.append((m.start(), _fold(w.strip("’'-"))))
        first = False
    return [a for _, a in sorted(out)]


def _lcs(a: list[str], b: list[str]) -> list[str]:
    """The longest common subsequence of two anchor sequences (dynamic programming on two rows)."""
    if not a or not b:
        return []
    prev = [0] * (len(b) + 1)
    rows = []
    for x in a:
        cur = [0] * (len(b) + 1)
        for j, y in enumerate(b, 1):
            cur[j] = prev[j - 1] + 1 if x == y else max(prev[j], cur[j - 1])
        rows.append(cur)
        prev = cur
    out, i, j = [], len(a), len(b)
    while i and j:
        if a[i - 1] == b[j - 1]:
            out.append(a[i - 1])
            i, j = i - 1, j - 1
        elif (rows[i - 2][j] if i >= 2 else 0) >= rows[i - 1][j - 1]:
            i -= 1
        else:
            j -= 1
    return out[::-1]


def _sequences(story: Story) -> dict[str, list[str]]:
    s = tables.process(story).sentences
    out: dict[str, list[str]] = {a: [] for a in story.articles["id"]}
    for aid, txt in zip(s["article_id"].tolist(), s["text"].tolist()):
        out.setdefault(aid, []).extend(anchors(txt))
    return out


def foreign_articles(story: Story) -> pd.DataFrame:
    """The articles in a language other than the story's (declared, or detected with confidence:
    ``engine.screening.language_table``): article_id, outlet, language, basis."""
    lang = screening.language_table(story)
    return lang.loc[~lang["in_language"] & lang["language"].notna(),
                    ["article_id", "outlet", "language", "basis"]].reset_index(drop=True)


@story_table
def translation_pairs(story: Story, min_share: float = MIN_SHARE, min_cover: float = MIN_COVER,
                      min_anchors: int = MIN_ANCHORS) -> pd.DataFrame:
    """One row per article in another language and English article that renders it (see the module
    docstring). Columns: source_article, source_outlet, source_language, article, outlet, relation
    ('machine translation of' or 'same text as'), share, cover, n_anchors (distinct anchors aligned),
    anchors (the heaviest aligned anchors, in order), verdict (a sentence: "X is a machine translation of
    Y (es): 14 anchors in the same order ...")."""
    lang = screening.language_table(story)
    foreign = foreign_articles(story)
    if foreign.empty:
        return pd.DataFrame(columns=COLUMNS)
    english = lang.loc[lang["in_language"], "article_id"].tolist()
    seqs = _sequences(story)
    df: dict[str, int] = {}
    for seq in seqs.values():
        for a in set(seq):
            df[a] = df.get(a, 0) + 1
    n = max(1, len(seqs))
    weight = {a: math.log((n + 1) / (c + 0.5)) for a, c in df.items()}
    v = likely_translations(story)
    verdicts = dict(zip(v["article_id"], v["verdict"]))
    outlet = dict(zip(story.articles["id"], story.articles["outlet"]))
    rows = []
    for src, src_lang in zip(foreign["article_id"], foreign["language"]):
        a = seqs.get(src, [])
        wa = sum(weight[x] for x in set(a) if df[x] > 1)
        if not a or wa <= 0:
            continue
        for art in english:
            b = seqs.get(art, [])
            common = set(a) & set(b)
            if len(common) < min_anchors or sum(weight[x] for x in common) < min_share * wa:
                continue  # cannot reach the share even unordered
            kept = list(dict.fromkeys(_lcs(a, b)))
            wk = sum(weight[x] for x in kept)
            wb = sum(weight[x] for x in set(b) if df[x] > 1)
            share, cover = wk / wa, (wk / wb if wb else 0.0)
            if len(kept) < min_anchors or share < min_share or cover < min_cover:
                continue
            rel = "machine translation of" if verdicts.get(art) in TRANSLATED else "same text as"
            heavy = sorted(kept, key=lambda x: -weight[x])[:SHOWN]
            shown = [x.lstrip("#") for x in kept if x in heavy]
            rows.append((src, outlet.get(src), src_lang, art, outlet.get(art), rel, round(share, 2), round(cover, 2),
                         len(kept), ", ".join(shown),
                         f"{art} is {'a ' if rel.startswith('machine') else 'the '}{rel} {src} ({src_lang}): "
                         f"{len(kept)} anchors in the same order (share {share:.2f} of the source's, "
                         f"{cover:.2f} of its own): {', '.join(shown)}"))
    out = pd.DataFrame(rows, columns=COLUMNS)
    return out.sort_values(["source_article", "share"], ascending=[True, False], kind="mergesort").reset_index(drop=True)


def aligned_sentences(story: Story, source: str, article: str, min_shared: int = 2) -> pd.DataFrame:
    """The two articles' sentences paired in order by shared anchors: for each sentence of ``source``,
    the first sentence of ``article`` after the last one paired that shares ``min_shared`` anchors or
    more with it. Columns: source_sentence, sentence, shared (the anchors both hold)."""
    s = tables.process(story).sentences
    src = s.loc[s["article_id"] == source, "text"].tolist()
    dst = s.loc[s["article_id"] == article, "text"].tolist()
    dst_anchors = [set(anchors(t)) for t in dst]
    rows, at = [], 0
    for t in src:
        mine = set(anchors(t))
        for j in range(at, len(dst)):
            both = mine & dst_anchors[j]
            if len(both) >= min_shared:
                rows.append((t, dst[j], ", ".join(x.lstrip("#") for x in anchors(t) if x in both)))
                at = j + 1
                break
    return pd.DataFrame(rows, columns=["source_sentence", "sentence", "shared"])


def findings(pairs: pd.DataFrame, n_foreign: int) -> list[str]:
    """Sentences for a notebook: each pair's verdict, or what was looked for when none was found."""
    if n_foreign == 0:
        return ["No article of the story is in another language (declared or detected), so there is no translation "
                "pair to look for."]
    if pairs.empty:
        return [f"None of the {n_foreign} article(s) in another language shares enough anchors in order (numbers, "
                f"names, links) with an English article to be paired (at least {MIN_ANCHORS} anchors, "
                f"{MIN_SHARE:.0%} of the source's anchor weight); a rendering that rewrites figures and names, or "
                f"a source in a non-Latin script (figures only), can still escape this check."]
    return [r.verdict + "." for r in pairs.itertuples(index=False)]
