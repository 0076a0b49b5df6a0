"""story/languages.language_code pinned at its subtag lengths (issue 20): a four-letter script title-case,
a two-letter or three-digit region upper-case, anything after a singleton lower-case."""
from presslens.story import languages as lg


def test_subtags_by_length_and_after_a_singleton():
    assert lg.language_code("ZH-HANT") == "zh-Hant"  # four letters: a script
    assert lg.language_code("pt_br") == "pt-BR"  # two letters: a region
    assert lg.language_code("ES-419") == "es-419"  # three digits: a region
    assert lg.language_code("en-ABC") == "en-abc"  # three letters: neither
    assert lg.language_code("en-x-HANT") == "en-x-hant"  # after a singleton: lower-case
    assert lg.language_code("en-US-x-AB") == "en-US-x-ab"
    assert lg.language_code(" EN ") == "en" and lg.language_code(3) is None


def test_language_problems():
    assert lg.language_problem("s/story.yaml", "language", None) is None
    assert lg.language_problem("s/story.yaml", "language", "pt-BR") is None
    p = lg.language_problem("s/story.yaml", "language", False)
    assert p is not None and 'quote it: language: "no"' in p.fix
    assert "not a known language" in lg.language_problem("s/story.yaml", "language", "qq-ZZ").message
