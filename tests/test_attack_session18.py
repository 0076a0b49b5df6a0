"""Session 18's attack on the session's own work: crafted inputs (an invented Harbour town story) that
made a memo, a key or a rule give another answer than a fresh process would, or name somebody wrongly."""
from __future__ import annotations

import dataclasses

import pytest

from presslens.engine import keys
from presslens.story.load import load_story


def _fresh_key(st):
    """The key a fresh process computes: the tables copied, nothing kept."""
    refs = None if st.references is None else st.references.copy(deep=True)
    return keys.story_key(dataclasses.replace(st, articles=st.articles.copy(deep=True), references=refs))


def test_an_int_column_edited_in_place_from_minus_one_to_minus_two_changes_the_key():
    st = load_story()
    st.articles["n"] = -1
    before = keys.story_key(st)
    st.articles.loc[0, "n"] = -2  # hash(-1) == hash(-2) in Python
    assert keys.story_key(st) != before
    assert keys.story_key(st) == _fresh_key(st)


def test_a_column_cast_in_place_changes_the_key():
    st = load_story()
    st.articles["n"] = 1
    before = keys.story_key(st)
    st.articles["n"] = st.articles["n"].astype(float)  # 1 == 1.0: the same hashes, another table
    assert keys.story_key(st) != before
    assert keys.story_key(st) == _fresh_key(st)


def test_an_object_value_replaced_by_an_equal_value_of_another_type_changes_the_key():
    st = load_story()
    st.articles["flag"] = pd_object([1] * len(st.articles))
    before = keys.story_key(st)
    st.articles.loc[0, "flag"] = True  # 1 == True, hash alike
    assert keys.story_key(st) == _fresh_key(st)
    assert keys.story_key(st) != before


def pd_object(values):
    import pandas as pd
    return pd.Series(values, dtype=object)


# ----------------------------------------------------------------------------------------------
# issue 24q: "According to him / her" and the quote after a reported sentence

from presslens.analyses.quotes import extract  # noqa: E402

from .conftest import acme_story  # noqa: E402


@pytest.fixture(scope="module")
def bare_story():
    return dataclasses.replace(acme_story(), actors=[], speakers=[])


def _reported(story, *paragraphs):
    got = extract.extract_article("a", "Daily", list(paragraphs), story)
    return [(r["quote"], r["speaker"]) for r in got if r["kind"] == "indirect"]


@pytest.mark.parametrize("paragraphs, pronoun_clause", [
    # two people spoke, no text says either's gender: "her" is a reader's knowledge of names, not the text's
    (("Ana Ruiz said the quay was shut. Omar Lund said the ferries would sail on Monday.",
      "According to her, the crews were paid late."), "the crews were paid late"),
    (("Omar Lund opened the docks on Friday. Ana Ruiz said the quay was unsafe.",
      "According to him, the cranes are old."), "the cranes are old"),
    (("Omar Lund said the quay was shut.", "Ana Ruiz, the harbour master, said the cranes were old.",
      "According to him, the ferries will sail."), "the ferries will sail"),
    # the speaker talked about another person: "him" may be that person as well
    (("Ana Ruiz said Omar Lund had closed the quay.", "According to him, the ferries will sail."),
     "the ferries will sail"),
])
def test_according_to_a_pronoun_two_people_could_be_names_nobody(bare_story, paragraphs, pronoun_clause):
    got = _reported(bare_story, *paragraphs)
    assert all(spk is None for q, spk in got if q == pronoun_clause), got


def test_according_to_a_pronoun_the_text_gave_the_speaker_still_continues(bare_story):
    got = _reported(bare_story, "Ms Ana Ruiz said the quay was shut. Mr Omar Lund said the ferries would sail on Monday.",
                    "According to him, the crews were paid late.")
    assert ("the crews were paid late", "Omar Lund") in got


def test_a_failed_according_to_her_leaves_no_gender_behind(bare_story):
    # "her" was first resolved to Lund and then refused: Lund is not left a "she", so the "he" after is his
    got = extract.extract_article("a", "Daily", [
        "Ana Ruiz said the quay was shut. Omar Lund said the ferries would sail on Monday.",
        "According to her, the crews were paid late.",
        "\u201cThe cranes are old and will be replaced within a year,\u201d he said."], bare_story)
    assert [r["speaker"] for r in got if r["kind"] == "direct"] == ["Omar Lund"]


@pytest.mark.parametrize("group", ["Critics", "Rivals", "Supporters"])
def test_a_group_of_a_person_is_not_the_person(bare_story, group):
    got = extract.extract_article("a", "Daily", [
        f"{group} of Ana Ruiz said the quay was shut. \u201cWe will rebuild it within a year, whatever it costs.\u201d"],
        bare_story)
    assert all(r["speaker"] != "Ana Ruiz" for r in got), [(r["kind"], r["speaker"]) for r in got]


# ----------------------------------------------------------------------------------------------
# issue 26n: the 'transliteration' key rule


def test_two_spellings_in_one_article_are_two_people(tmp_path):
    from presslens.analyses.naming import discovery

    from .test_translation import _story
    actors = "  - {name: Kamal Haddad, kind: person, aliases: [Kamal Haddad, Haddad]}\n"
    st = _story(tmp_path, actors, [
        ("Quay", "Kamal Haddad spoke at the quay on Monday. His brother Jamal Haddad, a fisherman, was not there."),
        ("Pier", "Jamal Haddad, brother of Kamal Haddad, met the crews at the pier.")])
    d = discovery.discover(st)
    assert "Jamal Haddad" not in set(d["candidate"]), d[["candidate", "actor", "rule"]]


def test_a_respelling_in_another_article_is_still_proposed(tmp_path):
    from presslens.analyses.naming import discovery

    from .test_translation import _story
    actors = "  - {name: Abu Tarek al-Garwami, kind: person, aliases: [Abu Tarek al-Garwami]}\n"
    st = _story(tmp_path, actors, [("Quay", "Abu Tarek al-Garwami spoke at the quay on Monday."),
                                   ("Pier", "Rebel leader Abu Tariq al-Jarwami met the crews at the pier.")])
    d = discovery.discover(st)
    assert dict(zip(d["candidate"], d["rule"])).get("Abu Tariq al-Jarwami") == "transliteration", d


# ----------------------------------------------------------------------------------------------
# issue 23q: reuse.paraphrase CHAIN 5 -> 4

FIRE_A = [  # a local paper's own report of a ferry fire
    "A fire broke out on the ferry Selby Star at Pier 3 in Harbour on Sunday morning, forcing 42 passengers onto the "
    "quay.",
    "Firefighters from Harbour and Selby arrived within ten minutes and put out the blaze in the engine room by noon.",
    "Three crew members were taken to Harbour General Hospital with smoke inhalation, a hospital spokeswoman said.",
    "Harbour Ferries said all sailings to Selby were cancelled for the rest of the day.",
    "The cause of the fire is under investigation by the Marine Accident Board.",
    "Passengers waited for hours in the rain for buses to Selby, and some complained nobody told them anything."]
FIRE_B = [  # a radio site's own report of the same fire: the same facts in the order they happened, its own words
    "Passengers were evacuated from the Selby Star ferry after a fire started in its engine room at Pier 3 in Harbour "
    "on Sunday.",
    "All 42 passengers got off safely, and fire crews from Harbour and Selby had the fire out by noon.",
    "Doctors at Harbour General Hospital treated three of the crew for breathing in smoke.",
    "The operator, Harbour Ferries, called off the remaining Selby sailings that day.",
    "Sunday was the busiest day of the summer season for the Selby route, the port said.",
    "The Selby Star, built in 1998, had passed its last safety inspection in March, the operator said."]


@pytest.mark.xfail(strict=True, reason="two independent reports of one event told in the order it happened share "
                   "four facts in order, each with its names and numbers: the chain of four (CHAIN 4, session 18) "
                   "calls them a reworded copy (undetermined, no accusation). Measured in session 19 on the labelled "
                   "development pairs: two labelled reworded copies the chain finds keep as little wording per "
                   "sentence as this pair (2.3 to 2.5 words beyond names and numbers, 3.2 to 3.7 names and numbers, "
                   "token-set similarity 70; this pair 2.5, 3.5, 71), and the story-relative order of distinctive "
                   "words (presslens.evaluation.rewrite_loso) does not separate independent reports from rewrites, "
                   "nor can it here (a story of two texts has no baseline): nothing yet tells this pair apart")
def test_two_own_reports_of_one_event_in_its_order_are_not_a_reworded_copy(tmp_path):
    from presslens.analyses import reuse, verdicts

    from .test_verdicts_paraphrase import _story
    st = _story(tmp_path, a=" ".join(FIRE_A), b=" ".join(FIRE_B))
    assert reuse.analyse(st).paraphrased.empty
    v = verdicts.verdicts(st)
    assert v.empty or not (v["relation"].isin(["reworded_copy", "copy"])).any()


# ----------------------------------------------------------------------------------------------
# found beside the attack on 24q: a reported clause ran on over another named source's statement


@pytest.mark.parametrize("par, clause, spk", [
    ("Ruiz said the repairs were finished, and Lund said they were not.", "the repairs were finished", "Ana Ruiz"),
    ("Ana Ruiz said the quay was shut, and Omar Lund said the cranes were old.", "the quay was shut", "Ana Ruiz"),
    ("Ana Ruiz told a council meeting last month that the fleet was safe, and Kamal Haddad said the board had no "
     "open concerns.", "the fleet was safe", "Ana Ruiz"),
])
def test_a_reported_clause_ends_where_another_named_source_speaks(bare_story, par, clause, spk):
    got = _reported(bare_story, "Ana Ruiz, Omar Lund and Kamal Haddad met on Monday.", par)
    assert (clause, spk) in got, got


# ----------------------------------------------------------------------------------------------
# found by the pipeline run on the crafted story: another person of the speaker's family name


def test_another_given_name_before_a_speakers_family_name_is_another_person():
    from presslens.analyses.quotes import resolve
    from presslens.story.model import Actor, Speaker
    st = dataclasses.replace(acme_story(), actors=[Actor("Kamal Haddad", "person", ("Kamal Haddad", "Haddad"))],
                             speakers=[Speaker("Kamal Haddad", "Marine Accident Board", "chief inspector", ("Haddad",))])
    assert resolve.resolve_speaker("Jamal Haddad", st, None) == ("Jamal Haddad", "named", None)
    assert resolve.resolve_speaker("Jamal Haddad, a retired engineer", st, None)[0] == "Jamal Haddad"
    for him in ("Haddad", "Mr Haddad", "Chief Inspector Haddad", "Kamal Haddad", "When Haddad"):
        assert resolve.resolve_speaker(him, st, None)[0] == "Kamal Haddad", him
    got = extract.extract_article("a", "Daily", [
        "\u201cThis ship should have been retired years ago,\u201d said Jamal Haddad, a retired marine engineer and "
        "brother of the chief inspector.", "Jamal Haddad said he had warned the operator about the engines."], st)
    assert all(r["speaker"] == "Jamal Haddad" for r in got) and len(got) == 2, [(r["speaker"], r["quote"]) for r in got]


# ----------------------------------------------------------------------------------------------
# issue 20s: the per-process readings of reported speech (no defect found: a guard)


def test_readings_kept_in_one_process_equal_a_fresh_processs_in_any_order():
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path
    script = Path(__file__).with_name("attack18_memo_probe.py")
    root = str(Path(__file__).resolve().parents[1])
    env = {**os.environ, "PYTHONPATH": root}

    def run(order):
        out = subprocess.run([sys.executable, str(script), order], capture_output=True, text=True, env=env, cwd=root,
                             check=True).stdout
        return json.loads(out.strip().splitlines()[-1])
    fresh = {k: run(k)[k] for k in "XYZ"}
    for order in ("XYZ", "ZYXZYX"):
        assert run(order) == fresh, order


def test_a_quote_naming_the_last_speaker_in_the_third_person_is_not_theirs(bare_story):
    got = extract.extract_article("a", "Daily", [
        "Ana Ruiz said the quay was shut. \u201cMs Ruiz is wrong about the quay, and she knows it very well.\u201d"], bare_story)
    assert [r["speaker"] for r in got if r["kind"] == "direct"] == [None]
    got = extract.extract_article("a", "Daily", [  # her own words, not naming her, still go on with her
        "Ana Ruiz said the quay was shut. \u201cWe will rebuild it within a year, whatever it costs.\u201d"], bare_story)
    assert [r["speaker"] for r in got if r["kind"] == "direct"] == ["Ana Ruiz"]
