"""Quotes inside a quote: '“She told me, ‘We will not sell the pier,’ and I believed her,” Ruiz said.'

The outer stretch is the speaker's words; the inner one is words the speaker reports, someone else's (or
their own, earlier), a quoted stretch of its own that a reader takes as such (the evaluation guide's
labellers list it as its own quote). :func:`nested_rows` gives one row per inner stretch of a paragraph
whose outer stretch was found as direct speech, with no speaker (the quote's own attribution names who
reports it, not who said it first), ``direct``, when it has three words or more: a word or two (``'the
so-called ‘pier tax’'``) is a term the speaker uses, part of their words and not listed apart (listed as
cited terms they gave one false term on the development stories and no labelled one).
"""
from __future__ import annotations

from presslens.text import segment

MIN_WORDS = 3  # an inner stretch of fewer words is a term the speaker uses, not listed apart


def nested_rows(rows: list[dict], p_idx: int, par: str, nested) -> list[dict]:
    """The rows of the quotes ``nested`` ((start, end) in ``par``) inside the direct quotes of ``rows`` found
    in paragraph ``p_idx``: each a copy of its outer row's article fields, without speaker."""
    out = []
    outer = [r for r in rows if r["para_idx"] == p_idx and r.get("kind") == "direct" and "start" in r]
    for a, b in nested:
        host = next((r for r in outer if r["start"] <= a and b <= r["end"]), None)
        text = par[a:b]
        n_words = len(segment.TOKEN.findall(text))
        if host is None or n_words < MIN_WORDS:
            continue
        out.append({**host, "start": a, "end": b, "quote": text, "kind": "direct",
                    "speaker_text": None, "speaker": None, "speaker_kind": None, "actor": None, "verb": None,
                    "verb_class": None, "floating": False, "attribution": "nested"})
    return out
