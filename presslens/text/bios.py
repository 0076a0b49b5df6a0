"""The writer's biography ("Jane Roe is a reporter at the Harbour Times covering shipping."), told from
a sentence of the story about a journalist as a reader tells it: by where it stands and whom it names.

A biography stands at the very start or end of the article: no paragraph of prose above it, or no
reporting paragraph (a quotation or a reporting verb) below it; it is one sentence of the third person
present ("is a reporter at", "is the ... correspondent for"); and the person it names is named nowhere
else in the article's prose (a byline line "By Jane Roe" is no paragraph). A story about a journalist
names the journalist in its other paragraphs, so its "Jane Roe is a reporter at the Harbour Times" stays.
Contact lines right below a biography (an e-mail address or an @handle, "Follow her on X @janeroe") go
with it. Used by :func:`presslens.text.shape.shape_furniture` (rule id ``author-bio``).
"""
from __future__ import annotations

import re

from .repeats import guarded, is_paragraph, n_words

NAME_WORD = r"[A-Z][\w.'’-]+"
ROLE = r"(?i:reporters?|correspondents?|writers?|journalists?|editors?|columnists?|contributors?|producers?|photographers?)"
# one sentence: a name of one to four words ("Najam ul Hassan"), "is a/an/the", up to three words, the role
BIO = re.compile(r"^(?=.{0,300}$)\s*(?P<name>%s(?:\s+(?:%s|[a-z]{1,3}))*?)\s+is\s+(?:a|an|the)\s+(?:[\w.-]+\s+){0,3}%s"
                 r"(?:\s+(?:who|at|for|based|with|covering|in)\b[^\"“”]*)?\.?\s*$" % (NAME_WORD, NAME_WORD, ROLE))
CONTACT = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:^|\s)@\w{2,30}\b")


def bios(text: list[str], whole: dict[int, str]) -> list[int]:
    """The indices of ``text`` (stripped lines; ``whole``: lines already found furniture) that are the
    writer's biography or its contact lines (see the module docstring)."""
    cand = [i for i, s in enumerate(text) if s and i not in whole and (m := BIO.match(s)) and not guarded(s)
            and len(m.group("name").split()) <= 4]
    if not cand:
        return []
    prose = [i for i, s in enumerate(text) if s and i not in whole and i not in cand and is_paragraph(s)]
    out: list[int] = []
    for i in cand:
        surname = BIO.match(text[i]).group("name").split()[-1]
        named = re.compile(r"(?<!\w)%s(?!\w)" % re.escape(surname))
        if any(named.search(text[k]) for k in prose):
            continue   # the story names the person elsewhere: a sentence about them, not the writer's biography
        at_start = not any(k < i for k in prose)
        at_end = not any(k > i and guarded(text[k]) for k in prose)
        if not (at_start or at_end):
            continue
        out.append(i)
        for k in range(i + 1, min(len(text), i + 4)):     # its contact lines
            if text[k] and k not in whole:
                if CONTACT.search(text[k]) and n_words(text[k]) <= 25 and not guarded(text[k]):
                    out.append(k)
                else:
                    break
    return out
