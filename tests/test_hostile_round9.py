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


# 430 ----------------------------------------------------------------------------------------------

PROSE = ("<p>Acme was fined on Tuesday by the regulator for selling data, a spokesperson said. The company said "
         "it would appeal the decision within the month, and the regulator said that the fine stands as set.</p>"
         "<p>Consumer groups welcomed the fine and asked for a review of every broker that bought the data.</p>")


def test_430_an_impossible_utc_offset_is_a_date_left_empty_with_a_warning(tmp_path, capsys):
    """430: article:published_time with a +25:00 offset failed the whole page with an internal
    ValueError (from htmldate and trafilatura): the date is left empty, the warning names the meta field."""
    from presslens.cli.main import main as cli_main
    d = _story(tmp_path)
    pages = tmp_path / "p"
    pages.mkdir()
    (pages / "a.html").write_text(
        '<html><head><meta charset="utf-8"><meta property="article:published_time" content="2023-12-15T09:30:00+25:00">'
        f'<title>Bad offset</title></head><body><article>{PROSE}</article></body></html>', encoding="utf-8")
    assert cli_main(["import", str(d), str(pages), "--outlet", "The Ledger"]) == 0
    out = capsys.readouterr()
    said = out.out + out.err
    assert "ValueError" not in said
    assert "warning: published: article:published_time" in said and "'2023-12-15T09:30:00+25:00'" in said
    assert "published: null" in (d / "articles" / "a.md").read_text(encoding="utf-8")


# 428 ----------------------------------------------------------------------------------------------


def test_428_an_over_long_site_name_is_said_as_such(tmp_path, capsys):
    """428: a 500-character og:site_name on a page with no URL failed with "the page reveals no outlet
    (no og:site_name...)", though the page has one: its length is said, with the --outlet fix."""
    from presslens.cli.main import main as cli_main
    d = _story(tmp_path)
    pages = tmp_path / "p"
    pages.mkdir()
    (pages / "a.html").write_text(
        f'<html><head><meta charset="utf-8"><title>{"T" * 5000}</title><meta property="og:site_name" '
        f'content="{"S" * 500}"></head><body><article>{PROSE}</article></body></html>', encoding="utf-8")
    assert cli_main(["import", str(d), str(pages)]) == 1
    out = capsys.readouterr()
    said = " ".join((out.out + out.err).split())
    assert "og:site_name is 500 characters long" in said and "at most 120 characters" in said, said
    assert "no og:site_name" not in said and "pass --outlet NAME" in said
    assert not (d / "articles" / "a.md").exists()


# 506 ----------------------------------------------------------------------------------------------


def test_506_group_by_a_meta_field_of_a_story_without_any_is_refused_up_front(tmp_path, capsys):
    """506: export --group-by meta.nosuch on a story without meta: fields ran until the timeline said
    "the articles table has no column 'meta.nosuch'" and listed internal columns."""
    from presslens.cli.main import main as cli_main
    d = _story(tmp_path)
    out = tmp_path / "out"
    assert cli_main(["export", str(d), "--out", str(out), "--group-by", "meta.nosuch"]) == 2
    got = capsys.readouterr()
    said = " ".join((got.out + got.err).split())
    assert "export --group-by" in said and "'meta.nosuch'" in said and "no article of the story has meta: fields" in said
    assert "meta: {nosuch: ...}" in said and "sha256" not in said and "timeline" not in said
    assert not out.exists()


# 1002 ---------------------------------------------------------------------------------------------


def test_1002_a_grouped_warning_names_each_file_once():
    """1002: 60 outlets with one text: the grouped duplicate warning said "60 files" and named one file
    three times under "first:" (each pair is said on its first article, the same one every time)."""
    from presslens.errors import Problem, grouped
    same = [Problem("s/articles/o1.md", "duplicate", f"identical text with articles/o{i}.md", "fix") for i in range(2, 9)]
    lines, cut = grouped(same + [Problem("s/articles/daily.md", "duplicate", "identical text with articles/o9.md", "fix")],
                         False, "- ")
    assert cut and len(lines) == 1
    assert "8 times in 2 file(s) [duplicate]" in lines[0] and "(first: s/articles/o1.md, s/articles/daily.md)" in lines[0]
    many = [Problem(f"s/articles/o{i}.md", "language", "too short (2 words)", "fix") for i in range(1, 8)]
    assert "7 files [language]" in grouped(many, False, "")[0][0]
    assert "(first: s/articles/o1.md, s/articles/o2.md, s/articles/o3.md, and 4 more)" in grouped(many, False, "")[0][0]


# 316 ----------------------------------------------------------------------------------------------


def test_316_an_article_with_a_passage_in_another_script_is_warned(tmp_path):
    """316: an English article with a Chinese version pasted below it passed check as English."""
    from presslens.engine import screening
    d = _story(tmp_path)
    f = d / "articles" / "daily.md"
    f.write_text(f.read_text(encoding="utf-8") + "\n数据监管机构周二对该公司处以两百万美元罚款，因其秘密向经纪人出售客户数据。"
                 "该公司表示将在一个月内提出上诉。\n", encoding="utf-8")
    said = [w for w in screening.screen(load_story(d)).warnings if "script, not the story's language" in w.message]
    assert [w.file for w in said] == ["s/articles/daily.md"], said
    assert "Han script" in said[0].message and "save the other as its own article" in said[0].fix
    plain = load_story(_story(tmp_path, "plain"))  # the story as it is: English only
    assert not [w for w in screening.screen(plain).warnings if "script, not the story's language" in w.message]
