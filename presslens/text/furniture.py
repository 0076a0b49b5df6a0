r"""Web furniture and text hygiene: what a captured page carries that is not the article.

Two layers run before any sentence is split (see :func:`presslens.text.clean`):

- **Hygiene** (always on): zero-width characters and soft hyphens are deleted (``Byte\u200bDance``
  would otherwise hide ByteDance from every count); ``<script>``/``<style>`` blocks, HTML comments and
  HTML tags left in a capture are removed; HTML entities are decoded; markdown link syntax keeps its
  text. Every change except the invisible characters' is reported like a boilerplate removal.
- **Furniture**: the built-in, versioned list in ``presslens/data/furniture.yaml`` (advertisement
  markers, skip links, menus, share/newsletter/paywall prompts, photo credits, bylines and
  timestamps, stray code...). A story switches entries off or adds its own under ``furniture:`` in
  ``story.yaml``; :func:`rules_for` merges the two.
"""
from __future__ import annotations

import html
import re

from presslens.data import builtin


INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e]")
BLOCK_OPEN = re.compile(r"<(script|style|noscript|iframe|svg|template)\b[^>]*>|<!--", re.I)
HTML_TAGS = ("a|abbr|article|aside|b|blockquote|body|br|button|caption|center|cite|code|div|em|figcaption|figure|font|"
             "footer|form|h[1-6]|head|header|hr|html|i|img|input|label|li|link|main|meta|nav|ol|option|p|picture|pre|q|"
             "s|section|select|small|source|span|strong|sub|sup|table|tbody|td|tfoot|th|thead|time|title|tr|u|ul|video|"
             "tt|big|dl|dt|dd|mark|ins|del|kbd|samp|var|wbr|nobr|address|details|summary|dialog|fieldset|legend|"
             "textarea|canvas|embed|object|param|audio|track|map|area|colgroup|col|caption|optgroup|output|meter|"
             "progress|menu|bdi|bdo|dfn|ruby|rt|rp|data")
# a tag: a known HTML element with name="value" attributes only, so prose such as "a<b and c>d" is no tag
TAG = re.compile(r"<\\?/?(?:%s)(?:\s+[\w:-]+\s*=\s*(?:\"[^\"<>]*\"|'[^'<>]*'|[^\s<>\"']+))*\s*/?>" % HTML_TAGS, re.I)
# a line that reads as reporting is never furniture (see furniture.yaml: prose guard)
PROSE_GUARD = re.compile(r"[\"“”«»]|\b(?:said|says|told|tells|added|adds|according to|announced|warned|reported|"
                         r"admitted|found|noted|argued|claimed|wrote|explained|insisted|estimated|confirmed|denied)\b", re.I)
ENTITY = re.compile(r"&(?:[A-Za-z]{2,8}|#\d{1,6}|#x[0-9A-Fa-f]{1,6});")
MD_LINK = re.compile(r"(?<!!)\[([^\]\n]{1,300})\]\((?:https?://|/|#|mailto:)[^)\s]*\)")
# URLs and e-mail addresses never become tokens (see presslens.text.segment.tokenize)
URL = re.compile(r"(?:https?://|www\.)[^\s<>\"“”)\]]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.I)


def rules_for(setting) -> list[dict]:
    """The furniture rules a story uses, from its ``furniture`` setting (validated by the loader):
    None or True = all built-in rules; False = none; ``{disable: [ids or kinds], add: [rules]}``."""
    if setting is False:
        return []
    off, add = set(), []
    if isinstance(setting, dict):
        off = set(setting.get("disable") or [])
        add = list(setting.get("add") or [])
    out = []
    for r in builtin()["rules"]:
        if r["id"] in off or r["kind"] in off:
            continue
        out.append({"pattern": r["pattern"], "note": f"furniture ({r['kind']}): {r['note']}", "id": r["id"],
                    "flags": 0 if r.get("case_sensitive") else re.IGNORECASE,
                    "guard": None if r.get("unguarded") else PROSE_GUARD, "every": bool(r.get("every"))})
    for r in builtin().get("shapes") or []:
        if r["id"] not in off and r["kind"] not in off:
            out.append({"shape": r["id"], "note": f"furniture ({r['kind']}): {r['note']}", "id": r["id"]})
    for r in add:
        kind = r.get("kind") or "story"
        out.append({"pattern": r["pattern"], "note": f"furniture ({kind}): {r.get('note') or r['pattern']}",
                    "flags": re.IGNORECASE, "field": r.get("field", "")})
    return out


def hygiene(text: str) -> tuple[str, list[dict]]:
    """Remove invisible characters, HTML and markdown link syntax from ``text``; line numbers are
    kept (a removed block leaves its line breaks), so removals point at the capture's own lines.
    Returns (text, removals as ``{"line", "removed", "rule"}``)."""
    removed: list[dict] = []
    text = INVISIBLE.sub("", text)
    if "<" in text:
        text = _drop_blocks(text, removed)
    if "<" in text or "&" in text or "](" in text:
        lines = text.split("\n")
        for i, line in enumerate(lines):
            new = line
            if "<" in new:
                tags = TAG.findall(new)
                if tags:
                    new = TAG.sub(" ", new)
                    if "<\\/" in line:  # markup escaped as in JSON: its "\n" are markup too
                        tags += re.findall(r"\\[nrt]", new)
                        new = re.sub(r"\\[nrt]", " ", new)
                    # a line of markup only (JSON-escaped "\n" included) is furniture, not a tag inside prose
                    only = not re.sub(r"\\[nrt]|\\", " ", new).strip()
                    removed.append({"line": i + 1, "removed": line.strip() if only else " ".join(tags)[:80],
                                    "rule": "furniture (code): a line of HTML markup only" if only else "html: tags"})
                    if only:
                        new = ""
            if "](" in new:
                links = MD_LINK.findall(new)
                if links:
                    removed.append({"line": i + 1, "removed": "markdown link syntax around " + ", ".join(links)[:60],
                                    "rule": "markdown link syntax (its text is kept)"})
                    new = MD_LINK.sub(r"\1", new)
            if "&" in new and ENTITY.search(new):
                new = INVISIBLE.sub("", html.unescape(new))  # &shy; and &#8203; are invisible too
            if new != line:
                lines[i] = re.sub(r"[ \t]{2,}", " ", new).strip()
        text = "\n".join(lines)
    return text, removed


def _drop_blocks(text: str, removed: list[dict]) -> str:
    """Remove ``<script>``/``<style>``/... blocks and HTML comments, keeping their line breaks.
    Linear: each opening looks for its closing once; an opening never closed is left as it is (and
    so is every later opening of that kind, which could not close either)."""
    out, pos, unclosed = [], 0, set()
    low = text.lower()
    for m in BLOCK_OPEN.finditer(text):
        if m.start() < pos:
            continue
        kind = (m.group(1) or "!--").lower()
        if kind in unclosed:
            continue
        closer = "-->" if kind == "!--" else f"</{kind}"
        end = low.find(closer, m.end())
        if end < 0:
            unclosed.add(kind)
            continue
        end = low.find(">", end) + 1 if kind != "!--" else end + 3
        if end <= 0:
            unclosed.add(kind)
            continue
        block = text[m.start():end]
        removed.append({"line": text.count("\n", 0, m.start()) + 1, "removed": re.sub(r"\s+", " ", block)[:80],
                        "rule": "html: script, style or comment block"})
        out.append(text[pos:m.start()])
        out.append("\n" * block.count("\n"))
        pos = end
    out.append(text[pos:])
    return "".join(out)
