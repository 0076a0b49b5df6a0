"""Short quotations two articles share (too short for a passage): hand-made pairs with the expected kind."""
from presslens.analyses import reuse, verdicts
from presslens.analyses.reuse.quoted import content_words

from .test_reuse import OTHER, SOURCE, pair_story


def _pair(tmp_path, quote_a: str, quote_b: str):
    a = "\n".join(SOURCE[:3]) + f"\nThe mayor called the closure {quote_a} in a statement.\n" + "\n".join(SOURCE[3:])
    b = "\n".join(OTHER[:2]) + f"\nAt the harbour the mayor spoke of {quote_b} to reporters.\n" + "\n".join(OTHER[2:])
    return pair_story(tmp_path, b, text_a=a)


def test_a_short_quotation_both_carry_is_a_shared_quotation(tmp_path):
    st = _pair(tmp_path, "“a bitter pill for hauliers”", "“a bitter pill for hauliers”")
    r = reuse.analyse(st)
    assert r.passages.empty  # five words: no passage
    assert reuse.kind_of(r, "a", "b") == "shared quotation only"
    row = r.pairs.iloc[0]
    assert row["shared_words"] == 5 and "a bitter pill for hauliers" in row["detail"]
    v = verdicts.verdicts(st)
    assert v["relation"].tolist() == ["shared_quote_only"] and not v["accusation"].any()


def test_a_stock_phrase_in_quotation_marks_is_no_evidence(tmp_path):
    # two content words ("harbour", "bridge"): any article may quote them
    st = _pair(tmp_path, "“the harbour bridge”", "“the harbour bridge”")
    assert reuse.kind_of(reuse.analyse(st), "a", "b") == "no reuse"


def test_the_same_words_quoted_on_one_side_only_are_no_shared_quotation(tmp_path):
    st = _pair(tmp_path, "“a bitter pill for hauliers”", "a bitter pill for hauliers")
    assert reuse.kind_of(reuse.analyse(st), "a", "b") == "no reuse"


def test_content_words_leave_out_stop_words_numbers_and_clitics():
    assert content_words("we cannot rebuild the quay".split()) == 3
    assert content_words(["the", "harbour", "bridge"]) == 2
    assert content_words(["new", "ferry", "service", "2025", "'s"]) == 3


def test_a_name_in_quotation_marks_is_no_shared_statement(tmp_path):
    # a name set in quotation marks by both (every content word capitalised, "of" may not be) is a cited name,
    # not words anyone said: no shared quotation; the same words as a statement in lower case still are one
    st = _pair(tmp_path, "“Harbour Bridge Trust of Castleford”", "“Harbour Bridge Trust of Castleford”")
    r = reuse.analyse(st)
    assert reuse.kind_of(r, "a", "b") == "no reuse"
    assert verdicts.verdicts(st).empty
    st = _pair(tmp_path / "lower", "“harbour bridge trust of castleford”", "“harbour bridge trust of castleford”")
    assert reuse.kind_of(reuse.analyse(st), "a", "b") == "shared quotation only"
    # capitalised in one article only: a reader sees a quoted phrase in the other, still shared
    st = _pair(tmp_path / "one", "“Harbour Bridge Trust of Castleford”", "“harbour bridge trust of Castleford”")
    assert reuse.kind_of(reuse.analyse(st), "a", "b") == "shared quotation only"
    # a statement shouted in capitals is no name
    st = _pair(tmp_path / "caps", "“WE CANNOT REBUILD THE QUAY”", "“WE CANNOT REBUILD THE QUAY”")
    assert reuse.kind_of(reuse.analyse(st), "a", "b") == "shared quotation only"


def test_is_name_reads_the_words_as_captured():
    from presslens.analyses.reuse.quoted import is_name

    from .test_reuse_carried import doc

    d = doc(0, "They met at the Court of Appeal on Monday")
    assert is_name(d, 4, 7) and is_name(d, 3, 7)  # Court of Appeal; "the" is a stop word, in lower case
    assert not is_name(d, 1, 7)  # "met" is a content word in lower case
    assert not is_name(d, 3, 8)  # "the Court of Appeal on": a run ending in a stop word goes on into a sentence
