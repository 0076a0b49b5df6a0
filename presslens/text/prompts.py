"""Calls to action at the end of a text: the lines below the story that address the reader with
something to do on the site (``cta-tail``, a shape rule of ``furniture.yaml``).

What a reader uses to decide: where the line stands (the text's last lines, below the story, with
only furniture or other such prompts after it), that it speaks to the reader ("you", "your", or a
command opening the line: "Subscribe ...", "Sign up ...") and that what it asks is done on the site
or its channels (subscribe, sign up, log in, download the app, follow on a network, write a letter to
the editor): the lists of ``presslens/data/prompts.yaml``, which the paywall checks read too. A line in
the middle of the story is never taken, and the prose guard holds (a quotation or a reporting verb keeps
the line: "Subscribe now, the CEO told investors").
"""
from __future__ import annotations

import re

from presslens.data import reader_prompts

from .repeats import guarded, n_words

_PROMPTS = reader_prompts()   # presslens/data/prompts.yaml: the one list of reader prompts
# something to do on the site or its channels (a paywall's prompt is one too)
ACTION = re.compile("|".join(_PROMPTS["actions"] + _PROMPTS["paywall"]), re.I)
# the line speaks to the reader: a second person, or a command opening one of its sentences
ADDRESS = re.compile(r"\b(?:you|your|yours|you(?:'|’)(?:re|ll|ve|d))\b|(?:^|[.!?]\s)[\W\d_]*(?:please\s+)?(?:%s)\b"
                     % "|".join(_PROMPTS["commands"]), re.I)
MAX_WORDS = 60


def is_cta(line: str) -> bool:
    """A call to action: speaks to the reader, asks for something done on the site, at most
    :data:`MAX_WORDS` words, no quotation or reporting verb."""
    s = line.strip()
    return (bool(s) and n_words(s) <= MAX_WORDS and not guarded(s)
            and bool(ACTION.search(s)) and bool(ADDRESS.search(s)))


def tail_prompts(lines: list[str], whole: dict[int, str]) -> list[int]:
    """The indices of the calls to action that close ``lines``: from the last line up, over lines
    already found furniture (``whole``) and calls to action, stopping at the first other line."""
    out: list[int] = []
    for i in range(len(lines) - 1, -1, -1):
        s = lines[i].strip()
        if not s or i in whole:
            continue
        if not is_cta(s):
            break
        out.append(i)
    return out
