"""Scorers of what presslens reads inside one article: quotes, web furniture, sentence boundaries.

Each is a pure function: the prediction tables of :class:`presslens.evaluation.adapter.Predictions`
(or any table with the same columns) and a :class:`~presslens.evaluation.truth.Truth` in, outcome
rows (:mod:`presslens.evaluation.outcomes`) out. Articles whose labels of that kind are left out of
the truth file are not scored.
"""
from __future__ import annotations

import re
from typing import Iterable

import pandas as pd

from .outcomes import context, fold, frame, outcome, same_name
from .truth import Truth, norm_space

SPOKEN = ("direct", "indirect")
# removals that are not furniture decisions: the capture's own markup, and a line that repeats the title
NOT_FURNITURE_RULES = ("repeated headline", "html: tags", "html: script, style or comment block",
                       "markdown link syntax (its text is kept)")


# ----------------------------------------------------------------------------------------------
# quotes

def same_span(a: str, b: str) -> bool:
    """The span criterion of ``presslens.quotes.evaluate``: the words equal, 90% similar (rapidfuzz
    ratio), or one holding the other and at least 80% of its length."""
    from rapidfuzz import fuzz

    x, y = fold(a), fold(b)
    if not x or not y:
        return False
    return x == y or fuzz.ratio(x, y) >= 90 or (min(len(x), len(y)) >= 0.8 * max(len(x), len(y)) and (x in y or y in x))


# personal pronouns name nobody by themselves: a labelled "he" is the person of its ``actor`` field,
# and a found "he" counts only when presslens resolved it to the labelled person
PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you", "him", "her", "them", "us", "me"})


def _named(names) -> list[str]:
    return [n for n in names if isinstance(n, str) and fold(n) not in PRONOUNS]


def same_speaker(gold: dict, pred: dict) -> bool:
    """The labelled speaker (or actor) by name, or for a role or anonymous source the same organisation.
    A pronoun on either side is no name: a found "he" against a labelled "he" counts only when the
    speaker it was resolved to is the labelled actor."""
    spk = pred.get("speaker")
    if not isinstance(spk, str) or not spk:
        return False
    names = _named((gold.get("speaker"), gold.get("actor")))
    said = _named((spk, pred.get("speaker_text")))
    if any(same_name(g, p) for g in names for p in said):
        return True
    actor = pred.get("actor")
    return (pred.get("speaker_kind") in ("role", "anonymous") and isinstance(actor, str)
            and isinstance(gold.get("actor"), str) and fold(actor) == fold(gold["actor"]))


# the fewest words a shared opening or close of two reported clauses must have to make them one statement
STATEMENT_WORDS = 4


def same_statement(a: str, b: str) -> bool:
    """Two reported-speech clauses that report one statement: the same span (``same_span``), or the
    shorter is the longer's opening or its close, word for word, at least ``STATEMENT_WORDS`` words.
    Where a reported clause ends is left open by the labelling guide (a trailing participle, a second
    "and ..." clause, "according to X" at the end: two careful readers end it in different places), and
    who speaks does not depend on it; so the speaker measure matches a statement by where it opens or
    closes, and the span measure keeps the strict criterion."""
    if same_span(a, b):
        return True
    x, y = re.findall(r"\w+", fold(a)), re.findall(r"\w+", fold(b))
    short, long_ = (x, y) if len(x) <= len(y) else (y, x)
    n = len(short)
    return n >= STATEMENT_WORDS and (long_[:n] == short or long_[-n:] == short)


def _match(pred: list[dict], gold: list[dict], same=None) -> list[tuple[int, int]]:
    """Pairs (pred index, gold index) of the same span (``same``: default ``same_span``), each used
    once, the most similar first."""
    from rapidfuzz import fuzz

    same = same or same_span
    cand = [(fuzz.ratio(fold(p["quote"]), fold(g["text"])), i, j) for i, p in enumerate(pred)
            for j, g in enumerate(gold) if same(p["quote"], g["text"])]
    used_p, used_g, out = set(), set(), []
    for _, i, j in sorted(cand, key=lambda t: (-t[0], t[1], t[2])):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            out.append((i, j))
    return sorted(out)


def _kind_rows(measure: str, kind: str, aid: str, pred: list[dict], gold: list[dict], pairs, body: str) -> list[dict]:
    """Spans of one kind: a pair counts when both sides are of that kind; unsure labels count for nothing."""
    rows, hit_p, hit_g = [], set(), set()
    for i, j in pairs:
        if gold[j]["unsure"]:
            hit_p.add(i)
            hit_g.add(j)
        elif pred[i]["kind"] == kind and gold[j]["kind"] == kind:
            hit_p.add(i)
            hit_g.add(j)
            rows.append(outcome("quotes", measure, aid, "tp", gold[j]["text"], pred[i].get("paragraph", "")))
    by_p = dict(pairs)
    by_g = {j: i for i, j in pairs}
    for i, p in enumerate(pred):
        if p["kind"] == kind and i not in hit_p:
            j = by_p.get(i)
            why = f"labelled {gold[j]['kind']}" if j is not None else "no such labelled quote"
            rows.append(outcome("quotes", measure, aid, "fp", p["quote"], p.get("paragraph", ""), why))
    for j, g in enumerate(gold):
        if g["kind"] == kind and j not in hit_g and not g["unsure"]:
            i = by_g.get(j)
            why = f"found as {pred[i]['kind']}" if i is not None else "not found"
            rows.append(outcome("quotes", measure, aid, "fn", g["text"], context(body, g["text"]), why))
    return rows


def who(gold: dict) -> str | None:
    """Who a labelled quote is by: its speaker as the article words it, else its actor. A quote that
    goes on from the one before (a paragraph that is all quote) names nobody in its own words, so the
    labels leave ``speaker`` null and give the person in ``actor``: that person is who speaks, and a
    speaker found for it is scored against them (not counted wrong against "nobody")."""
    for f in ("speaker", "actor"):
        if isinstance(gold.get(f), str) and gold[f]:
            return gold[f]
    return None


def _speaker_rows(measure: str, kind: str, aid: str, pred: list[dict], gold: list[dict], pairs, body: str) -> list[dict]:
    rows, right_p, right_g, neutral_p = [], set(), set(), set()
    for i, j in pairs:
        g = gold[j]
        if g["unsure"]:
            neutral_p.add(i)
        elif g["kind"] == kind and who(g) and same_speaker(g, pred[i]):
            right_p.add(i)
            right_g.add(j)
            rows.append(outcome("quotes", measure, aid, "tp", f"{g['text']} ({who(g)})", pred[i].get("paragraph", "")))
    by_p, by_g = dict(pairs), {j: i for i, j in pairs}
    for i, p in enumerate(pred):
        if p["kind"] == kind and isinstance(p.get("speaker"), str) and i not in right_p | neutral_p:
            j = by_p.get(i)
            why = (f"labelled speaker {who(gold[j])!r}" if j is not None else "no such labelled quote")
            rows.append(outcome("quotes", measure, aid, "fp", f"{p['quote']} ({p['speaker']})", p.get("paragraph", ""), why))
    for j, g in enumerate(gold):
        if g["kind"] == kind and who(g) and not g["unsure"] and j not in right_g:
            i = by_g.get(j)
            spk = pred[i].get("speaker") if i is not None else None
            why = ("quote not found" if i is None else f"found speaker {spk!r}" if isinstance(spk, str)
                   else "found without a speaker")
            rows.append(outcome("quotes", measure, aid, "fn", f"{g['text']} ({who(g)})", context(body, g["text"]), why))
    return rows


def score_quotes(quotes: pd.DataFrame, truth: Truth, measured: Iterable[str] | None = None,
                 texts: dict[str, str] | None = None) -> pd.DataFrame:
    """Quotes (``presslens.quotes.quotes`` columns: article_id, quote, kind, speaker, speaker_text,
    speaker_kind, actor, paragraph) against the labelled quotes: direct-quote and reported-speech spans
    and speakers, cited terms apart. Only articles in ``measured`` (default: all) are scored; ``texts``
    (article id -> text) gives a missed quote its line."""
    keep = set(measured) if measured is not None else None
    by_art = {a: g.to_dict("records") for a, g in quotes.groupby("article_id", sort=False)}
    rows: list[dict] = []
    for aid, lab in truth.articles.items():
        if lab.get("quotes") is None or (keep is not None and aid not in keep):
            continue
        pred_all = by_art.get(aid, [])
        for kinds, measures in ((("direct", "cited"), (("direct quotes", "direct"), ("cited terms", "cited"))),
                                (("indirect",), (("reported speech", "indirect"),))):
            pred = [p for p in pred_all if p["kind"] in kinds]
            gold = [g for g in lab["quotes"] if g["kind"] in kinds]
            pairs = _match(pred, gold)
            for label, kind in measures:
                body = (texts or {}).get(aid, "")
                rows += _kind_rows(f"{label}: spans", kind, aid, pred, gold, pairs, body)
                if kind == "indirect":
                    rows += _speaker_rows(f"{label}: speakers", kind, aid, pred, gold,
                                          _match(pred, gold, same_statement), body)
                    rows += _speaker_rows(f"{label}: speakers, strict span", kind, aid, pred, gold, pairs, body)
                elif kind in SPOKEN:
                    rows += _speaker_rows(f"{label}: speakers", kind, aid, pred, gold, pairs, body)
    return frame(rows)


# ----------------------------------------------------------------------------------------------
# web furniture

def line_dropped(line: str, cuts: list[str]) -> bool:
    """Whether ``cuts`` (the removals on this line) leave nothing of it but punctuation. The cleaner's
    hygiene takes HTML tags out of a line first (reported as the tags alone), so the later removals
    are also tried on the line without its tags."""
    for text in (line, MARKUP.sub(" ", line)):
        rest = " ".join(text.split())
        for c in cuts:
            c = " ".join(c.split())
            rest = rest.replace(c, " ", 1) if c in rest else rest
        if not re.search(r"\w", rest):
            return True
    return False


_dropped = line_dropped   # the name tests/test_furniture_pages_dev.py reads

MARKUP = re.compile(r"<\\?/?[A-Za-z][^<>\n]{0,300}>")   # an HTML tag left in a capture (JSON-escaped too)


def _holds(sentence: str, furniture: str) -> bool:
    """Whether a measured sentence (folded) holds a furniture text (folded) glued to its prose: a text
    of three words or more anywhere in it, a shorter one (a tag, a one-word credit such as an
    agency's name) only at its start or end, where furniture glues; elsewhere the same words are
    prose naming that place or outlet."""
    if len(furniture) < 8:
        return False
    if len(furniture.split()) >= 3:
        return f" {furniture} " in f" {sentence} "
    return sentence.startswith(furniture + " ") or sentence.endswith(" " + furniture)


def score_furniture(articles: pd.DataFrame, removed: pd.DataFrame, sentences: pd.DataFrame, truth: Truth) -> pd.DataFrame:
    """Lines the cleaner removed (``removed``: article_id, line, removed, rule) against the labelled
    furniture lines of each article (``articles``: id, text), furniture cut from prose lines against
    the glued furniture, and the share of measured sentences (``sentences``: article_id, text) that are
    furniture."""
    body = dict(zip(articles["id"], articles["text"]))
    rem = removed[~removed["rule"].isin(NOT_FURNITURE_RULES)]
    by_art = {a: g for a, g in rem.groupby("article_id", sort=False)}
    sents = {a: g["text"].tolist() for a, g in sentences.groupby("article_id", sort=False)}
    rows: list[dict] = []
    for aid, lab in truth.articles.items():
        if lab.get("furniture") is None or aid not in body:
            continue
        labelled = {norm_space(x) for x in lab["furniture"]}
        glued = [norm_space(g) for g in lab["glued_furniture"]]
        cuts: dict[int, list[str]] = {}
        g = by_art.get(aid)
        if g is not None:
            for no, txt in zip(g["line"].tolist(), g["removed"].tolist()):
                cuts.setdefault(int(no), []).append(str(txt))
        partial: list[tuple[str, str]] = []
        for no, line in enumerate(body[aid].split("\n"), start=1):
            if not line.strip():
                continue
            is_f = norm_space(line) in labelled
            dropped = no in cuts and line_dropped(line, cuts[no])
            if no in cuts and not dropped and not is_f:   # a cut from a furniture line leaves it kept (a miss above)
                partial += [(c, line) for c in cuts[no]]
            if is_f or dropped:
                res = "tp" if is_f and dropped else ("fn" if is_f else "fp")
                why = {"tp": "", "fn": "kept by the cleaner", "fp": "removed, labelled prose"}[res]
                rows.append(outcome("furniture", "furniture lines removed", aid, res, line.strip()[:200], "", why))
        hit = set()
        for cut, line in partial:
            k = next((i for i, x in enumerate(glued) if norm_space(cut) in x or x in norm_space(cut)), None)
            if k is None:
                rows.append(outcome("furniture", "glued furniture cut", aid, "fp", cut, line.strip()[:300],
                                    "cut from a line labelled prose"))
            elif k not in hit:
                hit.add(k)
                rows.append(outcome("furniture", "glued furniture cut", aid, "tp", glued[k], line.strip()[:300]))
        for k, x in enumerate(glued):
            if k not in hit:
                rows.append(outcome("furniture", "glued furniture cut", aid, "fn", x, context(body[aid], x),
                                    "left in the prose line"))
        folded = [fold(x) for x in labelled] + [fold(x) for x in glued]
        for s in sents.get(aid, []):
            fs = fold(s)
            is_f = len(fs) >= 4 and any(x and (f" {fs} " in f" {x} " or _holds(fs, x)) for x in folded)
            rows.append(outcome("furniture", "measured sentences that are furniture", aid, "yes" if is_f else "no",
                                s[:200], "", "furniture measured as prose" if is_f else ""))
    return frame(rows)


# ----------------------------------------------------------------------------------------------
# sentence boundaries

def _stream(s: str) -> tuple[str, list[int]]:
    """The letters and digits of ``s`` in lower case, and for each line of ``s`` the stream length at its end."""
    out, ends = [], []
    for ch in s:
        if ch == "\n":
            ends.append(len(out))
        elif ch.isalnum():
            lo = ch.lower()
            out.append(lo if len(lo) == 1 else ch)
    ends.append(len(out))
    return "".join(out), ends


def _ends(stream: str, sentences: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, sentence) of each sentence found in ``stream``, searched in order from the last one found."""
    out, cursor = [], 0
    for s in sentences:
        t, _ = _stream(s.replace("\n", " "))
        if not t:
            continue
        at = stream.find(t, cursor)
        if at < 0:
            at = stream.find(t)
        if at < 0:
            continue
        out.append((at, at + len(t), s))
        cursor = at + len(t)
    return out


def score_sentences(articles: pd.DataFrame, sentences: pd.DataFrame, truth: Truth) -> pd.DataFrame:
    """Sentence ends presslens finds (``sentences``: article_id, part, text; titles left out) against
    the labelled sentences, counted where a labelled sentence lies and never at a line's end (every
    splitter gets those right)."""
    body = dict(zip(articles["id"], articles["text"]))
    pred_by = {a: g[g["part"] != "title"]["text"].tolist() for a, g in sentences.groupby("article_id", sort=False)}
    rows: list[dict] = []
    for aid, lab in truth.articles.items():
        if not lab.get("sentences") or aid not in body:
            continue
        stream, line_ends = _stream(body[aid])
        trivial = set(line_ends)
        gold = _ends(stream, lab["sentences"])
        spans = [(a, b) for a, b, _ in gold]
        t_end = {b: s for _, b, s in gold if b not in trivial}
        p_end = {b: s for _, b, s in _ends(stream, pred_by.get(aid, []))
                 if b not in trivial and any(a < b <= z for a, z in spans)}
        for b, s in sorted(t_end.items()):
            if b in p_end:
                rows.append(outcome("sentences", "sentence boundaries", aid, "tp", s[-80:], s))
            else:
                rows.append(outcome("sentences", "sentence boundaries", aid, "fn", s[-80:], s, "sentence end missed"))
        for b, s in sorted(p_end.items()):
            if b not in t_end:
                rows.append(outcome("sentences", "sentence boundaries", aid, "fp", s[-80:], s, "split inside a sentence"))
    return frame(rows)
