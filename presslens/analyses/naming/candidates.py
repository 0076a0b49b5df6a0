"""Name-like strings in the text that no actor's form covers: what :func:`.variants.discover` scores.

Capitalised words and runs (with the shorter runs inside them), short phrases in quotation marks or
parentheses, runs of CJK letters, and runs of up to four words in Cyrillic, Greek, Hangul or kana (for
the romanisation rule). Three kinds of string are never candidates, because they are
pieces of a name rather than a way of writing it:

- a *fragment*: a shorter run inside a capitalised run that overlaps a form the story already knows
  without holding all of it ("Ana Maria" in "Ana Maria Tovar Reyes" when "Ana Maria Tovar" is known,
  "Bay-Hill" in "North Bay-Hill Park"; "Ana Maria Tovar Reyes" in "Mayor Ana Maria Tovar Reyes" holds
  the known "Ana Maria Tovar" and stays);
- the end of a *truncated capture*: the words that end an article's last sentence when it stops
  without its closing punctuation ("... said the mayor, Ana Mar"), or any sentence that stops on a word
  run straight into an ellipsis (a teaser cut at a length: "... met Ana Mar…");
- a word *glued* to another: a known name's word run into a function word ("Tovarin", "Reyesnow")
  or two words of a known name run together in lower case ("Anamaria"); a known hyphenated name
  written solid ("Amirdorsan" for "Amir-Dorsan") is a spelling of it, and stays;
- *punctuation debris*: a run with a double hyphen in it (a dash typed "--" between two runs: "States--
  Maryland"), and a known form whose final full stop the sentence took ("Butler Jr" for "Butler Jr.").
"""
from __future__ import annotations

import functools
import re
import pandas as pd
import regex as _regex

from presslens.data import STOPWORDS
from presslens.engine import tables
from presslens.story.model import Actor, Story
from presslens.text.resolver import CJK, LETTER, actor_regex, form_key
from .romanise import NAME_ARTICLES, OTHER_RUN, SPACED_ARTICLES
from .shortnames import TITLES

# capitalised words, joined by spaces and by the particles of names ("Électricité de France",
# "Bank of China", "Ludwig van Beethoven", "Khalid bin Walid"), an Arabic article joined to the next word by
# a hyphen included ("Abu Hamid al-Rashidi": the article is part of the name, as "van" is), or written apart in
# the Urdu and Bengali way ("Farid uz Marvan": :data:`.romanise.SPACED_ARTICLES`); a run may open on the article in
# lower case ("... until the vote, al-Rashidi says": the name as written is "al-Rashidi", and "Rashidi" alone a piece
# of it, as "Beethoven" is of "van Beethoven")
CAP_RUN = _regex.compile(r"(?:(?<![\w'’-])(?:" + "|".join(NAME_ARTICLES) + r")-(?=\p{Lu}))?"  # "al-Rashidi" opening a run
                         r"(?<![\w'’])(?:\p{Lu}[\w'’&.-]*|\d+\p{L}[\w-]*)"
                         r"(?:[ \t]+(?:(?:de|du|des|la|le|of|van|von|der|den|di|da|y|bin|ibn|"
                         + "|".join(SPACED_ARTICLES) + r")[ \t]+|(?:" + "|".join(NAME_ARTICLES) + r")-)?"
                         r"\p{Lu}[\w'’&.-]*)*"
                         r"(?:(?<!['’]s)[ \t]\d{1,3}(?![\w,.:/-]*\d)(?!-\p{L}))?")  # a number ends a name: "Apollo 11",
# "Soyuz 2"; not after a possessive nor before a hyphened word ("Mara's 6-hour speech": a measure, no name's number)
QUOTED = re.compile(r"[\"“‘]([^\"“”‘’]{2,40}?)[\"”’]|\(([^()]{2,40})\)")
_CLOSED = re.compile(r"[.!?…:;\"“”'’)\]»]\s*$")
COLUMNS = ["candidate", "count", "sent_id", "article_id", "outlet", "text", "run"]


_ELLIPSIS_END = re.compile(r"(?:\.{3}|…)[\s\"”’']*")


def _teaser_cut(txt: str, m) -> bool:
    """The run ends the sentence on a word run straight into an ellipsis ("... met Ana Mar…"): a teaser
    cut at a length, so its last word may be the start of a longer one."""
    raw = m.group(0)
    core = raw.rstrip(".")
    return core[-1:].isalpha() and bool(_ELLIPSIS_END.fullmatch(txt, m.start() + len(core)))


def clean_candidate(s: str) -> str:
    s = re.sub(r"['’]s$", "", s.strip())
    return s.strip(" .,;:!?-'’\"“”‘")


def function_word_edge(c: str) -> bool:
    """A run that starts or ends with a function word ("A Huawei", "So OpenAI") is not a name."""

    w = c.split()
    return bool(w) and (w[0].casefold() in STOPWORDS or w[-1].casefold() in STOPWORDS)


def known_words(story: Story) -> frozenset[str]:
    """Every word (casefolded, 3 letters or more) of every form of every actor."""
    return frozenset(w.casefold() for a in story.actors for f in a.forms for w in re.findall(r"\w+", f) if len(w) >= 3)


def solid_words(story: Story) -> frozenset[str]:
    """Every hyphenated word of every actor's forms written solid, casefolded ("amirdorsan" for
    "Amir-Dorsan"): a spelling of that name, never two words glued."""
    return frozenset(w.replace("-", "").casefold() for a in story.actors for f in a.forms
                     for w in re.findall(r"\w+(?:-\w+)+", f))


def glued(word: str, words: frozenset[str], solid: frozenset[str] = frozenset()) -> bool:
    """``word`` is a known name's word run into a function word ("Tovarin" = Tovar + in), or two
    known words run together with the second in lower case ("Anamaria"); a known hyphenated name
    written solid (``solid``: "Amirdorsan" for "Amir-Dorsan") is a spelling of it, not a glue."""
    low = word.casefold()
    if low in words or low in solid or not word[1:].islower() if len(word) > 1 else True:
        return False
    for i in range(3, len(low) - 1):
        head, tail = low[:i], low[i:]
        if head in words and (tail in STOPWORDS and len(tail) >= 2 or tail in words):
            return True
    return False


def name_regex(story: Story):
    """The resolver's pattern over every actor and every speaker who is not an actor (their name and
    aliases): what counts as a form the story already knows."""
    names = {a.name for a in story.actors}
    extra = [Actor(sp.name, None, tuple(dict.fromkeys((sp.name, *sp.aliases)))) for sp in story.speakers
             if sp.name not in names]
    return actor_regex(list(story.actors) + extra)[0]


def candidates(story: Story) -> pd.DataFrame:
    """One row per candidate and sentence (see the module docstring): candidate, count (occurrences in
    the sentence), sent_id, article_id, outlet, text, run (the whole capitalised run or quoted phrase
    it came from)."""

    rx = name_regex(story)
    known = {form_key(f.strip()) for a in story.actors for f in a.forms if f.strip()}
    known |= {form_key(f.strip()) for sp in story.speakers for f in (sp.name, *sp.aliases) if f.strip()}
    kwords = known_words(story)
    solid = solid_words(story)
    s = tables.process(story).sentences
    last = s.groupby("article_id", sort=False)["sent_id"].max().to_dict() if len(s) else {}
    openers = sentence_openers(s["text"].tolist(), kwords)
    rows = []
    seen: dict[tuple[str, bool], list[tuple[str, int, str]]] = {}  # a sentence's text (repeated across
    # copies of one wire story) is read once: its candidates are a function of the text and the cut alone
    for sid, aid, outlet, txt in zip(s["sent_id"], s["article_id"], s["outlet"], s["text"]):
        cut = sid == last.get(aid) and not _CLOSED.search(txt)  # the capture stops mid-sentence
        hits = seen.get((txt, cut))
        if hits is None:
            hits = seen[(txt, cut)] = sentence_candidates(txt, cut, rx, known, kwords, solid, openers)
        rows.extend((c, n, sid, aid, outlet, txt, run) for c, n, run in hits)
    return pd.DataFrame(rows, columns=COLUMNS)


_WORDS = re.compile(r"[^\W\d_][\w'’-]*")
_OPENING = re.compile(r"[\s\"“‘'(\[«—–-]*")


def sentence_openers(texts: list[str], kwords: frozenset[str] = frozenset()) -> frozenset[str]:
    """Words (casefolded) the story writes in lower case inside its sentences and never capitalised there,
    no word of a known form, of a kind that starts no name (:func:`_never_opens_a_name`): when one opens a
    sentence it is capitalised for that alone ("Meanwhile", "Rescuers"), so a run it starts is the rest of
    the run."""
    lower, capital, first = set(), set(), set()
    for t in texts:
        for m in _WORDS.finditer(t):
            w = m.group(0)
            if _OPENING.fullmatch(t, 0, m.start()):
                first.add(w.casefold())
            else:
                (lower if w.islower() else capital if w[:1].isupper() else set()).add(w.casefold())
    return frozenset(w for w in (first & lower) - capital if w not in kwords and _never_opens_a_name(w))


@functools.lru_cache(maxsize=65536)
def _never_opens_a_name(w: str) -> bool:
    """A word that starts no name: an adverb, a verb form, a plural noun or a common word of no open class
    ("meanwhile", "citing", "analysts", "despite"); never an adjective or a singular noun ("eastern",
    "construction": "Eastern Province", "Construction Ministry"), nor a short particle ("del", "bin")."""
    from lemminflect import getAllLemmas
    from wordfreq import zipf_frequency

    if len(w) < 4:
        return False
    pos = getAllLemmas(w)
    if not pos:
        return zipf_frequency(w, "en") >= 4.0
    return not ({"ADJ", "PROPN"} & set(pos)) and w not in pos.get("NOUN", (w + "-",))


def known_spans(run: str, rx) -> list[tuple[int, int, bool]]:
    """Where the story's known forms lie in ``run``, overlapping ones included: the longest form starting at
    each word ("President Mara" and "Mara Lenko Vance" both in "President Mara Lenko Vance", where a scan
    left to right finds only the first, and would leave "Lenko Vance" as if it stood on its own); a form
    opened by a title (:data:`.shortnames.TITLES`, its last title word) from its name on: (start, end, whether the title was left out;
    that name alone, "Park" of "President Park", is the known form's own and no candidate)."""
    out = []
    for w in re.finditer(r"\S+", run):
        k = rx.match(run, w.start())
        if k and k.end() > k.start():
            words = list(re.finditer(r"\S+", k.group(0)))  # a known "President Park", "Harbour Minister Kim":
            titled = [i for i, m in enumerate(words[:-1]) if m.group(0).casefold().strip(".") in TITLES]
            if titled:  # the title is no part of the name, so "Park Min-jun" after it holds the known "Park"
                out.append((k.start() + words[titled[-1] + 1].start(), k.end(), True))  # and is no fragment of it
            else:
                out.append((k.start(), k.end(), False))
    return out


_SYLLABLE_TAIL = re.compile(r" ([a-z]{2,5})(?=['’]s\b|[^\w'’-]|$)")


def _continues_name(run: str, word: str) -> bool:
    """``word``, in lower case right after the capitalised ``run``, is the last syllable of its name: the run
    ends in a name syllable (capitalised, six letters at most, no English word) after one more word, and the
    lower-case word is no English word either ("Park Min joon", "Tsao Ming wen" would fail on "wen"; never
    "Harbour Council and", "Mara Vance met")."""
    from .renderings import dictionary_word

    ws = run.split()
    last = ws[-1] if ws else ""
    return (len(ws) >= 2 and last.isalpha() and last[:1].isupper() and last[1:].islower() and len(last) <= 6
            and not dictionary_word(last) and word not in STOPWORDS and not dictionary_word(word))


def sentence_candidates(txt: str, cut: bool, rx, known: set[str], kwords: frozenset[str],
                        solid: frozenset[str] = frozenset(),
                        openers: frozenset[str] = frozenset()) -> list[tuple[str, int, str]]:
    """The candidates of one sentence: (candidate, occurrences, run); a sentence's first word among
    ``openers`` (:func:`sentence_openers`) is no part of the run it starts."""
    found: dict[str, str] = {}
    for m in CAP_RUN.finditer(txt):
        run = clean_candidate(m.group(0))
        if openers and _OPENING.fullmatch(txt, 0, m.start()):
            first, *rest = run.split(None, 1)
            if first.casefold() in openers:
                run = clean_candidate(" ".join(rest))
                if not run:
                    continue
        tail = _SYLLABLE_TAIL.match(txt, m.end())
        end = m.end()
        if tail and _continues_name(run, tail.group(1)):  # "Park Min joon": a given name's last syllable in
            run, end = f"{run} {tail.group(1)}", tail.end(1)  # lower case, as translations from Chinese write it
        words = run.split()
        at_cut = cut and not txt[end:].strip() or _teaser_cut(txt, m)
        starts = [mm.start() for mm in re.finditer(r"\S+", run)]
        spans = known_spans(run, rx)
        for i in range(len(words)):
            for j in range(i + 1, min(len(words), i + 4) + 1):
                c = clean_candidate(" ".join(words[i:j]))
                if not c or function_word_edge(c) or (at_cut and j == len(words)) or "--" in c:
                    continue  # (a double hyphen is a dash between two runs: "States-- Maryland" is no name)
                if (i, j) != (0, len(words)):
                    a = starts[i]
                    b = a + len(" ".join(words[i:j]))
                    if any(x < b and a < y and not (a <= x and y <= b) or (x, y, t) == (a, b, True) for x, y, t in spans):
                        continue  # a fragment of a form already known (not a longer form holding it)
                if any(glued(w, kwords, solid) for w in c.split()):
                    continue
                found.setdefault(c, run)
    for m in QUOTED.finditer(txt):
        inner = clean_candidate(m.group(1) or m.group(2) or "")
        if 1 <= len(inner.split()) <= 4:
            found.setdefault(inner, inner)
    for c in CJK.findall(txt):
        found.setdefault(c, c)
    for m in OTHER_RUN.finditer(txt):  # Hangul and kana have no capitals; Cyrillic and Greek lower-case words
        c = m.group(0).strip(" ・’'-")
        if c:
            found.setdefault(c, c)
    # a candidate that is a known form once its final full stop is given back ("Butler Jr" of "Butler Jr.", the
    # stop ending the sentence or taken off by clean_candidate) is that form, not another way of writing it
    return [(c, max(1, txt.count(c)), run) for c, run in found.items()
            if c and LETTER.search(c) and form_key(c) not in known and form_key(c + ".") not in known
            and not rx.fullmatch(c)]
