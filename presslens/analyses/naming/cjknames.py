"""Names written in Chinese characters inside running Chinese text: renderings of the story's actors
that discovery's candidates miss, because Chinese is written without spaces (a candidate run of
characters is a whole clause, never the name alone).

Three rules, each what a reader of both scripts uses to pair a name with its rendering:

- ``romanisation`` - a stretch of two to eight characters (never the first part of a longer dictionary word:
  :func:`word_goes_on`) whose pinyin (or Wade-Giles), syllable by
  syllable as pypinyin reads them in their clause, is a known Latin form of five letters or more
  (王小明 in "...主席王小明发来贺电" for "Wang Xiaoming"); a number written in characters before 号 ("number")
  is the craft's or edition's number (神舟十八号 for "Shenzhou-18");
- ``dictionary`` - a stretch that is a CC-CEDICT headword glossed as a known form (字节跳动 in
  "据报道字节跳动公司宣布" for "ByteDance");
- ``bracket pair`` - the name just before a known Latin form in brackets, as Chinese text glosses a
  foreign name on first mention (奥卡福(Lina Okafor), 棋类联合会(ICU)), or a known form
  followed by characters alone in brackets ("Lina Okafor (奥卡福)"). Where the name starts is read from a
  dictionary (CC-CEDICT's headwords, longest match first): the last word when the dictionary glosses it
  as the bracket's name (总统拜登(Biden): 拜登); else a transliterated foreign name is a run of
  characters that no dictionary word spans (總幹事 | 奥卡福: the title is a word, the name is not); a
  clause with no such run at its end is taken whole when it is a short one (eight characters at most:
  棋类联合会 after a comma).

:func:`cjk_names` returns discovery's proposal dicts (candidate, actor, rule, known_form, evidence) with
where each was seen.
"""
from __future__ import annotations

import re

from presslens.story.model import Story
from .romanise import letters, pinyin, wade_giles

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HAN_RUN = re.compile(f"[{HAN}]{{2,}}")
# a Han run, then a Latin gloss in ASCII or full-width brackets: 奥卡福(Lina Okafor)
BEFORE_BRACKET = re.compile(f"([{HAN}]{{2,}})\\s?[(（]\\s*([A-Za-z][^()（）{HAN}]{{1,60}}?)\\s*[)）]")
# a Latin name, then characters alone in brackets: Lina Okafor (奥卡福)
AFTER_NAME = re.compile(f"([A-Z][\\w'’.-]*(?:\\s+[A-Z][\\w'’.-]*){{0,5}})\\s?[(（]\\s*([{HAN}]{{2,8}})\\s*[)）]")
MIN_LETTERS = 5  # a known form shorter than this ("Xi", "Li") matches too many stretches of text
MAX_CHARS = 8
DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def numeral(chars: str) -> int | None:
    """A number of one or two digits written in characters (六 6, 十八 18, 二十一 21), else None."""
    if not chars:
        return None
    if "十" not in chars:
        return DIGITS.get(chars) if len(chars) == 1 else None
    head, _, tail = chars.partition("十")
    if len(head) > 1 or len(tail) > 1 or (head and head not in DIGITS) or (tail and tail not in DIGITS):
        return None
    return (DIGITS[head] if head else 1) * 10 + (DIGITS[tail] if tail else 0)


def _stretches(run: str, syllables: tuple, prefixes: frozenset):
    """(i, j, letters) for every stretch run[i:j] of two characters or more whose syllables, joined, begin a
    known form's letters (``prefixes``: it walks on from i only while they do), and every stretch ending in
    a number + 号 with the number in digits (神舟十八号 -> 'shenzhou18')."""
    n = len(run)
    for i in range(n):
        acc = ""
        for j in range(i + 1, min(n, i + MAX_CHARS) + 1):
            acc += syllables[j - 1]
            if acc not in prefixes:
                break
            if j - i >= 2:
                yield i, j, acc
    for h in (h for h, ch in enumerate(run) if ch == "号"):
        for k in range(h - 1, max(0, h - 3), -1):
            num = numeral(run[k:h])
            if num is None:
                continue
            for i in range(k - 1, max(-1, h - MAX_CHARS), -1):
                yield i, h + 1, "".join(syllables[i:k]) + str(num)


def name_at_end(run: str, gloss: str = "") -> str | None:
    """The name a Han run ends with (see the module docstring): the last dictionary word when the dictionary
    glosses it as ``gloss`` (总统拜登 before "(Biden)": 拜登), else the characters after the last dictionary
    word when two or more, else the whole run when it is short."""
    from .variants import dictionary_words, glosses

    words = dictionary_words()
    tokens, i = [], 0
    while i < len(run):
        j = next((j for j in range(min(len(run), i + MAX_CHARS), i + 1, -1) if run[i:j] in words), i + 1)
        tokens.append(run[i:j])
        i = j
    if gloss and len(tokens[-1]) > 1 and letters(gloss) in {letters(g) for g in glosses(tokens[-1])}:
        return tokens[-1]
    tail = ""
    for t in reversed(tokens):
        if len(t) > 1:
            break
        tail = t + tail
    if len(tail) >= 2:
        return tail[-MAX_CHARS:] if len(tail) <= MAX_CHARS else None
    return run if len(run) <= MAX_CHARS else None


def word_goes_on(run: str, i: int, j: int, words: frozenset[str]) -> bool:
    """A dictionary word (``words``: every CC-CEDICT headword, :func:`.variants.dictionary_words`) starts where
    run[i:j] starts and runs past its end: the stretch is the first part of a longer word (大学 of 大学生,
    "university" of "university student"), not a name standing on its own, as "Harbour" is none in "Harbour
    Council"."""
    return any(run[i:k] in words for k in range(j + 1, min(len(run), i + MAX_CHARS) + 1))


def cjk_names(story: Story, sentences, known: list, taken: set[str]) -> list[dict]:
    """Proposals (candidate, actor, rule, known_form, evidence, where: [(article_id, outlet, sent_id, text)])
    of the rules above over every sentence holding Chinese characters; ``known``: variants.Known rows;
    ``taken``: candidates already proposed or known (their :func:`letters`)."""
    by_letters: dict[str, list] = {}
    for k in known:
        if not HAN_RUN.search(k.form) and len(letters(k.form)) >= MIN_LETTERS:
            by_letters.setdefault(letters(k.form), []).append(k)
    prefixes = frozenset(w[:n] for w in by_letters for n in range(1, len(w) + 1))
    by_any: dict[str, list] = {}
    for k in known:
        by_any.setdefault(letters(k.form), []).append(k)
    found: dict[tuple[str, str], dict] = {}
    from .variants import dictionary_words, glosses

    words = dictionary_words()
    every_word = dictionary_words(glossed=False)  # 大学生, glossed at length, too

    def add(cand: str, k, rule: str, evidence: str, where: tuple) -> None:
        if cand in taken or letters(cand) in taken:
            return
        hit = found.setdefault((cand, k.actor), {"candidate": cand, "actor": k.actor, "rule": rule,
                                                 "known_form": k.form, "evidence": evidence, "where": []})
        hit["where"].append(where)

    for aid, outlet, sid, text in zip(sentences["article_id"], sentences["outlet"], sentences["sent_id"],
                                      sentences["text"]):
        if not HAN_RUN.search(text):
            continue
        where = (aid, outlet, sid, text)
        for m in HAN_RUN.finditer(text):
            run = m.group(0)
            py = tuple(pinyin(run))
            if len(py) != len(run):
                continue
            wg = wade_giles(run) if len(run) <= 40 else ()
            for syllables in (py, wg) if len(wg) == len(run) else (py,):
                for i, j, spelled in _stretches(run, tuple(letters(x) for x in syllables), prefixes):
                    if word_goes_on(run, i, j, every_word):
                        continue
                    for k in by_letters.get(spelled, ()):
                        add(run[i:j], k, "romanisation", f"{run[i:j]} read in pinyin is {' '.join(py[i:j])!r} "
                                                         f"= {k.form!r}", where)
            for i in range(len(run)):
                for j in range(i + 2, min(len(run), i + MAX_CHARS) + 1):
                    if run[i:j] in words and not word_goes_on(run, i, j, every_word):
                        for g in glosses(run[i:j]):
                            for k in by_letters.get(letters(g), ()):
                                add(run[i:j], k, "dictionary", f"CC-CEDICT glosses {run[i:j]} as {g!r}", where)
        for m in BEFORE_BRACKET.finditer(text):
            name = name_at_end(m.group(1), m.group(2))
            for k in by_any.get(letters(m.group(2)), ()) if name else ():
                add(name, k, "bracket pair", f"{name} is glossed {m.group(2)!r} in brackets", where)
        for m in AFTER_NAME.finditer(text):
            for k in by_any.get(letters(m.group(1)), ()):
                add(m.group(2), k, "bracket pair", f"{m.group(1)!r} is glossed {m.group(2)} in brackets", where)
    # a stretch two actors could claim is left out
    per_cand: dict[str, int] = {}
    for cand, _ in found:
        per_cand[cand] = per_cand.get(cand, 0) + 1
    return [h for (cand, _), h in found.items() if per_cand[cand] == 1]
