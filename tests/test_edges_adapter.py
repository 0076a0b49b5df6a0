"""Boundaries of evaluation/adapter (issue 20): which forms :func:`withhold` takes out (never an actor's or
speaker's own name; case and spacing ignored), a built-in furniture rule switched off on top of the story's
setting (and a story with furniture off left off), one rule alone, unknown fact settings refused and the
package's values put back. The mini fixture story with one invented share prompt added."""
import pytest

from presslens import load_story
from presslens.analyses.facts import grouping
from presslens.errors import ParameterError
from presslens.evaluation import adapter

SHARE = "Share this article"


def _with_share(mini, furniture=None):
    daily = mini / "articles" / "daily.md"
    daily.write_text(daily.read_text(encoding="utf-8").replace("Advertisement\n", f"Advertisement\n{SHARE}\n"),
                     encoding="utf-8")
    if furniture is not None:
        y = mini / "story.yaml"
        y.write_text(y.read_text(encoding="utf-8") + f"furniture: {furniture}\n", encoding="utf-8")
    return mini


def test_withhold_keeps_own_names_and_drops_listed_forms(mini):
    st = load_story(mini)
    bare = adapter.withhold(st, ["acme  CORP", "AKME", "reed", "Acme", "Mary Jones", "the watchdog "])
    acme = next(a for a in bare.actors if a.name == "Acme")
    regulator = next(a for a in bare.actors if a.name == "Data Regulator")
    assert acme.aliases == ("Acme", "Acme Corp.")  # its own name stays; "Acme Corp." is another form
    assert acme.renderings == ()
    assert regulator.aliases == ("Data Regulator", "the regulator")
    speakers = {s.name: s.aliases for s in bare.speakers}
    assert speakers == {"Mary Jones": ("Jones",), "Tom Reed": ()}
    assert adapter.withhold(st, []).actors == st.actors


def test_predict_furniture_disables_a_rule_on_top_of_the_story(mini):
    _with_share(mini)
    _, removed, _ = adapter.predict_furniture(mini)
    assert removed.loc[removed["removed"] == SHARE, "rule_id"].tolist() == ["share-prompt"]
    _, removed, _ = adapter.predict_furniture(mini, disable=["share-prompt"])
    assert removed.loc[removed["removed"] == SHARE, "rule_id"].tolist() == ["share-line"]  # the next rule takes it
    # page-prompt (a short command about the page, session 15) and page-talk (words about the page, session 21)
    # would take it too
    _, removed, measured = adapter.predict_furniture(mini, disable=["share-line", "share-prompt", "page-prompt",
                                                                    "page-talk"])
    assert SHARE not in set(removed["removed"]) and "Advertisement" in set(removed["removed"])
    assert any(SHARE in t for t in measured["text"])


def test_predict_furniture_leaves_furniture_off(mini):
    _with_share(mini, furniture="false")
    _, removed, _ = adapter.predict_furniture(mini, disable=["share-prompt", "share-line"])
    assert set(removed["rule_id"]) <= {""}  # the story's own boilerplate only: no built-in rule switched on
    assert SHARE not in set(removed["removed"]) and "Advertisement" in set(removed["removed"])


def test_removals_alone_one_rule_each_once(mini):
    _with_share(mini)
    got = adapter.removals_alone(mini, ["share-prompt", "no-such-rule", "share-prompt"])
    assert got[["article_id", "removed", "rule_id"]].values.tolist() == [["daily", SHARE, "share-prompt"]]
    assert adapter.removals_alone(mini, ["no-such-rule"]).empty


def test_fact_members_refuses_unknown_settings_and_puts_values_back(mini):
    with pytest.raises(ParameterError, match="BOGUS.*fact discovery has no such threshold"):
        adapter.fact_members(mini, {"BOGUS": 1, "LINK": 0.5})
    before = grouping.LINK
    members, measured = adapter.fact_members(mini, {"LINK": 0.99})
    assert grouping.LINK == before
    assert measured == {"daily", "gazette", "wire"}
    assert list(members.columns) == ["fact", "article_id", "clause", "centre"]
    assert adapter.fact_settings(["LINK", "BOGUS"]) == {"LINK": before}
