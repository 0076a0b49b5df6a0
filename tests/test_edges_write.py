"""Boundaries of story/importer/write (issue 20): the kept copy's free name (-2 only from the second), the
articles already there (by case-folded id; an unreadable file still holds its id), the pages of a folder
(the first five other files named, then how many more; a page given twice once), the --outlet option at
exactly its longest, the same page by outlet and URL (case and a trailing slash aside), the story folder's
three messages. Invented Harbour pages."""
import pytest

from presslens.errors import ParameterError
from presslens.story.importer import write
from presslens.story.model import StoryError
from presslens.story.schema import MAX_OUTLET


def test_keep_earlier_takes_the_first_free_name(tmp_path):
    dest = tmp_path / "harbour.md"
    dest.write_text("first")
    assert write._keep_earlier(dest).name == ".harbour.md.before-import"
    dest.write_text("second")
    assert write._keep_earlier(dest).name == ".harbour.md.before-import-2"
    dest.write_text("third")
    third = write._keep_earlier(dest)
    assert third.name == ".harbour.md.before-import-3" and third.read_text() == "third"
    assert (tmp_path / ".harbour.md.before-import").read_text() == "first"


def test_existing_articles_by_casefolded_id(tmp_path):
    (tmp_path / "Harbour-Post.md").write_text("---\noutlet: Harbour Post\nurl: https://harbour.example/a\n---\n\nThe pier.\n")
    (tmp_path / "bare.md").write_text("No front matter at all.\n")
    (tmp_path / "broken.md").write_bytes(b"\xff\xfe\x00bad")
    (tmp_path / "odd.md").write_text("---\nurl: [1, 2]\noutlet: 7\n---\nText\n")
    got = write._existing(tmp_path)
    assert sorted(got) == ["bare", "broken", "harbour-post", "odd"]
    h = got["harbour-post"]
    assert (h.outlet, h.url) == ("Harbour Post", "https://harbour.example/a")
    import hashlib
    assert h.digest == hashlib.sha256(b"The pier.").hexdigest()
    assert got["bare"].digest is None and got["bare"].url is None
    assert (got["odd"].url, got["odd"].outlet) == (None, None) and got["odd"].digest is not None
    assert got["broken"].path.name == "broken.md"


@pytest.mark.parametrize("others, shown", [(5, "a0.txt, a1.txt, a2.txt, a3.txt, a4.txt"),
                                           (6, "a0.txt, a1.txt, a2.txt, a3.txt, a4.txt and 1 more")])
def test_pages_of_a_folder_name_five_others(tmp_path, others, shown):
    for i in range(others):
        (tmp_path / f"a{i}.txt").write_text("x")
    (tmp_path / "quay.html").write_text("<p>x</p>")
    (tmp_path / "pier.htm").write_text("<p>x</p>")
    got = write._pages([tmp_path, tmp_path / "quay.html"])
    pages = [g for g in got if not isinstance(g, write.ImportResult)]
    assert [p.name for p in pages] == ["pier.htm", "quay.html"]  # sorted; quay.html given twice: once
    said = [g for g in got if isinstance(g, write.ImportResult)]
    assert len(said) == 1 and said[0].reason == f"not imported from the folder (not .html/.htm files): {shown}"


def test_pages_missing_path_and_empty_folder(tmp_path):
    (tmp_path / "empty").mkdir()
    got = write._pages([tmp_path / "nowhere.html", tmp_path / "empty"])
    assert [(g.status, g.reason) for g in got] == [("failed", "does not exist"),
                                                   ("failed", "is a folder with no .html or .htm file")]


def test_page_names():
    assert write._is_page_name("quay.HTM") and write._is_page_name("index.html?p=12")
    assert not write._is_page_name(".quay.html") and not write._is_page_name("quay.html.txt")


def test_outlet_option_at_its_longest():
    assert write._one_line("  Harbour Post ", "--outlet", "e") == "Harbour Post"
    assert write._one_line("H" * MAX_OUTLET, "--outlet", "e") == "H" * MAX_OUTLET
    with pytest.raises(ParameterError, match=f"is {MAX_OUTLET + 1:,} characters long"):
        write._one_line("H" * (MAX_OUTLET + 1), "--outlet", "e")
    with pytest.raises(ParameterError, match="is empty"):
        write._one_line("   ", "--outlet", "e")
    with pytest.raises(ParameterError, match="line breaks"):
        write._one_line("Harbour\nPost", "--outlet", "e")
    with pytest.raises(ParameterError, match="must be text, got int"):
        write._one_line(7, "--outlet", "e")


def test_same_page_by_outlet_and_url():
    twin = write._Existing(None, "https://harbour.example/a/", "d", "Harbour Post")
    assert write._same_page(twin, {"outlet": "harbour post ", "url": "https://HARBOUR.example/a"})
    assert not write._same_page(twin, {"outlet": "Quay Times", "url": "https://harbour.example/a"})
    assert not write._same_page(twin, {"outlet": "Harbour Post", "url": None})
    bare = write._Existing(None, None, "d", "Harbour Post")
    assert write._same_page(bare, {"outlet": "Harbour Post", "url": None})


def test_other_article_by_url_or_outlet():
    ex = write._Existing(None, "https://harbour.example/a", "d", "Harbour Post")
    assert not write._other_article(ex, {"url": "https://harbour.example/a", "outlet": "HARBOUR POST"})
    assert write._other_article(ex, {"url": "https://harbour.example/b", "outlet": "Harbour Post"})
    assert write._other_article(ex, {"url": None, "outlet": "Quay Times"})
    assert not write._other_article(ex, {"url": None, "outlet": " "})  # no outlet on the page: nothing to differ


def test_import_into_a_folder_that_is_no_story(tmp_path):
    with pytest.raises(StoryError, match="does not exist"):
        write.import_pages(tmp_path / "harbour-storm", [], log=lambda s: None)
    (tmp_path / "harbour-storm").mkdir()
    with pytest.raises(StoryError, match=r"is not a story folder \(no story.yaml\)"):
        write.import_pages(tmp_path / "harbour-storm", [], log=lambda s: None)
    (tmp_path / "harbour-storm" / "story.yaml").mkdir()
    with pytest.raises(StoryError, match="its story.yaml is a folder, not a file"):
        write.import_pages(tmp_path / "harbour-storm", [], log=lambda s: None)
