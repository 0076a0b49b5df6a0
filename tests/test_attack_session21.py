"""Attack on the notebooks' findings (session 21): crafted Harbour-town stories for the four leftovers of session 20
(two outlets on one aggregator host, the spokesperson caveat, "council spokesperson" and the actor alias "the council",
the trust sentence on a story not in English) and for two stories the suite was not built on. Each defect was written
here first as a failing test, then fixed (see the notes)."""
from pathlib import Path

import pandas as pd

from presslens import load_story
from presslens.analyses import findings

PIER = "Harbour Council closed the old pier on Monday after divers found cracks in two of its piles."
STORY = ("Harbour Council closed the old pier on Monday after divers found cracks in two of its piles. The pier, built "
         "in 1911, carried ferry passengers to the islands for a century and was the town's busiest landing. Local "
         "traders along the quay worry about the summer season, when cruise visitors fill the cafes and the fish "
         "market. Fishing boats will moor at the north quay instead, and the harbour master will publish a new "
         "timetable next week after engineers finish a survey of the remaining piles and the concrete deck.")
ACTORS = ("  - name: Harbour Council\n    kind: government\n    aliases: [Harbour Council, the council]\n"
          "  - name: Quayside Ferries\n    kind: company\n    aliases: [Quayside Ferries]\n")
PARTIES = "parties:\n  accused: [Harbour Council]\n  accusers: [Quayside Ferries]\n"


def harbour(tmp_path: Path, articles, actors: str = ACTORS, extra: str = "", language: str = "en") -> object:
    """A story folder of articles, each a dict with outlet and body (url, published, language, derived_from
    optional), loaded."""
    d = tmp_path / "harbour"
    (d / "articles").mkdir(parents=True)
    (d / "story.yaml").write_text(f"title: Harbour pier\nquestion: Q\nlanguage: {language}\nactors:\n{actors}{extra}",
                                  encoding="utf-8")
    for i, a in enumerate(articles):
        host = "".join(c for c in a["outlet"].lower() if c.isalnum())
        url = a.get("url", f"https://{host}.example/news/harbour-pier-story-{i}")
        derived = a.get("derived_from")
        (d / "articles" / f"a{i:02d}.md").write_text(
            f"---\noutlet: {a['outlet']}\ntitle: Pier story {i}\nurl: {url}\npublished: {a.get('published', f'2024-05-{i + 1:02d}')}\n"
            f"language: {a.get('language', 'en')}\n" + (f"derived_from: [{derived}]\n" if derived else "")
            + f"---\n{a['body']}\n", encoding="utf-8")
    return load_story(d)


# ---------------------------------------------------------------------------------------------
# 1a. two publishers on one aggregator's host are two outlets (provenance, notebook 06)

def _verdict(st, x="a00", y="a01") -> str:
    from presslens.analyses import verdicts

    v = verdicts.verdicts(st)
    row = v[((v["article_a"] == x) & (v["article_b"] == y)) | ((v["article_a"] == y) & (v["article_b"] == x))]
    return row["verdict"].iat[0]


def test_two_publishers_syndicated_on_one_aggregator_host_are_not_one_outlet(tmp_path):
    # defect: the Harbour Times and Bay Courier articles, both captured on msn.com, were "same outlet: its own text
    # reused" (the provenance rule compared hosts); each names its publisher in outlet:, and they are two outlets
    st = harbour(tmp_path, [
        {"outlet": "Harbour Times", "body": STORY, "published": "2024-05-01",
         "url": "https://www.msn.com/en-gb/news/uknews/harbour-council-closes-old-pier-after-divers-find-cracks/ar-BB1harb"},
        {"outlet": "Bay Courier", "body": STORY + " Ferries will sail from the north quay.", "published": "2024-05-05",
         "url": "https://www.msn.com/en-gb/news/uknews/old-pier-closes-as-divers-find-cracks/ar-BB1bayc"}])
    assert not _verdict(st).startswith(("same outlet", "same page"))


def test_an_aggregator_named_as_outlet_is_compared_by_the_publisher_it_credits(tmp_path):
    # the outlet field names the aggregator (MSN) for both; derived_from names two publishers: two outlets
    st = harbour(tmp_path, [
        {"outlet": "MSN", "body": STORY, "published": "2024-05-01", "derived_from": "Harbour Times",
         "url": "https://www.msn.com/en-gb/news/uknews/harbour-council-closes-old-pier-after-divers-find-cracks/ar-BB1harb"},
        {"outlet": "MSN", "body": STORY + " Ferries will sail from the north quay.", "published": "2024-05-05",
         "derived_from": "Bay Courier",
         "url": "https://www.msn.com/en-gb/news/uknews/old-pier-closes-as-divers-find-cracks/ar-BB1bayc"}])
    assert not _verdict(st).startswith(("same outlet", "same page"))


def test_one_publisher_under_two_names_on_its_own_host_is_still_one_outlet(tmp_path):
    # the host's own name and the publisher's name: one outlet (the importer falls back to the host as outlet)
    st = harbour(tmp_path, [
        {"outlet": "Harbour Times", "body": STORY, "published": "2024-05-01",
         "url": "https://www.harbourtimes.example/news/harbour-council-closes-old-pier"},
        {"outlet": "harbourtimes.example", "body": STORY + " Ferries will sail from the north quay.",
         "published": "2024-05-05", "url": "https://www.harbourtimes.example/news/old-pier-closes-as-divers-find-cracks"}])
    assert _verdict(st).startswith(("same outlet", "same page"))


def test_publisher_keys_read_the_page_s_publisher_not_the_host():
    from presslens.story import publishers as p

    assert p.aggregator("uk.msn.com") == "msn" and p.aggregator("msn.com.harbour.example") is None
    assert p.aggregator("", "Microsoft Start") == "msn" and p.aggregator("harbourtimes.example", "Harbour Times") is None
    assert p.publisher("MSN", "https://www.msn.com/x", ("Bay Courier",)) == "baycourier"
    assert p.publisher("msn.com", "https://www.msn.com/x", ("Bay Courier",)) == "baycourier"  # the importer's fallback
    assert p.publisher("Harbour Times", "https://www.msn.com/x", ("Bay Courier",)) == "harbourtimes"  # names its own
    assert p.publisher("MSN", "https://www.msn.com/x") == "msn"  # publisher unknown: the aggregator
    # a host no list knows, carrying two outlets neither of which names it: two publishers
    assert not p.same_publisher(("Harbour Times", "https://portal.example/a", ()), ("Bay Courier", "https://portal.example/b", ()))
    assert p.same_publisher(("The Harbour Times", "https://a.example/a", ()), ("harbour times", "https://b.example/b", ()))


# ---------------------------------------------------------------------------------------------
# 1c. "council spokesperson" speaks for the actor story.yaml lists as "the council" (notebook 05)

def test_a_role_modified_by_an_actor_s_definite_alias_speaks_for_that_actor(tmp_path):
    # defect: "council spokesperson Lena Crane", "a council spokeswoman", "the council's spokesperson, Lena Crane," and
    # "A council spokesperson said ..." were tied to no actor: the story lists Harbour Council as "the council", and the
    # text never writes "the council" before the role noun
    from presslens.analyses import quotes

    said = ['"We acted on the divers\' report," council spokesperson Lena Crane said.',
            '"We acted on the divers\' report," a council spokeswoman said.',
            '"We acted on the divers\' report," the council\'s spokesperson, Lena Crane, said.',
            "A council spokesperson said the pier would stay shut.",
            # another council's spokesperson, a tax official: no actor of the story
            '"We acted on the divers\' report," Selby City Council spokesperson Jo Bell said.',
            'The council tax went up. "It is unfair," a tax official said.']
    st = harbour(tmp_path, [{"outlet": f"Harbour Outlet {i}", "body": PIER + "\n" + s} for i, s in enumerate(said)])
    q = quotes.quotes(st)
    q = q[q["kind"].isin(["direct", "indirect"])].set_index("outlet")
    assert q["actor"].tolist()[:4] == ["Harbour Council"] * 4
    assert q["speaker"].tolist() == ["Lena Crane", "a council spokeswoman", "Lena Crane", "a council spokesperson",
                                     "Jo Bell", "a tax official"]
    assert q["actor"].iloc[4:].isna().all()


# ---------------------------------------------------------------------------------------------
# 1b. the spokesperson caveat names a speaker for the parties their words do not rule out (notebook 05)

def test_the_spokesperson_caveat_lists_a_speaker_only_for_a_party_they_may_speak_for(tmp_path):
    # defect: where both parties were silent in Harbour Times, each balance line named every untied spokesperson as a
    # possible voice: the ferry company's spokesperson for the council, the Port Authority's for both parties
    from presslens.analyses import quotes

    body = (PIER + '\n"We warned them," ferry company spokesperson Idris Vane said.\n'
            '"The quay is safe," Port Authority spokesperson Jo Bell said.\n"It was overdue," spokesperson Lena Crane said.')
    st = harbour(tmp_path, [{"outlet": "Harbour Times", "body": body},
                            {"outlet": "Bay Courier", "body": PIER + '\n"We will reopen it," Harbour Council leader Tom '
                             'Reed said.\n"We lost money," Quayside Ferries chief Ana Holt said.'}], extra=PARTIES)
    q = quotes.quotes(st)
    assert q["actor"].isna().sum() == 3  # hand-checked: Vane, Bell and Crane are tied to no actor
    lines = findings.sources(quotes.voice_share(st), quotes.speakers(st), quotes.fidelity(st), q, 2, quotes.responses(st))
    council = next(x for x in lines if x.startswith("Harbour Council (the accused)"))
    ferries = next(x for x in lines if x.startswith("Quayside Ferries (an accuser)"))
    assert "; speakers tied to no actor, who may speak for Harbour Council: Lena Crane (Harbour Times);" in council
    assert ("; speakers tied to no actor, who may speak for Quayside Ferries: Idris Vane (Harbour Times) and Lena Crane "
            "(Harbour Times);") in ferries


def test_whose_words_a_description_gives():
    from presslens.analyses.quotes import may_speak

    assert may_speak.whose("Port Authority spokesperson Jo Bell", "Jo Bell") == ["Port", "Authority"]
    assert may_speak.whose("a spokesperson for the ferry company", "a spokesperson for the ferry company") == ["ferry", "company"]
    assert may_speak.whose("spokesperson Lena Crane", "Lena Crane") == []


# ---------------------------------------------------------------------------------------------
# 1d. the trust sentence quotes no figure of English-only rules on a story in another language (notebooks 04, 05)

MUELLE = ("El ayuntamiento de Harbour cerró el viejo muelle el lunes después de que unos buzos encontraron grietas en "
          "dos de sus pilotes. \"Actuamos según el informe de los buzos\", dijo la portavoz Lena Crane.")


def test_the_trust_sentence_does_not_quote_english_speaker_figures_on_a_story_in_spanish(tmp_path):
    # defect: notebook 05 on a story in Spanish said "Who speaks ... is unknown: quotes were not read in 'es' articles"
    # and then "How far to trust these findings: ... speakers of direct quotes precision 0.87, recall 0.77; ...",
    # figures of rules that read English only
    from presslens.analyses import quotes

    st = harbour(tmp_path, [{"outlet": "Diario Harbour", "body": MUELLE, "language": "es"},
                            {"outlet": "Gaceta Harbour", "body": MUELLE, "language": "es"}], language="es")
    q, resp = quotes.quotes(st), quotes.responses(st)
    line = findings.caveat("sources", q, resp)[0]
    assert "precision" not in line and "recall" not in line
    assert line == ("How far to trust these findings: presslens's figures for speakers of direct quotes, speakers of "
                    "reported speech and whether a party speaks in an article (balance) were measured on English text "
                    "and do not apply to this story's text ('es'), which those rules do not read (docs/accuracy.md).")
    naming = findings.caveat("naming", q)[0]  # name variants apply; machine-translation tells read English only
    assert "name variants proposed precision" in naming and "machine translations called precision" not in naming
    assert naming.endswith("; the figures for undeclared machine translations called and source language right were "
                           "measured on English text and do not apply to this story's text ('es'), which those rules "
                           "do not read (docs/accuracy.md, `make eval`). Check the rows behind a number before quoting it.")


def test_the_trust_sentence_on_an_english_story_is_unchanged(tmp_path):
    from presslens.analyses import quotes

    st = harbour(tmp_path, [{"outlet": "Harbour Times", "body": PIER}])
    assert findings.caveat("sources", quotes.quotes(st)) == findings.caveat("sources")
    assert "speakers of direct quotes precision" in findings.caveat("sources")[0]


# ---------------------------------------------------------------------------------------------
# 2a. three outlets, one article each: one in French, one quoting nobody (notebooks 00 and 05)

TIMES = (PIER + '\n"We had no choice but to close it," council leader Nora Pell said.\nQuayside Ferries said it had '
         'warned the council for years. "The council ignored our warnings," ferry company chief Idris Vane said.')
COURIER = "The old pier in Harbour is closed until further notice. Divers found cracks in two of its piles last week."
COURRIER = ("Le conseil municipal de Harbour a fermé lundi la vieille jetée après que des plongeurs ont découvert des "
            "fissures dans deux de ses piliers. « Nous n'avions pas le choix », a déclaré Nora Pell, la présidente du "
            "conseil. « La sécurité passe avant tout », a-t-elle ajouté devant les commerçants du quai.")


def _three(tmp_path):
    return harbour(tmp_path, [{"outlet": "Harbour Times", "body": TIMES}, {"outlet": "Bay Courier", "body": COURIER},
                              {"outlet": "Le Courrier du Port", "body": COURRIER, "language": "fr"}],
                   extra=PARTIES + "claims:\n  - id: closed\n    text: The pier closed.\n    patterns: ['\\bclosed\\b']\n")


def test_an_article_left_out_is_left_out_of_every_notebook_and_named(tmp_path):
    # defect: "1 article(s) are left out of the measures in notebooks 01-03", though every notebook (04-08 too) measures
    # the screened story: the French article's quotes, claims and names are read nowhere
    from presslens.notebook import overview

    st = _three(tmp_path)
    lines = findings.corpus(st, overview.article_table(st))
    assert ("1 article is left out of every notebook's measures: Le Courrier du Port (another language or a "
            "duplicate capture; notebook 04 reads articles in other languages only as possible originals of "
            "translations) (table: screening.languages and screening.duplicates say why).") in lines
    assert not any("notebooks 01-03" in x for x in lines)


def test_an_outlet_whose_article_was_not_read_is_said_unread_beside_who_speaks(tmp_path):
    # defect: notebook 05 said "4 direct quotes ... in 2 outlets" and "Harbour Council (the accused) speaks in 1 of 2
    # outlets" of a story of 3 outlets, and never named the French outlet, whose article quotes the council
    from presslens.analyses import quotes
    from presslens.notebook import setup

    ctx = setup.setup(str(tmp_path / "harbour"), str(tmp_path / "figs"), None) if _three(tmp_path) else None
    assert ctx.unread_outlets() == ["Le Courrier du Port"]
    st = ctx.story
    lines = findings.sources(quotes.voice_share(st), quotes.speakers(st), quotes.fidelity(st), quotes.quotes(st),
                             st.articles["outlet"].nunique(), quotes.responses(st), unread=ctx.unread_outlets())
    assert lines[1] == ("Not read: Le Courrier du Port (every article left out: another language or a duplicate "
                        "capture, see the list above): who speaks there, a party included, is unknown, and the counts "
                        "here are of the 2 outlets read.")
    # the names it uses (notebook 04) and the claims it carries (notebook 07) are unknown too
    from presslens.analyses import claims, naming

    grid = claims.grid(st)
    assert ("Not read: Le Courrier du Port (every article left out: another language or a duplicate capture, see the "
            "list above): which claims it carries is unknown, and the counts here are of the 2 outlets read."
            ) in findings.claims(grid, claims.omissions(st), [], unread=ctx.unread_outlets())
    ledger = naming.ledger(st)
    assert any(x.startswith("Not read: Le Courrier du Port (") and "which names it uses is unknown" in x for x in
               findings.naming(ledger, ledger.iloc[0:0], naming.likely_translations(st), 2, unread=ctx.unread_outlets()))


# ---------------------------------------------------------------------------------------------
# 2b. forty outlets, a wire's copy run thirty times, two pages captured twice (notebooks 00, 02, 05)

WIRE = ("HARBOUR, May 6 (Reuters) - Harbour Council closed the town's old pier on Monday after divers found cracks in "
        "two of its piles, cutting the main ferry link to the islands at the start of the tourist season.\n"
        "The pier, built in 1911, carries about 2,000 passengers a day in summer. Engineers will survey the remaining "
        "piles this week, the council said.\n"
        "Quayside Ferries, which runs the island crossings, said it had warned the council about the piles for years "
        "and would seek compensation. The closure is a blow to traders, who fear a lost summer.\n"
        "Ferries will leave from the north quay until repairs are finished, adding about ten minutes to each crossing.")


def test_copies_of_one_text_get_one_tone_interval(tmp_path):
    # defect: of 30 outlets running one wire text word for word, notebook 02 called 19 "wholly below zero" and not the
    # other 11: each outlet's bootstrap was seeded by its name, so identical sentences got different intervals
    from presslens.analyses import tone

    st = harbour(tmp_path, [{"outlet": f"Harbour Outlet {i:02d}", "body": WIRE} for i in range(12)])
    by = tone.outlet_tone_by_voice(st, n_boot=300, seed=0)
    narr = by[by["voice"] == "narration"]
    assert narr[["mean", "ci_low", "ci_high"]].drop_duplicates().shape[0] == 1
    # still one outlet's own: its interval does not change when another outlet is added
    more = harbour(tmp_path / "more", [{"outlet": f"Harbour Outlet {i:02d}", "body": WIRE} for i in range(12)]
                   + [{"outlet": "Bay Courier", "body": PIER}])
    by2 = tone.outlet_tone_by_voice(more, n_boot=300, seed=0)
    a = narr.set_index("outlet").loc["Harbour Outlet 00", ["ci_low", "ci_high"]].tolist()
    assert by2[by2["voice"] == "narration"].set_index("outlet").loc["Harbour Outlet 00", ["ci_low", "ci_high"]].tolist() == a


def test_the_corpus_does_not_say_no_article_credits_a_source_when_the_text_credits_a_wire(tmp_path):
    # defect: "0 of 12 articles credit a source of their own (column derived_from)" of 12 pickups that open
    # "HARBOUR, May 6 (Reuters) -": the sentence counted the front matter only, and said so as if of the text
    from presslens.notebook import overview

    st = harbour(tmp_path, [{"outlet": f"Harbour Outlet {i:02d}", "body": WIRE} for i in range(12)])
    lines = findings.corpus(st, overview.article_table(st))
    assert not any("credit a source of their own" in x for x in lines)
    assert ("0 of 12 articles declare a source in their front matter (column derived_from); credits written in the "
            "text (a wire's dateline or byline, \"X reported\") are read in notebook 06.") in lines


def test_a_company_named_by_what_it_does_is_the_company_named_before(tmp_path):
    # defect: "A row has broken out between Harbour Council and Quayside Ferries ... The ferry operator says it raised
    # concerns" was tied to no actor ("operator" read as a person's noun), so notebook 05 said "nothing attributable to
    # Quayside Ferries was found" in that outlet; and "the parent company said" was given to Quayside Ferries itself
    from presslens.analyses import quotes

    said = ["A row has broken out between Harbour Council and Quayside Ferries over the pier. The ferry operator says "
            "it raised concerns about the piles in 2019.",
            'Quayside Ferries runs the crossings. "We warned them," the island ferry operator said in a statement.',
            'Quayside Ferries is owned by Gull Holdings. "We warned them," the parent company said.']
    st = harbour(tmp_path, [{"outlet": f"Harbour Outlet {i}", "body": s} for i, s in enumerate(said)], extra=PARTIES)
    q = quotes.quotes(st)
    q = q[q["kind"].isin(["direct", "indirect"])].set_index("outlet")
    assert q["actor"].tolist()[:2] == ["Quayside Ferries", "Quayside Ferries"]
    assert q.loc["Harbour Outlet 2", "speaker"] == "the parent company" and pd.isna(q.loc["Harbour Outlet 2", "actor"])


def test_a_page_captured_twice_is_one_article_on_the_timeline(tmp_path):
    # defect: "42 dated articles over 3 days ... (16 articles a day)" counted two captures of one page (the same URL
    # with a tracking parameter) as two articles
    from presslens.analyses import timeline

    st = harbour(tmp_path, [{"outlet": "Harbour Times", "body": PIER, "published": "2024-05-01",
                             "url": "https://harbourtimes.example/news/pier-closed-after-divers-find-cracks"},
                            {"outlet": "Harbour Times", "body": PIER, "published": "2024-05-01",
                             "url": "https://www.harbourtimes.example/news/pier-closed-after-divers-find-cracks?utm_source=x"},
                            {"outlet": "Bay Courier", "body": COURIER, "published": "2024-05-02"}])
    assert timeline.findings(timeline.per_day(st))[0] == (
        "2 dated articles over 2 days (2024-05-01 to 2024-05-02); 1 article on each of its 2 days with articles (few "
        "articles: the shape of the timeline is weak evidence) (table: timeline).")


def test_a_role_modified_by_a_company_noun_speaks_for_the_company_named_before(tmp_path):
    # defect: '"The council ignored our warnings," ferry company chief Idris Vane said' right after "Quayside Ferries
    # said ..." was tied to no actor: notebook 05 said the accuser was heard "in reported speech only" there
    from presslens.analyses import quotes

    said = ['Quayside Ferries said it had warned the council for years. "The council ignored our warnings," ferry '
            'company chief Idris Vane said.',
            'Harbour Council and Quayside Ferries met on Monday. "We warned them," company spokesperson Ana Holt said.',
            'The pier closed. "We warned them," company spokesperson Ana Holt said.',  # no company named: no one
            'Quayside Ferries runs the crossings. "It is shut," said a company spokesperson. Ana Holt, a passenger, '
            'said: "I will drive."']
    st = harbour(tmp_path, [{"outlet": f"Harbour Outlet {i}", "body": s} for i, s in enumerate(said)], extra=PARTIES)
    q = quotes.quotes(st)
    d = q[q["kind"] == "direct"].set_index(["outlet", "speaker"])["actor"]
    assert d[("Harbour Outlet 0", "Idris Vane")] == "Quayside Ferries"
    assert d[("Harbour Outlet 1", "Ana Holt")] == "Quayside Ferries"  # the council is no company
    assert pd.isna(d[("Harbour Outlet 2", "Ana Holt")]) and pd.isna(d[("Harbour Outlet 3", "Ana Holt")])


def test_copies_of_one_text_get_one_rate_interval(tmp_path):
    # the same class in notebook 01: the rate intervals were seeded by the outlet's name
    from presslens.analyses.wordchoice import lexicon, matching

    st = harbour(tmp_path, [{"outlet": f"Harbour Outlet {i:02d}", "body": WIRE + " Critics called it a secret "
                             "cover-up and a scandal."} for i in range(6)])
    rates = matching.rates(st, lexicon.lexicon_for(st), n_boot=200)
    narr = rates[(rates["voice"] == "narration") & (rates["hits"] > 0)]
    assert len(narr) and narr.groupby("label")[["ci_low", "ci_high"]].nunique().max().max() == 1
