"""The gate: what passes :func:`check_story` runs every notebook to the end.

``load_story`` validates the files (front matter, fields, story.yaml). This adds what needs the
text itself: every user pattern must finish (a boilerplate pattern that backtracks forever is an
error naming its field), every article must keep words after cleaning (a pattern that removes
everything is caught here, not as a NaN deep in a figure), the story's lexicon overrides must
apply, and at least one article must be left to measure once other languages and duplicate
captures are set aside. ``presslens check``, ``presslens run`` and every notebook's set-up use it.
Its warnings add those of :mod:`presslens.engine.sanity` (implausible dates, references dated after the
articles they would feed, claims matching most sentences, English-only measures on another language).
:func:`checked` is the gate for callers that need the story alone (``presslens run`` and every notebook's
set-up): a pass is kept on disk, so a warm run's ten checks of an unchanged story are one.
"""
from __future__ import annotations

import functools
import hashlib
from pathlib import Path

from presslens import paths, patterns
from presslens.analyses import claims, reuse
from presslens.analyses.wordchoice import lexicon
from presslens.engine import fanout, keys, memo, perarticle, sanity, screening, store, tables
from presslens.engine.frontmatter import load_story  # front matter parsed once, kept on disk
from presslens.story.model import Problem, Story, StoryError
from presslens.story import capture


PASSED = "passed"  # the verdict :func:`checked` keeps on disk for a story that passed


def _environment(path: str | Path | Story) -> None:
    """The checks of the environment, made on every call, whatever is cached."""
    patterns.default_budget()  # a bad PRESSLENS_PATTERN_BUDGET is an error even when every result is cached
    memo.result_cache_off()  # so are a bad PRESSLENS_NO_RESULT_CACHE
    fanout.check_scheduler()  # and a PRESSLENS_SCHEDULER that is no address
    store.check_cache_apart(path.path if isinstance(path, Story) else paths.resolve(path), "story")  # before the cache is used


@functools.lru_cache(maxsize=1)
def _own_code() -> str:
    """This module's source: the gate's rules (keys.code_hash leaves out the layers above the analyses)."""
    return keys.tree_hash(paths.PACKAGE, ("notebook/gate.py",))


def verdict_key(st: Story) -> str:
    """``st``'s verdict at the gate, keyed with the one scheme (:mod:`presslens.engine.keys`): the package's code
    and the libraries' versions (:func:`~presslens.engine.keys.code_hash`), the story's every field and the
    content of its articles and references (:func:`~presslens.engine.keys.story_key`), this module's code
    (which ``code_hash`` leaves out) and the pattern budget."""
    parts = ("gate", keys.code_hash(), keys.story_key(st), _own_code(), repr(patterns.default_budget()))
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:32]


def verdict_file(st: Story) -> Path:
    """Where :func:`checked` keeps ``st``'s verdict: ``gate/KEY.pkl`` (:func:`verdict_key`)."""
    return store.cache_dir() / "gate" / f"{verdict_key(st)}.pkl"


def checked(path: str | Path) -> Story:
    """The story at ``path`` once it passes :func:`check_story` (its errors raised the same way), for the callers
    that need the story alone: every notebook's set-up and ``presslens run``. A story that passed once is not
    checked again while its content, configuration, the code and the pattern budget are unchanged (the verdict
    is kept on disk, :func:`verdict_file`): at 10,000 articles the checks cost about a second in each of the
    nine kernels of a warm run. Only a pass is kept; ``PRESSLENS_NO_RESULT_CACHE=1`` checks every time."""
    _environment(path)
    st = load_story(path)
    if memo.result_cache_off():
        return check_story(st)[0]
    file = verdict_file(st)
    if store.load(file) == PASSED:
        return st
    st, _ = check_story(st)
    store.store(file, PASSED)
    return st


def check_story(path: str | Path | Story) -> tuple[Story, screening.Screening]:
    """Load (unless given a Story) and check ``path``; raise :class:`StoryError` listing every problem.
    Returns the story and its screening (warnings in ``screening.warnings``)."""
    _environment(path)
    st = path if isinstance(path, Story) else load_story(path)
    yaml_rel = f"{st.slug}/story.yaml"
    claim_hits = None
    try:
        p = tables.process(st)
        if st.references is not None and len(st.references):  # the reuse notebook cleans them with the same rules
            reuse.doc_list(st, [])
        if st.claims:  # every claim pattern must finish on every sentence (the result is cached for 07)
            with perarticle.parallel():  # the gate runs alone: quotes and claim hits on every core
                claim_hits = claims.hits(st)
    except patterns.PatternTimeout as exc:
        raise StoryError([Problem(yaml_rel, exc.where.replace("story.yaml ", "") or "furniture", str(exc),
                                  "rewrite the pattern without nested repeats, e.g. '^[\\w\\s]+$' instead of '^(\\w+\\s?)+$'")],
                         st.slug) from None
    problems: list[Problem] = []
    words = dict(zip(p.languages["article_id"], p.languages["n_words"]))
    removed = p.removed.groupby("article_id")["rule"].agg(lambda r: sorted(set(r)))
    for a in st.articles.itertuples(index=False):
        if words.get(a.id, 0) > 0:
            continue
        rules = removed.get(a.id, [])
        if rules:
            problems.append(Problem(f"{st.slug}/{a.file}", "text", f"no words are left after cleaning (removed by: {'; '.join(rules)})",
                                    "narrow the story's boilerplate patterns (they cut whole lines), or switch the furniture rule "
                                    "off for this story (furniture: {disable: [...]})"))
        else:
            problems.append(Problem(f"{st.slug}/{a.file}", "text", "has no words (only punctuation, symbols or markup)",
                                    "paste the article's text below the front matter, or remove the file"))
    for a in st.articles.itertuples(index=False):
        source = capture.markup(a.text)
        if source:
            share, tags = source
            problems.append(Problem(f"{st.slug}/{a.file}", "text", f"is HTML source, not the article's text: "
                                    f"{share:.0%} of it is markup ({', '.join(tags)}...)",
                                    "save the web page as an .html file in a folder and run `presslens import "
                                    f"{paths.display(st.path)} FOLDER` (it extracts the article's text and fields), or paste "
                                    "the article's text only"))
    try:
        lexicon.lexicon_for(st)
    except StoryError as exc:
        problems.extend(exc.problems)
    if problems:
        raise StoryError(problems, st.slug)
    sc = screening.screen(st)
    if not sc.kept_ids:
        raise StoryError([Problem(f"{st.slug}/articles/", "", "no article can be measured: "
                                  + "; ".join(f"{r.file}: {r.reason}" for r in sc.left_out.itertuples(index=False)),
                                  "add articles in the story's language, or correct story.yaml's language")], st.slug)
    sc.warnings.extend(sanity.warnings(st, claim_hits, len(p.sentences)))  # quietly wrong otherwise
    return st, sc
