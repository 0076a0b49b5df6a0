"""A paraphrase chain whose sentences are one speaker's words (issue 23): two reports of one press conference
follow the speaker's order, so they retell each other sentence by sentence without either taking the other's
text. Who each retold sentence is attributed to is the quotes analysis's reading
(``pair_evidence.Evidence.speakers_of``: the quoted and reported words of each sentence and their resolved speaker);
``analyses.paraphrased`` calls such a pair a common source, the speaker; a retelling of an outlet's own narration
stays a paraphrase. Every text here is made up."""
import pytest

from presslens.analyses import reuse, verdicts, wires
from presslens.analyses.pair_evidence import Evidence

from .test_attack_session13 import PRESS_A, PRESS_B
from .test_reuse import write_story
from .test_verdicts import pair


def _story(tmp_path, a, b):
    return write_story(tmp_path / "s", {
        "a": {"outlet": "Coast Gazette", "text": " ".join(a), "published": None, "url": "https://a.example/quay"},
        "b": {"outlet": "Bay Courier", "text": " ".join(b), "published": None, "url": "https://b.example/quay"}})


def speakers(tmp_path, sentences: list[str]) -> list[str | None]:
    """The speaker the pair evidence reads for each sentence of one article (its paragraphs: ``sentences``)."""
    st = write_story(tmp_path / "one", {"a": {"outlet": "Coast Gazette", "text": "\n\n".join(sentences),
                                              "published": None, "url": "https://a.example/quay"}})
    e = Evidence(st, reuse.analyse(st), wires.sources(st))
    got = e.speakers_of("a")
    return [got.get(sid) for sid, _, _ in e.texts_of("a")]


@pytest.mark.parametrize("sentence,who", [
    ("Harbour master Ana Ruiz told a press conference on Tuesday that the quay would close.", "Ana Ruiz"),
    ("The repairs will cost 14 million pounds, most of it borrowed, Tom Berg said on Tuesday.", "Tom Berg"),
    ("The quay will close for a year and a half, said harbour master Ana Ruiz.", "Ana Ruiz"),
    ("According to harbour master Ana Ruiz, the bill stands at 14 million pounds.", "Ana Ruiz"),
    ("The Harbour Council said the gates would stay shut until Friday.", "the Harbour Council"),
])
def test_a_named_speaker_is_read_before_or_after_the_verb(tmp_path, sentence, who):
    assert speakers(tmp_path, [sentence]) == [who]


def test_a_pronoun_and_a_surname_are_the_speaker_named_before_them(tmp_path):
    got = speakers(tmp_path, ["Harbour master Ana Ruiz said the quay would close for a year.",
                              "Fishing crews who land their catch at the north quay will move to a pontoon, she said.",
                              "Ruiz admitted that the pontoon has no ice plant."])
    assert got == ["Ana Ruiz"] * 3


@pytest.mark.parametrize("sentence", [
    "Officials told the crews to leave the quay before the storm.",  # a request, no statement
    "The north quay will close for eighteen months while engineers replace its piles.",
    "Skipper associations warned that the pontoon has no ice plant.",  # nobody the story or the text names
])
def test_narration_and_common_nouns_are_attributed_to_no_name(tmp_path, sentence):
    assert speakers(tmp_path, [sentence]) == [None]


def test_two_reports_of_one_press_conference_have_the_speaker_as_common_source(tmp_path):
    v = pair(verdicts.verdicts(_story(tmp_path, PRESS_A, PRESS_B)), "a", "b")
    assert v["kind"] == "paraphrase" and v["relation"] == "shared_quote_only" and not v["accusation"]
    assert v["source"] == "Ana Ruiz" and v["credited"] == "n/a" and v["direction"] == "n/a"
    assert v["verdict"].startswith("common source: the speaker Ana Ruiz")
    # the quotes analysis reads a pledge with a noun ("She promised a shuttle lorry", "Ruiz pledged a lorry") as no
    # reported statement, and "Speaking to journalists ..., Ana Ruiz, the harbour master, announced that" not at all
    assert "3 of the 5 sentences retold are attributed to Ana Ruiz in both texts" in v["evidence"], v["evidence"]


# the same report, its attributions dropped from three of the five sentences retold: most of what the two share is
# narration, told in the same order: a paraphrase still, not the speaker's words
NARRATED_B = [PRESS_B[0],
              "The bill for the work stands at 14 million pounds, much of it a loan drawn from the regional "
              "development pot.",
              "From March, crews who fish from the north quay are to be relocated onto a makeshift pontoon next to the "
              "ferry terminal.",
              "The pontoon lacks an ice plant, so smaller vessels might forfeit a week of business every month.",
              PRESS_B[4], PRESS_B[5]]


def test_a_retelling_of_narration_with_a_speaker_in_two_sentences_stays_a_paraphrase(tmp_path):
    v = pair(verdicts.verdicts(_story(tmp_path, PRESS_A, NARRATED_B)), "a", "b")
    assert v["kind"] == "paraphrase" and v["relation"] == "reworded_copy"
    assert v["verdict"].startswith("undetermined (a paraphrase") and not v["accusation"]


def test_two_speakers_each_outlet_names_differently_are_no_common_speaker(tmp_path):
    # b gives every statement to another person: the two do not report one speaker's words
    other = [s.replace("Ana Ruiz", "Tom Berg").replace("Ruiz", "Berg").replace("harbour master", "council leader")
             for s in PRESS_B]
    v = pair(verdicts.verdicts(_story(tmp_path, PRESS_A, other)), "a", "b")
    assert v["kind"] == "paraphrase" and v["relation"] == "reworded_copy"
    assert v["verdict"].startswith("undetermined (a paraphrase")


def test_a_credit_to_the_other_outlet_still_comes_before_the_speaker(tmp_path):
    # b names a's outlet: it took its report of the press conference from it, whoever spoke
    v = pair(verdicts.verdicts(_story(tmp_path, PRESS_A, PRESS_B + ["Coast Gazette first reported the plans."])), "a", "b")
    assert v["verdict"] == "Bay Courier retold the text of Coast Gazette (names it: credit)"
    assert v["relation"] == "reworded_copy" and v["credited"] == "yes"


# two sentences of one paragraph opening with the same 40 characters and more: each is read where it stands in the
# paragraph (the quote table's offsets), not by its opening words, so neither takes the other's speaker
SAME_OPENING = "The north quay will close for a year and a half while engineers replace its piles"


@pytest.mark.parametrize("second,who", [
    (f"{SAME_OPENING}, council leader Tom Berg said on Friday.", "Tom Berg"),  # another speaker, reported
    (f"“{SAME_OPENING}, and we will pay,” council leader Tom Berg said.", "Tom Berg"),  # another speaker, quoted
    (f"{SAME_OPENING} and its deck.", None),  # the outlet's own narration
])
def test_two_sentences_opening_alike_keep_their_own_speakers(tmp_path, second, who):
    got = speakers(tmp_path, [f"{SAME_OPENING}, harbour master Ana Ruiz said. {second}"])
    assert got == ["Ana Ruiz", who]


def test_a_reported_clause_said_twice_in_a_paragraph_is_placed_at_its_own_sentence(tmp_path):
    from presslens.analyses import quotes
    st = write_story(tmp_path / "q", {"a": {"outlet": "Coast Gazette", "published": None, "url": "https://a.example/q",
                                            "text": f"{SAME_OPENING}, harbour master Ana Ruiz said. "
                                                    f"{SAME_OPENING}, council leader Tom Berg said on Friday."}})
    q = quotes.quotes(st)
    q = q[q["kind"] == "indirect"]
    assert list(zip(q["speaker"], q["start"])) == [("Ana Ruiz", 0), ("Tom Berg", len(SAME_OPENING) + 32)]


def test_the_verdicts_read_each_articles_quote_rows_not_a_story_table(tmp_path, monkeypatch):
    # the speakers come from the per-article rows (quote_rows: what quotes() sorts and keeps as its story table); the
    # verdicts, run on the whole story, never build a second story-wide quote table
    from presslens.analyses import quotes
    from presslens.analyses.quotes import extract

    st = _story(tmp_path, PRESS_A, PRESS_B)
    rows, table = quotes.quote_rows(st), quotes.quotes(st)
    key = ["article_id", "para_idx", "start", "end", "speaker", "kind"]
    assert rows[key].sort_values(key[:4]).reset_index(drop=True).equals(table[key].sort_values(key[:4]).reset_index(drop=True))

    def no_table(*a, **k):
        raise AssertionError("the verdicts built the story's quote table")
    monkeypatch.setattr(quotes, "quotes", no_table)
    monkeypatch.setattr(extract, "quotes", no_table)
    v = pair(verdicts.decide(st, reuse.analyse(st), wires.sources(st)), "a", "b")
    assert v["source"] == "Ana Ruiz" and v["verdict"].startswith("common source: the speaker Ana Ruiz")
    w = pair(verdicts.verdicts(st), "a", "b")  # the cached table's function, as the notebooks call it
    assert w["verdict"] == v["verdict"]
