"""Lists of other pages' links by shape (``link-list``, a shape rule of ``furniture.yaml``): related
headlines, menus and widgets, as a reader tells them from the article. Split from :mod:`.shape`, which
uses and re-exports every name here.

What a reader uses to decide: three or more lines in a row that do not end like sentences (each a
title, a menu entry), or such a line below the article's last paragraph; the lines below a heading
announcing other articles ("Related posts"; "Most Read Stories" over titles to the end of the capture,
the heading too, when the listed rules left it); a headline of another article may report ("..., official
says") when most of its run does not (:func:`headline_like`). A list the article introduces ("... as
follows:") stays, and so do the article's figures (a line half of numbers: "15 - 30 min") and a fact box (most lines of the run a label and its value: "Developer:
Harbour Games", "Capacity: 12 ml"): the article's own data.
"""
from __future__ import annotations

import re
from typing import Callable

from .captions import sentence_ends
from .joins import OPEN_END, cut_mid_word, is_sentence_line
from .repeats import ANY_END, guarded, n_words

# an item of the article's own list: a bullet, a number ("2.", "#3 "), a lower-case start
LIST_ITEM = re.compile(r"^(?:[-–—•*·▪●◦]\s|\d{1,2}[.)]\s|#\d{1,3}\s|[a-z])")
# a heading that announces other articles: "Related posts", "Others also read", "More from Harbour Post"
RELATED_HEAD = re.compile(r"^\s*(?:related|recommended|trending|popular|latest|more|other|others also|you may also|"
                          r"you might also|read (?:more|also|next)|also read|see also|most (?:read|popular|viewed)|"
                          r"top stories|next in|editor(?:'|’)?s picks?|"
                          # the same headings in other languages
                          r"lee también|lea también|más noticias|te puede interesar|(?:à )?lire aussi|à lire également|"
                          r"sur le même sujet|mehr zum thema|lesen sie auch|weitere artikel|das könnte sie auch interessieren|"
                          r"schon gelesen|empfohlene beiträge|ähnliche beiträge|(?:contenido|notas|noticias|artículos) relacionad[oa]s|"
                          r"articles similaires|articoli correlati|not[íi]cias relacionadas|gerelateerde artikelen|"
                          r"leggi anche|potrebbe interessarti|leia também|veja também|lees ook|czytaj (?:też|także|również)|"
                          r"читайте также|материалы по теме|ещ[её] по теме|相关阅读|相關閱讀|延伸阅读|延伸閱讀|相关新闻|相關新聞|"
                          r"推荐阅读|推薦閱讀|関連記事|関連ニュース|おすすめ記事|관련 ?기사)\b[\w\s’'&]{0,30}[:：?]?\s*$", re.I)
# a heading of the article's own summary box ("Key points", "What we know"): the lines below are the
# article's, and so is the heading
SUMMARY_HEAD = re.compile(r"^\s*(?:key (?:points|facts|takeaways)|(?:the )?takeaways|highlights|at a glance|in brief|in short|"
                          r"what we know(?: so far)?|what you need to know|summary|tl;?dr|"
                          r"lo (?:que|esencial)(?: hay que| se)? sab(?:er|emos)|en bref|l(?:'|’)essentiel|ce que l(?:'|’)on sait|"
                          r"das wichtigste(?: in kürze)?|auf einen blick|in sintesi|em resumo|главное|要点|要点まとめ|ポイント)\s*[:：]?\s*$", re.I)
CAPTIONS = ("caption", "caption-copy")    # the shape rules that find a picture's caption (a related card's picture)
# a teaser cut short: a word, then dots or an ellipsis with no sentence's end before them ("... and morning boats...")
# (the two letters before the dots read by a lookbehind: no backtracking over a long run of letters)
TEASER_CUT = re.compile(r"(?<=[^\W\d_]{2})(?:\.{2,}|…)\s*$")
DOUBLE_QUOTE = re.compile(r"[\"“”«»„]")
# a labelled field of a fact box: "Developer: Harbour Games", "Capacity: 12 ml", "Weight 4 kg"; a label
# of one to three words, then its value
FIELD = re.compile(r"^[^\W\d_][\w’'()./&-]*(?:\s+[\w’'()./&-]+){0,2}\s*:\s*\S")


def headline_like(line: str, below: str = "") -> bool:
    """A line written as a headline though it reports: no sentence end, at most twenty words, no
    double quotation mark (a quotation in running text), not a list's bullet, not stopping on a word a
    sentence cannot end on, the line below not going on in lower case ("..., official says"); or a
    headline asking a question ("What next for the port?", at most fifteen words)."""
    s = line.strip()
    question = s.endswith("?") and n_words(s) <= 15 and len(sentence_ends(s)) == 1
    return (bool(s) and (question or not is_sentence_line(s)) and n_words(s) <= 20 and not DOUBLE_QUOTE.search(s)
            and not s.endswith(":") and not LIST_ITEM.match(s) and not OPEN_END.search(s)
            and not below.strip()[:1].islower())


def link_list(text: list[str], whole: dict[int, str], loose: list[bool], joined: set[int], first: int, last: int,
              final: int, after_related: frozenset[int], gone_before: Callable[[int], int]) -> dict[int, str]:
    """{line index: "link-list"} for the stripped lines ``text`` of one article: runs of three or more
    unended lines below the first paragraph (``first``), unended lines below the last one (``last``;
    ``final`` is the last non-blank line), and the lines below a heading announcing other articles
    (``after_related``: the indices of lines that followed such a heading, removed by the listed rules).
    ``whole``: the lines already found furniture (a line found by another rule keeps it); ``loose``: per
    line, whether it may be furniture (no sentence end, no prose guard, no list item); ``joined``: the
    lines of a sentence its links broke apart (prose); ``gone_before(k)``: how many lines the listed
    rules removed just before line ``k`` (furniture, which counts in a run; so does a caption found in ``whole`` among two
    titles or more: a related card's picture caption above its title and teaser)."""
    n = len(text)
    out: dict[int, str] = {}
    # a headline of another article may report ("..., official says", "Minister: 'no deal'"): in a run
    # of unended lines it is a list item when most of the run is not reporting (see headline_like)
    # the capture's last line may stop inside a paragraph: a long line that reports ("The young man said
    # both he and his mother are still stunned over the incident, reve") is that paragraph, not a title
    heads = [(loose[i] or (i not in whole and i not in joined and headline_like(text[i], text[i + 1] if i + 1 < n else "")))
             and not figures(text[i]) and not SUMMARY_HEAD.match(text[i])
             and not (i == final and n_words(text[i]) >= 12 and guarded(text[i])) for i in range(n)]
    run: list[int] = []
    for i in range(first + 1, n + 1):
        if i < n and (heads[i] or (not text[i] and run) or whole.get(i) in CAPTIONS):
            run.append(i)
            continue
        items = [k for k in run if text[k] and k not in whole]
        fields = sum(1 for k in items if FIELD.match(text[k]))
        # lines the listed rules removed inside a run of short lines or right around it were furniture too,
        # and so were lines another shape rule found (a card's picture caption) among two titles or more
        short = bool(items) and all(n_words(text[k]) <= 40 for k in items)
        gone = sum(gone_before(k) for k in [*run, run[-1] + 1]) if short else 0
        gone += sum(1 for k in run if whole.get(k) in CAPTIONS) if short and len(items) >= 2 else 0
        plain = sum(1 for k in items if loose[k]) + gone
        before = next((text[k] for k in range(run[0] - 1, -1, -1) if text[k]), "") if run else ""
        below = bool(items) and items[0] > last     # below the story: one plain line suffices
        if (len(items) + gone >= 3 and plain >= (1 if below else 2) and (below or 2 * plain >= len(items) + gone)
                and not (before.endswith(":") and n_words(before) >= 3)  # a list introduced
                and not 2 * fields > len(items)    # a fact box of the article: most lines a label and its value
                and (below or gone or any(n_words(text[k]) >= 4 for k in items))):  # mid-text: a title among them
            for k in items:
                if k not in whole:
                    out.setdefault(k, "link-list")   # a link card found above keeps its rule
        run = []
    # below the story, some line is surely not prose (or the listed rules removed one there)
    zone = any(loose[k] for k in range(last + 1, final + 1)) or any(gone_before(k) for k in range(last + 1, n + 1))
    # the capture's last line, when it reports at length, is a paragraph it cut (see ``heads``): the line just
    # above it is that paragraph's subhead (a live page's entry heading), not a link
    cut_last = final if not heads[final] and n_words(text[final]) >= 12 and guarded(text[final]) else -1
    above_cut = next((k for k in range(cut_last - 1, last, -1) if text[k] and k not in whole), -1) if cut_last >= 0 else -1
    if above_cut >= 0 and (guarded(text[above_cut]) or re.search(r"[.!?]", text[above_cut])):
        above_cut = -1      # a caption closing on its credit ("... said.Harbour Photo") is no subhead
    for i in range(last + 1, final):
        if (loose[i] or (zone and heads[i] and not ANY_END.search(text[i]))) and i not in whole and i not in out \
                and n_words(text[i]) <= 15 and i != above_cut:
            out[i] = "link-list"
    # below a heading announcing other articles, to the end: their titles and teasers, unless the
    # article goes on (a longer paragraph, or a line with a quotation or reporting verb)
    for start in sorted(k for k in after_related if k > first):
        rest = [k for k in range(start, n) if text[k] and k not in whole and k not in out]
        # a list holds titles, not paragraphs alone: a headline-like line, or a bullet with no sentence end
        # ("- Storm closes the harbour road": a related list printed as bullets)
        if (rest and any(heads[k] or (LIST_ITEM.match(text[k]) and not text[k][:1].islower()
                                      and not is_sentence_line(text[k])) for k in rest)
                and all(n_words(text[k]) <= 30 and (not guarded(text[k]) or headline_like(text[k]) or _quoted_title(text[k])
                                                     or _listed_title(text[k])) for k in rest)):
            for k in rest:
                out[k] = "link-list"
            continue
        # in mid-text ("Read more", then a title or two, then the story goes on): the titles up to the prose
        for k in range(start, n):
            if not text[k] or k in out or k in whole:
                continue
            if not (heads[k] and n_words(text[k]) <= 20):
                break
            out[k] = "link-list"
    # a heading announcing other articles that the listed rules left ("Most Read Stories"), below the
    # first paragraph, over two or more titles to the end of the capture (headlines, or bullets that do
    # not end with a full stop): the heading and its titles; a subhead of the story over its paragraphs stays
    for h in range(first + 1, n):
        if not text[h] or h in whole or h in out or not RELATED_HEAD.match(text[h]) or guarded(text[h]):
            continue
        rest = [k for k in range(h + 1, n) if text[k] and k not in whole and k not in out]
        if len(rest) >= 2 and all(heads[k] or _title_item(text[k]) for k in rest):
            for k in (h, *rest):
                out[k] = "link-list"
            break
    out.update(dict.fromkeys((k for k in ticker(text, whole, first) if k not in out), "link-list"))
    return out


_WORD = re.compile(r"[^\W\d_]{4,}")
_COMMON = frozenset("that this with from have been were will would when what after over into about their there they "
                    "than then more most also said says just some such only other which while where".split())


def _about_the_story(block: list[int], text: list[str], story: list[int]) -> bool:
    """Whether half the lines of ``block`` or more share two content words or more with the lines ``story`` (the
    story's headline and first paragraph): a summary of the story printed above it, not a ticker of other stories
    ("Storm wrecks two harbour piers" over "Harbour Council approves the pier repairs")."""
    own = {w.lower() for k in story for w in _WORD.findall(text[k])} - _COMMON
    near = sum(1 for k in block if len({w.lower() for w in _WORD.findall(text[k])} & own) >= 2)
    return 2 * near >= len(block)


def ticker(text: list[str], whole: dict[int, str], first: int) -> list[int]:
    """Above the story's first paragraph (``first``), a block of three or more lines in a row, no blank
    line between them, each written as a headline (:func:`headline_like`), three or more of three words
    or more (a ticker of other stories, "BREAKING" over six headlines), when the story's own headline (a kept line
    of four words or more) stands between the block and the first paragraph, and the block is not about the story
    (:func:`_about_the_story`: a summary printed above the headline shares its words). Lines already found
    furniture (``whole``) are left out of the block; a guarded line in it stays."""
    out: list[int] = []
    i = 0
    while i < first:
        if not text[i]:
            i += 1
            continue
        j = i
        while j < first and text[j]:
            j += 1
        block = [k for k in range(i, j) if k not in whole]
        below = [k for k in range(j, first) if text[k] and k not in whole and n_words(text[k]) >= 4]
        if below and all(headline_like(text[k]) for k in block) and sum(1 for k in block if n_words(text[k]) >= 3) >= 3 \
                and not _about_the_story(block, text, below + [first]):
            out += [k for k in block if not guarded(text[k])]
        i = j
    return out


def _quoted_title(line: str) -> bool:
    """A title holding a quoted word or name, no sentence: at most twelve words, no sentence end, no reporting
    verb outside the marks ("Ana “Gull” Lund laid to rest"): the prose guard reads its marks as a quotation."""
    bare = re.sub(r"[\"“”«»„][^\"“”«»„]{1,40}[\"“”«»„]", "", line)
    return n_words(line) <= 12 and not ANY_END.search(line) and not guarded(bare)


def _listed_title(line: str) -> bool:
    """A numbered or bulleted title that reports ("1. Lund tells the council to wait"), no sentence: under a
    heading announcing other articles, a list's item, as a headline of another article may report."""
    return bool(LIST_ITEM.match(line)) and not line[:1].islower() and n_words(line) <= 20 and not is_sentence_line(line)


def _title_item(line: str) -> bool:
    """A bullet holding another article's title: a bullet, a capital after it, at most twenty words, no
    full stop (or other sentence end) closing it ("- Storm closes the harbour road")."""
    m = re.match(r"^[-–—•*·▪●◦]\s+[A-Z0-9“\"‘']", line)
    return bool(m) and n_words(line) <= 20 and not re.search(r"[.!;:…]\W*$", line)


def introduced(text: list[str], last: int) -> set[int]:
    """The lines of a table or list the last paragraph introduces ("Here are the latest figures:", three words
    or more closing on a colon): the block of lines just below it, to the next blank line."""
    if not (0 <= last < len(text) and text[last].endswith(":") and n_words(text[last]) >= 3):
        return set()
    k = last + 1
    while k < len(text) and not text[k]:
        k += 1
    out = set()
    while k < len(text) and text[k]:
        out.add(k)
        k += 1
    return out


def figures(line: str) -> bool:
    """A value of the article's data rather than a title: half its words or more are numbers ("15 - 30 min",
    "1 545 500 euros", "68 m2")."""
    words = line.split()
    return bool(words) and 2 * sum(1 for w in words if any(c.isdigit() for c in w)) >= len(words)


# list items run together without a space, a sentence end or colon between them ("...Summary:Why It Matters")
GLUED_ITEMS = re.compile(r"[a-z][.?!:](?-i:[A-Z])[a-z]")


def cut_paragraph(text: list[str], i: int) -> bool:
    """Line ``i`` is the capture's last line and a paragraph it cut inside a word ("As of 8:52 a.m. ET
    Tuesday, Delta h"): six words or more, a capital first, no list's bullet (a related list's title cut
    short stays a title); or a paragraph it cut after a word a sentence cannot end on ("... to the crews
    and"), eight words or more: a title never stops on "and" or "the" (a table of contents whose entries
    lost their line breaks, "...ResilienceKey Summary:Why ...", is no paragraph)."""
    s = text[i]
    return (bool(s) and not any(t for t in text[i + 1:]) and n_words(s) >= 6 and s[:1].isupper()
            and not LIST_ITEM.match(s) and (cut_mid_word(s) or (n_words(s) >= 8 and bool(OPEN_END.search(s)) and not GLUED_ITEMS.search(s))))


def enclosed_list(text: list[str], whole: dict[int, str]) -> list[int]:
    """A block of three or more short lines enclosed by furniture (``whole``: the lines found so far), no blank line
    between: the line just above the block and the line just below it are furniture, and every line of the block is
    one to four words with no sentence end, no prose guard and no list's bullet, fewer than half of them figures (a sponsor's or widget's
    names between its heading and its button: "Interested in our sponsors?" / "Harbour Roofing" / "Quay Clips" /
    "Dock Sales" / "Click below to sponsor:"). A reader reads the block with its frame; the article's own list is
    introduced by its prose, not by furniture."""
    out: list[int] = []
    i = 0
    while i < len(text):
        if not text[i] or i in whole or i == 0 or (i - 1) not in whole:
            i += 1
            continue
        j = i
        while j < len(text) and text[j] and j not in whole:
            j += 1
        block = range(i, j)
        if (j - i >= 3 and j < len(text) and j in whole
                and all(n_words(text[k]) <= 4 and not is_sentence_line(text[k]) and not guarded(text[k])
                        and not LIST_ITEM.match(text[k]) for k in block)
                and 2 * sum(1 for k in block if figures(text[k])) < j - i):    # a table of the article's figures stays
            out += list(block)
        i = j
    return out
