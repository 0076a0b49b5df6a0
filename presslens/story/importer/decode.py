"""A saved page's bytes as text, and as a tree: the charset it really has, never a guess.

- :func:`page_text`: a regular file under the page limit (a FIFO would block forever), inflated when
  gzipped (never past the limit), decoded by its byte-order mark, else as UTF-8 when valid, else by the
  charset it declares (the legacy Latin-1 names read as Windows-1252, as browsers do); refused by name
  when it is empty, binary, an MHTML archive, or not HTML at all.
- :func:`parse`: the lxml tree, refused when elements nest deeper than the parser goes (libxml2 stops at
  256 levels and drops what is inside, which would be an article quietly cut).
"""
from __future__ import annotations

import codecs
import re
import zlib
from pathlib import Path

from presslens import limits
from presslens.errors import PageError

MAX_BYTES = limits.MAX_PAGE     # trafilatura's own limit (MAX_FILE_SIZE); checked before reading
MAX_DEPTH = 256                 # libxml2's limit on nested elements: deeper ones are dropped with their text
DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.+-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.+-]+)""",
                              re.I)
LOOKS_LIKE_HTML = re.compile(r"<(!doctype\s+html|html|head|body)\b", re.I)
# what browsers read a declared label as (the WHATWG Encoding standard): Latin-1 as Windows-1252, GB2312
# and GBK as GB18030, Shift_JIS as Windows-31J, EUC-KR as its Windows superset... so a page that
# declares the older name and uses the newer characters (as sites do) reads as in the browser
LEGACY_CHARSETS = {"ascii": "cp1252", "us-ascii": "cp1252", "iso-8859-1": "cp1252", "iso8859-1": "cp1252",
                   "latin1": "cp1252", "latin-1": "cp1252", "l1": "cp1252",
                   "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030",
                   "shift_jis": "cp932", "shift-jis": "cp932", "sjis": "cp932", "x-sjis": "cp932", "ms_kanji": "cp932",
                   "windows-31j": "cp932", "euc-kr": "cp949", "ks_c_5601-1987": "cp949", "big5": "big5hkscs",
                   "iso-8859-9": "cp1254", "latin5": "cp1254", "tis-620": "cp874", "iso-8859-11": "cp874"}
NO_BOM_UTF16 = ("is UTF-16 text without a byte-order mark (every other byte is zero), which is not read by guess",
                "re-save the page as UTF-8 (e.g. `iconv -f utf-16le -t utf-8 PAGE > PAGE.utf8.html`)")


def page_text(path: Path) -> str:
    """The saved page at ``path`` as text. Raises :class:`PageError` (reason and fix)."""
    try:  # a regular file under the limit, known before a byte is read (a FIFO would block forever)
        raw = limits.read_bytes(path, MAX_BYTES, "saved web page")
    except limits.InputError as exc:
        fix = "save the page as 'Web Page, HTML only'" if "limit" in exc.reason else exc.fix
        raise PageError(exc.reason, fix) from None
    text = decode(raw)
    if not LOOKS_LIKE_HTML.search(text[:65536]):
        raise PageError("does not look like HTML (no <html>, <head> or <body> tag)",
                        "give the .html file the browser or wget saved")
    return text


def parse(text: str):
    """The page's lxml tree (trafilatura's parser). Raises :class:`PageError` for a page that is not
    HTML, or whose elements nest past the parser's limit."""
    import trafilatura

    tree = trafilatura.load_html(text)
    if tree is None:
        raise PageError("could not be parsed as HTML", "save the page again")
    if depth(tree) >= MAX_DEPTH - 1:  # the parser stopped there: whatever was nested deeper is lost
        raise PageError(f"is nested too deeply (elements more than {MAX_DEPTH - 1} levels inside one another, "
                        "where the HTML parser stops: the text inside would be lost)",
                        "save only the article (the browser's Reader view, then File > Save Page As)")
    return tree


def decode(raw: bytes) -> str:
    """The page as text: BOM, else UTF-8 when valid, else the charset the page declares; never a guess."""
    if raw[:3] == b"\x1f\x8b\x08":
        try:  # at most MAX_BYTES once inflated: a small "gzip bomb" never fills the memory
            inflater = zlib.decompressobj(wbits=31)
            out = inflater.decompress(raw, MAX_BYTES + 1)
        except zlib.error as exc:
            raise PageError(f"is a damaged gzip file ({exc})", "save the page again") from None
        if len(out) > MAX_BYTES:
            raise PageError(f"inflates to more than the {MAX_BYTES // 1_000_000} MB limit for a saved web page",
                            "save the page uncompressed, as 'Web Page, HTML only'")
        raw = out
    if not raw.strip():
        raise PageError("is empty", "save the page again (File > Save Page As, 'Web Page, HTML only')")
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                     (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):  # UTF-32's LE mark starts like UTF-16's
        if raw.startswith(bom):
            try:
                return raw.decode(enc).replace("\x00", "")
            except UnicodeDecodeError as exc:
                raise PageError(f"is not valid {enc} despite its byte-order mark (byte {exc.start})",
                                "re-save the page as UTF-8") from None
    head = raw[:2048]
    nuls = head.count(0)
    if limits.utf16_without_bom(raw):
        raise PageError(*NO_BOM_UTF16)
    controls = sum(b < 9 or 13 < b < 32 and b != 27 for b in head)
    if controls > len(head) // 100 + 2:  # a stray NUL is a glitch of the capture (removed below); many are binary data
        raise PageError("is binary data, not a web page", "give the .html file the browser or wget saved")
    if head.lstrip().startswith(b"From:") or b"multipart/related" in head:
        raise PageError("is an MHTML archive, not an HTML file",
                        "save the page as 'Web Page, HTML only' or 'Web Page, complete'")
    raw = raw.replace(b"\x00", b"") if nuls or b"\x00" in raw else raw  # lxml refuses text with NUL in it
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc.start
    m = DECLARED_CHARSET.search(raw[:8192])
    if not m:
        raise PageError(f"is not UTF-8 (byte {utf8_error}) and declares no charset",
                        "add <meta charset=\"...\"> naming its encoding, or re-save it as UTF-8 "
                        "(e.g. `iconv -f cp1252 -t utf-8`)")
    declared = (m.group(1) or m.group(2)).decode("ascii").lower()
    for enc in dict.fromkeys([LEGACY_CHARSETS.get(declared, declared), declared]):
        try:
            return raw.decode(enc)
        except LookupError:
            raise PageError(f"declares an unknown charset {declared!r}",
                            "correct <meta charset>, or re-save the page as UTF-8") from None
        except UnicodeDecodeError:
            continue
    raise PageError(f"is neither UTF-8 nor the {declared} it declares", "re-save the page as UTF-8")


def depth(tree) -> int:
    """How deep the page's elements nest (the root is 0), counted without recursion."""
    deepest, stack = 0, [(tree, 0)]
    while stack:
        el, d = stack.pop()
        deepest = max(deepest, d)
        stack.extend((child, d + 1) for child in el)
    return deepest
