"""Naming: the resolver, the ledger, discovery of unlisted variants, translation indicators."""
import dataclasses
import re

import pandas as pd
import pytest

from presslens import load_story
from presslens.analyses import tone
from presslens.analyses.naming import discovery, names, translation, variants
from presslens.cli import main
from presslens.engine import tables
from presslens.story.model import Actor
from presslens.text import resolver

from .conftest import BUNDLED, FIXTURES, MINI, write_story as _story

NYP = "New York Post"
FIVEITER = "en.5iter.com"


@pytest.fixture(scope="module")
def bundled():
    return load_story(BUNDLED)


def _without(story, doubao_renderings=(), seed_aliases=()):
    actors = []
    for a in story.actors:
        if a.name == "Doubao":
            a = dataclasses.replace(a, renderings=tuple(r for r in a.renderings if r["form"] not in doubao_renderings))
        if a.name == "Project Seed":
            a = dataclasses.replace(a, aliases=tuple(x for x in a.aliases if x not in seed_aliases))
        actors.append(a)
    return dataclasses.replace(story, actors=actors)


# ---------------------------------------------------------------------------------------------
# resolver and ledger


def test_resolver_maps_every_listed_form_to_its_actor(bundled):
    assert resolver.resolve(bundled, "Duobao") == "Doubao"
    assert resolver.resolve(bundled, "beanbao") == "Doubao"
    assert resolver.resolve(bundled, "豆包") == "Doubao"
    assert resolver.resolve(bundled, "Seed  project") == "Project Seed"  # case and spacing ignored
    assert resolver.resolve(bundled, "Bean bun") is None


def test_tone_per_actor_counts_duobao_as_doubao(bundled):
    m = tone.actor_mentions(bundled)
    nyp = m[(m["outlet"] == NYP) & (m["actor"] == "Doubao")]
    # hand-checked: "dubbed “Duobao,”", "Duobao is already available" and "to power Doubao" (in Seth's quote)
    assert sorted(nyp["matched"]) == ["Doubao", "Duobao", "Duobao"]
    assert sorted(nyp["kind"]) == ["name", "rendering: misspelling", "rendering: misspelling"]
    t = tone.actor_tone(bundled, n_boot=50)
    row = t[(t["outlet"] == NYP) & (t["actor"] == "Doubao")].iloc[0]
    assert row["n_mentions"] == 3 and row["n_sentences"] == 3
    # without the rendering listed, the two Duobao sentences are not Doubao's any more
    t2 = tone.actor_tone(_without(bundled, doubao_renderings=("Duobao",)), n_boot=50)
    assert t2[(t2["outlet"] == NYP) & (t2["actor"] == "Doubao")].iloc[0]["n_mentions"] == 1


def test_ledger_rows_for_doubao(bundled):
    led = names.ledger(bundled)
    d = led[led["actor"] == "Doubao"].set_index(["outlet", "form"])
    assert d.loc[(NYP, "Duobao"), "n"] == 2 and d.loc[(NYP, "Duobao"), "kind"] == "rendering: misspelling"
    assert d.loc[(NYP, "Doubao"), "n"] == 1
    assert d.loc[(NYP, "Duobao"), "share"] == pytest.approx(2 / 3)
    assert d.loc[(NYP, "Duobao"), "first_part"] == "body"
    assert "dubbed “Duobao,”" in d.loc[(NYP, "Duobao"), "first_sentence"]
    assert d.loc[(FIVEITER, "Beanbao"), "kind"] == "rendering: calque"
    assert d.loc[(FIVEITER, "Beanbao"), "n"] == 1
    # the ledger's counts are the mentions' rows: the drill-down adds up
    m = names.mentions(bundled)
    assert len(m[(m["outlet"] == NYP) & (m["actor"] == "Doubao")]) == 3
    grid = names.names_grid(bundled, led)
    assert grid.loc["Doubao", NYP] == "Duobao +1"
    assert grid.loc["Doubao", FIVEITER] == "Doubao / Beanbao"  # the calque used once is not hidden
    assert names.cell_kinds(led)[(FIVEITER, "Doubao")] == "rendering: calque"
    assert grid.loc["Doubao", "Hindustan Times"] == ""


# ---------------------------------------------------------------------------------------------
# discovery


def _found(d):
    return sorted(zip(d["candidate"], d["actor"], d["rule"]))


def test_discovery_finds_the_removed_renderings_with_the_right_rule(bundled):
    st = _without(bundled, doubao_renderings=("Duobao", "Beanbao"), seed_aliases=("Seed Project",))
    d = discovery.discover(st)
    got = _found(d)
    assert ("Duobao", "Doubao", "spelling: edits") in got
    assert ("Beanbao", "Doubao", "calque") in got
    assert ("Seed Project", "Project Seed", "word order") in got
    bean = d[d["candidate"] == "Beanbao"].iloc[0]
    assert bean["evidence"] == "'Beanbao' = bean (豆) + bao (包, pinyin)"
    assert bean["outlets"] == FIVEITER and bean["n"] == 1
    duo = d[d["candidate"] == "Duobao"].iloc[0]
    assert duo["n"] == 2 and duo["outlets"] == NYP and "'Doubao'" in duo["evidence"]
    # the snippet pastes into story.yaml and loads
    assert "form: Duobao" in duo["yaml"] and "kind: misspelling" in duo["yaml"]
    assert duo["yaml"].startswith("# story.yaml, actor Doubao: add a renderings list holding\n")  # none left
    assert discovery.parse_snippet(duo["yaml"]) == [
        {"form": "Duobao", "kind": "misspelling", "note": "found by presslens names: " + duo["evidence"]}]
    seed = d[d["candidate"] == "Seed Project"].iloc[0]
    assert discovery.parse_snippet(seed["yaml"]) == {"aliases": ["Project Seed", "Seed Project"]}
    lines = discovery.candidate_lines(st, "Duobao")
    assert len(lines) == 2 and all("Duobao" in t for t in lines["text"])


def test_discovery_on_the_complete_bundled_story_proposes_no_ordinary_word(bundled):
    # the one candidate is a real variant: the singular of the listed "GPT APIs"
    assert _found(discovery.discover(bundled)) == [("GPT API", "ChatGPT", "spelling: inflection")]
    # more edits allowed: still no "An OpenAI", "OpenAI API" (a known name plus words) or "APIs"
    assert _found(discovery.discover(bundled, max_edits=3)) == [("GPT API", "ChatGPT", "spelling: inflection")]


@pytest.mark.parametrize("path", [MINI, FIXTURES / "web-captures"])
def test_discovery_on_the_fixture_stories_proposes_nothing(path):
    assert _found(discovery.discover(load_story(path))) == []


def _known(*actors):

    return variants.known_forms(dataclasses.replace(load_story(MINI), actors=[Actor(n, None, tuple(f)) for n, f in actors]))


def test_score_rules_one_by_one():
    known = _known(("ByteDance", ["ByteDance"]), ("OpenAI", ["OpenAI"]), ("Lark", ["Lark"]),
                   ("Doubao", ["Doubao", "豆包"]), ("Project Seed", ["Project Seed"]),
                   ("SCMP", ["South China Morning Post"]))

    def rules(c):
        return [(h["actor"], h["rule"]) for h in variants.score(c, known)]

    assert rules("Byte Dance") == [("ByteDance", "spelling: spacing")]
    assert rules("Byte-Dance") == [("ByteDance", "spelling: spacing")]
    assert rules("Open AI") == [("OpenAI", "spelling: spacing")]
    assert rules("Bytedanse") == [("ByteDance", "spelling: edits")]
    assert rules("Duobao") == [("Doubao", "spelling: edits")]  # the Latin alias is checked before the pinyin
    assert rules("Mark") == [] and rules("Park") == []  # one letter from Lark, but Lark is too short
    assert rules("Seed Project") == [("Project Seed", "word order")]
    assert rules("Dou Bao") == [("Doubao", "spelling: spacing")]  # one row per actor: the strongest rule
    assert rules("Doubaos") == [("Doubao", "spelling: inflection")]
    assert rules("Zürich Insurance") == [] and _letters_equal("Zurich Insurance", "Zürich Insurance")
    assert rules("Morning Post") == []  # a part of a known name, but ordinary words only
    assert rules("ChinaMorning") == []


def _letters_equal(a, b):
    return variants.letters(a) == variants.letters(b)


def test_romanisation_and_dictionary_rules_for_chinese():

    known = variants.known_forms(dataclasses.replace(load_story(MINI), actors=[
        Actor("Doubao", "product", ("Doubao",)), Actor("ByteDance", "company", ("ByteDance",)),
        Actor("Lark", "product", ("飞书",))]))
    hits = {(h["candidate"] if "candidate" in h else c, h["actor"], h["rule"])
            for c in ("豆包", "字节跳动", "Feishu", "Flybook") for h in variants.score(c, known)}
    assert ("豆包", "Doubao", "romanisation") in hits  # pinyin dou bao
    assert ("字节跳动", "ByteDance", "dictionary") in hits  # CC-CEDICT: ByteDance
    assert ("Feishu", "Lark", "romanisation") in hits  # pinyin of 飞书
    assert ("Flybook", "Lark", "calque") in hits  # fly (飞) + book (书)


def test_discovery_parameters_are_checked(bundled):
    with pytest.raises(ValueError, match="max_edits"):
        discovery.discover(bundled, max_edits=-1)
    with pytest.raises(ValueError, match="min_mentions"):
        discovery.discover(bundled, min_mentions=0)


# ---------------------------------------------------------------------------------------------
# translation indicators


def test_indicators_fire_on_the_translation_only_and_carry_their_sentence(bundled):
    ind = translation.translation_indicators(bundled)
    assert set(ind["outlet"]) == {FIVEITER}
    assert {"declared", "calque", "MT phrase", "glued sentences"} <= set(ind["kind"])
    sents = tables.process(bundled).sentences.set_index("sent_id")["text"]
    for r in ind.itertuples():
        assert r.sentence
        if r.kind != "declared" and r.sent_id == -1:  # a signal of the whole page (its address, its word profile)
            assert r.kind in ("site template", "translationese", "typed by a person") and r.sentence == r.detail
        elif r.kind != "declared":
            assert r.sent_id >= 0 and sents[r.sent_id] == r.sentence
    glued = ind[ind["kind"] == "glued sentences"]["detail"].tolist()
    assert "service.OpenAI’s" in glued and 'suspended."All' in glued
    phrases = ind[ind["kind"] == "MT phrase"]
    assert any("Beijing time" in d for d in phrases["detail"])
    verdict = translation.likely_translations(bundled, ind)
    assert verdict["verdict"].tolist() == ["declared translation"]


def test_an_undeclared_translation_is_listed_as_likely_with_its_evidence(bundled, tmp_path):
    import shutil

    dest = tmp_path / "story"
    shutil.copytree(BUNDLED, dest)
    art = next(p for p in (dest / "articles").glob("*.md") if "5iter" in p.read_text(encoding="utf-8"))
    art.write_text(art.read_text(encoding="utf-8").replace("translated_from: zh", "translated_from: null"),
                   encoding="utf-8")
    st = load_story(dest)
    v = translation.likely_translations(st)
    row = v[v["outlet"] == FIVEITER].iloc[0]
    assert not row["declared"] and row["verdict"] == "likely undeclared translation"
    assert row["kinds"].startswith("calque 6, MT phrase") and row["source_language"] == "zh"
    assert "'Beijing time' (北京时间, zh)" in row["evidence"]
    assert (v[v["outlet"] != FIVEITER]["verdict"] != "likely undeclared translation").all()


def test_glued_sentence_pattern_leaves_abbreviations_and_domains_alone():
    g = translation.GLUED
    assert g.search("terms of service.OpenAI said")
    assert g.search('as they said."We will')
    assert g.search("sales rose in 2023.Analysts said")
    assert not g.search("Shenzhen,China") and not g.search('noted,"They')  # a comma may be a typo
    for ok in ("the U.S. Army", "the U.S.Army", "see e.g. Foo", "en.5iter.com reported", "ticker.tv. The",
               "version 2.0.Next"):
        assert not g.search(ok), ok


def test_untranslated_cjk_in_an_english_article(mini):
    art = mini / "articles" / "wire.md"
    art.write_text(art.read_text(encoding="utf-8").rstrip("\n") + "\nThe chatbot 豆包 launched in August.\n",
                   encoding="utf-8")
    ind = translation.translation_indicators(load_story(mini))
    cjk = ind[ind["kind"] == "untranslated script"]
    assert cjk["detail"].tolist() == ["Han: 豆包"] and cjk["languages"].tolist() == ["zh ja"]
    assert re.search("豆包 launched", cjk["sentence"].iloc[0])


def test_presslens_names_prints_the_candidates_and_rejects_bad_options(capsys):

    assert main(["names", str(BUNDLED)]) == 0
    out = capsys.readouterr().out
    assert "ChatGPT: 1 proposal(s)\n  'GPT API'  [spelling: inflection]" in out  # grouped by actor (issue 27)
    assert "aliases: [ChatGPT, GPT, GPT-4 Turbo, GPT APIs, GPT API]" in out
    assert main(["names", str(BUNDLED), "--max-edits", "7"]) == 2
    assert "--max-edits" in capsys.readouterr().err
    assert main(["names", str(MINI)]) == 0
    assert "no unlisted variant" in capsys.readouterr().out


def test_case_tells_a_name_from_a_word_and_apostrophes_are_one(tmp_path):
    st = _story(tmp_path, "  - {name: Apple, aliases: [Apple]}\n  - {name: AI Corp, aliases: [AI]}\n"
                          "  - {name: Conan O'Brien, aliases: [O'Brien]}\n",
                [("Daily", "An apple a day keeps the doctor away, said a spokesperson for Apple in Cupertino. "
                           "The ai of the matter is that AI was not there. Host O’Brien laughed at the joke.")])
    m = names.mentions(st)
    assert sorted(zip(m["actor"], m["matched"])) == [("AI Corp", "AI"), ("Apple", "Apple"), ("Conan O'Brien", "O’Brien")]


def test_discovery_on_a_new_story_with_accents_glued_text_and_plurals(tmp_path):
    st = _story(tmp_path, "  - {name: Huawei, aliases: [Huawei, 华为]}\n  - {name: Électricité de France, "
                          "aliases: [Électricité de France]}\n  - {name: 小米, aliases: [小米]}\n",
                [("Daily", "A Huawei phone sold well. Huawai shares rose and Huawai shares fell in Shenzhen. "
                           "The Huaweis of this world are few. Electricite de France said nothing."),
                 ("Post", "Analysts said Xiao Mi would follow. Hua Wei did not comment on the launch.")])
    got = _found(discovery.discover(st))
    assert got == [("Electricite de France", "Électricité de France", "spelling: spacing"),
                   ("Hua Wei", "Huawei", "spelling: spacing"),
                   ("Huawai", "Huawei", "spelling: edits"),
                   ("Huaweis", "Huawei", "spelling: inflection"),
                   ("Xiao Mi", "小米", "romanisation")]  # pinyin of ordinary words: still proposed
    d = discovery.discover(st).set_index("candidate")
    assert d.loc["Huawai", "n"] == 2 and d.loc["Huawai", "n_sentences"] == 1  # twice in one sentence


def test_a_chinese_gloss_in_brackets_and_weak_phrases_do_not_make_a_translation(tmp_path):
    st = _story(tmp_path, "  - {name: Huawei, aliases: [Huawei]}\n",
                [("Daily", "Chinese netizens celebrated the launch. Huawei (华为) did not comment. Shops in "
                           "Shenzhen,China sold out."),
                 ("Wire", "Sales rose 5% in 2023.Analysts expected more. It was a success.The firm said so. "
                          "It was a success, the firm said. 「No comment」, said 삼성전자.")])
    ind = translation.translation_indicators(st)
    v = translation.likely_translations(st, ind).set_index("outlet")
    assert v.loc["Daily", "verdict"] == "isolated signals"
    kinds = ind.groupby("outlet")["kind"].apply(list).to_dict()
    assert "untranslated script" not in kinds["Daily"]  # 华为 glosses the name in brackets
    assert ind[ind["outlet"] == "Wire"]["detail"].tolist().count("Hangul: 삼성전자") == 1  # Hangul, not 「」
    glued = ind[ind["kind"] == "glued sentences"]
    assert sorted(glued["detail"]) == ["2023.Analysts", "success.The"]  # a comma typo is not a glued sentence
    sents = tables.process(st).sentences.set_index("sent_id")["text"]
    for r in glued.itertuples():
        assert r.sent_id >= 0 and sents[r.sent_id] == r.sentence and r.detail.split(".")[0] in r.sentence


def test_weak_signals_are_isolated_one_strong_signal_or_a_score_carries_the_verdict():
    """Issue 26's score replaced the two-kinds rule: a rare word alone (1 point) is 'isolated signals';
    one calque (weight 3) carries the verdict alone; a declared translation stays declared."""
    st = load_story(MINI)
    ind = pd.DataFrame({"article_id": ["a", "b", "c", "c"], "outlet": ["A", "B", "C", "C"],
                        "kind": ["rare word", "calque", "declared", "calque"],
                        "detail": ["x", "y", "zh", "z"], "weight": [1, 3, 0, 3], "languages": ["es", "zh", "zh", "zh"],
                        "weak": [True, False, False, False], "sent_id": [0, 1, 2, 3], "sentence": ["s"] * 4})
    v = translation.likely_translations(st, ind).set_index("article_id")
    assert v.loc["a", "verdict"] == "isolated signals"               # one weak signal
    assert v.loc["b", "verdict"] == "likely undeclared translation"  # one strong signal carries it
    assert v.loc["c", "verdict"] == "declared translation"
