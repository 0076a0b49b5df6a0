"""The grammar words of attribution live in one place (presslens.text.vocabulary): the rules for a
source after the words (quotes.trailing) and for reported speech (quotes.reported) read the same
lists, so a time word or a subordinator added once reaches both (issue 24, review item)."""
import re
from pathlib import Path

import pytest

from presslens.text import vocabulary as v

QUOTES = Path(__file__).resolve().parent.parent / "presslens" / "analyses" / "quotes"


def test_alternation_keeps_order_and_drops_repeats():
    assert v.alternation(("but", "and"), "or", ("and", "so")) == "but|and|or|so"


@pytest.mark.parametrize("module", ["trailing.py", "reported.py"])
def test_the_quote_rules_keep_no_list_of_their_own(module):
    """No weekday, month or run of subordinators is spelled inside the rule modules any more."""
    src = (QUOTES / module).read_text(encoding="utf-8")
    assert "from presslens.text.vocabulary import" in src
    for run in ("monday|tuesday", "january|february", "although|though|while", "week|weekend|month",
                "despite|with|without", "earlier|later", "say says said"):
        assert run not in src, f"{module} spells {run!r}: take it from presslens.text.vocabulary"


@pytest.mark.parametrize("sentence, clause", [
    # a weekday after the verb (TIME_OPENERS, WEEKDAYS through trailing._REST)
    ("The quay will reopen within a fortnight, the Port Authority said on Monday.", "The quay will reopen within a fortnight"),
    # a period after "last" (PERIODS)
    ("The ferry timetable will change in spring, Globex announced last week.", "The ferry timetable will change in spring"),
])
def test_time_words_after_the_source_still_read(sentence, clause):
    from presslens.analyses.quotes import trailing

    got = trailing.trailing(sentence)
    assert got and got[0][0] == clause


@pytest.mark.parametrize("clause", [
    "Whether the ferry will run on Friday is unclear",   # a question word (QUESTION_WORDS)
    "Would the quay reopen before the summer season",     # an auxiliary (AUXILIARIES)
    "Despite the storm and the rain in the harbour",      # opening phrases only (PHRASE_PREPOSITIONS)
])
def test_clauses_that_state_nothing_are_refused(clause):
    from presslens.analyses.quotes import trailing

    assert not trailing.plausible_clause(clause)


def test_every_list_is_lower_case_words():
    for name in ("WEEKDAYS", "MONTHS", "PERIODS", "TIME_ADVERBS", "TIME_OPENERS", "OCCASION_PREPOSITIONS",
                 "SUBORDINATORS", "COORDINATORS", "RELATIVES", "QUESTION_WORDS", "AUXILIARIES",
                 "PHRASE_PREPOSITIONS", "NOT_SUBJECT_HEADS", "NOT_SUBJECT_WORDS", "SAYING_VERBS"):
        words = getattr(v, name)
        assert words and all(re.fullmatch(r"[a-z]+", w) for w in words), name


def test_reported_speech_builds_its_auxiliaries_from_the_vocabulary():
    """reported.py spells no run of auxiliaries of its own: its three rules take named subsets of
    vocabulary.FINITE_AUXILIARIES (issue 24, review item), each with exactly the members it had."""
    from presslens.analyses.quotes import reported as r

    src = (QUOTES / "reported.py").read_text(encoding="utf-8")
    for run in ("is|are|was|were", "had|has|have", "could|should", "won[’']t"):
        assert run not in src, f"reported.py spells {run!r}: take it from presslens.text.vocabulary"
    assert set(v.FINITE_AUXILIARIES) >= set(v.AUXILIARIES)
    # a determiner and a noun then an auxiliary is a clause, not an object ("the challenge was")
    assert r._DETERMINER_OBJECT.match("the challenge posed by the storm")
    assert not r._DETERMINER_OBJECT.match("the port might reopen")
    assert r._DETERMINER_OBJECT.match("the port must reopen")        # "must" was never in this rule
    assert r._PRONOUN_CLAUSE.match("they had closed the quay")
    assert not r._PRONOUN_CLAUSE.match("it can reopen")                # nor "can" in this one
    assert r._FINITE.search("the ferry won’t sail") and r._FINITE.search("the ferry won't sail")
    assert r._FINITE.search("the quay shall reopen") and not r._FINITE.search("the quay reopened")
