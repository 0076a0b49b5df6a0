"""A page's own line saying its text was machine-translated (issue 26, pass 26g: presslens.text.mtpage.credit_signals):
the publisher's declaration, a tell that carries a verdict; a person credited, a quotation run through a translator
or a translation widget is none. Every page here is made up."""
import pytest

from presslens import load_story
from presslens.analyses.naming import translation
from presslens.text import mtpage


@pytest.mark.parametrize("line", [
    "Disclaimer: The translations are mostly done through AI translator and might not be 100% accurate.",
    "This article was automatically translated from Estonian.",
    "The story was translated from the Estonian by Google Translate.",
    "The text has been translated using DeepL.",
    "Machine translated by Google",
    "(Auto-translated) Harbour Council closes the sluice gates",
    "This is a machine translation of the original report.",
])
def test_a_machine_translation_credit_on_the_page(line):
    got = mtpage.credit_signals(["Harbour Council closes the sluice gates", line])
    assert [(s.kind, s.weight, s.rule, s.languages) for s in got] == [("site template", 3, mtpage.CREDIT_RULE, ())]


@pytest.mark.parametrize("line", [
    "This article was translated from Estonian by Mari Tamm.",        # a person
    "The statement was translated by the Harbour Wire.",
    'Via Google Translate: "The sluice gates will stay shut until Friday."',  # a quotation, not the page
    "Select Language | Powered by Google Translate",                  # a widget
    "Translate this page",
    "The council said its leaflets were automatically translated into six languages. " * 5,  # prose, too long
])
def test_no_credit_without_a_machine_translating_the_page(line):
    assert mtpage.credit_signals([line]) == []


def test_a_credited_page_reads_as_a_likely_translation(tmp_path):
    d = tmp_path / "s"
    (d / "articles").mkdir(parents=True)
    (d / "story.yaml").write_text("title: T\nquestion: Q\nlanguage: en\nactors:\n  - name: Harbour Council\n"
                                  "    kind: institution\n", encoding="utf-8")
    body = ("Floodwater reached the quay of Eastport on Tuesday, the Harbour Council said.\n\n"
            "The council said the sluice gates would stay shut until Friday, and that crews would check the moorings.")
    for i, extra in enumerate(("", "\n\nThis article was automatically translated from Estonian.")):
        (d / "articles" / f"a{i}.md").write_text(
            f"---\noutlet: Outlet {i}\ntitle: Story {i}\nurl: https://example.org/{i}\npublished: 2024-01-0{i + 1}\n"
            f"language: en\n---\n{body}{extra}\n", encoding="utf-8")
    v = translation.likely_translations(load_story(d)).set_index("article_id")
    assert v.loc["a1", "verdict"] == "likely undeclared translation" and "machine-translated" in v.loc["a1", "evidence"]
    assert "a0" not in v.index
