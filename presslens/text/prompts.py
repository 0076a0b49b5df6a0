"""Calls to action at the end of a text: the lines below the story that address the reader with
something to do on the site (``cta-tail``, a shape rule of ``furniture.yaml``).

What a reader uses to decide: where the line stands (the text's last lines, below the story, with
only furniture or other such prompts after it), that it speaks to the reader ("you", "your", or a
command opening the line: "Subscribe ...", "Sign up ...") and that what it asks is done on the site
or its channels (subscribe, sign up, log in, download the app, follow on a network, write a letter to
the editor). A line in the middle of the story is never taken, and the prose guard holds (a quotation
or a reporting verb keeps the line: "Subscribe now, the CEO told investors").
"""
from __future__ import annotations

import re

from .repeats import guarded, n_words

# something to do on the site or its channels
ACTION = re.compile(r"\b(?:subscrib(?:e|es|ed|er|ers|ing|tion|tions)|sign(?:ing)? ?up|log(?:ging)? ?in|sign in|"
                    r"download(?:ing)? (?:the |our |its )?[\w -]{0,30}\bapps?|apps? for (?:ios|android|iphone)|"
                    r"follow (?:us|[\w .&'’-]{1,40}) on (?:twitter|x|facebook|instagram|linkedin|youtube|tiktok|threads|"
                    r"bluesky|whatsapp|telegram)|letters? to the editor|newsletters?|(?:into|to) your inbox|"
                    r"send us|e-?mail us|write to us)\b", re.I)
# the line speaks to the reader: a second person, or a command opening one of its sentences
ADDRESS = re.compile(r"\b(?:you|your|yours|you(?:'|’)(?:re|ll|ve|d))\b|(?:^|[.!?]\s)[\W\d_]*(?:please\s+)?(?:subscribe|sign up|log in|"
                     r"sign in|download|follow|submit|send|e-?mail|write|join|register|get|click|tap|for the latest)\b", re.I)
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
