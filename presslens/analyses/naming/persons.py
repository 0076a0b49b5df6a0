"""Fuller and shorter forms of a person's name: what discovery's spelling rules cannot see, because the
letters differ by whole words.

:func:`person_forms` proposes, for a person (an actor of kind ``person``, or a speaker) whose known form
has two capitalised words or more:

- ``long form`` - the known form with more of the person's names around it: a first name before it
  ("Amara Lina Okafor" for "Lina Okafor"), a second surname after it ("Lina Okafor Diaz"), or a
  given name written in full ("Jennifer Okafor" for "Jen Okafor": one word is the other's start, four
  letters at least);
- ``short form`` - the first and last word of a known form of three words or more, the middle ones
  left out ("Lina Diaz" for "Lina Okafor Diaz"), or a given name shortened the same way, or contracted
  (:func:`contraction`: "Md Okafor" for "Muhammad Okafor").

The words it adds must look like names: capitalised but not all in capitals (a headline), no title,
role, nationality or function word ("Prime Minister Lina Okafor" is a title, not a longer name), no
English dictionary word (lemminflect's: "Winner Lina Okafor", "Lina Okafor Kissed"), no word of another
actor's forms ("Kenya Lina Okafor" is a country before the name), no digits, apostrophes, dots or
hyphens ("Mr.", "Director-General"). A run of one of the person's own known forms is no proposal, and
a candidate two persons could claim is left out.
"""
from __future__ import annotations

import functools
import re

from presslens.data import STOPWORDS
from presslens.story.model import Story
from presslens.text.segment import NEVER_FINAL, SOMETIMES_FINAL
from .renderings import NOT_NAME_PART, dictionary_word
from .romanise import letters

MIN_PREFIX = 4  # letters of the shorter given name when one is the other's start ("Jenn" / "Jennifer")


def _words(form: str) -> list[str]:
    return [w for w in re.split(r"\s+", form.strip()) if w]


# titles and roles of seven letters or more, whose one-edit typos are no name ("Minster"); not nationalities
# ("Germain" is one edit from "german" and a given name), nor shorter titles ("Depuy" is one edit from "deputy")
_LONG_TITLES = tuple("""minister president premier chancellor governor senator secretary director chairman chairwoman
spokesman spokeswoman spokesperson ambassador commissioner colonel captain professor""".split())


@functools.lru_cache(maxsize=65536)
def title_typo(w: str) -> bool:
    """One edit from a title or role of seven letters or more ("Minster", "Presdent", "Govenor"): the title
    mistyped before the name, not a name of its own."""
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    k = w.casefold()
    return len(k) >= 6 and process.extractOne(k, _LONG_TITLES, scorer=OSA.distance, score_cutoff=1) is not None


def _name_word(w: str, others: set[str]) -> bool:
    """Capitalised (not written all in capitals), no digits, no possessive, no title, role, nationality or
    function word (nor one mistyped: :func:`title_typo`), no English dictionary word, no word of another
    actor's forms."""
    k = letters(w)
    return (w[:1].isupper() and not w.isupper() and len(k) >= 2 and not any(ch.isdigit() for ch in w)
            and not re.search(r"[’'.-]", w) and w.casefold() not in NOT_NAME_PART
            and w.casefold() not in STOPWORDS and k not in others and not dictionary_word(w) and not title_typo(w))


def person_forms_words(story: Story) -> dict[str, list[list[str]]]:
    """person -> its known forms of two capitalised words or more, as word lists."""
    out: dict[str, list[list[str]]] = {}
    names = {a.name for a in story.actors}
    people = [(a.name, a.forms) for a in story.actors if (a.kind or "").casefold() == "person"]
    people += [(sp.name, (sp.name, *sp.aliases)) for sp in story.speakers if sp.name not in names]
    for name, forms in people:
        for f in forms:
            ws = _words(f)
            if len(ws) >= 2 and all(w[:1].isupper() for w in ws):
                out.setdefault(name, []).append(ws)
    return out


_ABBREVIATIONS = frozenset(w for w in NEVER_FINAL | SOMETIMES_FINAL if w.isalpha())


def contraction(short: str, full: str) -> bool:
    """``short`` is the given name ``full`` contracted, as given names are written short: the first and last
    letters kept and some of the letters between, in order, two to four letters with one vowel at most, less
    than half the name ("Md" for "Muhammad", "Mohd" for "Mohammed", "Wm" for "William"; Hart's Rules:
    a contraction keeps the word's first and last letters). A word a reader reads as a title or an abbreviation
    of its own ("Dr", "Mrs", "Ms", "St", "Mt", "Jr": presslens.text.segment's abbreviations; "Fr", "Br", "Mme":
    :data:`.renderings.NOT_NAME_PART`) is none: "Dr Kerin" is
    no "Dieter Kerin" shortened (attack19)."""
    s, f = letters(short), letters(full)
    if s in _ABBREVIATIONS or s in NOT_NAME_PART or not (2 <= len(s) <= 4 and len(s) * 2 <= len(f) and s[0] == f[0] and s[-1] == f[-1]
            and sum(ch in "aeiou" for ch in s) <= 1 and s.isalpha()):
        return False
    rest = iter(f)
    return all(ch in rest for ch in s)


def _match(c: list[str], f: list[str], others: set[str], own: frozenset = frozenset()) -> tuple[str, str] | None:
    """(rule, how) when candidate words ``c`` are a longer or shorter form of known words ``f``; ``own``:
    the letters of the person's known forms (the words added being one of them is two forms side by
    side, "Chief Justice Lina Okafor" for the forms "Chief Justice" and "Lina Okafor", not a longer name)."""
    ck, fk = [letters(w) for w in c], [letters(w) for w in f]
    n, m = len(ck), len(fk)
    if n > m:
        for i in range(n - m + 1):
            if ck[i:i + m] == fk:
                extra = c[:i] + c[i + m:]
                if all(_name_word(w, others) for w in extra) and letters("".join(extra)) not in own:
                    return "long form", f"{' '.join(f)!r} with {', '.join(repr(w) for w in extra)} " \
                                        f"{'before' if i else 'after'} it"
        return None
    if n == 2 and m >= 3 and ck == [fk[0], fk[-1]]:
        return "short form", f"the first and last word of {' '.join(f)!r}"
    if n == m:
        diff = [i for i in range(n) if ck[i] != fk[i]]
        if len(diff) == 1 and diff[0] < n - 1:  # a given name, not the surname
            a, b = ck[diff[0]], fk[diff[0]]
            short, long_ = sorted((a, b), key=len)
            if len(short) >= MIN_PREFIX and long_.startswith(short) and _name_word(c[diff[0]], others):
                rule = "long form" if len(a) > len(b) else "short form"
                return rule, f"{c[diff[0]]!r} for {f[diff[0]]!r} in {' '.join(f)!r} (one is the other's start)"
            if c[diff[0]][:1].isupper() and contraction(c[diff[0]], f[diff[0]]):
                return "short form", f"{c[diff[0]]!r} for {f[diff[0]]!r} in {' '.join(f)!r} (a contraction)"
    return None


def person_forms(story: Story, cands, taken: set[str]) -> list[dict]:
    """Proposals of the rules ``long form`` and ``short form`` (see the module docstring): one dict per
    candidate (candidate, actor, rule, known_form, evidence); ``taken``: candidates already proposed."""
    persons = person_forms_words(story)
    if not persons or cands.empty:
        return []
    known = {letters(f) for a in story.actors for f in a.forms}
    known |= {letters(f) for sp in story.speakers for f in (sp.name, *sp.aliases)}
    words_of = {a.name: {letters(w) for f in a.forms for w in _words(f)} for a in story.actors}
    words_of.update({sp.name: {letters(w) for f in (sp.name, *sp.aliases) for w in _words(f)}
                     for sp in story.speakers if sp.name not in words_of})
    out = []
    for c in sorted(set(cands["candidate"])):
        ws = _words(c)
        if (c in taken or not 2 <= len(ws) <= 5 or letters(c) in known or c.isupper()
                or any(w.casefold().strip(".,") in NOT_NAME_PART for w in ws)):
            continue  # known, a headline, or a title with the name ("President X Y" beside the alias "President X")
        hits = {}
        for person, forms in persons.items():
            others = set().union(*(v for k, v in words_of.items() if k != person)) - words_of.get(person, set())
            wk = [letters(w) for w in ws]
            if any(wk == [letters(x) for x in f][i:i + len(wk)] for f in forms for i in range(len(f))):
                continue  # a run of the person's own known form ("Wenda Kirilov" of "Tomasz Wenda Kirilov")
            own = frozenset(letters("".join(x)) for x in forms)
            for f in forms:
                got = _match(ws, f, others, own)
                if got:
                    hits.setdefault(person, (got[0], " ".join(f), got[1]))
                    break
        if len(hits) == 1:
            person, (rule, form, how) = next(iter(hits.items()))
            out.append({"candidate": c, "actor": person, "rule": rule, "known_form": form, "evidence": how})
    return out
