"""Hostile review of session 14's new rules (attack14): bad and unusual inputs thrown at the paraphrase speaker
rule (23h), the speaker rules (24i), the furniture rules by shape (25j) and the joining of a statement's pieces
(29k). Each defect is a crafted Harbour text that failed before its fix (or an xfail naming why it is left).
Every text here is made up."""
import numpy as np
import pytest

from presslens.analyses import verdicts
from presslens.analyses.facts import join, normalise

from .furniture_cases import P1, P2, P3, run
from .test_attack_session13 import PRESS_A, PRESS_B
from .test_reuse import write_story
from .test_verdicts import pair


def _pair_story(tmp_path, a, b):
    return write_story(tmp_path / "s", {
        "a": {"outlet": "Coast Gazette", "text": " ".join(a), "published": None, "url": "https://a.example/quay"},
        "b": {"outlet": "Bay Courier", "text": " ".join(b), "published": None, "url": "https://b.example/quay"}})


# 1. paraphrased.spoken: an interview the speaker gave one outlet ("told the Coast Gazette", "in an interview with
# the Coast Gazette") is that outlet's report; another outlet retelling it sentence by sentence, crediting no one,
# took it from that outlet, not from the speaker: 'common source: the speaker' exonerated an uncredited rewrite
EXCLUSIVE_A = (["In an interview with the Coast Gazette, harbour master Ana Ruiz said on Tuesday that the north quay "
                "would close for eighteen months while engineers replace its rotting timber piles."] + PRESS_A[1:-1]
               + ["Asked about the timetable, Ruiz told the Coast Gazette she was confident the work would finish on "
                  "time."])


def test_a_rewrite_of_one_outlets_interview_is_no_common_speaker(tmp_path):
    v = pair(verdicts.verdicts(_pair_story(tmp_path, EXCLUSIVE_A, PRESS_B)), "a", "b")
    assert v["kind"] == "paraphrase" and not v["accusation"]
    assert not v["verdict"].startswith("common source: the speaker"), v["verdict"]
    assert v["relation"] == "reworded_copy"


def test_the_press_conference_pair_still_has_the_speaker_as_common_source(tmp_path):
    v = pair(verdicts.verdicts(_pair_story(tmp_path, PRESS_A, PRESS_B)), "a", "b")
    assert v["verdict"].startswith("common source: the speaker Ana Ruiz")


# 2. paraphrased.spoken: a speaker named in full only before the chain, then "Ruiz" and "she" in it: the name
# shown was the pronoun's key, lower case ("the speaker ruiz"). The speakers are now the quotes analysis's, which
# resolves "Ruiz" and "she" to the person named in full
SURNAME_A = ["Harbour master Ana Ruiz said she had run the port for eleven years.",
             "The quay will close for eighteen months while engineers replace its rotting timber piles, she said.",
             "The repairs will cost 14 million pounds, most of it borrowed from the development fund, Ruiz said.",
             "She said crews who fish from the north quay would move to a temporary pontoon beside the ferry terminal.",
             "The temporary pontoon beside the ferry terminal has no ice plant for the smaller boats, she admitted.",
             "Ruiz said the work would be finished by the autumn of next year at the latest."]
SURNAME_B = ["Ana Ruiz said she had been harbour master for more than a decade.",
             "She said the ageing quay must shut for a year and a half so its decaying timber piles can be swapped.",
             "Ruiz said the bill for the work stands at 14 million pounds, much of it a loan from the development pot.",
             "Crews who fish from the north quay are to be relocated onto a makeshift pontoon by the ferry terminal, "
             "she explained.",
             "She acknowledged that the makeshift pontoon lacks an ice plant for the smaller vessels.",
             "Ruiz said she was sure the engineers would keep to the schedule and finish next autumn."]


def test_the_speaker_is_named_as_written_not_by_its_lower_case_key(tmp_path):
    v = pair(verdicts.verdicts(_pair_story(tmp_path, SURNAME_A, SURNAME_B)), "a", "b")
    assert v["kind"] == "paraphrase" and v["relation"] == "shared_quote_only", v["verdict"]
    assert v["source"] == "Ana Ruiz" and v["verdict"].startswith("common source: the speaker Ana Ruiz,"), v["verdict"]


def test_a_pronoun_is_still_read_as_the_speaker_named_before(tmp_path):
    from .test_paraphrase_speaker import speakers
    got = speakers(tmp_path, ["Harbour master Ana Ruiz said the port would stay open.",
                              "She said the quay would reopen next autumn."])
    assert got == ["Ana Ruiz", "Ana Ruiz"]


# 3. join.pieces: two pieces giving different figures (2 and 5 million) each joined a first piece that gives no
# figure, so one fact held both: the check was made against the first piece only, not against what joined it
def test_pieces_with_figures_that_disagree_do_not_meet_in_a_piece_without_one():
    texts = ["Repairs to the pier will cost a fortune, the Harbour Council said.",
             "Repairs to the pier will cost 2 million pounds, the Harbour Council said.",
             "Repairs to the pier will cost 5 million pounds, the Harbour Council said."]
    fig = [normalise.figures(t) for t in texts]
    found = [(i, None, np.array([4, 5]), np.array([4, 5, 6])) for i in range(3)]
    into = join.pieces(found, np.zeros(3, dtype=bool), np.arange(3), fig)
    assert not (into.get(1) == 0 and into.get(2) == 0), into
    assert into.get(1) == 0          # the first figure still joins the piece that gives none


# 4. prompts.site_voice: "this site" beside a word the web shares with a planning notice or a bank warning
# ("comments", "account", "sign in"), and a library or museum the story is about that "is your home for" photos
# or stories, were the site speaking of itself: prose of the story removed as furniture
PLANNING = "If you live near this site, you can send your comments to the council until Friday."
BANK = "If you bank on this app, do not share your account password with anyone who calls you."
LIBRARY = "Eastport Library is your home for local history, with photos of every ship built at the yard."


@pytest.mark.parametrize("line", [PLANNING, BANK])
def test_this_site_beside_comments_or_an_account_is_the_storys(line):
    kept, rules = run(["Plans for flats on the old depot go on show", P1, line, P2, P3])
    assert line in kept, rules.get(line)


def test_a_place_the_story_names_is_no_site_speaking_of_itself():
    lede = "Eastport Library reopened on Monday after a year of repairs to its roof and its reading room."
    kept, rules = run(["Harbour library reopens", lede, P1, LIBRARY, P2, P3])
    assert LIBRARY in kept, rules.get(LIBRARY)


def test_the_site_named_as_the_readers_source_still_goes():
    tuned = "For the latest on the storm, please stay tuned to The Harbour Post Online."
    source = "The Harbour Post is your go-to place for the best local stories, pictures and videos."
    cookies = "It appears you have turned cookies off on this site, so comments are switched off for you."
    kept, rules = run(["Harbour library reopens", P1, P2, P3, tuned, source, cookies])
    assert source not in kept and cookies not in kept, rules


# 5. verdicts.decide (n = max of the two sides' shared narration): a live page that repeats one background paragraph
# in every update counted a short text's paragraph once per repeat, so a 17-word text sharing that paragraph was
# "copied without credit" of 640 shared words (the same pair with the paragraph once says "too little narration
# shared to decide"). Fixed in session 15: the narration shared is counted on the side holding fewer of its words.
BACKGROUND = "Harbour officials closed the port on Friday after the storm wrecked two piers and a fuel depot."


def test_a_paragraph_repeated_in_a_live_page_accuses_no_short_text(tmp_path):
    live = "\n\n".join(f"Update {i}: the ferry timetable changed again. {BACKGROUND}" for i in range(40))
    st = write_story(tmp_path / "s", {
        "a": {"outlet": "Harbour Live", "text": live, "published": "2024-05-06", "url": "https://a.example/live"},
        "b": {"outlet": "Bay Courier", "text": BACKGROUND + "\n\nThe council will meet on Monday.",
              "published": "2024-05-08", "url": "https://b.example/port"}})
    v = pair(verdicts.verdicts(st), "a", "b")
    assert not v["accusation"], (v["verdict"], v["shared_narration"])
    assert v["shared_narration"] < verdicts.EVIDENCE_WORDS and v["verdict"].startswith("too little narration")


# ------------------------------------------------------------------------------ left open (strict xfail, reasons)

# 6. speakers (pre-existing, found on a fresh story of real pages): "The U.S. Coast Guard says ..." gives the
# speaker "The U", and "said Rear Adm. Ana Lund" with Ana Lund a listed actor gives "Rear Adm" (fixed in session 15,
# 24j: a dotted abbreviation is one word of a name; titles before a listed person leave them the speaker)
def test_a_dotted_abbreviation_does_not_cut_the_speakers_name(tmp_path):
    from presslens import load_story
    from presslens.analyses import quotes
    d = tmp_path / "s"
    (d / "articles").mkdir(parents=True)
    (d / "story.yaml").write_text("title: T\nquestion: Q\nlanguage: en\nactors:\n  - name: Ana Lund\n    kind: person\n",
                                  encoding="utf-8")
    (d / "articles" / "a.md").write_text(
        "---\noutlet: Harbour Times\ntitle: Boat lost\nurl: https://ht.example/a\npublished: 2024-01-02\nlanguage: en\n"
        "---\nThe U.S. Coast Guard says a missing fishing boat sank near the harbour wall, killing all five on board.\n\n"
        "Debris found during the search “is consistent with a sudden sinking of the vessel,” said Rear Adm. Ana Lund "
        "of the First Coast Guard District.\n", encoding="utf-8")
    q = quotes.quotes(load_story(d))
    assert set(q["speaker"]) <= {"U.S. Coast Guard", "The U.S. Coast Guard", "Ana Lund"}, q["speaker"].tolist()


# 7. furniture (pre-existing): a recipe's steps and a feature's subheads over paragraphs that trail off in dots
# are prose, removed as a link list
@pytest.mark.xfail(strict=True, reason="link-list takes three or more lines in a row without a sentence end; a "
                   "recipe's steps are such lines (imperative, no full stop): telling them from a menu needs a signal "
                   "not found in this pass (a verb opening every line?)")
def test_a_recipes_steps_are_prose():
    steps = ["Chop two onions and a leek", "Fry them slowly in butter until soft",
             "Add the fish stock and the saffron", "Simmer for twenty minutes then add the fish"]
    kept, rules = run(["Harbour fish stew", "", P1, "", *[x for s in steps for x in (s, "")], P2, "", P3])
    assert all(s in kept for s in steps), {s: rules.get(s) for s in steps}


# 8. quotes (24i's _leads_in): 'X says “...” Y says “...”' gives each quote the name before it only when X is a
# capitalised name: a role ("The harbour master says") lets the next quote's speaker take the first quote too
# (fixed in session 15, 24j: a description opening with its determiner leads in too)
def test_a_role_before_says_leads_into_its_own_quote():
    from presslens.analyses.quotes import extract

    from .conftest import acme_story
    got = [(r["quote"], r["speaker"]) for r in extract.extract_article(
        "a", "Daily", ["The harbour master says “We won.” Tom Berg says “We lost.”"], acme_story()) if r["kind"] == "direct"]
    assert got[0][1] != "Tom Berg", got


# 9. verdicts._explain (pre-existing, found on a fresh story of real pages): a wire's own story (its dateline credit,
# "Jan. 8 (UPI) --") and another text sharing ten words of narration with it were "common source: UPI credits UPI":
# the wire named as the common source of its own copy
def test_a_wires_own_copy_is_not_the_common_source_of_itself(tmp_path):
    wire = ("Jan. 8 (UPI) -- The Harbour Council on Sunday said it had found the gate that fell from the north quay.\n\n"
            "Ana Ruiz, chair of the Harbour and Coastal Safety Board of Eastport, said at a news conference the gate "
            "was found by a diver.\n\n"
            "The board will examine the gate for cracks, rust and the marks of the storm, she said.")
    other = ("Tests and a reset had followed three alarms in December, Ana Ruiz, chair of the Harbour and Coastal Safety "
             "Board of Eastport, said on Sunday evening.\n\nThe gate fell on Friday and was found on the beach below the "
             "lighthouse by a man walking his dog.")
    st = write_story(tmp_path / "s", {
        "a": {"outlet": "UPI", "text": wire, "published": "2024-01-08", "url": "https://upi.example/quay"},
        "b": {"outlet": "Bay Courier", "text": other, "published": "2024-01-08", "url": "https://b.example/quay"}})
    v = verdicts.verdicts(st)
    assert len(v) == 1      # the two share a passage of narration (13 words): a pair is decided
    for r in v.itertuples():
        assert "UPI credits UPI" not in r.verdict and not (r.source == "UPI" and r.verdict.startswith("common source")), \
            r.verdict
        assert not r.accusation


# 10. cards.teaser_cards (25j): a live page whose entries, a title over a paragraph, are cut short with dots: the
# first entry's title was found a short line, so the page's headline above it was taken for the first card's title
# and removed with the next entry as related cards
def test_a_live_pages_headline_and_entries_are_no_related_cards():
    head = "Live: storm hits the harbour"
    road = "Police have closed the coast road at the quay after waves came over the wall and..."
    page = [head, "", "Ferry cancelled", "",
            "The 9am ferry to the islands has been cancelled, the operator says, and the 11am may follow...", "",
            "Road closed at the quay", "", road, "", P1, "", P2, "", P3]
    kept, rules = run(page)
    assert head in kept and road in kept, rules


# 11. linklist.ticker (25j): three summary lines of the story printed above its headline were taken for a ticker of
# other stories' headlines and removed (the story's words are in them: "Storm wrecks two harbour piers" over a
# lede on the storm and the piers)
def test_a_summary_of_the_story_above_its_headline_is_no_ticker():
    summary = ["Storm wrecks two harbour piers", "Fuel depot burns for six hours", "Ships to return on Tuesday after repairs"]
    kept, rules = run([*summary, "", "Harbour Council approves the pier repairs", "", P1, "", P2, "", P3])
    assert all(s in kept for s in summary), rules


def test_a_ticker_of_other_stories_above_the_headline_still_goes():
    other = ["BREAKING", "School closes after a gas leak in Selby", "Bus fares rise again in the new year",
             "Rugby club wins the county cup for a third time"]
    kept, rules = run([*other, "", "Harbour Council approves the pier repairs", "", P1, "", P2, "", P3])
    assert not any(s in kept for s in other[1:]), rules
