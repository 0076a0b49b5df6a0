"""Published date-times (issue 28): front matter with a time of day and zone, the order of two
articles (by date, by time of day, or unknown), reuse direction by time of day, and the importer
writing the page's own date-time."""
import datetime as dt

import pandas as pd
import pytest
import yaml

from presslens.analyses import provenance, verdicts
from presslens.story import when
from presslens.story.importer import write
from presslens.story.load import load_story
from presslens.story.model import StoryError
from presslens.story.scaffold import new_story
from presslens.story.yamlio import split_front_matter

from presslens.analyses import reuse

from .test_reuse import REWORDED, SOURCE, write_story
from .test_verdicts import pair


@pytest.mark.parametrize("value, day, clock, zone, precision, utc", [
    ("2023-12-15", "2023-12-15", None, None, "day", None),
    ("2023-12-15T09:30:00+08:00", "2023-12-15", "09:30", "+08:00", "minute", "2023-12-15 01:30:00+00:00"),
    ("2023-12-15T09:30:15+0800", "2023-12-15", "09:30:15", "+08:00", "second", "2023-12-15 01:30:15+00:00"),
    ("2023-12-15T01:30Z", "2023-12-15", "01:30", "+00:00", "minute", "2023-12-15 01:30:00+00:00"),
    # late evening in New York: the day stays the page's own (15th), the instant is the 16th in UTC
    ("2023-12-15T22:00-05:00", "2023-12-15", "22:00", "-05:00", "minute", "2023-12-16 03:00:00+00:00"),
    # no offset: kept as written, zone unknown, no instant (never shifted)
    ("2023-12-15T09:30", "2023-12-15", "09:30", None, "minute", None),
    (dt.date(2023, 12, 15), "2023-12-15", None, None, "day", None),
    # at the edges of the years a date-time can hold, the instant is still the right one
    ("0001-01-01T14:00+14:00", "0001-01-01", "14:00", "+14:00", "minute", "0001-01-01 00:00:00+00:00"),
    ("9999-12-31T11:59-12:00", "9999-12-31", "11:59", "-12:00", "minute", "9999-12-31 23:59:00+00:00"),
])
def test_published_values(value, day, clock, zone, precision, utc):
    w, problem = when.parse(value)
    assert problem is None
    f = w.fields()
    assert f["published"] == pd.Timestamp(day)
    assert (f["published_time"], f["published_offset"], f["published_precision"]) == (clock, zone, precision)
    assert f["published_utc"] == (pd.Timestamp(utc) if utc else None)


@pytest.mark.parametrize("value, says", [
    ("2023-12-15T25:00Z", "no such time of day"),
    ("2023-12-15T09:30+15:00", "impossible time zone offset"),
    ("2023-02-30", "no such day"),
    ("15 Dec 2023", "is not a date"),
    ("2023-12-15T09:30 UTC", "gives its time zone by name (UTC)"),
    ("2023-12-15 10:00 EST", "write the offset the name stood for that day"),
    ("2023-12-15T10:00:00 (Europe/Paris)", "gives its time zone by name (Europe/Paris)"),
    # the instant in UTC would be in year 0 or 10000: an error, never a wrapped-round date (it read 1972)
    ("0001-01-01T00:00+14:00", "outside the years 1 to 9999"),
    ("9999-12-31T23:59-12:00", "outside the years 1 to 9999"),
])
def test_bad_published_values_say_what(value, says):
    w, problem = when.parse(value)
    assert w is None and says in problem


def _article(root, aid, published, outlet="Harbour Times"):
    (root / "articles" / f"{aid}.md").write_text(
        f"---\noutlet: {outlet}\npublished: {published}\n---\nThe council closed the bridge on Monday.\n", encoding="utf-8")


def _story(tmp_path, *articles):
    """A story folder of ``articles``: (id, published, outlet) each."""
    root = tmp_path / "s"
    (root / "articles").mkdir(parents=True)
    (root / "story.yaml").write_text("title: T\nquestion: Q\n", encoding="utf-8")
    for aid, published, outlet in articles:
        _article(root, aid, published, outlet)
    return root


def test_load_story_keeps_time_zone_and_local_day(tmp_path):
    root = _story(tmp_path, ("a", "2023-12-15T23:30:00-05:00", "Harbour Times"),
                  ("b", "'2023-12-16T08:00+08:00'", "Bay Courier"), ("c", "2023-12-16T07:00", "Copy Daily"),
                  ("d", "2023-12-16", "Daily Four"), ("e", "null", "Evening Five"))
    a = load_story(root).articles.set_index("id")
    assert a.loc["a", "published"] == pd.Timestamp("2023-12-15")  # the page's day, not the UTC day (16th)
    assert a.loc["a", "published_utc"] == pd.Timestamp("2023-12-16 04:30", tz="UTC")
    assert (a.loc["b", "published_time"], a.loc["b", "published_offset"]) == ("08:00", "+08:00")
    assert a.loc["c", "published_offset"] is None and pd.isna(a.loc["c", "published_utc"])
    assert list(a["published_precision"]) == ["minute", "minute", "minute", "day", None]
    assert str(a["published_utc"].dtype) .startswith("datetime64") and str(a["published_utc"].dt.tz) == "UTC"
    w = when.of_articles(a.reset_index())
    # a (15th, New York evening) is 3.5 hours after b (16th, 08:00 Beijing): instants decide
    assert when.order(w["a"], w["b"]) == (1, "by time of day")
    assert when.order(w["c"], w["d"])[0] is None  # same day, one without a time
    assert "without its time zone" in when.order(w["c"], w["b"])[1]  # same day: a naive time never orders
    # a is 04:30 UTC on the 16th, d a date alone, the 16th (which, in a zone east of UTC, may begin before
    # 04:30 UTC): the same day, no order invented (round 7, q06); the 15th alone would come first by date
    assert when.order(w["a"], w["d"])[0] is None
    assert when.order(w["e"], w["d"]) == (None, "a date is missing")


def test_bad_published_names_file_field_and_fix(tmp_path):
    root = _story(tmp_path, ("a", "2023-12-15T09:30+15:00", "Harbour Times"))
    with pytest.raises(StoryError) as exc:
        load_story(root)
    text = str(exc.value)
    assert "s/articles/a.md" in text and "published" in text and "impossible time zone offset" in text
    assert "2023-12-15T09:30+08:00" in text  # the fix shows a form that works


def _same_day(tmp_path, pa, pb):
    arts = {"x": {"outlet": "Harbour Times", "text": "\n".join(SOURCE), "published": pa},
            "y": {"outlet": "Copy Daily", "text": "\n".join(SOURCE), "published": pb}}
    return write_story(tmp_path / "s", arts)


def test_same_day_pair_ordered_by_time_of_day(tmp_path):
    st = _same_day(tmp_path, "2024-05-06T14:00+02:00", "2024-05-06T09:15+02:00")
    v = pair(verdicts.verdicts(st), "x", "y")
    assert v["verdict"] == "copied without credit" and v["source"] == "Copy Daily"
    assert v["direction"] == ("a_from_b" if v["article_a"] == "x" else "b_from_a")
    assert "by time of day" in v["candidates"] and "order by time of day" in v["evidence"]
    p = provenance.provenance(st)
    row = p[(p["article"] == "x") & (p["source_article"] == "y")].iloc[0]
    assert row["direction"] == ("source earlier (2024-05-06 09:15 +02:00 before 2024-05-06 14:00 +02:00, "
                                "by time of day)")
    assert p[(p["article"] == "y") & (p["source_article"] == "x")].empty  # the earlier one took nothing


@pytest.mark.parametrize("pa, pb, why", [
    ("2024-05-06", "2024-05-06", "both are dated the same day)"),                       # no times: as before
    ("2024-05-06T14:00+02:00", "2024-05-06", "a time of day is missing"),
    ("2024-05-06T14:00", "2024-05-06T09:15", "without its time zone"),
    ("2024-05-06T14:00+02:00", "2024-05-06T12:00Z", "order unknown"),                  # the same moment
])
def test_same_day_without_two_zoned_times_stays_unknown(tmp_path, pa, pb, why):
    st = _same_day(tmp_path, pa, pb)
    v = pair(verdicts.verdicts(st), "x", "y")
    # two outlets, no credit, no wire, no third text: one copied the other, and no time orders them
    assert v["verdict"].startswith("copied without credit, direction unknown (both are dated the same day")
    assert why in v["verdict"] and v["direction"] == "unknown" and v["accusation"]
    p = provenance.provenance(st)
    assert set(p["article"]) == {"x", "y"} and p["direction"].str.startswith("unknown").all()
    assert set(p["status"]) == {"copied without credit, direction unknown"}


# ----------------------------------------------------------------------------------------------
# the importer writes the page's own date-time


PAGE = """<!doctype html><html lang="en"><head><title>Bridge shut</title>
<meta property="og:site_name" content="Harbour Times">
<link rel="canonical" href="https://harbour.example/news/bridge-shut-to-lorries">
{meta}
<script type="application/ld+json">{{"@type": "NewsArticle", "headline": "Bridge shut",
 "dateModified": "2023-12-16T11:00:00+08:00", "datePublished": "{published}"}}</script>
</head><body><article><h1>Bridge shut</h1>
{body}
</article></body></html>"""


def _import_page(tmp_path, meta="", published="2023-12-15T09:30:00+08:00"):
    story = new_story("bridge", root=tmp_path)
    (story / "articles" / "example.md").unlink()
    body = "".join(f"<p>{s}</p>\n" for s in SOURCE)
    page = tmp_path / "page.html"
    page.write_text(PAGE.format(meta=meta, published=published, body=body), encoding="utf-8")
    results = write.import_pages(story, [str(page)], log=lambda line: None)
    assert results[0].status == "imported", results[0].line
    fm, _ = split_front_matter(results[0].article.read_text(encoding="utf-8"))
    return story, yaml.safe_load(fm)


def test_import_writes_publication_time_in_the_pages_zone(tmp_path):
    story, meta = _import_page(tmp_path)
    assert meta["published"] == "2023-12-15T09:30+08:00"  # publication, not modification; its own zone
    a = load_story(story).articles.iloc[0]
    assert (a["published"], a["published_time"], a["published_offset"]) == (pd.Timestamp("2023-12-15"), "09:30", "+08:00")


def test_import_takes_meta_time_and_keeps_midnight_as_a_day(tmp_path):
    _, meta = _import_page(tmp_path / "one", '<meta property="article:published_time" content="2023-12-15T21:05:00Z">',
                           published="2023-12-15")
    assert meta["published"] == "2023-12-15T21:05+00:00"
    _, meta = _import_page(tmp_path / "two", published="2023-12-15T00:00:00+08:00")
    assert meta["published"] == dt.date(2023, 12, 15)
    assert "00:00 on 2023-12-15 is taken for the day alone" in meta["notes"]
    _, meta = _import_page(tmp_path / "three", published="2023-12-15T09:30:00")
    assert meta["published"] == "2023-12-15T09:30"  # no offset given: none written (zone unknown)


def test_reworded_sentences_read_from_the_earlier_by_time_of_day(tmp_path):
    arts = {"a": {"outlet": "Harbour Times", "text": "\n".join(SOURCE), "published": "2024-05-06T18:00+02:00"},
            "b": {"outlet": "Zeta Post", "text": "\n".join(REWORDED), "published": "2024-05-06T08:00+02:00"}}
    r = reuse.analyse(write_story(tmp_path / "s", arts))
    assert len(r.reworded) and set(r.reworded["article_a"]) == {"b"}  # the source (earlier by time of day) reads first


def test_check_warns_of_times_without_a_zone(tmp_path):
    from presslens.engine import sanity
    root = _story(tmp_path, ("a", "2023-12-15T09:30", "Harbour Times"), ("b", "2023-12-15T10:00+08:00", "Bay Courier"))
    got = [p for p in sanity.warnings(load_story(root)) if p.field == "published"]
    assert len(got) == 1 and "1 article(s) give a time of day without its time zone (articles/a.md)" in got[0].message
    assert "+08:00" in got[0].fix
