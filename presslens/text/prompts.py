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

from .repeats import guarded, is_paragraph, n_words

_PROMPTS = reader_prompts()   # presslens/data/prompts.yaml: the one list of reader prompts
# something to do on the site or its channels (a paywall's prompt is one too)
ACTION = re.compile("|".join(_PROMPTS["actions"] + _PROMPTS["paywall"]), re.I)
_PAYWALL = re.compile("|".join(_PROMPTS["paywall"]), re.I)   # a paywall's prompt alone
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


def sentences(line: str) -> list[str]:
    """The sentences of ``line``, split where :func:`.captions.sentence_ends` ends one (the one splitter of the
    shape rules: a dot after an abbreviation or an initial ends none, "…" and a closing quotation mark do; a
    piece starting in lower case goes on the sentence before it)."""
    from .captions import sentence_ends     # captions reads the vocabulary lists; imported when used

    cuts = [0] + [e for e in sentence_ends(line) if e < len(line)]
    out: list[str] = []
    for x in (line[a:b].strip() for a, b in zip(cuts, cuts[1:] + [len(line)])):
        if out and x[:1].islower():     # a sentence starts in capitals: "Visit Harbour TV! now" is one
            out[-1] += " " + x
        elif x:
            out.append(x)
    return out
# a sentence opening as a command to the reader beyond the site's actions ("Stay in the know ...", "Explore our
# archive ...", "Don't miss ...", "Please support ..."): it addresses the reader as a second person does
INVITES = re.compile(r"^[\W\d_]*(?:please\s+)?(?:stay|explore|visit|discover|check out|read|watch|listen|join|support|"
                     r"donate|enjoy|find|learn|see|don(?:'|’)t|do not|never miss)\b", re.I)
# what a site says of itself: its news, stories, content, pages, readers ("we bring you the latest news",
# "content provided by another site", "our translations"); a blog post's or an about page's "we ... you"
# speaks of something else ("We hope you enjoy the new release")
SITE_WORD = re.compile(r"\b(?:news|stories|story|articles?|content|updates|newsletters?|site|website|web ?page|page|"
                       r"journalism|readers?|coverage|translations?|cookies|subscri(?:be|ption)|app|edition|newsroom)\b", re.I)
# the site named in the third person to the reader: "this site" in a sentence that says "you" ("it appears you've
# opted out of cookies on this site"), or a name that "is your" source ("Harbour News is your trusted resource for
# the news you need", "The Harbour Post is your go-to place for the best stories, pictures and videos")
# ("this site" alone may be a building site: it counts beside the web's own words, cookies, a browser, a privacy policy)
THIS_SITE = re.compile(r"\bthis (?:site|website|web ?page|app)\b", re.I)
# (only words of the web itself: "comments", "account", "sign in" are a planning notice's or a bank warning's too,
# "If you live near this site, you can send your comments to the council")
WEB_THINGS = re.compile(r"\b(?:cookies?|browser|javascript|privacy (?:policy|settings|notice))\b", re.I)
IS_YOUR = re.compile(r"^[\W\d_]*(?:the\s+)?((?:[A-Z][\w'’.&-]*\s+){1,4})is your\b[^.!?]{0,40}?"
                     r"\b(?:source|resource|destination|home|place|go-to|spot|guide)\b")
SITE_THINGS = re.compile(SITE_WORD.pattern[:-3] + r"|photos|pictures|videos)\b", re.I)
# a speaker's label opening a transcript's turn ("JANE ROE: We turn now to ...", "Mayor Ruiz: ...")
SPEAKER_LABEL = re.compile(r"^[\W\d_]*(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*\s*:\s")


def site_voice(lines: list[str], whole: dict[int, str]) -> list[int]:
    """The indices of paragraphs in which the site speaks to the reader about itself (``site-voice``):
    a sentence says "we" or "our" to "you" or "your" ("Our team works to make sure you never miss a
    story", "We ask for your permission before anything is loaded", "it would help us if you let us
    know"), the paragraph names what a site is made of (news, stories, content, pages, readers, translations:
    :data:`SITE_WORD`), at least half of its sentences address the reader (a second person or a command
    opening them, "Stay in the know ...", "Don't miss ..."), and the prose guard holds (no quotation, no reporting
    verb: a quoted "we ... you" is a speaker's). The site may speak of itself in the third person: "this
    site" beside the web's own words ("it appears you've opted out of cookies on this site"), or its name
    as the reader's source ("Harbour News is your trusted resource for the news you need": :data:`IS_YOUR`,
    with what a site offers, :data:`SITE_THINGS`). A transcript's turn, opening with its speaker's label, stays; so does a paragraph of
    more than :data:`MAX_WORDS` words and every line already found furniture."""
    out = []
    for i, line in enumerate(lines):
        s = line.strip()
        if not s or i in whole or n_words(s) > MAX_WORDS or guarded(s) or SPEAKER_LABEL.match(s):
            continue
        sents = sentences(s)
        web = bool(WEB_THINGS.search(s))
        both = any((WE.search(x) or (web and THIS_SITE.search(x))) and ADDRESS.search(x) for x in sents)
        # the site, named, as the reader's source; a name the story writes elsewhere is the story's subject (a
        # library, a museum: "Eastport Library is your home for local history"), not the site
        yours = IS_YOUR.match(sents[0])
        named = bool(yours and SITE_THINGS.search(s)) and not _named_elsewhere(yours.group(1), lines, i, whole)
        if (named or (both and SITE_WORD.search(s))) and 2 * sum(1 for x in sents if ADDRESS.search(x) or INVITES.match(x)) >= len(sents):
            out.append(i)
    return out


PLEASE = re.compile(r"\bplease\b", re.I)


def _named_elsewhere(name: str, lines: list[str], i: int, whole: dict[int, str]) -> bool:
    """Whether ``name`` (the words before "is your") is written in another line of the page kept so far that
    does not speak to the reader (the site's own "please stay tuned to The Harbour Post Online" names the site)."""
    rx = re.compile(r"\b" + r"\s+".join(map(re.escape, name.split())) + r"\b", re.I)
    return any(rx.search(x) and not (ADDRESS.search(x) or PLEASE.search(x))
               for k, x in enumerate(lines) if k != i and k not in whole)


MAX_NOTICE_WORDS = 25   # a notice opening the capture: a line or two ("Our website is unavailable in your location.")


def notice_lines(lines: list[str], whole: dict[int, str]) -> list[int]:
    """The indices of the site's notice opening the capture (see :func:`past_notice`): every line above
    the menu that follows it, lines already found furniture (``whole``) left out."""
    text = [s.strip() for s in lines]
    paras = [i for i, s in enumerate(text) if s and i not in whole and is_paragraph(s)]
    if len(paras) < 3:
        return []
    start = past_notice(text, paras, whole)
    if start == paras[0]:
        return []
    lead_end = max(i for i in paras if i < start)
    return [i for i in range(lead_end + 1) if text[i] and i not in whole]


def past_notice(text: list[str], paras: list[int], whole: dict[int, str]) -> int:
    """Where the story's first paragraph stands in the stripped lines ``text`` (``paras``: the indices of
    its paragraphs of prose, ``whole``: lines already found furniture): ``paras[0]``, unless the capture
    opens with the site's notice (a cookie or location notice, "We are working hard to get it back
    online.": at most :data:`MAX_NOTICE_WORDS` words in one or two paragraphs, a first or second person in
    them, no quotation or reporting verb) above two or more lines that do not end like sentences (the
    page's menu, the headline) and two or more paragraphs below: then the story starts below the menu,
    and the menu and headline stand above it, not in mid-text."""
    from .joins import is_sentence_line     # joins reads the vocabulary lists; imported when used

    for k in range(min(2, len(paras) - 2)):
        lead = paras[:k + 1]
        nxt = paras[k + 1]
        between = [i for i in range(lead[-1] + 1, nxt) if text[i] and i not in whole]
        if sum(1 for i in between if not is_sentence_line(text[i]) and not guarded(text[i])) < 2:
            continue
        if (sum(n_words(text[i]) for i in lead) <= MAX_NOTICE_WORDS and not any(guarded(text[i]) for i in lead)
                and any(WE.search(text[i]) or ADDRESS.search(text[i]) for i in lead) and len(paras) - (k + 1) >= 2):
            return nxt
        break
    return paras[0]


# a command to the reader about the page itself, opening a short line ("Load more updates", "Return to top",
# "Watch more of our videos on Harbour TV!", "Show key events only", ">>See the rescue in the player above.")
PAGE_COMMAND = re.compile(r"^[\W\d_]{0,3}(?:please\s+)?(?:watch|visit|load|return|back|show|hide|subscribe|discover|add|try|"
                          r"explore|read|see|click|tap|scroll|view|listen|download|sign up|follow|join|share|leave|post|"
                          r"jump|skip|continue|check out)\b(?!-)", re.I)   # "Post-storm clean-up begins" is a subhead
# what the command is about: the page, the site and what it holds, or the reader ("more", "top", "updates",
# "videos", "our", "your"); a subhead in the imperative ("Follow the money") names none of them
PAGE_THING = re.compile(r"\b(?:more|top|now|here|below|above|only|updates?|events?|features?|videos?|footage|player|"
                        r"comments?|newsletters?|e-?mail|inbox|posts?|site|website|page|app|article|stories|live|"
                        r"channel|gallery|photos|feeds?|our|us|you|your)\b", re.I)
# where on the page the command points ("in the player above", "below"): a full stop may close such a line
PAGE_PLACE = re.compile(r"\b(?:above|below|player)\b", re.I)
# a thing on the page or the site itself, not the reader ("your email", "the latest posts"): a full stop closes a
# prompt saying "you" only beside one ("Leave your car at home if you can." is a story's advice to its readers)
PAGE_OBJECT = re.compile(r"\b(?:updates?|events?|features?|videos?|footage|player|comments?|newsletters?|e-?mail|inbox|"
                         r"posts?|site|website|page|app|article|stories|channel|gallery|photos)\b", re.I)
MAX_PAGE_WORDS = 12


def page_prompts(lines: list[str], whole: dict[int, str]) -> list[int]:
    """The indices of short lines anywhere in the text that tell the reader to do something on the page
    or the site (``page-prompt``): at most :data:`MAX_PAGE_WORDS` words and one sentence, opening with a
    command about the page (:data:`PAGE_COMMAND`: load, return, show, watch, visit, subscribe, ...) that
    names the page, the site or the reader (:data:`PAGE_THING`, after the command: "Post office reopens" names
    no post), no quotation or reporting verb; a line ending a sentence only when it points to a place on the page
    ("in the player above") or names a thing of the site (:data:`PAGE_OBJECT`: "videos", "your email"), and
    after a full stop says "you" or "your" too (an article's own "Visit the harbour at dawn." and its advice
    to readers, "Leave your car at home if you can.", stay). A short paywall line saying "you" counts too ("You're reading a preview,
    subscribe to read more."), and a prompt's broken tail ("Watch more on Harbour TV" / "and live on
    channel 276") goes with it. Lines already found furniture (``whole``) are left out."""
    from .joins import GOES_ON     # joins reads the vocabulary lists; imported when used

    out: list[int] = []
    text = [s.strip() for s in lines]
    for i, s in enumerate(text):
        if not s or i in whole or n_words(s) > MAX_PAGE_WORDS:
            continue
        you = bool(re.search(r"\b(?:you|your)\b", s, re.I))
        cmd = PAGE_COMMAND.match(s)   # what the command is about follows it ("Post office reopens" names no post)
        command = (cmd and PAGE_THING.search(s, cmd.end()) and
                   (PAGE_PLACE.search(s) or not s.endswith((".", "!", "?"))
                    or (PAGE_OBJECT.search(s, cmd.end()) and (you or not s.endswith(".")))))
        # the cheap patterns first: the guard and the sentences only for a line that reads as a prompt
        if (command or (you and _PAYWALL.search(s))) and not guarded(s) and len(sentences(s)) <= 1:
            out.append(i)
            nxt = next((k for k in range(i + 1, len(text)) if text[k]), None)
            if (nxt is not None and nxt not in whole and text[nxt][:1].islower() and GOES_ON.match(text[nxt])
                    and n_words(text[nxt]) <= MAX_PAGE_WORDS and not guarded(text[nxt])):
                out.append(nxt)
    return out



# the web page's own vocabulary: its parts and what a reader does with them (a word of it in news prose is one
# among many: "the app topped the download charts last week, analysts said"); plurals and forms written out
PAGE_WORDS = frozenset("""article articles story stories content page pages site sites website websites webpage
newsletter newsletters subscribe subscribed subscribing subscriber subscribers subscription subscriptions signup
login account accounts click clicking tap scroll button buttons link links browser app apps download downloads
comment comments commenting cookie cookies privacy advertisement advertisements ad ads sponsored premium membership
unlock inbox notifications email e-mail copyright disclaimer unedited edit edited podcast loading continue read
reading video videos player translation translated automated free limit feed feeds alerts reserved rights share
follow""".split())
PAGE_WORD = re.compile(r"[^\W\d_][\w'’-]*")
TALK_SHARE = 0.25      # a quarter or more of a line's words are the page's own
MIN_TALK = 2           # and two of them at least, different
MAX_TALK_WORDS = 40
# the page named as such ("this article", "the original story", "this site")
THIS_PAGE = re.compile(r"\b(?:this|the original|original)\s+(?:article|story|page|site|website|video|post|content)\b", re.I)


def page_talk(lines: list[str], whole: dict[int, str]) -> list[int]:
    """The indices of short lines that talk about the page itself (``page-talk``): at most
    :data:`MAX_TALK_WORDS` words, of which at least :data:`MIN_TALK` different ones and at least
    :data:`TALK_SHARE` of all are the web page's own vocabulary (:data:`PAGE_WORDS`: article, site, click,
    scroll, subscribe, app, video, read, comment, translation ...): "Scroll down to the full article",
    "Automated translation of this page", "Free article limit reached". A reader knows such a line is about
    the page, not the news, whatever its phrasing. Never the text's first line (a headline about an app or a
    site is the story's), a line with a quotation or a reporting verb, or a line already found furniture; and a
    sentence (a line with a sentence end) only when it speaks to the reader (:data:`ADDRESS`) or names the page
    as such (:data:`THIS_PAGE`): "Residents used a free app to share videos of the flood." narrates."""
    from .captions import sentence_ends     # captions reads the vocabulary lists; imported when used

    out: list[int] = []
    first = next((i for i, s in enumerate(lines) if s.strip()), -1)
    for i, line in enumerate(lines):
        s = line.strip()
        if not s or i in whole or i == first or n_words(s) > MAX_TALK_WORDS:
            continue
        words = [w.casefold().replace("’", "'") for w in PAGE_WORD.findall(s)]
        own = [w for w in words if w in PAGE_WORDS]
        if len(set(own)) < MIN_TALK or len(own) < TALK_SHARE * len(words) or guarded(s):
            continue
        if sentence_ends(s) and not (ADDRESS.search(s) or THIS_PAGE.search(s)):
            continue    # a sentence of narration about the web
        if goes_on_from_above(lines, i):
            continue    # the rest of a sentence the line above began ("... close down the" / "website and ...")
        out.append(i)
    return out


# the marks a quoting e-mail or a list sets before a line (">", "*", "-"): not words
LINE_MARKS = re.compile(r"^[\s>*•·-]+")


def goes_on_from_above(lines: list[str], i: int) -> bool:
    """Line ``i`` (its quoting or list marks aside) starts in lower case just below a line with no sentence
    end: a hard-wrapped sentence's next line, not a line of its own."""
    from .captions import sentence_ends

    above = lines[i - 1].strip() if i > 0 else ""
    return bool(above) and LINE_MARKS.sub("", lines[i])[:1].islower() and not sentence_ends(LINE_MARKS.sub("", above))
