"""``presslens import``: saved web pages (as a browser or ``wget`` saves them) -> articles of a story.

Each page becomes ``STORY/articles/ID.md``: YAML front matter, then the main text (trafilatura), one
paragraph per line. A field is filled only from what the page itself declares, never guessed; which
source wins for each field, and why, is in docs/data-contract.md ("Importing saved pages"):

- ``outlet``: the publisher evidence in order of trust (:mod:`.outlet`): JSON-LD publisher (an ``@id``
  reference followed), ``og:site_name`` / ``application-name`` when they name the site (a section or a
  tagline does not), the site's name ending the ``<title>``, else the URL's host (or ``--outlet NAME``).
- ``title``: the page's own ``<h1>`` headline over the social one, else trafilatura's title with the
  site's suffix cut (:mod:`.fields`).
- ``url``: ``<link rel=canonical>``, else ``og:url``, else the "saved from" comment a browser writes;
  a site's root is not an article's URL.
- ``published``: publication over modification, the day in the page's own time zone (:mod:`.dates`),
  else the date shown with the article, else a date in the URL's path; a date found anywhere else is
  named in ``notes``, never taken. Never the file's time, never today. The time of day is kept, on the
  page's own clock, when the publication metadata gives one (:func:`.dates.front_matter`).
- ``language``: ``<html lang>``, else ``content-language``, else ``og:locale``: the primary subtag,
  lower-case (``en-GB`` -> ``en``, ``zh_CN`` -> ``zh``).
- ``byline``: author meta tags, else trafilatura's reading of author metadata and JSON-LD, else a byline
  in the article, each checked (:func:`.fields.clean_byline`: no placeholders, no site names, no dates).
- ``translated_from: null`` and ``derived_from: []``: a page never declares them; ``notes`` says so. A page whose
  wire credit is plain (an agency byline, a "PLACE (AP) —" dateline, a closing agency copyright) gets that agency
  in ``derived_from`` (:func:`.fields.wire_credit`), with ``notes`` saying where it was read.

The text is trafilatura's main text in its balanced mode (``favor_precision`` drops inline link text),
no comments, no tables, one paragraph per line; ``<time>`` elements keep their words (trafilatura
deletes them, leaving "renewal in ."), drop caps are joined to their words, and a text much shorter than
the page's own articleBody is replaced by it with a warning (:mod:`.body`). Fewer than 10 words is a
failure (trafilatura returns a menu's "Home" rather than nothing), fewer than 50 a warning. The ID is a
slug of the file's stem, with -2, -3 ... when another page of the same import, or a different article
(another URL), holds it. An existing article is never overwritten without ``force``, the same page saved
twice (same text, outlet and URL) is imported once, another outlet's page with the same text (syndication)
is imported as its own article with a warning naming the twin, and every write is atomic (tmp file + os.replace). One line is printed per page:
what was found, and what the page does not reveal.

Reading ONE saved page: the article region and each front-matter field from what the page declares.
The page's bytes become text and a tree in :mod:`.decode`; writing the files is :mod:`.write`; the time
limit on a page is :mod:`.guard`.
"""
from __future__ import annotations

import copy
import json
import logging
import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable
from urllib.parse import urljoin, urlsplit

from presslens.errors import PageError
from presslens import limits, paths, words
from . import body, dates, decode, fields
from .decode import MAX_BYTES, MAX_DEPTH  # noqa: F401  (public names of this module)
from .dates import FAST, PUBLISHED_META  # noqa: F401  (PUBLISHED_META: public name of this module)
from .fields import BYLINE_PREFIX, clean_byline  # noqa: F401
from .outlet import outlet_of


PAGE_SUFFIXES = (".html", ".htm")
LOOKED_FOR = ("outlet", "title", "url", "published", "language", "byline")
MIN_WORDS = 10                  # below this, what trafilatura found is not an article: the page fails
FEW_WORDS = 50                  # below this, the page is probably not the article (paywall, error page): a warning

ARTICLE_TYPES = re.compile(r"(Article|BlogPosting|LiveBlogPosting|SocialMediaPosting|Report|WebPage)$")
NOT_THE_ARTICLE = re.compile(r"related|recommend|more-?stor|most-?(read|popular)|trending|popular|teaser|"
                             r"promo|newsletter|outbrain|taboola|sidebar|comment", re.I)
SAVED_FROM = re.compile(r"<!--\s*(?:saved from url=\(\d+\)|Page saved with SingleFile\s+url:\s*)(https?://[^\s<>\"]+)",
                        re.I)
SAVED_COMMENT = "the 'saved from' comment a browser or SingleFile wrote into the file"
OLD_LANGUAGE_CODES = {"iw": "he", "in": "id", "ji": "yi", "jw": "jv", "mo": "ro"}


@dataclass
class ImportResult:
    """What became of one page: status is ``imported``, ``skipped`` or ``failed``."""

    source: Path
    status: str
    article: Path | None = None
    id: str | None = None
    fields: dict = field(default_factory=dict)
    found: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    words: int = 0
    cjk: bool = False               # the text is Chinese or Japanese: ``words`` counts its characters
    replaced: bool = False
    reason: str | None = None
    fix: str | None = None
    warnings: tuple[str, ...] = ()

    @property
    def line(self) -> str:
        name = paths.printable(self.source.name)  # a name that is not UTF-8 is shown with \xNN escapes
        if self.status == "imported":
            verb = "replaced" if self.replaced else "imported"
            unit = f"{self.words} words" + (" (Chinese/Japanese: each character counted as a word)" if self.cjk else "")
            out = (f"{verb} {name} -> articles/{self.article.name} ({unit}): {', '.join(self.found)}; "
                   f"not revealed: {', '.join(self.missing) or 'none'}")
            return out + "".join(f"\n  warning: {w}" for w in self.warnings)
        where = f" (articles/{self.article.name})" if self.article else ""
        tail = "" if self.status == "skipped" else "; nothing written"
        return f"{self.status} {name}{where}: {self.reason}{tail}. Fix: {self.fix}"


# ----------------------------------------------------------------------------------------------
# reading a page


@contextmanager
def _quiet():
    """trafilatura and htmldate log every discarded page to stderr; our own lines say it better."""
    loggers = [logging.getLogger(n) for n in ("trafilatura", "htmldate", "courlan", "charset_normalizer")]
    levels = [lg.level for lg in loggers]
    for lg in loggers:
        lg.setLevel(logging.CRITICAL + 1)
    try:
        yield
    finally:
        for lg, lv in zip(loggers, levels):
            lg.setLevel(lv)


def _norm(text: str) -> str:
    return " ".join(text.split())


def _meta(tree, *, name: Iterable[str] = (), prop: Iterable[str] = (), http_equiv: Iterable[str] = ()) -> list[str]:
    """Contents of <meta> tags with one of these names / properties / http-equiv values, in page order."""
    want = {("name", n) for n in name} | {("property", p) for p in prop} | {("http-equiv", h) for h in http_equiv}
    out = []
    for el in tree.iter("meta"):
        content = (el.get("content") or "").strip()
        if content and any((attr, (el.get(attr) or "").strip().lower()) in want for attr in ("name", "property", "http-equiv")):
            out.append(content)
    return out


def _json_ld(tree) -> dict:
    """The page's own JSON-LD object (an Article or WebPage; never items listed inside it), or {}."""
    for el in tree.iter("script"):
        if (el.get("type") or "").strip().lower() != "application/ld+json" or not el.text:
            continue
        text = re.sub(r"^\s*(<!--|<!\[CDATA\[)|(-->|\]\]>)\s*$", "", el.text.strip())
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):  # RecursionError: JSON nested past Python's stack: no JSON-LD
            continue
        items = data if isinstance(data, list) else [data]
        items = [x for d in items if isinstance(d, dict) for x in [d, *(d.get("@graph") or [])] if isinstance(x, dict)]
        for item in items:
            types = item.get("@type") or []
            types = [types] if isinstance(types, str) else types
            if any(isinstance(t, str) and ARTICLE_TYPES.search(t) for t in types):
                return item
    return {}


def _language(tree) -> tuple[str | None, str | None]:
    """(language code the page declares, note when its declarations disagree)."""
    declared = []
    for where, value in [("html lang", tree.get("lang") or tree.get("xml:lang")),
                         *[("content-language", v) for v in _meta(tree, http_equiv=["content-language"])],
                         *[("og:locale", v) for v in _meta(tree, prop=["og:locale"])]]:
        if not value or "," in value:        # "en, fr" declares several: not one language
            continue
        code = re.split(r"[-_]", value.strip())[0].lower()
        if re.fullmatch(r"[a-z]{2,3}", code):
            declared.append((where, OLD_LANGUAGE_CODES.get(code, code)))
    if not declared:
        return None, None
    codes = dict.fromkeys(c for _, c in declared)
    note = None
    if len(codes) > 1:
        note = ("language: the page declares several (" + ", ".join(f"{c} in {w}" for w, c in declared) +
                f"); {declared[0][1]} kept")
    return declared[0][1], note


def _url(tree, text: str) -> tuple[str | None, str | None]:
    """(the article's URL, where it came from)."""
    og = next((u for u in _meta(tree, prop=["og:url"]) if u.startswith(("http://", "https://"))), None)
    m = SAVED_FROM.search(text[:4096])
    saved = m.group(1) if m else None
    canonical = None
    for el in tree.iter("link"):
        if "canonical" in (el.get("rel") or "").lower().split() and (el.get("href") or "").strip():
            canonical = el.get("href").strip()
            break
    if canonical and canonical.startswith("//"):
        canonical = "https:" + canonical
    if canonical and not canonical.startswith(("http://", "https://")):
        base = og or saved
        canonical = urljoin(base, canonical) if base else None
    for url, source in ((canonical, "canonical link"), (og, "og:url"), (saved, SAVED_COMMENT)):
        if url and urlsplit(url).path.strip("/"):
            return url.split("#")[0], source
    return None, None


def _host(url: str | None) -> str | None:
    host = (urlsplit(url).hostname or "") if url else ""
    return re.sub(r"^www\.", "", host) or None


def _prose_nodes(tree, lines: list[str]) -> list:
    """The elements holding the extracted paragraphs (the deepest element whose text is the line)."""
    wanted = {_norm(l) for l in lines if len(l) >= 40}
    hits = [el for el in tree.iter("p", "div", "li", "blockquote", "td", "section", "span")
            if _norm(el.text_content()) in wanted]
    hit_set = set(hits)
    outer = {a for el in hits for a in el.iterancestors() if a in hit_set}
    return [el for el in hits if el not in outer]


def _article_region(tree, prose: list):
    """A copy of the article around its text, without the text itself or anything that is not the article
    (aside, nav, footer, figures, related links, headings, images): where a dateline or byline sits."""
    if not prose:
        return None
    container = next((a for a in prose[0].iterancestors("article")), None)
    if container is None:
        anc = [set(p.iterancestors()) for p in prose]
        container = next(a for a in prose[0].iterancestors() if all(a in s for s in anc))
        if container.tag in ("body", "html"):
            return None          # the text is spread over the whole page: no region that is only the article
        parent = container.getparent()
        if parent is not None and parent.tag not in ("body", "html"):
            container = parent
    # a short line before the first paragraph is a dateline or a byline, not the text: keep it
    order = {el: i for i, el in enumerate(tree.iter())}
    first = min((order[p] for p in prose if words.count(p.text_content()) >= 20), default=len(order))
    doomed = {p for p in prose if order[p] >= first or words.count(p.text_content()) >= 20}
    region = copy.deepcopy(container)
    # the copy has the same elements in the same order: map them by position (no XPath, which tag
    # names such as Word's <o:p> or garbage tags break)
    targets = [el for orig, el in zip(container.iter(), region.iter()) if orig in doomed and orig is not container]
    for el in targets:       # resolve every element first: dropping shifts later siblings
        el.drop_tree()
    for el in list(region.iterdescendants()):
        if el.getparent() is None:
            continue
        cls = f"{el.get('class') or ''} {el.get('id') or ''}"
        if (el.tag in ("aside", "nav", "footer", "figure", "form", "img", "picture", "source", "meta", "script",
                       "style", "h1", "h2", "h3", "h4", "h5", "h6", "article", "blockquote")
                or NOT_THE_ARTICLE.search(cls)
                or (el.tag in ("p", "li") and words.count(el.text_content()) >= 20)):
            el.drop_tree()
    return region


def _byline(tree, region, ld_tree, outlet: str | None, host: str | None) -> str | None:
    """The byline from byline evidence only, each source checked (:func:`.fields.clean_byline`): author
    meta tags, else trafilatura's reading of author metadata and JSON-LD, else a byline in the article."""
    raw = [a for a in _meta(tree, name=["author"]) if not a.lower().startswith("http") and "@" not in a]
    if author := clean_byline(", ".join(dict.fromkeys(raw)) if raw else None, outlet, host):
        return author
    if author := clean_byline(dates.metadata(ld_tree).author, outlet, host):
        return author
    if region is not None:
        from lxml import html as lxml_html
        doc = lxml_html.fromstring("<html><body></body></html>")
        doc.find("body").append(copy.deepcopy(region))
        return clean_byline(dates.metadata(doc).author, outlet, host)
    return None


def _extract(tree, *, tables: bool) -> str:
    import trafilatura
    # balanced mode: favor_precision drops inline links with their words ("especially high for .")
    doc = trafilatura.bare_extraction(copy.deepcopy(tree), with_metadata=False, include_comments=False,
                                      include_tables=tables, include_images=False, include_links=False,
                                      favor_precision=False, deduplicate=False)
    return "\n".join(l.rstrip() for l in (doc.text or "").split("\n")).strip("\n") if doc else ""


def read_page(path: Path) -> dict:
    """Extract one saved page: {text, words, fields, found, missing, notes, warnings}. Raises :class:`PageError`."""
    import trafilatura
    from lxml import html as lxml_html

    text = decode.page_text(path)
    with _quiet():
        tree = decode.parse(text)
        # trafilatura deletes <time> elements with their text ("renewal in <time>May</time>." -> "renewal in ."):
        # extract from a copy where they are plain text, and where a drop cap is joined to its word
        for_text = copy.deepcopy(tree)
        for t in list(for_text.iter("time")):
            t.drop_tag()
        body.rejoin_drop_caps(for_text)
        for s in for_text.xpath('//script[@type="application/ld+json"]'):
            s.drop_tree()    # the visible text only: an articleBody taken is said (body.check_length)
        main = _extract(for_text, tables=False)
        if words.count(main) < MIN_WORDS and for_text.find(".//table") is not None:
            # an old table-layout page keeps its article in <td> cells: read the tables too
            main = _extract(for_text, tables=True)
        main = body.rejoin_split_letter(main)
        main, warnings = body.check_length(main, tree)
        if words.count(main) < MIN_WORDS:      # trafilatura falls back to whatever is left, e.g. a menu's "Home"
            got = f" (only {main.strip()[:60]!r})" if main.strip() else ""
            raise PageError(f"has no extractable article text{got}", "check it is the article page, not a consent, "
                            "paywall or error page, and save it again once the article shows")
        if len(main.encode("utf-8")) > limits.MAX_ARTICLE:  # the story could not load it: refused here, by name
            raise PageError(f"gives a text of {len(main.encode('utf-8')) / limits.MB:.1f} MB, over the "
                            f"{limits.MAX_ARTICLE / limits.MB:g} MB limit for one article",
                            "save only the article (the browser's Reader view, then File > Save Page As)")
        lines = [l for l in main.split("\n") if l.strip()]
        region = _article_region(tree, _prose_nodes(tree, lines))
        ld, items = _json_ld(tree), body.ld_items(tree)
        head_only = lxml_html.fromstring("<html></html>")
        head_only.append(copy.deepcopy(tree.find("head")) if tree.find("head") is not None else lxml_html.Element("head"))
        for s in tree.xpath('//body//script[@type="application/ld+json"]'):
            head_only.find("head").append(copy.deepcopy(s))
        url, url_from = _url(tree, text)
        published, instant, date_from, date_note = dates.published(tree, region, url, ld, text)
        meta_title = dates.metadata(tree).title
        page_title = tree.find(".//title")
        page_title = _norm(page_title.text_content()) if page_title is not None else None
        host = _host(url)
        others = [h for u in (*_meta(tree, prop=["og:url"]), (SAVED_FROM.search(text[:4096]) or [None, None])[1])
                  if u and (h := _host(u))]
        outlet, outlet_from = outlet_of(body.publisher_name(ld, items),
                                        next(iter(_meta(tree, prop=["og:site_name"])), None),
                                        next(iter(_meta(tree, name=["application-name"])), None), host, _norm,
                                        title=page_title, hosts=tuple(others))
        title, title_from = fields.headline([h.text_content() for h in tree.iter("h1")],
                                            [*_meta(tree, prop=["og:title"], name=["twitter:title"]), page_title or ""],
                                            meta_title, outlet, host)
        byline = _byline(tree, region, head_only, outlet, host)
    language, lang_note = _language(tree)
    published, time_note = dates.front_matter(published, instant)
    fields_ = {"outlet": outlet, "title": _norm(title) if title else None, "url": url,
               "published": published, "language": language, "byline": byline}
    notes = [n for n in (lang_note, date_note, time_note) if n]
    if date_note and dates.INVALID in date_note:
        warnings = [*warnings, date_note]
    if date_from == "URL":
        notes.insert(0, "published: from the URL's path")
    if url_from == SAVED_COMMENT:
        notes.insert(0, f"url: from {url_from}")
    if outlet and outlet_from:
        passed = outlet_from[: -len("URL host")].rstrip("; ")
        notes.insert(0, f"outlet: the URL's host ({passed})" if passed else "outlet: the URL's host (the page names no site)")
    tags = {"outlet": "URL host" if outlet and outlet_from else None, "published": "URL" if date_from == "URL" else None}
    found = tuple(f"{k} ({tags[k]})" if tags.get(k) else k for k in LOOKED_FOR if fields_[k] is not None)
    missing = tuple(k for k in LOOKED_FOR if fields_[k] is None)
    return {"text": main, "words": words.count(main), "fields": fields_, "found": found, "missing": missing,
            "notes": notes, "warnings": tuple(warnings), "published_at": instant, "title_from": title_from,
            "outlet_passed": None if outlet else outlet_from}
