"""`presslens names`: counts what it lists, one snippet per actor (pasting one never undoes another),
a variant proposed for several actors flagged (issue 27)."""
import argparse

import pandas as pd

from presslens import load_story
from presslens.analyses.naming import discovery
from presslens.cli import names

from .conftest import MINI


def _found(st):
    actor = {a.name: a for a in st.actors}
    rows = []
    for cand, who, rule in [("Acme Inc", "Acme", "short form"), ("Acmee", "Acme", "spelling: edits"),
                            ("ACME Group", "Acme", "word order"), ("Springfield", "Acme", "short form"),
                            ("Springfield", "Data Regulator", "short form")]:
        rows.append({"candidate": cand, "actor": who, "rule": rule, "evidence": "test", "n": 1, "outlets": "Wire Service",
                     "first_sentence": "A sentence.", "yaml": discovery._snippet(actor[who], cand, rule, "test")})
    return pd.DataFrame(rows)


def test_names_counts_groups_and_flags(monkeypatch, capsys):
    st = load_story(MINI)
    monkeypatch.setattr(discovery, "discover", lambda *a, **k: _found(st))
    args = argparse.Namespace(story=str(MINI), max_edits=1, min_mentions=1)
    assert names.cmd_names(args) == 0
    out = capsys.readouterr().out
    assert "4 unlisted variant(s) of actors' names, 5 proposal(s)" in out  # what it says is what it lists
    assert out.count("(AMBIGUOUS: proposed for 2 actors)") == 2
    # one aliases line for Acme holding all three new aliases, not three lines each undoing the others
    assert out.count("actor Acme: replace its aliases line with") == 1
    assert "aliases: [Acme, Acme Corp., Acme Corp, Acme Inc, ACME Group, Springfield]" in out
    assert out.count("actor Acme: add under its renderings") == 1 and "form: Acmee" in out
    snippet = names.actor_snippet(st, "Acme", _found(st).query("actor == 'Acme'"))
    aliases, renderings = snippet.split("\n# ")
    assert discovery.parse_snippet(aliases)["aliases"][-3:] == ["Acme Inc", "ACME Group", "Springfield"]
    assert [r["form"] for r in discovery.parse_snippet("# " + renderings)] == ["Acmee"]  # as story.yaml reads it
