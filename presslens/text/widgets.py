"""Page widgets a reader tells from their place and make-up, not from the story's words (issue 25):

- ``embed-text``: the text of an embedded social post whose signature stands alone on the next line
  ("— Jane Roe (@janeroe) May 3, 2024", removed by the listed rule ``social-embed``). An embed prints
  its text, then its signature; the post's text is the page's copy of the post, not the article
  (the article quotes a post in its own sentence, "Roe wrote on X: ..."). Only the one line directly
  above a signature alone goes, and only when it is not the article introducing the post (a line
  ending with a colon) and is no longer than a post (:data:`POST_MAX` characters, links excluded).
- ``language-menu``: a site's language switcher, the names of languages each written in its own
  language, run together or apart ("English Français Deutsch 日本語"): at least two different
  names of which one is not "English", and almost nothing else on the line (no sentence).

Both are shape rules of ``furniture.yaml`` (``shapes:``), so a story switches them off with
``furniture: {disable: [embed-text]}`` and every removal is listed with its rule.
"""
from __future__ import annotations

import re

from .repeats import n_words
from .furniture import PROSE_GUARD

POST_MAX = 400     # characters of an embedded post's text without its links (a post holds up to 280)
LINK = re.compile(r"(?:https?://|pic\.twitter\.com/|www\.)\S+", re.I)
# a post's signature alone on a line: a dash, a name, the account in brackets, a date or nothing
SIGNATURE = re.compile(r"^\s*[—–-]\s*[^—–()]{1,60}\(@\w{1,30}\)")

# languages named in their own language, as switchers print them (and as a page's mangled encoding
# leaves them: "Fran?ais"); "English" counts only beside another
AUTONYMS = ("English", "Fran[çc?]ais", "Deutsch", "Espa[ñn?]ol", "Italiano", "Portugu[êe?]s", "Nederlands", "Polski",
            "Русский(?: язык)?", "Українська", "Türkçe", "Svenska", "Suomi", "Suomalainen", "Dansk", "Norsk", "Čeština",
            "Magyar", "Română", "Ελληνικά", "עברית", "العربية", "فارسی", "اردو", "हिन्दी", "বাংলা", "ไทย", "Tiếng Việt",
            "Bahasa(?: Indonesia| Melayu)?", "Indonesian", "中文", "简体中文", "繁體中文", "简体", "繁體", "繁体", "日本語",
            "한국어", "한어", "Latina", "Kiswahili", "Hausa", "Afrikaans")
AUTONYM = re.compile("|".join(AUTONYMS), re.I)
# what a switcher prints beside the names: "Global Edition", "Language", "bilingual" (雙語/双语)
SWITCHER_WORD = re.compile(r"\b(?:global|international|edition|editions|language|languages|select|choose|"
                           r"asia|europe|africa|americas|world)\b|雙語|双语|语言|語言|[|/·•,>]", re.I)
CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")     # names run together: "EditionASIA", "EnglishFrançais"
SENTENCE = re.compile(r"[.!?。！？]\s+\S|[.!?。！？]\s*$")


def embed_text(lines: list[str], below_signature: frozenset[int] | set[int], whole: dict[int, str]) -> list[int]:
    """The indices among ``below_signature`` (kept lines that stood directly above a post's signature
    alone on a line) that are the post's text: not already removed, not the article introducing the
    post (a colon at the end), at most :data:`POST_MAX` characters once its links are left out."""
    out = []
    for i in sorted(below_signature):
        if not 0 <= i < len(lines) or i in whole:
            continue
        s = lines[i].strip()
        if s and not s.endswith(":") and len(LINK.sub("", s).strip()) <= POST_MAX:
            out.append(i)
    return out


def language_menu(lines: list[str], whole: dict[int, str]) -> list[int]:
    """The indices of lines that are a language switcher (see the module's doc)."""
    out = []
    for i, line in enumerate(lines):
        s = line.strip()
        if not s or i in whole or len(s) > 300 or SENTENCE.search(s):
            continue
        names = {m.group(0).casefold() for m in AUTONYM.finditer(s)}
        if len(names) < 2 or names == {"english"}:
            continue
        rest = SWITCHER_WORD.sub(" ", AUTONYM.sub(" ", CAMEL.sub(" ", s)))
        if n_words(rest) <= 2:
            out.append(i)
    return out


# a menu's items run together with no space: three capitalised words or more ("HomeWorldAsia")
GLUED_WORD = re.compile(r"[A-Z][a-z]{2,}(?:[A-Z][a-z]{2,}){2,}")
MENU_TOKEN = re.compile(r"\S+")


def glued_menu(lines: list[str], whole: dict[int, str]) -> list[int]:
    """The indices of lines that are a menu or breadcrumb whose items lost their spaces ("HomeWorldAsia",
    "NewsHarbourSportWeather"): at most three tokens, one of them three or more capitalised words of
    three letters or more run together, no sentence end. A brand name runs two words together at most
    ("PlayStation", "PricewaterhouseCoopers"); a reader reads three as items of a menu."""
    out = []
    for i, line in enumerate(lines):
        s = line.strip()
        if not s or i in whole or len(s) > 200 or SENTENCE.search(s):
            continue
        tokens = MENU_TOKEN.findall(s)
        if len(tokens) <= 3 and any(GLUED_WORD.fullmatch(t.strip("|/·•>,")) for t in tokens):
            out.append(i)
    return out


# a disclaimer's heading alone on its line ("Legal Disclaimer:", "Disclaimer:"), removed by the listed rules; a bare
# "Disclaimer" is a story's subhead as well (a story about a film's disclaimer): a heading has its colon or its qualifier
DISCLAIMER_HEAD = re.compile(r"^\s*(?:(?:legal\s+|editor(?:'|’)?s\s+)disclaimer\s*:?|disclaimer\s*:)\s*$", re.I)
MAX_DISCLAIMER_WORDS = 150
QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|[\"“”]")   # quoted words, and quotation marks left unpaired


def disclaimer_block(lines: list[str], opened: frozenset[int] | set[int], whole: dict[int, str]) -> list[int]:
    """The indices of the paragraph under a disclaimer's heading (``opened``: the indices of the kept lines
    that followed one): its lines up to the first that ends a sentence with no line going on below it
    (lower case, a comma: a paragraph wrapped at a fixed width, "Harbour Wire provides the" / "information ...")
    or up to a blank line, at most :data:`MAX_DISCLAIMER_WORDS` words. The prose guard does not hold: a
    distributor's disclaimer quotes its "as is". Lines already found furniture (``whole``) are left out."""
    from .joins import GOES_ON, is_sentence_line     # joins reads the vocabulary lists; imported when used

    text = [s.strip() for s in lines]
    out: list[int] = []
    # the heading removed by the listed rules (``opened``) or still among the lines (a shape rule may take it)
    for start in sorted(set(opened) | {i + 1 for i, s in enumerate(text) if DISCLAIMER_HEAD.match(s)}):
        block, words = [], 0
        for i in range(start, len(text)):
            if not text[i]:
                if block:
                    break
                continue
            block.append(i)
            words += n_words(text[i])
            nxt = text[i + 1] if i + 1 < len(text) else ""
            if is_sentence_line(text[i]) and not (nxt and GOES_ON.match(nxt)):
                break
        # a disclaimer quotes its "as is" but reports no one: a reporting verb outside quotation marks is a story's
        # paragraph under a heading whose own text is lost ("..., the harbour master said.")
        said = PROSE_GUARD.search(QUOTED.sub(" ", " ".join(text[i] for i in block)))
        if block and words <= MAX_DISCLAIMER_WORDS and not said:   # the heading, when still among the lines, goes with it
            head = [start - 1] if start > 0 and DISCLAIMER_HEAD.match(text[start - 1]) else []
            out += [i for i in head + block if i not in whole]
    return out
