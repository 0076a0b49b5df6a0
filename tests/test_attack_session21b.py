"""Findings left false by session 21's attack (attack21b): crafted Harbour-town stories and tables. Notebooks 06 and 08
counted the outlets read without naming the unread one; counts printed with a plural noun whatever the count ("1 hits",
"1 reported statements"); "its organisers said" was listed as an anonymous source. Each test fails on the old code."""
import pandas as pd

from presslens.analyses import findings
from presslens.analyses.findings.common import plural, verb

from tests.test_attack_session21 import PARTIES, PIER, _three, harbour


# ---------------------------------------------------------------------------------------------
# 1. notebooks 06 (reuse) and 08 (profiles) name the outlet none of whose articles was read

def test_reuse_and_profiles_findings_name_the_unread_outlet(tmp_path):
    # defect: of 3 outlets, the French one read nowhere, notebook 06 said "proposed 0 of the 1 pairs of the 2 articles
    # compared" and notebook 08 "Harbour Times has the longest articles" without saying a third outlet was not read
    from presslens.analyses import profiles, provenance, reuse
    from presslens.notebook import setup

    _three(tmp_path)
    ctx = setup.setup(str(tmp_path / "harbour"), str(tmp_path / "figs"), None)
    assert ctx.unread_outlets() == ["Le Courrier du Port"]
    r = reuse.analyse(ctx.whole)
    lines = findings.reuse(r, provenance.provenance(ctx.whole), provenance.from_references(ctx.whole),
                           unread=ctx.unread_outlets())
    assert lines[0].startswith("The 5-gram index proposed 0 of the 1 pair of the 2 articles compared; ")
    assert lines[1] == ("Not read: Le Courrier du Port (every article left out: another language or a duplicate "
                        "capture, see the list above): which text it shares with the other outlets is unknown, and the "
                        "counts here are of the 2 articles read.")
    st = ctx.story
    table, sim = profiles.profiles(st), profiles.similarity(st)
    out = findings.profiles(table, sim, profiles.clusters(st, sim), unread=ctx.unread_outlets())
    assert out[0] == ("Not read: Le Courrier du Port (every article left out: another language or a duplicate capture, "
                      "see the list above): how it compares with the others (length, loaded words, claims, tone, "
                      "framing) is unknown, and the counts here are of the 2 outlets read.")
    # every outlet read: no such sentence (the findings as before)
    assert findings.profiles(table, sim, profiles.clusters(st, sim)) == out[1:]


# ---------------------------------------------------------------------------------------------
# 2. a count and its noun agree

def test_plural():
    assert plural(1, "hit") == "1 hit" and plural(0, "hit") == "0 hits" and plural(2, "reported statement") == \
        "2 reported statements"
    assert plural(1, "country", "countries") == "1 country" and plural(3, "country", "countries") == "3 countries"
    # the verb agrees too: "1 article is left out", "1 pair shares passages" (were "1 article(s) are", "1 pair(s) share")
    assert f"{plural(1, 'pair')} {verb(1, 'shares', 'share')}" == "1 pair shares"
    assert f"{plural(0, 'pair')} {verb(0, 'is', 'are')}" == "0 pairs are"


def test_one_hit_one_reported_statement_one_actor_are_singular(tmp_path):
    # defect: "(10.0 per 1,000 words, 1 hits, ...)", "Harbour Times 1 hits", "0 direct quotes, 0 cited terms and 1
    # reported statements in 1 outlets", "1 actors are named ... (1 of 1 outlets)", "only 1 items"
    from presslens.analyses import naming, quotes
    from presslens.analyses.findings import trust

    rates = pd.DataFrame([{"outlet": "Harbour Times", "voice": v, "category": "c", "label": "Secrecy", "rate_per_1000": 10.0,
                           "hits": 1, "ci_low": 0.0, "ci_high": 40.6, "few_words": False} for v in ("narration", "quote")])
    lines = findings.wordchoice(rates, pd.DataFrame(columns=["z"]), 100)
    assert lines[0] == ("Highest rate of loaded words in an outlet's own narration: Harbour Times, Secrecy (10.0 per "
                        "1,000 words, 1 hit, 95% interval 0.0-40.6) (table: rates).")
    assert lines[1] == ("Loaded words inside quotation marks (the speakers' words, not the outlet's): Harbour Times 1 hit "
                        "(table: rates, voice quote).")
    st = harbour(tmp_path, [{"outlet": "Harbour Times", "body": PIER + " The council said the pier would stay shut."}])
    q = quotes.quotes(st)
    assert findings.sources(quotes.voice_share(st), quotes.speakers(st), quotes.fidelity(st), q, 1)[0] == (
        "0 direct quotes, 0 cited terms and 1 reported statement in 1 outlet (table: quotes).")
    ledger = naming.ledger(st)
    assert findings.naming(ledger, ledger.iloc[0:0], naming.likely_translations(st), 1)[0] == (
        "1 actor is named; the most widely named is Harbour Council (1 of 1 outlet) (table: ledger).")
    assert trust._share({"kind": "share", "share": 1.0, "items": 1}) == "1.00 (only 1 item: a rough figure)"


def test_the_quoted_hits_of_several_outlets_each_carry_their_noun():
    rates = pd.DataFrame([{"outlet": o, "voice": "quote", "category": "c", "label": "C", "rate_per_1000": 1.0, "hits": n,
                           "ci_low": 0.5, "ci_high": 2.0, "few_words": False} for o, n in (("Harbour Times", 3),
                                                                                        ("Bay Courier", 1))])
    quoted = [x for x in findings.wordchoice(rates, pd.DataFrame(columns=["z"]), 50) if "quotation marks" in x][0]
    assert "Harbour Times 3 hits and Bay Courier 1 hit (table" in quoted


# ---------------------------------------------------------------------------------------------
# 3. "its organisers said": the people of a body named before, not an anonymous source

def test_its_organisers_are_no_anonymous_source(tmp_path):
    # defect: "The Harbour Traders Guild held a meeting ... its organisers said" made notebook 05 print "Anonymous
    # sources: Harbour Outlet 0"; "a source said" still is one
    from presslens.analyses import quotes

    said = ["The Harbour Traders Guild held a meeting on Monday. More than 400 people came, its organisers said.",
            "Harbour traders met the council. They will reopen the cafes on Friday, their organisers said.",
            "More than 400 people came, a source said."]
    st = harbour(tmp_path, [{"outlet": f"Harbour Outlet {i}", "body": s} for i, s in enumerate(said)], extra=PARTIES)
    sp = quotes.speakers(st).set_index("outlet")
    assert sp.loc["Harbour Outlet 0", "speaker"] == "its organisers" and sp.loc["Harbour Outlet 0", "speaker_kind"] == "role"
    assert sp.loc["Harbour Outlet 1", "speaker"] == "their organisers" and sp.loc["Harbour Outlet 1", "speaker_kind"] == "role"
    assert sp.loc["Harbour Outlet 2", "speaker_kind"] == "anonymous"
    lines = findings.sources(quotes.voice_share(st), quotes.speakers(st), quotes.fidelity(st), quotes.quotes(st), 3)
    assert "Anonymous sources: Harbour Outlet 2 (table: speakers, speaker_kind anonymous)." in lines
