"""Boundaries of evaluation/truth (issue 20): each check of a truth file on both sides, one slip at a time on
a copy of the invented eval-mini labels (Port Selby's storm): the problem's field and words when it is
wrong, no problem when it is right (an unquoted `credited: no`, unsure with a null language, a form in
another case, claims without articles)."""
import shutil

import pytest
import yaml

from presslens import load_story
from presslens.evaluation.truth import TruthError, load_truth

from .conftest import FIXTURES

EVAL_MINI = FIXTURES / "eval-mini"
A1, A2, A3, A4 = "001-harbourwire.example", "002-copysite.example", "003-portalnews.example", "004-localtimes.example"


@pytest.fixture(scope="module")
def story():
    return load_story(EVAL_MINI)


@pytest.fixture
def labels(tmp_path):
    dest = tmp_path / "eval-mini"
    shutil.copytree(EVAL_MINI, dest)
    return dest


def _load(folder, story, edit=None, raw=None):
    data = yaml.safe_load((EVAL_MINI / "truth.yaml").read_text(encoding="utf-8"))
    if edit:
        edit(data)
    (folder / "truth.yaml").write_text(raw if raw is not None else yaml.safe_dump(data, allow_unicode=True),
                                       encoding="utf-8")
    return load_truth(folder, story=story)


def _problems(folder, story, edit=None, raw=None):
    with pytest.raises(TruthError) as exc:
        _load(folder, story, edit, raw)
    return {p.field: (p.message, p.fix) for p in exc.value.problems}


def test_the_fixture_loads_and_reads_credited_no_as_the_word(labels, story):
    def edit(d):
        d["pairs"][0]["credited"] = False  # `credited: no` unquoted
        d["pairs"][1]["unsure"] = True
    t = _load(labels, story, edit)
    assert [p["credited"] for p in t.pairs] == ["no", "n/a", "n/a"]
    assert [p["unsure"] for p in t.pairs] == [False, True, False]
    assert t.articles[A3]["source_language"] == "zh" and t.articles[A1]["unsure"] is False
    assert [c["articles"] for c in t.claims][2] == [A4]


def test_pair_of_one_article_and_a_pair_twice(labels, story):
    def edit(d):
        d["pairs"][0]["b"] = A1
        d["pairs"].append({**d["pairs"][1], "a": A3, "b": A1})  # the same pair the other way round
    got = _problems(labels, story, edit)
    assert got["pairs[0]"][0] == "a and b are the same article"
    assert got["pairs[3]"][0] == f"the pair {A3} / {A1} is labelled twice"
    assert set(got) == {"pairs[0]", "pairs[3]"}


def test_mt_and_source_language(labels, story):
    def edit(d):
        d["articles"][A1]["mt"] = "yes"
        d["articles"][A2]["mt"] = True  # language null, not unsure: an error
        d["articles"][A3]["source_language"] = "zho"
    got = _problems(labels, story, edit)
    assert got[f"articles.{A1}.mt"][0] == "'yes' is not true or false"
    assert got[f"articles.{A2}.source_language"][0].startswith("is null but mt is true")
    assert got[f"articles.{A3}.source_language"][0] == "'zho' is not an ISO 639-1 code"
    assert len(got) == 3

    def unsure(d):
        d["articles"][A2]["mt"] = True
        d["articles"][A2]["unsure"] = True
    assert _load(labels, story, unsure).articles[A2]["unsure"] is True


def test_fields_unknown_missing_unsure_and_note(labels, story):
    def edit(d):
        d["articles"][A1]["sentence"] = ["x"]
        d["claims"][0]["text"] = ""
        d["claims"][1]["unsure"] = "maybe"
        d["names"][0]["note"] = 7
        del d["articles"][A4]["mt"]
    got = _problems(labels, story, edit)
    assert got[f"articles.{A1}.sentence"] == ("unknown field", "rename it to 'sentences'")
    assert got["claims[0].text"][0] == "missing"
    assert got["claims[1].unsure"][0] == "'maybe' is not true or false"
    assert got["names[0].note"][0] == "must be text or null, not int"
    assert got[f"articles.{A4}.mt"][0] == "missing"
    assert len(got) == 5


def test_article_entries_and_quotes(labels, story):
    def edit(d):
        d["articles"][A4] = None
        d["articles"][A2]["quotes"] = "We will rebuild"
        d["articles"][A1]["quotes"][0]["text"] = 5
        d["articles"][A1]["quotes"][1] = ["not", "a", "mapping"]
    got = _problems(labels, story, edit)
    assert got[f"articles.{A4}"][0] == "has no labels"
    assert got[f"articles.{A2}.quotes"][0] == "must be a list"
    assert got[f"articles.{A1}.quotes[0].text"][0] == "must be text"
    assert got[f"articles.{A1}.quotes[1]"][0] == "must be a mapping (key: value)"
    assert len(got) == 4


def test_quotes_null_is_an_empty_list_and_kept_quotes(labels, story):
    def edit(d):
        d["articles"][A4]["quotes"] = None
        d["articles"][A1]["quotes"][2]["unsure"] = True
    t = _load(labels, story, edit)
    assert t.articles[A4]["quotes"] == []
    assert [q["unsure"] for q in t.articles[A1]["quotes"]] == [False, False, True, False]
    assert t.articles[A2]["sentences"] is None and t.articles[A3]["furniture"] == []


def test_names_and_claims_lists(labels, story):
    def edit(d):
        d["names"][0]["form"] = "port selbi"  # another case: still found
        d["names"][1]["form"] = "Port Selby Harbour"
        d["names"].append({"form": "Selby", "actor": "Port Selby", "kind": "spelling", "articles": A3})
        d["claims"][2]["id"] = "flood"
        d["claims"].append({"id": "none", "text": "Nobody carried this", "articles": None})
    got = _problems(labels, story, edit)
    assert got["names[1].form"][0] == "'Port Selby Harbour' occurs in none of its articles"
    assert got["names[2].articles"][0] == "must be a list of article ids"
    assert got["claims[2].id"][0] == "claim id 'flood' is used twice"
    assert "names[0].form" not in got and "claims[3].articles" not in got
    assert len(got) == 3


def test_top_level(labels, story):
    def edit(d):
        d["version"] = 2
        d["story"] = "harbour-storm"
        d["pairs"] = {"a": A1}
    got = _problems(labels, story, edit)
    assert got["version"][0] == "2 is not a known version"
    assert got["story"] == ("'harbour-storm' is not this folder's name 'eval-mini'", "write story: eval-mini")
    assert got["pairs"][0] == "must be a list"
    assert got["pairs[0]"][0] == "must be a mapping (key: value)"  # its key "a", read as an entry
    assert len(got) == 4
    got = _problems(labels, story, lambda d: d.update(articles=[A1]))
    assert got["articles"][0] == "must be a mapping of article id -> labels"
    got = _problems(labels, story, raw="- a list, not a mapping\n")
    assert got["(top)"][0] == "must be a mapping (key: value)"
