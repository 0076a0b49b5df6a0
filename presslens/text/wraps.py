"""Hard line breaks a reader reads through: the lines a fixed-width wrap broke and the lines that stop on a
word a sentence cannot end on. Read by :mod:`.segment` (paragraphs of a hard-wrapped capture) and by
:mod:`.joins` (such lines are prose to the furniture rules). No presslens import: both read it.
"""
from __future__ import annotations

import re

# a line that stops on a word a sentence cannot end on: a paragraph split mid-sentence
OPEN_END = re.compile(r"\b(?:a|an|the|and|or|but|of|to|in|on|at|for|with|by|from|as|that|which|who|would|will|could|"
                      r"should|can|may|might|must|is|are|was|were|be|been|has|have|had|not|than|its|their|his|her|"
                      r"this|these|those|our|your|my|if|when|while|because|into|about|over|after|before)\s*[,;:–—-]?\s*$", re.I)


def wrapped_lines(text: list[str]) -> set[int]:
    """Lines a fixed-width wrap broke (a blog's copy of a release, "Captain Ana Lund, spokesman of the" /
    "Harbour Guard said ..."): in a block of three or more lines with no blank line between whose width (the
    length three lines in four stay within) is 50 to 110 characters, a line (not the block's last) within
    85% to 110% of that width, when such lines are half the block or more. ``text``: the stripped lines."""
    out: set[int] = set()
    block: list[int] = []
    for i in range(len(text) + 1):
        if i < len(text) and text[i]:
            block.append(i)
            continue
        if len(block) >= 3:
            width = sorted(len(text[k]) for k in block)[(3 * len(block)) // 4]    # the wrap's width, a long line or two aside
            wide = [k for k in block[:-1] if 0.85 * width <= len(text[k]) <= 1.1 * width]
            if 50 <= width <= 110 and 2 * len(wide) >= len(block):
                out.update(wide)
        block = []
    return out


def reads_through(line: str, i: int, wrapped: set[int]) -> bool:
    """A reader reads the break after stripped line ``i`` (no sentence end, the next line just below it)
    as a hard wrap whatever the next line's first letter ("... of The" / "Associated Press ...", "... in"
    / "2012, ..."): the line is one a fixed-width wrap broke (:func:`wrapped_lines`), or it stops on a
    word a sentence cannot end on (:data:`OPEN_END`), written in lower case ("Monday 3 May" is a date, "Harbour
    Will" a name)."""
    if i in wrapped:
        return True
    m = OPEN_END.search(line)
    return bool(m) and m.group(0).strip()[:1].islower()
