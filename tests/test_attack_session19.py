"""Attack on session 19's issue-26 work (names with the Arabic article, contracted given names, honorifics,
family name first; the Hindi news formulas of mt_phrases.yaml v11): bad and unusual inputs, each a crafted
Harbour-town sentence with invented names, each expectation worked out by hand. Each defect found was written
here first as a failing test, then fixed by one general mechanism (see the notes)."""
import pytest

from presslens.analyses.naming import discovery, translation
from presslens.analyses.naming.persons import contraction
from presslens.analyses.naming.variants import without_article
from presslens.text import mtsignals

from .test_translation import _story

TELL, FIRST_PERSON = "formula आपको बता दें कि", "formula आपको बता दूँ कि"
PIER = "Harbour Council closed the old pier on Monday after divers found cracks in two of its piles. "
COUNCIL = "  - {name: Harbour Council, aliases: [Harbour Council]}\n"


def _indicators(tmp_path, articles):
    st = _story(tmp_path, COUNCIL, articles)
    ti = translation.translation_indicators(st)
    return ti, translation.likely_translations(st).set_index("outlet")


# ---------------------------------------------------------------------------------------------
# MT: "Let us tell you" where a person, not a translation engine, wrote it

def test_a_sentence_begun_inside_a_quotation_opens_the_speakers_words_not_the_writers(tmp_path):
    # defect: the second sentence of a quotation ('"We are ready. Let us tell you ...," the mayor said') starts
    # with the formula, so the ^-anchored pattern read the mayor's words as the writer's background sentence.
    # Fix: a formula that opens a sentence is not read when a quote span covers the sentence's first letter.
    ti, _ = _indicators(tmp_path, [("Quay", PIER + '"We are ready. Let us tell you that the pier will open in May," '
                                             "the mayor said."),
                                   ("Desk", PIER + "Let us tell you that the council had warned of the cracks.")])
    got = {(o, r) for o, r in zip(ti["outlet"], ti["rule"])}
    assert ("Quay", TELL) not in got, got
    assert ("Desk", TELL) in got, got  # the writer's own sentence still tells


def test_opens_in_quote():
    s = 'Let us tell you that the pier will open in May," the mayor said.'
    assert mtsignals.opens_in_quote(s, ((0, 47),))
    assert not mtsignals.opens_in_quote(s, ())
    assert not mtsignals.opens_in_quote(s, None)
    assert not mtsignals.opens_in_quote('The mayor said: "Let us tell you."', ((17, 33),))  # the quote opens later
    assert [x.rule for x in mtsignals.sentence_signals(s, True) if x.rule == TELL] == []
    assert [x.rule for x in mtsignals.sentence_signals(s) if x.rule == TELL] == [TELL]


@pytest.mark.parametrize("sentence", [
    "Let me tell you, this pier has seen better days.",
    "Let me tell you that this pier has seen better days.",
])
def test_a_columnist_addressing_readers_only_corroborates(sentence):
    # defect: "Let me tell you, ..." is the English of an op-ed addressing its readers, and was a weight-2 tell.
    # Fix: the first person singular (बता दूँ कि) is an entry of its own, english: true (corroborates only).
    rules = {(s.rule, s.weight) for s in mtsignals.sentence_signals(sentence)}
    assert (FIRST_PERSON, 1) in rules and TELL not in {r for r, _ in rules}, rules
    assert FIRST_PERSON in mtsignals.english_formulas()


def test_a_human_op_ed_with_two_english_formulas_is_no_translation(tmp_path):
    oped = (PIER + "It is noteworthy that the pier was last repaired in 2009. Let me tell you, nobody listened. "
            "I walked that pier every morning as a boy.")
    _, v = _indicators(tmp_path, [("Column", oped), ("Quay", PIER)])
    assert v.loc["Column", "verdict"] != "likely undeclared translation"


@pytest.mark.parametrize("text", [
    "let us tell you what the pier costs",            # a headline-like fragment, lower case, no "that"
    PIER + "and let us tell you that the council had warned of the cracks.",  # not a sentence's start
    "They did not let us tell you that the pier was cracked, residents said.",
])
def test_the_telling_formula_needs_a_sentence_of_its_own(text):
    assert TELL not in {s.rule for s in mtsignals.sentence_signals(text)}


# ---------------------------------------------------------------------------------------------
# names: English words that look like contractions, articles or honorifics

@pytest.mark.parametrize("short, full", [
    ("Dr", "Dieter"), ("Ms", "Marcus"), ("Mrs", "Morris"), ("Mt", "Matt"), ("St", "Stuart"), ("Jr", "Junior"),
    ("Ft", "Forrest"), ("Sr", "Sander"),
])
def test_a_title_or_abbreviation_is_no_contracted_given_name(short, full):
    # defect: contraction("Dr", "Dieter") was True (first and last letters kept, no vowel), so "Dr Kerin" could be
    # a short form of "Dieter Kerin". Fix: the words segment reads as abbreviations are never a contraction.
    assert not contraction(short, full)


def test_contractions_still_found():
    assert contraction("Md", "Muhammad") and contraction("Mohd", "Mohammed") and contraction("Wm", "William")


def test_titles_before_a_known_surname_are_not_proposed(tmp_path):
    actors = ("  - {name: Dieter Kerin, kind: person, aliases: [Dieter Kerin, Kerin]}\n"
              "  - {name: Marcus Pell, kind: person, aliases: [Marcus Pell, Pell]}\n")
    st = _story(tmp_path, actors, [("Quay", "Dr Kerin spoke at the quay on Monday. Ms Pell left at noon."),
                                   ("Pier", "Dieter Kerin met Marcus Pell at the pier on Friday.")])
    d = discovery.discover(st)
    assert not {"Dr Kerin", "Ms Pell"} & set(d["candidate"]), list(d["candidate"])


def test_english_words_that_look_like_articles_are_not_left_out():
    assert without_article("Al Marvan") is None        # one word once "Al" is out: never a name's letters
    assert without_article("Ur Kestrel") is None
    assert without_article("Alma Kestrel") is None
    assert without_article("Elgin Ulster Kestrel") is None  # words that only start with the letters


def test_a_given_name_al_is_not_an_article_to_drop(tmp_path):
    actors = ("  - {name: Rashid al-Kestrelli, kind: person, aliases: [Rashid al-Kestrelli, Kestrelli]}\n"
              "  - {name: Al Marvan, kind: person, aliases: [Al Marvan, Marvan]}\n")
    st = _story(tmp_path, actors, [("Quay", "Al Smith and Rashid Kestrelli met. The ruins of Ur Marvan were shown."),
                                   ("Pier", "Rashid al-Kestrelli met Al Marvan at the pier on Friday.")])
    d = discovery.discover(st)
    got = dict(zip(d["candidate"], d["rule"]))
    assert got.get("Rashid Kestrelli") == "spelling: spacing", got
    assert "Al Smith" not in got and "Ur Marvan" not in got, got


def test_an_honorific_that_is_also_a_family_name(tmp_path):
    actors = ("  - {name: Rokeya Begum, kind: person, aliases: [Rokeya Begum, Begum]}\n"
              "  - {name: Ulrike Herr, kind: person, aliases: [Ulrike Herr, Herr]}\n")
    st = _story(tmp_path, actors, [("Quay", "Begum Rokeya Begum spoke. Herr Ulrike Herr left. Mrs Begum sang."),
                                   ("Pier", "Rokeya Begum and Ulrike Herr met at the pier on Friday.")])
    d = discovery.discover(st)
    assert not {"Begum Rokeya Begum", "Herr Ulrike Herr", "Mrs Begum"} & set(d["candidate"]), list(d["candidate"])


def test_two_people_sharing_a_family_name_stay_two(tmp_path):
    actors = ("  - {name: Ali Khanor, kind: person, aliases: [Ali Khanor]}\n"
              "  - {name: Imran Khanor, kind: person, aliases: [Imran Khanor]}\n")
    st = _story(tmp_path, actors, [("Quay", "Ali Khanor met Asad Khanor, his son, at the quay. Khanor Imran came."),
                                   ("Pier", "Ali Khanor met Imran Khanor at the pier on Friday.")])
    d = discovery.discover(st)
    got = dict(zip(d["candidate"], d["actor"]))
    assert "Asad Khanor" not in got, got                      # the son is no form of his father
    assert got.get("Khanor Imran", "Imran Khanor") == "Imran Khanor", got


@pytest.mark.parametrize("body", [
    "the pier closed on monday.",                 # no actor, no capital
    "Ана Венн спикер. 阿娜 说. آنا ون",            # other scripts only
    pytest.param("FARID UZ MARVAN SPEAKS AT THE PIER", marks=pytest.mark.xfail(strict=True, reason=(
        "left: a known name in a headline's capitals is proposed as 'spelling: spacing' (main does the same, with "
        "'bin' too); an all-capitals run of several words is a casing, not a new way of writing the name, but "
        "single all-capitals forms (NASA for Nasa) are real variants, so the rule needs the line's casing"))),
])
def test_discovery_survives_odd_texts(tmp_path, body):
    actors = "  - {name: Farid-Uz-Marvan, kind: person, aliases: [Farid-Uz-Marvan]}\n"
    st = _story(tmp_path, actors, [("Quay", body), ("Pier", "Farid-Uz-Marvan spoke at the pier.")])
    assert len(discovery.discover(st)) == 0


@pytest.mark.xfail(strict=True, reason=(
    "left: 'Md' after a place and a comma is Maryland ('Bethesda, Md Kerin added'), yet persons._match sees the "
    "candidate's words only, not the place before it, so 'Md Kerin' is a short form of 'Muhammad Kerin'"))
def test_md_as_maryland_is_no_contracted_given_name(tmp_path):
    actors = "  - {name: Muhammad Kerin, kind: person, aliases: [Muhammad Kerin, Kerin]}\n"
    st = _story(tmp_path, actors, [("Quay", "He lives in Bethesda, Md Kerin added on Monday."),
                                   ("Pier", "Muhammad Kerin spoke at the pier.")])
    assert "Md Kerin" not in set(discovery.discover(st)["candidate"])


def test_abbreviated_religious_and_foreign_titles_are_no_contracted_given_names(tmp_path):
    # defect: "Fr" (Father), "Br" (Brother), "Sra" (Señora) keep a given name's first and last letters
    # ("Fletcher", "Barker", "Sandra"), so "Fr Kerin" was a short form of "Fletcher Kerin". Fix: the abbreviated
    # titles join renderings.NOT_NAME_PART, and no word of it is a contraction.
    for short, full in (("Fr", "Fletcher"), ("Br", "Barker"), ("Sra", "Sandra"), ("Hr", "Heather"), ("Rt", "Robert"),
                        ("Mme", "Maxime")):
        assert not contraction(short, full), short
    actors = ("  - {name: Fletcher Kerin, kind: person, aliases: [Fletcher Kerin, Kerin]}\n"
              "  - {name: Barker Venn, kind: person, aliases: [Barker Venn, Venn]}\n"
              "  - {name: Sandra Quill, kind: person, aliases: [Sandra Quill, Quill]}\n")
    st = _story(tmp_path, actors, [("Quay", "Fr Kerin said mass at the quay on Monday. Br Venn rang the bell. "
                                            "Sra Quill sang."),
                                   ("Pier", "Fletcher Kerin met Barker Venn and Sandra Quill at the pier.")])
    assert not {"Fr Kerin", "Br Venn", "Sra Quill"} & set(discovery.discover(st)["candidate"])


@pytest.mark.parametrize("cand, form", [("Karim Said", "Said Kareem"), ("Mahmud Hamid", "Hamid Mahmood"),
                                        ("Hasan Ali", "Ali Hassan")])
def test_two_given_names_swapped_may_be_another_person(cand, form, tmp_path):
    # defect: "Minister Karim Said" was a transliteration of "Said Kareem" written family name first: both words are
    # given names in Arabic usage, so the swapped pair is as likely another man. Fix: the family-name-first order is
    # the convention of Russian and Central Asian lists and court papers (skeleton's docstring), and a reader reads a
    # family name there by its surname ending (-ov, -eva, -sky, -enko, -vich, -yan, -shvili, -zoda...): the swap
    # is proposed only when the word put first has one.
    from presslens.analyses.naming.skeleton import match
    assert match(cand, form, person=True) is None
    assert match("Hashimov Dalerbek", "Dalerbek Hoshimov", person=True)
    assert match("Rahmonzoda Farrukh", "Farrukh Rahmonzade", person=True)
    assert match("Petrenko Oleksiy", "Oleksii Petrenko", person=True)
    st = _story(tmp_path, f"  - {{name: {form}, kind: person, aliases: [{form}]}}\n",
                [("Quay", f"Minister {cand} spoke at the quay on Monday."), ("Pier", f"{form} met the mayor at the pier.")])
    assert cand not in set(discovery.discover(st)["candidate"])


def test_a_capitalised_al_or_el_written_apart_is_no_article():
    # defect: without_article dropped any spaced "Al"/"El", so "Marvan Kerin" was the letters of "Al Marvan Kerin"
    # without its article (a given name Al) and "Paso Harbour Board" those of "El Paso Harbour Board". Fix: apart,
    # "al"/"el" are the article in lower case only, as romanise.SPACED_ARTICLES leaves them out of a name's run.
    assert without_article("Al Marvan Kerin") is None
    assert without_article("El Paso Harbour Board") is None
    assert without_article("Rashid al Kestrelli") == "rashidkestrelli"
    assert without_article("Rashid Al-Kestrelli") == "rashidkestrelli"
    assert without_article("Farid Uz Marvan") == "faridmarvan"
