"""Loading a story folder: story.yaml, every article (front matter, then the text exactly as
captured) and references, validated at once into a :class:`~presslens.story.model.Story`, or one
:class:`~presslens.story.model.StoryError` listing every problem with its file, field and fix.
"""
from __future__ import annotations

import difflib
import hashlib
import os
import re
from pathlib import Path
from urllib.parse import urlsplit
import pandas as pd

from presslens import limits, paths
from . import outlets as outlets_mod
from .model import Problem, Story, StoryError, show
from .schema import ARTICLE_FIELDS, MAX_OUTLET, REFERENCE_KINDS, REQUIRED_ARTICLE_FIELDS, parse_story_yaml
from .values import not_text
from .languages import language_code, language_problem
from .capture import second_front_matter
from .when import COLUMNS as PUBLISHED_COLS, FORMS as DATE_FORMS, published_columns
from .yamlio import read_front_matter, load_yaml, str_list, suggest


# ----------------------------------------------------------------------------------------------
# articles


def _parse_article(path: Path, rel: str, problems: list[Problem], notices: list[Problem] | None = None,
                   parsed=None) -> dict | None:
    got = read_front_matter(path, rel, problems,
                            "start the file with ---, the fields (outlet: ..., published: ...), then ---", parsed)
    if got is None:
        return None
    raw, text, meta, body = got
    n_before = len(problems)
    for key in meta:
        if key not in ARTICLE_FIELDS:
            problems.append(Problem(rel, str(key), "unknown field", suggest(str(key), ARTICLE_FIELDS)
                                    + f"; or put your own fields under meta: (meta: {{{key}: ...}})"))
    own = _parse_meta(meta.get("meta"), rel, problems)
    for key in REQUIRED_ARTICLE_FIELDS:
        v = meta.get(key)
        if v is not None and not isinstance(v, str):
            problems.append(not_text(rel, key, v, f"{key}: \"...\""))
        elif not isinstance(v, str) or not v.strip():
            problems.append(Problem(rel, key, "required field is missing or empty", f"add '{key}: ...' ({ARTICLE_FIELDS[key]})"))
        elif len(v.strip()) > MAX_OUTLET:  # a paragraph pasted as a name: every table and figure would carry it
            problems.append(Problem(rel, key, f"is {len(v.strip()):,} characters long ({v.strip()[:40]!r}...), not a name",
                                    f"give the outlet's name (at most {MAX_OUTLET} characters)"))
    published, bad = published_columns(meta.get("published"))
    if bad:
        problems.append(Problem(rel, "published", f"{show(meta.get('published'))} {bad}",
                                f"write it as {DATE_FORMS}, or null if the article does not reveal it"))
    for key in ("language", "translated_from"):
        v = meta.get(key)
        if (wrong := language_problem(rel, key, v)) is not None:
            problems.append(wrong)
    for key in ("title", "url", "byline", "notes"):
        v = meta.get(key)
        if v is not None and not isinstance(v, str):
            problems.append(not_text(rel, key, v, f"{key}: \"...\" (or null)"))
    if isinstance(meta.get("url"), str):
        try:  # an address the standard parser refuses ("http://[::1") stopped every analysis reading a host
            urlsplit(meta["url"])
        except ValueError as e:
            problems.append(Problem(rel, "url", f"{show(meta['url'])} is no web address ({e})",
                                    "copy the page's address from the browser, or write url: null"))
    lang, source = language_code(meta.get("language")), language_code(meta.get("translated_from"))
    if notices is not None and lang and source and lang == source:
        notices.append(Problem(rel, "translated_from", f"is {source!r}, the article's own language: a translation from "
                               "a language into itself", "give the language of the original, or null if the article "
                               "is not a translation"))
    derived = str_list(meta.get("derived_from"))
    if derived is None:
        problems.append(Problem(rel, "derived_from", "must be a list of source names", "write derived_from: [The Verge, SCMP] or []"))
    elif notices is not None and isinstance(meta.get("derived_from"), str) and re.search(r"[,;]| and ", meta["derived_from"]):
        notices.append(Problem(rel, "derived_from", f"{meta['derived_from']!r} is one text, read as one source",
                               f"if it names several sources, write a list: derived_from: "
                               f"[{', '.join(s.strip() for s in re.split(r'[,;]| and ', meta['derived_from']) if s.strip())}]"))
    if not body.strip():
        problems.append(Problem(rel, "text", "the article is empty", "paste the article text below the closing ---"))
    elif notices is not None and (at := second_front_matter(body, ARTICLE_FIELDS)) is not None:
        line = text[:len(text) - len(body)].count("\n") + at
        notices.append(Problem(rel, "text", f"holds a second front matter at line {line} (a --- line, fields, ---): "
                               "two captures pasted into one file, whose fields would be measured as sentences",
                               f"split the file into two articles: move line {line} onwards into a file of its own"))
    if len(problems) > n_before:
        return None
    return {
        "id": path.stem,
        "outlet": meta["outlet"].strip(),
        "title": (meta.get("title") or "").strip() or None,
        "url": meta.get("url"),
        **published,
        "language": lang,
        "translated_from": source,
        "derived_from": tuple(derived or ()),
        "byline": meta.get("byline"),
        "notes": meta.get("notes"),
        "meta": own,
        "text": body.strip("\n"),
        "file": f"articles/{path.name}",
        "sha256": hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(),
    }


def _parse_meta(value, rel: str, problems: list[Problem]) -> dict:
    """An article's own fields (``meta:``): a mapping, one level deep, of names to text, numbers,
    true/false or null (:mod:`presslens.story.outlets` checks names and values)."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        problems.append(Problem(rel, "meta", f"must be a mapping of your own fields, got {show(value, 60)}",
                                "write meta: {section: business, wordcount: 800}"))
        return {}
    out = {}
    for key, v in value.items():
        if not outlets_mod.check_key(key, rel, "meta", problems):
            continue
        if isinstance(v, bool) or outlets_mod.check_value(v, rel, f"meta.{key}", problems):
            out[key] = v.strip() if isinstance(v, str) else v
    return out


def _bad_name(folder: str, p: Path) -> Problem:
    """A file whose name is not UTF-8 text (bytes a Linux file name may hold): it could never be
    written to a table, a manifest or a report, so it is refused by name, with the bytes escaped."""
    shown = paths.printable(p.name)
    if not paths.undecodable(p.name):  # a line break or control character in the name: an id no table or message can hold
        return Problem(folder + repr(p.name)[1:-1], "", f"the file name holds {limits.line_breaks(p.name)}",
                       "rename it with letters, digits and '-' only")
    return Problem(folder + shown, "", "the file name is not valid UTF-8 text (the bytes that are not are shown as \\xNN)",
                   "rename it with letters, digits and '-' only (in a shell, `ls -b` shows the name with "
                   "escapes, and tab completion types it for mv)")


def _article_row(f: Path, rel: str, problems: list[Problem], notices: list[Problem], front_matter, articles) -> dict | None:
    """:func:`_parse_article`, or its row and notices from ``articles`` (``get(key)``, ``[key] = (row, notices)``,
    keyed by the file's path in the story and the SHA-256 of its bytes): an article that loaded without
    problems once is not read again field by field (each notebook's kernel loads the story). A file with
    problems is never kept, so they are reported each time."""
    key = None
    if articles is not None:
        try:
            raw = limits.read_bytes(f, limits.MAX_ARTICLE, "file")
        except limits.InputError:
            raw = None  # read below again, and reported
        if raw is not None:
            key = hashlib.sha256(rel.encode("utf-8", "surrogatepass") + b"\0" + raw).hexdigest()
            hit = articles.get(key)
            if hit is not None:
                row, said = hit
                notices.extend(said)
                return {**row, "meta": dict(row["meta"])}
    n_problems, n_notices = len(problems), len(notices)
    row = _parse_article(f, rel, problems, notices, front_matter)
    if key is not None and row is not None and len(problems) == n_problems:
        articles[key] = ({**row, "meta": dict(row["meta"])}, list(notices[n_notices:]))
    return row


def load_story(path: str | Path = paths.DEFAULT_STORY, *, front_matter=None, articles=None) -> Story:
    """Load and validate the story folder at ``path`` (relative paths are taken from the repo root).

    Raises :class:`StoryError` listing every problem found (file, field, fix). ``front_matter``: the
    articles' front matters already parsed, by the hash of their text (see
    :func:`~presslens.story.yamlio.read_front_matter`; :func:`presslens.engine.frontmatter.load_story`
    keeps them on disk, so each notebook's kernel does not parse them again). ``articles``: the rows of
    articles already loaded, by their path and bytes (see :func:`_article_row`; kept on disk the same way).
    """
    root = paths.resolve(path)
    slug = root.name
    if paths.undecodable(root):  # a name no JSON, Parquet, HTML or CSV could hold: refused by name
        raise StoryError([Problem(paths.printable(root), "", "the story folder's path is not valid UTF-8 text "
                                  "(the bytes that are not are shown as \\xNN)",
                                  "rename the folder (and any folder above it) with letters, digits and '-' only")])
    if not root.is_dir():
        if root.is_file() and root.name == "story.yaml":
            raise StoryError([Problem(str(path), "", "is the story's story.yaml, not its folder",
                                      f"give the folder that holds it: {root.parent}")])
        raise StoryError([Problem(f"{path} (looked for {root})" if str(root) != str(path) else str(path), "",
                                  "is not a folder",
                                  "give the path of a story folder holding story.yaml and articles/ (create one with `presslens new SLUG`)")])
    problems: list[Problem] = []
    sy = root / "story.yaml"
    yaml_digest: dict = {}
    if os.path.islink(sy) and not sy.exists():
        problems.append(Problem(f"{slug}/story.yaml", "", "is a broken (or looping) link",
                                "replace the link with the story.yaml file itself"))
        meta = parse_story_yaml({}, f"{slug}/story.yaml", [])
    elif not sy.exists():  # (a FIFO, a folder or a device named story.yaml is reported by the reader below)
        try:
            near = sorted(f.name for f in root.iterdir() if f.name.casefold() in ("story.yaml", "story.yml") and f.is_file())
        except OSError:
            near = []
        if near:  # story.yml, Story.YAML: the file is there under another name
            problems.append(Problem(f"{slug}/story.yaml", "", f"is missing, but {slug}/{paths.printable(near[0])} is there",
                                    f"rename it: mv {slug}/{paths.printable(near[0])} {slug}/story.yaml (presslens reads "
                                    "story.yaml only, in lower case)"))
        else:
            problems.append(Problem(f"{slug}/story.yaml", "", "is missing", "create it (see `presslens new SLUG` for a commented template)"))
        meta = parse_story_yaml({}, f"{slug}/story.yaml", [])
    else:
        n_before = len(problems)
        data = load_yaml(sy, f"{slug}/story.yaml", problems, yaml_digest)
        # a file that could not be read or parsed is reported once, not again as "empty"
        meta = parse_story_yaml(data if len(problems) == n_before else {}, f"{slug}/story.yaml",
                                 problems if len(problems) == n_before else [])

    art_dir = root / "articles"
    notices: list[Problem] = []
    files: list[Path] = []
    if art_dir.is_dir():
        try:
            entries = sorted(art_dir.iterdir())
        except OSError as exc:
            problems.append(Problem(f"{slug}/articles/", "", f"cannot be listed ({exc.strerror or exc})", "check the folder's permissions"))
            entries = []
        for p in entries:
            if p.name.startswith("."):
                if p.suffix == ".md" and p.is_file():  # an article hidden by its name: said, not silently dropped
                    notices.append(Problem(f"{slug}/articles/{paths.printable(p.name)}", "",
                                           "ignored: a hidden file (its name starts with '.') is never an article",
                                           "rename it without the leading '.' to include it"))
                continue  # hidden files (editor swap files, .DS_Store) are never articles
            if (paths.undecodable(p.name) or limits.line_breaks(p.name)) and p.suffix == ".md":
                problems.append(_bad_name(f"{slug}/articles/", p))
                continue
            if p.suffix == ".md" and p.is_file():
                files.append(p)
            elif p.suffix == ".md" and limits.dangling(p):
                problems.append(Problem(f"{slug}/articles/{p.name}", "", f"is {limits.dangling(p)}",
                                        "point the link at the article file, or delete it"))
            else:
                kind = limits.kind_of(p)
                fix = ("rename it to .md to include it" if p.suffix.lower() in (".md", ".markdown", ".txt") and p.is_file()
                       else "move it out of articles/ if it is not an article")
                notices.append(Problem(f"{slug}/articles/{paths.printable(p.name)}", "",
                                       f"ignored: only regular .md files are articles (this is {kind})", fix))
    if os.path.lexists(art_dir) and not art_dir.is_dir():
        problems.append(Problem(f"{slug}/articles/", "", f"is {limits.kind_of(art_dir)}, not a folder",
                                "move it away, then create the folder articles/ with one .md file per article"))
    elif not art_dir.is_dir():
        problems.append(Problem(f"{slug}/articles/", "", "is missing", "create the folder and put one .md file per article in it"))
    elif not files and not problems:
        others = [n.file.rsplit("/", 1)[-1] for n in notices]
        hint = f" (found {others[:3]}: rename articles to .md)" if others else ""
        problems.append(Problem(f"{slug}/articles/", "", f"holds no .md article{hint}", "add one .md file per article"))
    rows = []
    seen_ids: dict[str, str] = {}
    for f in files:
        rel = f"{slug}/articles/{f.name}"
        key = f.stem.casefold()
        if key in seen_ids:
            problems.append(Problem(rel, "id", f"duplicate article id {f.stem!r} (also {seen_ids[key]})",
                                    "rename one of the files: the file name is the article's id"))
            continue
        seen_ids[key] = f.name
        row = _article_row(f, rel, problems, notices, front_matter, articles)
        if row is None:
            continue
        rows.append(row)  # duplicate captures are screened later (presslens.engine.screening), not refused
    ids_known = {r["id"] for r in rows}
    if rows and len(rows) == len(files):
        for i, pair in enumerate(meta["intended_duplicates"]):
            for x in pair:
                if x not in ids_known:
                    near = difflib.get_close_matches(x, sorted(ids_known), n=1, cutoff=0.6)
                    problems.append(Problem(f"{slug}/story.yaml", "intended_duplicates", f"no article {x!r}",
                                            (f"did you mean {near[0]!r}? " if near else "")
                                            + "use article ids: the file names in articles/ without .md"))
    references = load_references(root, slug, notices, problems)
    shared, local, outlets_digest = outlets_mod.outlets_files(root, slug, meta["outlets_file"], problems)
    if problems:
        raise StoryError(problems, slug)
    cols = ["id", "outlet", "title", "url", "published", "language", "translated_from", "derived_from", "byline",
            "notes", "meta", "text", "file", "sha256", *PUBLISHED_COLS]
    articles = _dated(pd.DataFrame(rows, columns=cols))
    articles = articles.sort_values(["published", "outlet", "id"], na_position="last").reset_index(drop=True)
    story = Story(slug=slug, path=root, title=meta["title"], question=meta["question"], articles=articles,
                 actors=meta["actors"], speakers=meta["speakers"], claims=meta["claims"],
                 boilerplate=meta["boilerplate"], lexicon=meta["lexicon"], language=meta["language"],
                 furniture=meta["furniture"], intended_duplicates=meta["intended_duplicates"],
                 parties=meta["parties"], outlets_sha256=outlets_digest, quote_speakers=meta["quote_speakers"])
    outlets_mod.apply(story, shared, local, notices)  # aliases merged, attributes attached
    story.all_outlets = tuple(story.outlets)
    by_fold: dict[str, set[str]] = {}
    for o in story.outlets:
        by_fold.setdefault(outlets_mod.lookalike_key(o), set()).add(o)
    for names in by_fold.values():
        if len(names) > 1:
            shown = sorted(names)
            if len({outlets_mod.outlet_key(n) for n in names}) == 1:
                how = "differ only in case or spacing"
            else:
                odd = [f"{n!r} has {', '.join(got)}" for n in shown if (got := outlets_mod.lookalike_letters(n))]
                how = ("differ only in case, spacing, punctuation, character width or look-alike letters"
                       + (f" ({'; '.join(odd)})" if odd else ""))
            plain = min(shown, key=lambda n: (not n.isascii(), n != n.strip(".,;:!? "), n))
            notices.append(Problem(f"{slug}/articles/", "outlet", f"outlet names {shown} {how}: "
                                   "they are counted as different outlets",
                                   f"write one spelling, e.g. {plain!r}, in every article (or list the others as its "
                                   "aliases in outlets.yaml)"))
    story.references = references
    story.notices = notices
    story.yaml_sha256 = yaml_digest.get("sha256", "")
    return story


# ----------------------------------------------------------------------------------------------
# references: texts that are not part of the corpus (wire copy, a press release, the original report)

REFERENCE_FIELDS = {
    "source": "who published it, as articles credit it in derived_from (required), e.g. The Verge",
    "kind": f"what it is: one of {', '.join(REFERENCE_KINDS)}",
    "title": "its headline or title, or null",
    "url": "where it was captured, or null",
    "published": "publication date, ISO YYYY-MM-DD (or a date-time with its offset, 2023-12-15T09:30+08:00), or null",
    "notes": "free text",
}


def _parse_reference(path: Path, rel: str, problems: list[Problem]) -> dict | None:
    """One ``references/*.md`` file: front matter (REFERENCE_FIELDS), then the text as captured."""
    got = read_front_matter(path, rel, problems, "start the file with ---, then source: NAME and kind: wire copy "
                            "(see docs/data-contract.md, references/), then ---")
    if got is None:
        return None
    _, text, meta, body = got
    n = len(problems)
    for key in meta:
        if key not in REFERENCE_FIELDS:
            problems.append(Problem(rel, str(key), "unknown field in a reference", suggest(str(key), REFERENCE_FIELDS)))
    src = meta.get("source")
    if src is not None and not isinstance(src, str):
        problems.append(not_text(rel, "source", src, "source: \"...\""))
    elif not isinstance(src, str) or not src.strip():
        problems.append(Problem(rel, "source", "required field is missing or empty",
                                "add 'source: NAME': who published it, spelt as articles credit it in derived_from"))
    kind = meta.get("kind") or "other"
    if kind not in REFERENCE_KINDS:
        problems.append(Problem(rel, "kind", f"{show(kind)} is not a kind of reference", f"use one of {list(REFERENCE_KINDS)}"))
    published, bad = published_columns(meta.get("published"))
    if bad:
        problems.append(Problem(rel, "published", f"{show(meta.get('published'))} {bad}", f"write it as {DATE_FORMS}, or null"))
    for key in ("title", "url", "notes"):
        if meta.get(key) is not None and not isinstance(meta.get(key), str):
            problems.append(not_text(rel, key, meta[key], f"{key}: \"...\" (or null)"))
    if not body.strip():
        problems.append(Problem(rel, "text", "the reference is empty", "paste its text below the closing ---"))
    if len(problems) > n:
        return None
    return {"id": path.stem, "source": src.strip(), "kind": kind, "title": (meta.get("title") or "").strip() or None,
            "url": meta.get("url"), **published, "notes": meta.get("notes"), "text": body.strip("\n"),
            "file": f"references/{path.name}", "sha256": hashlib.sha256(text.encode()).hexdigest()}


def load_references(root: Path, slug: str, notices: list[Problem], problems: list[Problem]) -> pd.DataFrame:
    """The story's optional ``references/`` folder as a table (empty without one). Every bad reference
    file is added to ``problems`` with its fix (the loader raises them with the articles' problems);
    other files are ignored with a notice."""
    cols = ["id", "source", "kind", "title", "url", "published", "notes", "text", "file", "sha256", *PUBLISHED_COLS]
    folder = root / "references"
    rows = []
    if folder.is_dir():
        for p in sorted(folder.iterdir()):
            rel = f"{slug}/references/{p.name}"
            if p.name.startswith("."):
                continue
            if paths.undecodable(p.name):
                if p.suffix == ".md":
                    problems.append(_bad_name(f"{slug}/references/", p))
                    continue
                rel = f"{slug}/references/{paths.printable(p.name)}"
            if p.suffix != ".md" or not p.is_file():
                notices.append(Problem(rel, "", "ignored: only regular .md files are references",
                                       "rename it to .md (front matter with source: and kind:) to include it"))
                continue
            row = _parse_reference(p, rel, problems)
            if row:
                rows.append(row)
    elif folder.exists():
        problems.append(Problem(f"{slug}/references", "", "is not a folder", "make references/ a folder of .md files"))
    return _dated(pd.DataFrame(rows, columns=cols))


def _dated(table: pd.DataFrame) -> pd.DataFrame:
    """``published`` as the local day (midnight, no zone) and ``published_utc`` as UTC instants (NaT
    where time or zone is unknown), whatever the rows held (see :mod:`presslens.story.when`)."""
    table["published"] = pd.to_datetime(table["published"])
    table["published_utc"] = pd.to_datetime(table["published_utc"], utc=True)
    for c in ("published_time", "published_offset", "published_precision"):
        table[c] = table[c].astype(object).where(table[c].notna(), None)
    return table
