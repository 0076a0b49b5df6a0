"""Quote fidelity: the same statement as each outlet quotes it, aligned across outlets (fuzzy
match of quoted sentences, a statement split around its attribution put back together) and
labelled (verbatim, reworded, shortened, negation changed...) with a word diff.
"""
from __future__ import annotations

import re
from collections import Counter

import pandas as pd

from presslens.data import STOPWORDS
from presslens.engine import tables
from presslens.engine.memo import story_table
from presslens.story.model import Story
from presslens.text import segment
from presslens.text.diff import word_diff
from .gold import norm_text
from .extract import quotes
from .similar import similar_pairs


# ----------------------------------------------------------------------------------------------
# fidelity: the same statement as each outlet quotes it

FIDELITY_COLS = ["statement", "outlet", "article_id", "label", "negation", "similarity", "version", "reference",
                 "diff", "speaker", "reference_outlet", "added", "found_elsewhere"]
ELSEWHERE = 0.75  # share of added content words one sentence of another article must hold for them to be found there
MATCH = 70  # rapidfuzz ratio (0-100) at which two quoted sentences are the same statement
NARRATION_MATCH = 85  # partial ratio at which a clause of a quote is found in another outlet's narration


def _sentences_of(quote: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+", quote) if len(segment.TOKEN.findall(s)) >= 4]


def _label(ref: str, version: str) -> str:
    """verbatim (the same words), trimmed (words of the reference left out, none added or changed),
    extended (words added, none left out), else reworded; case, punctuation and apostrophes aside."""
    from rapidfuzz.distance import Indel

    r, v = norm_text(ref).split(), norm_text(version).split()
    if r == v:
        return "verbatim"
    tags = {op[0] for op in Indel.opcodes(r, v)} - {"equal"}
    if tags == {"delete"}:
        return "trimmed"
    if tags == {"insert"}:
        return "extended"
    return "reworded"


def _rejoined(q: pd.DataFrame) -> list[tuple[str, str, str, str | None]]:
    """Direct quotes with the fragments of one statement split around its attribution put back
    together (same article, paragraph and speaker, one after the other): '"The sale was legal," she
    said. "We will appeal."' is one quotation; the comma the attribution left becomes the full stop
    the speaker said, or goes when the sentence goes on ('"The decision," she said, "was final."')."""
    out: list[list] = []
    for r in q.itertuples(index=False):
        speaker = r.speaker if isinstance(r.speaker, str) else None
        prev = out[-1] if out else None
        if prev and speaker and prev[3] == speaker and prev[0] == r.article_id and prev[4] == r.para_idx:
            head = prev[2].rstrip()
            if head.endswith(","):
                head = head[:-1] + ("." if r.quote[:1].isupper() else "")
            prev[2] = f"{head} {r.quote.strip()}"
            continue
        out.append([r.article_id, r.outlet, r.quote, speaker, r.para_idx])
    return [(a, o, t, sp) for a, o, t, sp, _ in out]


def _content(words) -> list[str]:
    return [w for w in words if len(w) > 3 and w not in STOPWORDS]


def added_words(ref: str, version: str) -> str:
    """The words ``version`` has that ``ref`` has not (insertions and replacements), in order."""
    from rapidfuzz.distance import Indel

    r, v = norm_text(ref).split(), norm_text(version).split()
    return " ".join(w for op in Indel.opcodes(r, v) if op[0] == "insert" for w in v[op[3]:op[4]])


class Elsewhere:
    """Whether words appear in a sentence of another article (any sentence, quoted or not)."""

    def __init__(self, sents: pd.DataFrame):
        self.words: list[tuple[str, set[str]]] = []
        self.index: dict[str, list[int]] = {}
        self.holders: dict[frozenset, tuple[str, ...]] = {}  # found(): per set of words, once
        seen: dict[str, tuple[set[str], list[str]]] = {}  # a sentence repeated across articles is read once
        for aid, t in zip(sents["article_id"].tolist(), sents["text"].tolist()):
            got = seen.get(t)
            if got is None:
                ws = set(norm_text(t).split())
                got = seen[t] = (ws, _content(ws))
            for w in got[1]:
                self.index.setdefault(w, []).append(len(self.words))
            self.words.append((aid, got[0]))

    def found(self, added: str, aid: str) -> bool:
        """True when another article has a sentence holding ``ELSEWHERE`` of the added content words
        (or the words are too plain to tell: no content word)."""
        need = frozenset(_content(added.split()))
        if not need:
            return True
        holders = self.holders.get(need)
        if holders is None:  # the articles (two at most) with a sentence holding enough of them: once per set of words
            counts: dict[int, int] = {}
            for w in need:
                for k in self.index.get(w, ()):
                    counts[k] = counts.get(k, 0) + 1
            arts: list[str] = []
            for k, c in counts.items():
                if c >= ELSEWHERE * len(need) and self.words[k][0] not in arts:
                    arts.append(self.words[k][0])
                    if len(arts) == 2:
                        break
            holders = self.holders[need] = tuple(arts)
        return any(a != aid for a in holders)


_NEGATION = re.compile(r"\b(?:not|no|never|none|nobody|nothing|neither|nor|without|cannot)\b|n[’']t\b", re.IGNORECASE)


def negation_change(ref: str, version: str) -> str:
    """'dropped' or 'added' when the version has fewer or more negations than the reference."""
    a, b = len(_NEGATION.findall(ref)), len(_NEGATION.findall(version))
    return "" if a == b else ("dropped" if b < a else "added")


@story_table
def fidelity(story: Story, match: int = MATCH) -> pd.DataFrame:
    """The same quoted statement across outlets: every sentence of a direct quote (four words or
    more) is grouped with the sentences other articles quote that are at least ``match`` similar
    (rapidfuzz ratio on their words); a group quoted by two articles or more is a statement. Each
    version is labelled against the reference: verbatim, trimmed, extended or
    reworded, with a word diff and ``negation`` ('dropped' or 'added' when a not, no or never is); the
    fragments of a quote split around its attribution are put back together first; an article that
    carries the statement in its own narration, unquoted,
    gets 'paraphrased into narration' with the sentence. The reference is the version closest to all
    the others (the medoid), so one outlet's rewording does not become the yardstick. Columns
    ``FIDELITY_COLS``."""
    from rapidfuzz import fuzz

    q = quotes(story)
    q = q[q["kind"] == "direct"]
    items = []  # (article_id, outlet, sentence, speaker)
    quote_of: list[int] = []  # which rejoined quote each item comes from
    for qn, (aid, outlet, quote, speaker) in enumerate(_rejoined(q)):
        for s in _sentences_of(quote):
            items.append((aid, outlet, s, speaker))
            quote_of.append(qn)
    norm = [norm_text(s) for _, _, s, _ in items]
    group = list(range(len(items)))

    def find(i):
        while group[i] != i:
            group[i] = group[group[i]]
            i = group[i]
        return i

    if norm:
        uniq = sorted(set(norm))  # the same words quoted many times are compared once
        first_of = {u: [] for u in uniq}
        for i, n in enumerate(norm):
            first_of[n].append(i)
        for members in first_of.values():  # identical sentences are one statement
            for j in members[1:]:
                group[find(j)] = find(members[0])
        for a, b in similar_pairs(uniq, match):  # blocked by rare words past a few thousand sentences
            group[find(first_of[uniq[b]][0])] = find(first_of[uniq[a]][0])
    groups: dict[int, list[int]] = {}
    for i in range(len(items)):
        groups.setdefault(find(i), []).append(i)
    sents = tables.process(story).sentences
    elsewhere = Elsewhere(sents)
    in_statement: dict[int, int] = {}  # item -> its statement number (groups quoted by two articles or more)

    art_rank = {a: i for i, a in enumerate(story.articles["id"])}
    narr: list[tuple[str, str, str, str]] = []  # (article, outlet, sentence, its words) of unquoted sentences
    word_index: dict[str, list[int]] = {}  # content word -> narration sentences holding it
    read: dict[str, tuple[str, list[str]]] = {}  # a sentence's normalised text and content words, once
    for aid, outlet, t, nq in zip(sents["article_id"].tolist(), sents["outlet"].tolist(), sents["text"].tolist(),
                                  sents["n_quoted"].tolist()):
        if nq == 0:
            got = read.get(t)
            if got is None:
                n = norm_text(t)
                got = read[t] = (n, [w for w in set(n.split()) if len(w) > 3 and w not in STOPWORDS])
            for w in got[1]:
                word_index.setdefault(w, []).append(len(narr))
            narr.append((aid, outlet, t, got[0]))
    rows = []
    n_statement = 0
    for members in groups.values():
        arts = {items[i][0] for i in members}
        if len(arts) < 2:
            continue
        n_statement += 1
        # the reference: the version closest to all the others (then the longer, then the first)
        # a tie (two versions) goes to the version whose extra words another article holds too: words
        # added to a statement and found nowhere else make the longer version "extended", not the reference
        ref_i = _reference(members, norm, [items[i][0] for i in members], elsewhere)
        ref = items[ref_i]
        speaker = next((items[i][3] for i in members if items[i][3]), None)
        compared: dict[str, tuple] = {}  # a version quoted many times is compared with the reference once
        for i in sorted(members):
            aid, outlet, s, _ = items[i]
            in_statement[i] = n_statement
            if s not in compared:
                lab = _label(ref[2], s)
                compared[s] = (lab, added_words(ref[2], s) if lab == "extended" else "", negation_change(ref[2], s),
                               word_diff(ref[2], s))
            lab, add, negation, diff = compared[s]
            label = "reference" if i == ref_i else lab
            add = add if label == "extended" else ""
            rows.append({"statement": n_statement, "outlet": outlet, "article_id": aid, "label": label,
                         "negation": negation,
                         "similarity": round(fuzz.ratio(norm[i], norm[ref_i]), 1), "version": s,
                         "reference": ref[2], "diff": diff, "speaker": speaker,
                         "reference_outlet": ref[1], "added": add,
                         "found_elsewhere": elsewhere.found(add, aid) if add else None})
        clauses = [norm_text(c) for c in re.split(r"[,;:]\s+", ref[2]) if len(c.split()) >= 4] or [norm[ref_i]]
        # candidates: narration sentences sharing two content words with a clause (an index, not all pairs)
        best_of: dict[str, tuple] = {}
        for c in clauses:
            counts: dict[int, int] = {}
            for w in sorted({w for w in c.split() if len(w) > 3 and w not in STOPWORDS}):
                for k in word_index.get(w, ()):
                    counts[k] = counts.get(k, 0) + 1
            for k, shared in counts.items():
                aid = narr[k][0]
                if shared < 2 or aid in arts:
                    continue
                score = fuzz.partial_ratio(c, narr[k][3], score_cutoff=NARRATION_MATCH)
                if score and (aid not in best_of or score > best_of[aid][0]):
                    best_of[aid] = (score, k)
        for aid, (score, k) in sorted(best_of.items(), key=lambda kv: art_rank.get(kv[0], 0)):
            t = narr[k][2]
            rows.append({"statement": n_statement, "outlet": narr[k][1], "article_id": aid,
                         "label": "paraphrased into narration", "negation": negation_change(ref[2], t),
                         "similarity": round(score, 1), "version": t,
                         "reference": ref[2], "diff": word_diff(ref[2], t), "speaker": speaker,
                         "reference_outlet": ref[1]})
    rows.extend(_appended(items, quote_of, in_statement, rows, elsewhere))
    return pd.DataFrame(rows, columns=FIDELITY_COLS)


def _reference(members: list[int], norm: list[str], article_of: list[str], elsewhere: Elsewhere) -> int:
    """The member of a statement's group that is its reference: the version closest to all the others
    (the greatest sum of ratios to every member, itself included), then the one whose own words
    (held by no other member) another article has, then the longer, then the first. Linear in the
    group's size: each distinct text is compared with each distinct text once, and a word is a
    member's own when one member only holds it (one word count per group)."""
    from rapidfuzz import fuzz

    texts = [norm[i] for i in members]
    distinct = list(dict.fromkeys(texts))
    total = {}
    for d in distinct:
        ratio = {e: fuzz.ratio(d, e) for e in distinct}
        total[d] = sum([ratio[t] for t in texts])  # summed over the members in order, as one sum per member would be
    words = {d: set(d.split()) for d in distinct}
    holders: dict[str, int] = {}  # word -> how many members hold it
    for d, n in Counter(texts).items():
        for w in words[d]:
            holders[w] = holders.get(w, 0) + n

    def rank(k: int) -> tuple:
        t = texts[k]
        own = " ".join(w for w in words[t] if holders[w] == 1)
        return total[t], elsewhere.found(own, article_of[k]), len(t), -members[k]

    return members[max(range(len(members)), key=rank)]


def _appended(items: list, quote_of: list[int], in_statement: dict[int, int], rows: list[dict],
              elsewhere: Elsewhere) -> list[dict]:
    """Sentences a quote carries beyond a statement other articles quote (in no statement themselves,
    next to one of its sentences in the same quotation): the quote is *extended* by them, with the
    added words and whether any other article has them ("found nowhere else" when none has)."""
    ref_of = {r["statement"]: r for r in rows if r["label"] == "reference"}
    out = []
    for i, (aid, outlet, s, _) in enumerate(items):
        if i in in_statement:
            continue
        near = [j for j in (i - 1, i + 1) if 0 <= j < len(items) and quote_of[j] == quote_of[i] and j in in_statement]
        if not near:
            continue
        ref = ref_of[in_statement[near[0]]]
        version = f"{items[near[0]][2]} {s}" if near[0] < i else f"{s} {items[near[0]][2]}"
        out.append({"statement": ref["statement"], "outlet": outlet, "article_id": aid, "label": "extended",
                    "negation": "", "similarity": None, "version": version, "reference": ref["reference"],
                    "diff": word_diff(ref["reference"], version),
                    "speaker": ref["speaker"], "reference_outlet": ref["reference_outlet"], "added": s,
                    "found_elsewhere": elsewhere.found(norm_text(s), aid)})
    return out
