"""The actor resolver: which actor a name in the text refers to (canonical names, aliases,
renderings; exact case where a form is also an ordinary word; CJK forms), one compiled pattern
per story. Naming, tone per actor and quote speakers all use it.
"""
from __future__ import annotations

import re

from presslens.story.model import Actor, Story
from .vocabulary import ordinary_words


# CJK letters: Han (with extensions), kana and Hangul; not CJK punctuation such as 「」 or 。
CJK_CLASS = ("\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u1100-\u11ff\u3130-\u318f"
              "\uac00-\ud7af\U00020000-\U0002ffff")
CJK = re.compile(f"[{CJK_CLASS}]+")
APOSTROPHES = "'’ʼ"
HYPHENS = "-‐‑–"
LETTER = re.compile(r"[^\W\d_]", re.UNICODE)


def _is_cjk(ch: str) -> bool:
    return ord(ch) >= 0x2E80


# ----------------------------------------------------------------------------------------------
# the resolver


_RX_MEMO: dict[tuple, tuple] = {}


def actor_regex(actors: list[Actor]) -> tuple[re.Pattern, list[tuple[str, str]]]:
    """:func:`_actor_regex`, built once per set of actors' forms (every quote's speaker is resolved
    with it). Keyed by what the pattern is built from, every (actor, form), read afresh on each call:
    a list changed in place, or an actor given a new alias, builds a new pattern."""
    key = tuple((a.name, f) for a in actors for f in a.forms)
    got = _RX_MEMO.get(key)
    if got is None:
        if len(_RX_MEMO) > 64:
            _RX_MEMO.clear()
        got = _RX_MEMO[key] = _actor_regex(actors)
    return got[0], list(got[1])


def _actor_regex(actors: list[Actor]) -> tuple[re.Pattern, list[tuple[str, str]]]:
    """One case-insensitive pattern matching every form of every actor, and the (actor, form) of
    each of its groups (group i+1 is entry i).

    Forms are tried longest first, so at any position the longest form wins ("ChatGPT-maker" is
    OpenAI, not ChatGPT; "Azure OpenAI Service" is not an OpenAI mention). A form that begins or
    ends with a letter or digit only matches at a word boundary, so "GPT" never matches inside
    "ChatGPT" and "Lark" not inside "Larkin"; CJK forms match anywhere (Chinese has no spaces).
    Spaces inside a form match any run of white space, and any apostrophe or hyphen any other.
    Case is ignored except for forms where it tells a name from a word (:func:`exact_case`): "Apple"
    is not "an apple a day", "AI" is not "ai", "Meta" is not "meta-analysis".
    """
    entries: list[tuple[str, str]] = []
    for a in actors:
        for f in a.forms:
            if f.strip():
                entries.append((a.name, f.strip()))
    entries.sort(key=lambda e: (-len(e[1]), e[1].casefold()))

    def word_start(form: str) -> bool:
        return bool(re.match(r"\w", form[0])) and not _is_cjk(form[0])

    def word(w: str) -> str:
        out = []
        for ch in w:  # any apostrophe or hyphen stands for any other: O'Brien is O’Brien
            out.append(f"[{APOSTROPHES}]" if ch in APOSTROPHES else f"[{HYPHENS}]" if ch in HYPHENS else re.escape(ch))
        return "".join(out)

    def body(form: str) -> str:
        right = r"(?!\w)" if re.match(r"\w", form[-1]) and not _is_cjk(form[-1]) else ""
        inner = r"\s+".join(word(w) for w in form.split())
        if exact_case(form):
            inner = f"(?-i:{inner})"
        return "(" + inner + ")" + right

    if not entries:
        return re.compile(r"(?!x)x"), []
    # Forms that start with a word character must start a word: the lookbehind is checked once, up
    # front, for all of them (so most positions inside words fail at once), and the other forms
    # (CJK, punctuation) follow. A word-start form and another can never match at the same position
    # (their first characters differ in kind), so this keeps "longest form wins" and is ten times
    # faster on a long story than one lookbehind per alternative.
    entries = [e for e in entries if word_start(e[1])] + [e for e in entries if not word_start(e[1])]
    words = "|".join(body(f) for _, f in entries if word_start(f))
    other = "|".join(body(f) for _, f in entries if not word_start(f))
    first = "".join(sorted({re.escape(f[0]) for _, f in entries}))
    pattern = "|".join(x for x in ((f"(?<!\\w)(?:{words})" if words else ""), other) if x)
    return re.compile(f"(?=[{first}])(?:{pattern})", re.IGNORECASE), entries


def exact_case(form: str) -> bool:
    """True for a form matched with its own case: one word that is an ordinary English word (CMU
    dictionary: Apple, Lark, Meta), three letters or fewer (AI, X), or all capitals (GPT, SCMP).
    Multi-word names and CJK forms ignore case."""
    f = form.strip()
    if len(f.split()) != 1 or CJK.search(f):
        return False
    letters = "".join(ch for ch in f if ch.isalpha())
    return (len(letters) <= 3 or (letters.isupper() and len(letters) > 1)
            or f.lower().strip(".!?") in ordinary_words())


def form_key(form: str) -> str:
    f = " ".join(form.split()).casefold()
    for ch in APOSTROPHES[1:]:
        f = f.replace(ch, "'")
    for ch in HYPHENS[1:]:
        f = f.replace(ch, "-")
    return f


def form_kinds(story: Story) -> dict[tuple[str, str], str]:
    """(actor, form) -> 'name', 'alias' or 'rendering: KIND' (e.g. 'rendering: calque')."""
    out: dict[tuple[str, str], str] = {}
    for a in story.actors:
        for r in a.renderings:
            out.setdefault((a.name, r["form"].strip()), f"rendering: {r.get('kind') or 'other'}")
        for f in a.aliases:
            out[(a.name, f.strip())] = "alias"
        out[(a.name, a.name.strip())] = "name"
    return out


def resolve(story: Story, name: str) -> str | None:
    """The actor a name form refers to (case and spacing ignored), or None: ``resolve(st, "Duobao")``
    is 'Doubao' when story.yaml lists Duobao as a rendering of Doubao."""
    want = form_key(name)
    for a in story.actors:
        if any(form_key(f) == want for f in a.forms):
            return a.name
    return None
