r"""Web furniture by shape and by repetition: what a reader recognises without a list of phrases.

The regular expressions of ``presslens/data/furniture.yaml`` catch furniture by its words
("Advertisement", "Sign up for our newsletter"). This module catches it by what a reader sees on the
page: where a line stands (before the first paragraph of prose or after the last one), how long it
is, whether it ends like a sentence, whether it repeats, and whether it ends with a photo credit.
Every rule has an id in ``furniture.yaml`` (``shapes:``), so a story switches it off with
``furniture: {disable: [id]}`` and every removal is listed with its rule.

The prose guard of :mod:`presslens.text.furniture` holds here too: a line with a quotation mark or a
reporting verb is never furniture. Headlines and subheads are prose: a short line between two
paragraphs of prose stays, and so does the first line of four or more words above the first
paragraph (the headline).

Rules (ids):

- ``repeated-line``: a teaser cut short ("...") of a line the article prints in full; a line of fewer than four words without a sentence end that occurs twice or
  more in the article (a widget, a name): every copy goes; so does every copy of a longer line without a
  sentence end printed three times or more, unless its first copy is the article's first line (a
  headline is printed once or twice: the page's title and its heading; a gallery's caption recurs). A paragraph of prose that occurs again
  (a teaser printed above the story) goes except its last copy. A headline or subhead printed again
  stays: it is prose.
- ``caption-copy``: a line followed (within two lines) by the same line with a credit after it
  (``Boats in the bay`` / ``Boats in the bay. Photo: AP``): both are a caption.
- ``caption``: a line opening with a caption marker (``FILE -``, ``TOPSHOT -``, ``[1/5]``,
  ``2 of 3``, ``File photo:``; up to 150 words when it also closes with a credit), or one sentence ending with the place and full date a caption gives
  (``..., Harbourland, May 3, 2024.``) or with the wire's formula (``..., in this photo taken by Harbour Post.``),
  or the wire's caption of two sentences, the first closing on its place and date, the line on a credit (even
  when its second sentence reports, "..., according to the council. (AP Photo/Jane Roe)"), or a video's running time (``... (2:12)``), or ending with a credit (``Photo: Jane Roe/AP``,
  ``REUTERS/Jane Roe``, ``(Getty)``).
- ``glued-credit``: a credit glued to the end of a paragraph of several sentences (or an agency's
  sign-off, "... said. (Kyodo)", after any paragraph) is cut off, the
  paragraph kept.
- ``link-card``: below the first paragraph, a title followed by a site's name ("Storm hits coast -
  Harbour Times", "...-Kyodo").
- ``timestamp-line``: a date or time line with at most three other words (a name, "Published"), or a
  page's metadata line: fields apart by "|" or "•", one a date, the others labelled ("Source: X") or
  names ("Published 3 May 09:00 • Jane Roe, Li Wei").
- ``short-line``: a line of at most three words without a sentence end, above the first paragraph
  of prose or below the last one (section names, bylines, dates, "Connect with us").
- ``link-list``: three or more lines in a row without a sentence end (related headlines, menus,
  widgets), or any such line below the last paragraph of prose (link cards after the story). A line the
  listed rules removed in or around a run of short lines counts as one of its lines.
- No rule by position or length takes a line of a sentence its links broke across lines
  (:func:`.joins.split_sentence`: "In the first" / "damage report" / "on" / ", officials said ...").
- ``template-line``: a short line (digits folded) that recurs in other articles of the same site,
  or of three sites, that share no prose with it (the site's template); see :func:`template_keys`.
- ``unended-line``: a line of eight to twenty-five words written as a sentence (with "the", "a" or
  "an", which headline grammar drops) without a sentence end anywhere, between two paragraphs of prose or
  below the last one (a photo or video caption): a headline or subhead is written without articles, a
  paragraph ends with its full stop, a paragraph split mid-sentence stops on a word such as "would" or
  goes on in lower case, narration in the past tense ("was", "were", "had") and a quotation stay, and so
  does a line printed again in the article (a headline), a subhead asked as a question without its mark
  ("What is known about ..."), and a last line the capture cut inside a word ("... and interro"). The last line counts only up to twenty words,
  and only when it does not go on narrating: a capture cut mid-paragraph stops on prose with a past form
  or participle, a perfect, future or modal, or a pronoun carrying on the paragraph above (``NARRATES``).
- ``author-bio``: the writer's biography at the article's start or end, naming a person the story names
  nowhere else, and its contact lines (:mod:`.bios`).

Words are counted script-aware (:func:`.repeats.n_words`): a run of Chinese or Japanese characters is
one word per two characters, so the rules by length and position work on pages in those scripts.
- ``glued-caption``: a caption run into the paragraph after it is cut off (:func:`.captions.glued_caption`).
- ``link-list`` runs may hold headlines that report (:func:`headline_like`) when most of the run does not.
- ``link-card`` also takes a line that stood above a site's name alone on a line (a title, then its
  site, on two lines; the site's name goes by the listed rule ``bare-site-name``).
- ``link-card`` also takes, below the first paragraph, a link's label run into its title at a colon
  without a space ("Port Selby storm:Piers reopen after the repairs"); above it, the label run into the
  headline is cut off (``glued-mark``).
- ``glued-mark``: an end-of-story mark or a stray brace after a paragraph's last sentence ("... on
  Monday. ■"), a share button after it ("... on Monday. Share"), a media label in capitals after a
  headline ("Storm wrecks the piers PHOTO"), a "read more" link after the last sentence ("... on Monday.
  Read more at the Harbour Post.", "...(read more)"), and a section's name after a bar at the end of a line above
  the prose ("Storm hits the coast | World News"), cut off; the line kept.
- ``byline-shape``: above the second paragraph, a line of names with "in" and a place ("Jane Roe in
  Rome") or with a reporters' title ("Agency reporters Jane Roe and Li Wei"), without a sentence end.
- ``link-list`` also takes every line below a heading that announces other articles ("Related posts",
  "Others also read") to the end of the capture, when none is a longer paragraph or guarded prose.
- ``short-line`` also takes the last line of the capture (at most three words, "APP Services"), a line of
  editors' initials ("jg/abo/mem"), a line of hashtags, and a tag between two paragraphs (one or two
  words in lower case).
- No rule by position or length takes the lede's dateline alone on the line above it, in capitals
  ("PORT SELBY"; a page's label in capitals, "WORLD", goes), nor a line ending in a colon after a saying
  verb ("The Harbour Post reports:"), which introduces the paragraph it quotes (:func:`.joins.prose_lines`).
"""
from __future__ import annotations

import re

from .bios import bios
from .prompts import past_notice
from .datelines import (AGO, CJK_DATE, DATE_FREE, DATE_WORD, HAS_DATE, LABELLED, META_SPLIT, NAMES,  # noqa: F401
                        is_meta_line, is_timestamp)
from .captions import (ABBR_DOT, AGENCY, AGENCY_SIGN, CAPTION_CLOSE, CAPTION_DATE, CAPTION_MARK, CAPTION_OPEN,  # noqa: F401
                       CAPTION_PLACE, CREDIT_TAIL, CREDIT_WORD, DURATION, MONTH, TELLS, WEEKDAY, glued_caption, credit_tail,
                       sentence_ends, wire_caption)
from .joins import (GOES_ON, OPEN_END, QUESTION_HEAD, TRAILING_SYMBOLS, TRUNCATED, cut_mid_word,  # noqa: F401
                    is_sentence_line, prose_lines, split_sentence)
from .linklist import (LIST_ITEM, RELATED_HEAD, SUMMARY_HEAD, TEASER_CUT, cut_paragraph, headline_like,  # noqa: F401
                       introduced, link_list)
from .repeats import (ANY_END, SENT_END, SINGLE_QUOTED, copy_key, guarded, is_paragraph, line_key,  # noqa: F401
                      n_words, site_of, speaker_labels, template_keys)

TEASER_END = re.compile(r"(?:\.{3,}|…)\s*$")     # a title cut short, with or without a space
# a title followed by a site's name: "Storm hits the coast - Harbour Times", "... | Reuters", "...-Kyodo"
SITE_WORD = (r"(?:News|Times|Post|Herald|Daily|Tribune|Journal|Press|Gazette|Telegraph|Express|Chronicle|Observer|"
             r"Standard|Mail|Mirror|Star|Sun|Guardian|Independent|Online|Today|Wire|Network|Media|TV|Radio|Insider|"
             r"Review|Report|Monitor|Dispatch|Bulletin|Courier|Globe|Inquirer|Week|Weekly|Magazine|Agency)")
SITE_SUFFIX = re.compile(r"^(?P<title>\S.{10,}?)\s*(?:\s[-–—|•:]\s|[-–—|](?=[A-Z]))\s*(?P<site>(?:%s|[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|co|cn|in|news|info|tv|uk|au|pk|ph|my)|"
                         r"(?:[A-Z][\w.&'’-]*\s+){0,3}%s))\s*$" % (AGENCY, SITE_WORD))
HASHTAGS = re.compile(r"^#[^\W_][\w-]*(?:\s+#[^\W_][\w-]*)+$")      # a line of hashtags only
# an end-of-story mark or a stray brace after a paragraph's last sentence: "... on Monday. ■"
END_MARK = re.compile(r"(?<=[.!?。”\"’'])\s*[■□▪◆◇●○♦}\]]+\s*$")
# a page's button or label left after a line's text: a share button after the last sentence ("... on Monday.
# Share"), a media label in capitals after a headline ("Storm wrecks the piers PHOTO", "... [VIDEO]")
END_BUTTON = re.compile(r"(?<=[.!?”\"’])\s+(?:Share|Tweet|Print|E-?mail|Reply)(?:\s+(?:Share|Tweet|Print|E-?mail|Reply))*\s*$")
# a "read more" link left after a paragraph's last sentence: "... flying glass.(read more)", "... on Monday. Read
# more at the Harbour Post."
READ_MORE_TAIL = re.compile(r"(?<=[.!?…”\"’])\s*(?:[(\[](?i:read more|continue reading)[)\]]|(?i:read more)\s*(?:»|›|>>)|"
                            r"(?i:read (?:more|the full (?:story|article|report))) (?:at|on) (?:the )?[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,5}\.?)\s*$")
END_LABEL = re.compile(r"(?<=[^\W\d_])\s*(?:\s(?:PHOTOS?|VIDEOS?|GALLERY|AUDIO|INFOGRAPHICS?)|[\[(](?:PHOTOS?|VIDEOS?|GALLERY|AUDIO|INFOGRAPHICS?)[\])])\s*$")
# a link's label run into its title without a space ("Port Selby storm:Piers reopen after the repairs"): the
# label and the title are two elements of a link card, which a capture joins at the colon
LABEL_GLUED = re.compile(r"^(?:[A-Z][\w'’&.-]*\s+){1,4}[A-Z][\w'’&.-]*:(?=[A-Z][a-z])")
# a headline with a section's name after a bar: "Storm hits the coast | World News"
SECTION_TAIL = re.compile(r"^(?P<title>\S.{14,}?)\s+\|\s+[A-Z][\w&'’.-]*(?:\s+&?\s*[A-Z][\w&'’.-]*){0,3}\s*$")
# a correspondent's line: names, "in", a place; or a reporters' title before names
BYLINE_SHAPE = re.compile(r"^(?:[A-Z][\w'’.-]+\s+){1,3}in\s+[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)?$|"
                          r"^(?:[A-Z][\w'’.-]+\s+){0,4}(?:reporters?|correspondents?|staff writers?)\s+"
                          r"[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,2}(?:(?:,\s*|\s+and\s+)[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,2})*$")
# a quotation in single marks (opening at a word's start, closing at a word's end), or a line opening one
QUOTED = re.compile(r"(?:^|[\s(])[‘']\S.*?\S[’'](?=[\s.,;:!?)]|$)|^\s*[‘']")
# a sentence's grammar, which headline grammar drops: "Damaged cars in the city after the storm" is a
# caption, "Families hunt for loved ones after storm" a headline or subhead (prose), which stays
ARTICLE = re.compile(r"\b(?:the|a|an)\b", re.I)
# narration's past tense (a caption describes its picture in the present: "Rescuers search the rubble")
PAST = re.compile(r"\b(?:was|were|had|did)\b", re.I)
# the capture's last line goes on narrating when it was cut mid-paragraph (a caption below the story
# describes its picture in the present, as a noun phrase or a present tense): a past form or participle
# ("declared", "visited"; not an adjective after an article, "a wrecked boat"), a perfect, future or
# modal ("has made", "will dock"), or a pronoun or demonstrative carrying on the paragraph above ("He
# spent years ...", "This achievement ...")
NARRATES = re.compile(r"\b(?:has|have|had|will|would|could|should|can|may|might|must|shall)\b|(?<!\ba\s)(?<!\ban\s)(?<!\bthe\s)\b[^\W\d_]{2,}ed\b|"
                      r"^[\W\d_]*(?:he|she|it|they|we|i|you|his|her|its|their|this|that|these|those)\b", re.I)
# editors' initials closing a wire story, with or without the agency: "jg/abo/mem", "aja/XYZ", "XYZ/jg"
INITIALS = re.compile(r"^(?:[a-z]{1,4}(?:/[a-z]{1,4}){1,6}|(?:[a-z]{1,4}/){1,4}[A-Z]{2,5}|[A-Z]{2,5}(?:/[a-z]{1,4}){1,4})$")
CODE = re.compile(r"\w[:_=]\w|[{}<>;=]")    # a line of code ("CMD flask run app:main"), which a listing repeats
LABEL_ONLY = re.compile(r"^[^\W\d_][\w()’' &-]{0,30}:\s*$")


SHAPE_IDS = ("link-card", "timestamp-line", "repeated-line", "caption-copy", "caption", "glued-credit", "short-line", "link-list",
             "template-line", "unended-line", "byline-shape", "glued-mark", "glued-caption", "author-bio")


def _repeats(lines: list[str]) -> dict[int, str]:
    """Copies of a line in one article. A headline or subhead printed again stays (four words or more
    without a sentence end, or a headline of up to twenty words on the first line); a
    shorter line without a sentence end (a widget, a name) loses every copy; a paragraph of prose
    keeps its last copy."""
    out: dict[int, str] = {}
    seen: dict[str, list[int]] = {}
    for i, line in enumerate(lines):
        if line.strip():
            seen.setdefault(copy_key(line), []).append(i)
    top = next((i for i, line in enumerate(lines) if line.strip()), 0)  # where a headline stands
    for key, idx in seen.items():
        if len(idx) < 2 or not key:
            continue
        line = lines[idx[0]]
        if (guarded(line) and not is_paragraph(line)) or speaker_labels(lines, idx):   # a transcript's label stays
            continue
        if n_words(line) >= 4 and not is_paragraph(line) and len(idx) >= 3 and idx[0] != top and not CODE.search(line):
            for i in idx:   # printed three times or more: a gallery's caption or a widget, not a headline
                out[i] = "repeated-line"
            continue
        if n_words(line) >= 4 and (not is_paragraph(line) or (idx[0] == top and n_words(line) <= 20)):
            continue  # a headline or subhead printed again is still the headline (prose)
        drop = idx[:-1] if is_paragraph(line) else idx
        for i in drop:
            out[i] = "repeated-line"
    # a teaser paragraph printed again below with a word or two changed: the earlier copy goes
    paras = [(i, copy_key(l)) for i, l in enumerate(lines) if i not in out and is_paragraph(l) and n_words(l) >= 12]
    if 1 < len(paras) <= 400:
        from rapidfuzz import fuzz

        for a, (i, ka) in enumerate(paras[:5]):
            if i == top and n_words(lines[i]) <= 20:
                continue  # the headline
            for j, kb in paras[a + 1:]:
                if ka != kb and fuzz.ratio(ka, kb) >= 95:
                    out[i] = "repeated-line"
                    break
    return out


class Cuts(dict):
    """{line index: the text to cut from the line's end}, with ``marks``: the indices whose cut is a
    glued mark or section label (``glued-mark``) rather than a credit (``glued-credit``)."""

    marks: frozenset[int] = frozenset()
    heads: frozenset[int] = frozenset()   # the indices whose cut is a caption at the line's start (glued-caption)


def shape_furniture(lines: list[str], enabled: frozenset[str] | set[str] = frozenset(SHAPE_IDS),
                    template: frozenset[str] = frozenset(), before_site: frozenset[int] = frozenset(),
                    after_related: frozenset[int] = frozenset(), removed_before: tuple[int, ...] = ()
                    ) -> tuple[dict[int, str], dict[int, str]]:
    """Furniture found by shape in one article's ``lines`` (after the listed rules ran): returns
    ({line index: rule id} for whole lines, {line index: the credit to cut} for glued credits).
    ``before_site``: the indices of lines that stood just above a site's name alone on a line (a
    link card's title, its site removed by the listed rules); ``after_related``: the indices of lines
    that followed a heading announcing other articles ("Related posts", removed by the listed rules);
    ``removed_before``: for each index (and one past the last), how many lines the listed rules removed
    just before that line (furniture, which counts in a run of furniture lines)."""

    def gone_before(k: int) -> int:
        return removed_before[k] if 0 <= k < len(removed_before) else 0

    whole: dict[int, str] = {}
    cuts: Cuts = Cuts()
    marks: set[int] = set()      # the cuts made by glued-mark (the others are glued credits)
    heads: set[int] = set()      # the cuts made by glued-caption, from the line's start
    n = len(lines)
    text = [line.strip() for line in lines]
    joined = split_sentence(text)    # lines of one sentence its links (or a fixed-width wrap) broke apart: prose
    if "repeated-line" in enabled:     # "The" printed twice, each the start of a wrapped sentence, is no widget
        whole.update({i: r for i, r in _repeats(text).items() if i not in joined})
    if "author-bio" in enabled:
        whole.update(dict.fromkeys(bios(text, whole), "author-bio"))
    for i, s in enumerate(text):
        if not s or i in whole:
            continue
        g = guarded(s)
        if "repeated-line" in enabled and not g and TEASER_END.search(s) and _copied(text, i, teaser=True):
            whole[i] = "repeated-line"     # a teaser cut short ("...") of a line printed in full
            continue
        if "template-line" in enabled and template and not g and line_key(s) in template and not is_paragraph(s):
            whole[i] = "template-line"
            continue
        if "caption-copy" in enabled and n_words(s) >= 4:
            for j in range(i + 1, min(n, i + 3)):
                t = text[j]
                if t.startswith(s) and t != s and n_words(t[len(s):]) <= 12 and CREDIT_TAIL.search(t):
                    whole[i] = whole[j] = "caption-copy"
                    break
            if i in whole:
                continue
        if "glued-credit" in enabled and (sign := AGENCY_SIGN.search(s)):
            cuts[i] = sign.group(0).strip()  # a sign-off after the last sentence: cut even from a reporting line
        elif "glued-mark" in enabled and (mark := END_MARK.search(s)) and n_words(s[:mark.start()]) >= 3:
            cuts[i] = mark.group(0).strip()  # an end mark or stray brace after the last sentence: never prose
            marks.add(i)
        elif "glued-mark" in enabled and (mark := END_BUTTON.search(s) or READ_MORE_TAIL.search(s) or _end_label(s)):
            cuts[i] = mark.group(0).strip()  # a button or a media label left after the line's text
            marks.add(i)
        if g and "caption" in enabled and n_words(s) <= 150 and (credit := credit_tail(s)) and (
                CAPTION_MARK.search(s) or CAPTION_OPEN.search(s) or (n_words(s) <= 80 and wire_caption(s, credit))):
            whole[i] = "caption"    # opens as a caption (or is the wire's two-sentence caption) and closes with its credit
            continue
        if g:
            if "glued-caption" in enabled and i not in cuts and (cap := glued_caption(s)):
                cuts[i] = cap    # a caption run into a reporting paragraph: cut off the line's start
                heads.add(i)
            continue
        if "timestamp-line" in enabled and (is_timestamp(s) or is_meta_line(s)) and not cut_paragraph(text, i):
            whole[i] = "timestamp-line"
            continue
        if "caption" in enabled and 80 < n_words(s) <= 150 and CAPTION_MARK.search(s) and CREDIT_TAIL.search(s):
            whole[i] = "caption"    # a long caption still opens with its marker and closes with its credit
            continue
        if "caption" in enabled and n_words(s) <= 80:
            credit = CREDIT_TAIL.search(s)
            head = s[:credit.start()] if credit else s
            ends = sentence_ends(head.rstrip())
            one_sentence = len(ends) <= 1
            # a caption of two sentences, the first closing on its place and date (", Harbourtown, on
            # Monday, May 6, 2024."), the line closing on a credit: the wire caption's formula
            dated = bool(credit and len(ends) == 2 and CAPTION_DATE.search(head[:ends[0]].rstrip()))
            placed = (CAPTION_PLACE.search(s) or CAPTION_OPEN.search(s)) and (one_sentence or not glued_caption(s))
            if CAPTION_MARK.search(s) or placed or dated or (one_sentence and ((CAPTION_DATE.search(head.rstrip()) and not TELLS.search(head))
                                                                     or CAPTION_CLOSE.search(head)
                                                                     or (credit and n_words(head) >= 3) or DURATION.search(s))):
                whole[i] = "caption"
                continue
            if credit and "glued-credit" in enabled and not one_sentence:
                cuts[i] = s[credit.start():].strip()
        if "glued-caption" in enabled and i not in cuts and (cap := glued_caption(s)):
            cuts[i] = cap    # a caption run into the paragraph after it: cut off the line's start
            heads.add(i)

    paras = [i for i, s in enumerate(text) if s and i not in whole and is_paragraph(s)]
    if "glued-mark" in enabled:     # a section label after the headline: "Storm hits the coast | World News"
        for i in range(0, paras[0] if paras else len(text)):
            m = SECTION_TAIL.match(text[i])
            if m and i not in whole and i not in cuts and not is_sentence_line(m.group("title")) and not guarded(text[i]):
                cuts[i] = text[i][m.end("title"):].strip()
                marks.add(i)
            elif (lab := LABEL_GLUED.match(text[i])) and i not in whole and i not in cuts and not ANY_END.search(text[i]):
                cuts[i] = lab.group(0)      # a label run into the headline: "Harbour Guild:Piers reopen ..."
                marks.add(i)
    cuts.marks, cuts.heads = frozenset(marks), frozenset(heads)
    if not paras:
        return whole, cuts
    final = max(i for i, t in enumerate(text) if t)  # the capture may end inside a paragraph
    if final not in whole and final not in paras and cut_paragraph(text, final):
        paras.append(final)     # a paragraph the capture cut mid-word: the story goes on to the end
    first, last = past_notice(text, paras, whole), paras[-1]   # a site's notice above the menu is no start of the story
    # a line that may be furniture: no sentence end, no prose guard, not a sentence introducing a
    # list ("... include:"), not an item of a list (a bullet, a number, a lower-case start)
    joined = set(joined) | prose_lines(text, first) | introduced(text, last)   # a dateline above the lede, a quotation's intro, a table's rows
    loose = [bool(s) and i not in whole and i not in joined and (not is_sentence_line(s) or bool(TEASER_CUT.search(s))) and not guarded(s)
             and not (s.endswith(":") and n_words(s) >= 3) and not LIST_ITEM.match(s) and not SUMMARY_HEAD.match(s)
             for i, s in enumerate(text)]
    if "link-card" in enabled:  # below the first paragraph: a title at the top is the page's headline
        for i in range(first + 1, n):
            if (i not in whole and i not in joined and text[i] and not is_sentence_line(text[i]) and not guarded(text[i])
                    and (SITE_SUFFIX.match(text[i]) or (i in before_site and n_words(text[i]) <= 25)
                         or ((lab := LABEL_GLUED.match(text[i])) and 4 <= n_words(text[i][lab.end():]) <= 25))):
                whole[i] = "link-card"
    if "link-list" in enabled:   # runs of unended lines: related headlines, menus, widgets (linklist.py)
        whole.update(link_list(text, whole, loose, joined, first, last, final, after_related, gone_before))
    if "short-line" in enabled:
        for i, s in enumerate(text):
            # above the first paragraph a bullet is a breadcrumb's ("• World"), the last line a name's
            bare = (i < first or i == final) and s and i not in joined and not is_sentence_line(s) and not guarded(s) and not SUMMARY_HEAD.match(s)
            if ((i < first or last < i < final or (i == final > last and (_named(s) or HASHTAGS.match(s)))) and i not in whole
                    and (INITIALS.match(s) or (HASHTAGS.match(s) and not guarded(s)) or ((loose[i] or bare) and len(s) <= 40
                                               and (n_words(s) <= 3 or LABEL_ONLY.match(s))))):
                whole[i] = "short-line"
            elif (first < i < last and s and i not in whole and i not in joined and ((n_words(s) <= 2 and s[0].islower()) or HASHTAGS.match(s))
                  and not is_sentence_line(s) and not guarded(s) and _between_paragraphs(text, whole, i)):
                whole[i] = "short-line"      # a tag between two paragraphs ("moon")
    if "byline-shape" in enabled:
        second = paras[1] if len(paras) > 1 else last
        for i in range(0, second):
            if text[i] and i not in whole and BYLINE_SHAPE.match(text[i]) and not guarded(text[i]):
                whole[i] = "byline-shape"
    if "unended-line" in enabled:
        for i in range(first + 1, final + 1):
            s = text[i]
            nxt = next((t for t in text[i + 1:] if t), "")
            if (s and i not in whole and i not in cuts and loose[i] and 8 <= n_words(s) <= (20 if i == final else 25)
                    and ARTICLE.search(s) and not PAST.search(s) and not ANY_END.search(TRAILING_SYMBOLS.sub("", s))
                    and not _copied(text, i) and not _crosshead(s, nxt)
                    and not TRUNCATED.search(s) and not QUOTED.search(s) and not OPEN_END.search(s)
                    and not QUESTION_HEAD.match(s) and not (i == final and cut_mid_word(s))
                    and (not (nxt[:1].islower() or nxt[:1] in "([") if nxt else not NARRATES.search(s))):
                whole[i] = "unended-line"   # a paragraph split mid-sentence ends open or goes on in lower case
    return whole, cuts


def _end_label(line: str):
    """A media label in capitals after a headline ("Storm wrecks the piers PHOTO"): the line has no
    sentence end, four words or more before the label, and is not itself in capitals."""
    m = END_LABEL.search(line)
    if not m or ANY_END.search(line[:m.start()]) or n_words(line[:m.start()]) < 4:
        return None
    letters = [c for c in line[:m.start()] if c.isalpha()]
    return m if sum(c.isupper() for c in letters) < len(letters) / 2 else None


def _crosshead(line: str, nxt: str) -> bool:
    """A crosshead of the article: the paragraph below takes up four words in a row of it ("22 Indian
    crew members ..." above "... there were 22 Indian crew members ..."), as a section's title does."""
    words = re.findall(r"\w+", line.casefold())
    below = " " + " ".join(re.findall(r"\w+", nxt.casefold())) + " "
    return is_paragraph(nxt) and any(" " + " ".join(words[k:k + 4]) + " " in below for k in range(len(words) - 3))


def _named(line: str) -> bool:
    """The capture's last line as a name or a code ("APP Services", "ePaper - Nawa", "jg/abo"), not
    the start of a paragraph cut short ("The port")."""
    words = re.findall(r"[^\W\d_][\w'’.&-]*", line)
    return bool(INITIALS.match(line)) or (len(words) >= 2 and not OPEN_END.match(words[0] + " ") and
                                          all(w[0].isupper() or any(c.isupper() for c in w[1:]) for w in words))


def _copied(text: list[str], i: int, teaser: bool = False) -> bool:
    """Line ``i`` is printed elsewhere in the article, whole or cut short ("... happened..."): a
    headline printed again, which is prose. ``teaser``: line ``i`` is the copy cut short, and the
    line printed in full is elsewhere (its last two thirds suffice: a section name may be glued to
    the teaser's start, "WorldA storm ...")."""
    key = copy_key(TEASER_END.sub("", text[i]) if teaser else text[i])
    for k, t in enumerate(text):
        if k == i or not t:
            continue
        if teaser:
            if len(key) >= 20 and key[-(len(key) * 2 // 3):] in copy_key(t) and not TEASER_END.search(t):
                return True
            continue
        other = copy_key(TRUNCATED.sub("", t))
        if other == key or (TRUNCATED.search(t) and len(other) >= 20 and other[-(len(other) * 2 // 3):] in key):
            return True
    return False


def _between_paragraphs(text: list[str], whole: dict[int, str], i: int) -> bool:
    """The nearest lines kept above and below line ``i`` are paragraphs of prose."""
    up = next((text[k] for k in range(i - 1, -1, -1) if text[k] and k not in whole), "")
    down = next((text[k] for k in range(i + 1, len(text)) if text[k] and k not in whole), "")
    return is_paragraph(up) and is_paragraph(down)
