"""Boundary tests for the importer's date and page readers (presslens.story.importer: dates, page): offsets
of zero and below, a revision stamp passed over, midnight, a time on another day, declarations that
disagree, the 40-character line of a prose node. Crafted Harbour pages; expected values by hand."""
from __future__ import annotations

import datetime as dt

from lxml import html as lxml_html

from presslens.story.importer import dates, page


def test_parse_when_offsets_and_shapes():
    w = dates.parse_when("2024-05-03T22:31-06:00")
    assert (w.day, w.instant.utcoffset(), w.utc) == (dt.date(2024, 5, 3), dt.timedelta(hours=-6), False)
    w = dates.parse_when("2024-05-03T09:30+0100")
    assert w.instant.utcoffset() == dt.timedelta(hours=1)
    w = dates.parse_when("2024-05-03T09:30-00:30")                  # a negative offset under an hour
    assert (w.instant.utcoffset(), w.utc) == (dt.timedelta(minutes=-30), False)
    assert dates.parse_when("2024-05-03T09:30+00:00").utc is True
    w = dates.parse_when("2024-05-03T09:30:15Z")
    assert (w.instant.second, w.utc) == (15, True)
    assert dates.parse_when("2024-05-03T09:30") == dates.When(dt.date(2024, 5, 3))   # no zone: the day alone
    assert dates.parse_when("2024-02-30") is None
    assert dates.parse_when("") is None and dates.parse_when("May 3") is None


def test_page_zone_declared_else_the_commonest_offset():
    z, how = dates.page_zone('{"timezone": "America/Chicago"}', [])
    assert str(z) == "America/Chicago" and how == "the page declares the time zone America/Chicago"
    others = [dates.parse_when(v) for v in ("2024-05-03T09:30-04:00", "2024-05-03T10:30-04:00",
                                            "2024-05-03T09:30+02:00", "2024-05-03T09:30Z", "2024-05-03T09:30Z")]
    z, how = dates.page_zone("", others)                            # UTC times are not the page's zone
    assert z.utcoffset(None) == dt.timedelta(hours=-4) and how == "the page's other times carry UTC-4"
    assert dates.page_zone("", []) == (None, None)


def test_source_labels():
    assert dates.source_label("datepublished") == "datePublished (a publication time)"
    assert dates.source_label("datecreated") == "dateCreated (a creation time)"
    assert dates.source_label("article:modified_time") == "article:modified_time (a modification time)"
    assert dates.source_label("date").startswith("date (a generic date")
    assert dates.source_label("harbour:thing") == "harbour:thing"


def test_publication_passes_over_a_revision_stamp_for_a_specific_declaration():
    when, day, note = dates.publication([("datepublished", "2024-05-04T10:00+02:00"),
                                         ("article:published_time", "2024-05-03T09:00+02:00")],
                                        [("article:modified_time", "2024-05-04T10:00+02:00")], "")
    assert day == dt.date(2024, 5, 3)
    assert note.startswith("published: 2024-05-04 in datePublished (a publication time) equals the page's "
                           "modification time declared in article:modified_time")
    # a generic "date" never wins so: the revision stamp stays, with no note
    when, day, note = dates.publication([("datepublished", "2024-05-04T10:00+02:00"), ("date", "2024-05-03T09:00+02:00")],
                                        [("article:modified_time", "2024-05-04T10:00+02:00")], "")
    assert (day, note) == (dt.date(2024, 5, 4), None)
    assert dates.publication([], [], "") == (None, None, None)
    assert dates.publication([("date", "soon")], [], "") == (None, None, None)


def test_publication_moves_a_utc_instant_to_the_page_zone():
    when, day, note = dates.publication([("article:published_time", "2024-05-04T03:00Z")], [],
                                        '"timezone": "America/Chicago"')
    assert day == dt.date(2024, 5, 3) and when.instant.hour == 22
    assert "2024-05-04 03:00 UTC is 2024-05-03 in the page's own time zone" in note
    when, day, note = dates.publication([("article:published_time", "2024-05-04T03:00Z")], [], "")
    assert day == dt.date(2024, 5, 4) and note.endswith("the UTC day is kept (the local day may differ)")


def test_naive_time_on_the_day_only():
    declared = [("date", "2024-05-03T09:30"), ("pubdate", "2024-05-04T11:15")]
    assert dates._naive_time(declared, dt.date(2024, 5, 4)) == dt.datetime(2024, 5, 4, 11, 15)
    assert dates._naive_time(declared, dt.date(2024, 5, 3)) == dt.datetime(2024, 5, 3, 9, 30)
    assert dates._naive_time([("date", "2024-05-03T09:30Z")], dt.date(2024, 5, 3)) is None   # zoned: not naive
    assert dates._naive_time([], dt.date(2024, 5, 3)) is None


def test_front_matter_midnight_and_other_days():
    day = dt.date(2024, 5, 3)
    assert dates.front_matter(day, dt.datetime(2024, 5, 3, 0, 0)) == (
        day, "published: the page's time 00:00 on 2024-05-03 is taken for the day alone")
    assert dates.front_matter(day, dt.datetime(2024, 5, 3, 9, 30)) == ("2024-05-03T09:30", None)
    assert dates.front_matter(day, dt.datetime(2024, 5, 3, 9, 30, 15)) == ("2024-05-03T09:30:15", None)
    assert dates.front_matter(day, dt.datetime(2024, 5, 4, 9, 30)) == (day, None)      # a time on another day
    assert dates.front_matter(day, None) == (day, None)
    assert dates.front_matter(None, None) == (None, None)


def test_date_of_iso_and_written_dates():
    assert dates.date_of("2024-05-03") == dt.date(2024, 5, 3)
    assert dates.date_of("2024-02-30") is None                     # ISO-shaped, no such day
    assert dates.date_of("3 May 2024") == dt.date(2024, 5, 3)


PAGE = ('<html lang="en-GB"><head><meta http-equiv="Content-Language" content="fr">'
        '<meta property="og:locale" content="en_US"><meta name="author" content=" Lina Okafor ">'
        '<meta name="Author" content=""><meta property="og:url" content="https://harbour.example/news/pier">'
        '</head><body><p>x</p></body></html>')


def test_language_declarations_disagreeing_and_several():
    lang, note = page._language(lxml_html.fromstring(PAGE))
    assert lang == "en"
    assert note == ("language: the page declares several (en in html lang, fr in content-language, en in og:locale); "
                    "en kept")
    # two declarations of one language: no note
    assert page._language(lxml_html.fromstring('<html lang="en"><head><meta property="og:locale" content="en_GB">'
                                               '</head><body></body></html>')) == ("en", None)
    assert page._language(lxml_html.fromstring('<html lang="en, fr"><head></head><body></body></html>')) == (None, None)


def test_meta_and_json_ld():
    tree = lxml_html.fromstring(PAGE)
    assert page._meta(tree, name=["author"]) == ["Lina Okafor"]        # case of the name ignored, empty left out
    ld = lxml_html.fromstring('<html><head><script type="Application/LD+JSON ">{"@type":"NewsArticle","headline":'
                              '"Pier"}</script></head><body></body></html>')
    assert page._json_ld(ld) == {"@type": "NewsArticle", "headline": "Pier"}
    js = lxml_html.fromstring('<html><head><script type="text/javascript">{"@type":"NewsArticle"}</script></head>'
                              '<body></body></html>')
    assert page._json_ld(js) == {}


def test_url_prefers_a_canonical_link_resolved_against_og_url():
    assert page._url(lxml_html.fromstring(PAGE), "") == ("https://harbour.example/news/pier", "og:url")
    tree = lxml_html.fromstring('<html><head><link rel="canonical" href="/news/pier">'
                                '<meta property="og:url" content="https://harbour.example/"></head><body></body></html>')
    assert page._url(tree, "") == ("https://harbour.example/news/pier", "canonical link")


def test_prose_nodes_need_lines_of_forty_characters():
    line = "The harbour board shut the old pier toda"          # exactly 40 characters
    assert len(line) == 40
    tree = lxml_html.fromstring(f"<html><body><div><p>{line}</p><p>{line[:39]}</p></div></body></html>")
    assert [el.text for el in page._prose_nodes(tree, [line, line[:39]])] == [line]


def test_import_result_lines():
    from pathlib import Path
    ok = page.ImportResult(Path("pier.html"), "imported", article=Path("s/articles/tide-pier.md"), words=412,
                           found=("title", "outlet"), missing=())
    assert ok.line == "imported pier.html -> articles/tide-pier.md (412 words): title, outlet; not revealed: none"
    again = page.ImportResult(Path("pier.html"), "imported", article=Path("s/articles/tide-pier.md"), words=3,
                              found=("title",), missing=("published",), replaced=True, cjk=True, warnings=("w1",))
    assert again.line == ("replaced pier.html -> articles/tide-pier.md (3 words (Chinese/Japanese: each character "
                          "counted as a word)): title; not revealed: published\n  warning: w1")
    skipped = page.ImportResult(Path("pier.html"), "skipped", article=Path("s/articles/tide-pier.md"),
                                reason="already imported", fix="use --force")
    assert skipped.line == "skipped pier.html (articles/tide-pier.md): already imported. Fix: use --force"
    failed = page.ImportResult(Path("pier.html"), "failed", reason="no text", fix="save the full page")
    assert failed.line == "failed pier.html: no text; nothing written. Fix: save the full page"
