"""An English edition's address (issue 26, pass 26g: presslens.text.mtpage.edition_signals): corroboration of weight 1
that counts only beside tells weighing 2 together, never beside corroboration alone. Every page here is made up."""
import pytest

from presslens import load_story
from presslens.analyses.naming import translation
from presslens.text import mtpage


@pytest.mark.parametrize("url", [
    "https://en.eastport-courier.ee/news/harbour-council-closes-the-gates",
    "https://www.eastport-courier.ee/en/news/harbour-council-closes-the-gates",
    "https://eastport-courier.ee/eng/news/1234.html",
    "https://english.eastport-courier.ee/harbour",
    "https://www.eastport-courier.ee/language/estonian/en/article/harbour",
    "https://eastport-courier.ee/news/harbour?lang=en",
])
def test_an_english_edition_s_address(url):
    assert [(s.kind, s.weight, s.rule, s.languages) for s in mtpage.edition_signals(url)] == [
        ("site template", 1, mtpage.EDITION_RULE, ())]


@pytest.mark.parametrize("url", [
    "https://www.harbourwire.com/2024/01/harbour-council-closes-the-gates",
    "https://www.english-harbours.org.uk/eastport",   # a word beginning with english, not an edition
    "https://www.harbourwire.com/engineering/sluice-gates",
    "https://eastport-courier.ee/news/harbour?lang=et",
    None,
])
def test_no_edition(url):
    assert mtpage.edition_signals(url) == []


def test_edition_corroboration_is_no_tell():
    assert translation.corroborates("site template", mtpage.EDITION_RULE)


BODY = ("Floodwater reached Eastport quay on Tuesday, Harbour Council officials said.\n\n"
        "Council staff said sluice gates would stay shut until Friday, and crews would check every mooring line "
        "along its harbour wall before boats could sail again next week.")


def _verdicts(tmp_path, pages):
    d = tmp_path / "s"
    (d / "articles").mkdir(parents=True)
    (d / "story.yaml").write_text("title: T\nquestion: Q\nlanguage: en\nactors:\n  - name: Harbour Council\n"
                                  "    kind: institution\n", encoding="utf-8")
    for i, (url, extra) in enumerate(pages):
        (d / "articles" / f"a{i}.md").write_text(
            f"---\noutlet: Outlet {i}\ntitle: Story {i}\nurl: {url}\npublished: 2024-01-0{i + 1}\n"
            f"language: en\n---\n{extra}{BODY}\n", encoding="utf-8")
    return translation.likely_translations(load_story(d)).set_index("article_id")


def test_the_address_adds_to_tells_of_weight_two_not_to_corroboration(tmp_path):
    # "On the 1st, ..." opens a sentence with the day of the month alone (ja/zh, a tell of weight 2)
    dated = "On the 1st, harbour master Olena Kovalenko ordered sluice gates shut.\n\n"
    v = _verdicts(tmp_path, [
        ("https://en.eastport-courier.ee/news/gates", dated),   # tell 2 + address 1: a verdict
        ("https://www.harbourwire.com/news/gates", dated),      # the same tell alone: isolated
        ("https://en.eastport-courier.ee/news/quay", "Eastport quay flooded.Council staff met.\n\n"),  # glued + address
    ])
    assert v.loc["a0", "verdict"] == "likely undeclared translation" and "English edition" in v.loc["a0", "evidence"]
    assert v.loc["a1", "verdict"] == "isolated signals"
    # corroboration beside the address only: the address is not counted, and no verdict
    assert v.loc["a2", "verdict"] == "isolated signals" and "site template" not in v.loc["a2", "kinds"]
