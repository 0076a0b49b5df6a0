"""Repetition within and across pages: the shared measures of a line (words, paragraph, prose guard,
shape with digits folded) and the cross-page template detection (:func:`template_keys`) that
:mod:`presslens.text.shape` uses for ``template-line``. Split from :mod:`.shape`, which re-exports
every public name here.
"""
from __future__ import annotations

import functools
import re
from urllib.parse import urlparse

from tld import get_fld

from presslens import words

from .furniture import PROSE_GUARD
from .segment import TOKEN

# the shape rules ask each line's words, paragraph and guard many times over (a line's measures are
# pure functions of its text): the last lines' answers are kept (issue 20)
LINE_MEMO = 4096

SENT_END = re.compile(r"[.!?…。！？．][\"”’')\]」』）》】]*\s*$")
# a full stop of Chinese or Japanese ends a sentence with no space after it ("...した。次に...")
ANY_END = re.compile(r"[.!?…][\"”’')\]」』）》】]*(?:\s|$)|[。！？．][\"”’')\]」』）》】]*")
SINGLE_QUOTED = re.compile(r"^\s*[‘'].*[’']\s*$")


@functools.lru_cache(maxsize=LINE_MEMO)
def n_words(line: str) -> int:
    """Words of a line for the shape rules: a reader's count, two Chinese or Japanese characters a word
    (:func:`presslens.words.reading_words`); in other scripts the tokens (:data:`segment.TOKEN`)."""
    return words.reading_words(line) if words.CJK.search(line) else len(TOKEN.findall(line))


@functools.lru_cache(maxsize=LINE_MEMO)
def is_paragraph(line: str) -> bool:
    """A paragraph of prose: eight words or more and a sentence end (as :func:`segment.is_prose`)."""
    return n_words(line) >= 8 and bool(ANY_END.search(line))


# the quotation marks of Chinese and Japanese: a line holding one quotes someone, as “...” does
CJK_QUOTE = re.compile("[「」『』]")


@functools.lru_cache(maxsize=LINE_MEMO)
def guarded(line: str) -> bool:
    """The prose guard: a quotation mark (Chinese and Japanese corner brackets too) or a reporting verb
    (or a line in single quotation marks)."""
    return bool(PROSE_GUARD.search(line) or SINGLE_QUOTED.match(line) or CJK_QUOTE.search(line))


# the words of a date that change from page to page of one template ("Updated: May 3, 2024 Friday")
DATE_NAMES = re.compile(r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
                        r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs|rsday)?|"
                        r"fri(?:day)?|sat(?:urday)?|sun(?:day)?)\b\.?")


def line_key(line: str) -> str:
    """A line's shape: case folded, every run of digits folded to one 0 ("4388 views" and "12 views" are
    one shape), month and weekday names folded to "<d>", runs of white space as one."""
    key = re.sub(r"\d+", "0", " ".join(line.split()).casefold())
    return DATE_NAMES.sub("<d>", key) if re.search(r"0", key) else key


def site_of(url, outlet) -> str:
    """The site an article comes from: its URL's registered domain under the public-suffix list (the
    pages of "news.harbour.example" and "sport.harbour.example" share one template; a blog's own
    "x.blogspot.com" is a site of its own), else its host without ``www.``, else its outlet."""
    if isinstance(url, str) and "//" in url:
        host = (urlparse(url).hostname or "").lower()
        if host:
            return get_fld(host, fail_silently=True, fix_protocol=True) or (host[4:] if host.startswith("www.") else host)
    return str(outlet or "")


@functools.lru_cache(maxsize=LINE_MEMO)
def copy_key(line: str) -> str:
    return re.sub(r"[\W_]+", " ", line.casefold()).strip()


def template_keys(docs: list[tuple[str, str, str]], max_words: int = 25) -> dict[str, frozenset[str]]:
    """Cross-page template detection over one story's articles, ``docs`` = (article id, site, text).

    A candidate is a line that is not a paragraph of prose, has at most ``max_words`` words and no
    prose guard; its shape (:func:`line_key`) is template when it occurs in two articles of the same
    site, or in articles of three sites, that share no paragraph of prose with each other (copies of
    one article share their headline and subheads, which are prose). Returns, for each article, the
    template shapes it holds."""
    prose: dict[str, set[str]] = {}
    cands: dict[str, dict[str, set[str]]] = {}  # shape -> site -> articles
    for aid, site, text in docs:
        ps: set[str] = set()
        for line in text.split("\n"):
            s = line.strip()
            if not s:
                continue
            if is_paragraph(s):
                ps.add(copy_key(s))
            elif n_words(s) <= max_words and not guarded(s):
                cands.setdefault(line_key(s), {}).setdefault(site, set()).add(aid)
        prose[aid] = ps
    owner: dict[str, list[str]] = {}
    for aid, ps in prose.items():
        for p in ps:
            owner.setdefault(p, []).append(aid)
    related: dict[str, set[str]] = {aid: set() for aid in prose}
    for arts in owner.values():
        if 1 < len(arts) <= 50:
            for a in arts:
                related[a].update(arts)
    out: dict[str, set[str]] = {}
    for key, by_site in cands.items():
        if not any(ch.isalnum() for ch in key):
            continue

        def apart(arts: list[str]) -> list[str]:
            picked: list[str] = []
            for a in sorted(arts):
                if not any(b in related[a] for b in picked):
                    picked.append(a)
            return picked

        hits: set[str] = set()
        for arts in by_site.values():
            if len(apart(list(arts))) >= 2:
                hits.update(arts)
        sites_apart = apart([sorted(a)[0] for a in by_site.values()])
        if len(sites_apart) >= 3 and n_words(key) <= 6:
            hits.update(a for arts in by_site.values() for a in arts)
        for a in hits:
            out.setdefault(a, set()).add(key)
    return {a: frozenset(k) for a, k in out.items()}


# a speaker's label in a transcript: a name (or "Man", "Reporter") and a colon, a bullet before it perhaps
SPEAKER_LABEL = re.compile(r"^(?:[-–—•*·]\s*)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s*:$")


def speaker_labels(lines: list[str], idx: list[int]) -> bool:
    """The copies ``idx`` of a line are a transcript's speaker label ("• Ana Lund:"), each over the paragraph
    its speaker says: a name printed again is the transcript's, not a widget's."""
    def over_paragraph(i: int) -> bool:
        nxt = next((s for s in lines[i + 1:] if s.strip()), "")
        return is_paragraph(nxt.strip())
    return bool(SPEAKER_LABEL.match(lines[idx[0]].strip())) and all(over_paragraph(i) for i in idx)
