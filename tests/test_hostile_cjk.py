"""Hostile round 5 (issue 21), Chinese and Japanese pages and a huge one-line article: imported,
split into sentences at 。！？．, every word count said in characters, and linear in the paragraph.
"""
from __future__ import annotations

import time
from pathlib import Path

import pandas as pd
import pytest

from .test_hostile import hashes
from .test_hostile_r5 import HERALD, _front, _import, story  # noqa: F401  (story: a fixture)
from presslens.story.yamlio import split_front_matter


# ----------------------------------------------------------------------------------------------
# 2. Chinese-only and Japanese-only pages: imported, sentences split at 。！？．, words counted by character

CJK = Path(__file__).parent / "fixtures" / "cjk"


def _han_kana(text: str) -> int:
    """Chinese and Japanese characters, counted one by one (an independent count for the tests)."""
    return sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff" or "\u3040" <= ch <= "\u30ff")


class TestChineseAndJapanese:
    def test_cjk_only_pages_import_with_a_character_count_said_as_such(self, story):
        before = hashes(CJK)
        results, lines = _import(story, CJK)
        assert [r.status for r in results] == ["imported", "imported"], lines
        ja, zh = results
        assert _front(zh.article)["outlet"] == "海湾日报" and _front(ja.article)["outlet"] == "湾岸新聞"
        assert _front(zh.article)["language"] == "zh" and _front(ja.article)["language"] == "ja"
        text = split_front_matter(zh.article.read_text(encoding="utf-8"))[1]
        assert "市长安娜·鲁伊斯在现场对记者说" in text and "首页" not in text and "版权所有" not in text
        # the hand-written article: 262 characters (title, byline and four paragraphs), no Latin words
        assert zh.words == _han_kana(text) == 262
        assert "(262 words (Chinese/Japanese: each character counted as a word))" in lines[1]
        assert not zh.warnings                       # not "only N words: a paywall?"
        assert hashes(CJK) == before

    @pytest.mark.parametrize("par, expected", [
        ("据初步统计，风暴造成的直接经济损失超过两千万元！所幸没有人员伤亡。渔民协会负责人说，重建工作刻不容缓。",
         ["据初步统计，风暴造成的直接经济损失超过两千万元！", "所幸没有人员伤亡。", "渔民协会负责人说，重建工作刻不容缓。"]),
        ("气象专家指出，极端天气的频率明显上升？他们呼吁加强防灾。",
         ["气象专家指出，极端天气的频率明显上升？", "他们呼吁加强防灾。"]),
        ("市长说：“我们一定会重建港口。”她表示将申请资金。",
         ["市长说：“我们一定会重建港口。”", "她表示将申请资金。"]),
        ("「港は必ず再建する。」と市長は述べた。幸いけが人はいなかった。",
         ["「港は必ず再建する。」", "と市長は述べた。", "幸いけが人はいなかった。"]),
        ("価格は３．５％上昇した．市場は落ち着いている．", ["価格は３．５％上昇した．", "市場は落ち着いている．"]),
    ])
    def test_full_width_marks_end_sentences(self, par, expected):
        from presslens.text import segment
        assert [par[a:b] for a, b in segment.split_sentences(par)] == expected

    def test_english_sentences_and_counts_are_unchanged(self):
        from presslens import words
        from presslens.text import segment
        par = "Mr. Smith said the U.S. ban was lifted. “It ends,” he said. Prices rose 3.5 percent!"
        assert [par[a:b] for a, b in segment.split_sentences(par)] == [
            "Mr. Smith said the U.S. ban was lifted.", "“It ends,” he said.", "Prices rose 3.5 percent!"]
        assert words.count(par) == len(par.split()) == 16
        assert [t for t, _, _ in segment.tokenize("The co-op's U.S. deal")] == ["the", "co-op", "u.s", "deal"]

    def test_every_count_reads_characters_and_the_formulas_step_aside(self, story, tmp_path):
        from presslens import load_story, words
        from presslens.analyses import corpus, readability
        from presslens.engine import sanity, tables
        from presslens.text import repeats
        _import(story, CJK, HERALD)
        st = load_story(story)
        p = tables.process(st)
        body = p.sentences[(p.sentences["article_id"] == "zh-harbour") & (p.sentences["part"] != "title")]
        # every sentence's word count is its characters: never one "word" per clause
        assert all(n == _han_kana(t) for n, t in zip(body["n_words"], body["text"]))
        assert len(body) == 9                                # 9 sentences, split at 。！？ (the byline line
        assert not body["text"].str.contains("本报记者").any()   # 本报记者 李明 报道 is furniture: furniture.yaml v6)
        table = corpus.article_table(st).set_index("article_id")
        assert table.loc["zh-harbour", "words"] == body["n_words"].sum() == 234   # 262 less the 20 of the title, the 8 of the byline
        assert table.loc["harbour-herald-vexa-fine", "words"] > 200
        # furniture shape: a Chinese paragraph is prose, a menu line is not
        assert repeats.is_paragraph("所幸没有人员伤亡。渔民协会负责人说，重建工作刻不容缓。")
        assert not repeats.is_paragraph("首页 新闻 关于我们")
        rules = p.removed[p.removed["article_id"] == "zh-harbour"]["rule"].tolist()
        assert rules[0] == "repeated headline" and len(rules) == 2 and rules[1].startswith("furniture (photo)")
        r = readability.readability(st).set_index("article_id")
        assert r.loc["zh-harbour", "n_words"] == 234 and r.loc["ja-harbour", "n_words"] == 216
        assert pd.isna(r.loc["zh-harbour", "flesch_reading_ease"]) and pd.isna(r.loc["ja-harbour", "gunning_fog"])
        assert "do not apply" in r.loc["zh-harbour", "caveat"] and "SMOG is defined" not in r.loc["zh-harbour", "caveat"]
        assert r.loc["harbour-herald-vexa-fine", "flesch_reading_ease"] > 0       # English: unchanged
        said = [w for w in sanity.warnings(st) if w.field == "text"]
        assert sorted(w.file.rsplit("/", 1)[1] for w in said) == ["ja-harbour.md", "zh-harbour.md"]
        assert words.describe("首页 新闻") == "4 words (Chinese/Japanese: each character counted as a word)"

    @pytest.mark.parametrize("line, n", [("首页 >  头条", 2), ("首页 新闻 关于我们", 4), ("Home > Headlines", 2),
                                         ("所幸没有人员伤亡。", 4), ("The co-op's U.S. deal", 4)])
    def test_line_shape_rules_read_two_characters_as_a_word(self, line, n):
        from presslens.text import repeats
        assert repeats.n_words(line) == n            # a breadcrumb is as short in Chinese as in English


# ----------------------------------------------------------------------------------------------
# 7. a huge one-line article: the sentence splitter is linear in the paragraph


class TestHugeOneLineArticle:
    def _par(self, n_sentences: int) -> str:
        parts = [f"The council met on day {i} and Mr. Lee said the U.S. plan was fine. “We agree,” he said. "
                 for i in range(n_sentences)]
        return "".join(parts).strip()

    def test_sentences_of_a_4_mb_paragraph_in_a_few_seconds(self):
        from presslens.text import segment
        small, big = self._par(200), self._par(45_000)               # 4.1 MB, one line
        assert len(big) > 4_000_000
        got = [small[a:b] for a, b in segment.split_sentences(small)]
        assert got[:3] == ["The council met on day 0 and Mr. Lee said the U.S. plan was fine.", "“We agree,” he said.",
                           "The council met on day 1 and Mr. Lee said the U.S. plan was fine."]
        t = time.process_time()
        spans = segment.split_sentences(big)
        took = time.process_time() - t
        assert len(spans) == 90_000
        assert took < 5, f"{took:.1f} s of processor time: quadratic again?"   # 43 s for a tenth of it before


@pytest.mark.parametrize("line, n", [
    ("首页 > 头条", 2),      # "Home > Headlines": one word per two characters
    ("市", 1),               # one character is a word, not none
    ("首页头条新", 3),        # five characters: two words and a half, read as three
    ("Home > Headlines", 2),
])
def test_reading_words_counts_a_cjk_run_one_word_per_two_characters_rounded_up(line, n):
    from presslens import words

    assert words.reading_words(line) == n
