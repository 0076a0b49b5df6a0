"""Chinese names for recall (issue 26): a name inside a run of characters (Chinese writes no spaces), a
craft's number written 号 after a Chinese numeral, a place name half romanised, half glossed."""
from presslens.analyses.naming import discovery, variants
from presslens.analyses.naming.romanise import numbered

from .test_translation import _story


def test_a_chinese_numeral_and_hao_read_as_digits():
    assert numbered("天宫二号") == "tiangong2"
    assert numbered("神舟十二号") == "shenzhou12"
    assert numbered("长征十号") == "changzheng10"
    assert numbered("天宫") == "" and numbered("二号") == ""  # no number, or no name before it


def test_a_chinese_candidate_read_against_latin_forms():
    known = [variants.Known("Tiangong-2", "Tiangong-2"), variants.Known("Zhenglan Banner", "Zhenglan Banner"),
             variants.Known("Wang Ming", "Wang Ming")]

    def hits(c):
        return [(h["actor"], h["rule"]) for h in variants.score(c, known)]

    assert hits("天宫二号") == [("Tiangong-2", "romanisation")]
    assert hits("天宫三号") == []  # another number: another craft
    assert hits("正蓝旗") == [("Zhenglan Banner", "calque")]  # zheng lan in pinyin, banner (旗) glossed
    assert hits("王明") == [("Wang Ming", "romanisation")]
    assert hits("正蓝") == []  # part of the place name: nothing glossed, no whole form


def test_names_inside_a_run_of_chinese_characters_are_proposed(tmp_path):
    st = _story(tmp_path, "  - {name: Tiangong-2, aliases: [Tiangong-2]}\n  - {name: Wang Ming, aliases: [Wang Ming]}\n", [
        ("Portal", "The station was launched on Monday. 天宫二号发射成功 was the caption of the state broadcaster, "
                   "and 主席王明发来贺电 followed the report of the launch."),
        ("Plain", "Wang Ming praised the crew of Tiangong-2 on Monday."),
    ])
    d = discovery.discover(st)
    got = sorted(zip(d["candidate"], d["actor"], d["rule"]))
    assert got == [("天宫二号", "Tiangong-2", "romanisation"), ("王明", "Wang Ming", "romanisation")]
    assert set(d["outlets"]) == {"Portal"}
