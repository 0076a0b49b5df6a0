"""Language tags as the story's files give them: one spelling per language (BCP 47's case), and
the problem of a value that is not one, said in the words of what YAML made of it.

Layer 1: imports the model only (and langcodes, for the registry of known subtags).
"""
from __future__ import annotations

import re

import langcodes  # the IANA subtag registry (a dependency of wordfreq)

from .model import Problem, show

LANG_CODE = re.compile(r"[a-z]{2,3}(-[a-z0-9]{1,8})*", re.IGNORECASE)  # language tags ignore case


def language_code(value):
    """A language tag as BCP 47 writes it, so "EN" and "en" are one language: the language lower-case,
    a script title-case, a region upper-case (``EN`` -> ``en``, ``ZH-HANT`` -> ``zh-Hant``, ``pt-br`` ->
    ``pt-BR``, the locale form ``pt_BR`` too); None when ``value`` is not a language tag (letters, then
    subtags after ``-``)."""
    if not isinstance(value, str) or not LANG_CODE.fullmatch(value.strip().replace("_", "-")):
        return None
    first, *rest = value.strip().replace("_", "-").split("-")  # pt_BR, as a system locale writes it
    out = [first.lower()]
    for i, sub in enumerate(rest):
        singleton = any(len(s) == 1 for s in rest[:i + 1])  # after x- or u-: private or extension, lower-case
        if not singleton and len(sub) == 4 and sub.isalpha():
            out.append(sub.title())
        elif not singleton and (len(sub) == 2 and sub.isalpha() or len(sub) == 3 and sub.isdigit()):
            out.append(sub.upper())
        else:
            out.append(sub.lower())
    return "-".join(out)


def language_problem(rel: str, key: str, value) -> Problem | None:
    """The problem of ``value`` given as ``key`` (language, translated_from) in file ``rel``, or None
    when it is a language tag or null. Unquoted ``no`` (Norwegian), ``yes``, ``on``, ``off`` are made
    true/false by YAML: said so, with the quoted form as the fix."""
    if value is None:
        return None
    code = language_code(value)
    if code is not None:
        if langcodes.tag_is_valid(code):
            return None  # a tag of the IANA registry's subtags (en, pt-BR, zh-Hant, yue, zxx, x-private)
        return Problem(rel, key, f"{show(value)} is not a known language (a language, script or region in it is not "
                                 "in the IANA language subtag registry)", "use a code such as en, zh, fr, pt-BR, or null")
    if isinstance(value, bool):
        return Problem(rel, key, f"{show(value)} is not a language code (YAML reads unquoted no, yes, on, off as "
                                 "true/false)", f'quote it: {key}: "no" for Norwegian')
    return Problem(rel, key, f"{show(value)} is not a language code", "use a code such as en, zh, fr, or null")
