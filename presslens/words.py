"""Counting words in any script: a word is a run of letters between spaces, except in Chinese and
Japanese, written without spaces, where each character (han, hiragana, katakana) counts as one.

Counting by spaces alone makes a Chinese article of 3,600 characters 120 "words" (one per clause);
every threshold that counts words (the importer's "too short to be an article", the furniture rules'
line shapes, prose or not) would then be wrong for it. Korean, written with spaces, counts by words.

Layer 0: no presslens imports.
"""
from __future__ import annotations

import re

# CJK unified ideographs (+ extension A, compatibility), hiragana, katakana (+ halfwidth), the iteration mark
CJK_CHARS = "\u3005\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f"
CJK = re.compile(f"[{CJK_CHARS}]")
# one token: a CJK character alone, or a run of other letters and digits (inner ' ’ . - kept: don't, U.S., co-op)
WORD = re.compile(f"[{CJK_CHARS}]|[^\\W_{CJK_CHARS}]+(?:['’.\\-][^\\W_{CJK_CHARS}]+)*")
LETTER = re.compile(r"[^\W\d_]")
CJK_SHARE = 0.3       # above this share of CJK among the letters, a text is Chinese or Japanese
# characters: no word is longer (the longest dictionary words have 45 letters; a URL slug of the evaluation
# stories' hyphenated headlines, 190). A longer token is a capture's fault (a run of one letter, an
# inline image's base64, a hash): it is not a word, and a measure that reads it letter by letter would
# take minutes (a 30,000-letter "word" cost the rare-word signal 30,000 dictionary look-ups of 15,000
# letters each). ``text.segment.tokenize`` leaves it out; ``presslens check`` names the file.
MAX_WORD = 300
_LONG_RUN = re.compile(r"\S{%d,}" % (MAX_WORD + 1))


def count(text: str) -> int:
    """Words of ``text`` as a reader counts them: what stands between spaces, except that a stretch
    holding Chinese or Japanese characters counts each of them (and each run of other letters in it)."""
    return sum(len(WORD.findall(chunk)) if CJK.search(chunk) else 1 for chunk in (text or "").split())


def reading_words(text: str) -> int:
    """Words as a reader of the line would count them, for rules about a line's length (a menu, a
    caption, a headline): a stretch of Chinese or Japanese counts one word per two characters (a word
    there is mostly one or two characters: 首页 "home", 头条 "headlines", 市长 "mayor"), so that
    ``首页 > 头条`` is two words, as ``Home > Headlines`` is. Other text counts by :data:`WORD`."""
    n = 0
    for run in re.findall(f"[{CJK_CHARS}]+|[^{CJK_CHARS}]+", text or ""):
        n += -(-len(run) // 2) if CJK.match(run) else len(WORD.findall(run))
    return n


def long_words(text: str) -> list[int]:
    """The lengths of the tokens of ``text`` (:data:`WORD`) longer than :data:`MAX_WORD` characters:
    not words (see there). Linear in the text; a text with no such run of non-spaces is not scanned."""
    if not text or not _LONG_RUN.search(text):
        return []
    return [n for n in (len(m) for m in WORD.findall(text)) if n > MAX_WORD]


def without_long_words(text: str) -> str:
    """``text`` without its runs of non-spaces longer than :data:`MAX_WORD` characters (for a model or
    library that reads a text whole, whose cost grows with its longest word); ``text`` itself when it has none."""
    return _LONG_RUN.sub("", text) if text and _LONG_RUN.search(text) else text


def is_cjk(text: str) -> bool:
    """Whether ``text`` is written mostly in Chinese or Japanese characters (counted one per word)."""
    if not text or not CJK.search(text):  # no such character at all: never (and no need to count letters)
        return False
    letters = len(LETTER.findall(text))
    return bool(letters) and len(CJK.findall(text)) > CJK_SHARE * letters


def describe(text: str) -> str:
    """``812 words``, or for a Chinese or Japanese text ``3600 words (Chinese/Japanese: each character
    counted as a word)``, so that a count is never read as words where it counts characters."""
    n = count(text)
    return f"{n} words" + (" (Chinese/Japanese: each character counted as a word)" if is_cjk(text) else "")
