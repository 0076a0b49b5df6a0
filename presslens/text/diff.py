"""A word-level diff of two strings (``[-removed-] {+added+}``): how one wording of a statement
changed in another outlet (quote fidelity, reworded passages).
"""
from __future__ import annotations



def word_diff(a: str, b: str) -> str:
    """A word-level diff of ``b`` against ``a`` (rapidfuzz's Indel opcodes over the words): removed
    words in [-...-], added ones in {+...+}."""
    from rapidfuzz.distance import Indel

    wa, wb = a.split(), b.split()
    out = []
    for tag, i1, i2, j1, j2 in Indel.opcodes(wa, wb):
        if tag == "equal":
            out.append(" ".join(wa[i1:i2]))
        if tag in ("delete", "replace"):
            out.append("[-" + " ".join(wa[i1:i2]) + "-]")
        if tag in ("insert", "replace"):
            out.append("{+" + " ".join(wb[j1:j2]) + "+}")
    return " ".join(x for x in out if x)
