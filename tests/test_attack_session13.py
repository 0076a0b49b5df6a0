"""Hostile review of session 13's new rules (attack13): bad and unusual inputs, each defect a crafted Harbour
text that failed before its fix. Every text here is made up."""
import pytest

from presslens import load_story
from presslens.analyses import quotes
from presslens.analyses.naming import translation
from presslens.analyses.quotes import transcript
from presslens.text import mtpage, speechmarks

BODY = ("Floodwater reached the quay of Eastport on Tuesday, the Harbour Council said. The council said the sluice "
        "gates would stay shut until Friday.")


def _story(tmp_path, arts):
    d = tmp_path / "s"
    (d / "articles").mkdir(parents=True)
    (d / "story.yaml").write_text("title: T\nquestion: Q\nlanguage: en\nactors:\n  - name: Harbour Council\n"
                                  "    kind: institution\n", encoding="utf-8")
    for i, (url, text) in enumerate(arts):
        (d / "articles" / f"a{i}.md").write_text(
            f"---\noutlet: Outlet {i}\ntitle: Story {i}\nurl: {url}\npublished: 2024-01-0{i + 1}\nlanguage: en\n---\n"
            f"{text}\n", encoding="utf-8")
    return load_story(d)


def _verdicts(st):
    v = translation.likely_translations(st)
    return dict(zip(v["article_id"], v["verdict"]))


# 1. credit_signals (mtpage.py): a prose line reporting or asking about a translation is no page credit
@pytest.mark.parametrize("line", [
    "The text was translated using Google Translate, the court heard.",
    "The report was translated by machine, the council admitted.",
    "This story has been translated by AI? No, says the editor.",
    "The content is machine-translated, according to the lawsuit against the agency.",
])
def test_a_reported_translation_is_no_page_credit(line):
    assert mtpage.credit_signals([line]) == []


def test_a_court_report_about_a_machine_translation_is_no_translation(tmp_path):
    st = _story(tmp_path, [("https://harbourtimes.example/news/1",
                            BODY + "\n\nThe text was translated using Google Translate, the court heard.\n\n"
                            "Judge Ana Ruiz said the error was serious.")])
    assert _verdicts(st).get("a0", "isolated signals") != "likely undeclared translation"


# 2. credit_signals: "Automatically translated" opening a line before a noun is a widget's label, not the page's
@pytest.mark.parametrize("line", ["Automatically translated subtitles are available for this video.",
                                  "Auto-translated captions"])
def test_a_line_about_translated_subtitles_is_no_page_credit(line):
    assert mtpage.credit_signals([line]) == []


@pytest.mark.parametrize("line", ["Machine translated by Google", "(Auto-translated) Harbour Council closes the gates",
                                  "Auto-translated from Estonian", "Machine translated"])
def test_the_label_forms_still_credit(line):
    assert [s.weight for s in mtpage.credit_signals([line])] == [mtpage.CREDIT_WEIGHT]


# 3. speechmarks + edition: one British "..., he says" on a bilingual site's /en/ address made a verdict
def test_unmarked_speech_on_an_english_edition_address_is_no_translation(tmp_path):
    text = (BODY + "\n\nTom Berg has run the harbour for twenty years. We have never seen the river this high, he says."
            "\n\nThe gates will be checked again on Friday.")
    st = _story(tmp_path, [("https://www.harbourpost.example/en/news/flood", text),
                           ("https://www.harbour.example.ca/en/news/2024/01/flood.html",
                            BODY + "\n\nOur crews worked through the night, says Minister Ana Ruiz.")])
    got = _verdicts(st)
    assert got.get("a0") != "likely undeclared translation" and got.get("a1") != "likely undeclared translation"
    ind = translation.translation_indicators(st)
    assert set(ind[ind["rule"] == speechmarks.UNMARKED_RULE]["article_id"]) == {"a0", "a1"}


def test_a_dash_still_counts_beside_an_english_edition_address():
    one = speechmarks.speech_signals([(1, "We are ready for the storm season, — said Harbour Master Olena Kovalenko.")])
    assert [(s.rule, s.weight) for _, _, s in one] == [(speechmarks.RULE, 2)]


# 4. transcript.speaker_heading: a picture's credit line ("Getty Images, file") headed the quotes under it
@pytest.mark.parametrize("line", ["Getty Images, file", "AP Photo, file", "Reuters, file"])
def test_a_picture_credit_heads_no_answers(line):
    assert transcript.speaker_heading(line) is None


def test_a_name_still_heads_answers():
    assert transcript.speaker_heading("Ana Ruiz, harbour master") == "Ana Ruiz"


def test_quotes_under_a_picture_credit_keep_the_speaker_before_it(tmp_path):
    text = ("The Harbour Council held a press conference on Tuesday after the flood.\n\n"
            "Ana Ruiz, harbour master\n\n"
            "“The sluice gates will stay shut until Friday, and the crews will check every mooring first.”\n\n"
            "Getty Images, file\n\n"
            "“Nobody should go near the water until the gates are open again.”")
    q = quotes.quotes(_story(tmp_path, [("https://hr.example/1", text)]))
    assert "Getty Images" not in set(q["speaker"].dropna())


# 5. people.py: a "he said" after "was criticised ... by Tom Berg" went to the sentence subject a paragraph before
# (Ana Ruiz, the one criticised): the agent of a passive is who did it, no mere object of a preposition
def test_he_after_the_agent_of_a_passive_is_that_agent(tmp_path):
    text = ("Ana Ruiz, the harbour master, closed the sluice gates on Tuesday night as the river rose.\n\n"
            "The decision was criticised on Wednesday by Tom Berg, the leader of the council's opposition group.\n\n"
            "“It was the wrong call, and the fish market paid for it,” he said.")
    q = quotes.quotes(_story(tmp_path, [("https://hp.example/1", text)]))
    assert q.loc[q["kind"] == "direct", "speaker"].tolist() == ["Tom Berg"]


# 6. transcript.speaker_heading: a section heading "Flood Defences, explained" headed the quote under it as speaker
@pytest.mark.parametrize("line", ["Flood Defences, explained", "Key Events, so far", "Live Updates, as they happen",
                                  "Eastport Floods, in pictures"])
def test_a_section_heading_heads_no_answers(line):
    assert transcript.speaker_heading(line) is None


@pytest.mark.parametrize("line,name", [("Tom Berg, captain", "Tom Berg"), ("Sam Cole, head coach", "Sam Cole"),
                                       ("Tom Berg, in his own words", "Tom Berg")])
def test_speaker_lines_still_head_answers(line, name):
    assert transcript.speaker_heading(line) == name


def test_a_quote_under_a_section_heading_is_not_the_heading_s(tmp_path):
    text = ("Ana Ruiz, the harbour master, told reporters on Tuesday that the gates would hold through the weekend.\n\n"
            "Flood Defences, explained\n\n"
            "“The gates were built in 1953 and they have never failed before, not once in seventy years.”")
    q = quotes.quotes(_story(tmp_path, [("https://hp.example/1", text)]))
    assert "Flood Defences" not in set(q["speaker"].dropna())


# 7. story/load.py: an address urllib refuses ("http://[::1/en/x") passed `presslens check` and stopped every
# analysis with a bare ValueError ("presslens: Invalid IPv6 URL", no file, no fix)
def test_an_unparseable_url_is_a_problem_naming_the_file(tmp_path):
    from presslens.story.model import StoryError
    with pytest.raises(StoryError) as e:
        _story(tmp_path, [("http://[::1/en/x", BODY)])
    assert "a0.md" in str(e.value) and "[url]" in str(e.value) and "url: null" in str(e.value)


# 8. provenance (issue 23): two reports of one press conference, each sentence attributed to the speaker, in the
# speaker's order, are listed as a paraphrase of each other; the speaker is the common source in sight
PRESS_A = ["Harbour master Ana Ruiz told a press conference on Tuesday that the north quay would close for eighteen "
           "months while engineers replace its rotting timber piles.",
           "The repairs will cost 14 million pounds, most of it borrowed from the regional development fund, Ruiz said.",
           "Fishing crews who land their catch at the north quay will move to a temporary pontoon beside the ferry "
           "terminal from March, she said.",
           "Ruiz admitted that the pontoon has no ice plant and that smaller boats could lose a week of trade each month.",
           "She promised a shuttle lorry carrying ice from the market hall twice a day until the quay reopens in autumn "
           "next year.",
           "Asked about the timetable, Ruiz said she was confident the work would finish on time."]
PRESS_B = ["Speaking to journalists on Tuesday, Ana Ruiz, the harbour master, announced that the ageing north quay must "
           "shut for a year and a half so its decaying timber piles can be swapped out.",
           "According to Ruiz, the bill for the work stands at 14 million pounds, much of it a loan drawn from the "
           "regional development pot.",
           "From March, crews who fish from the north quay are to be relocated onto a makeshift pontoon next to the "
           "ferry terminal, Ruiz explained.",
           "She acknowledged the pontoon lacks an ice plant, so smaller vessels might forfeit a week of business every "
           "month.",
           "Ruiz pledged a lorry shuttling ice from the market hall two times daily until the quay opens again next "
           "autumn.",
           "She told reporters she was sure the engineers would keep to the schedule."]


def test_two_reports_of_one_press_conference_are_no_paraphrase_of_each_other(tmp_path):
    from presslens.analyses import provenance
    st = _story(tmp_path, [("https://hp.example/1", "\n\n".join(PRESS_A)), ("https://echo.example/2", "\n\n".join(PRESS_B))])
    p = provenance.provenance(st)
    assert not p["status"].astype(str).str.contains("paraphrase").any()


# 9. speechmarks.FIRST_PERSON: "US" (the country), "ME" (Maine), a numeral "I" ("World War I") were a speaker's
# first person, so ordinary English reported speech with no "we" read as speech left unmarked (weight 2)
@pytest.mark.parametrize("sentence", ["Trade with the US fell sharply last year, says the Harbour Council.",
                                      "US exports through the port doubled in a year, he says.",
                                      "Prices in Portland, ME rose again this winter, says Tom Berg.",
                                      "The quay wall was built before World War I, says Tom Berg."])
def test_a_country_or_a_numeral_is_no_first_person(sentence):
    assert speechmarks.form(sentence) is None


@pytest.mark.parametrize("sentence", ["We have sandbags in readiness, says Kovalenko.",
                                      "They told us to leave the quay at once, he says.",
                                      "I think the gates will hold until Friday, she says."])
def test_a_speaker_s_first_person_still_reads_as_unmarked(sentence):
    assert speechmarks.form(sentence) == "unmarked"
