"""presslens import, one failure class per test, each seen on real saved news pages (trafilatura's test
pages): a section or tagline taken for the outlet, the social headline over the page's own, link text
and drop caps lost, a revision date or the UTC day taken for the publication day, bylines that are not
bylines, a caption imported as the article. The pages here are small synthetic ones that reproduce
each class (the real pages are the publishers' copyright); names and hosts are invented."""
import datetime as dt
import json
from pathlib import Path

import pytest

from presslens.story.importer import body, dates, fields
from presslens.story.importer.page import read_page

PROSE = [
    "The harbour board voted on Tuesday to close the old ferry terminal for repairs that engineers say "
    "will take most of the coming winter, forcing commuters onto a longer route around the bay.",
    "Board members said the pier had been inspected twice this year and that divers found corrosion on "
    "several of the steel piles that carry the weight of the waiting hall.",
    "A temporary landing stage will be built beside the fish market, and the first boats are expected "
    "to use it within three weeks if the weather holds and the contractor keeps to its schedule.",
    "Passengers who hold season tickets will be offered a refund for the days the service does not run, "
    "a spokeswoman for the operator said in a statement issued after the meeting.",
]


def page(tmp_path: Path, *, head: str = "", before: str = "", paragraphs: list[str] | None = None,
         after: str = "", name: str = "page.html", url: str = "https://www.harbourpost.example/news/ferry-terminal-closes"
         ) -> Path:
    paras = "".join(f"<p>{p}</p>" for p in (PROSE if paragraphs is None else paragraphs))
    html = (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><link rel="canonical" href="{url}">'
            f"{head}</head><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
            f"<article>{before}<div class='story-body'>{paras}</div>{after}</article>"
            "<footer><p>Contact us</p></footer></body></html>")
    out = tmp_path / name
    out.write_text(html, encoding="utf-8")
    return out


def ld(obj) -> str:
    return f'<script type="application/ld+json">{json.dumps(obj)}</script>'


# ---------------------------------------------------------------------------------------------- outlet

def test_section_as_outlet_passed_over_for_the_title_suffix(tmp_path):
    got = read_page(page(tmp_path, head='<meta property="og:site_name" content="World"><title>Ferry terminal '
                                        'closes for repairs | Harbour Post</title>'))
    assert got["fields"]["outlet"] == "Harbour Post"


def test_tagline_as_outlet_passed_over_and_a_name_with_a_tagline_cut(tmp_path):
    tagline = read_page(page(tmp_path, head='<meta property="og:site_name" content="Your Local News Leader">',
                             url="https://www.khpt.example/news/ferry"))
    assert tagline["fields"]["outlet"] == "khpt.example"
    assert "'Your Local News Leader' does not name khpt.example" in tagline["notes"][0]
    glued = read_page(page(tmp_path, head='<meta property="og:site_name" content="KHPT 4 | Coast News, Weather, '
                                          'Sports">', url="https://www.khpt.example/news/ferry", name="b.html"))
    assert glued["fields"]["outlet"] == "KHPT 4"


def test_publisher_by_reference_and_a_syndicated_canonical(tmp_path):
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "NewsArticle", "headline": "Ferry terminal closes", "publisher": {"@id": "https://harbourpost.example/#org"}},
        {"@type": "NewsMediaOrganization", "@id": "https://harbourpost.example/#org", "name": "The Harbour Post"}]}
    assert read_page(page(tmp_path, head=ld(graph)))["fields"]["outlet"] == "The Harbour Post"
    # the page's own og:url names its site; its canonical link points to the partner that first ran it
    synd = read_page(page(tmp_path, head='<meta property="og:site_name" content="Harbour Post">'
                                         '<meta property="og:url" content="https://harbourpost.example/news/ferry">',
                          url="https://business.partnerpaper.example/news/ferry", name="s.html"))
    assert synd["fields"]["outlet"] == "Harbour Post"


# ---------------------------------------------------------------------------------------------- title

def test_h1_over_the_social_title_and_site_suffix_cut(tmp_path):
    head = ('<meta property="og:title" content="Ferry terminal to shut"><title>Ferry terminal closes for '
            'winter repairs | Local | Harbour Post</title>')
    got = read_page(page(tmp_path, head=head, before="<h1>Ferry terminal closes for winter repairs, commuters "
                                                      "face longer route</h1>"))
    assert got["fields"]["title"] == "Ferry terminal closes for winter repairs, commuters face longer route"
    # an <h1> that is the site's name or a menu is not the headline: the title, its suffix cut
    menu = read_page(page(tmp_path, head=head.replace("og:title", "og:x"), before="<h1>Harbour Post</h1>",
                          name="m.html"))
    assert menu["fields"]["title"] == "Ferry terminal closes for winter repairs"
    assert fields.cut_site_suffix("Ferry closes - Boats - Harbour Post", "Harbour Post", None) == "Ferry closes"
    assert fields.cut_site_suffix("Ferry closes - the long way round", "Harbour Post", "harbourpost.example") == \
        "Ferry closes - the long way round"


# ---------------------------------------------------------------------------------------------- text

def test_inline_link_text_is_kept(tmp_path):
    linked = [PROSE[0], 'The closure was first proposed by <span class="link"><a href="/people/ines-varga">Ines '
              'Varga</a></span>, the board\'s chief engineer, after a survey of the pier last spring.', *PROSE[1:]]
    text = read_page(page(tmp_path, paragraphs=linked))["text"]
    assert "first proposed by Ines Varga, the board's chief engineer" in text


def test_drop_cap_rejoined(tmp_path):
    before_p = ['<span class="dropcap">T</span><p>' + PROSE[0][1:], *PROSE[1:]]
    html = page(tmp_path, paragraphs=[])
    html.write_text(html.read_text().replace("<div class='story-body'></div>",
                                             "<div class='story-body'>" + before_p[0] + "</p>" +
                                             "".join(f"<p>{p}</p>" for p in PROSE[1:]) + "</div>"))
    assert read_page(html)["text"].split("\n")[0] == PROSE[0]
    inside = page(tmp_path, paragraphs=['<span class="dropcap">T</span>' + PROSE[0][1:], *PROSE[1:]], name="i.html")
    assert read_page(inside)["text"].split("\n")[0] == PROSE[0]
    assert body.rejoin_split_letter("T he board voted.\nA new pier.\nI think so.") == "The board voted.\nA new pier.\nI think so."


def test_caption_instead_of_article_is_replaced_by_articlebody_with_a_warning(tmp_path):
    caption = ["The old ferry terminal seen from the harbour wall on a grey morning last week. Photo: Harbour Post"]
    art = {"@context": "https://schema.org", "@type": "NewsArticle", "articleBody": " ".join(PROSE)}
    got = read_page(page(tmp_path, paragraphs=caption, head=ld(art)))
    assert got["text"] == " ".join(PROSE)
    assert got["warnings"] and "articleBody" in got["warnings"][0] and "under half the 128 words" in got["warnings"][0]
    alone = read_page(page(tmp_path, paragraphs=caption, name="c.html"))
    assert alone["text"].endswith(caption[0]) and "looks like a photo caption" in alone["warnings"][0]
    assert read_page(page(tmp_path, name="ok.html"))["warnings"] == ()


# ---------------------------------------------------------------------------------------------- dates

def test_publication_over_revision(tmp_path):
    head = ('<meta name="date" content="2024-03-06T09:00:00Z">'                     # generic: the revision
            '<meta property="article:published_time" content="2024-03-03T09:00:00Z">'
            '<meta property="article:modified_time" content="2024-03-06T09:00:00Z">')
    assert read_page(page(tmp_path, head=head))["fields"]["published"] == "2024-03-03T09:00+00:00"
    # a generic "date" before a specific declaration, nothing said about revisions: the specific one
    generic = ('<meta name="date" content="2024-03-05"><meta property="article:published_time" '
               'content="2024-03-03T09:00:00+01:00">')
    assert read_page(page(tmp_path, head=generic, name="g.html"))["fields"]["published"] == "2024-03-03T09:00+01:00"
    # a specific declaration equal to the revision, another specific one earlier: the earlier one
    when, day, note = dates.publication([("datepublished", "2024-03-06T09:00:00Z"),
                                         ("article:published_time", "2024-03-03T08:00:00Z")],
                                        ["2024-03-06T09:00:00Z"], "")
    assert day == dt.date(2024, 3, 3) and "modification time" in note
    # two declarations: the more trusted one, wherever it stands in the page
    assert dates.publication([("og:pubdate", "2024-03-05"), ("datepublished", "2024-03-03")], [], "")[1] == \
        dt.date(2024, 3, 3)
    # never revised (published == modified): kept
    assert dates.publication([("datepublished", "2024-03-06T09:00:00Z")], ["2024-03-06T09:00:00Z"], "")[1] == \
        dt.date(2024, 3, 6)


def test_utc_day_moved_to_the_pages_own_day(tmp_path):
    late = '<meta property="article:published_time" content="2023-11-09T04:31:00Z">'
    zone = '<script>var config = {"site": "x", "timezone": "America/Chicago"};</script>'
    got = read_page(page(tmp_path, head=late + zone))
    assert got["fields"]["published"] == "2023-11-08T22:31-06:00"  # the page's own day and clock
    assert got["published_at"] == dt.datetime(2023, 11, 9, 4, 31, tzinfo=dt.timezone.utc)     # the same instant,
    assert got["published_at"].isoformat(timespec="minutes") == "2023-11-08T22:31-06:00"     # on the page's clock
    assert any("is 2023-11-08 in the page's own time zone" in n for n in got["notes"])
    # the zone from the offsets of the page's other times
    times = page(tmp_path, head=late, after='<time datetime="2023-11-08T20:00:00-05:00">8 Nov</time>', name="t.html")
    assert read_page(times)["fields"]["published"] == "2023-11-08T23:31-05:00"
    # no zone anywhere: the UTC day, said
    bare = read_page(page(tmp_path, head=late, name="u.html"))
    assert bare["fields"]["published"] == "2023-11-09T04:31+00:00"
    assert any("the UTC day is kept" in n for n in bare["notes"])
    # written with its own offset: the day as written
    own = '<meta property="article:published_time" content="2023-11-08T22:31:00-06:00">'
    assert read_page(page(tmp_path, head=own + zone, name="o.html"))["fields"]["published"] == "2023-11-08T22:31-06:00"


# ---------------------------------------------------------------------------------------------- bylines

@pytest.mark.parametrize("raw, outlet, host, want", [
    ("No Author", "Harbour Post", "harbourpost.example", None),
    ("admin", "Harbour Post", "harbourpost.example", None),
    ("Harbour Post February", "Harbour Post", "harbourpost.example", None),   # source line + dateline
    ("HPT News", "HPT News", "hptnews.example", None),
    ("By Ines Varga February 24, 2020, 7:57 AM", "Harbour Post", "harbourpost.example", "Ines Varga"),
    ("Ines Varga | Updated 3 hours ago", "Harbour Post", "harbourpost.example", "Ines Varga"),
    ("Ines Varga, Harbour Post", "Harbour Post", "harbourpost.example", "Ines Varga"),
    ("Ines Varga and Tom Reyes", "Harbour Post", "harbourpost.example", "Ines Varga and Tom Reyes"),
    ("Desk 42", "Harbour Post", "harbourpost.example", None),
    ("Theresa May", "Harbour Post", "harbourpost.example", "Theresa May"),    # a name, not a month
    ("Lee Jun", "Harbour Post", "harbourpost.example", "Lee Jun"),
    ("Wire Agency", "Harbour Post", "harbourpost.example", "Wire Agency"),   # an agency byline is a byline
])
def test_bylines_only_from_byline_evidence(raw, outlet, host, want):
    assert fields.clean_byline(raw, outlet, host) == want


def test_byline_source_line_of_the_site_is_not_a_byline(tmp_path):
    head = ('<meta name="author" content="No Author"><meta property="og:site_name" content="Harbour Post">')
    before = '<div class="byline"><span class="source">Harbour Post</span> <span class="time">February 24, 2020</span></div>'
    got = read_page(page(tmp_path, head=head, before=before))
    assert got["fields"]["byline"] is None and got["fields"]["outlet"] == "Harbour Post"


def test_the_import_says_when_it_took_the_articlebody(tmp_path):
    from presslens.story.importer import write
    from presslens.story.scaffold import new_story
    story = new_story("ferry", root=tmp_path / "stories")
    (story / "articles" / "example.md").unlink()
    caption = ["The old ferry terminal seen from the harbour wall on a grey morning last week. Photo: Harbour Post"]
    art = {"@context": "https://schema.org", "@type": "NewsArticle", "articleBody": " ".join(PROSE)}
    src = page(tmp_path, paragraphs=caption, head=ld(art), name="ferry.html")
    lines = []
    results = write.import_pages(story, [src], log=lines.append)
    assert results[0].status == "imported"
    assert "warning: the visible text extracted was" in lines[0] and "articleBody" in lines[0]
    assert (story / "articles" / "ferry.md").read_text(encoding="utf-8").rstrip().endswith(PROSE[-1])


def test_a_wire_credit_on_the_page_is_derived_from(tmp_path):
    """Hostile round 10, case 336: a page with an '(AP) —' dateline and an agency byline is wire copy that
    credits its agency: derived_from names it (and notes say where it was read), never a definite []."""
    from presslens.story.importer.fields import wire_credit

    assert wire_credit("SAN FRANCISCO (AP) — OpenAI suspended the account.", None)[0] == "Associated Press"
    assert wire_credit("Text.", "By The Associated Press")[0] == "Associated Press"
    assert wire_credit("The body.\nCopyright 2024 Reuters. All rights reserved.", None)[0] == "Reuters"
    assert wire_credit("LONDON (Reuters) - The council voted.", "Jane Doe")[0] == "Reuters"
    assert wire_credit("The AP course at the school was cancelled (AP) today.", None) is None  # not a dateline
    assert wire_credit("Our reporter writes from Paris.", "Jane Doe") is None


def test_import_writes_the_wire_credit_into_derived_from(tmp_path):
    import shutil

    from presslens.cli.main import main as cli_main

    story = tmp_path / "s"
    shutil.copytree(Path(__file__).parent / "fixtures" / "mini-story", story)
    pages = tmp_path / "p"
    pages.mkdir()
    (pages / "a.html").write_text(
        '<html><head><meta property="og:site_name" content="Local Gazette"><meta name="author" content="By The '
        'Associated Press"></head><body><article><p>SAN FRANCISCO (AP) — OpenAI suspended the account on Friday, the '
        'company said. It said it would review the matter carefully and report back to its users soon.</p><p>The '
        'company said it used the service for testing only.</p><p>Copyright 2023 The Associated Press. All rights '
        'reserved.</p></article></body></html>', encoding="utf-8")
    assert cli_main(["import", str(story), str(pages)]) == 0
    text = (story / "articles" / "a.md").read_text(encoding="utf-8")
    assert "derived_from:\n- Associated Press\n" in text and "from the page''s wire credit (byline" in text
