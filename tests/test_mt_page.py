"""Machine translation from any language (issue 26, second pass): the signals of a page outside its prose
(presslens.text.mtpage), the formulas mt_phrases.yaml v6 adds, and the verdicts they make on a crafted
story. Every sentence and page here is made up."""
import pytest

from presslens import load_story
from presslens.analyses.naming import translation
from presslens.text import mtpage, mtsignals


@pytest.mark.parametrize("sentence, kind, langs, weight", [
    ("Shares lost $100 billion (about ¥15 trillion) in one day.", "locale format", ("ja", "zh"), 2),
    ("The bank lost $3 billion (21 billion yuan) last year.", "locale format", ("zh",), 2),
    ("The deal was worth $5 million (about 450 million roubles).", "locale format", ("ru",), 2),
    ("The grant comes to $2 million (80 million hryvnias).", "locale format", ("uk",), 2),
    ("More than 20 relief and relief teams were sent to the valley.", "MT grammar", (), 2),
    ("The search will stop if his words are confirmed.", "MT phrase", ("ru", "uk", "pl", "cs"), 1),
    ("The cold is dangerous to life and health, the service warned.", "MT phrase", ("ru", "uk", "pl", "cs"), 1),
    ('The machine made a "hard landing" in the hills.', "MT phrase", ("pl", "ru", "uk", "cs", "de"), 1),
    ("Background. The firm was founded in 2010.", "MT phrase", ("ru", "uk"), 1),
    ("Background.", "MT phrase", ("ru", "uk"), 1),
    ("The index temporarily plunged by 4% on Tuesday.", "MT phrase", ("ja",), 1),
    ("Recall that the plant was opened in 2010.", "MT phrase", ("ru", "uk"), 2),
    ("Let us remind you that the talks failed in May.", "MT phrase", ("ru", "uk"), 2),
    ("It became known that the minister had resigned.", "MT phrase", ("ru", "uk"), 2),
    ("Earlier it was reported that the talks had failed.", "MT phrase", ("ru", "uk"), 1),
])
def test_formulas_of_version_6(sentence, kind, langs, weight):
    got = [(s.kind, s.languages, s.weight) for s in mtsignals.sentence_signals(sentence)]
    assert (kind, langs, weight) in got


@pytest.mark.parametrize("sentence", [
    "Sony lost 100 billion yen ($680 million) last year.",  # the English order: local amount, then dollars
    "They tried again and again to land the craft.",
    "Prices rose higher and higher through the week.",
    "The firm spent billions and billions on chips.",
    "At one point the index fell 4% on Tuesday.",
    "Background checks were ordered for all staff.",
    "The machine learning model was released on Monday.",
    "Recall votes were held in two districts in May.",
    "Residents recall the events of that winter well.",
])
def test_english_conventions_carry_no_counted_signal(sentence):
    assert not [s for s in mtsignals.sentence_signals(sentence) if s.weight > 0]


def test_site_template_lines():
    lines = ["Read: 31", "Write comment", "You can enter 300 characters", "31 views", "Leave a comment"]
    got = mtpage.template_signals(lines)
    assert [s.detail.split(":")[0] for s in got] == ["'Read", "'Write comment'", "'You can enter 300 characters'"]
    assert all(s.kind == "site template" and s.languages == ("ru", "uk") and s.weight == 2 for s in got)


def test_a_dotted_timestamp_line_is_the_sentence_rule_of_dotted_dates():
    (s,) = mtpage.dotted_date_signals(["Headline", "03.11.23 09:15", "Text."])
    assert s.kind == "locale format" and s.weight == 1 and "ru" in s.languages and "uk" in s.languages
    (t,) = [x for x in mtsignals.sentence_signals("The law was passed on 15.12.2023 by the chamber.")
            if x.kind == "locale format"]
    assert s.rule == t.rule  # one rule: a dotted date in a line and in a sentence are one piece of evidence
    assert not mtpage.dotted_date_signals(["Version 2.10.24 is out", "05/20/24 10:00", "32.13.24"])


@pytest.mark.parametrize("url, fires", [
    ("https://example.org/en/news/acme-vtratyla-velykyj-obsyag-kapitalu-1", True),
    ("https://en.example.org/news/acme-poteryala-rekordnuyu-summu", True),
    ("https://example.org/en/news/acme-lost-a-record-amount-of-market-value", False),  # an English slug
    ("https://example.org/news/acme-vtratyla-velykyj-obsyag-kapitalu-1", False),  # no English edition in the address
    ("https://example.org/en/news/12345", False),
    ("https://example.org/en/news/ebrahim-tondu-qarvel-helicopter-crash", False),  # names, with English words
    (None, False),
])
def test_an_english_editions_slug_in_another_language(url, fires):
    got = mtpage.slug_signals(url)
    assert bool(got) == fires
    if fires:
        assert got[0].weight == 2 and got[0].kind == "site template"


def test_a_spanish_slug_points_to_spanish():
    (s,) = mtpage.slug_signals("https://example.org/en/noticias/muere-presidente-despues-accidente-helicoptero")
    assert "es" in s.languages


def _story(tmp_path, pages):
    d = tmp_path / "s"
    (d / "articles").mkdir(parents=True)
    (d / "story.yaml").write_text("title: T\nquestion: Q\nlanguage: en\nactors:\n  - {name: Acme, aliases: [Acme]}\n",
                                  encoding="utf-8")
    for i, (outlet, url, body) in enumerate(pages):
        (d / "articles" / f"a{i}.md").write_text(
            f"---\noutlet: {outlet}\ntitle: Story {i}\nurl: {url}\npublished: 2024-01-0{i + 1}\nlanguage: en\n---\n"
            f"{body}\n", encoding="utf-8")
    return load_story(d)


def test_page_signals_make_a_verdict_with_the_prose(tmp_path):
    plain = "Acme opened a plant on Tuesday. Analysts were pleased, the firm said."
    st = _story(tmp_path, [
        ("Template", "https://example.org/news.php?id=1", f"03.11.23 09:15\n\n{plain}\n\nRead: 31\n\nWrite comment"),
        ("DateOnly", "https://example.org/2", f"03.11.23 09:15\n\n{plain}"),
        ("DateTwice", "https://example.org/3", f"03.11.23 09:15\n\nAcme opened a plant on 15.12.2023 in the north. "
                                               "Analysts were pleased."),
        ("Slug", "https://example.org/en/news/acme-vidkryla-velykyj-zavod-pivnochi-1",
         f"Background. Acme was founded in 2010.\n\n{plain}"),
        ("Plain", "https://example.org/en/news/acme-opens-a-plant-in-the-north", plain),
    ])
    v = translation.likely_translations(st).set_index("outlet")
    assert v.loc["Template", "verdict"] == "likely undeclared translation"
    assert v.loc["Template", "kinds"] == "locale format 1, site template 2"
    assert v.loc["Template", "source_language"] is None  # ru and uk alike: unknown, with the reason
    assert "ru or uk" in v.loc["Template", "language_note"]
    assert v.loc["DateOnly", "verdict"] == "isolated signals"
    assert v.loc["DateTwice", "n_rules"] == 1 and v.loc["DateTwice", "score"] == 1  # counted once
    # the slug, "Background." and (pass 26g) the English edition's address beside those tells
    assert v.loc["Slug", "verdict"] == "likely undeclared translation" and v.loc["Slug", "n_rules"] == 3
    # an English edition's address alone is listed, never counted (corroboration beside no tell)
    assert v.loc["Plain", "verdict"] == "isolated signals" and v.loc["Plain", "score"] == 0


def test_names_respelt_by_another_languages_romanisation():
    from presslens.text import translit

    table = translit.name_respellings(["Pirouz Dahirian", "Keiko Shibatora", "Javad Khorami", "Wanfeng Lo"])
    assert table["Dakhirian"] == ("Dahirian", "ru uk")  # Cyrillic х for h
    assert table["Sibatora"][1] == "ru uk"  # Polivanov: shi = si
    assert "Schibatora" in table and "de" in table["Schibatora"][1].split()
    assert table["Jorami"] == ("Khorami", "es")  # Spanish j for kh
    assert "bg" in table["Vanfeng"][1].split() and "sr" in table["Vanfeng"][1].split()
    assert translit.respellings("Wajimo")["Vadzimo"] == {"ru", "uk"}  # Polivanov: several rules at once (w, ji)
    assert translit.respellings("Hokuma")["Khokuma"] == {"ru", "uk"}  # х for an initial h too
    assert "Dzhavad" in table and "Jawad" not in table  # a spelling English writes too is no sign
    assert "Dahirian" not in table  # nor the story's own spelling
    got = translit.find_respellings("Officials said Dakhirian met Sibatora on Monday.", table)
    assert [g[0] for g in got] == ["Dakhirian", "Sibatora"]


def test_a_respelt_name_and_a_template_make_a_verdict(tmp_path):
    d = tmp_path / "s"
    (d / "articles").mkdir(parents=True)
    (d / "story.yaml").write_text("title: T\nquestion: Q\nlanguage: en\nactors:\n"
                                  "  - {name: Pirouz Dahirian, aliases: [Dahirian]}\n", encoding="utf-8")
    bodies = ["Pirouz Dakhirian visited the plant on Tuesday. Analysts were pleased, the firm said.\n\nRead: 17",
              "Pirouz Dakhirian visited the plant on Tuesday. Analysts were pleased, the firm said.",
              "Pirouz Dahirian visited the plant on Tuesday. Analysts were pleased, the firm said.\n\nRead: 17"]
    for i, body in enumerate(bodies):
        (d / "articles" / f"a{i}.md").write_text(
            f"---\noutlet: O{i}\ntitle: Story {i}\nurl: https://example.org/{i}\npublished: 2024-01-0{i + 1}\n"
            f"language: en\n---\n{body}\n", encoding="utf-8")
    v = translation.likely_translations(load_story(d)).set_index("outlet")
    assert v.loc["O0", "verdict"] == "likely undeclared translation" and v.loc["O0", "source_language"] in ("ru", None)
    assert "transliteration 2" in v.loc["O0", "kinds"]
    assert v.loc["O1", "verdict"] == "isolated signals" and v.loc["O2", "verdict"] == "isolated signals"
