"""A page's comment section below the story (``comment-tail``, a shape rule of ``furniture.yaml``).

What a reader uses: the comment section opens with a heading or a form ("Leave a Reply", "Add new
comment", "3 Comments on “Storm hits the harbour”", "Your email address will not be published",
"Please enter your comment!", "Post a Comment") or with the writer's closing request for comments
("What do you think? Drop your comments below."), and everything below it to the end of the page is
the section: the form's rules and fields, the readers' comments ("Jane says:"), the site's spam
notice, the links under it. None of that is the article.

A heading is taken only where the story stands above it: below the first paragraph of prose and with
at least as many words of prose above it as below it (a "Leave a comment" button printed under the
headline, above the story, is left to the listed rules; under two signs of a comment section, a
form's rules of up to twenty words a line, none of them quoting or reporting, may outweigh a short story), and only where what follows is a
comment section: no paragraph of prose below it, or a second sign of one (another heading or field, a
line found furniture by another rule). A count heading may bracket its number ("(0) comments", "Comments (2)"); a reader's name over a comment
("1. Jane says:") is a second sign. The lines a comment section holds are not
guarded: readers' comments quote and report as the story does.
"""
from __future__ import annotations

import re

from .repeats import guarded, is_paragraph, n_words

# a heading or a field of a comment section, alone on its line
COMMENT_HEAD = re.compile(
    r"^\s*(?:leave a (?:reply|comment|response)|add (?:a |new |your )?comment|write a comment|"
    r"(?:\d+\s*/\s*)?post a comment(?:\s*/\s*comments?)?|"
    r"(?:\(?\d+\)?|no|one|two|three|four|five)\s+(?:comments?|responses?|replies|thoughts)(?:\s+(?:on|to)\s+\S.{0,200})?|"
    r"(?:comments?|responses?|replies)\s*\(\d+\)|"
    r"please enter your comment|your email address will not be published\b.{0,60}|comments are closed|"
    r"join the (?:conversation|discussion)|(?:there are )?no comments(?: yet)?(?:\s*[-–—:,]\s*be the first to comment)?|"
    r"be the first to comment)\s*[.!:]?\s*$", re.I)
# the writer's closing request for comments: "... ? Drop your comments below."
ASK = re.compile(r"\b(?:drop|leave|share|post|write|tell us)\b[^.!?]{0,30}\b(?:comments?|thoughts|views)\b[^.!?]{0,30}"
                 r"\b(?:below|in the comments?(?: section| box)?)\W*$", re.I)
# a reader's comment under its writer's name ("1. Jane says:", "• Harbour Fan says: May 3, 2024 at 10:12 am"):
# a sign of a comment section below an opening line, never an opening itself (a story's "The mayor says:" stays)
COMMENTER = re.compile(r"^\s*(?:\d{1,3}\.\s*|[•·*-]\s*)?[\w@.'’-]+(?:\s+[\w@.'’-]+){0,3}\s+says:"
                       r"(?:\s*\S.{0,40}\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?)?\s*$", re.I)
MAX_ASK_WORDS = 40
MAX_RULE_WORDS = 20     # a comment form's rule or notice: one short line


def opens_comments(line: str) -> bool:
    """``line`` opens a comment section: a heading or field alone on the line, or a short line that is
    not guarded prose and closes asking the reader for comments."""
    s = line.strip()
    if COMMENT_HEAD.match(s):
        return True
    return n_words(s) <= MAX_ASK_WORDS and not guarded(s) and bool(ASK.search(s))


def comment_tail(lines: list[str], whole: dict[int, str], opened: frozenset[int] = frozenset(),
                 removed_before: tuple[int, ...] = ()) -> list[int]:
    """The indices of ``lines`` that belong to the comment section closing the text: from its first
    opening line (or from ``opened``: the indices of kept lines that followed an opening line the
    listed rules removed) to the end, when the story stands above it (below the first paragraph, at
    least as many words of prose above as below) and the section shows itself as one: no paragraph of
    prose below its start, or a second sign of a comment section there (another heading or field, a line
    already found furniture, or a line the listed rules removed: ``removed_before[k]`` counts those just
    before line ``k``). A lone
    "Join the conversation" between two paragraphs is a widget, and the paragraph below it stays.
    ``whole``: lines already found furniture (kept out of the count of prose, and out of the answer)."""
    text = [s.strip() for s in lines]
    paras = [i for i, s in enumerate(text) if s and i not in whole and is_paragraph(s)]
    if not paras:
        return []
    first = paras[0]
    heads = {i for i, s in enumerate(text) if s and opens_comments(s)}
    for start in sorted(heads | set(opened)):
        if start <= first:
            continue
        above = sum(n_words(text[i]) for i in paras if i < start)
        below = [i for i in paras if i >= start and i not in heads]
        signs = (sum(1 for i in heads if i >= start) + (start in opened) + sum(1 for i in whole if i > start)
                 + sum(1 for i in range(start + 1, len(text)) if COMMENTER.match(text[i]))
                 + sum(removed_before[k] for k in range(start + 1, len(removed_before))))
        # a form's rules are short lines ("Keep it clean. Please avoid ..."), readers' comments longer: under
        # two signs of a comment section, short lines below may outweigh a short story above
        # (never a line the prose guard keeps: a form's rules quote and report nobody)
        rules = signs >= 2 and all(n_words(text[i]) <= MAX_RULE_WORDS and not guarded(text[i]) for i in below)
        if (above >= sum(n_words(text[i]) for i in below) or rules) and (not below or signs >= 2):
            return [i for i in range(start, len(text)) if text[i] and i not in whole]
    return []
