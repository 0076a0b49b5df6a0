"""Calls to action at the end of a text: the lines below the story that address the reader with
something to do on the site (``cta-tail``, a shape rule of ``furniture.yaml``).

What a reader uses to decide: where the line stands (the text's last lines, below the story, with
only furniture or other such prompts after it), that it speaks to the reader ("you", "your", or a
command opening the line: "Subscribe ...", "Sign up ...") and that what it asks is done on the site
or its channels (subscribe, sign up, log in, download the app, follow on a network, write a letter to
the editor): the lists of ``presslens/data/prompts.yaml``, which the paywall checks read too. A line in
the middle of the story is never taken, and the prose guard holds (a quotation or a reporting verb keeps
the line: "Subscribe now, the CEO told investors").

The site's voice anywhere in the text (``site-voice``, :func:`site_voice`): a paragraph in which the site
speaks to the reader about itself, "we" to "you" (a welcome, a pledge, a request for support, a notice about
its translations or about loading another site's content), which no story writes in its narration.
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


# the site speaking of itself: a first person plural (an article's own "we" is a quotation's, or an opinion writer's)
WE = re.compile(r"\b(?:we|our|ours|us|we(?:'|’)(?:re|ll|ve|d))\b", re.I)
# a sentence's end followed by the next sentence's start (the line's sentences, for the site's voice)
SENTENCES = re.compile(r"(?<=[.!?])\s+(?=[\W\d_]*[A-Z])")
# a sentence opening as a command to the reader beyond the site's actions ("Stay in the know ...", "Explore our
# archive ...", "Don't miss ...", "Please support ..."): it addresses the reader as a second person does
INVITES = re.compile(r"^[\W\d_]*(?:please\s+)?(?:stay|explore|visit|discover|check out|read|watch|listen|join|support|"
                     r"donate|enjoy|find|learn|see|don(?:'|’)t|do not|never miss)\b", re.I)
# what a site says of itself: its news, stories, content, pages, readers ("we bring you the latest news",
# "content provided by another site", "our translations"); a blog post's or an about page's "we ... you"
# speaks of something else ("We hope you enjoy the new release")
SITE_WORD = re.compile(r"\b(?:news|stories|story|articles?|content|updates|newsletters?|site|website|web ?page|page|"
                       r"journalism|readers?|coverage|translations?|cookies|subscri(?:be|ption)|app|edition|newsroom)\b", re.I)
# a speaker's label opening a transcript's turn ("JANE ROE: We turn now to ...", "Mayor Ruiz: ...")
SPEAKER_LABEL = re.compile(r"^[\W\d_]*(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*\s*:\s")


def site_voice(lines: list[str], whole: dict[int, str]) -> list[int]:
    """The indices of paragraphs in which the site speaks to the reader about itself (``site-voice``):
    a sentence says "we" or "our" to "you" or "your" ("Our team works to make sure you never miss a
    story", "We ask for your permission before anything is loaded", "it would help us if you let us
    know"), the paragraph names what a site is made of (news, stories, content, pages, readers, translations:
    :data:`SITE_WORD`), at least half of its sentences address the reader (a second person or a command
    opening them, "Stay in the know ...", "Don't miss ..."), and the prose guard holds (no quotation, no reporting verb: a quoted "we ... you" is a
    speaker's). A transcript's turn, opening with its speaker's label, stays; so does a paragraph of
    more than :data:`MAX_WORDS` words and every line already found furniture."""
    out = []
    for i, line in enumerate(lines):
        s = line.strip()
        if not s or i in whole or n_words(s) > MAX_WORDS or guarded(s) or SPEAKER_LABEL.match(s):
            continue
        sents = [x for x in SENTENCES.split(s) if x.strip()]
        both = any(WE.search(x) and ADDRESS.search(x) for x in sents)
        if both and SITE_WORD.search(s) and 2 * sum(1 for x in sents if ADDRESS.search(x) or INVITES.match(x)) >= len(sents):
            out.append(i)
    return out
