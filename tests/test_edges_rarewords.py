"""Boundaries of mtsignals.rare_word_signals pinned on both sides (issue 20): six letters (five are never
read), English's rare line, another language's known line, a coinage, the sentence's cut-off last word.
Invented sentences of a Harbour story; the zipf values asserted first so the data is checked too."""
from presslens.text import mtsignals as m


def test_word_data_this_test_rests_on():
    assert m.zipf("qzvkrt", "en") == 0 and not m._two_words("qzvkrt")
    assert m.zipf("vecinos", "en") < m.RARE_EN <= m.zipf("gobierno", "en")  # 1.33 and 1.85
    assert m.zipf("vecinos", "es") >= m.KNOWN_ELSEWHERE


def _what(sentence):
    return [(s.detail.split(":")[0], s.languages, s.weight) for s in m.rare_word_signals(sentence)]


def test_a_coinage_of_six_letters_is_listed_with_no_weight_five_never():
    assert _what("The qzvkrt met the council today.") == [("'qzvkrt'", (), 0)]
    assert _what("The qzvkr met the council today.") == []  # five letters
    assert _what("The council met the qzvkrt") == []  # the last word, no full stop: a cut capture
    assert _what("The council met the qzvkrt.") == [("'qzvkrt'", (), 0)]


def test_a_word_rare_in_english_and_known_elsewhere_weighs_one():
    got = _what("The vecinos of the harbour met.")
    assert got and got[0][0] == "'vecinos'" and "es" in got[0][1] and got[0][2] == 1
    assert _what("The gobierno of the harbour met.") == []  # not rare in English (zipf 1.85)
    assert _what("The harbourpier was closed.") == []  # two English words glued


def test_the_zipf_lines_themselves(monkeypatch):
    table = {("qzvkrtab", "en"): 1.5, ("qzvkrtab", "es"): 3.0,   # exactly RARE_EN: an English word
             ("qzvkrtac", "en"): 0.0, ("qzvkrtac", "es"): 2.5,   # exactly KNOWN_ELSEWHERE: a Spanish word
             ("qzvkrtad", "en"): 1.2, ("qzvkrtad", "es"): 2.7,   # exactly 1.5 above English: Spanish
             ("qzvkrtae", "en"): 1.2, ("qzvkrtae", "es"): 2.69}  # just under: a rare English word, nothing
    monkeypatch.setattr(m, "_zipf", lambda w, lang: table.get((w, lang), 0.0))
    assert _what("The qzvkrtab met.") == []
    assert _what("The qzvkrtac met.") == [("'qzvkrtac'", ("es",), 1)]
    assert _what("The qzvkrtad met.") == [("'qzvkrtad'", ("es",), 1)]
    assert _what("The qzvkrtae met.") == []
