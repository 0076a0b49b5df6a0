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

- ``repeated-line``: a line of fewer than four words without a sentence end that occurs twice or
  more in the article (a widget, a name): every copy goes. A paragraph of prose that occurs again
  (a teaser printed above the story) goes except its last copy. A headline or subhead printed again
  stays: it is prose.
- ``caption-copy``: a line followed (within two lines) by the same line with a credit after it
  (``Boats in the bay`` / ``Boats in the bay. Photo: AP``): both are a caption.
- ``caption``: a line opening with a caption marker (``FILE -``, ``TOPSHOT -``, ``[1/5]``,
  ``2 of 3``, ``File photo:``), or one sentence ending with the place and full date a caption gives
  (``..., Harbourland, May 3, 2024.``), or ending with a credit (``Photo: Jane Roe/AP``,
  ``REUTERS/Jane Roe``, ``(Getty)``).
- ``glued-credit``: a credit glued to the end of a paragraph of several sentences (or an agency's
  sign-off, "... said. (Xinhua)", after any paragraph) is cut off, the
  paragraph kept.
- ``link-card``: below the first paragraph, a title followed by a site's name ("Storm hits coast -
  Harbour Times", "...-Xinhua").
- ``timestamp-line``: a date or time line with at most three other words (a name, "Published").
- ``short-line``: a line of at most three words without a sentence end, above the first paragraph
  of prose or below the last one (section names, bylines, dates, "Connect with us").
- ``link-list``: three or more lines in a row without a sentence end (related headlines, menus,
  widgets), or any such line below the last paragraph of prose (link cards after the story).
- ``template-line``: a short line (digits folded) that recurs in other articles of the same site,
  or of three sites, that share no prose with it (the site's template); see :func:`template_keys`.
"""
from __future__ import annotations

import re
from urllib.parse import urlparse

from presslens import data as data_files

from .furniture import PROSE_GUARD
from .segment import TOKEN

SENT_END = re.compile(r"[.!?…。！？][\"”’')\]]*\s*$")
_ANY_END = re.compile(r"[.!?…。！？][\"”’')\]]*(?:\s|$)")
MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
CAPTION_MARK = re.compile(r"^\s*(?:(?:FILE(?: PHOTO)?|TOPSHOT|PHOTOS?|IMAGE|VIDEO|WATCH|GALLERY|LISTEN)\s*[-–—:]\s|\[\d{1,2}/\d{1,2}\]|\d{1,2} (?:of|/) \d{1,2}\s|"
                          r"file (?:photo|picture|image)\s*[:-]\s)", re.I)
# a caption's closing place and full date: "..., Harbourland, May 3, 2024." / "... Friday May 3, 2024."
CAPTION_DATE = re.compile(r"(?:,\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*,?\s+(?:on\s+)?(?:%s,?\s+)?|\s%s,?\s+)%s\s+\d{1,2},\s+\d{4}\.?\s*$"
                          % (WEEKDAY, WEEKDAY, MONTH))
CREDIT_WORD = r"(?:credit|credits|photo|photos|photograph|picture|pic|image|images|copyright|courtesy|source)"
# every name a wire or photo credit signs with: presslens/data/wire_agencies.yaml (one list, with its sources)
AGENCY = "(?:" + "|".join(re.escape(n) for n in data_files.credit_names()) + ")"
# a credit at the end of a line: "Photo: Jane Roe/AP", "Credit…Jane Roe/Reuters", "(Getty)", "REUTERS/Jane Roe/File Photo"
CREDIT_TAIL = re.compile(
    r"(?:(?<=[\s.…)\]])|^)(?:\(?\s*%s\s*(?::|…|by\b|-|courtesy\b)\s*[^.:;!?\"“”]{1,70}\)?|\((?:%s|[\w .'’-]{1,40}/\s*%s)[^()]{0,40}\)|"
    r"(?:%s)\s*/\s*[\w .'’-]{2,40}(?:/\s*File Photo)?|(?<=[.…]\s)/\s?[A-Z][\w .'’-]{2,60}|[\w .'’-]{2,40}\s*/\s*(?:%s)(?:\s+via\s+[\w .'’-]{2,40})?)\s*\.?\s*$"
    % (CREDIT_WORD, AGENCY, AGENCY, AGENCY, AGENCY), re.I)
LIST_ITEM = re.compile(r"^(?:[-–—•*·▪●◦]\s|\d{1,2}[.)]\s|[a-z])")
TRUNCATED = re.compile(r"\s(?:\.{2,}|…)\s*$")
# the words a date and time line is made of: "Updated 2024.03.12 08:15 GMT+8", "Tuesday, March 12, 2024"
DATE_WORD = re.compile(r"^(?:%s|%s|mon|tue|wed|thu|fri|sat|sun|\d{1,4}(?:st|nd|rd|th)?|\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:[ap]\.?m\.?)?|[ap]\.?m\.?|"
                       r"gmt|utc|est|edt|pst|pdt|cet|cest|bst|ist|jst|hkt|et|pt|published|updated|posted|modified|"
                       r"release|date|last|first|on|at|time|\d{4}[./-]\d{1,2}[./-]\d{1,2}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4})$" % (MONTH, WEEKDAY), re.I)
HAS_DATE = re.compile(r"\b(?:%s\W+(?:%s\W+)?\d{1,2}(?:st|nd|rd|th)?\b|\d{1,2}(?:st|nd|rd|th)?\s+%s|\d{4}[./-]\d{1,2}[./-]\d{1,2}|\d{1,2}[./]\d{1,2}[./]\d{4}|\d{1,2}:\d{2})" % (MONTH, WEEKDAY, MONTH), re.I)
# where a photo caption places people: "Jane Roe, left, talks to ...", "(L to R)"
CAPTION_PLACE = re.compile(r",\s(?:left|right|centre|center|second (?:left|right|from (?:left|right))|(?:top|bottom|front) (?:left|right)|"
                           r"from left|left to right)\s?,|\((?:L|R|C|left|right|centre|center|L to R|from left)\)")
# an agency's sign-off after the last sentence of a paragraph: "... on Monday. (Xinhua)"
AGENCY_SIGN = re.compile(r"(?<=[.!?”\"])\s*\((?:%s|[A-Z]{2,8})\)\s*$" % AGENCY)
# a title followed by a site's name: "Storm hits the coast - Harbour Times", "... | Reuters", "...-Xinhua"
SITE_WORD = (r"(?:News|Times|Post|Herald|Daily|Tribune|Journal|Press|Gazette|Telegraph|Express|Chronicle|Observer|"
             r"Standard|Mail|Mirror|Star|Sun|Guardian|Independent|Online|Today|Wire|Network|Media|TV|Radio|Insider|"
             r"Review|Report|Monitor|Dispatch|Bulletin|Courier|Globe|Inquirer|Week|Weekly|Magazine|Agency)")
SITE_SUFFIX = re.compile(r"^(?P<title>\S.{10,}?)\s*(?:\s[-–—|•:]\s|[-–—|](?=[A-Z]))\s*(?P<site>(?:%s|[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|co|cn|in|news|info|tv|uk|au|pk|ph|my)|"
                         r"(?:[A-Z][\w.&'’-]*\s+){0,3}%s))\s*$" % (AGENCY, SITE_WORD))
SINGLE_QUOTED = re.compile(r"^\s*[‘'].*[’']\s*$")
LABEL_ONLY = re.compile(r"^[^\W\d_][\w()’' &-]{0,30}:\s*$")



def is_timestamp(line: str) -> bool:
    """A date or time line, with at most three other words (a name, "Release", a source):
    "12 March 2024 Tuesday 08:15", "Jane Roe Published May 03, 2024 | 09:49 PM"."""
    if not HAS_DATE.search(line) or n_words(line) > 20:
        return False
    words = re.findall(r"[^\s,|•·()\[\]–—-]+", line.replace("+", " "))
    other = [w for w in words if not DATE_WORD.match(w.strip(".:")) and any(ch.isalnum() for ch in w)]
    return len(other) <= 3 and len(other) < len(words) / 2


SHAPE_IDS = ("link-card", "timestamp-line", "repeated-line", "caption-copy", "caption", "glued-credit", "short-line", "link-list", "template-line")


def n_words(line: str) -> int:
    return len(TOKEN.findall(line))


def is_paragraph(line: str) -> bool:
    """A paragraph of prose: eight words or more and a sentence end (as :func:`segment.is_prose`)."""
    return n_words(line) >= 8 and bool(_ANY_END.search(line))


def is_sentence_line(line: str) -> bool:
    """Ends like a sentence (a link's title cut short with " .." or " …" does not)."""
    return bool(SENT_END.search(line)) and not TRUNCATED.search(line)


def guarded(line: str) -> bool:
    """The prose guard: a quotation mark or a reporting verb (or a line in single quotation marks)."""
    return bool(PROSE_GUARD.search(line) or SINGLE_QUOTED.match(line))


def line_key(line: str) -> str:
    """A line's shape: case folded, digits folded to 0, runs of white space as one."""
    return re.sub(r"\d", "0", " ".join(line.split()).casefold())


def site_of(url, outlet) -> str:
    """The site an article comes from: its URL's host without ``www.``, else its outlet."""
    if isinstance(url, str) and "//" in url:
        host = (urlparse(url).hostname or "").lower()
        if host:
            return host[4:] if host.startswith("www.") else host
    return str(outlet or "")


def _copy_key(line: str) -> str:
    return re.sub(r"[\W_]+", " ", line.casefold()).strip()


def template_keys(docs: list[tuple[str, str, str]], max_words: int = 25) -> dict[str, frozenset[str]]:
    """Cross-page template detection over one story's articles, ``docs`` = (article id, site, text).

    A candidate is a line that is not a paragraph of prose, has at most ``max_words`` words and no
    prose guard; its shape (:func:`line_key`) is template when it occurs in two articles of the same
    site, or in articles of three sites, that share no paragraph of prose with each other (copies of
    one article share their headline and subheads, which are prose). Returns, for each article, the
    template shapes it holds."""
    prose: dict[str, set[str]] = {}
    cands: dict[str, dict[str, set[str]]] = {}  # shape -> site -> articles
    for aid, site, text in docs:
        ps: set[str] = set()
        for line in text.split("\n"):
            s = line.strip()
            if not s:
                continue
            if is_paragraph(s):
                ps.add(_copy_key(s))
            elif n_words(s) <= max_words and not guarded(s):
                cands.setdefault(line_key(s), {}).setdefault(site, set()).add(aid)
        prose[aid] = ps
    owner: dict[str, list[str]] = {}
    for aid, ps in prose.items():
        for p in ps:
            owner.setdefault(p, []).append(aid)
    related: dict[str, set[str]] = {aid: set() for aid in prose}
    for arts in owner.values():
        if 1 < len(arts) <= 50:
            for a in arts:
                related[a].update(arts)
    out: dict[str, set[str]] = {}
    for key, by_site in cands.items():
        if not any(ch.isalnum() for ch in key):
            continue

        def apart(arts: list[str]) -> list[str]:
            picked: list[str] = []
            for a in sorted(arts):
                if not any(b in related[a] for b in picked):
                    picked.append(a)
            return picked

        hits: set[str] = set()
        for arts in by_site.values():
            if len(apart(list(arts))) >= 2:
                hits.update(arts)
        sites_apart = apart([sorted(a)[0] for a in by_site.values()])
        if len(sites_apart) >= 3 and n_words(key) <= 6:
            hits.update(a for arts in by_site.values() for a in arts)
        for a in hits:
            out.setdefault(a, set()).add(key)
    return {a: frozenset(k) for a, k in out.items()}


def _repeats(lines: list[str]) -> dict[int, str]:
    """Copies of a line in one article. A headline or subhead printed again stays (four words or more
    without a sentence end, or a headline of up to twenty words on the first line); a
    shorter line without a sentence end (a widget, a name) loses every copy; a paragraph of prose
    keeps its last copy."""
    out: dict[int, str] = {}
    seen: dict[str, list[int]] = {}
    for i, line in enumerate(lines):
        if line.strip():
            seen.setdefault(_copy_key(line), []).append(i)
    top = next((i for i, line in enumerate(lines) if line.strip()), 0)  # where a headline stands
    for key, idx in seen.items():
        if len(idx) < 2 or not key:
            continue
        line = lines[idx[0]]
        if guarded(line) and not is_paragraph(line):
            continue
        if n_words(line) >= 4 and (not is_paragraph(line) or (idx[0] == top and n_words(line) <= 20)):
            continue  # a headline or subhead printed again is still the headline (prose)
        drop = idx[:-1] if is_paragraph(line) else idx
        for i in drop:
            out[i] = "repeated-line"
    # a teaser paragraph printed again below with a word or two changed: the earlier copy goes
    paras = [(i, _copy_key(l)) for i, l in enumerate(lines) if i not in out and is_paragraph(l) and n_words(l) >= 12]
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


def shape_furniture(lines: list[str], enabled: frozenset[str] | set[str] = frozenset(SHAPE_IDS),
                    template: frozenset[str] = frozenset()) -> tuple[dict[int, str], dict[int, str]]:
    """Furniture found by shape in one article's ``lines`` (after the listed rules ran): returns
    ({line index: rule id} for whole lines, {line index: the credit to cut} for glued credits)."""
    whole: dict[int, str] = {}
    cuts: dict[int, str] = {}
    n = len(lines)
    text = [line.strip() for line in lines]
    if "repeated-line" in enabled:
        whole.update(_repeats(text))
    for i, s in enumerate(text):
        if not s or i in whole:
            continue
        g = guarded(s)
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
        if g:
            continue
        if "timestamp-line" in enabled and is_timestamp(s):
            whole[i] = "timestamp-line"
            continue
        if "caption" in enabled and n_words(s) <= 80:
            credit = CREDIT_TAIL.search(s)
            head = s[:credit.start()] if credit else s
            one_sentence = len(list(_ANY_END.finditer(head.rstrip() + " "))) <= 1
            if CAPTION_MARK.search(s) or CAPTION_PLACE.search(s) or (one_sentence and (CAPTION_DATE.search(head.rstrip())
                                                                                       or (credit and n_words(head) >= 3))):
                whole[i] = "caption"
                continue
            if credit and "glued-credit" in enabled and not one_sentence:
                cuts[i] = s[credit.start():].strip()

    paras = [i for i, s in enumerate(text) if s and i not in whole and is_paragraph(s)]
    if not paras:
        return whole, cuts
    final = max(i for i, t in enumerate(text) if t)  # the capture may end inside a paragraph
    first, last = paras[0], paras[-1]
    # a line that may be furniture: no sentence end, no prose guard, not a sentence introducing a
    # list ("... include:"), not an item of a list (a bullet, a number, a lower-case start)
    loose = [bool(s) and i not in whole and not is_sentence_line(s) and not guarded(s)
             and not (s.endswith(":") and n_words(s) >= 3) and not LIST_ITEM.match(s) for i, s in enumerate(text)]
    if "link-card" in enabled:  # below the first paragraph: a title at the top is the page's headline
        for i in range(first + 1, n):
            if i not in whole and text[i] and not is_sentence_line(text[i]) and not guarded(text[i]) and SITE_SUFFIX.match(text[i]):
                whole[i] = "link-card"
    if "link-list" in enabled:
        run: list[int] = []
        for i in range(first + 1, n + 1):
            if i < n and (loose[i] or (not text[i] and run)):
                run.append(i)
                continue
            items = [k for k in run if text[k]]
            before = next((text[k] for k in range(run[0] - 1, -1, -1) if text[k]), "") if run else ""
            if len(items) >= 3 and not (before.endswith(":") and n_words(before) >= 3):  # a list introduced
                for k in items:
                    whole[k] = "link-list"
            run = []
        for i in range(last + 1, final):
            if loose[i] and i not in whole and n_words(text[i]) <= 15:
                whole[i] = "link-list"
    if "short-line" in enabled:
        for i, s in enumerate(text):
            if ((i < first or last < i < final) and loose[i] and i not in whole and len(s) <= 40
                    and (n_words(s) <= 3 or LABEL_ONLY.match(s))):
                whole[i] = "short-line"
    return whole, cuts
