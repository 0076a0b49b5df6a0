"""Web furniture and text hygiene: what a captured page carries that is not the article.

Two layers run before any sentence is split (see :func:`presslens.text.clean`):

- **Hygiene** (always on): zero-width characters and soft hyphens are deleted (``Byte\\u200bDance``
  would otherwise hide ByteDance from every count); ``<script>``/``<style>`` blocks, HTML comments and
  HTML tags left in a capture are removed; HTML entities are decoded; markdown link syntax keeps its
  text. Every change except the invisible characters' is reported like a boilerplate removal.
- **Furniture**: the built-in, versioned list in ``presslens/data/furniture.yaml`` (advertisement
  markers, skip links, menus, share/newsletter/paywall prompts, photo credits, bylines and
  timestamps, stray code...). A story switches entries off or adds its own under ``furniture:`` in
  ``story.yaml``; :func:`rules_for` merges the two.
"""
from __future__ import annotations

import functools
import html
import re
from importlib import resources as ires

import yaml

INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e]")
BLOCK = re.compile(r"<(script|style|noscript|iframe|svg|template)\b[^>]*>.*?</\1\s*>|<!--.*?-->", re.S | re.I)
TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>\n]*)?/?>")
ENTITY = re.compile(r"&(?:[A-Za-z]{2,8}|#\d{1,6}|#x[0-9A-Fa-f]{1,6});")
MD_LINK = re.compile(r"(?<!!)\[([^\]\n]{1,300})\]\((?:https?://|/|#|mailto:)[^)\s]*\)")
# URLs and e-mail addresses never become tokens (see presslens.text.tokenize)
URL = re.compile(r"(?:https?://|www\.)[^\s<>\"“”)\]]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.I)


@functools.lru_cache(maxsize=1)
def builtin() -> dict:
    """The built-in furniture list as shipped in the package: ``{"version", "rules"}``."""
    raw = ires.files("presslens").joinpath("data/furniture.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(raw)


def rule_ids() -> dict[str, str]:
    """id -> kind of every built-in rule (what ``furniture: {disable: [...]}`` may name)."""
    return {r["id"]: r["kind"] for r in builtin()["rules"]}


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
        out.append({"pattern": r["pattern"], "note": f"furniture ({r['kind']}): {r['note']}",
                    "flags": 0 if r.get("case_sensitive") else re.IGNORECASE})
    for r in add:
        kind = r.get("kind") or "story"
        out.append({"pattern": r["pattern"], "note": f"furniture ({kind}): {r.get('note') or r['pattern']}",
                    "flags": re.IGNORECASE})
    return out


def hygiene(text: str) -> tuple[str, list[dict]]:
    """Remove invisible characters, HTML and markdown link syntax from ``text``; line numbers are
    kept (a removed block leaves its line breaks), so removals point at the capture's own lines.
    Returns (text, removals as ``{"line", "removed", "rule"}``)."""
    removed: list[dict] = []
    text = INVISIBLE.sub("", text)
    if "<" in text:
        def _block(m: re.Match) -> str:
            line = text.count("\n", 0, m.start()) + 1
            snippet = re.sub(r"\s+", " ", m.group(0))[:80]
            removed.append({"line": line, "removed": snippet, "rule": "html: script, style or comment block"})
            return "\n" * m.group(0).count("\n")
        text = BLOCK.sub(_block, text)
    if "<" in text or "&" in text or "](" in text:
        lines = text.split("\n")
        for i, line in enumerate(lines):
            new = line
            if "<" in new:
                tags = TAG.findall(new)
                if tags:
                    removed.append({"line": i + 1, "removed": " ".join(tags)[:80], "rule": "html: tags"})
                    new = TAG.sub(" ", new)
            if "](" in new:
                links = MD_LINK.findall(new)
                if links:
                    removed.append({"line": i + 1, "removed": "markdown link syntax around " + ", ".join(links)[:60],
                                    "rule": "markdown link syntax (its text is kept)"})
                    new = MD_LINK.sub(r"\1", new)
            if "&" in new and ENTITY.search(new):
                new = html.unescape(new)
            if new != line:
                lines[i] = re.sub(r"[ \t]{2,}", " ", new).strip()
        text = "\n".join(lines)
    return text, removed
