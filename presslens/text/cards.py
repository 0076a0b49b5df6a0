"""Related cards of a title and a blurb (``teaser-card``, a shape rule of ``furniture.yaml``).

What a reader uses: a list of other articles printed as cards, each a title (a line that does not end
like a sentence) and under it a blurb of one or more whole sentences, the blurb cut short with dots
("... and see a series of..."). One such pair could be the article's subhead over a paragraph that
trails off; two or more in one text are a list of cards, and the cards between and after them (a title
over a blurb of whole sentences, a title closing the capture) belong to it. Above the
first card the list goes on while titles and short blurbs alternate, one blurb under each title, never
into the article's first paragraph of prose: an article's section holds several paragraphs under its
subhead, a card one. After the last card the list goes on only while a title follows each blurb.

The prose guard holds: a blurb with a quotation or a reporting verb stays (it still shows the list's
shape).
"""
from __future__ import annotations

from .joins import is_sentence_line
from .linklist import LIST_ITEM, TEASER_CUT
from .repeats import ANY_END, guarded, is_paragraph, n_words

MIN_CARDS = 2          # pairs of a title over a cut blurb that make a list
MAX_TITLE_WORDS = 25
MAX_BLURB_WORDS = 60   # a card's blurb: one short paragraph


def _title(s: str) -> bool:
    return bool(s) and not is_sentence_line(s) and n_words(s) <= MAX_TITLE_WORDS and not LIST_ITEM.match(s) \
        and not TEASER_CUT.search(s)


def _blurb(s: str) -> bool:
    return bool(s) and n_words(s) <= MAX_BLURB_WORDS and (is_paragraph(s) or bool(TEASER_CUT.search(s)))


def teaser_cards(lines: list[str], whole: dict[int, str]) -> list[int]:
    """The indices of ``lines`` that are related cards (title, blurb) when two titles or more stand
    each over a blurb cut short with dots; ``whole``: lines already found furniture (they count as the
    cards' titles and blurbs, and are never returned; a short line found furniture between a title and
    its blurb, a source's name, is skipped over). Guarded lines (a quotation, a reporting verb) are never
    returned."""
    text = [s.strip() for s in lines]
    # the lines that carry text, a short line already found furniture (a source's name, "5 minutes ago") left out
    seq = [i for i, s in enumerate(text) if s and not (i in whole and n_words(s) <= 3)]
    if not seq:     # nothing but blank lines and short furniture: no cards
        return []
    pos = {i: k for k, i in enumerate(seq)}
    first_para = next((i for i in seq if i not in whole and is_paragraph(text[i])), seq[0])
    # the cards stand below the article's first paragraph of prose, never as it: a live page's first entry cut
    # short is the story, and the line above it the page's headline
    cut = [i for i in seq if TEASER_CUT.search(text[i]) and n_words(text[i]) >= 6 and pos[i] > 0
           and _title(text[seq[pos[i] - 1]]) and i > first_para]
    if len(cut) < MIN_CARDS:
        return []
    take: set[int] = set()
    lo, hi = pos[cut[0]] - 1, pos[cut[-1]]
    take.update(seq[lo:hi + 1])
    # after the last card: more pairs of a title over a blurb while another title follows (the list goes on;
    # a title over the story's last paragraph is a subhead), and a last title, whose blurb the capture cut off
    k = hi + 1
    while k < len(seq):
        if k + 2 < len(seq) and _title(text[seq[k]]) and _blurb(text[seq[k + 1]]) and _title(text[seq[k + 2]]):
            take.update(seq[k:k + 2])
            k += 2
        elif k == len(seq) - 1 and _title(text[seq[k]]):
            take.add(seq[k])
            k += 1
        else:
            break
    # above the first card: pairs of a title over one short blurb, not into the article's first paragraph
    k = lo - 2
    while k >= 0 and seq[k] > first_para and _title(text[seq[k]]) and _blurb(text[seq[k + 1]]) \
            and not TEASER_CUT.search(text[seq[k + 1]]):
        take.update(seq[k:k + 2])
        k -= 2
    # between the cards only titles and blurbs: anything longer is the article going on
    if any(not (_title(text[i]) or _blurb(text[i])) for i in take if i not in whole):
        return []
    return sorted(i for i in take if i not in whole and not guarded(text[i]))


def related_cards(lines: list[str], whole: dict[int, str], after_related: frozenset[int]) -> list[int]:
    """The indices of ``lines`` that are cards under a heading announcing other articles ("Related Articles",
    "More from Harbour Weekly", removed by the listed rules; ``after_related``: the indices of the kept lines
    that followed one): from the heading to the end of the text, every card one or two title lines (a source
    and reading time, a title; :func:`_title`) over exactly one blurb of at most :data:`MAX_BLURB_WORDS` words
    (whole sentences, or cut short by the capture; the capture's last line, cut short after a whole card, at any
    length), two cards or more. A story going on under a "Related:"
    link in mid-text has paragraphs in a row, or a paragraph too long for a blurb, and is not taken. Under
    such a heading the prose guard does not hold: a card's blurb reports as the article it links to does.
    ``whole``: lines already found furniture (they count as titles and blurbs, and are never returned)."""
    text = [s.strip() for s in lines]
    seq = [i for i, s in enumerate(text) if s and not (i in whole and n_words(s) <= 3)]
    for start in sorted(after_related):
        run = [i for i in seq if i >= start]
        cards, titles, take = 0, 0, []
        for i in run:
            s = text[i]
            # the capture's last line, cut short under a title after a whole card, may be a card's text of any length
            longest = 10 ** 6 if (i == run[-1] and cards and _cut(s)) else MAX_BLURB_WORDS
            if _title(s) and titles < 2:
                titles += 1
            elif titles and 6 <= n_words(s) <= longest and (not _title(s) or _cut(s)):
                cards, titles = cards + 1, 0
            else:
                break
            take.append(i)
        else:    # the cards run to the end of the text
            if cards >= MIN_CARDS:
                return [i for i in take if i not in whole]
    return []


def _cut(s: str) -> bool:
    """A blurb the capture cut short: six words or more and no sentence end ("... beside the railway stati")."""
    return not is_sentence_line(s) and n_words(s) >= 6


MIN_CUT_TITLES = 2     # headlines cut short with an ellipsis that make a closing list


def cut_headlines(lines: list[str], whole: dict[int, str]) -> list[int]:
    """The indices of the headlines closing the text (``cut-headline``): a block of lines in a row, no blank
    line between, to the end of the text, below a line that ends a sentence (the story's last paragraph),
    each at most :data:`MAX_TITLE_WORDS` words and either a title (no sentence end anywhere) or a headline cut short
    with an ellipsis ("Port board sacks two pilots over the collision, drawing…"); two cut headlines or more,
    three lines or more. A story's last lines end their sentences; a list of other articles, printed without a
    heading, cuts its titles at the same width. The prose guard does not hold: a headline quotes and reports
    as the article it links to does. ``whole``: lines already found furniture (they count in the block and
    are never returned)."""
    text = [s.strip() for s in lines]
    end = max((i for i, s in enumerate(text) if s), default=-1)
    k = end
    while k >= 0 and text[k] and (k in whole or (n_words(text[k]) <= MAX_TITLE_WORDS and not LIST_ITEM.match(text[k])
                                                 and (bool(TEASER_CUT.search(text[k])) or not ANY_END.search(text[k])))):
        k -= 1
    block = list(range(k + 1, end + 1))
    above = next((j for j in range(k, -1, -1) if text[j]), None)
    cut = [i for i in block if i not in whole and TEASER_CUT.search(text[i])]
    if len(cut) < MIN_CUT_TITLES or len(block) < 3 or above is None or above in whole or not (
            is_sentence_line(text[above]) or is_paragraph(text[above]) or ANY_END.search(text[above])):
        return []
    return [i for i in block if i not in whole]
