"""Captures that are not the article: a paywalled teaser, and a page's HTML source pasted as text.

Both pass every field check and would be measured quietly wrong, so the gate and ``presslens import``
look at the text's shape, as a reader would:

- :func:`paywall_prompt`: a short text (at most :data:`TEASER_WORDS` words before the prompt) whose
  last lines ask the reader to subscribe, sign in or pay to continue ("Subscribe to continue reading",
  "Already a subscriber? Log in", "Réservé aux abonnés", "Jetzt abonnieren", "Para seguir leyendo",
  "続きを読むには"...): the page stops at a paywall, so what the article "leaves out" is unknown. The
  prompt must stand at the end: the same words in a long article (a newsletter box, a footer) do not
  make it a teaser.
- :func:`markup`: a text most of which is HTML markup (tags, attributes, scripts and styles): the
  page's source, pasted where its text should be.

Pure functions of strings (layer 1, so that `presslens import` uses them too); no presslens imports but
:mod:`presslens.words` and the prompts list of :mod:`presslens.data` (``prompts.yaml``).
"""
from __future__ import annotations

import functools
import re

from presslens import words
from presslens.data import reader_prompts

TEASER_WORDS = 250  # a text this short that ends at a subscription prompt is a teaser, not the article
TAIL_CHARS = 400  # the prompt must be within this many characters of the end
# the paywall prompts of presslens/data/prompts.yaml (ten languages), the one list of reader prompts
# that the furniture rule paywall-prompt and the cta-tail rule read too
PROMPT = re.compile("|".join(reader_prompts()["paywall"]), re.IGNORECASE | re.DOTALL)

TAG = re.compile(r"<(?:!doctype|!--|/?[A-Za-z][A-Za-z0-9:-]*)(?:\s[^<>]{0,2000})?/?>", re.IGNORECASE)
SCRIPT = re.compile(r"<(script|style)\b[^>]{0,2000}>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
MARKUP_SHARE = 0.3  # above this share of the text's characters in markup (with MIN_TAGS tags), it is the source
MIN_TAGS = 10


def paywall_prompt(text: str) -> str | None:
    """The subscription prompt a short text ends with (see the module docstring), else None."""
    if not isinstance(text, str) or not text.strip():
        return None
    return _paywall_prompt(text)


@functools.lru_cache(maxsize=65536)  # the gate, the omission tables and the profiles ask of each text in turn
def _paywall_prompt(text: str) -> str | None:
    body = text.rstrip()
    tail_start = max(0, len(body) - TAIL_CHARS)
    # the prompt starts at or after tail_start, so everything before tail_start precedes it: more
    # chunks between spaces there than TEASER_WORDS (each chunk is at least one word of words.count)
    # and the text is no teaser; this skips the prompts' search on nearly every article
    if len(body[:tail_start].split()) > TEASER_WORDS:
        return None
    m = PROMPT.search(body, tail_start)
    if m is None:
        return None
    before = body[:m.start()]
    if words.count(before) > TEASER_WORDS:
        return None
    line_start = body.rfind("\n", 0, m.start()) + 1
    line_end = body.find("\n", m.end())
    return body[line_start:line_end if line_end >= 0 else len(body)].strip()[:160]


def markup(text: str) -> tuple[float, list[str]] | None:
    """``(share of the text's characters in markup, the first tags)`` when the text is mostly HTML
    markup (at least :data:`MIN_TAGS` tags and :data:`MARKUP_SHARE` of its characters), else None."""
    if not isinstance(text, str) or "<" not in text:
        return None
    tags = TAG.findall(text)
    if len(tags) < MIN_TAGS:
        return None
    chars = len(re.sub(r"\s+", "", text)) or 1
    inside = sum(len(re.sub(r"\s+", "", s.group(0))) for s in SCRIPT.finditer(text))
    inside += sum(len(re.sub(r"\s+", "", t)) for t in TAG.findall(SCRIPT.sub(" ", text)))
    share = min(1.0, inside / chars)
    if share < MARKUP_SHARE:
        return None
    shown = []
    for t in tags:
        name = re.match(r"<[!/]?[^\s>]*", t).group(0) + ">"
        if name not in shown:
            shown.append(name)
    return share, shown[:4]


def cut_short(articles) -> dict[str, list[str]]:
    """``{outlet: [file, ...]}`` for the outlets every article of which (in ``articles``: rows with
    ``outlet``, ``file`` and ``text``, e.g. ``story.articles``) ends at a paywall: what such an outlet
    "leaves out" is unknown. An outlet with one complete article is not listed."""
    seen: dict[str, list[str]] = {}
    full: set[str] = set()
    for a in articles.itertuples(index=False):
        if paywall_prompt(a.text):
            seen.setdefault(a.outlet, []).append(str(a.file))
        else:
            full.add(a.outlet)
    return {o: files for o, files in seen.items() if o not in full}


def cut_short_note(cut: dict[str, list[str]]) -> str | None:
    """The line an omission table carries when it leaves outlets out (:func:`cut_short`), else None."""
    if not cut:
        return None
    names = "; ".join(f"{o} ({', '.join(files[:3])}{' ...' if len(files) > 3 else ''})" for o, files in cut.items())
    return (f"Not counted as leaving anything out: {names}: the text stops at a paywall, so what it leaves out is "
            "unknown (presslens check names the files; save the full pages and import them again).")


_FIELD_LINE = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*):(?:\s|$)")


def second_front_matter(body: str, fields) -> int | None:
    """The line of ``body`` (1-based) where a second front-matter block opens: a line holding only
    ``---``, then only ``key: value`` lines (at least two of them article ``fields``, e.g. outlet and
    url), then another ``---`` line, as when two captures are pasted into one file. Else None; a
    rule (``---``) around ordinary prose is no front matter."""
    lines = body.split("\n")
    for i, line in enumerate(lines):
        if line.strip() != "---":
            continue
        keys = set()
        for later in lines[i + 1:]:
            if later.strip() == "---":
                break
            if (m := _FIELD_LINE.match(later)) is None and later.strip() and not later.startswith((" ", "-")):
                keys = set()
                break
            if m:
                keys.add(m.group(1))
        else:
            continue
        if len(keys & set(fields)) >= 2:
            return i + 1
    return None
