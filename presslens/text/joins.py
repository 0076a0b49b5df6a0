"""Lines that belong together: a sentence its links broke across lines, as a reader joins them (see
:func:`split_sentence`), and the words a sentence cannot end on. Split from :mod:`.shape`, which uses and
re-exports every name here.
"""
from __future__ import annotations

import re

from .repeats import SENT_END, is_paragraph

# a line that stops on a word a sentence cannot end on: a paragraph split mid-sentence
OPEN_END = re.compile(r"\b(?:a|an|the|and|or|but|of|to|in|on|at|for|with|by|from|as|that|which|who|would|will|could|"
                      r"should|can|may|might|must|is|are|was|were|be|been|has|have|had|not|than|its|their|his|her|"
                      r"this|these|those|our|your|my|if|when|while|because|into|about|over|after|before)\s*[,;:–—-]?\s*$", re.I)

TRUNCATED = re.compile(r"\s(?:\.{2,}|…)\s*$")   # a link's title cut short with " .." or " …"
TRAILING_SYMBOLS = re.compile(r"[\s\u2600-\u27bf\U0001F000-\U0001FAFF\ufe0f]+$")    # emoji after a full stop
# a line that goes on from the line above: lower case, or a comma, full stop, closing bracket or "'s" first,
# or a closing quotation mark and then a comma or a lower-case word ("”, is a call that circulated ...": the
# quotation above it, set on a line of its own, is part of this sentence)
GOES_ON = re.compile(r"^\s*(?:[a-z]|[,;:.)\]]|['’]s\b|[”»]\s*(?:[,;:.]|[a-z])|\"\s*[,;:.])")


def split_sentence(text: list[str]) -> set[int]:
    """The lines of a sentence broken across lines by its links ("In the first" / "damage report" / "on" /
    "Harbourland" / "'s northern coast ..." / ", officials said ..."), as a reader joins them: each line
    goes on into the next (the line has no sentence end and the next starts in lower case or with a
    comma, a full stop, a closing bracket, "'s" or a closing quotation mark and a comma; or the line stops on a word a sentence cannot end on,
    "on", "the"), and the run holds a paragraph of prose. A line after a sentence's end starts a line of
    its own ("storm", a tag; "ePaper"). Such lines are prose: the rules by position and length leave them."""
    idx = [i for i, s in enumerate(text) if s]
    out: set[int] = set()
    run = idx[:1]
    for a, b in zip(idx, idx[1:] + [None]):
        ended = SENT_END.search(text[a]) and not TRUNCATED.search(text[a])
        if b is not None and ((GOES_ON.match(text[b]) and not ended) or OPEN_END.search(text[a])):
            run.append(b)
            continue
        if len(run) >= 2 and any(is_paragraph(text[k]) for k in run):
            out.update(run)
        run = [b] if b is not None else []
    return out


def is_sentence_line(line: str) -> bool:
    """Ends like a sentence, emoji after its full stop allowed ("... reach for the stars. 🌟"); a link's
    title cut short with " .." or " …" does not."""
    line = TRAILING_SYMBOLS.sub("", line) if line[-1:] > "\u2600" else line
    return bool(SENT_END.search(line)) and not TRUNCATED.search(line)
