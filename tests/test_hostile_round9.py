"""Hostile input, ninth round (issue 21): cases 130/131, 315/321, 430, 428, 506 and 1002 of the
round-9 report. Each ends with a warning or refusal naming the file (or option) and the fix, never
a quietly wrong measure or an internal error."""
import shutil

from presslens import load_story

from .conftest import MINI


def _story(tmp_path, name="s"):
    d = tmp_path / name
    shutil.copytree(MINI, d)
    return d


# 130/131 ------------------------------------------------------------------------------------------


def test_130_a_file_holding_two_captures_is_said_with_its_line(tmp_path):
    """130: an article file concatenated twice had its second front matter measured as sentences,
    and check said ok."""
    d = _story(tmp_path)
    f = d / "articles" / "daily.md"
    one = f.read_text(encoding="utf-8")
    before = len(one.rstrip("\n").split("\n"))
    f.write_text(one.rstrip("\n") + "\n" + one, encoding="utf-8")
    said = [n for n in load_story(d).notices if n.file.endswith("articles/daily.md") and "second front matter" in n.message]
    assert len(said) == 1, load_story(d).notices
    assert f"at line {before + 1} " in said[0].message
    assert "split the file into two articles" in said[0].fix


def test_130_a_rule_around_prose_is_not_front_matter(tmp_path):
    d = _story(tmp_path)
    f = d / "articles" / "daily.md"
    f.write_text(f.read_text(encoding="utf-8") + "\n---\n\nNote: the regulator declined to comment.\nUpdate: none.\n\n---\n",
                 encoding="utf-8")
    assert not [n for n in load_story(d).notices if "second front matter" in n.message]


# 315/321 ------------------------------------------------------------------------------------------


def test_315_a_full_width_latin_name_is_warned_with_the_fix(tmp_path):
    """315: "ＢｙｔｅＤａｎｃｅ" in one sentence matched no actor and check said ok: the look-alike warning
    needed a fifth of the article's letters in full width; any run of them is said now."""
    from presslens.engine import screening
    d = _story(tmp_path)
    f = d / "articles" / "daily.md"
    f.write_text(f.read_text(encoding="utf-8") + "\nＢｙｔｅＤａｎｃｅ declined to comment on Tuesday.\n", encoding="utf-8")
    said = [w for w in screening.screen(load_story(d)).warnings if "full-width Latin" in w.message]
    assert [w.file for w in said] == ["s/articles/daily.md"], said
    assert "ＢｙｔｅＤａｎｃｅ" in said[0].message and "NFKC" in said[0].fix
    plain = _story(tmp_path, "plain")  # full-width digits and punctuation alone (CJK typing) are no name
    g = plain / "articles" / "daily.md"
    g.write_text(g.read_text(encoding="utf-8") + "\nThe fine was ３．５ million（euros）.\n", encoding="utf-8")
    assert not [w for w in screening.screen(load_story(plain)).warnings if "full-width Latin" in w.message]
