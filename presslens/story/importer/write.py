"""Writing imported pages into a story's ``articles/``: ids from file names, pages already
imported skipped (by content), files written atomically, the summary of what was imported,
skipped or failed.
"""
from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable
import yaml

from presslens import limits, paths, words, yamlsafe
from presslens.paths import story_arg
from presslens.errors import ParameterError
from presslens.story import capture
from presslens.story.model import Problem, StoryError
from presslens.story.scaffold import is_slug
from presslens.story.schema import MAX_OUTLET
from presslens.story.yamlio import decode_text, split_front_matter
from . import guard
from .fields import wire_credit
from .outlet import MAX_NAME
from .page import FEW_WORDS, ImportResult, PageError


# ----------------------------------------------------------------------------------------------
# writing articles


def slugify(stem: str) -> str:
    """A file stem as an article id: lower-case ASCII letters, digits, '-' and '_'."""
    s = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode("ascii").lower()
    s = re.sub(r"[^a-z0-9_-]+", "-", s)
    s = re.sub(r"-{2,}", "-", s).strip("-_")
    return s[:80].rstrip("-_") or "page"


@dataclass
class _Existing:
    path: Path
    url: str | None
    digest: str | None
    outlet: str | None = None


def _existing(art_dir: Path) -> dict[str, _Existing]:
    """Articles already in the story, by case-folded id."""
    out = {}
    for f in sorted(art_dir.glob("*.md")):
        url = digest = outlet = None
        try:
            text = decode_text(limits.read_bytes(f, limits.MAX_ARTICLE, "article")).lstrip("\ufeff")
            fm, body = split_front_matter(limits.normalise(text.replace("\r\n", "\n")))
            meta = yamlsafe.parse_yaml(fm) if fm else None
            url = meta.get("url") if isinstance(meta, dict) and isinstance(meta.get("url"), str) else None
            digest = hashlib.sha256(body.strip().encode()).hexdigest() if fm is not None else None
            outlet = meta.get("outlet") if isinstance(meta, dict) and isinstance(meta.get("outlet"), str) else None
        except (limits.InputError, UnicodeDecodeError, yaml.YAMLError, ValueError, TypeError, RecursionError):
            pass  # not an article presslens can read: it still holds its id, and is never replaced below
        out[f.stem.casefold()] = _Existing(f, url, digest, outlet)
    return out


def _keep_earlier(dest: Path) -> Path:
    """Copy ``dest`` to a free hidden name beside it (``.ID.md.before-import``, ``-2``...); returns it."""
    n = 1
    while True:
        keep = dest.with_name(f".{dest.name}.before-import" + (f"-{n}" if n > 1 else ""))
        if not os.path.lexists(keep):
            shutil.copy2(dest, keep)
            return keep
        n += 1


def _atomic_write(dest: Path, data: bytes, replace: bool = True) -> None:
    """Write ``data`` to ``dest`` whole or not at all. ``replace=False``: raise FileExistsError, writing
    nothing, when ``dest`` exists by then (another import into the story at the same time made it)."""
    fd, tmp = tempfile.mkstemp(dir=dest.parent, prefix=f".{dest.stem}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        paths.give_usual_mode(tmp)  # the user's article: readable as their other files are, not mkstemp's 0600
        if replace:
            os.replace(tmp, dest)
        else:
            try:  # a link never replaces: of two imports writing one name, the second is told
                os.link(tmp, dest)
            except FileExistsError:
                raise
            except OSError:  # a file system without hard links
                if os.path.lexists(dest):
                    raise FileExistsError(dest) from None
                os.replace(tmp, dest)
    finally:
        Path(tmp).unlink(missing_ok=True)


def render(fields: dict, text: str) -> str:
    """An article file: front matter (yaml.safe_dump), ``---``, the text."""
    fm = yaml.safe_dump(fields, allow_unicode=True, sort_keys=False, width=100)
    return f"---\n{fm}---\n{text.strip(chr(10))}\n"


def _is_page_name(name: str) -> bool:
    """A saved page's file name: *.html or *.htm, also as wget names pages with a query string
    (``index.html?p=123``); hidden files never."""
    return not name.startswith(".") and re.search(r"\.html?(?:[?#].*)?$", name, re.I) is not None


LINK_FIX = "point the link at the saved page, or give the page itself"


def _pages(sources: Iterable[str | Path]) -> list[Path | ImportResult]:
    """The pages to import, in the order given (a folder: its *.html / *.htm, sorted), or a failed
    result in the place of a missing path or an empty folder. A page given twice is imported once."""
    out: list[Path | ImportResult] = []
    seen: set[Path] = set()
    for src in sources:
        p = Path(src).expanduser()
        if p.is_dir():
            entries = list(p.iterdir())
            found = sorted((f for f in entries if (f.is_file() or limits.dangling(f)) and _is_page_name(f.name)),
                           key=lambda f: f.name)  # a page that is a broken link or a loop fails by name, below
            picked = set(found)
            for f in sorted((f for f in entries if f not in picked and _is_page_name(f.name)), key=lambda f: f.name):
                out.append(ImportResult(f, "skipped", reason=f"is {limits.kind_of(f)}, not a regular file",
                                        fix="save the page as a regular .html file, or move it out of the folder"))
                picked.add(f)  # named like a page, but a device, a pipe or a folder: said so, not "not .html"
            others = sorted(f.name for f in entries if f not in picked)
            if others:
                shown = ", ".join(map(paths.printable, others[:5])) + (f" and {len(others) - 5} more" if len(others) > 5 else "")
                out.append(ImportResult(p, "skipped", reason=f"not imported from the folder (not .html/.htm files): {shown}",
                                        fix="give a file by name to import it anyway; sub-folders are not searched"))
            if not found:
                out.append(ImportResult(p, "failed", reason="is a folder with no .html or .htm file",
                                        fix="give the folder the pages were saved in, or the files themselves"))
        elif p.exists():
            found = [p]
        else:
            link = limits.dangling(p)
            out.append(ImportResult(p, "failed", reason=f"is {link}" if link else "does not exist",
                                    fix=LINK_FIX if link else f"check the path ({paths.display(os.path.abspath(p))} was looked for)"))
            found = []
        for f in found:
            if limits.dangling(f):
                out.append(ImportResult(f, "failed", reason=f"is {limits.dangling(f)}", fix=LINK_FIX))
            elif f.resolve() not in seen:
                seen.add(f.resolve())
                out.append(f)
    return out


def _one_line(value, option: str, example: str) -> str:
    """An option that ends in every article's front matter: one line of text, without control
    characters (NFC, invisible characters removed, as the loader would read it)."""
    if not isinstance(value, str):
        raise ParameterError.bad("presslens import", option, f"must be text, got {type(value).__name__}",
                                 f"give it as text, e.g. {example}")
    bad = limits.line_breaks(value)
    if bad:
        raise ParameterError.bad("presslens import", option, f"{value[:60]!r} holds control characters or line "
                                 f"breaks ({bad})", f"give it on one line, without control characters, e.g. {example}")
    value = limits.normalise(value).strip()
    if not value:
        raise ParameterError.bad("presslens import", option, "is empty",
                                 f"give a name, e.g. {example}, or leave the option out to read it from each page")
    if len(value) > MAX_OUTLET:  # the story would refuse every article written with it
        raise ParameterError.bad("presslens import", option, f"is {len(value):,} characters long ({value[:40]!r}...), "
                                 "not a name", f"give the outlet's name (at most {MAX_OUTLET} characters), e.g. {example}")
    return value


def import_pages(story_dir: str | Path, sources: Iterable[str | Path], force: bool = False,
                 log: Callable[[str], object] = print, outlet: str | None = None) -> list[ImportResult]:
    """Import saved web pages (files, or folders of *.html / *.htm) into ``story_dir/articles/``.

    Returns one :class:`ImportResult` per page (and per missing path or empty folder), in order, after
    logging one line for each. Raises :class:`~presslens.story.model.StoryError` if ``story_dir`` is not a
    story folder. ``outlet`` sets the outlet of every page.
    """
    if outlet is not None:
        outlet = _one_line(outlet, "--outlet", "--outlet 'The Daily Ledger'")
    guard.page_seconds()  # a bad PRESSLENS_PAGE_SECONDS is one error before any page, not a failure of each
    story = story_arg(str(story_dir))
    if not (story / "story.yaml").is_file():
        slug = story.name if is_slug(story.name) else "SLUG"
        root = f" --root {paths.display(story.parent)}" if story.parent.resolve() != paths.STORIES_DIR else ""
        if os.path.lexists(story / "story.yaml"):  # a folder, a pipe, a broken link or a loop named story.yaml
            what, fix = (f"is not a story folder: its story.yaml is {limits.kind_of(story / 'story.yaml')}, not a file",
                         "move that story.yaml away and put the story's story.yaml there (`presslens new` writes a "
                         "commented one)")
        elif story.exists():
            what, fix = ("is not a story folder (no story.yaml)",
                         f"give a story folder, or create one with `presslens new {slug}{root}` and import into it")
        else:
            what, fix = "does not exist", f"create the story first with `presslens new {slug}{root}`, then import into it"
        raise StoryError([Problem(paths.display(story), "", what, fix)], story.name)
    art_dir = story / "articles"
    try:
        if art_dir.is_symlink() or (os.path.lexists(art_dir) and not art_dir.is_dir()):
            raise StoryError([Problem(paths.display(art_dir), "", "is not a folder",
                                      "move the file away: articles/ must be the folder of the story's articles")],
                             story.name)
        art_dir.mkdir(exist_ok=True)
    except OSError as exc:
        raise StoryError([Problem(paths.display(art_dir), "", f"cannot be created ({exc.strerror or exc})",
                                  "check the story folder's permissions and free space")], story.name) from None
    existing = _existing(art_dir)
    digests: dict[str, list[_Existing]] = {}
    for e in existing.values():
        if e.digest:
            digests.setdefault(e.digest, []).append(e)
    taken: set[str] = set()
    results = []
    for page in _pages(sources):
        if isinstance(page, ImportResult):
            result = page
        else:
            try:
                result = _import_one(page, art_dir, existing, digests, taken, force, outlet)
            except KeyboardInterrupt as exc:  # the page being read is not written (every write is atomic)
                raise Stopped(results, page, exc) from None
            except OSError as exc:  # the story folder cannot be written (full disk, read-only, permissions)
                result = ImportResult(page, "failed", reason=f"could not be written to articles/ "
                                      f"({exc.strerror or exc})", fix="free some space, or check the folder's permissions")
            except Exception as exc:  # a page that breaks the HTML tools: one line, never a traceback
                result = ImportResult(page, "failed", reason=f"could not be read as a web page "
                                      f"({type(exc).__name__}: {str(exc)[:120]})",
                                      fix="save the page again (File > Save Page As, 'Web Page, HTML only')")
        results.append(result)
        log(result.line)
    return results


def _same_page(twin: _Existing, fields: dict) -> bool:
    """``twin`` (an article with the same text) is this very page: the same outlet and the same URL (or no
    URL on either). Another outlet's copy of the text (syndication, a wire) is not the same page."""
    def fold(value):
        return limits.normalise(value).strip().casefold() if isinstance(value, str) else None
    def url(value):
        return fold(value).rstrip("/") if isinstance(value, str) else None
    return fold(twin.outlet) == fold(fields.get("outlet")) and url(twin.url) == url(fields.get("url"))


def _other_article(ex: _Existing, fields: dict) -> bool:
    """``ex`` (an article with the page's file name) is another article, never to be replaced by the page:
    its URL differs from the page's, or its outlet does (``--force`` would overwrite another outlet's
    article with this page; the page gets the next free name, ``ID-2``, instead)."""
    def fold(value):
        return limits.normalise(value).strip().casefold() if isinstance(value, str) and value.strip() else None
    return bool(ex.url and fields["url"] and ex.url != fields["url"]
                or fold(ex.outlet) and fold(fields.get("outlet")) and fold(ex.outlet) != fold(fields.get("outlet")))


class Stopped(KeyboardInterrupt):
    """An import stopped by Ctrl-C (or SIGHUP/SIGTERM raised as a KeyboardInterrupt): ``results`` are the
    pages done before it (their articles are written), ``page`` the one being read (not written), ``cause``
    the interruption."""

    def __init__(self, results: list[ImportResult], page, cause: BaseException):
        super().__init__(str(page))
        self.results, self.page, self.cause = results, page, cause


def _import_one(page, art_dir, existing, digests, taken, force, outlet) -> ImportResult:
    try:
        got = guard.read_page(page)
    except PageError as exc:
        return ImportResult(page, "failed", reason=exc.reason, fix=exc.fix)
    fields, notes = got["fields"], got["notes"]
    found, missing = list(got["found"]), list(got["missing"])
    if outlet:
        fields["outlet"] = outlet
        notes = [n for n in notes if not n.startswith("outlet:")] + ["outlet: given with --outlet"]
        found = [f for f in found if not f.startswith("outlet")]
        found.insert(0, "outlet (--outlet)")
        missing = [m for m in missing if m != "outlet"]
    if not fields["outlet"]:
        return ImportResult(page, "failed", fields=fields,
                            reason=(f"the page reveals no outlet: its {got['outlet_passed']} (a name is at most "
                                    f"{MAX_NAME} characters), and it gives no URL" if got.get("outlet_passed") else
                                    "the page reveals no outlet (no og:site_name, publisher or URL)"),
                            fix=f"pass --outlet NAME (e.g. presslens import STORY {page.name} --outlet 'The Daily Ledger')")
    slug = slugify(page.stem)
    n, ex = 1, None
    while True:
        cand = slug if n == 1 else f"{slug}-{n}"
        ex = existing.get(cand.casefold())
        if cand.casefold() in taken or (ex and _other_article(ex, fields)):
            n += 1       # another page of this import, or a different article, already has this id
            continue
        break
    taken.add(cand.casefold())
    dest = ex.path if ex else art_dir / f"{cand}.md"
    digest = hashlib.sha256(got["text"].strip().encode()).hexdigest()
    twins = [t for t in digests.get(digest, []) if t.path != dest]
    same_page = next((t for t in twins if _same_page(t, fields)), None)
    if same_page is not None:  # the same page saved twice: same text, same outlet, same URL (or none on both)
        return ImportResult(page, "skipped", article=same_page.path, id=same_page.path.stem, fields=fields,
                            reason=f"the same page as articles/{same_page.path.name} (same text, outlet and URL), "
                                   "saved twice",
                            fix="nothing to do; if it is another outlet's copy, correct the outlet with --outlet")
    if ex and not force:
        return ImportResult(page, "skipped", article=dest, id=dest.stem, fields=fields,
                            reason="already exists", fix="--force to replace")
    if os.path.lexists(dest) and (dest.is_symlink() or not dest.is_file()):
        what = "a link" if dest.is_symlink() else ("a folder" if dest.is_dir() else "not a regular file")
        return ImportResult(page, "failed", article=dest, id=dest.stem, fields=fields,
                            reason=f"articles/{dest.name} is {what}, which --force does not replace",
                            fix=f"move articles/{dest.name} away, or rename the page")
    wire = wire_credit(got["text"], fields["byline"])  # wire copy credits its agency: derived_from says so
    if wire:
        found.append(f"derived_from ({wire[0]})")
    notes_text = (f"imported from {paths.printable(page.name)} by presslens import; fields not revealed by the page: "
                  f"{', '.join(missing) or 'none'}. " + "".join(f"{n}. " for n in notes) +
                  (f"derived_from: {wire[0]}, from the page's wire credit ({wire[1]}); other credits and "
                   "translated_from are not read from pages: add them if the article credits another source or is a "
                   "translation." if wire else
                   "translated_from and derived_from are not read from pages: set them if the article is a "
                   "translation or credits a source."))
    front = {"outlet": fields["outlet"], "title": fields["title"], "url": fields["url"],
             "published": fields["published"], "language": fields["language"], "translated_from": None,
             "derived_from": [wire[0]] if wire else [], "byline": fields["byline"], "notes": notes_text}
    data = render(front, got["text"]).encode("utf-8")
    kept = None
    if ex is not None and dest.is_file() and dest.read_bytes() != data:
        kept = _keep_earlier(dest)  # --force replaces the article, never loses the earlier version (edits)
    try:
        _atomic_write(dest, data, replace=ex is not None)
    except FileExistsError:
        return ImportResult(page, "skipped", article=dest, id=dest.stem, fields=fields,
                            reason=f"articles/{dest.name} appeared while this import ran (another import into the "
                                   "story at the same time?), and is left as it is",
                            fix="run this import again once the other has finished")
    existing[dest.stem.casefold()] = _Existing(dest, fields["url"], digest, fields["outlet"])
    for group in digests.values():  # --force replaced dest's text: its old text is no longer in the story
        group[:] = [e for e in group if e.path != dest]
    digests.setdefault(digest, []).append(existing[dest.stem.casefold()])
    warnings = tuple(got.get("warnings", ()))
    prompt = capture.paywall_prompt(got["text"])
    if prompt:
        warnings += (f"the text ends at a paywall ({got['words']} words, then {prompt!r}): the capture is probably "
                     "incomplete; save the page while logged in and import it again (`presslens check` repeats this, "
                     "and the omission tables leave the article out)",)
    elif got["words"] < FEW_WORDS:
        warnings += (f"only {got['words']} words: check it is the article and not a paywall, consent or error page",)
    for t in twins:  # syndicated copy: another outlet's page with the same text is an article of its own
        warnings += (f"same text as articles/{t.path.name} ({paths.printable(t.outlet or 'outlet not given')}"
                     f"{', ' + paths.printable(t.url) if t.url else ''}): imported as its own article (a syndication "
                     "or a shared wire copy); delete one of them if it is the same page saved twice",)
    if kept is not None:
        warnings += (f"the earlier articles/{dest.name} is kept as articles/{kept.name} (hidden, so not an article): "
                     "delete it once you have what you need from it",)
    return ImportResult(page, "imported", article=dest, id=dest.stem, fields=front, found=tuple(found),
                        missing=tuple(missing), words=got["words"], replaced=ex is not None, cjk=words.is_cjk(got["text"]),
                        warnings=warnings)
