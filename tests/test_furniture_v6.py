"""Furniture version 6 (issue 25): a caption as the capture's last line (told from prose the capture
cut off), shape rules that count Chinese and Japanese words, the writer's biography by its place and
the person it names. Each case is a small crafted page (hand-checked, not copied from any capture),
with the prose next to it that must stay."""
from __future__ import annotations

import pytest

from presslens.text.repeats import is_paragraph, n_words

from .furniture_cases import P1, P2, run  # the same prose around each case, cleaned the same way


# ---------------------------------------------------------------------------------------------- last line

@pytest.mark.parametrize("cap", [
    "Rescue boats wait in the harbour as the tide rises over the quay",      # present tense, a picture
    "A crane lifts a wrecked fishing boat from the water at the north pier",
])
def test_a_caption_as_the_captures_last_line_goes(cap):
    kept, removed = run([P1, P2, cap])
    assert kept == [P1, P2] and removed[cap] == "unended-line"


@pytest.mark.parametrize("cut", [
    "The council on Tuesday declared a state of emergency across the whole region",   # past narration
    "The agency has warned that the storm could bring more heavy rain to the coast",  # a perfect
    "The ferry company will resume the northern route once the piers are inspected",   # a future
    "He spent the morning trying to work out how to reach the stranded crews on the",  # ends open
    "She spent the morning walking the length of the sea wall with the harbour crew",  # a pronoun goes on
    "This decision is part of a broader plan to rebuild the harbour front by next year",
    "08:16 - He is confident that the port can reopen before the holiday season",
])
def test_prose_the_capture_cut_off_on_its_last_line_stays(cut):
    kept, removed = run([P1, P2, cut])
    assert kept == [P1, P2, cut], removed


# ---------------------------------------------------------------------------------------------- CJK

Z1 = "港务局周五表示，风暴摧毁了两座码头和一个燃料库，港口将关闭一周以进行维修。"
Z2 = "码头工人整个周末都在清理残骸，预计第一批船只将于周二返回港口。"
Z3 = "市议会将于周一开会，决定维修费用由谁承担以及如何支付。"
J1 = "港湾当局は金曜日、嵐で二つの桟橋と燃料施設が壊れたため、港を一週間閉鎖すると発表した。"
J2 = "作業員は週末を通して残骸の撤去を続け、最初の船は火曜日に戻る見通しだ。"


def test_words_of_chinese_and_japanese_are_counted_per_two_characters():
    assert n_words(Z1) >= 8 and is_paragraph(Z1) and is_paragraph(J1)
    assert n_words("相关新闻") == 2 and not is_paragraph("相关新闻")
    assert n_words("Quake hits 石川") == 3       # a mixed line: spaced words plus one per two characters
    assert is_paragraph("「港は閉鎖された」と当局者は語り、復旧には一週間かかる見込みだと付け加えた。")


def test_a_chinese_page_loses_its_section_name_and_related_headlines_and_keeps_its_headline_and_subhead():
    headline, related = "港口因风暴关闭一周", ["北线渡轮恢复运营", "两名渔民在海角获救", "新灯塔下月向游客开放"]
    kept, removed = run(["国际", headline, Z1, "港口", Z2, Z3, *related])
    assert kept == [headline, Z1, "港口", Z2, Z3]
    assert removed["国际"] == "short-line" and all(removed[r] == "link-list" for r in related)


def test_a_japanese_page_loses_its_related_list():
    related = ["関連ニュース", "北の航路でフェリー運航再開", "岬の沖で漁師二人を救助", "新しい灯台が来月公開へ"]
    kept, removed = run(["社会", J1, J2, *related])
    assert kept == [J1, J2] and all(removed[r] == "link-list" for r in related[1:])
    assert removed[related[0]] == "label-intl"    # the heading alone on a line: a label (furniture.yaml v9)


# ---------------------------------------------------------------------------------------------- biography

BIO = "Jane Roe is a reporter at the Harbour Times covering shipping and ports."


def test_the_writers_biography_at_the_end_goes_with_its_contact_line():
    contact = "Follow her on X @janeroe_harbour"
    kept, removed = run([P1, P2, "By Jane Roe", BIO, contact])
    assert kept == [P1, P2] and removed[BIO] == removed[contact] == "author-bio"
    assert run([BIO, P1, P2])[0] == [P1, P2]                                   # at the very start
    assert run([P1, P2, BIO], disable=["author-bio"])[0] == [P1, P2, BIO]      # a story can switch it off


def test_a_sentence_about_a_journalist_the_story_is_about_stays():
    about = [P1, "Roe was detained in Port Selby last week, her lawyers said on Monday.", BIO, P2]
    assert run(about)[0] == about                     # the story names her elsewhere: she is its subject
    middle = [P1, BIO, "“We will appeal the ruling,” her lawyer said on Tuesday.", P2]
    assert run(middle)[0] == middle                   # the story goes on reporting below it


def test_a_run_of_quotations_in_corner_brackets_stays():
    quotes = ["「港はまだ危ない」", "「船を出せない」", "「いつ戻れるのか」"]
    assert run([J1, J2, *quotes, J1 + "その後"])[0] == [J1, J2, *quotes, J1 + "その後"]


@pytest.mark.parametrize("byline", ["半月刊记者 李明", "（本报记者 王芳、张伟）", "記者 山田花子"])
def test_a_chinese_or_japanese_byline_goes(byline):
    kept, removed = run([byline, Z1, Z2])
    assert kept == [Z1, Z2] and removed[byline] == "cjk-credit"


def test_a_chinese_sentence_about_reporters_stays():
    line = "多名记者周五在港口采访时被警方拦下，随后获准离开。"
    assert run([Z1, line, Z2])[0] == [Z1, line, Z2]
