"""Who speaks (issue 24): reported speech that abstains when its evidence is weak, partial quotes
in their clause, pronouns and definites, and the balance of the parties. Crafted sentences only
(a harbour town, Acme and Globex): nothing here names an evaluation story."""
import pandas as pd
import pytest

from presslens.analyses.quotes import extract
from presslens.story.model import Actor

from .conftest import acme_story


@pytest.fixture(scope="module")
def story():
    return acme_story(Actor("Port Authority", "agency", ("Port Authority",)))


def one(story, *paragraphs, indirect=True):
    return extract.extract_article("a", "Daily", list(paragraphs), story, indirect=indirect)


def reported(rows):
    return [(r["quote"], r["speaker"], r["verb"]) for r in rows if r["kind"] == "indirect"]


# ----------------------------------------------------------------------------------------------
# reported speech: the clause, and abstaining


@pytest.mark.parametrize("sentence, clause", [
    # a time before the clause, and a relative "that" further on that is the clause's own
    ("Acme said on Thursday it had closed a second plant, a site that makes parts.",
     "it had closed a second plant, a site that makes parts"),
    ("Acme said on Thursday that it had closed a second plant.", "it had closed a second plant"),
    # a concession, a time or a consequence after a comma: the writer's words again
    ("Acme said the plant was safe, although residents reported a smell for weeks.", "the plant was safe"),
    ("Acme said the plant would reopen, after regulators lifted the order on Monday.", "the plant would reopen"),
    ("Acme said the spill was small – a claim residents dispute.", "the spill was small"),
    ("Acme claimed the spill was small, which she denied.", "the spill was small"),
    # ", which ..." with no subject of its own goes on with the speaker's content
    ("Acme said the spill was small, which is typical for the site.", "the spill was small, which is typical for the site"),
])
def test_the_reported_clause_ends_where_the_writer_takes_over(story, sentence, clause):
    assert reported(one(story, sentence)) == [(clause, "Acme", sentence.split()[1])]


def test_a_participle_of_saying_starts_a_second_statement(story):
    rows = one(story, "Acme said the plant was safe, adding that inspectors had found nothing wrong.")
    assert reported(rows) == [("the plant was safe", "Acme", "said"),
                              ("inspectors had found nothing wrong", "Acme", "adding")]
    rows = one(story, "Acme said in a post that the port was closing, and it warned residents to stay inside.")
    assert reported(rows)[0] == ("the port was closing", "Acme", "said")


@pytest.mark.parametrize("sentence", [
    "Acme emphasized the complexities of landing ships in a storm and the importance of good radios.",
    "Acme promised support for the nearly 900 residents of the harbour, although many said help was slow.",
    "Acme acknowledged the emergency but asked residents to stay calm.",
    "Dock workers and the Globex state inspector Ana Ruiz said on Sunday that the quay had been cleared.",
])
def test_a_verb_with_a_noun_is_no_reported_clause(story, sentence):
    assert not [r for r in reported(one(story, sentence)) if r[1] in ("Acme", "Globex")]


def test_according_to_a_source_with_its_description(story):
    rows = one(story, "According to Mary Jones, the company's spokesperson, the plant had been closed since May.")
    assert reported(rows) == [("the plant had been closed since May", "Mary Jones", "according to")]
    rows = one(story, "According to Jones, a manager told the council that the plant had been closed since May.")
    assert reported(rows) == [("the plant had been closed since May", "Mary Jones", "according to")]


def test_figures_and_documents_are_nobody_speaking(story):
    rows = one(story, "According to figures compiled by the Port Authority, about 4,000 ships docked in May and June.")
    assert reported(rows) == []


def test_reported_speech_inside_a_quote_is_the_speakers_own_words(story):
    rows = one(story, "“He said it was a joke and we all laughed. Then Acme said the plant was safe,” Jones said.")
    assert reported(rows) == []


# ----------------------------------------------------------------------------------------------
# a quote inside its clause: the subject of the verb nearest before it


@pytest.mark.parametrize("sentence, quote, speaker", [
    # a name after a title with an abbreviation, and the verb right after it (the person is a subject)
    ("U.S. harbour engineer Ana Ruiz tweeted that she was “appalled” by the decision.", "appalled", "Ana Ruiz"),
    # the negation belongs to the first clause, not to "claimed"
    ("Jones said during a meeting that she would not resign and claimed she was the victim of “false critics.”",
     "false critics.", "Mary Jones"),
    # the subject of a subordinate clause
    ("The announcement came after Globex apologised for the “enormous harm” caused.", "enormous harm", "Globex"),
    ("The workers rejected the plan on Monday, when Jones stated that the port “was never at risk” at all.",
     "was never at risk", "Mary Jones"),
    # an infinitive's subject
    ("Dock workers walked out, leading the mayor to resign and Globex to denounce the “reckless strike”.",
     "reckless strike", "Globex"),
    # back over a relative clause to its head, for a long quote after "said ... that"
    ("Port official Ana Ruiz, who was fined last year, said in a statement that the union would “defend our "
     "interests and speak for us.”", "defend our interests and speak for us.", "Ana Ruiz"),
    # "as" frames the speaker's word
    ("The mayor was criticised by Globex, which defined the closure as “unacceptable” in a letter.", "unacceptable",
     "Globex"),
])
def test_the_subject_of_the_nearest_reporting_verb_speaks(story, sentence, quote, speaker):
    rows = [r for r in one(story, sentence, indirect=False) if r["quote"] == quote]
    assert [(r["kind"], r["speaker"]) for r in rows] == [("direct", speaker)], rows


@pytest.mark.parametrize("sentence", [
    "Acme and Globex described the ruling as “a disaster” for the sector.",
    "Globex, not Acme, described the fine as “unfair” on Monday.",
    "The mayor was described by nobody as “a hero” that week.",
    "Acme never described the fine as “a scam” in public.",
])
def test_no_single_subject_no_speaker(story, sentence):
    assert [r["speaker"] for r in one(story, sentence, indirect=False)] == [None]


def test_a_name_followed_by_its_reporting_verb_is_a_subject(story):
    # "The town’s harbour engineer" is no subject prefix: only the verb after the name says she is one
    from presslens.analyses.quotes import attribution
    from presslens.analyses.quotes.people import People

    par = "The town’s harbour engineer Ana Ruiz wrote that the quay was safe. Later the mayor met Lee Park."
    people = People(story, [par], attribution.verbs()["rx"])
    got = {m[3].name: m[4] for m in people.mentions}
    assert got == {"Ana Ruiz": True, "Lee Park": False}


# ----------------------------------------------------------------------------------------------
# pronouns and definite descriptions


def test_it_and_the_agency_go_to_the_organisation_named_before(story):
    rows = one(story, "The city’s port authority closed the quay on Monday.", "“Ships will wait,” the authority said.",
               indirect=False)
    assert [(r["speaker"], r["actor"]) for r in rows] == [("Port Authority", "Port Authority")]
    # a possessive is not the subject: "Acme's plant" leaves Globex as what "it" refers to
    rows = one(story, "Globex bought Acme's plant last year.", "“We will keep every job,” it said.", indirect=False)
    assert [(r["speaker"], r["actor"]) for r in rows] == [("Globex", "Globex")]
    # a storm or a place says nothing: "the storm" is no organisation even when an actor is named so
    rows = one(story, "Storm Globex hit the coast.", "“It was terrible,” the storm said.", indirect=False)
    assert rows[0]["actor"] != "Globex"


def test_she_after_a_name_whose_next_pronoun_is_someone_elses(story):
    rows = one(story, "Her father’s boat sank. Running out of options, Ana Felipe Ruiz asked where her father was, "
                      "and whether his crew had seen him.", "“No one is looking for him,” she told them.", indirect=False)
    assert [r["speaker"] for r in rows] == ["Ana Felipe Ruiz"]


# ----------------------------------------------------------------------------------------------
# balance: a party speaks when quoted, reported, or through someone tied to it


@pytest.fixture(scope="module")
def parties_story():
    import dataclasses

    from presslens import load_story

    from .conftest import MINI

    return dataclasses.replace(load_story(MINI), parties={"accused": ["Acme"], "accusers": ["Data Regulator"]})


def test_responses_count_every_channel_and_say_what_was_checked(parties_story):
    from presslens.analyses.quotes import sources

    r = sources.responses(parties_story)
    got = {(x.outlet, x.actor): (x.carried, x.channels) for x in r.itertuples()}
    # hand-checked on the fixture: the Ledger quotes Acme's spokesperson Mary Jones and the regulator's
    # commissioner Reed ('Mr. Reed said the company “knowingly broke the rules.”': reported, with a
    # partial quote); the Gazette quotes Reed and reports the regulator ("dollars.According to the
    # watchdog, the company sold data ...": a machine translation's glued sentence is two sentences, the
    # second reported speech); the wire reports Acme ("Acme said it followed the rules") and quotes
    # Jones, while "The watchdog declined to comment further" is no statement
    assert got == {
        ("The Daily Ledger", "Acme"): (True, "direct quote, through representative"),
        ("La Gazette (English edition)", "Acme"): (False, ""),
        ("Wire Service", "Acme"): (True, "direct quote, reported speech, through representative"),
        ("The Daily Ledger", "Data Regulator"): (True, "direct quote, reported speech, through representative"),
        ("La Gazette (English edition)", "Data Regulator"): (True, "direct quote, reported speech, through representative"),
        ("Wire Service", "Data Regulator"): (False, ""),
    }
    assert set(r["checked"]) == {sources.CHECKED} and "reported speech" in sources.CHECKED
    assert r["n_unattributed"].tolist() == [0] * 6


def test_the_balance_finding_states_an_absence_with_what_was_checked(parties_story):
    from presslens.analyses import findings
    from presslens.analyses.quotes import sources

    r = sources.responses(parties_story)
    q = sources.quotes(parties_story)
    lines = [x for x in findings.sources(pd.DataFrame(columns=["outlet", "voice", "share", "quoted_words"]),
                                         pd.DataFrame(), pd.DataFrame(), q, 3, r) if "(table: responses)" in x]
    assert lines[0].startswith("Acme (the accused) speaks in 2 of 3 outlets; nothing attributable to Acme was found "
                               "in La Gazette (English edition) (checked: direct quotes, reported speech, speakers")
    assert lines[0].endswith("; not checked: a statement whose speaker or reporting frame the rules cannot read "
                             "(table: responses).")
    # an outlet with a quote nobody could be found for: the absence is said to be uncertain
    r2 = r.assign(n_unattributed=[0, 2, 0, 0, 0, 0])
    line = [x for x in findings.sources(pd.DataFrame(columns=["outlet", "voice", "share", "quoted_words"]),
                                        pd.DataFrame(), pd.DataFrame(), q, 3, r2) if x.startswith("Acme")][0]
    assert "cannot read (2 direct quotes there have no readable speaker) (table: responses)." in line


def test_the_parties_score_counts_a_wrong_absence_as_a_miss():
    from pathlib import Path

    from presslens.evaluation.score_story import score_parties
    from presslens.evaluation.truth import Truth

    def lab(*quotes):
        return {"mt": False, "quotes": [dict(text=t, kind=k, speaker=s, actor=a, unsure=u) for t, k, s, a, u in quotes]}

    truth = Truth("tiny", "dev", "tests", Path("tiny"), {
        "a1": lab(("We will appeal.", "direct", "Mary Jones", "Acme", False)),        # Acme speaks, found: tp
        "a2": lab(("it would appeal", "indirect", "a lawyer for Acme", "Acme", False)),  # Acme speaks, not found: fn
        "a3": lab(("The fine is fair.", "direct", "Ana Ruiz", "Ana Ruiz", False)),    # Acme silent, found: fp
        "a4": lab(("We may appeal.", "direct", "an Acme source", "Acme", True)),      # only unsure: not scored
        "a5": {"mt": False, "quotes": None},                                          # not labelled: not scored
    })
    voices = pd.DataFrame({"article_id": ["a1", "a3", "a4", "a5"], "party": ["Acme"] * 4,
                           "quote": ["We will appeal.", "The fine is fair.", "We may appeal.", "x"]})
    parties_of = lambda speaker, actor: {"Acme"} & {speaker, actor}  # noqa: E731
    o = score_parties(voices, ["Acme"], parties_of, truth, ["a1", "a2", "a3", "a4", "a5"])
    assert sorted(zip(o["unit"], o["outcome"])) == [("a1", "tp"), ("a2", "fn"), ("a3", "fp")]


def test_speaker_disagreements_between_outlets_on_one_statement(mini):
    from presslens import load_story
    from presslens.analyses import quotes

    statement = "We followed every rule and we will appeal this fine in court"
    bodies = {"daily": f"“{statement},” Mary Jones said on Tuesday.",
              "gazette": f"“{statement},” said Jones, the company’s spokesperson.",
              "wire": f"“{statement},” Tom Reed said."}
    for aid, body in bodies.items():
        path = mini / "articles" / f"{aid}.md"
        head = path.read_text(encoding="utf-8").split("---\n")[1]
        path.write_text(f"---\n{head}---\n{body}\n", encoding="utf-8")
    d = quotes.speaker_disagreements(load_story(mini))
    assert d[["outlet", "speaker", "majority_speaker", "n_majority", "n_attributed"]].values.tolist() == [
        ["Wire Service", "Tom Reed", "Mary Jones", 2, 3]]
    assert quotes.disagreement_sentences(d)[0].startswith("Wire Service gives “We followed every rule")


# ----------------------------------------------------------------------------------------------
# quotes standing alone, terms, pronouns after an opening phrase


def test_a_paragraph_that_introduces_the_next_quote_gives_it_its_speaker(story):
    rows = one(story, "An Acme spokesperson tried to give some context in a comment to a news agency.",
               "“It was a routine sale that happened like that, and both sides knew it.”", indirect=False)
    assert [(r["speaker"], r["actor"], r["attribution"]) for r in rows] == [("an Acme spokesperson", "Acme", "continues")]
    # narration without a word of speech introduces nobody
    rows = one(story, "An Acme spokesperson walked to the harbour on Monday.",
               "“It was a routine sale that happened like that, and both sides knew it.”", indirect=False)
    assert [r["speaker"] for r in rows] == [None]


def test_a_subhead_between_two_quote_paragraphs_does_not_end_the_chain(story):
    rows = one(story, "Mary Jones said: “We will appeal the fine in every court we can.",
               "Acme to appeal after record fine",
               "“In this situation, this is the thing that we have to do.”", indirect=False)
    assert [r["speaker"] for r in rows] == ["Mary Jones", "Mary Jones"]


def test_a_pronoun_after_an_opening_phrase_is_the_subject(story):
    rows = one(story, "Mary Jones spoke to the council on Monday.",
               "Despite speculation that she would resign over the fine she has now said: “I am going to fight "
               "until the end.”", indirect=False)
    assert [r["speaker"] for r in rows] == ["Mary Jones"]


@pytest.mark.parametrize("sentence", [
    "The regulator declared the leak a “serious data protection incident” (SDPI) on Monday.",
    "Acme said the regulator called it a “Serious Data Protection Incident.”",
    "The watchdog opened a “data protection emergency,” or DPE, last year.",
])
def test_a_term_with_its_acronym_or_in_title_case_is_cited(story, sentence):
    assert [r["kind"] for r in one(story, sentence, indirect=False)] == ["cited"]


# ----------------------------------------------------------------------------------------------
# quotation marks of other typographies, lost and misshapen marks


@pytest.mark.parametrize("par, quoted", [
    ("The mayor said «we will rebuild» on Monday.", ["we will rebuild"]),
    ("The mayor said „we will rebuild“ on Monday.", ["we will rebuild"]),
    ("The mayor said 「we will rebuild」 on Monday, and 『soon』.", ["we will rebuild", "soon"]),
    # a quote that lost its closing mark ends at the comma before its attribution
    ("“The sea protected us, it seems, Ruiz said. “We still have to wait for news.”",
     ["The sea protected us, it seems,", "We still have to wait for news."]),
    ("“We lost everything. “It was terrible.”", ["We lost everything.", "It was terrible."]),
    # a closing mark of the wrong shape closes, or closes nothing
    ("She said “we will not resign“. Then she left.", ["we will not resign"]),
    ("I will not resign“. Later he apologized “unreservedly” to the team.", ["unreservedly"]),
])
def test_quote_spans_read_other_typographies_and_lost_marks(par, quoted):
    from presslens.text import segment

    assert [par[a:b] for a, b in segment.quote_spans(par).spans] == quoted


@pytest.mark.parametrize("paragraphs, quote, speaker", [
    # "State" in a university's name is no verb: the verb is "wrote"
    (["“The storm doubled in strength in 12 hours,” Harbour State University researcher Ana Ruiz wrote on Tuesday."],
     "The storm doubled in strength in 12 hours,", "Ana Ruiz"),
    # a participle with its own subject: "with many labelling"
    (["Jones caught criticism online, with many labelling the sale “shameful”."], "shameful", "many"),
    # "they" for an organisation of the same sentence
    (["Globex came to his defence in a statement in which they concluded that “the engineer has not lied.”"],
     "the engineer has not lied.", "Globex"),
    # a progressive "is warning" is no passive
    (["After the spill, Globex is also warning that more leaks are likely – “in the coming days”."],
     "in the coming days", "Globex"),
    # one sentence, one speaker: a short quote before a quote attributed after it
    (["“A worker on the night shift” at the plant “was injured by the leak,” Globex said in a statement."],
     "A worker on the night shift", "Globex"),
])
def test_more_frames_of_attribution(story, paragraphs, quote, speaker):
    rows = [r for r in one(story, *paragraphs, indirect=False) if r["quote"] == quote]
    assert [(r["kind"], r["speaker"]) for r in rows] == [("direct", speaker)], rows


def test_a_quote_inside_a_relative_clause_is_not_given_to_the_main_verbs_object(story):
    rows = one(story, "On Monday Jones, who had called the critics “idiots and fools”, issued a statement in which she "
                      "said she had “made a mistake.”", indirect=False)
    assert [(r["quote"], r["speaker"]) for r in rows] == [("idiots and fools", "Mary Jones"),
                                                          ("made a mistake.", "Mary Jones")]


def test_according_to_a_title_and_the_name_after_it(story):
    rows = one(story, "According to the company's spokesperson, Mary Jones, the quay had been closed since May.")
    assert [(r["quote"], r["speaker"], r["speaker_kind"], r["actor"]) for r in rows if r["kind"] == "indirect"] == [
        ("the quay had been closed since May", "Mary Jones", "named", "Acme")]


def test_a_person_among_the_story_actors_speaks_as_a_person():
    from presslens.analyses.quotes import resolve

    st = acme_story(Actor("Ana Ruiz", "person", ("Ana Ruiz", "Ruiz")))
    assert resolve.resolve_speaker("the harbour master, Ana Ruiz", st, None) == ("Ana Ruiz", "named", "Ana Ruiz")
    assert resolve.resolve_speaker("Mary Jones", st, None) == ("Mary Jones", "named", "Acme")


def test_a_headline_speaker_before_a_colon():
    st = acme_story(Actor("Ana Ruiz", "person", ("Ana Ruiz", "Ruiz")))  # an actor: not among the text's people
    rows = extract.extract_article("a", "Daily", ["Fine for the harbour, Ruiz at the council meeting: “We have no "
                                                  "intention of paying”"], st, indirect=False)
    assert [(r["speaker"], r["verb"]) for r in rows] == [("Ana Ruiz", ":")]


def test_a_line_of_the_body_without_a_sentence_end_reports_nobody(story):
    rows = one(story, "Acme to appeal record fine", "The regulator fined Acme on Monday.",
               "Globex says the harbour will reopen next week", "Acme said the plant was safe.")
    # the first line is the title (a headline of its own); the third, a link to another story
    assert reported(rows) == [("the plant was safe", "Acme", "said")]


def test_a_title_after_a_possessive_is_cited_and_a_short_quote_of_a_later_sentence_is_nobodys(story):
    rows = one(story, "In a clip of the broadcaster's “Harbour Hour,” Jones confirmed that she “can't continue” there.",
               indirect=False)
    assert [(r["quote"], r["kind"], r["speaker"]) for r in rows] == [
        ("Harbour Hour,", "cited", None), ("can't continue", "direct", "Mary Jones")]
    rows = one(story, "“This is pure theatre,” said Mary Jones. Her post had more than 1,200 ‘likes’.", indirect=False)
    assert [(r["quote"], r["kind"], r["speaker"]) for r in rows] == [
        ("This is pure theatre,", "direct", "Mary Jones"), ("likes", "cited", None)]
