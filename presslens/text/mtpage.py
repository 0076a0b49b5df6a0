"""Signals of machine translation in an English page as a whole, outside its prose sentences: pure
functions of the page's raw text (furniture included) and its address.

- :func:`template_signals` - the interface strings of a non-English site rendered word for word
  ("Read: 31" for Прочитано: 31, "Write comment" for Написать комментарий, "You can enter 300
  characters" for Вы можете ввести 300 символов): the English edition runs the source site's template
  through the same translation as its articles; an English site says "31 views", "Leave a comment";
- :func:`dotted_date_signals` - a date written day.month.year on a line of its own, the year in two or
  four digits ("03.11.23 09:15"), as the timestamps of German, Slavic, Turkish and Nordic sites are
  (CLDR's short date patterns); the same rule as mt_phrases.yaml's "15.12.2023" inside a sentence, so
  both count as one piece of evidence;
- :func:`caption_signals` - a picture's caption opened by the Chinese caption formula 图为 rendered word
  for word ("The picture shows an aerial view of ..."): the cleaner sets captions aside as furniture, so the
  formula is looked for on the page's lines too; the same rule as mt_phrases.yaml's sentence entry (one piece
  of evidence however often it is found);
- :func:`credit_signals` - a line saying the page's text was machine-translated ("The translations are mostly done
  through AI translator", "This article was automatically translated"): the site's own declaration (weight 3);
- :func:`edition_signals` - the address of an English edition at all (``en.``, ``/en/``, ``/english/``): weight 1,
  corroboration only (human English desks of non-English newsrooms have such addresses too);
- :func:`slug_signals` - an English edition's address (``/en/``, ``en.``, ``lang=en``) whose slug is
  written in another language ("/en/news/zavod-vidkryv-novyj-tsekh"): the page was made from the
  other-language page and kept its address.

Each returns :class:`presslens.text.mtsignals.Signal` rows; :mod:`presslens.analyses.naming.translation`
weighs them with the sentence signals.
"""
from __future__ import annotations

import re
from urllib.parse import unquote, urlparse

from .mtsignals import RARE_LANGS, Signal, zipf

# Interface strings of Russian-language site engines (Прочитано / Просмотров, Написать комментарий, Вы
# можете ввести N символов; Ukrainian Прочитано, Написати коментар) rendered word for word, each a whole line.
_TEMPLATES = (
    (re.compile(r"^(?:Read|Reads|Was read|Viewed)\s*:\s*\d[\d\s]*$"), "'Read: N' (Прочитано: N)"),
    (re.compile(r"^Write (?:comment|review|your comment)$"), "'Write comment' (Написать комментарий)"),
    (re.compile(r"^You can enter \d+ (?:characters|symbols)$"), "'You can enter N characters' (Вы можете ввести N символов)"),
)
TEMPLATE_LANGS = ("ru", "uk")
TEMPLATE_WEIGHT = 2

# a date day.month.year on a line of its own, with or without a time: a page's timestamp
_DOTTED_LINE = re.compile(r"^(?:[A-Za-z]+,?\s)?(\d{1,2})\.(\d{1,2})\.(\d{2}|(?:19|20)\d{2})(?:,?\s+\d{1,2}:\d{2})?$")
DOTTED_LANGS = ("de", "ru", "pl", "cs", "fi", "tr", "uk", "sr")
DOTTED_RULE = "formula 15.12.2023"  # the rule name of mt_phrases.yaml's sentence entry (phrase_signals' "formula X")

# a caption line opened by 图为 ("the picture shows"), as Chinese news captions are; English names what is shown
_CAPTION = re.compile(r"^(?:The (?:picture|photo) shows)\b", re.IGNORECASE)
CAPTION_RULE = "formula 图为…"  # the rule name of mt_phrases.yaml's sentence entry
CAPTION_WEIGHT = 2

# the English edition of a multilingual site
# the page's own statement that its text was machine-translated (issue 26, pass 26g): the site's disclaimer or byline
_MACHINE = r"(?:an?\s+)?(?:AI|artificial intelligence|machine(?: translation)?|automatic|automated|neural|Google(?: Translate)?|DeepL)"
_CREDIT = re.compile(
    r"\b(?:this|the)\s+(?:article|text|story|news(?: item)?|content|post|page|report)s?\s+(?:was|were|is|are|has been|have "
    r"been)\s+(?:(?:automatically|machine)[- ]translated\b|(?:mostly\s+|partly\s+)?translated\s+(?:automatically|by\s+"
    rf"(?:a\s+)?machine|(?:from\s+(?:the\s+)?\w+\s+)?(?:by|with|using|through)\s+{_MACHINE}))"
    rf"|\btranslations?\s+(?:are|is|were|was)\s+(?:mostly\s+|partly\s+|automatically\s+)?(?:done|made|produced|generated|"
    rf"provided)\s+(?:through|by|with|using)\s+{_MACHINE}"
    r"|^[(\[]?(?:machine|automatically|auto)[- ]translated(?=\s*(?:$|[)\]:.,;|]|(?:by|from|with|using)\b))"
    r"|\bthis is an?\s+(?:automatic|automated|machine)\s+translation\b", re.IGNORECASE)
# a line that reports or asks about a translation is prose, not the page's credit: "The text was translated using
# Google Translate, the court heard." (a reporting verb or "according to"), "Was this article machine-translated?"
_REPORTED = re.compile(r"\?|\baccording to\b|\b(?:said|says|say|heard|told|tells|claimed|claims|alleged|alleges|argued|"
                       r"argues|insisted|insists|denied|denies|asked|asks|admitted|admits|reported)\b", re.IGNORECASE)
CREDIT_MAX_LINE = 300  # a credit is a short line: a longer one is prose that may discuss translation
CREDIT_WEIGHT = 3
CREDIT_RULE = "translation credit"

_EN_EDITION = re.compile(r"(?:^|[/.])en(?:[/.]|$)|[?&](?:lang|hl|language)=en\b", re.IGNORECASE)
_SLUG_WORD = re.compile(r"[a-z]+")
# an English edition, read by edition_signals: a host label or a path segment naming English (issue 26, pass 26g)
_EDITION = re.compile(r"^(?:en|eng|english)\.|\.(?:en|eng|english)\.")
_EDITION_SEGMENTS = frozenset({"en", "eng", "english"})
EDITION_WEIGHT = 1
EDITION_RULE = "English edition address"
SLUG_MIN_FOREIGN = 3   # words of the slug, four letters or more, that English does not know (zipf < 1.5)
SLUG_MAX_ENGLISH = 0.25  # at most this share of the slug's words may be ordinary English (zipf >= 3)
SLUG_WEIGHT = 2


def template_signals(lines: list[str]) -> list[Signal]:
    """The page's lines that are a non-English site's interface rendered word for word; one signal per
    template string found."""
    out = []
    for line in lines:
        for rx, what in _TEMPLATES:
            if rx.match(line.strip()):
                out.append(Signal("site template", f"{line.strip()!r}: {what}", TEMPLATE_LANGS, TEMPLATE_WEIGHT,
                                  "site template", "ru-site-engines"))
    return out


def dotted_date_signals(lines: list[str]) -> list[Signal]:
    """A line that is a date day.month.year (two- or four-digit year), with or without a time; the first only."""
    for line in lines:
        m = _DOTTED_LINE.match(line.strip())
        if m and 1 <= int(m.group(1)) <= 31 and 1 <= int(m.group(2)) <= 12:
            return [Signal("locale format", f"{line.strip()!r}: a date written day.month.year", DOTTED_LANGS, 1,
                           DOTTED_RULE, "cldr")]
    return []


def caption_signals(lines: list[str]) -> list[Signal]:
    """A line opened by the caption formula 图为 rendered word for word ("The picture shows ..."); the first only."""
    for line in lines:
        m = _CAPTION.match(line.strip())
        if m:
            return [Signal("MT phrase", f"{m.group(0)!r} (图为…, zh): a caption opened as Chinese captions are", ("zh",),
                           CAPTION_WEIGHT, CAPTION_RULE, "xinhua-style")]
    return []


def credit_signals(lines: list[str]) -> list[Signal]:
    """A line of the page saying its text was machine-translated ("The translations are mostly done through AI
    translator", "This article was automatically translated", "Machine translated from the Spanish"): the site's
    own declaration, a tell of weight :data:`CREDIT_WEIGHT`; the first only. A line that reports or asks about a
    translation (a reporting verb, "according to", a question mark) is prose, not the page's voice; "Machine translated"
    opening a line credits the page only as a label (alone, in brackets, before "by"/"from"), not before a noun
    ("Automatically translated subtitles are available"). A translation credited to a person, or
    a quotation run through a translator ("Via Google Translate: ...") is none: only the page's text said to be
    translated by a machine counts."""
    for line in lines:
        t = line.strip()
        m = _CREDIT.search(t) if len(t) <= CREDIT_MAX_LINE and not _REPORTED.search(t) else None
        if m:
            return [Signal("site template", f"{t!r}: the page says its text was machine-translated", (),
                           CREDIT_WEIGHT, CREDIT_RULE, "page-credit")]
    return []


def slug_signals(url: str | None) -> list[Signal]:
    """An English edition's address whose last path segment is written in another language: at least
    ``SLUG_MIN_FOREIGN`` words English does not know, and ordinary English words at most
    ``SLUG_MAX_ENGLISH`` of them. Points to the languages whose wordfreq list knows most of the
    foreign words (none when the slug is transliterated from another script)."""
    if not isinstance(url, str) or not url:
        return []
    u = urlparse(url)
    if not _EN_EDITION.search(u.netloc + u.path + ("?" + u.query if u.query else "")):
        return []
    segs = [s for s in unquote(u.path).split("/") if s]
    if not segs:
        return []
    words = [w for w in _SLUG_WORD.findall(segs[-1].lower()) if len(w) >= 4]
    if len(words) < SLUG_MIN_FOREIGN:
        return []
    foreign = [w for w in words if zipf(w, "en") < 1.5]
    english = [w for w in words if zipf(w, "en") >= 3]
    if len(foreign) < SLUG_MIN_FOREIGN or len(english) > SLUG_MAX_ENGLISH * len(words):
        return []
    known = {lang: sum(zipf(w, lang) >= 2.5 for w in foreign) for lang in RARE_LANGS}
    langs = tuple(lang for lang, n in known.items() if n * 2 > len(foreign))
    return [Signal("site template", f"address {segs[-1]!r}: an English edition's slug in another language "
                   f"({', '.join(foreign[:4])})", langs, SLUG_WEIGHT, "foreign slug", "w3c-i18n")]


def edition_signals(url: str | None) -> list[Signal]:
    """The address of an English edition of a site (a host ``en.``/``eng.``/``english.``, a path segment ``/en/``,
    ``/eng/``, ``/english/``, or ``lang=en``): a site with editions in other languages. Weight 1, pointing to
    no language, and only corroboration (:mod:`presslens.analyses.naming.translation` lists its rule
    :data:`EDITION_RULE` among those that never found a verdict): state agencies and newspapers of non-English
    countries keep English desks of people at the same addresses."""
    if not isinstance(url, str) or not url:
        return []
    u = urlparse(url)
    if not _EDITION.search(u.netloc.lower()) and not any(seg.lower() in _EDITION_SEGMENTS
                                                          for seg in unquote(u.path).split("/")) \
            and not re.search(r"(?:^|&)(?:lang|hl|language)=en\b", u.query, re.IGNORECASE):
        return []
    return [Signal("site template", f"address {url!r}: the address of an English edition (a site with editions in "
                   "other languages)", (), EDITION_WEIGHT, EDITION_RULE, "w3c-i18n")]


def page_signals(text: str, url: str | None = None) -> list[Signal]:
    """Every page-level signal of one article's raw text (furniture included) and address."""
    lines = [ln for ln in str(text or "").splitlines() if ln.strip()]
    return (template_signals(lines) + dotted_date_signals(lines) + caption_signals(lines) + credit_signals(lines)
            + slug_signals(url) + edition_signals(url))
