"""Which articles the measures can use, and which they must leave out, with the reason.

Real captures carry articles in other languages (declared, or plainly so whatever the front matter
says) and the same page captured twice. Both would be scored wrongly, not just noisily: English
VADER, readability formulas and the framing lexicon mean nothing on French, and a page counted
twice doubles its outlet's weight. :func:`screen` decides, article by article:

- **Language.** py3langid (a maintained fork of langid.py that ships its model) identifies each
  article's cleaned text. An article is *in scope* when it is in the story's language: its declared
  ``language`` is left out when it names another language, and a detection with confidence of at
  least ``CONFIDENT`` (on ``text.LANGID_MIN_WORDS`` words or more) overrides a declaration, so a
  capture mislabelled ``en`` that is plainly French counts as French. A disagreement is a warning.
  Whatever the detector's confidence, an article whose letters are mostly in another script than
  its language's (``en`` declared over Arabic text; see ``text.language.script_mismatch``) is not in
  that language: it counts as the detected language when that fits the script, else as ``und``.
- **Duplicates.** The same URL twice (after normalising scheme, ``www.``, trailing slashes, tracking
  parameters such as ``utm_*``), identical text, or near-identical text (at least ``NEAR`` of one
  article's word 5-grams inside another). Within one outlet, or with the same URL, the shorter
  capture is left out as a duplicate capture. Across outlets, shared text is syndication or copying:
  both articles stay (the reuse analysis is about exactly that) and the pair is reported. A story
  marks a pair as intended in ``story.yaml`` (``intended_duplicates: [[id_a, id_b]]``): no warning,
  nothing left out.

Everything is reported: :attr:`Screening.left_out` names each article left out and why, and
:attr:`Screening.warnings` is what ``presslens check`` prints.
"""
from __future__ import annotations

import dataclasses
import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit
import numpy as np
import pandas as pd

from presslens import words as words_mod
from presslens.story import publishers
from presslens.story.model import Problem, Story
from presslens.text import language
from presslens.text.segment import MAX_SENTENCE_WORDS
from . import keys, store, tables


CONFIDENT = 0.90  # language detections at or above this probability override the declared language
NEAR = 0.80  # share of one article's 5-grams inside another that makes a near-duplicate
SHINGLE = 5
LONG_SENTENCE = 80  # words: longer "sentences" are captures that lost their punctuation (see readability)
LONG_ARTICLE = 50_000  # words: ten long features; an article longer than this (a live blog, a report, a dump) is
# measured in time and memory linear in its length, but minutes of it: check says so, naming the file
STRAY_QUOTE_WORDS = 15  # words inside a quotation mark never closed (and not continued): a stray mark, warned
COMMON_SHINGLE = 50  # 5-grams found in more articles than this are boilerplate, not evidence
TRACKING = re.compile(r"^(?:utm_\w+|fbclid|gclid|dclid|mc_cid|mc_eid|ocid|cmpid|ref|ref_src|src|smid|sh|igshid|_ga)$", re.I)


@dataclass
class Screening:
    languages: pd.DataFrame  # article_id, outlet, declared, detected, confidence, language, in_language, note
    duplicates: pd.DataFrame  # article_a, article_b, outlet_a, outlet_b, kind, detail, action
    left_out: pd.DataFrame  # article_id, outlet, file, reason
    warnings: list[Problem]

    @property
    def kept_ids(self) -> list[str]:
        gone = set(self.left_out["article_id"])
        return [a for a in self.languages["article_id"] if a not in gone]


def primary(code) -> str | None:
    """The primary subtag of a language code, lower-cased ('en-GB' -> 'en'); None for none."""
    if not isinstance(code, str) or not code.strip():
        return None
    return code.strip().split("-")[0].lower()


def normalise_url(url) -> str | None:
    """A URL reduced to what identifies the page: host without ``www.``, path without a trailing
    slash, query without tracking parameters, no scheme or fragment. None for no URL."""
    if not isinstance(url, str) or not url.strip():
        return None
    u = url.strip()
    if "://" not in u:
        u = "http://" + u
    try:
        parts = urlsplit(u)
        host = (parts.hostname or "").lower()
    except ValueError:  # not a well-formed URL (e.g. a stray bracket): compare it as written
        return u.split("://", 1)[1].lower().rstrip("/")
    host = re.sub(r"^(?:www\d?|m|mobile|amp)\.", "", host)
    path = re.sub(r"(?:/index\.html?|/amp)?/*$", "", parts.path) or ""
    query = urlencode(sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                             if not TRACKING.match(k) and not (k in ("amp", "outputType") and v in ("", "1", "amp"))))
    return f"{host}{path}" + (f"?{query}" if query else "")


_MIX = np.uint64(0x100000001B3)  # the FNV-1 prime: a polynomial hash of each window's word hashes, mod 2**64


def _shingles(tokens: list[str]) -> set[int]:
    """The 64-bit hashes of ``tokens``' word 5-grams (one of all the words when there are fewer than 5).

    Each word is hashed once and each window's hash is a polynomial of its words' hashes, computed for
    every window at once (hashing each window's joined text was a third of the screening's time at
    10,000 articles). Word hashes are Python's, so the values differ between processes; only which
    articles share a 5-gram is ever read, within one process, and a 64-bit collision is negligible."""
    if not tokens:
        return set()
    k = min(SHINGLE, len(tokens))
    n = len(tokens) - k + 1
    h = np.fromiter(map(hash, tokens), dtype=np.int64, count=len(tokens)).view(np.uint64)
    acc = np.zeros(n, dtype=np.uint64)
    for j in range(k):
        acc = acc * _MIX + h[j:j + n]  # unsigned arithmetic wraps mod 2**64, as intended
    return set(acc.tolist())


def language_table(story: Story) -> pd.DataFrame:
    """One row per article: declared and detected language, the language used, and whether it is the story's."""
    p = tables.process(story)
    det = p.languages.set_index("article_id")
    want = primary(story.language) or "en"
    rows = []
    for a in story.articles.itertuples(index=False):
        declared = primary(a.language)  # a missing or null language (NaN in the table) is not declared: None
        d = det.loc[a.id] if a.id in det.index else None
        detected = primary(d["detected"]) if d is not None else None  # NaN (too short to tell) is None too
        conf = float(d["confidence"]) if d is not None else 0.0
        confident = detected is not None and conf >= CONFIDENT
        if confident:
            lang, basis = detected, "detected"
        elif declared:
            lang, basis = declared, "declared"
        else:
            lang, basis = (detected, "detected (low confidence)") if detected else (None, "unknown")
        note = ""
        if declared and confident and declared != detected:
            note = f"declared {declared} but the text reads as {detected} (p={conf:.2f})"
        wrong = language.script_mismatch(lang, p.clean_text.get(a.id, "")) if lang else ""
        if wrong:  # the letters are not in the language's script: whatever was declared or guessed, not that
            script = language.dominant_script(p.clean_text.get(a.id, ""))
            fits = detected is not None and detected != lang and language.script_fits(detected, script)
            said = f"declared {declared}" if basis == "declared" else f"taken as {lang} ({basis})"
            note = (f"{said} but {wrong}: " + (f"the text reads as {detected} (p={conf:.2f})" if fits
                                                else f"its language is not identified ({script} script)"))
            lang, basis = (detected if fits else "und"), "script"
        rows.append({"article_id": a.id, "outlet": a.outlet, "declared": declared, "detected": detected,
                     "confidence": round(conf, 3), "language": lang, "basis": basis,
                     "in_language": lang is None or lang == want, "note": note})
    return pd.DataFrame(rows, columns=["article_id", "outlet", "declared", "detected", "confidence", "language",
                                       "basis", "in_language", "note"])


def _words_by_article(tokens: pd.DataFrame) -> dict[str, list[str]]:
    """Each article's tokens in table order (a groupby-apply of ``list``, without a Python call per group
    and an Arrow string read per token: the token table holds millions of rows)."""
    ids = tokens["article_id"].to_numpy(dtype=object)
    words = tokens["token"].tolist()
    out: dict[str, list[str]] = {}
    if len(ids) == 0:
        return out
    cut = np.flatnonzero(ids[1:] != ids[:-1]) + 1  # runs of one article (an article split over runs is joined in order)
    for a, b in zip(np.r_[0, cut].tolist(), np.r_[cut, len(ids)].tolist()):
        out.setdefault(ids[a], []).extend(words[a:b])
    return out


def duplicate_pairs(story: Story) -> pd.DataFrame:
    """Every pair of articles that look like the same page: same URL, identical or near-identical text.

    Near-identical pairs come from an inverted index of word 5-grams (each article's 5-grams are
    looked up once; 5-grams shared by more than ``COMMON_SHINGLE`` articles are ignored), so the cost
    grows with the corpus, not with the number of pairs."""
    p = tables.process(story)
    a = story.articles
    outlet = dict(zip(a["id"], a["outlet"]))
    intended = set(story.intended_duplicates)
    pairs: dict[tuple[str, str], dict] = {}

    def add(x: str, y: str, kind: str, detail: str) -> None:
        key = tuple(sorted((x, y)))
        if key in pairs:
            return
        pairs[key] = {"article_a": key[0], "article_b": key[1], "kind": kind, "detail": detail,
                      "intended": key in intended}

    by_url: dict[str, list[str]] = defaultdict(list)
    for r in a.itertuples(index=False):
        u = normalise_url(r.url)
        if u:
            by_url[u].append(r.id)
    for u, ids in by_url.items():
        for i in range(1, len(ids)):
            add(ids[0], ids[i], "same URL", u)

    toks = _words_by_article(p.tokens[p.tokens["part"] != "title"])
    by_text: dict[str, str] = {}
    sh: dict[str, set[int]] = {}
    for aid in a["id"]:
        words = toks.get(aid, [])
        if not words:
            continue
        digest = hashlib.sha256(" ".join(words).encode()).hexdigest()
        if digest in by_text:
            add(by_text[digest], aid, "identical text", f"{len(words)} words")
            continue
        by_text[digest] = aid
        sh[aid] = _shingles(words)
    index: dict[int, list[str]] = defaultdict(list)
    for aid, s in sh.items():
        for h in s:
            index[h].append(aid)
    for aid, s in sh.items():
        shared: Counter = Counter()
        for h in s:
            owners = index[h]
            if len(owners) > COMMON_SHINGLE:
                continue
            for other in owners:
                if other != aid:
                    shared[other] += 1
        for other, n in shared.items():
            share = n / len(s)
            # report from the shorter side: "most of A is inside B"
            if share >= NEAR and (len(s), aid) <= (len(sh[other]), other):
                add(aid, other, "near-identical text", f"{share:.0%} of {aid}'s 5-grams are in {other}")
    out = pd.DataFrame(pairs.values(), columns=["article_a", "article_b", "kind", "detail", "intended"])
    out.insert(2, "outlet_a", out["article_a"].map(outlet))
    out.insert(3, "outlet_b", out["article_b"].map(outlet))
    return out


_MEMO: dict[str, Screening] = store.in_memory({})




def screen(story: Story) -> Screening:
    """Language and duplicate screening of ``story``: see the module docstring. Memoised per input,
    in memory and on disk (next to the text cache), so the notebooks of one run screen once."""
    key = keys.story_key(story) + keys.code_hash()  # see presslens.engine.keys
    if key in _MEMO:
        return dataclasses.replace(_MEMO[key], warnings=list(story.notices) + _MEMO[key].warnings)
    digest = hashlib.sha256(key.encode()).hexdigest()[:24]
    path = store.cache_dir() / f"screen-{story.slug}-{digest}.pkl"
    result = store.load(path)
    if not isinstance(result, Screening):
        result = _screen(story)
        store.store(path, result)
    _MEMO[key] = result
    return dataclasses.replace(result, warnings=list(story.notices) + result.warnings)


def _screen(story: Story) -> Screening:
    p = tables.process(story)
    a = story.articles
    files = dict(zip(a["id"], a["file"]))
    pub = {i: (o, u, d) for i, o, u, d in zip(a["id"], a["outlet"], a["url"], a["derived_from"])}
    words = dict(zip(p.languages["article_id"], p.languages["n_words"]))
    lang = language_table(story)
    dups = duplicate_pairs(story)
    want = primary(story.language) or "en"
    rel = lambda aid: f"{story.slug}/{files[aid]}"  # noqa: E731
    left: dict[str, str] = {}
    warnings: list[Problem] = []  # load-time notices are added by screen(): they are not in the cache key
    texts = dict(zip(a["id"], a["text"]))
    for aid in a["id"]:  # letters no name, claim or word list matches: said as such, not as a language
        if (styled := language.styled_letters(texts[aid])) is not None:
            warnings.append(Problem(rel(aid), "text", f"is written in {styled} look-alike letters, which no actor name, "
                                    "claim pattern or word list matches, so it would be measured as mentioning nothing",
                                    "replace them with plain letters (Unicode NFKC: python3 -c \"import sys, unicodedata; "
                                    f"print(unicodedata.normalize('NFKC', sys.stdin.read()), end='')\" < {files[aid]} > {files[aid]}.new, "
                                    "then move it over the article)"))
        elif runs := language.wide_latin_runs(texts[aid]):
            shown = ", ".join(runs[:3]) + (f" and {len(runs) - 3} more" if len(runs) > 3 else "")
            warnings.append(Problem(rel(aid), "text", f"holds full-width Latin letters ({shown}), which no actor name, "
                                    "claim pattern or word list matches (Unicode NFKC would fold them to plain letters)",
                                    "replace them with plain letters (retype them, or apply Unicode NFKC to the file)"))
    for r in lang.itertuples(index=False):
        if r.note and language.styled_letters(texts[r.article_id]) is not None:
            pass  # said above: setting a language would not help
        elif r.note:
            code = r.language if isinstance(r.language, str) and r.language != "und" else "CODE (the text's language)"
            warnings.append(Problem(rel(r.article_id), "language", r.note,
                                    f"set language: {code} in its front matter (or fix the capture)"))
        if not r.in_language:
            how = {"detected": f"detected as {r.language} (p={r.confidence:.2f})",
                   "declared": f"declared {r.language}", "script": r.note}.get(
                r.basis, f"no language declared; detected as {r.language} with low confidence (p={r.confidence:.2f})")
            left[r.article_id] = (f"not in the story's language ({want}): {how}; the English-only measures "
                                  f"(tone, readability, framing lexicon, keyness) would score it wrongly")
    actions = []
    for d in dups.itertuples(index=False):
        if d.intended:
            actions.append("kept (intended in story.yaml)")
            continue
        # one publisher's two captures (two publishers' pages on one aggregator, or under its name, are two outlets)
        same_capture = d.kind == "same URL" or publishers.publisher(*pub[d.article_a]) == publishers.publisher(*pub[d.article_b])
        if same_capture:
            # keep the longer capture (more complete); on a tie, the first id
            keep, drop = sorted((d.article_a, d.article_b), key=lambda x: (-words.get(x, 0), x))
            left.setdefault(drop, f"duplicate capture of {files[keep]} ({d.kind}: {d.detail}); the longer capture is kept")
            actions.append(f"left out {drop}")
            warnings.append(Problem(rel(drop), "duplicate", f"{d.kind} as {files[keep]} ({d.detail}): left out of the measures",
                                    "delete one capture, or list the pair under intended_duplicates in story.yaml if both are real articles"))
        else:
            actions.append("kept both (shared text across outlets: see the reuse analysis)")
            warnings.append(Problem(rel(d.article_a), "duplicate",
                                    f"{d.kind} with {files[d.article_b]} ({d.outlet_b}): {d.detail}; both are kept as syndicated or copied text",
                                    "nothing to do if one outlet republished the other; list the pair under intended_duplicates in story.yaml to silence this"))
    dups["action"] = actions
    quality = p.languages.set_index("article_id")
    for aid in a["id"]:
        q = quality.loc[aid]
        n, open_w = int(q["n_words"]), int(q["unclosed_quote_words"])
        if open_w >= STRAY_QUOTE_WORDS:  # narration swallowed by a stray opening mark is measured as a quote
            warnings.append(Problem(rel(aid), "text", f"a quotation mark is opened and never closed: {open_w} of its {n} "
                                    "words count as quoted", "close the quote where it ends in the capture (or remove a stray mark)"))
        if n > LONG_ARTICLE:
            warnings.append(Problem(rel(aid), "text", f"is {n:,} words long (a long feature is 5,000): every measure "
                                    "reads it, so export and the notebooks take minutes more for it",
                                    "if it is a live blog, a report or several pages in one, keep the part about the "
                                    "story or save each part as its own article"))
        long_words = words_mod.long_words(p.clean_text.get(aid, ""))
        if long_words:  # a capture's fault (a run of one letter, base64, a hash): left out of every measure
            what = (f'a "word" of {long_words[0]:,} characters' if len(long_words) == 1 else
                    f'{len(long_words)} "words" of over {words_mod.MAX_WORD} characters (the longest {max(long_words):,})')
            warnings.append(Problem(rel(aid), "text", f"holds {what}: no word is over {words_mod.MAX_WORD} characters, "
                                    "so it is left out of the measures",
                                    "delete the run from the file, or replace it with the text the capture lost"))
        if int(q["longest_sentence"]) > LONG_SENTENCE:
            warnings.append(Problem(rel(aid), "text", f"a sentence of {int(q['longest_sentence'])} words (no sentence end found): "
                                    f"measured in pieces of {MAX_SENTENCE_WORDS} words, and sentences over "
                                    f"{LONG_SENTENCE} words are left out of the readability formulas",
                                    "check the capture kept its punctuation"))
        if aid not in left and (mixed := language.other_script_words(want, texts[aid])) is not None:
            script, k, total = mixed
            warnings.append(Problem(rel(aid), "text", f"{k:,} of its {total:,} words ({k / total:.0%}) are in {script} "
                                    f"script, not the story's language ({want}): the measures for {want} would "
                                    "score that part wrongly", "if two versions of the article are pasted together, "
                                    "keep the one in the story's language (save the other as its own article)"))
    for r in lang.itertuples(index=False):
        n = words.get(r.article_id, 0)
        if not isinstance(r.detected, str) and 0 < n < language.LANGID_MIN_WORDS and r.basis != "script":
            warnings.append(Problem(rel(r.article_id), "language",
                                    f"too short ({n} words) to check its language: measured as "
                                    + (f"declared ({r.declared})" if isinstance(r.declared, str)
                                       else f"the story's language ({want}): it declares none"),
                                    "read it: if it is not in the story's language, set language: in its front matter"))
        if not isinstance(r.language, str) and n >= language.LANGID_MIN_WORDS:
            warnings.append(Problem(rel(r.article_id), "language", "no language declared and none detected with confidence",
                                    "add language: CODE to its front matter"))
    lo = pd.DataFrame([{"article_id": aid, "outlet": a.loc[a["id"] == aid, "outlet"].iat[0], "file": files[aid],
                        "reason": reason} for aid, reason in left.items()],
                      columns=["article_id", "outlet", "file", "reason"])
    order = {aid: i for i, aid in enumerate(a["id"])}
    lo = lo.sort_values("article_id", key=lambda s: s.map(order)).reset_index(drop=True)
    return Screening(lang, dups, lo, warnings)


def analysed(story: Story) -> tuple[Story, pd.DataFrame]:
    """(the story restricted to the articles the measures use, the table of those left out and why)."""
    s = screen(story)
    return story.select(s.kept_ids), s.left_out
