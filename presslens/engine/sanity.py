"""Warnings for input that passes every check and would still be measured quietly wrong.

:func:`warnings` is called by the gate (:func:`presslens.check.check_story`) and its problems are
printed by ``presslens check`` with the screening's warnings; each names the file or field and the
fix:

- a date no article can have (before :data:`EARLIEST`, or after tomorrow): 0001-01-01 and 9999-12-31
  would put an outlet first or last and turn the direction of copying around;
- a date more than :data:`FAR_YEARS` years from the median of the story's other dates (1899-01-01 among
  December 2023 articles): plausible alone, it would still put its outlet first by a century;
- a time of day without its time zone (``published: 2023-12-15T09:30``): kept, but it orders
  nothing within its day, since two such clock times of one day can come in either order;
- a reference document dated after an article that credits its source: it cannot be that article's
  source (the provenance analysis does not count it as one);
- a claim whose patterns match most sentences: "carried by every outlet" would be the pattern's doing;
- an article written in Chinese or Japanese: its word counts count characters (:mod:`presslens.words`),
  and the readability formulas do not apply to it;
- an article whose text ends at a paywall's prompt after a short teaser (:func:`presslens.story.capture.paywall_prompt`):
  the capture is incomplete, so what it "leaves out" means nothing (the omission tables leave it out);
- a story in another language than English: the tone, readability, framing-lexicon and
  quote-attribution measures are built for English (:func:`english_caveat`, which every notebook
  prints).
"""
from __future__ import annotations

import datetime as dt

import pandas as pd

from presslens import words
from presslens.story.model import Problem, Story
from presslens.story import capture
from .memo import story_table

EARLIEST = pd.Timestamp("1800-01-01")  # the earliest publication date taken as plausible
FAR_YEARS = 5  # a date this many years from the median of the story's other dates is suspect (a typo, a CMS default)
MOST = 0.5  # a claim matching more than this share of the measured sentences is suspect
MIN_SENTENCES = 10  # ... on a story with at least this many sentences
ENGLISH_ONLY = ("tone (VADER)", "readability formulas", "the framing lexicon and keyness word lists",
                "reporting verbs and quote attribution", "naming's calque and machine-translation tells")


def english(language: str | None) -> bool:
    """Whether text in ``language`` (a code such as 'en-GB'; None: the default, English) is what the
    English-built rules (:data:`ENGLISH_ONLY`, quote attribution among them) read."""
    return str(language or "en").strip().lower().split("-")[0] in ("", "en")


def tag_language(table: pd.DataFrame, story: Story | None) -> pd.DataFrame:
    """``table`` with ``attrs["language"]``: the story's language, the language of every article measured
    (screening leaves the others out). Findings read it (:func:`english`) to leave out, or say unknown,
    what the English-built rules cannot read in it. Without a story (a table built from its parts) it is untagged."""
    if story is not None:
        table.attrs["language"] = str(story.language or "en")
    return table


def english_caveat(story: Story) -> str | None:
    """One line saying which measures are built for English, when the story's language is another."""
    lang = (story.language or "en").lower().split("-")[0]
    if lang == "en":
        return None
    return (f"Caveat: this story's language is {story.language!r}, and {', '.join(ENGLISH_ONLY)} are built for "
            "English: their numbers for it are not meaningful (word counts, names, reuse and claims are).")


def _ymd(d) -> str:
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


def _implausible(d, today: pd.Timestamp) -> bool:
    return d is not None and not pd.isna(d) and (d < EARLIEST or d > today + pd.Timedelta(days=1))


def _far_dates(story: Story, today: pd.Timestamp) -> list[Problem]:
    """The articles dated more than :data:`FAR_YEARS` years from the median of the other articles'
    plausible dates (two of them at least), each named with that median."""
    dated = [(a.file, a.published) for a in story.articles.itertuples(index=False)
             if a.published is not None and not pd.isna(a.published) and not _implausible(a.published, today)]
    out = []
    if len(dated) == 2:  # no median to tell which is wrong: the pair is named
        (f1, d1), (f2, d2) = dated
        years = abs((d1 - d2).days) / 365.25
        if years > FAR_YEARS:
            out.append(Problem(f"{story.slug}/{f1}", "published", f"{_ymd(d1)} is {years:.0f} years from the other "
                               f"dated article's ({f2}: {_ymd(d2)}): one of them decides the order by years",
                               "check both dates against the pages; write null where an article does not reveal it"))
        return out
    if len(dated) < 3:
        return out
    # the median of the others, for each article: read off the sorted dates with its own left out
    # (n log n; a median per article over a list of the rest was quadratic: minutes at 10,000 articles)
    order = sorted(range(len(dated)), key=lambda j: dated[j][1])
    srt = [dated[j][1] for j in order]
    rank = {j: k for k, j in enumerate(order)}
    m = len(srt) - 1  # how many the others are

    def other(k: int, j: int):  # the j-th of the sorted dates without the k-th
        return srt[j] if j < k else srt[j + 1]

    for i, (file, d) in enumerate(dated):
        k = rank[i]
        if m % 2:
            median = other(k, m // 2)
        else:
            lo, hi = other(k, m // 2 - 1), other(k, m // 2)
            median = lo + (hi - lo) / 2
        years = abs((d - median).days) / 365.25
        if years > FAR_YEARS:
            out.append(Problem(f"{story.slug}/{file}", "published", f"{_ymd(d)} is {years:.0f} years from the story's "
                               f"other dates (their median: {_ymd(median)}): it would put this outlet first (or "
                               "last) and decide which article copied which",
                               "check the date against the page (its date line, the URL); write null if the "
                               "article does not reveal it"))
    return out


def warnings(story: Story, claim_hits: pd.DataFrame | None = None, n_sentences: int | None = None) -> list[Problem]:
    """Every warning of the module docstring for ``story`` (``claim_hits``: :func:`presslens.claims.hits`).
    Cached under the story's key and today's date (every notebook's gate asks: 10,000 articles'
    texts read for paywall prompts and scripts each time otherwise)."""
    return _warnings(story, claim_hits, n_sentences, dt.date.today().isoformat())


@story_table
def _warnings(story: Story, claim_hits: pd.DataFrame | None, n_sentences: int | None, day: str) -> list[Problem]:
    out: list[Problem] = []
    slug = story.slug
    today = pd.Timestamp(day)
    for a in story.articles.itertuples(index=False):
        if _implausible(a.published, today):
            out.append(Problem(f"{slug}/{a.file}", "published", f"{_ymd(a.published)} is not a plausible publication "
                               "date: it decides the outlets' order and which article copied which",
                               "correct the date, or write null if the article does not reveal it"))
    out += _far_dates(story, today)
    if "published_time" in story.articles:
        a = story.articles
        naive = a[a["published_time"].notna() & a["published_offset"].isna()]
        if len(naive):
            files = ", ".join(naive["file"].head(3)) + (f" and {len(naive) - 3} more" if len(naive) > 3 else "")
            out.append(Problem(f"{slug}/articles/", "published", f"{len(naive)} article(s) give a time of day without "
                               f"its time zone ({files}): kept as written, but such a time orders nothing within "
                               "its day", "add the offset the page gives, e.g. 2023-12-15T09:30+08:00 (Z for UTC)"))
    refs = story.references if story.references is not None else pd.DataFrame()
    for r in refs.itertuples(index=False):
        if _implausible(r.published, today):
            out.append(Problem(f"{slug}/{r.file}", "published", f"{_ymd(r.published)} is not a plausible date",
                               "correct the date, or write null"))
            continue
        if pd.isna(r.published):
            continue
        src = str(r.source).casefold()
        fed = [a for a in story.articles.itertuples(index=False)
               if any(str(c).casefold() == src for c in a.derived_from)
               and not pd.isna(a.published) and a.published < r.published]
        if fed:
            names = ", ".join(a.file for a in fed[:3]) + (f" and {len(fed) - 3} more" if len(fed) > 3 else "")
            out.append(Problem(f"{slug}/{r.file}", "published", f"dated {r.published:%Y-%m-%d}, after {names}, which "
                               f"credit {r.source} as their source: it is not counted as their source",
                               "check the reference's date (the version captured may be a later update)"))
    if claim_hits is not None and len(claim_hits) and n_sentences and n_sentences >= MIN_SENTENCES:
        per_claim = claim_hits.groupby("claim")["n_sentences"].sum()
        for i, c in enumerate(story.claims):
            n = int(per_claim.get(c.id, 0))
            if n > MOST * n_sentences:
                out.append(Problem(f"{slug}/story.yaml", f"claims[{i}].patterns",
                                   f"claim {c.id!r} matches {n} of the story's {n_sentences} sentences: its patterns "
                                   "match most text, so 'carried by every outlet' would be the patterns' doing",
                                   "make the patterns specific to the claim's wording (whole phrases, not common words)"))
    for a in story.articles.itertuples(index=False):
        if isinstance(a.text, str) and words.is_cjk(a.text):
            out.append(Problem(f"{slug}/{a.file}", "text", "written in Chinese or Japanese: its word counts count "
                               "characters (each one a word), and the readability formulas do not apply to it",
                               "compare its lengths only with other Chinese or Japanese articles"))
    for a in story.articles.itertuples(index=False):
        prompt = capture.paywall_prompt(a.text)
        if prompt:
            out.append(Problem(f"{slug}/{a.file}", "text", f"looks cut short by a paywall: {words.count(a.text)} words "
                               f"ending at a subscription prompt ({prompt!r}); it is measured as it is, but left out "
                               "of what outlets leave out (omissions), since its absence there means nothing",
                               "save the page while logged in (or the full text), then import it again"))
    caveat = english_caveat(story)
    if caveat:
        out.append(Problem(f"{slug}/story.yaml", "language", caveat.removeprefix("Caveat: "),
                           "read those measures as indications only, or leave their notebooks out"))
    return out
