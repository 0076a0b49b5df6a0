"""A person named by one word of the name: the family name alone ("Okafor" for "Lina Okafor"): what a
reader takes for the same person because the article named them in full first.

:func:`short_names` proposes, for a person (an actor of kind ``person``, or a speaker) with a known
form of two to four capitalised words:

- ``surname`` - one word that is the person's family name: the last word of the form, or the first
  when the name is written family name first (every word pinyin, the first a single syllable:
  "Wang" of "Wang Lifen", never the given name "Lifen"); spelled with the same letters, or as one
  part of a hyphenated family name ("Dorsan" of "Amir-Dorsan"), or one edit away from a family name of
  seven letters or more ("Kolivandt"). It must be used *after the full name* in one article at least
  (a sentence that names the person by a known form comes first, or is the same sentence; or the word
  is in the article's headline and the body names the person in full), on its own
  or after a title, not inside a longer capitalised name: that is how a reader knows who the bare word is. Never an English dictionary word, a title or a word of
  another actor's forms.

A title or honorific with one word of the name ("Dr Lina", "President Okafor") is not proposed: that rule
(``title and name``) was taken out in issue 26 because its held-out precision on the development stories
(0.80, ``python -m presslens.evaluation.names_loso``) was below the other rules' and its true proposals came
from one person of one story; the test stories' precision fell from 0.78 to 0.65 after it came in.

A candidate two persons could claim is left out.
"""
from __future__ import annotations

import re

import pandas as pd

from presslens.data import STOPWORDS
from presslens.engine import tables
from presslens.story.model import Story
from .persons import dictionary_word, person_forms_words
from .renderings import NOT_NAME_PART
from .romanise import letters, pinyin_count

# titles and honorifics written before one word of a name (the roles of NOT_NAME_PART, without
# nationalities and time words: "Spanish Okafor" and "Former Okafor" are not forms of a name)
TITLES = frozenset("""
mr mrs ms mx dr prof sir dame lady lord saint pope king queen prince princess president minister premier
chancellor mayor governor senator secretary judge justice speaker ambassador commissioner general colonel
captain coach professor doctor pm foreign prime acting interim
""".split())  # "foreign", "prime", "acting", "interim": words that open a title ("Foreign Minister X")
SURNAME_EDIT_FROM = 7  # letters of a family name from which one edit more or less is still that name


# an East Asian given name of two syllables joined by a hyphen, the second in lower case (Wade-Giles, Korean:
# "Ming-hua", "Jae-in"); a Western double-barrelled family name capitalises both parts ("Okafor-Diaz")
# (an Arabic family name with its particle, "Al-sayed", "Abu-zaid", "Abdel-aziz", is no given name: attack15)
_SYLLABLE_PAIR = re.compile(r"(?!(?:Al|El|Abu|Abd|Abdel|Abdul)-)[A-Z][a-z]{0,5}-[a-z]{1,5}")


def family_first(words: list[str]) -> bool:
    """A name written family name first: two or three words, every one pinyin, the first a single
    syllable ("Wang Lifen", "Gao Ye"; not "Ali Rezaei", "Ali" being two syllables); or a short word
    before a given name of two syllables joined by a hyphen, the second in lower case ("Tsao Ming-hua",
    "Moon Jae-in"): the given name is never the family name."""
    if len(words) == 2 and re.fullmatch(r"[A-Z][a-z]{1,4}", words[0]) and _SYLLABLE_PAIR.fullmatch(words[1]):
        return True
    return 2 <= len(words) <= 3 and all(pinyin_count(w) for w in words) and pinyin_count(words[0]) == 1


def surname_of(words: list[str]) -> str:
    """The family name among a person's name words: the first when written family name first, else the last."""
    return words[0] if family_first(words) else words[-1]


def _one_edit(a: str, b: str) -> bool:
    from rapidfuzz.distance import OSA

    return OSA.distance(a, b, score_cutoff=1) == 1


def _is_surname(word: str, surname: str) -> str | None:
    """How ``word`` spells the family name ``surname``, or None."""
    w, s = letters(word), letters(surname)
    if len(w) < 4:
        return None
    if w == s:
        return f"the family name of {{form}}"
    parts = [letters(p) for p in re.split(r"[-‐‑–]", surname) if letters(p)]
    if len(parts) >= 2 and w in parts and len(w) >= 5:
        return f"one part of the family name {surname!r} of {{form}}"
    if len(s) >= SURNAME_EDIT_FROM and len(w) >= SURNAME_EDIT_FROM - 1 and _one_edit(w, s):
        return f"one edit from the family name {surname!r} of {{form}}"
    return None


def _plain_word(w: str) -> bool:
    """Capitalised, not all capitals, no digits, not a function word, title or English dictionary word."""
    core = w.replace("-", "")
    return (w[:1].isupper() and not w.isupper() and core.isalpha() and w.casefold() not in STOPWORDS
            and w.casefold() not in NOT_NAME_PART and not dictionary_word(w))


def _untitled(words: list[str]) -> list[str]:
    """A known form without the titles before it: "President Lina Okafor" -> "Lina Okafor"."""
    i = 0
    while i < len(words) and words[i].rstrip(".").casefold() in TITLES | NOT_NAME_PART:
        i += 1
    return words[i:]


def _word_pattern(word: str) -> str:
    """A name word as the text may write it: its hyphens written, spaced or left out ("Amir-Dorsan", "Amir Dorsan",
    "Amirdorsan" are one family name)."""
    return r"[-‐‑\s]?".join(map(re.escape, re.split(r"[-‐‑]", word)))


def _first_naming(story: Story, persons: dict[str, list[list[str]]]) -> dict[tuple[str, str], int]:
    """(person, article_id) -> the first sentence id where the person is named by a known form of two words or more,
    its hyphens written or not (:func:`_word_pattern`: "Karim Amirdorsan" names "Karim Amir-Dorsan" in full)."""
    s = tables.process(story).sentences
    out: dict[tuple[str, str], int] = {}
    for person, forms in persons.items():
        alts = sorted({" ".join(f) for f in forms}, key=len, reverse=True)
        rx = re.compile(r"(?<!\w)(?:" + "|".join(r"\s+".join(map(_word_pattern, a.split())) for a in alts) + r")(?!\w)",
                        re.IGNORECASE)
        for sid, aid, txt in zip(s["sent_id"], s["article_id"], s["text"]):
            if (person, aid) not in out and rx.search(txt):
                out[(person, aid)] = sid
    return out


def _title_sentences(story: Story) -> set[int]:
    """The sentence ids of the articles' headlines: a headline is read with the article under it, so a
    family name there is explained by the full name in the body."""
    s = tables.process(story).sentences
    return set(s.loc[s["part"] == "title", "sent_id"].tolist())


def short_names(story: Story, cands: pd.DataFrame, taken: set[str]) -> list[dict]:
    """Proposals of the rule ``surname`` (see the module docstring): one dict
    per candidate (candidate, actor, rule, known_form, evidence); ``taken``: candidates already proposed."""
    persons = {p: [f for f in map(_untitled, forms) if 2 <= len(f) <= 4] for p, forms in person_forms_words(story).items()}
    persons = {p: forms for p, forms in persons.items() if forms}
    if not persons or cands.empty:
        return []
    known = {letters(f) for a in story.actors for f in a.forms}
    known |= {letters(f) for sp in story.speakers for f in (sp.name, *sp.aliases)}
    words_of = {a.name: {letters(w) for f in a.forms for w in f.split()} for a in story.actors}
    words_of.update({sp.name: {letters(w) for f in (sp.name, *sp.aliases) for w in f.split()}
                     for sp in story.speakers if sp.name not in words_of})
    others = {p: set().union(*(v for k, v in words_of.items() if k != p)) - words_of.get(p, set()) for p in persons}
    first = titles = None
    out = []
    for c in sorted(set(cands["candidate"])):
        ws = c.split()
        if c in taken or letters(c) in known or len(ws) != 1:
            continue
        hits = {}
        if _plain_word(c):
            for person, forms in persons.items():
                if letters(c) in others[person]:
                    continue
                for f in forms:
                    how = _is_surname(c, surname_of(f))
                    if how:
                        hits.setdefault(person, ("surname", " ".join(f), how.format(form=repr(" ".join(f)))))
                        break
            if hits:
                first = _first_naming(story, persons) if first is None else first
                at = cands[cands["candidate"] == c]
                alone = [(a, sid) for a, sid, r in zip(at["article_id"], at["sent_id"], at["run"])
                         if _untitled(r.split()) == [c]]  # the word on its own, not inside a longer name
                titles = titles if titles is not None else _title_sentences(story)
                hits = {p: h for p, h in hits.items()
                        if any(first.get((p, a), 1 << 62) <= sid or sid in titles and (p, a) in first
                               for a, sid in alone)}
        if len(hits) == 1:
            person, (rule, form, how) = next(iter(hits.items()))
            out.append({"candidate": c, "actor": person, "rule": rule, "known_form": form, "evidence": how})
    return out
