"""Typing slips a person makes and machine translation does not: a counter-signal to a machine-translation verdict
(issue 26).

A machine translation is cut into sentences at each full stop and writes each one out whole, capital first: it never
leaves a full stop inside a sentence before a lower-case word ("urged political groups. coalitions and media not to").
A person typing in a hurry, or typing another language's punctuation by habit, does. One such stop can come from the capture (a caption or a lost line break joined to the text: machine
translations of the development stories show one at most, as do articles written in English), but three in one
article are a habit: the text was typed by a person, a translation maybe, but not a machine's (on the development
stories only one article, written by a person, shows three or more: five). Abbreviations that end
in a full stop before a lower-case word in English ("etc. and", "vs. the", "approx. two", "a.m. the", "U.S.
officials") are not counted: the word before the stop must be three lower-case letters or more, not an abbreviation,
and not itself after a full stop.
"""
from __future__ import annotations

import re

RULE = "typed by a person (stray full stops)"
MIN_SLIPS = 3  # stray full stops from which an article reads as typed by a person
ABBREVIATIONS = frozenset({"etc", "approx", "incl", "excl", "viz", "esp", "dept", "govt", "misc", "est", "ibid",
                           "resp", "cca", "appx", "nos", "vol", "vols", "fig", "figs", "pp", "ed", "eds", "rev"})
STRAY = re.compile(r"(?<![\w.'’-])([a-z]{3,})\. ([a-z]{2,})\b")


def stray_stops(text: str) -> list[str]:
    """The stray full stops of ``text`` ("groups. coalitions"), each as its two words around the stop, in order."""
    return [f"{m.group(1)}. {m.group(2)}" for m in STRAY.finditer(text) if m.group(1) not in ABBREVIATIONS]


def typed_by_a_person(text: str) -> tuple[bool, list[str]]:
    """Whether ``text`` shows :data:`MIN_SLIPS` stray full stops or more, and the slips."""
    found = stray_stops(text)
    return len(found) >= MIN_SLIPS, found


KIND = "typed by a person"


def signal(text: str) -> tuple | None:
    """The indicator row's fields after (article_id, outlet) when ``text`` was typed by a person: kind, detail, weight
    0, languages "", weak, sent_id -1, sentence, rule, source; else None."""
    typed, found = typed_by_a_person(text)
    if not typed:
        return None
    what = f"{len(found)} stray full stops a machine translation does not leave: " + "; ".join(found[:3])
    return KIND, what, 0, "", True, -1, what, RULE, "mqm"
