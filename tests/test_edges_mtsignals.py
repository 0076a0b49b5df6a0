"""Boundary pass (issue 20, session 13, 20w): text/mtsignals script, capital-noun and inflected-name signals,
wordchoice term parsing and prefix matching; crafted Harbour text, hand-checked values."""
from __future__ import annotations

from presslens.text import mtsignals


def _scripts(s):
    return [(x.detail, x.languages) for x in mtsignals.script_signals(s)]


def test_script_signal_needs_four_latin_words():
    # The, town, of, said: four Latin words, two of them function words -> one Han signal
    assert _scripts("The town of 港口 said") == [("Han: 港口", ("zh", "ja"))]
    # three Latin words: a list of names, not an English sentence
    assert _scripts("Town of 港口 said") == []
    assert _scripts("no latin script here at all") == []


def test_script_signal_foreign_letters_at_most_the_latin_letters():
    # Latin letters: of(2) the(3) the(3) of(2) = 10; ten Han letters is no majority -> a signal
    assert _scripts("of the " + "港" * 10 + " the of") == [("Han: " + "港" * 10, ("zh", "ja"))]
    # eleven: a sentence mostly in the other script
    assert _scripts("of the " + "港" * 11 + " the of") == []


def test_script_signal_needs_two_function_words():
    assert _scripts("Harbour council of Dunmore 港口") == []  # one function word (of)
    assert _scripts("Harbour council of the Dunmore 港口") == [("Han: 港口", ("zh", "ja"))]


def test_kana_beside_han_is_one_japanese_signal_and_a_gloss_is_no_signal():
    assert _scripts("The ferry of the 港のフェリー left") == [("kana: のフェリー", ("ja",))]  # hiragana and katakana: one kana run
    assert _scripts("The ferry of the harbour (港口) left") == []  # a gloss in brackets


def test_capital_noun_after_a_verb():
    sig = mtsignals.capital_noun_signals("They said they Risks were high at the Harbour.")
    assert [(s.languages, s.weight) for s in sig] == [(("de",), 1)]
    assert "'they Risks'" in sig[0].detail
    assert mtsignals.capital_noun_signals("They said they President was away.") == []  # a title
    assert mtsignals.capital_noun_signals("The board has Ferries to run.") == []  # zipf 3.18 < 3.5: rare as a word
    assert mtsignals.capital_noun_signals("They said they Risks.") == []  # no lower-case word after it
    assert mtsignals.capital_noun_signals("") == []


def test_inflected_names_stem_of_five_letters_and_vowel_final():
    out = mtsignals.inflected_names([(1, "Tarvo spoke at the pier."), (2, "The Tarvon plan won."), (3, "Tarvon again.")])
    assert [(sid, s.languages, s.detail.split(":")[0]) for sid, _, s in out] == [(2, ("fi", "et"), "'Tarvon' beside 'Tarvo'")]
    # a four-letter stem is too short; a consonant-final stem + n is no genitive; "-in" points nowhere
    assert mtsignals.inflected_names([(1, "Ruta spoke."), (2, "Rutan plan.")]) == []
    assert mtsignals.inflected_names([(1, "Dunmor spoke."), (2, "Dunmorn plan.")]) == []
    out = mtsignals.inflected_names([(4, "Harbourin quay."), (5, "Harbour quay.")])
    assert [(sid, s.languages) for sid, _, s in out] == [(4, ())]
    assert mtsignals.inflected_names([]) == []


def test_wildcard_needs_three_letters_before_the_star():
    from presslens.analyses.wordchoice.lexicon import parse_term
    assert parse_term("cov*") == ((("prefix", "cov"),), None)
    pats, err = parse_term("co*")
    assert pats is None and "at least 3 letters" in err
    assert parse_term("Harbour cov*") == ((("word", "harbour"), ("prefix", "cov")), None)
    assert parse_term("U.S.") == ((("word", "u.s"),), None)
    assert parse_term("  ")[0] is None and parse_term("*")[0] is None and parse_term("co*ve")[0] is None


def test_a_wildcard_matches_a_word_as_long_as_its_prefix(tmp_path):
    from presslens.analyses.wordchoice import lexicon, matching
    from .conftest import write_story
    st = write_story(tmp_path, "  - name: Harbour Council\n    kind: organisation\n",
                     [("Tide", "The council saw the cove at dawn. A covey of gulls rose. The cov left.")])
    h = matching.match(st, lexicon.term_lexicon(["cove*"]))
    assert list(h["matched"]) == ["cove", "covey"]  # "cove" is exactly the prefix; "cov" is shorter


def test_by_part_words_rates_and_few_words_at_the_minimum(tmp_path):
    from presslens.analyses.wordchoice import lexicon, matching
    from .conftest import write_story
    st = write_story(tmp_path, "  - name: Harbour Council\n    kind: organisation\n",
                     [("Tide", "The council covered the pier at dawn.\n\nCrews covered the leak. The pier shut.")])
    p = matching.by_part(st, lexicon.term_lexicon(["covered"]), n_boot=20, min_words=9)
    # title+lede: "Story 0" (2) + the lede (7) = 9 words, exactly the minimum; body: 4 + 3 = 7
    assert p[["section", "hits", "words", "n_sentences", "few_words"]].values.tolist() == [
        ["title+lede", 1, 9, 2, False], ["body", 1, 7, 2, True]]
    assert [round(x, 3) for x in p["rate_per_1000"]] == [111.111, 142.857]


def test_lexicon_terms_none_empty_text_repeats():
    from presslens.analyses.wordchoice import lexicon as L
    def run(v, allow=False):
        p = []
        return L._parse_terms(v, "s.yaml", "w", p, allow_empty=allow), [(x.field, x.message) for x in p]
    assert run(None) == ([], [("w", "has no terms")])
    assert run([]) == ([], [("w", "has no terms")])
    assert run([], allow=True) == ([], []) and run(None, allow=True) == ([], [])
    assert run("cover") == ([], [("w", "must be a list, got str")])
    assert run(["covered", "Covered ", "co*"]) == (["covered"], [
        ("w[1]", "'Covered ' repeats 'covered'"),
        ("w[2]", "'co*': the wildcard 'co*' needs at least 3 letters before '*'")])


def test_lexicon_override_of_an_unknown_category_with_both_add_and_remove():
    from presslens.analyses.wordchoice import lexicon as L
    cats = {"secrecy": L.Category("secrecy", "Secrecy", "d", "src", ("conceal*", "covered"))}
    p = []
    out = L._apply_overrides(cats, {"secrcy": {"add": ["hide"], "remove": ["covered"]}}, "s.yaml", p)
    assert list(out) == ["secrecy"]
    assert [(x.field, x.message) for x in p] == [("lexicon.secrcy", "'secrcy' is not a category of the lexicon")]
    assert "did you mean 'secrecy'?" in p[0].fix
    p = []
    out = L._apply_overrides(cats, {"secrecy": {"add": ["hide"], "remove": ["covered"]}}, "s.yaml", p)
    assert p == [] and out["secrecy"].terms == ("conceal*", "hide")
    assert out["secrecy"].source == "src; story overrides in s.yaml"
