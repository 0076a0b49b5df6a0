"""Name discovery rules of issue 26: names written in Chinese characters inside running Chinese text
(naming.cjknames), the short-form rule's head word, a title before a name, British and American spelling,
an article or preposition more or less. Synthetic sentences, not taken from any evaluation story."""
import pandas as pd

from presslens.analyses.naming import cjknames
from presslens.analyses.naming.variants import Known, score


def _sents(*texts):
    return pd.DataFrame({"article_id": [f"a{i}" for i in range(len(texts))], "outlet": ["Desk"] * len(texts),
                         "sent_id": list(range(len(texts))), "text": list(texts)})


def _found(texts, known):
    return {(h["candidate"], h["actor"], h["rule"]) for h in cjknames.cjk_names(None, _sents(*texts), known, set())}


def test_numerals_in_characters():
    assert [cjknames.numeral(x) for x in ("六", "十", "十八", "二十一", "两", "百", "六七")] == [6, 10, 18, 21, 2, None, None]


def test_pinyin_stretch_inside_a_clause_is_a_romanisation():
    known = [Known("Wang Xiaoming", "Wang Xiaoming"), Known("Shenzhou-18", "Shenzhou-18"), Known("Li", "Li")]
    got = _found(["新闻报道称，国家主席王小明发来贺电。", "神舟十八号飞船顺利返回。"], known)
    assert got == {("王小明", "Wang Xiaoming", "romanisation"), ("神舟十八号", "Shenzhou-18", "romanisation")}


def test_a_dictionary_word_glossed_as_a_known_form():
    got = _found(["据报道，字节跳动公司宣布。"], [Known("ByteDance", "ByteDance")])
    assert got == {("字节跳动", "ByteDance", "dictionary")}


def test_another_number_is_another_craft():
    assert _found(["神舟十七号飞船顺利返回。"], [Known("Shenzhou-18", "Shenzhou-18")]) == set()


def test_name_before_a_known_form_in_brackets():
    known = [Known("Okafor", "Lina Okafor"), Known("Joe Biden", "Biden")]
    got = _found(["總幹事奥卡福(Lina Okafor)同日宣布。", "美国总统拜登（Biden）表示。"], known)
    # 拜登 is also a dictionary word glossed "Biden": found by that rule first
    assert got == {("奥卡福", "Okafor", "bracket pair"), ("拜登", "Joe Biden", "dictionary")}
    assert cjknames.name_at_end("美国总统拜登", "Biden") == "拜登"  # the last word, glossed as the bracket's name
    assert cjknames.name_at_end("總幹事奥卡福", "Lina Okafor") == "奥卡福"  # characters no dictionary word spans
    assert cjknames.name_at_end("据报道宇航员总统拜登以及其他许多人士", "") is None  # a long clause, no name at its end


def test_a_short_clause_before_brackets_is_taken_whole():
    got = _found(["据报道，棋类联合会(International Chess Union)宣布。"],
                 [Known("International Chess Union", "International Chess Union")])
    assert got == {("棋类联合会", "International Chess Union", "bracket pair")}


def test_known_form_then_characters_in_brackets():
    got = _found(["The minister Lina Okafor (奥卡福) spoke first."], [Known("Lina Okafor", "Lina Okafor")])
    assert got == {("奥卡福", "Lina Okafor", "bracket pair")}


def test_unknown_bracket_and_taken_forms_are_not_proposed():
    known = [Known("Wang Xiaoming", "Wang Xiaoming")]
    assert _found(["總幹事奥卡福(Someone Else)同日宣布。"], known) == set()
    hits = cjknames.cjk_names(None, _sents("国家主席王小明发来贺电。"), known, {"王小明"})
    assert hits == []


def test_two_actors_for_one_stretch_is_left_out():
    known = [Known("A", "Wang Xiaoming"), Known("B", "Wang Xiaoming")]
    assert _found(["国家主席王小明发来贺电。"], known) == set()


def test_short_form_keeps_the_head_word():
    hits = {h["rule"] for h in score("Lina Okafor", [Known("Amara Lina Okafor", "Amara Lina Okafor")])}
    assert "short form" in hits
    # the run without the last word names something else (the region of a basin, a moment's subject)
    assert not score("Kestrel Ridge", [Known("Basin", "Kestrel Ridge Basin")])
    assert not score("Orbital Moon", [Known("Orbital Moon Base", "Orbital Moon Base")])
    # a possessive inside is a phrase, not a short name
    assert not score("Acme's Orbital Lab", [Known("Lab", "Big Acme's Orbital Lab")])


def test_a_title_before_the_actors_own_words_is_no_rendering():
    from presslens.analyses.naming.renderings import titled_name

    own = {"lina", "okafor-diaz", "okafor"}
    words = ["Foreign", "Minister", "Okafor-diaz"]
    assert titled_name(words, [w.casefold() for w in words], own)
    # a changed word after the actor's own words, or a name word before them, is a rendering
    for words in (["Lina", "Beautiful"], ["Jenna", "Okafor"], ["Okafor", "Minister"]):
        assert not titled_name(words, [w.casefold() for w in words], own)


def test_british_and_american_spelling_is_one_name():
    known = [Known("Kestrel Defence Organisation", "Kestrel Defence Organisation"), Known("Harbour Centre", "Harbour Centre")]
    assert [h["rule"] for h in score("Kestrel Defense Organization", known)] == ["spelling: convention"]
    assert [h["rule"] for h in score("Harbor Center", known)] == ["spelling: convention"]
    # another word, not another spelling of it
    assert not any(h["rule"] == "spelling: convention" for h in score("Kestrel Defense Organ", known))
    assert not score("Harbour Central", known) or all(h["rule"] != "spelling: convention"
                                                      for h in score("Harbour Central", known))


def test_an_article_or_preposition_more_or_less_is_one_name():
    known = [Known("Kestrel Islands", "Republic of the Kestrel Islands")]
    assert [h["rule"] for h in score("Republic of Kestrel Islands", known)] == ["function words"]
    # the content words in another order, or one content word less, are not this rule
    assert all(h["rule"] != "function words" for h in score("Kestrel Islands Republic", known))
    assert all(h["rule"] != "function words" for h in score("Republic of the Islands", known))


def test_a_possessive_inside_a_long_form_is_one_name():
    known = [Known("Bureau", "Kestrel National Weather Bureau"), Known("Acme AI", "Acme AI")]
    assert [h["rule"] for h in score("Kestrel's National Weather Bureau", known)] == ["spelling: inflection"]
    assert [h["rule"] for h in score("Kestrel’s National Weather Bureau", known)] == ["spelling: inflection"]
    # in a two-word name, "Acme's AI" is a thing of Acme's
    assert all(h["rule"] != "spelling: inflection" for h in score("Acme's AI", known))


def _abbrs(texts, known, persons=frozenset()):
    from presslens.analyses.naming.brackets import bracket_abbreviations

    return {(h["candidate"], h["actor"]) for h in bracket_abbreviations(_sents(*texts), known, set(persons), set())}


def test_an_abbreviation_given_in_brackets_is_an_alias():
    known = [Known("Kestrel Weather Bureau", "Kestrel Weather Bureau"), Known("Royal Kestrel Federation", "Royal Kestrel Federation")]
    got = _abbrs(["The Kestrel Weather Bureau (KWB) issued a warning.",
                  "RKF (Royal Kestrel Federation) officials met.",          # the other way round
                  "the Royal Kestrel Federation (RFEK) said"], known)         # the initials of another language
    assert got == {("KWB", "Kestrel Weather Bureau"), ("RKF", "Royal Kestrel Federation"), ("RFEK", "Royal Kestrel Federation")}


def test_brackets_after_a_person_or_with_other_letters_are_not_aliases():
    known = [Known("Lina Okafor", "Lina Okafor"), Known("Republic of Kestrel", "Republic of Kestrel")]
    got = _abbrs(["Lina Okafor (KD) spoke.", "the Republic of Kestrel (DRK) said", "the Republic of Kestrel (Reuters)"],
                 known, {"Lina Okafor"})
    assert got == set()  # a party tag; a slip of other letters; one capital only


def test_a_stock_ticker_in_brackets_is_no_alias():
    known = [Known("Kestrel Airways", "Kestrel Airways"), Known("Kestrel Weather Bureau", "Kestrel Weather Bureau")]
    got = _abbrs(["Shares of Kestrel Airways (KAW.O) fell 3%.", "Kestrel Airways (KA.N), opens new tab said",
                  "The Kestrel Weather Bureau (KWB) issued a warning."], known)
    assert got == {("KWB", "Kestrel Weather Bureau")}  # wire copy's tickers are listings, not names


def test_a_country_by_its_adjective_or_its_name_is_one_name():
    known = [Known("Agency", "Weather Agency of Norway"), Known("East Kestrel", "East Kestrel"),
             Known("Japan Kestrel Board", "Japan Kestrel Board")]
    assert [h["rule"] for h in score("Norwegian Weather Agency", known)] == ["nationality"]
    assert [h["rule"] for h in score("Eastern Kestrel", known)] == ["nationality"]
    assert [h["rule"] for h in score("Japanese Kestrel Board", known)] == ["nationality"]
    # another country, or another body of the same country, is not this rule
    assert all(h["rule"] != "nationality" for h in score("Swedish Weather Agency", known))
    assert all(h["rule"] != "nationality" for h in score("Norwegian Health Agency", known))
