"""The main text of a saved page: what trafilatura's extraction loses, put back, and a warning when
the text is not the article.

- **link text**: trafilatura's ``favor_precision`` mode drops inline links with their words ("especially
  high for ." where the page says "especially high for <a>Jane Roe</a>."); :mod:`.page` uses its
  balanced mode, which keeps them (page furniture is the cleaner's job, rule by rule).
- **drop caps**: a first letter set in its own element (``<span class="dropcap">T</span><p>urkey,
  Poland...``) is joined back to its word before extraction (:func:`rejoin_drop_caps`), and a line that
  starts with a lone capital and the rest of its word ("T urkey, Poland") after it
  (:func:`rejoin_split_letter`).
- **short text**: the JSON-LD ``articleBody`` is the page's own copy of the article's text. When the
  extracted text has under half its words (a column reduced to the caption of its photo), the
  ``articleBody`` is taken instead and the import says so; without an ``articleBody``, a text that looks
  like a photo caption (one or two lines, ending with a credit) is imported with a warning.
"""
from __future__ import annotations

import json
import re

from presslens import words

SHORTER = 0.5          # extracted words below this share of the page's articleBody: not the whole article
MIN_BODY = 50          # an articleBody shorter than this is a summary, never taken for the text
CREDIT_END = re.compile(r"(?:\b(?:Photo|Picture|Image|Credit|Foto|Photograph)s?\s*(?:by)?\s*:?\s*[^.!?]{0,60}"
                        r"|\b(?:Getty Images|AFP|AP|Reuters|EPA|Shutterstock|Bloomberg)\)?)\s*$", re.I)
SPLIT_LETTER = re.compile(r"^([B-HJ-NP-Z]) ([a-z]{2,})\b", re.M)
LETTER_ONLY = re.compile(r"^[^\W\d_]$")


def rejoin_drop_caps(tree) -> int:
    """Join a drop cap (an element holding one capital letter, before its word's rest in lower case) to
    the word, in place; returns how many were joined."""
    joined = 0
    for el in list(tree.iter("span", "div", "p", "b", "strong", "big", "font", "em")):
        text = (el.text or "").strip()
        if len(el) or not LETTER_ONLY.match(text) or not text.isupper():
            continue
        tail = el.tail or ""
        parent = el.getparent()
        if parent is None:
            continue
        if tail.strip():                          # <p><span>T</span>urkey ...: the rest follows as text
            if not tail[0].islower():
                continue
            el.tail = text + tail
        else:                                     # <span>T</span><p>urkey ...: the rest opens the next element
            nxt = el.getnext()
            first = nxt
            while first is not None and not (first.text or "").strip() and len(first):
                first = first[0]
            if first is None or not (first.text or "")[:1].islower():
                continue
            first.text = text + first.text
        el.text = ""
        el.drop_tag()
        joined += 1
    return joined


def rejoin_split_letter(text: str) -> str:
    """"T urkey, Poland" -> "Turkey, Poland" at the start of a line (never "A", "I" or "O", words of
    their own)."""
    return SPLIT_LETTER.sub(lambda m: m.group(1) + m.group(2), text)


def ld_items(tree) -> list[dict]:
    """Every JSON-LD object of the page (nested ones and @graph members too), in page order."""
    out = []
    for el in tree.iter("script"):
        if (el.get("type") or "").strip().lower() != "application/ld+json" or not el.text:
            continue
        try:
            data = json.loads(re.sub(r"^\s*(<!--|<!\[CDATA\[)|(-->|\]\]>)\s*$", "", el.text.strip()))
        except (ValueError, RecursionError):  # RecursionError: JSON nested past Python's stack: no JSON-LD
            continue
        stack = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack[:0] = item
            elif isinstance(item, dict):
                out.append(item)
                stack.extend(v for v in item.values() if isinstance(v, (list, dict)))
    return out


def article_body(tree) -> str | None:
    """The JSON-LD ``articleBody`` of the page (the longest one), or None."""
    bodies = [b for item in ld_items(tree) if isinstance(b := item.get("articleBody"), str)]
    return max(bodies, key=words.count, default=None)


def publisher_name(ld: dict, items: list[dict]) -> str | None:
    """The name of the article's JSON-LD ``publisher``, following an ``@id`` reference to the object
    that carries the name (``"publisher": {"@id": "https://site/#publisher"}``)."""
    pub = ld.get("publisher")
    pub = pub[0] if isinstance(pub, list) and pub else pub
    if isinstance(pub, str):
        return pub
    if not isinstance(pub, dict):
        return None
    if isinstance(pub.get("name"), str) and pub["name"].strip():
        return pub["name"]
    ref = pub.get("@id")
    for item in items:
        if ref and item.get("@id") == ref and isinstance(item.get("name"), str) and item["name"].strip():
            return item["name"]
    return None


def check_length(text: str, tree) -> tuple[str, list[str]]:
    """(the text to import, warnings): the page's ``articleBody`` when the extracted text has under
    :data:`SHORTER` of its words, else ``text``, with a warning when it looks like a photo caption."""
    n_words = words.count(text)
    body = article_body(tree)
    body_words = words.count(body) if body else 0
    if body_words >= MIN_BODY and n_words < SHORTER * body_words:
        lines = [" ".join(l.split()) for l in body.replace("\r", "\n").split("\n") if l.strip()]
        return "\n".join(lines), [f"the visible text extracted was {n_words} words, under half the {body_words} words "
                                  "of the page's own article text (JSON-LD articleBody), which is imported instead: "
                                  "check its paragraphs (articleBody often runs them together)"]
    lines = [l for l in text.split("\n") if words.count(l) >= 5]      # menus' one-word lines aside
    if len(lines) <= 2 and n_words < 80 and CREDIT_END.search(lines[-1] if lines else ""):
        return text, [f"the text ({n_words} words) looks like a photo caption, not the article: check the page "
                      "shows the article, or paste its text into the article file"]
    return text, []
