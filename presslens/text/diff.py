"""Sources and quotes: who speaks, with which verb, in which words (rule-based, for news English).

:func:`extract_article` works on one article's paragraphs (title first), whose quotation marks
:func:`presslens.text.quote_spans` has already paired. For every quoted stretch it looks for an
attribution right after the closing mark (", Felix said", ", said an OpenAI spokesperson") or right
before the opening one ("Felix said:", "according to X,"); a quote with none continues the speaker
of the quote before it in the paragraph (a split quote) or, opening a paragraph, the speaker of the
previous paragraph's last quote (a *floating* quote); otherwise it is *unattributed*, never
guessed. A quoted word or short phrase that nobody is said to say is a *cited* term ("secretly",
"cut corners"). Sentences that report speech without quotation marks ("ByteDance said it was ...")
are kept apart as *indirect*.

Speakers resolve through story.yaml: a listed speaker by any of their names (kind ``named``, actor =
their affiliation), an anonymous source ("a person with knowledge of ..."; kind ``anonymous``), a
role or organisation ("an OpenAI spokesperson", "ByteDance"; kind ``role``) with its actor through
the naming resolver, a pronoun to the last person named, else another capitalised name (``named``).
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
