"""Whether a name, alias or rendering of an actor or speaker can be matched in text as a name: it has
letters or digits enough for its script, and is not a function word of the story's language."""
from __future__ import annotations

import unicodedata

from presslens.data import STOPWORDS
from .model import Problem

MIN_FORM_ALPHABETIC = 2   # letters or digits of a name in an alphabetic script ("EU", "R1"): one letter matches in every word
MIN_FORM_IDEOGRAPHIC = 1  # a Han, kana or Hangul character is a syllable or a word on its own
_IDEOGRAPHIC = ("CJK", "HIRAGANA", "KATAKANA", "HANGUL")


def form_problem(form: str) -> str | None:
    """Why a name, alias or rendering cannot be matched in text as a name, or None when it can: a form
    without a letter or digit ("(", "*", "--") would match every bracket or dash; a form with fewer
    letters or digits than its script's minimum (one Latin letter) would match inside every word."""
    word = [c for c in form if c.isalnum()]
    if not word:
        return "has no letter or digit, so it would match every such character in every article"
    wide = any(unicodedata.name(c, "").startswith(_IDEOGRAPHIC) for c in word)
    least = MIN_FORM_IDEOGRAPHIC if wide else MIN_FORM_ALPHABETIC
    if len(word) < least:
        return (f"has {len(word)} letter or digit, fewer than the {least} a name in its script needs, "
                "so it would match inside ordinary words")
    return None


def function_word(form: str, language: str) -> str | None:
    """Why ``form`` would match ordinary words of the story's ``language``, or None: every word of it is a
    function word ("the", "of the", "It"), which is in most sentences. The list is English (presslens's
    stop words); an acronym in capitals ("WHO", "IT") is matched with its case, and stays a name."""
    words = form.split()
    if language.split("-")[0] != "en" or not words or (form.isupper() and len(form.strip()) > 1):
        return None
    if all(w.casefold().strip(".,") in STOPWORDS for w in words):
        return "is an English function word, found in most sentences, so nearly every sentence would mention it"
    return None


MAX_FORMS = 1000  # names, aliases and renderings of one actor or speaker (a real one has a few dozen at most)


def check_forms(rel: str, where: str, who: str, kind: str, language: str, named: list[tuple[str, str]],
                problems: list[Problem]) -> set[str]:
    """One problem per form of ``who`` (an actor or speaker) that cannot be a name (too short, no letter,
    a function word of the story's ``language``); the bad forms."""
    bad = set()
    if len(named) > MAX_FORMS:  # every form is one alternative of the pattern read at every word of every text
        problems.append(Problem(rel, f"{where}.aliases", f"{kind} {who!r} has {len(named):,} names and aliases: at most "
                                f"{MAX_FORMS:,} (each one is looked for at every word of every article; "
                                f"{len(named):,} would take hours and gigabytes)",
                                f"in {rel}, keep the forms the articles actually use (presslens names STORY lists "
                                f"them) and remove the others from {kind} {who!r}"))
    for field, form in named:
        why = form_problem(form)
        fix = ("write the name in full (at least two letters or digits, e.g. 'EU'; one Chinese, Japanese or "
               "Korean character)")
        if why is None and field == "aliases" and (why := function_word(form, language)) is not None:
            fix = "write the name it stands for instead, or the acronym in capitals (e.g. 'WHO')"
        if why is not None:
            bad.add(form)
            problems.append(Problem(rel, f"{where}.{field}", f"{kind} {who!r}: {field} {form!r} {why}",
                                    f"in {rel}, remove {form!r} from {kind} {who!r} or {fix}"))
    return bad


MAX_STORY_FORMS = 3000  # names, aliases and renderings of all actors and speakers together (one pattern holds them all)


def check_total(rel: str, forms: int, problems: list[Problem]) -> None:
    """One problem when the story's actors and speakers have more than :data:`MAX_STORY_FORMS` forms in all."""
    if forms > MAX_STORY_FORMS:
        problems.append(Problem(rel, "actors", f"the actors and speakers have {forms:,} names and aliases in all: at "
                                f"most {MAX_STORY_FORMS:,} (each one is looked for at every word of every article)",
                                f"in {rel}, keep the forms the articles actually use (presslens names STORY lists "
                                "them) and remove the others"))
