"""presslens import: saved web pages -> articles, fields only from what the page declares."""
import datetime as dt
import shutil
from pathlib import Path

import pytest
import yaml

import presslens
from presslens.cli.main import main as cli_main
from presslens.story.importer import write
from presslens.story.model import StoryError
from presslens.story.scaffold import new_story
from presslens.story.yamlio import split_front_matter

PAGES = Path(__file__).parent / "fixtures" / "pages"
HERALD, COURRIER, CAPTURE = "harbour-herald-vexa-fine", "courrier-amende-vexa", "vexa-appeal-capture"


@pytest.fixture
def story(tmp_path) -> Path:
    d = new_story("vexa-fine", root=tmp_path)
    (d / "articles" / "example.md").unlink()
    return d


def _read(path: Path) -> tuple[dict, str]:
    fm, body = split_front_matter(path.read_text(encoding="utf-8"))
    return yaml.safe_load(fm), body


def _import(story, *sources, **kw):
    lines = []
    results = write.import_pages(story, [str(s) for s in sources], log=lines.append, **kw)
    return results, lines


def test_three_pages_fields_exactly(story):
    results, lines = _import(story, PAGES)
    assert [r.status for r in results] == ["imported"] * 3
    assert [r.id for r in results] == [COURRIER, HERALD, CAPTURE]          # folder: sorted by file name
    meta = {p.stem: _read(p)[0] for p in (story / "articles").glob("*.md")}
    assert list(meta[HERALD]) == ["outlet", "title", "url", "published", "language", "translated_from",
                                  "derived_from", "byline", "notes"]
    expected = {
        HERALD: {"outlet": "The Harbour Herald",
                 "title": "Regulator fines Vexa Mobility £12m over rider location data",
                 "url": "https://www.harbourherald.co.uk/business/vexa-mobility-fined-location-data",
                 # the metadata's date-time, in the page's own zone (+00:00 as the page writes it)
                 "published": "2024-03-12T09:30+00:00", "language": "en", "byline": "Maria Lindqvist"},
        # date only in the visible <time> of the dateline: the publication, not the update (14 March)
        COURRIER: {"outlet": "Le Courrier du Littoral",
                   "title": "Données de localisation : Vexa Mobility condamnée à une amende de 14 millions d’euros",
                   "url": "https://www.courrierdulittoral.fr/economie/vexa-mobility-amende-donnees-localisation",
                   "published": dt.date(2024, 3, 13), "language": "fr", "byline": "Camille Rousseau"},
        # no date, no author, no site name, no language: null, outlet from the canonical URL's host
        CAPTURE: {"outlet": "northernledger.com", "title": "Vexa Mobility says it will fight record data fine",
                  "url": "https://www.northernledger.com/business/vexa-mobility-to-fight-data-fine",
                  "published": None, "language": None, "byline": None},
    }
    for aid, want in expected.items():
        got = meta[aid]
        assert {k: got[k] for k in want} == want, aid
        assert got["translated_from"] is None and got["derived_from"] == []
        assert got["notes"].startswith(f"imported from {aid}.html by presslens import; fields not revealed by the page: ")
    assert "fields not revealed by the page: none." in meta[HERALD]["notes"]
    assert "fields not revealed by the page: published, language, byline." in meta[CAPTURE]["notes"]
    assert "outlet: the URL's host" in meta[CAPTURE]["notes"]
    assert lines[2] == (f"imported {CAPTURE}.html -> articles/{CAPTURE}.md (222 words): outlet (URL host), title, url; "
                        "not revealed: published, language, byline")


def test_body_is_the_article_without_furniture(story):
    _import(story, PAGES)
    bodies = {p.stem: _read(p)[1] for p in (story / "articles").glob("*.md")}
    first_last = {
        HERALD: ("The Data Standards Office has fined Vexa Mobility £12m for keeping the precise location histories "
                 "of more than two million scooter riders long after their journeys had ended.",
                 "Vexa has 28 days to lodge its appeal with the information tribunal."),
        COURRIER: ("L’Office des normes de données a infligé mardi une amende de 14 millions d’euros à Vexa Mobility, "
                   "l’opérateur de trottinettes en libre-service, pour avoir conservé l’historique précis des trajets "
                   "de plus de deux millions d’usagers.",
                   "L’entreprise dispose de vingt-huit jours pour saisir le tribunal compétent."),
        CAPTURE: ("Scooter operator Vexa Mobility will challenge the record fine imposed on it by the Data Standards "
                  "Office, its chief executive said on Thursday, calling the penalty \"out of all proportion\" to any "
                  "harm riders suffered.",
                  "\"It needs to earn that trust back before it asks us for anything.\""),
    }
    furniture = ["Skip to main content", "Aller au contenu", "ADVERTISEMENT", "PUBLICITÉ", "cookie", "Cookie",
                 "gtag", "dataLayer", "cdl_user", "nlAds", "analytics.js", "Share on", "Partager", "WhatsApp",
                 "More on this story", "Vexa scooters arrive", "À lire aussi", "Most read", "Bridge closure",
                 "Sign up", "All rights reserved", "Mentions légales", "Subscribe", "Log in", "{", "<"]
    for aid, (first, last) in first_last.items():
        body = bodies[aid]
        lines = body.strip("\n").split("\n")
        assert first in lines, aid                                   # one paragraph per line
        assert lines[-1].endswith(last), aid
        for junk in furniture:
            assert junk not in body, (aid, junk)
    # quotes survive, and a <time> inside the text keeps its words (trafilatura alone deletes them)
    assert "« La loi impose d’effacer ces données dès qu’elles ne sont plus nécessaires. »" in bodies[COURRIER]
    assert "Publié le 13 mars 2024 à 08h15, mis à jour le 14 mars 2024 à 10h02" in bodies[COURRIER]


def test_load_story_accepts_the_result(story):
    _import(story, PAGES)
    st = presslens.load_story(story)
    assert sorted(st.articles["id"]) == sorted([HERALD, COURRIER, CAPTURE])
    assert set(st.outlets) == {"The Harbour Herald", "Le Courrier du Littoral", "northernledger.com"}


def test_reimport_skips_and_force_replaces(story):
    _import(story, PAGES)
    art = story / "articles" / f"{HERALD}.md"
    before = art.read_bytes()
    results, lines = _import(story, PAGES / f"{HERALD}.html")
    assert [r.status for r in results] == ["skipped"]
    assert "--force to replace" in lines[0]
    assert art.read_bytes() == before
    art.write_text(before.decode().replace("Maria Lindqvist", "Someone Else"), encoding="utf-8")
    results, lines = _import(story, PAGES / f"{HERALD}.html", force=True)
    assert [(r.status, r.replaced) for r in results] == [("imported", True)]
    assert lines[0].startswith(f"replaced {HERALD}.html -> articles/{HERALD}.md")
    assert art.read_bytes() == before
    edited = story / "articles" / f".{HERALD}.md.before-import"  # the edited version is never lost
    assert "Someone Else" in edited.read_text() and f"kept as articles/{edited.name}" in lines[0]
    assert sorted(p.name for p in (story / "articles").iterdir()) == sorted(
        [f"{a}.md" for a in (HERALD, COURRIER, CAPTURE)] + [edited.name])    # no temporary file left


def test_bad_files_fail_alone_and_write_nothing(story, tmp_path):
    garbage = tmp_path / "garbage.html"
    garbage.write_bytes(bytes(range(256)) * 20)
    empty = tmp_path / "empty.html"
    empty.write_text("<!DOCTYPE html><html><head><title>Vexa</title></head><body><nav><a href='/'>Home</a></nav>"
                     "</body></html>", encoding="utf-8")
    nothing = tmp_path / "nothing.html"
    nothing.write_bytes(b"")
    latin = tmp_path / "latin.html"
    latin.write_bytes("<html><body><p>Amende très lourde pour l’opérateur.</p></body></html>".encode("cp1252"))
    text = tmp_path / "notes.txt"
    text.write_text("just some notes, no markup", encoding="utf-8")
    results, lines = _import(story, garbage, empty, PAGES / f"{HERALD}.html", nothing, latin, text,
                             tmp_path / "missing.html")
    status = {r.source.name: r.status for r in results}
    assert status == {"garbage.html": "failed", "empty.html": "failed", f"{HERALD}.html": "imported",
                      "nothing.html": "failed", "latin.html": "failed", "notes.txt": "failed",
                      "missing.html": "failed"}
    by_name = {r.source.name: r for r in results}
    assert "binary" in by_name["garbage.html"].reason
    assert "no extractable article text" in by_name["empty.html"].reason
    assert "not UTF-8" in by_name["latin.html"].reason and "charset" in by_name["latin.html"].fix
    assert "does not look like HTML" in by_name["notes.txt"].reason
    assert all("nothing written" in l for l in lines if l.startswith("failed"))
    assert [p.name for p in (story / "articles").iterdir()] == [f"{HERALD}.md"]


def test_declared_charset_is_used(story, tmp_path):
    page = tmp_path / "cp1252-page.html"
    src = (PAGES / f"{CAPTURE}.html").read_text(encoding="utf-8").replace('<meta charset="utf-8">',
                                                                           '<meta charset="windows-1252">')
    page.write_bytes(src.replace("company's depot", "company’s depot").encode("cp1252"))
    results, _ = _import(story, page)
    assert results[0].status == "imported"
    assert "Speaking at the company’s depot on Quay Street" in _read(story / "articles" / "cp1252-page.md")[1]


def test_outlet_missing_fails_unless_given(story, tmp_path):
    page = tmp_path / "No Outlet (copy).HTML"
    src = (PAGES / f"{CAPTURE}.html").read_text(encoding="utf-8")
    page.write_text(src.replace('<link rel="canonical" href="https://www.northernledger.com/business/'
                                'vexa-mobility-to-fight-data-fine">', ""), encoding="utf-8")
    results, lines = _import(story, page)
    assert results[0].status == "failed" and "--outlet NAME" in results[0].fix
    assert not list((story / "articles").iterdir())
    results, lines = _import(story, page, outlet="Northern Ledger")
    assert results[0].status == "imported" and results[0].id == "no-outlet-copy"
    meta = _read(story / "articles" / "no-outlet-copy.md")[0]
    assert meta["outlet"] == "Northern Ledger" and meta["url"] is None
    assert "outlet: given with --outlet" in meta["notes"]


def test_dates_not_declared_as_publication_stay_null(story, tmp_path):
    src = (PAGES / f"{CAPTURE}.html").read_text(encoding="utf-8")
    variants = {
        "related": src.replace("another month</a>", 'another month</a> <span class="date">2023-09-04</span>'),
        "in-text": src.replace("in the autumn.", 'in <time datetime="2024-10-01">October</time>.'),
        "footer": src.replace("Contact us</a></p>", "Contact us</a> Page generated 2024-05-02 10:11</p>"),
        "copyright": src.replace('<meta charset="utf-8">', '<meta charset="utf-8"><meta itemprop="copyrightYear" content="2024">'),
        "modified": src.replace('<meta charset="utf-8">', '<meta charset="utf-8"><meta property="article:modified_time" '
                                                           'content="2024-03-22T10:00:00Z">'),
    }
    for name, html in variants.items():
        (tmp_path / f"{name}.html").write_text(html.replace("Riders trusted", f"Riders ({name}) trusted"), encoding="utf-8")
    results, _ = _import(story, *(tmp_path / f"{n}.html" for n in variants))
    assert [r.status for r in results] == ["imported"] * len(variants)
    for name in variants:
        meta, body = _read(story / "articles" / f"{name}.md")
        assert meta["published"] is None, name
        assert "elsewhere in the page" in meta["notes"], name
    assert "comes up for renewal in October." in _read(story / "articles" / "in-text.md")[1]


def test_same_file_name_different_article_gets_its_own_id(story, tmp_path):
    _import(story, PAGES / f"{CAPTURE}.html")
    other = tmp_path / "elsewhere" / f"{CAPTURE}.html"
    other.parent.mkdir()
    src = (PAGES / f"{CAPTURE}.html").read_text(encoding="utf-8")
    other.write_text(src.replace("vexa-mobility-to-fight-data-fine", "vexa-second-story")
                        .replace("Riders trusted", "Passengers trusted"), encoding="utf-8")
    results, _ = _import(story, other)
    assert results[0].status == "imported" and results[0].id == f"{CAPTURE}-2"
    same_text = tmp_path / "copy-of-capture.html"
    shutil.copy(PAGES / f"{CAPTURE}.html", same_text)
    results, _ = _import(story, same_text)
    assert results[0].status == "skipped" and "same page as" in results[0].reason


def test_story_must_exist(tmp_path):
    with pytest.raises(StoryError, match="presslens new nope"):
        write.import_pages(tmp_path / "nope", [PAGES])
    assert not (tmp_path / "nope").exists()


def test_cli_exit_status(story, tmp_path, capsys):
    assert cli_main(["import", str(story), str(PAGES)]) == 0
    assert cli_main(["import", str(story), str(PAGES)]) == 0        # all skipped: nothing went wrong
    bad = tmp_path / "bad.html"
    bad.write_bytes(b"\x00\x01\x02" * 100)
    assert cli_main(["import", str(story), str(bad)]) == 1
    assert cli_main(["import", str(tmp_path / "no-story"), str(PAGES)]) == 2
    out = capsys.readouterr()
    assert "3 imported, 0 skipped, 0 failed" in out.out
    assert "presslens new no-story" in out.err


def test_slugify():
    assert write.slugify("Mon Article (1)") == "mon-article-1"
    assert write.slugify("Élysée_2024 — copie") == "elysee_2024-copie"
    assert write.slugify("字节跳动") == "page"


def test_url_from_saved_from_comment_and_date_from_url_path(story, tmp_path):
    src = (PAGES / f"{CAPTURE}.html").read_text(encoding="utf-8")
    src = src.replace('<link rel="canonical" href="https://www.northernledger.com/business/'
                      'vexa-mobility-to-fight-data-fine">', "")
    page = tmp_path / "saved.html"
    page.write_text("<!-- saved from url=(0067)https://www.northernledger.com/2024/03/21/vexa-to-fight-fine -->\n" + src,
                    encoding="utf-8")
    results, lines = _import(story, page)
    meta = _read(story / "articles" / "saved.md")[0]
    assert meta["url"] == "https://www.northernledger.com/2024/03/21/vexa-to-fight-fine"
    assert meta["published"] == dt.date(2024, 3, 21) and meta["outlet"] == "northernledger.com"
    assert "published: from the URL's path" in meta["notes"] and "url: from the 'saved from' comment" in meta["notes"]
    assert "published (URL)" in lines[0]


@pytest.mark.parametrize("publisher, site_name, app, host, outlet", [
    ("Harbour Media Group", "The Harbour Herald", None, "harbourherald.example", "Harbour Media Group"),  # publisher first
    (None, "The Harbour Herald", None, "harbourherald.example", "The Harbour Herald"),
    (None, "Jerusalem Courier", None, "jcourier.example", "Jerusalem Courier"),      # a run of four letters
    (None, "KHRB", None, "khrb.example", "KHRB"),
    (None, "Associated Wire Service", None, "awsnews.example", "Associated Wire Service"),  # initials
    (None, "U.S.", None, "wirenews.example", "wirenews.example"),                     # a section
    (None, "Your Local News Leader", None, "khrb.example", "khrb.example"),          # a tagline
    (None, "World", "Harbour Herald", "harbourherald.example", "Harbour Herald"),   # application-name next
    (None, "Harbour Herald", None, None, "Harbour Herald"),                          # nothing to check against
])
def test_outlet_from_the_publisher_evidence_never_a_section(publisher, site_name, app, host, outlet):
    from presslens.story.importer.outlet import outlet_of

    got, source = outlet_of(publisher, site_name, app, host)
    assert got == outlet
    assert (source is not None) == (got == host and site_name not in (None, host) and not publisher)


def test_a_page_that_is_not_there_is_named_with_its_full_path(tmp_path, monkeypatch):
    story = new_story("harbour-ferry", root=tmp_path)
    monkeypatch.chdir(tmp_path)
    (result,) = write.import_pages(story, ["saved/ferry.html"])
    assert result.status == "failed" and result.reason == "does not exist"
    assert f"({tmp_path / 'saved' / 'ferry.html'} was looked for)" in result.line
